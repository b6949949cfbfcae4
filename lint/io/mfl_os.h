/* SPDX-License-Identifier: MIT */
/* The operating system under lint/io, lint/cli and lsp: the calls where
 * POSIX, macOS, Windows and WASI differ, behind one interface. Two
 * implementations: os_posix.c (Linux, macOS, the BSDs, WASI; what macOS
 * names differently is in os_apple.h, and nowhere else) and os_win.c
 * (Windows, UTF-8 paths converted to UTF-16 for the wide Win32 calls, binary
 * I/O only). Nothing else in lint/io, lint/cli or lsp includes <windows.h>,
 * <pwd.h> or <dirent.h>, or reads a `struct stat` (but lsp/wasi/uvlite.c,
 * which stands in for libuv in the WebAssembly build).
 *
 * Paths are UTF-8. On Windows both separators are accepted; paths this layer
 * returns (mfl_os_realpath, mfl_os_getcwd, mfl_os_home) use '/', which every
 * Win32 call accepts, so the callers' string handling ("dir/name", the last
 * '/') works unchanged. Functions that fail return -1 (or NULL/false) and set
 * errno to the closest POSIX code. */
#ifndef MFL_OS_H
#define MFL_OS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Large-file support is required: a GGUF over 2 GiB (every real model) must
 * be read and its size reported on 32-bit systems too. CMake defines
 * _FILE_OFFSET_BITS=64 everywhere; os_posix.c checks sizeof(off_t). */
#define MFL_OS_MAX_PATH 4096

typedef enum {
    MFL_FT_MISSING = 0,
    MFL_FT_FILE,
    MFL_FT_DIR,
    MFL_FT_LINK,   /* only from mfl_os_lstat and mfl_os_readdir */
    MFL_FT_OTHER,  /* device, FIFO, socket */
    MFL_FT_UNKNOWN /* mfl_os_readdir: the file system did not say */
} mfl_ftype_t;

typedef struct {
    mfl_ftype_t type;
    uint64_t size;
    int64_t mtime_sec;
    int64_t mtime_nsec;
    uint64_t dev, ino; /* identity (Windows: volume serial, file index) */
    uint32_t mode;     /* permission bits (Windows: 0444 read-only, else 0666) */
    uint32_t uid, gid; /* owner (0 on Windows and WASI) */
} mfl_os_stat_t;

/* stat (follows symlinks) and lstat. 0, or -1 with errno. */
int mfl_os_stat(const char *path, mfl_os_stat_t *st);
int mfl_os_lstat(const char *path, mfl_os_stat_t *st);
/* Same file, same size, same modification time (a cache key still valid). */
bool mfl_os_stat_same(const mfl_os_stat_t *a, const mfl_os_stat_t *b);

/* Opens a regular file for reading, in binary mode, never blocking on a FIFO
 * and never becoming a controlling terminal. Returns a descriptor and fills
 * *st; -1 with errno when it cannot be opened; MFL_OS_NOT_REGULAR (st->type
 * says what it is) when it is a directory, device, FIFO or socket. */
#define MFL_OS_NOT_REGULAR (-2)
int mfl_os_open_read(const char *path, mfl_os_stat_t *st);
/* read and pread (EINTR retried once per call). Bytes read, 0 at the end,
 * -1 with errno. */
long long mfl_os_read(int fd, void *buf, size_t n);
long long mfl_os_pread(int fd, void *buf, size_t n, uint64_t offset);
int mfl_os_close(int fd);

/* The canonical absolute path (symlinks resolved). Returns out or NULL. */
char *mfl_os_realpath(const char *path, char *out, size_t outsz);
/* The working directory. Returns out or NULL. */
char *mfl_os_getcwd(char *out, size_t outsz);
/* The user's home folder as Go's os.UserHomeDir gives it ($HOME, else the
 * password database; Windows: %USERPROFILE%). False when unknown. */
bool mfl_os_home(char *out, size_t outsz);
/* The home folder of a named user (~name); false when unknown (always on
 * Windows and WASI). */
bool mfl_os_user_home(const char *user, size_t ulen, char *out, size_t outsz);
/* getenv, in UTF-8 (Windows: from the wide environment; the result is valid
 * on this thread until the next call). NULL when unset or empty. */
const char *mfl_os_getenv(const char *name);
/* The model store of a system-wide Ollama service, or NULL: Linux's
 * installer runs Ollama as user `ollama` with its store in
 * /usr/share/ollama/.ollama/models; macOS and Windows have none. */
const char *mfl_os_service_store(void);

/* Directory listing without "." and "..". */
typedef struct mfl_os_dir mfl_os_dir_t;
mfl_os_dir_t *mfl_os_opendir(const char *path);
/* The next name (valid until the next call), or NULL at the end. *type is
 * MFL_FT_FILE, _DIR, _LINK, _OTHER, or MFL_FT_UNKNOWN when the file system
 * does not say (then lstat the entry). */
const char *mfl_os_readdir(mfl_os_dir_t *d, mfl_ftype_t *type);
void mfl_os_closedir(mfl_os_dir_t *d);

/* Whether the file may be replaced by mfl_os_replace_file: the owner can
 * write it (POSIX: a write bit and access(W_OK); Windows: not read-only). */
bool mfl_os_writable(const char *path, const mfl_os_stat_t *st);
/* Replaces the regular file `target` (already resolved, no symlink) with
 * buf[0, len) atomically: a temporary file in the same folder (named
 * ".<name>.mfl-XXXXXX"), written, flushed to disk, given the original's mode
 * and owner, then moved over the target (POSIX rename; Windows ReplaceFileW,
 * which keeps the target's attributes and ACL, else MoveFileExW with
 * MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH). On failure the target
 * is untouched, the temporary file removed, and err says why after the
 * shown name. Returns 0 or -1. */
int mfl_os_replace_file(const char *target, const char *shown, const mfl_os_stat_t *orig,
                        const char *buf, size_t len, char *err, size_t errsz);

/* fnmatch(3) with FNM_PATHNAME when `pathname` ('*' and '?' never match
 * '/'), else flags 0. 0 on a match. Windows has no fnmatch: os_win.c has
 * the same matcher (see it for the bracket expressions it takes). */
int mfl_os_fnmatch(const char *pattern, const char *string, bool pathname);

/* Paths. */
bool mfl_os_is_sep(char c);                    /* '/' (Windows: also '\\') */
const char *mfl_os_last_sep(const char *path); /* the last separator, or NULL */
/* Length of the root of an absolute path ("/" 1; Windows "C:/" 3, "//host/share/"),
 * 0 for a relative path. */
size_t mfl_os_root_len(const char *path);
bool mfl_os_is_abs(const char *path);
/* In place: Windows separators to '/' (no-op elsewhere). */
void mfl_os_path_slashes(char *path);
/* A file: URI's decoded path to a local path, in place: on Windows
 * "/c:/x" -> "c:/x" (drive letters), "//host/share" kept; no-op elsewhere. */
void mfl_os_uri_path_to_local(char *path);
/* The path part of a file: URI for a local absolute path: on Windows
 * "C:\x" -> "/C:/x" and "\\host\share" -> "//host/share"; else the path.
 * Returns out, or NULL when it does not fit. */
char *mfl_os_local_to_uri_path(const char *path, char *out, size_t outsz);

/* Processes. */
int mfl_os_ncpu(void);
bool mfl_os_isatty(int fd);
/* Call first in main(): standard input, output and error in binary mode
 * (Windows: no CRLF translation, no end at 0x1A), argv as UTF-8 (Windows:
 * from the wide command line), SIGPIPE ignored where it exists when
 * ignore_sigpipe. */
void mfl_os_init_process(int *argc, char ***argv, bool ignore_sigpipe);
/* Monotonic time in nanoseconds. */
uint64_t mfl_os_now_ns(void);

#ifdef __cplusplus
}
#endif
#endif

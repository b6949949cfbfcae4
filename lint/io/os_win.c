/* SPDX-License-Identifier: MIT */
/* mfl_os.h on Windows (built with mingw-w64, tested under Wine): UTF-8 paths
 * widened for the -W calls, binary I/O only (no CRLF translation, no end of
 * file at 0x1A), atomic replacement with ReplaceFileW. */
#if defined(_WIN32)
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#ifndef _WIN32_WINNT
#define _WIN32_WINNT 0x0601 /* Windows 7: GetFinalPathNameByHandleW, FindFirstFileExW */
#endif
#include "mfl_os.h"

#include <windows.h>
#include <shellapi.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#ifndef REPLACEFILE_IGNORE_ACL_ERRORS
#define REPLACEFILE_IGNORE_ACL_ERRORS 0x00000004
#endif
#ifndef IO_REPARSE_TAG_SYMLINK
#define IO_REPARSE_TAG_SYMLINK 0xA000000CL
#endif
#ifndef IO_REPARSE_TAG_MOUNT_POINT
#define IO_REPARSE_TAG_MOUNT_POINT 0xA0000003L
#endif

static int errno_of(DWORD e) {
    switch (e) {
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND:
    case ERROR_INVALID_NAME:
    case ERROR_BAD_NETPATH:
    case ERROR_BAD_PATHNAME:
    case ERROR_INVALID_DRIVE: return ENOENT;
    case ERROR_DIRECTORY: return ENOTDIR;
    case ERROR_ACCESS_DENIED:
    case ERROR_SHARING_VIOLATION:
    case ERROR_LOCK_VIOLATION:
    case ERROR_WRITE_PROTECT: return EACCES;
    case ERROR_NOT_ENOUGH_MEMORY:
    case ERROR_OUTOFMEMORY: return ENOMEM;
    case ERROR_FILE_EXISTS:
    case ERROR_ALREADY_EXISTS: return EEXIST;
    case ERROR_DISK_FULL:
    case ERROR_HANDLE_DISK_FULL: return ENOSPC;
    case ERROR_FILENAME_EXCED_RANGE: return ENAMETOOLONG;
    case ERROR_NOT_SUPPORTED: return ENOSYS;
    default: return EIO;
    }
}

static void set_errno(void) { errno = errno_of(GetLastError()); }

/* UTF-8 -> UTF-16 (new, free()). NULL with errno. */
static wchar_t *widen(const char *s) {
    int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, NULL, 0);
    if (n <= 0) {
        errno = ENOENT; /* not UTF-8: no such file can exist */
        return NULL;
    }
    wchar_t *w = malloc((size_t)n * sizeof *w);
    if (!w) {
        errno = ENOMEM;
        return NULL;
    }
    MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, w, n);
    return w;
}

/* UTF-16 -> UTF-8 into out. False when it does not fit. */
static bool narrow_to(const wchar_t *w, char *out, size_t outsz) {
    int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
    if (n <= 0 || (size_t)n > outsz) {
        errno = ENAMETOOLONG;
        return false;
    }
    WideCharToMultiByte(CP_UTF8, 0, w, -1, out, n, NULL, NULL);
    return true;
}

static char *narrow_new(const wchar_t *w) {
    int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
    char *s = n > 0 ? malloc((size_t)n) : NULL;
    if (s) WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL);
    return s;
}

static void from_info(HANDLE h, const BY_HANDLE_FILE_INFORMATION *fi, bool no_follow,
                      mfl_os_stat_t *st) {
    memset(st, 0, sizeof *st);
    DWORD a = fi->dwFileAttributes;
    if ((a & FILE_ATTRIBUTE_REPARSE_POINT) && no_follow) {
        FILE_ATTRIBUTE_TAG_INFO tag;
        if (GetFileInformationByHandleEx(h, FileAttributeTagInfo, &tag, sizeof tag) &&
            (tag.ReparseTag == IO_REPARSE_TAG_SYMLINK ||
             tag.ReparseTag == IO_REPARSE_TAG_MOUNT_POINT))
            st->type = MFL_FT_LINK;
    }
    if (st->type != MFL_FT_LINK)
        st->type = (a & FILE_ATTRIBUTE_DIRECTORY) ? MFL_FT_DIR : MFL_FT_FILE;
    st->size = ((uint64_t)fi->nFileSizeHigh << 32) | fi->nFileSizeLow;
    /* FILETIME: 100 ns ticks since 1601-01-01. */
    uint64_t t =
        ((uint64_t)fi->ftLastWriteTime.dwHighDateTime << 32) | fi->ftLastWriteTime.dwLowDateTime;
    const uint64_t epoch = 116444736000000000ull;
    int64_t rel = (int64_t)(t - epoch);
    st->mtime_sec = rel / 10000000;
    st->mtime_nsec = (rel % 10000000) * 100;
    if (st->mtime_nsec < 0) {
        st->mtime_nsec += 1000000000;
        st->mtime_sec--;
    }
    st->dev = fi->dwVolumeSerialNumber;
    st->ino = ((uint64_t)fi->nFileIndexHigh << 32) | fi->nFileIndexLow;
    st->mode = (a & FILE_ATTRIBUTE_READONLY) ? 0444 : 0666;
    if (st->type == MFL_FT_DIR) st->mode |= 0111;
}

/* Fills st from an open handle: disk files and folders by their
 * information, devices and pipes as MFL_FT_OTHER. */
static int stat_handle(HANDLE h, bool no_follow, mfl_os_stat_t *st) {
    DWORD ft = GetFileType(h);
    if (ft != FILE_TYPE_DISK) {
        memset(st, 0, sizeof *st);
        st->type = MFL_FT_OTHER;
        return 0;
    }
    BY_HANDLE_FILE_INFORMATION fi;
    if (!GetFileInformationByHandle(h, &fi)) {
        set_errno();
        return -1;
    }
    from_info(h, &fi, no_follow, st);
    return 0;
}

static HANDLE open_w(const char *path, DWORD access, DWORD flags) {
    wchar_t *w = widen(path);
    if (!w) return INVALID_HANDLE_VALUE;
    HANDLE h = CreateFileW(w, access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                           OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS | flags, NULL);
    if (h == INVALID_HANDLE_VALUE) set_errno();
    free(w);
    return h;
}

static int stat_path(const char *path, bool no_follow, mfl_os_stat_t *st) {
    HANDLE h = open_w(path, FILE_READ_ATTRIBUTES, no_follow ? FILE_FLAG_OPEN_REPARSE_POINT : 0);
    if (h == INVALID_HANDLE_VALUE) return -1;
    int rc = stat_handle(h, no_follow, st);
    CloseHandle(h);
    return rc;
}

int mfl_os_stat(const char *path, mfl_os_stat_t *st) { return stat_path(path, false, st); }
int mfl_os_lstat(const char *path, mfl_os_stat_t *st) { return stat_path(path, true, st); }

bool mfl_os_stat_same(const mfl_os_stat_t *a, const mfl_os_stat_t *b) {
    return a->ino == b->ino && a->dev == b->dev && a->size == b->size &&
           a->mtime_sec == b->mtime_sec && a->mtime_nsec == b->mtime_nsec;
}

int mfl_os_open_read(const char *path, mfl_os_stat_t *st) {
    HANDLE h = open_w(path, GENERIC_READ, 0);
    if (h == INVALID_HANDLE_VALUE) return -1;
    if (stat_handle(h, false, st) != 0) {
        int e = errno;
        CloseHandle(h);
        errno = e;
        return -1;
    }
    if (st->type != MFL_FT_FILE) {
        CloseHandle(h);
        errno = st->type == MFL_FT_DIR ? EISDIR : EINVAL;
        return MFL_OS_NOT_REGULAR;
    }
    int fd = _open_osfhandle((intptr_t)h, _O_RDONLY | _O_BINARY);
    if (fd < 0) {
        CloseHandle(h);
        errno = EMFILE;
        return -1;
    }
    return fd;
}

static long long read_handle(int fd, void *buf, size_t n, const uint64_t *offset) {
    HANDLE h = (HANDLE)_get_osfhandle(fd);
    if (h == INVALID_HANDLE_VALUE) {
        errno = EBADF;
        return -1;
    }
    DWORD want = n > 0x40000000u ? 0x40000000u : (DWORD)n, got = 0;
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    LARGE_INTEGER zero, here;
    zero.QuadPart = 0;
    if (offset) {
        ov.Offset = (DWORD)*offset;
        ov.OffsetHigh = (DWORD)(*offset >> 32);
    }
    /* ReadFile at an offset moves the file pointer; pread does not. */
    bool restore = offset && SetFilePointerEx(h, zero, &here, FILE_CURRENT);
    BOOL ok = ReadFile(h, buf, want, &got, offset ? &ov : NULL);
    DWORD e = ok ? 0 : GetLastError();
    if (restore) SetFilePointerEx(h, here, NULL, FILE_BEGIN);
    if (!ok) {
        if (e == ERROR_HANDLE_EOF || e == ERROR_BROKEN_PIPE) return 0;
        errno = errno_of(e);
        return -1;
    }
    return (long long)got;
}

long long mfl_os_read(int fd, void *buf, size_t n) { return read_handle(fd, buf, n, NULL); }

long long mfl_os_pread(int fd, void *buf, size_t n, uint64_t offset) {
    return read_handle(fd, buf, n, &offset);
}

int mfl_os_close(int fd) { return _close(fd); }

void mfl_os_path_slashes(char *path) {
    for (char *p = path; *p; p++)
        if (*p == '\\') *p = '/';
}

/* "\\?\C:\x" -> "C:/x", "\\?\UNC\host\share" -> "//host/share". */
static bool final_path_out(wchar_t *w, char *out, size_t outsz) {
    wchar_t *p = w;
    if (wcsncmp(p, L"\\\\?\\UNC\\", 8) == 0) {
        p += 6;
        p[0] = L'\\';
    } else if (wcsncmp(p, L"\\\\?\\", 4) == 0) {
        p += 4;
    }
    if (!narrow_to(p, out, outsz)) return false;
    mfl_os_path_slashes(out);
    return true;
}

char *mfl_os_realpath(const char *path, char *out, size_t outsz) {
    HANDLE h = open_w(path, FILE_READ_ATTRIBUTES, 0);
    if (h == INVALID_HANDLE_VALUE) return NULL;
    wchar_t buf[MFL_OS_MAX_PATH];
    DWORD n =
        GetFinalPathNameByHandleW(h, buf, MFL_OS_MAX_PATH, FILE_NAME_NORMALIZED | VOLUME_NAME_DOS);
    CloseHandle(h);
    if (n == 0 || n >= MFL_OS_MAX_PATH) {
        /* No final name (some network file systems): the full path then. */
        wchar_t *w = widen(path);
        if (!w) return NULL;
        n = GetFullPathNameW(w, MFL_OS_MAX_PATH, buf, NULL);
        free(w);
        if (n == 0 || n >= MFL_OS_MAX_PATH) {
            errno = ENAMETOOLONG;
            return NULL;
        }
    }
    return final_path_out(buf, out, outsz) ? out : NULL;
}

char *mfl_os_getcwd(char *out, size_t outsz) {
    wchar_t buf[MFL_OS_MAX_PATH];
    DWORD n = GetCurrentDirectoryW(MFL_OS_MAX_PATH, buf);
    if (n == 0 || n >= MFL_OS_MAX_PATH) {
        errno = ERANGE;
        return NULL;
    }
    if (!narrow_to(buf, out, outsz)) return NULL;
    mfl_os_path_slashes(out);
    return out;
}

static bool env_w(const wchar_t *name, char *out, size_t outsz) {
    wchar_t buf[MFL_OS_MAX_PATH];
    DWORD n = GetEnvironmentVariableW(name, buf, MFL_OS_MAX_PATH);
    if (n == 0 || n >= MFL_OS_MAX_PATH) return false;
    return narrow_to(buf, out, outsz);
}

bool mfl_os_home(char *out, size_t outsz) {
    /* Go's os.UserHomeDir on Windows: %USERPROFILE%. */
    if (!env_w(L"USERPROFILE", out, outsz) || !*out) return false;
    mfl_os_path_slashes(out);
    return true;
}

bool mfl_os_user_home(const char *user, size_t ulen, char *out, size_t outsz) {
    (void)user;
    (void)ulen;
    (void)out;
    (void)outsz;
    return false;
}

const char *mfl_os_getenv(const char *name) {
    static _Thread_local char buf[MFL_OS_MAX_PATH];
    wchar_t *w = widen(name);
    bool ok = w && env_w(w, buf, sizeof buf) && *buf;
    free(w);
    return ok ? buf : NULL;
}

const char *mfl_os_service_store(void) { return NULL; }

struct mfl_os_dir {
    HANDLE h;
    bool first;
    WIN32_FIND_DATAW fd;
    char name[MAX_PATH * 3 + 1];
};

mfl_os_dir_t *mfl_os_opendir(const char *path) {
    size_t n = strlen(path);
    char *pat = malloc(n + 3);
    if (!pat) {
        errno = ENOMEM;
        return NULL;
    }
    memcpy(pat, path, n);
    size_t k = n;
    if (k == 0 || !mfl_os_is_sep(pat[k - 1])) pat[k++] = '/';
    pat[k++] = '*';
    pat[k] = '\0';
    wchar_t *w = widen(pat);
    free(pat);
    if (!w) return NULL;
    mfl_os_dir_t *d = calloc(1, sizeof *d);
    if (!d) {
        free(w);
        errno = ENOMEM;
        return NULL;
    }
    d->h = FindFirstFileExW(w, FindExInfoBasic, &d->fd, FindExSearchNameMatch, NULL, 0);
    free(w);
    if (d->h == INVALID_HANDLE_VALUE) {
        DWORD e = GetLastError();
        free(d);
        errno = e == ERROR_FILE_NOT_FOUND ? ENOENT : errno_of(e);
        return NULL;
    }
    d->first = true;
    return d;
}

const char *mfl_os_readdir(mfl_os_dir_t *d, mfl_ftype_t *type) {
    for (;;) {
        if (!d->first && !FindNextFileW(d->h, &d->fd)) return NULL;
        d->first = false;
        const wchar_t *n = d->fd.cFileName;
        if (n[0] == L'.' && (n[1] == 0 || (n[1] == L'.' && n[2] == 0))) continue;
        if (!narrow_to(n, d->name, sizeof d->name)) continue;
        DWORD a = d->fd.dwFileAttributes;
        if ((a & FILE_ATTRIBUTE_REPARSE_POINT) && (d->fd.dwReserved0 == IO_REPARSE_TAG_SYMLINK ||
                                                   d->fd.dwReserved0 == IO_REPARSE_TAG_MOUNT_POINT))
            *type = MFL_FT_LINK;
        else
            *type = (a & FILE_ATTRIBUTE_DIRECTORY) ? MFL_FT_DIR : MFL_FT_FILE;
        return d->name;
    }
}

void mfl_os_closedir(mfl_os_dir_t *d) {
    if (!d) return;
    FindClose(d->h);
    free(d);
}

bool mfl_os_writable(const char *path, const mfl_os_stat_t *st) {
    (void)path;
    return (st->mode & 0222) != 0;
}

static void win_msg(char *buf, size_t n, DWORD e) {
    wchar_t w[256];
    DWORD k = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, e,
                             MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT), w, 256, NULL);
    while (k > 0 &&
           (w[k - 1] == L'\r' || w[k - 1] == L'\n' || w[k - 1] == L'.' || w[k - 1] == L' '))
        w[--k] = 0;
    if (k == 0 || !narrow_to(w, buf, n)) snprintf(buf, n, "Windows error %lu", (unsigned long)e);
}

int mfl_os_replace_file(const char *target, const char *shown, const mfl_os_stat_t *orig,
                        const char *buf, size_t len, char *err, size_t errsz) {
    (void)orig;
    char tmp[MFL_OS_MAX_PATH + 32], why[256];
    const char *slash = mfl_os_last_sep(target);
    int dl = slash ? (int)(slash - target) : 0;
    wchar_t *wtmp = NULL, *wtarget = widen(target);
    HANDLE h = INVALID_HANDLE_VALUE;
    if (!wtarget) {
        snprintf(err, errsz, "%s: %s", shown, strerror(errno));
        return -1;
    }
    static volatile LONG counter;
    for (int attempt = 0; attempt < 100 && h == INVALID_HANDLE_VALUE; attempt++) {
        unsigned v = (unsigned)GetCurrentProcessId() * 2654435761u ^ (unsigned)GetTickCount() ^
                     (unsigned)InterlockedIncrement(&counter) * 40503u;
        char rnd[7];
        for (int i = 0; i < 6; i++, v /= 36)
            rnd[i] = "abcdefghijklmnopqrstuvwxyz0123456789"[v % 36];
        rnd[6] = '\0';
        if (snprintf(tmp, sizeof tmp, "%.*s%s.%s.mfl-%s", dl, target, slash ? "/" : "",
                     slash ? slash + 1 : target, rnd) >= (int)sizeof tmp) {
            snprintf(err, errsz, "%s: path too long", shown);
            free(wtarget);
            return -1;
        }
        free(wtmp);
        wtmp = widen(tmp);
        if (!wtmp) break;
        h = CreateFileW(wtmp, GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
        if (h == INVALID_HANDLE_VALUE && GetLastError() != ERROR_FILE_EXISTS) break;
    }
    if (h == INVALID_HANDLE_VALUE) {
        win_msg(why, sizeof why, GetLastError());
        snprintf(err, errsz, "%s: cannot create a temporary file in its folder: %s", shown, why);
        free(wtmp);
        free(wtarget);
        return -1;
    }
    size_t off = 0;
    while (off < len) {
        DWORD chunk = len - off > 0x40000000u ? 0x40000000u : (DWORD)(len - off), w = 0;
        if (!WriteFile(h, buf + off, chunk, &w, NULL)) {
            win_msg(why, sizeof why, GetLastError());
            snprintf(err, errsz, "%s: write failed: %s (file left unchanged)", shown, why);
            goto fail;
        }
        off += w;
    }
    if (!FlushFileBuffers(h)) {
        win_msg(why, sizeof why, GetLastError());
        snprintf(err, errsz, "%s: flush failed: %s (file left unchanged)", shown, why);
        goto fail;
    }
    CloseHandle(h);
    h = INVALID_HANDLE_VALUE;
    /* ReplaceFileW keeps the original's attributes, ACL and identity; where
     * the file system cannot (FAT, some shares), a plain replacing move. */
    if (!ReplaceFileW(wtarget, wtmp, NULL,
                      REPLACEFILE_IGNORE_MERGE_ERRORS | REPLACEFILE_IGNORE_ACL_ERRORS, NULL,
                      NULL) &&
        !MoveFileExW(wtmp, wtarget, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
        win_msg(why, sizeof why, GetLastError());
        snprintf(err, errsz, "%s: cannot replace the file: %s (file left unchanged)", shown, why);
        goto fail;
    }
    free(wtmp);
    free(wtarget);
    return 0;
fail:
    if (h != INVALID_HANDLE_VALUE) CloseHandle(h);
    DeleteFileW(wtmp);
    free(wtmp);
    free(wtarget);
    return -1;
}

/* fnmatch(3) for Windows, where the C library has none: '*', '?', bracket
 * expressions ([abc], [a-z], [!x] and [^x]), '\' escapes the next
 * character (as fnmatch(3) and .gitignore: patterns and paths reach here
 * with '/' separators); letters match either case, as the file system does. */
static bool fn_eq(char a, char b) {
    if (a == '\\') a = '/';
    if (b == '\\') b = '/';
    return tolower((unsigned char)a) == tolower((unsigned char)b);
}

static int fn_bracket(const char **pp, char c) {
    const char *p = *pp + 1;
    bool neg = *p == '!' || *p == '^';
    if (neg) p++;
    bool match = false, first = true;
    unsigned char lc = (unsigned char)tolower((unsigned char)c);
    for (; *p && (first || *p != ']'); first = false) {
        unsigned char lo = (unsigned char)tolower((unsigned char)*p), hi = lo;
        if (p[1] == '-' && p[2] && p[2] != ']') {
            hi = (unsigned char)tolower((unsigned char)p[2]);
            p += 3;
        } else {
            p++;
        }
        if (lc >= lo && lc <= hi) match = true;
    }
    if (*p != ']') return -1; /* not a bracket expression: a literal '[' */
    *pp = p + 1;
    return match != neg;
}

static int fn_match(const char *p, const char *s, bool pathname) {
    for (; *p; p++) {
        switch (*p) {
        case '?':
            if (!*s || (pathname && (*s == '/' || *s == '\\'))) return 1;
            s++;
            break;
        case '*': {
            while (p[1] == '*') p++;
            if (!p[1]) {
                if (!pathname) return 0;
                return strpbrk(s, "/\\") ? 1 : 0;
            }
            for (const char *t = s;; t++) {
                if (fn_match(p + 1, t, pathname) == 0) return 0;
                if (!*t || (pathname && (*t == '/' || *t == '\\'))) return 1;
            }
        }
        case '[': {
            if (!*s || (pathname && (*s == '/' || *s == '\\'))) return 1;
            const char *q = p;
            int r = fn_bracket(&q, *s);
            if (r < 0) {
                if (*s != '[') return 1;
                s++;
                break;
            }
            if (!r) return 1;
            s++;
            p = q - 1;
            break;
        }
        case '\\':
            /* An escape, as in fnmatch(3) and .gitignore files: the next
             * character is literal. Callers split patterns at '/' first and
             * write paths with '/', so no separator reaches here. */
            if (p[1]) p++;
            if (!*s || tolower((unsigned char)*p) != tolower((unsigned char)*s)) return 1;
            s++;
            break;
        default:
            if (!fn_eq(*p, *s)) return 1;
            s++;
        }
    }
    return *s ? 1 : 0;
}

int mfl_os_fnmatch(const char *pattern, const char *string, bool pathname) {
    return fn_match(pattern, string, pathname);
}

bool mfl_os_is_sep(char c) { return c == '/' || c == '\\'; }

const char *mfl_os_last_sep(const char *path) {
    const char *a = strrchr(path, '/'), *b = strrchr(path, '\\');
    return a > b ? a : b;
}

static bool is_drive(const char *p) {
    return ((p[0] >= 'a' && p[0] <= 'z') || (p[0] >= 'A' && p[0] <= 'Z')) && p[1] == ':';
}

size_t mfl_os_root_len(const char *p) {
    if (is_drive(p)) return mfl_os_is_sep(p[2]) ? 3 : 2;
    if (mfl_os_is_sep(p[0]) && mfl_os_is_sep(p[1]) && p[2] && !mfl_os_is_sep(p[2])) {
        /* \\host\share\ */
        size_t i = 2;
        for (int part = 0; part < 2; part++) {
            while (p[i] && !mfl_os_is_sep(p[i])) i++;
            if (p[i]) i++;
        }
        return i;
    }
    return mfl_os_is_sep(p[0]) ? 1 : 0;
}

bool mfl_os_is_abs(const char *p) {
    return mfl_os_root_len(p) > 0 && !(is_drive(p) && !mfl_os_is_sep(p[2]));
}

void mfl_os_uri_path_to_local(char *path) {
    if (path[0] == '/' && is_drive(path + 1) && (path[3] == '/' || path[3] == '\0'))
        memmove(path, path + 1, strlen(path));
    if (is_drive(path) && path[2] == '\0') {
        path[2] = '/';
        path[3] = '\0';
    }
}

char *mfl_os_local_to_uri_path(const char *path, char *out, size_t outsz) {
    size_t n = strlen(path), k = 0;
    if (is_drive(path)) {
        if (n + 2 > outsz) return NULL;
        out[k++] = '/';
    } else if (n + 1 > outsz) {
        return NULL;
    }
    memcpy(out + k, path, n + 1);
    mfl_os_path_slashes(out);
    return out;
}

int mfl_os_ncpu(void) {
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    return si.dwNumberOfProcessors > 0 ? (int)si.dwNumberOfProcessors : 1;
}

bool mfl_os_isatty(int fd) { return _isatty(fd) != 0; }

void mfl_os_init_process(int *argc, char ***argv, bool ignore_sigpipe) {
    (void)ignore_sigpipe; /* Windows has no SIGPIPE: a broken pipe is an error return */
    _setmode(0, _O_BINARY);
    _setmode(1, _O_BINARY);
    _setmode(2, _O_BINARY);
    SetConsoleOutputCP(CP_UTF8);
    int n = 0;
    wchar_t **wa = CommandLineToArgvW(GetCommandLineW(), &n);
    if (!wa) return;
    char **a = calloc((size_t)n + 1, sizeof *a);
    bool ok = a != NULL;
    for (int i = 0; ok && i < n; i++) ok = (a[i] = narrow_new(wa[i])) != NULL;
    LocalFree(wa);
    if (!ok) {
        /* Out of memory at start-up: keep the C library's arguments. */
        for (int i = 0; a && i < n; i++) free(a[i]);
        free(a);
        return;
    }
    /* Kept for the life of the process, like the C library's argv. */
    *argc = n;
    *argv = a;
}

uint64_t mfl_os_now_ns(void) {
    static LARGE_INTEGER freq;
    LARGE_INTEGER c;
    if (!freq.QuadPart) QueryPerformanceFrequency(&freq);
    QueryPerformanceCounter(&c);
    return (uint64_t)((double)c.QuadPart * 1e9 / (double)freq.QuadPart);
}
#endif

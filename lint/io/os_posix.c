/* SPDX-License-Identifier: MIT */
/* mfl_os.h on POSIX systems: Linux, macOS (the names it spells differently
 * come from os_apple.h), the BSDs, and WASI (no users, modes or signals). */
#if !defined(_WIN32)
#if defined(__APPLE__)
#define _DARWIN_C_SOURCE 1
#else
#define _GNU_SOURCE 1
#endif
#include "mfl_os.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>
#if !defined(__wasi__)
#include <pwd.h>
#include <signal.h>
#endif

#if defined(__APPLE__)
#include "os_apple.h"
#else
#define MFL_ST_MTIME_SEC(st) ((st)->st_mtim.tv_sec)
#define MFL_ST_MTIME_NSEC(st) ((st)->st_mtim.tv_nsec)
#endif

#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif
#ifndef O_NOCTTY
#define O_NOCTTY 0
#endif

/* A GGUF over 2 GiB must be analysed on 32-bit systems too. */
_Static_assert(sizeof(off_t) == 8, "build with -D_FILE_OFFSET_BITS=64 (large-file support)");

static mfl_ftype_t type_of(mode_t m) {
    if (S_ISREG(m)) return MFL_FT_FILE;
    if (S_ISDIR(m)) return MFL_FT_DIR;
    if (S_ISLNK(m)) return MFL_FT_LINK;
    return MFL_FT_OTHER;
}

static void from_stat(const struct stat *s, mfl_os_stat_t *st) {
    st->type = type_of(s->st_mode);
    st->size = s->st_size > 0 ? (uint64_t)s->st_size : 0;
    st->mtime_sec = (int64_t)MFL_ST_MTIME_SEC(s);
    st->mtime_nsec = (int64_t)MFL_ST_MTIME_NSEC(s);
    st->dev = (uint64_t)s->st_dev;
    st->ino = (uint64_t)s->st_ino;
    st->mode = (uint32_t)(s->st_mode & 07777);
#if defined(__wasi__)
    st->uid = st->gid = 0;
#else
    st->uid = (uint32_t)s->st_uid;
    st->gid = (uint32_t)s->st_gid;
#endif
}

int mfl_os_stat(const char *path, mfl_os_stat_t *st) {
    struct stat s;
    if (stat(path, &s) != 0) return -1;
    from_stat(&s, st);
    return 0;
}

int mfl_os_lstat(const char *path, mfl_os_stat_t *st) {
    struct stat s;
    if (lstat(path, &s) != 0) return -1;
    from_stat(&s, st);
    return 0;
}

bool mfl_os_stat_same(const mfl_os_stat_t *a, const mfl_os_stat_t *b) {
    return a->ino == b->ino && a->dev == b->dev && a->size == b->size &&
           a->mtime_sec == b->mtime_sec && a->mtime_nsec == b->mtime_nsec;
}

int mfl_os_open_read(const char *path, mfl_os_stat_t *st) {
    /* O_NONBLOCK: opening a FIFO must not hang; fstat then refuses it. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) return -1;
    struct stat s;
    if (fstat(fd, &s) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    from_stat(&s, st);
    if (st->type != MFL_FT_FILE) {
        close(fd);
        errno = st->type == MFL_FT_DIR ? EISDIR : EINVAL;
        return MFL_OS_NOT_REGULAR;
    }
    return fd;
}

long long mfl_os_read(int fd, void *buf, size_t n) {
    for (;;) {
        ssize_t r = read(fd, buf, n);
        if (r < 0 && errno == EINTR) continue;
        return (long long)r;
    }
}

long long mfl_os_pread(int fd, void *buf, size_t n, uint64_t offset) {
    if (offset > (uint64_t)INT64_MAX) {
        errno = EINVAL;
        return -1;
    }
    for (;;) {
        ssize_t r = pread(fd, buf, n, (off_t)offset);
        if (r < 0 && errno == EINTR) continue;
        return (long long)r;
    }
}

int mfl_os_close(int fd) { return close(fd); }

#if defined(__wasi__)
/* WASI's C library has no realpath: the absolute path, symlinks followed
 * one component at a time (readlink), "." and ".." removed. */
static char *wasi_realpath(const char *path, char *buf) {
    char work[PATH_MAX], rest[PATH_MAX];
    if (path[0] == '/') {
        if (strlen(path) >= sizeof rest) return errno = ENAMETOOLONG, NULL;
        strcpy(rest, path);
    } else {
        if (!getcwd(work, sizeof work)) return NULL;
        if (snprintf(rest, sizeof rest, "%s/%s", work, path) >= (int)sizeof rest)
            return errno = ENAMETOOLONG, NULL;
    }
    strcpy(buf, "/");
    int hops = 0;
    char *p = rest;
    while (*p) {
        while (*p == '/') p++;
        if (!*p) break;
        char *seg = p;
        while (*p && *p != '/') p++;
        size_t n = (size_t)(p - seg);
        if (n == 1 && seg[0] == '.') continue;
        if (n == 2 && seg[0] == '.' && seg[1] == '.') {
            char *slash = strrchr(buf, '/');
            if (slash == buf)
                buf[1] = '\0';
            else
                *slash = '\0';
            continue;
        }
        size_t bl = strlen(buf);
        if (bl + 1 + n >= PATH_MAX) return errno = ENAMETOOLONG, NULL;
        if (bl > 1) buf[bl++] = '/';
        memcpy(buf + bl, seg, n);
        buf[bl + n] = '\0';
        struct stat st;
        if (lstat(buf, &st) != 0) return NULL;
        if (S_ISLNK(st.st_mode)) {
            char target[PATH_MAX];
            ssize_t tl = readlink(buf, target, sizeof target - 1);
            if (tl < 0) return NULL;
            target[tl] = '\0';
            if (++hops > 40) return errno = ELOOP, NULL;
            if (strlen(target) + strlen(p) + 1 >= sizeof work) return errno = ENAMETOOLONG, NULL;
            snprintf(work, sizeof work, "%s%s", target, p);
            strcpy(rest, work);
            p = rest;
            if (target[0] == '/')
                strcpy(buf, "/");
            else if ((seg = strrchr(buf, '/')) == buf)
                buf[1] = '\0';
            else
                *seg = '\0';
        }
    }
    return buf;
}
#define realpath(p, b) wasi_realpath(p, b)

/* Nor mkstemp: names tried with O_EXCL until one is free. */
static int wasi_mkstemp(char *tmpl) {
    size_t n = strlen(tmpl);
    if (n < 6 || strcmp(tmpl + n - 6, "XXXXXX") != 0) return errno = EINVAL, -1;
    static unsigned counter;
    for (int attempt = 0; attempt < 100; attempt++) {
        unsigned v = (unsigned)mfl_os_now_ns() ^ (++counter * 2654435761u);
        for (int i = 0; i < 6; i++, v /= 36)
            tmpl[n - 6 + i] = "abcdefghijklmnopqrstuvwxyz0123456789"[v % 36];
        int fd = open(tmpl, O_RDWR | O_CREAT | O_EXCL, 0600);
        if (fd >= 0 || errno != EEXIST) return fd;
    }
    return -1;
}
#define mkstemp(t) wasi_mkstemp(t)
#endif

char *mfl_os_realpath(const char *path, char *out, size_t outsz) {
    char buf[PATH_MAX];
    if (!realpath(path, buf)) return NULL;
    if (strlen(buf) >= outsz) {
        errno = ENAMETOOLONG;
        return NULL;
    }
    strcpy(out, buf);
    return out;
}

char *mfl_os_getcwd(char *out, size_t outsz) { return getcwd(out, outsz); }

static bool copy_out(const char *s, char *out, size_t outsz) {
    if (s == NULL || *s == '\0' || strlen(s) >= outsz) return false;
    strcpy(out, s);
    return true;
}

bool mfl_os_home(char *out, size_t outsz) {
    const char *h = getenv("HOME");
    if (h && *h) return copy_out(h, out, outsz);
#if defined(__wasi__)
    return false;
#else
    struct passwd *pw = getpwuid(getuid());
    return copy_out(pw ? pw->pw_dir : NULL, out, outsz);
#endif
}

bool mfl_os_user_home(const char *user, size_t ulen, char *out, size_t outsz) {
#if defined(__wasi__)
    (void)user;
    (void)ulen;
    (void)out;
    (void)outsz;
    return false;
#else
    char name[256];
    if (ulen >= sizeof name) return false;
    memcpy(name, user, ulen);
    name[ulen] = '\0';
    struct passwd *pw = getpwnam(name);
    return copy_out(pw ? pw->pw_dir : NULL, out, outsz);
#endif
}

const char *mfl_os_getenv(const char *name) {
    const char *v = getenv(name);
    return v && *v ? v : NULL;
}

const char *mfl_os_service_store(void) {
#if defined(__linux__)
    return "/usr/share/ollama/.ollama/models";
#else
    return NULL;
#endif
}

struct mfl_os_dir {
    DIR *d;
};

mfl_os_dir_t *mfl_os_opendir(const char *path) {
    DIR *d = opendir(path);
    if (!d) return NULL;
    mfl_os_dir_t *h = malloc(sizeof *h);
    if (!h) {
        closedir(d);
        errno = ENOMEM;
        return NULL;
    }
    h->d = d;
    return h;
}

const char *mfl_os_readdir(mfl_os_dir_t *h, mfl_ftype_t *type) {
    for (struct dirent *e; (e = readdir(h->d)) != NULL;) {
        if (e->d_name[0] == '.' &&
            (e->d_name[1] == '\0' || (e->d_name[1] == '.' && e->d_name[2] == '\0')))
            continue;
#if defined(DT_UNKNOWN)
        switch (e->d_type) {
        case DT_REG: *type = MFL_FT_FILE; break;
        case DT_DIR: *type = MFL_FT_DIR; break;
        case DT_LNK: *type = MFL_FT_LINK; break;
        case DT_UNKNOWN: *type = MFL_FT_UNKNOWN; break;
        default: *type = MFL_FT_OTHER; break;
        }
#else
        *type = MFL_FT_UNKNOWN;
#endif
        return e->d_name;
    }
    return NULL;
}

void mfl_os_closedir(mfl_os_dir_t *h) {
    if (!h) return;
    closedir(h->d);
    free(h);
}

bool mfl_os_writable(const char *path, const mfl_os_stat_t *st) {
    return (st->mode & 0222) != 0 && access(path, W_OK) == 0;
}

int mfl_os_replace_file(const char *target, const char *shown, const mfl_os_stat_t *orig,
                        const char *buf, size_t len, char *err, size_t errsz) {
    char tmp[PATH_MAX + 32];
    const char *slash = strrchr(target, '/');
    int dl = slash ? (int)(slash - target) : 0;
    if (snprintf(tmp, sizeof tmp, "%.*s%s.%s.mfl-XXXXXX", dl, target, slash ? "/" : "",
                 slash ? slash + 1 : target) >= (int)sizeof tmp) {
        snprintf(err, errsz, "%s: path too long", shown);
        return -1;
    }
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, errsz, "%s: cannot create a temporary file in its folder: %s", shown,
                 strerror(errno));
        return -1;
    }
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, buf + off, len - off);
        if (w < 0) {
            if (errno == EINTR) continue;
            snprintf(err, errsz, "%s: write failed: %s (file left unchanged)", shown,
                     strerror(errno));
            goto fail;
        }
        off += (size_t)w;
    }
#if !defined(__wasi__)
    if (fchmod(fd, (mode_t)orig->mode) != 0) {
        snprintf(err, errsz, "%s: cannot keep the file mode: %s", shown, strerror(errno));
        goto fail;
    }
    if (fchown(fd, (uid_t)orig->uid, (gid_t)orig->gid) != 0) {
        /* Not owner of the original (e.g. a group-writable file): keep going. */
    }
#else
    (void)orig;
#endif
    if (fsync(fd) != 0) {
        snprintf(err, errsz, "%s: fsync failed: %s (file left unchanged)", shown, strerror(errno));
        goto fail;
    }
    if (close(fd) != 0) {
        fd = -1;
        snprintf(err, errsz, "%s: close failed: %s (file left unchanged)", shown, strerror(errno));
        goto fail;
    }
    fd = -1;
    if (rename(tmp, target) != 0) {
        snprintf(err, errsz, "%s: rename failed: %s (file left unchanged)", shown, strerror(errno));
        goto fail;
    }
    return 0;
fail:
    if (fd >= 0) close(fd);
    unlink(tmp);
    return -1;
}

int mfl_os_fnmatch(const char *pattern, const char *string, bool pathname) {
    return fnmatch(pattern, string, pathname ? FNM_PATHNAME : 0);
}

bool mfl_os_is_sep(char c) { return c == '/'; }

const char *mfl_os_last_sep(const char *path) { return strrchr(path, '/'); }

size_t mfl_os_root_len(const char *path) { return path[0] == '/' ? 1 : 0; }

bool mfl_os_is_abs(const char *path) { return path[0] == '/'; }

void mfl_os_path_slashes(char *path) { (void)path; }

void mfl_os_uri_path_to_local(char *path) { (void)path; }

char *mfl_os_local_to_uri_path(const char *path, char *out, size_t outsz) {
    return copy_out(path, out, outsz) ? out : NULL;
}

int mfl_os_ncpu(void) {
#if defined(_SC_NPROCESSORS_ONLN)
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)(n > 1024 ? 1024 : n) : 1;
#else
    return 1;
#endif
}

bool mfl_os_isatty(int fd) { return isatty(fd) == 1; }

void mfl_os_init_process(int *argc, char ***argv, bool ignore_sigpipe) {
    (void)argc;
    (void)argv;
#if !defined(__wasi__)
    if (ignore_sigpipe) signal(SIGPIPE, SIG_IGN);
#else
    (void)ignore_sigpipe;
#endif
}

uint64_t mfl_os_now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}
#endif

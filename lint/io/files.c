/* SPDX-License-Identifier: MIT */
/* Reading files and replacing them atomically. */
#define _GNU_SOURCE
#include "mfl_io.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int mfl_io_read_file(const char *path, size_t max, char **buf, size_t *len, char *err,
                     size_t errsz) {
    /* O_NONBLOCK: opening a FIFO must not hang; it is refused below. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        snprintf(err, errsz, "%s: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        snprintf(err, errsz, "%s: %s", path, strerror(errno));
        close(fd);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(err, errsz, "%s: %s", path,
                 S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
        close(fd);
        return -1;
    }
    if (max && (uint64_t)st.st_size > max) {
        snprintf(err, errsz, "%s: file too large (%lld bytes, limit %zu)", path,
                 (long long)st.st_size, max);
        close(fd);
        return -1;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *b = mfl_malloc(cap);
    if (!b) {
        snprintf(err, errsz, "%s: out of memory", path);
        close(fd);
        return -1;
    }
    for (;;) {
        if (n + 1 >= cap) {
            if (max && n >= max) {
                snprintf(err, errsz, "%s: file too large (limit %zu)", path, max);
                goto fail;
            }
            char *nb = mfl_realloc(b, cap * 2);
            if (!nb) {
                snprintf(err, errsz, "%s: out of memory", path);
                goto fail;
            }
            b = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, b + n, cap - 1 - n);
        if (r < 0) {
            if (errno == EINTR) continue;
            snprintf(err, errsz, "%s: %s", path, strerror(errno));
            goto fail;
        }
        if (r == 0) break;
        n += (size_t)r;
    }
    close(fd);
    b[n] = '\0';
    *buf = b;
    *len = n;
    return 0;
fail:
    mfl_free(b);
    close(fd);
    return -1;
}

int mfl_io_write_atomic(const char *path, const char *buf, size_t len, const char *expect,
                        size_t expect_len, char *err, size_t errsz) {
    char target[PATH_MAX];
    /* Rewrite the file a symlink points to, never replace the link itself. */
    if (!realpath(path, target)) {
        snprintf(err, errsz, "%s: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (stat(target, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errsz, "%s: not a regular file", path);
        return -1;
    }
    if (!(st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) || access(target, W_OK) != 0) {
        snprintf(err, errsz, "%s: file is read-only; not written", path);
        return -1;
    }
    if (expect) {
        char *now = NULL;
        size_t now_len = 0;
        if (mfl_io_read_file(target, 0, &now, &now_len, err, errsz)) return -1;
        bool same = now_len == expect_len && memcmp(now, expect, now_len) == 0;
        mfl_free(now);
        if (!same) {
            snprintf(err, errsz, "%s: changed on disk while it was being fixed; not written", path);
            return -1;
        }
    }
    char tmp[PATH_MAX + 32];
    const char *slash = strrchr(target, '/');
    int dl = slash ? (int)(slash - target) : 0;
    snprintf(tmp, sizeof tmp, "%.*s/.%s.mfl-XXXXXX", dl, target, slash ? slash + 1 : target);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, errsz, "%s: cannot create a temporary file in its folder: %s", path,
                 strerror(errno));
        return -1;
    }
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, buf + off, len - off);
        if (w < 0) {
            if (errno == EINTR) continue;
            snprintf(err, errsz, "%s: write failed: %s (file left unchanged)", path, strerror(errno));
            goto fail;
        }
        off += (size_t)w;
    }
    if (fchmod(fd, st.st_mode & 07777) != 0) {
        snprintf(err, errsz, "%s: cannot keep the file mode: %s", path, strerror(errno));
        goto fail;
    }
    if (fchown(fd, st.st_uid, st.st_gid) != 0) {
        /* Not owner of the original (e.g. a group-writable file): keep going. */
    }
    if (fsync(fd) != 0) {
        snprintf(err, errsz, "%s: fsync failed: %s (file left unchanged)", path, strerror(errno));
        goto fail;
    }
    if (close(fd) != 0) {
        fd = -1;
        snprintf(err, errsz, "%s: close failed: %s (file left unchanged)", path, strerror(errno));
        goto fail;
    }
    fd = -1;
    if (rename(tmp, target) != 0) {
        snprintf(err, errsz, "%s: rename failed: %s (file left unchanged)", path, strerror(errno));
        goto fail;
    }
    return 0;
fail:
    if (fd >= 0) close(fd);
    unlink(tmp);
    return -1;
}

/* SPDX-License-Identifier: MIT */
/* Reading files and replacing them atomically, on the platform layer
 * (mfl_os.h): binary I/O everywhere, so CRLF and 0x1A bytes survive a
 * --fix on Windows as they do elsewhere. */
#include "mfl_io.h"
#include "mfl_os.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The MFL_E* code for an errno value of a failed system call. */
static int code_of_errno(int e) {
    switch (e) {
    case ENOENT:
    case ENOTDIR: return MFL_ENOENT;
    case EACCES:
    case EPERM:
    case EROFS: return MFL_EACCES;
    case ENOMEM: return MFL_ENOMEM;
    case EISDIR: return MFL_ENOTREG;
    case EFBIG: return MFL_EFBIG;
    case ENAMETOOLONG: return MFL_ENAMETOOLONG;
    default: return MFL_EIO;
    }
}

int mfl_io_read_file(const char *path, size_t max, char **buf, size_t *len, char *err,
                     size_t errsz) {
    assert(path && buf && len && (err || !errsz));
    mfl_os_stat_t st;
    int fd = mfl_os_open_read(path, &st);
    if (fd == MFL_OS_NOT_REGULAR) {
        snprintf(err, errsz, "%s: %s", path,
                 st.type == MFL_FT_DIR ? "is a directory" : "not a regular file");
        return MFL_ENOTREG;
    }
    if (fd < 0) {
        int e = errno;
        snprintf(err, errsz, "%s: %s", path, strerror(e));
        return code_of_errno(e);
    }
    if (max && st.size > max) {
        snprintf(err, errsz, "%s: file too large (%llu bytes, limit %zu)", path,
                 (unsigned long long)st.size, max);
        mfl_os_close(fd);
        return MFL_EFBIG;
    }
    if (st.size >= SIZE_MAX / 2) {
        snprintf(err, errsz, "%s: file too large (%llu bytes)", path, (unsigned long long)st.size);
        mfl_os_close(fd);
        return MFL_EFBIG;
    }
    size_t cap = (size_t)st.size + 1, n = 0;
    int rc = MFL_EIO;
    char *b = mfl_malloc(cap);
    if (!b) {
        snprintf(err, errsz, "%s: out of memory", path);
        mfl_os_close(fd);
        return MFL_ENOMEM;
    }
    for (;;) {
        if (n + 1 >= cap) {
            if (max && n >= max) {
                snprintf(err, errsz, "%s: file too large (limit %zu)", path, max);
                rc = MFL_EFBIG;
                goto fail;
            }
            char *nb = mfl_realloc(b, cap * 2);
            if (!nb) {
                snprintf(err, errsz, "%s: out of memory", path);
                rc = MFL_ENOMEM;
                goto fail;
            }
            b = nb;
            cap *= 2;
        }
        long long r = mfl_os_read(fd, b + n, cap - 1 - n);
        if (r < 0) {
            rc = code_of_errno(errno);
            snprintf(err, errsz, "%s: %s", path, strerror(errno));
            goto fail;
        }
        if (r == 0) break;
        n += (size_t)r;
    }
    mfl_os_close(fd);
    b[n] = '\0';
    *buf = b;
    *len = n;
    return 0;
fail:
    mfl_free(b);
    mfl_os_close(fd);
    return rc;
}

int mfl_io_write_atomic(const char *path, const char *buf, size_t len, const char *expect,
                        size_t expect_len, char *err, size_t errsz) {
    assert(path && (buf || !len) && (expect || !expect_len) && (err || !errsz));
    char target[MFL_OS_MAX_PATH];
    /* Rewrite the file a symlink points to, never replace the link itself. */
    if (!mfl_os_realpath(path, target, sizeof target)) {
        int e = errno;
        snprintf(err, errsz, "%s: %s", path, strerror(e));
        return code_of_errno(e);
    }
    mfl_os_stat_t st;
    if (mfl_os_stat(target, &st) != 0 || st.type != MFL_FT_FILE) {
        snprintf(err, errsz, "%s: not a regular file", path);
        return MFL_ENOTREG;
    }
    if (!mfl_os_writable(target, &st)) {
        snprintf(err, errsz, "%s: file is read-only; not written", path);
        return MFL_EACCES;
    }
    if (expect) {
        char *now = NULL;
        size_t now_len = 0;
        int rc = mfl_io_read_file(target, 0, &now, &now_len, err, errsz);
        if (rc) return rc;
        bool same = now_len == expect_len && memcmp(now, expect, now_len) == 0;
        mfl_free(now);
        if (!same) {
            snprintf(err, errsz, "%s: changed on disk while it was being fixed; not written", path);
            return MFL_ECHANGED;
        }
    }
    /* mfl_os_replace_file says why in err; the code is generic. */
    return mfl_os_replace_file(target, path, &st, buf, len, err, errsz) ? MFL_EIO : 0;
}

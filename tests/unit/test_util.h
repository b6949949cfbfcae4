/* SPDX-License-Identifier: MIT */
/* Small helpers shared by the unit tests. */
#ifndef MFL_TEST_UTIL_H
#define MFL_TEST_UTIL_H

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

/* Reads a whole file; returns a new NUL-terminated buffer (free) or NULL. */
static inline char *test_slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!b) {
        fclose(f);
        return NULL;
    }
    *len = fread(b, 1, (size_t)n, f);
    b[*len] = '\0';
    fclose(f);
    return b;
}

/* Writes text to path (cmocka's assert_non_null must be in scope: include
 * this after <cmocka.h> to use it). */
#ifdef assert_non_null
static inline void test_write_text(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}
#endif

/* mkdir -p. */
static inline void test_mkdirs(const char *path) {
    char buf[PATH_MAX * 2];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(buf, 0755);
            *p = '/';
        }
    }
    mkdir(buf, 0755);
}

#endif

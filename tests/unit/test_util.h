/* SPDX-License-Identifier: MIT */
/* Small helpers shared by the unit tests. */
#ifndef MFL_TEST_UTIL_H
#define MFL_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>

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

#endif

/* SPDX-License-Identifier: MIT */
/* Small helpers shared by the unit tests. */
#ifndef MFL_TEST_UTIL_H
#define MFL_TEST_UTIL_H

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#ifdef _WIN32
#include <direct.h>
#define test_mkdir1(p) _mkdir(p)
#else
#define test_mkdir1(p) mkdir(p, 0755)
#endif

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
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}
#endif

/* mkdtemp, setenv, unsetenv and the home folder, on Windows too. */
#ifdef _WIN32
#include <io.h>
#include <string.h>
#include <windows.h>
static inline char *test_mkdtemp(char *tmpl) {
    return _mktemp_s(tmpl, strlen(tmpl) + 1) == 0 && _mkdir(tmpl) == 0 ? tmpl : NULL;
}
static inline void test_setenv(const char *name, const char *value) {
    _putenv_s(name, value);
    SetEnvironmentVariableA(name, value);
}
static inline void test_unsetenv(const char *name) {
    _putenv_s(name, "");
    SetEnvironmentVariableA(name, NULL);
}
#else
#include <unistd.h>
static inline char *test_mkdtemp(char *tmpl) { return mkdtemp(tmpl); }
static inline void test_setenv(const char *name, const char *value) { setenv(name, value, 1); }
static inline void test_unsetenv(const char *name) { unsetenv(name); }
#endif
/* The home folder Ollama and the linter use: $HOME (Windows: %USERPROFILE%). */
static inline void test_set_home(const char *dir) {
    test_setenv("HOME", dir);
#ifdef _WIN32
    test_setenv("USERPROFILE", dir);
#endif
}

/* mkdir -p. */
static inline void test_mkdirs(const char *path) {
    char buf[PATH_MAX * 2];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            test_mkdir1(buf);
            *p = '/';
        }
    }
    test_mkdir1(buf);
}

#endif

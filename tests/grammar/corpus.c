/* SPDX-License-Identifier: MIT */
/* Runs the files of grammar/test/corpus (tree-sitter's test format) against the
 * committed parser with Debian's libtree-sitter: each case's input must parse
 * to the expected S-expression (whitespace-normalised). The same files run
 * under `tree-sitter test` when the CLI is available. */
#define _GNU_SOURCE
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <tree_sitter/api.h>

#include "tree-sitter-modelfile.h"

static const char *dir;

static char *normalise(const char *s) {
    char *out = malloc(strlen(s) + 1), *o = out;
    bool space = false;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
            space = true;
            continue;
        }
        if (space && o > out && *s != ')' && o[-1] != '(') *o++ = ' ';
        space = false;
        *o++ = *s;
    }
    *o = '\0';
    return out;
}

static int is_rule(const char *line, char c) {
    size_t n = 0;
    while (line[n] == c) n++;
    return n >= 3 && (line[n] == '\n' || line[n] == '\0' || line[n] == '\r');
}

static char *dup_n(const char *s, size_t n) {
    char *d = malloc(n + 1);
    assert_non_null(d);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

static int run_file(TSParser *p, const char *path, int *cases) {
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    /* The whole file (portable: no getdelim on Windows). */
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long size = ftell(f);
    assert_true(size > 0);
    rewind(f);
    char *text = malloc((size_t)size + 1);
    assert_non_null(text);
    size_t n = fread(text, 1, (size_t)size, f);
    text[n] = '\0';
    fclose(f);
    assert_true(n > 0);
    int failures = 0;
    char *p0 = text;
    while (*p0) {
        /* ===== name ===== input --- expected */
        if (!is_rule(p0, '=')) { p0 = strchr(p0, '\n'); if (!p0) break; p0++; continue; }
        char *name = strchr(p0, '\n') + 1;
        char *name_end = strchr(name, '\n');
        char *input = strchr(name_end + 1, '\n') + 1; /* skip the closing ==== line */
        char *sep = input;
        while (sep && !is_rule(sep, '-')) { sep = strchr(sep, '\n'); if (sep) sep++; }
        assert_non_null(sep);
        size_t in_len = (size_t)(sep - input);
        if (in_len && input[in_len - 1] == '\n') in_len--; /* the separator's own line break */
        char *expected = strchr(sep, '\n') + 1;
        char *next = expected;
        while (next && *next && !is_rule(next, '=')) { next = strchr(next, '\n'); if (next) next++; }
        size_t exp_len = next && *next ? (size_t)(next - expected) : strlen(expected);
        char *exp = dup_n(expected, exp_len), *in = dup_n(input, in_len);
        TSTree *t = ts_parser_parse_string(p, NULL, in, (uint32_t)in_len);
        char *got = ts_node_string(ts_tree_root_node(t));
        char *a = normalise(exp), *b = normalise(got);
        (*cases)++;
        if (strcmp(a, b) != 0) {
            print_error("%s: %.*s\n  expected %s\n  got      %s\n", path, (int)(name_end - name), name, a, b);
            failures++;
        }
        free(a), free(b), free(got), free(exp), free(in);
        ts_tree_delete(t);
        p0 = next && *next ? next : p0 + strlen(p0);
    }
    free(text);
    return failures;
}

static void test_corpus(void **state) {
    (void)state;
    TSParser *p = ts_parser_new();
    assert_true(ts_parser_set_language(p, tree_sitter_modelfile()));
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    int failures = 0, cases = 0;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0) continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        failures += run_file(p, path, &cases);
    }
    closedir(d);
    ts_parser_delete(p);
    print_message("%d grammar corpus cases\n", cases);
    assert_true(cases >= 20);
    assert_int_equal(failures, 0);
}

int main(int argc, char **argv) {
    dir = argc > 1 ? argv[1] : "grammar/test/corpus";
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_corpus)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* The two front ends (tree-sitter, and the byte-level scanner used for batch
 * linting) must give the very same document: instructions with every range
 * and value, comments, and syntax errors. Checked on the real corpus, the
 * rule fixtures, the grammar corpus inputs and many random inputs built from
 * the characters that matter. fuzz/fuzz_frontends.c does the same under
 * libFuzzer. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "frontends.h"
#include "mfl.h"
#include "mfl_os.h"
#include "test_util.h"

static const char *corpus_dir, *fixtures_dir;

static int check_bytes(const char *src, size_t len, const char *what) {
    char why[512];
    if (mfl_test_frontends_agree(src, len, why, sizeof why)) return 0;
    print_error("%s: the front ends disagree: %s\n", what, why);
    return 1;
}

static int walk(const char *dir, int depth, int *files) {
    int failures = 0;
    mfl_os_dir_t *d = mfl_os_opendir(dir);
    if (!d) return 0;
    const char *e_name;
    mfl_ftype_t type;
    while ((e_name = mfl_os_readdir(d, &type))) {
        if (e_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e_name);
        mfl_os_stat_t st;
        if (type == MFL_FT_UNKNOWN && mfl_os_stat(path, &st) == 0) type = st.type;
        if (type == MFL_FT_DIR) {
            /* Never slurp a folder (ftell gives LONG_MAX: ASan aborts the malloc). */
            if (depth < 4) failures += walk(path, depth + 1, files);
            continue;
        }
        size_t len = 0;
        char *src = test_slurp(path, &len);
        if (!src) continue;
        failures += check_bytes(src, len, path);
        free(src);
        (*files)++;
    }
    mfl_os_closedir(d);
    return failures;
}

static void test_corpus_and_fixtures(void **state) {
    (void)state;
    int files = 0, failures = 0;
    if (corpus_dir) failures += walk(corpus_dir, 0, &files);
    if (fixtures_dir) failures += walk(fixtures_dir, 0, &files);
    print_message("%d files compared\n", files);
    assert_true(files > 100);
    assert_int_equal(failures, 0);
}

static void test_random_inputs(void **state) {
    (void)state;
    static const char *const pieces[] = {
        "FROM",
        "from",
        "PARAMETER",
        "MESSAGE",
        "SYSTEM",
        "TEMPLATE",
        "LICENSE",
        "PROMPT",
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "\"",
        "\"\"\"",
        "\"\"",
        "#",
        "# c",
        "x",
        "user",
        "num_ctx",
        "4096",
        "top-k",
        ":",
        "\xc2\xa0",
        "\xe2\x80\x8b",
        "\xe2\x80\xae",
        "\xef\xbb\xbf",
        "\xff",
        "\xe2\x82",
        "\xf0\x9f\x98\x80",
        "\0",
        "\x01",
        "{{ .Prompt }}",
        "a b",
    };
    const size_t np = sizeof pieces / sizeof pieces[0];
    unsigned seed = 42;
    char buf[2048];
    int failures = 0;
    for (int iter = 0; iter < 50000; iter++) {
        size_t n = 0;
        seed = seed * 1103515245u + 12345u;
        int count = (int)((seed >> 16) % 40);
        for (int k = 0; k < count; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pieces[(seed >> 16) % np];
            size_t pl = p[0] ? strlen(p) : 1; /* "\0" is one NUL byte */
            if (n + pl >= sizeof buf) break;
            memcpy(buf + n, p, pl);
            n += pl;
        }
        char what[64];
        snprintf(what, sizeof what, "random input %d", iter);
        failures += check_bytes(buf, n, what);
        if (failures > 5) break;
    }
    assert_int_equal(failures, 0);
}

int main(int argc, char **argv) {
    corpus_dir = argc > 1 ? argv[1] : NULL;
    fixtures_dir = argc > 2 ? argv[2] : NULL;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_inputs),
        cmocka_unit_test(test_corpus_and_fixtures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

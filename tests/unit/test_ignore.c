/* SPDX-License-Identifier: MIT */
/* The .gitignore-style patterns of lint/io/ignore.c, on the cases that
 * gitignore(5) documents (the PATTERN FORMAT section and its EXAMPLES), plus
 * the per-path-ignores shapes users write. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mfl_io_ignore.h"

/* Does `pattern` (one .gitignore line) match rel? is_dir says whether rel is
 * a folder. Returns 1 for ignored, -1 re-included, 0 no match. */
static int verdict(const char *pattern, const char *rel, bool is_dir) {
    mfl_ignore_t *ig = mfl_ignore_new("/base");
    assert_non_null(ig);
    assert_int_equal(mfl_ignore_add(ig, pattern, strlen(pattern)), 0);
    int v = mfl_ignore_match(ig, rel, is_dir);
    mfl_ignore_free(ig);
    return v;
}

static bool path_hit(const char *pattern, const char *rel) {
    mfl_pattern_t p;
    assert_int_equal(mfl_pattern_compile(pattern, strlen(pattern), &p), 1);
    bool hit = mfl_pattern_match_path(&p, rel, false);
    mfl_pattern_cleanup(&p);
    return hit;
}

static void test_blank_and_comments(void **state) {
    (void)state;
    mfl_pattern_t p;
    assert_int_equal(mfl_pattern_compile("", 0, &p), 0);
    assert_int_equal(mfl_pattern_compile("# x", 3, &p), 0);
    assert_int_equal(mfl_pattern_compile("   ", 3, &p), 0);
    /* "\#" is a pattern for names starting with a hash. */
    assert_int_equal(verdict("\\#notes", "#notes", false), 1);
    /* Trailing spaces are dropped unless escaped. */
    assert_int_equal(verdict("foo   ", "foo", false), 1);
    assert_int_equal(verdict("foo\\ ", "foo ", false), 1);
    assert_int_equal(verdict("foo\\ ", "foo", false), 0);
    /* "\!" is a literal exclamation mark. */
    assert_int_equal(verdict("\\!important", "!important", false), 1);
}

static void test_slashes(void **state) {
    (void)state;
    /* "doc/frotz/ matches doc/frotz directory, but not a/doc/frotz directory;
     * however frotz/ matches frotz and a/frotz that is a directory". */
    assert_int_equal(verdict("doc/frotz/", "doc/frotz", true), 1);
    assert_int_equal(verdict("doc/frotz/", "a/doc/frotz", true), 0);
    assert_int_equal(verdict("frotz/", "frotz", true), 1);
    assert_int_equal(verdict("frotz/", "a/frotz", true), 1);
    assert_int_equal(verdict("frotz/", "a/frotz", false), 0); /* a file */
    /* "doc/frotz" and "/doc/frotz" have the same effect. */
    assert_int_equal(verdict("doc/frotz", "doc/frotz", false), 1);
    assert_int_equal(verdict("/doc/frotz", "doc/frotz", false), 1);
    assert_int_equal(verdict("/doc/frotz", "x/doc/frotz", false), 0);
    /* A leading slash anchors: "/foo" is foo at the base only. */
    assert_int_equal(verdict("/foo", "foo", false), 1);
    assert_int_equal(verdict("/foo", "a/foo", false), 0);
    /* No slash: any level. "hello.*" matches any name beginning with hello. */
    assert_int_equal(verdict("hello.*", "hello.c", false), 1);
    assert_int_equal(verdict("hello.*", "a/b/hello.txt", false), 1);
    assert_int_equal(verdict("hello.*", "a/hello", false), 0);
}

static void test_wildcards(void **state) {
    (void)state;
    // "foo/*" matches foo/test.json and the folder foo/bar, not
    // foo/bar/hello.c.
    assert_int_equal(verdict("foo/*", "foo/test.json", false), 1);
    assert_int_equal(verdict("foo/*", "foo/bar", true), 1);
    assert_int_equal(verdict("foo/*", "foo/bar/hello.c", false), 0);
    /* `*` and `?` do not cross a slash; `*` matches a leading dot. */
    assert_int_equal(verdict("a/*.c", "a/b/x.c", false), 0);
    assert_int_equal(verdict("a/?", "a/b", false), 1);
    assert_int_equal(verdict("*", ".hidden", false), 1);
    /* Ranges. */
    assert_int_equal(verdict("[a-c]*.Modelfile", "b.Modelfile", false), 1);
    assert_int_equal(verdict("[a-c]*.Modelfile", "d.Modelfile", false), 0);
}

static void test_double_star(void **state) {
    (void)state;
    // "**/foo" matches foo anywhere, like "foo".
    assert_int_equal(verdict("**/foo", "foo", false), 1);
    assert_int_equal(verdict("**/foo", "a/b/foo", false), 1);
    // "**/foo/bar" matches bar directly under a foo anywhere.
    assert_int_equal(verdict("**/foo/bar", "x/foo/bar", false), 1);
    assert_int_equal(verdict("**/foo/bar", "foo/bar", false), 1);
    assert_int_equal(verdict("**/foo/bar", "foo/x/bar", false), 0);
    // "abc/**" matches everything inside abc, at any depth, not abc.
    assert_int_equal(verdict("abc/**", "abc/x", false), 1);
    assert_int_equal(verdict("abc/**", "abc/x/y/z", false), 1);
    assert_int_equal(verdict("abc/**", "abc", true), 0);
    assert_int_equal(verdict("abc/**", "x/abc/y", false), 0);
    // "a/**/b" matches a/b, a/x/b, a/x/y/b.
    assert_int_equal(verdict("a/**/b", "a/b", false), 1);
    assert_int_equal(verdict("a/**/b", "a/x/b", false), 1);
    assert_int_equal(verdict("a/**/b", "a/x/y/b", false), 1);
    assert_int_equal(verdict("a/**/b", "a/x/y/c", false), 0);
    /* Other consecutive asterisks are regular asterisks. */
    assert_int_equal(verdict("a**b", "axxb", false), 1);
    assert_int_equal(verdict("x/a**b", "x/ay/b", false), 0);
}

static void test_negation_last_wins(void **state) {
    (void)state;
    /* gitignore(5)'s example: exclude everything except foo/bar. */
    mfl_ignore_t *ig = mfl_ignore_new("/r");
    const char *lines = "/*\n!/foo\n/foo/*\n!/foo/bar\n";
    assert_int_equal(mfl_ignore_add_text(ig, lines, strlen(lines)), 0);
    assert_int_equal(mfl_ignore_match(ig, "x", true), 1);
    assert_int_equal(mfl_ignore_match(ig, "foo", true), -1);
    assert_int_equal(mfl_ignore_match(ig, "foo/baz", true), 1);
    assert_int_equal(mfl_ignore_match(ig, "foo/bar", true), -1);
    mfl_ignore_free(ig);
    /* CRLF lines and a BOM. */
    ig = mfl_ignore_new("/r");
    const char *crlf = "\xEF\xBB\xBF"
                       "build\r\n*.bak\r\n";
    assert_int_equal(mfl_ignore_add_text(ig, crlf, strlen(crlf)), 0);
    assert_int_equal(mfl_ignore_match(ig, "build", true), 1);
    assert_int_equal(mfl_ignore_match(ig, "a/Modelfile.bak", false), 1);
    mfl_ignore_free(ig);
}

static void test_per_path_shapes(void **state) {
    (void)state;
    /* Per-path-ignores shapes, relative to the config file's folder. */
    assert_true(path_hit("legacy/**/Modelfile", "legacy/Modelfile"));
    assert_true(path_hit("legacy/**/Modelfile", "legacy/a/b/Modelfile"));
    assert_false(path_hit("legacy/**/Modelfile", "new/legacy/Modelfile"));
    assert_true(path_hit("legacy/**", "legacy/a/Modelfile"));
    assert_true(path_hit("legacy", "legacy/a/Modelfile"));
    assert_true(path_hit("legacy/", "legacy/a/Modelfile"));
    assert_true(path_hit("**/Modelfile", "Modelfile"));
    assert_true(path_hit("**/Modelfile", "x/y/Modelfile"));
    assert_true(path_hit("Modelfile", "x/y/Modelfile"));
    assert_false(path_hit("**/Modelfile", "x/y/a.Modelfile"));
    assert_true(path_hit("*.Modelfile", "x/a.Modelfile"));
}

static void test_rel_and_abspath(void **state) {
    (void)state;
    assert_string_equal(mfl_ignore_rel("/a/b", "/a/b/c/d"), "c/d");
    assert_string_equal(mfl_ignore_rel("/a/b", "/a/b"), "");
    assert_null(mfl_ignore_rel("/a/b", "/a/bc/d"));
    assert_string_equal(mfl_ignore_rel("", "/x/y"), "x/y");
    char out[256];
    assert_int_equal(mfl_io_abspath("/a/./b//c/../d/", out, sizeof out), 0);
    assert_string_equal(out, "/a/b/d");
    assert_int_equal(mfl_io_abspath("/..", out, sizeof out), 0);
    assert_string_equal(out, "/");
    assert_int_equal(mfl_io_abspath("x/../y", out, sizeof out), 0);
    assert_true(out[0] == '/' && strcmp(out + strlen(out) - 2, "/y") == 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blank_and_comments), cmocka_unit_test(test_slashes),
        cmocka_unit_test(test_wildcards),          cmocka_unit_test(test_double_star),
        cmocka_unit_test(test_negation_last_wins), cmocka_unit_test(test_per_path_shapes),
        cmocka_unit_test(test_rel_and_abspath),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* The Go text/template checker behind MF206-MF208. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "gotmpl.h"

typedef struct {
    const char *src;
    const char *err; /* NULL: valid */
    unsigned line;
} tcase_t;

static const tcase_t cases[] = {
    {"", NULL, 0},
    {"plain text }} {", NULL, 0},
    {"{{ .Prompt }}", NULL, 0},
    {"{{- .System -}}\n{{ .Prompt }}", NULL, 0},
    {"{{/* a comment */}}{{- /* trimmed */ -}}", NULL, 0},
    {"{{ if .System }}a{{ else if .Prompt }}b{{ else }}c{{ end }}", NULL, 0},
    {"{{ range $i, $m := .Messages }}{{ if eq $m.Role \"user\" }}{{ break }}{{ end }}{{ continue }}{{ end }}", NULL, 0},
    {"{{ with .Tools }}{{ json . }}{{ end }}{{ currentDate }}{{ yesterdayDate }}", NULL, 0},
    {"{{ define \"x\" }}{{ . }}{{ end }}{{ template \"x\" . }}{{ block \"y\" . }}z{{ end }}", NULL, 0},
    {"{{ printf \"%d }}\" (len .Messages) | print }}{{ `raw }} {{` }}{{ 'c' }}{{ -1 }}{{ 1.5e3 }}", NULL, 0},
    {"{{ and (not .Think) (or .IsThinkSet false) nil }}", NULL, 0},
    {"{{ index .Messages 0 | slice }}{{ html \"x\" }}{{ js \"y\" }}{{ urlquery \"z\" }}{{ call .F }}", NULL, 0},
    {"{{ toTypeScriptType .Tools }}{{ lt 1 2 }}{{ le 1 2 }}{{ gt 1 2 }}{{ ge 1 2 }}{{ ne 1 2 }}{{ println }}", NULL, 0},
    {"{{ $x := 1 }}{{ $x = 2 }}{{ $x }}", NULL, 0},
    {"{{\n.Prompt\n}}", NULL, 0},
    {"{{ if .System }}", "unexpected EOF", 1},
    {"{{ if .System }}\n{{ range .Messages }}\n{{ end }}\n", "unexpected EOF", 4},
    {"{{ .Prompt }}{{ end }}", "unexpected {{end}}", 1},
    {"a\n{{ else }}", "unexpected {{else}}", 2},
    {"{{ define \"x\" }}{{ else }}{{ end }}", "unexpected {{else}}", 1},
    {"{{ Prompt }}", "function \"Prompt\" not defined", 1},
    {"x\ny\n{{ .Prompt | upper }}", "function \"upper\" not defined", 3},
    {"{{ .Prompt }", "unexpected \"}\" in operand", 1},
    {"{{ .Prompt ", "unclosed action", 1},
    {"{{ \"abc }}", "unterminated quoted string", 1},
    {"{{ `abc }}", "unterminated raw quoted string", 1},
    {"{{ }}", "missing value for command", 1},
    {"{{ (.Prompt }}", "unclosed left paren", 1},
    {"{{ .Prompt) }}", "unexpected right paren", 1},
    {"{{/* open", "unclosed comment", 1},
    {"{{/* c */ }}", "comment ends before closing delimiter", 1},
    {"{{ break }}", "{{break}} outside {{range}}", 1},
    {"{{ @ }}", "unexpected \"@\" in operand", 1},
    {"{% if x %}{{ x }}{% endif %}", "function \"x\" not defined", 1},
};

static void test_cases(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        mfl_gotmpl_t t;
        assert_int_equal(mfl__gotmpl_parse(cases[i].src, strlen(cases[i].src), &t), 0);
        if (!cases[i].err) {
            if (t.has_error) fail_msg("case %zu `%s`: unexpected error %s", i, cases[i].src, t.err);
        } else {
            if (!t.has_error) fail_msg("case %zu `%s`: expected %s", i, cases[i].src, cases[i].err);
            if (strcmp(t.err, cases[i].err) != 0 || t.err_line != cases[i].line)
                fail_msg("case %zu `%s`: got %u:%s, want %u:%s", i, cases[i].src, t.err_line,
                         t.err, cases[i].line, cases[i].err);
        }
        mfl__gotmpl_free(&t);
    }
}

static void test_fields(void **state) {
    (void)state;
    const char *src = "{{ .System }}{{ range .Messages }}{{ .Role }}{{ $.Prompt }}{{ end }}"
                      "{{ with .Tools }}{{ .X.Y }}{{ end }}{{ (.A).B }}{{ .Messages.Len }}";
    mfl_gotmpl_t t;
    assert_int_equal(mfl__gotmpl_parse(src, strlen(src), &t), 0);
    assert_false(t.has_error);
    const char *want[] = {"System", "Messages", "Role", "Prompt", "Tools", "X", "A", "Messages"};
    const unsigned depth[] = {0, 0, 1, 1, 0, 1, 0, 0};
    assert_int_equal(t.n_fields, 8);
    for (size_t i = 0; i < t.n_fields; i++) {
        size_t n = t.fields[i].end - t.fields[i].start;
        assert_int_equal(n, strlen(want[i]));
        assert_memory_equal(src + t.fields[i].start, want[i], n);
        assert_int_equal(t.fields[i].depth, depth[i]);
    }
    assert_true(t.fields[3].via_root);
    mfl__gotmpl_free(&t);
}

static void test_funcs(void **state) {
    (void)state;
    assert_true(mfl__gotmpl_is_func("json", 4));
    assert_true(mfl__gotmpl_is_func("toTypeScriptType", 16));
    assert_true(mfl__gotmpl_is_func("printf", 6));
    assert_false(mfl__gotmpl_is_func("upper", 5));
    assert_false(mfl__gotmpl_is_func("if", 2));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_fields),
        cmocka_unit_test(test_funcs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* The TEMPLATE checker behind MF206-MF208 and MF219, tested against the
 * recorded answers of Ollama's template.Parse (tests/template/cases.tsv,
 * made by tools/gotmpl-oracle/regen.sh with Go's text/template): for every
 * case the same verdict, the same error text, and the same .Prompt,
 * .Messages and .Response use as Ollama's Vars().
 *
 * `test_gotmpl CASES.tsv` runs the test; `test_gotmpl --check FILE...`
 * checks template files as the newest Ollama would and prints the failures
 * (tools/check-ollama-templates.sh uses it). */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gotmpl.h"

static const char *cases_path;

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static size_t put_utf8(char *o, uint32_t r) {
    if (r < 0x80) return o[0] = (char)r, 1;
    if (r < 0x800) return o[0] = (char)(0xC0 | (r >> 6)), o[1] = (char)(0x80 | (r & 0x3F)), 2;
    if (r < 0x10000)
        return o[0] = (char)(0xE0 | (r >> 12)), o[1] = (char)(0x80 | ((r >> 6) & 0x3F)),
               o[2] = (char)(0x80 | (r & 0x3F)), 3;
    o[0] = (char)(0xF0 | (r >> 18));
    o[1] = (char)(0x80 | ((r >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((r >> 6) & 0x3F));
    o[3] = (char)(0x80 | (r & 0x3F));
    return 4;
}

/* A Go-quoted string (strconv.Quote's escapes) into a new buffer. */
static char *go_unquote(const char *s, size_t n, size_t *outlen) {
    if (n < 2 || s[0] != '"' || s[n - 1] != '"') return NULL;
    char *o = malloc(n * 2 + 1);
    size_t k = 0;
    for (size_t i = 1; i + 1 < n;) {
        if (s[i] != '\\') {
            o[k++] = s[i++];
            continue;
        }
        char e = s[i + 1];
        i += 2;
        const char *simple = "a\ab\bf\fn\nr\rt\tv\v\\\\\"\"''";
        const char *m = strchr(simple, e);
        if (m && ((m - simple) % 2) == 0) {
            o[k++] = m[1];
            continue;
        }
        size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
        if (!digits) {
            free(o);
            return NULL;
        }
        uint32_t v = 0;
        for (size_t j = 0; j < digits; j++) v = v << 4 | (uint32_t)hexval(s[i + j]);
        i += digits;
        if (e == 'x')
            o[k++] = (char)v;
        else
            k += put_utf8(o + k, v);
    }
    o[k] = '\0';
    *outlen = k;
    return o;
}

/* getline(3), which Windows lacks: one line with its '\n' into *line
 * (grown as needed); returns its length, or -1 at the end of the file. */
static long read_line(char **line, size_t *cap, FILE *f) {
    size_t n = 0;
    for (int c; (c = fgetc(f)) != EOF;) {
        if (n + 2 > *cap) {
            size_t ncap = *cap ? *cap * 2 : 256;
            char *nl = realloc(*line, ncap);
            if (!nl) return -1;
            *line = nl;
            *cap = ncap;
        }
        (*line)[n++] = (char)c;
        if (c == '\n') break;
    }
    if (n == 0) return -1;
    (*line)[n] = '\0';
    return (long)n;
}

static void test_recorded_cases(void **state) {
    (void)state;
    FILE *f = fopen(cases_path, "rb");
    assert_non_null(f);
    char *line = NULL;
    size_t cap = 0;
    long got;
    int cases = 0, failures = 0, verdict_only = 0, errors = 0;
    while ((got = read_line(&line, &cap, f)) > 0) {
        if (line[0] == '#' || line[0] == '\n') continue;
        if (line[got - 1] == '\n') line[--got] = '\0';
        char *col[6] = {0};
        int nc = 0;
        for (char *p = line; nc < 6; nc++) {
            col[nc] = p;
            char *t = strchr(p, '\t');
            if (!t) {
                nc++;
                break;
            }
            *t = '\0';
            p = t + 1;
        }
        if (nc != 6) fail_msg("%s: a line with %d columns", cases_path, nc);
        size_t tl, el;
        char *tmpl = go_unquote(col[1], strlen(col[1]), &tl);
        char *want = go_unquote(col[3], strlen(col[3]), &el);
        if (!tmpl || !want) fail_msg("%s: bad quoting in case %s", cases_path, col[0]);
        bool want_error = strcmp(col[2], "error") == 0, exact = strcmp(col[5], "exact") == 0;
        mfl_gotmpl_t t;
        assert_int_equal(mfl__gotmpl_parse(tmpl, tl, &t), 0);
        char vars[64] = "";
        if (t.vars & MFL_GOTMPL_VAR_PROMPT) strcat(vars, "prompt");
        if (t.vars & MFL_GOTMPL_VAR_MESSAGES) strcat(vars, vars[0] ? ",messages" : "messages");
        if (t.vars & MFL_GOTMPL_VAR_RESPONSE) strcat(vars, vars[0] ? ",response" : "response");
        bool ok = t.has_error == want_error && !t.incomplete;
        if (ok && exact && want_error) ok = strcmp(t.full, want) == 0;
        if (ok && exact && !want_error) ok = strcmp(vars, col[4]) == 0;
        if (!ok && failures++ < 25)
            print_error("case %s %s: want %s %s [%s], got %s %s [%s]\n", col[0], col[1], col[2],
                        want, col[4], t.has_error ? "error" : "ok", t.has_error ? t.full : "",
                        vars);
        cases++;
        errors += want_error;
        verdict_only += !exact;
        mfl__gotmpl_free(&t);
        free(tmpl);
        free(want);
    }
    free(line);
    fclose(f);
    print_message("%d recorded cases (%d errors, %d checked for the verdict only), %d differ\n",
                  cases, errors, verdict_only, failures);
    assert_true(cases > 1000);
    assert_int_equal(failures, 0);
}

/* Releases and what they compile: the checker follows the version table. */
static void test_versions(void **state) {
    (void)state;
    static const struct {
        const char *src, *version, *err; /* err NULL: valid */
    } cases[] = {
        {"{{ currentDate }}", "0.11.0", NULL},
        {"{{ currentDate }}", "0.10.1", "template: :1: function \"currentDate\" not defined"},
        {"{{ yesterdayDate }}", "0.13.2", "template: :1: function \"yesterdayDate\" not defined"},
        {"{{ toTypeScriptType . }}", "0.11.2",
         "template: :1: function \"toTypeScriptType\" not defined"},
        {"{{ json . }}", "0.2.5", "template: :1: function \"json\" not defined"},
        {"{{ with .A }}{{ else with .B }}{{ end }}", "0.5.1",
         "template: :1: unexpected <with> in else"},
        {"{{ with .A }}{{ else with .B }}{{ end }}", "0.5.2", NULL},
        {"{{ template \"x\" }}", "0.2.5", NULL},
        {"{{ template \"x\" }}", "0.12.4", "undefined template specified"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        mfl_version_t v;
        assert_int_equal(mfl_version_parse(cases[i].version, strlen(cases[i].version), &v, NULL),
                         0);
        mfl_gotmpl_opts_t o;
        mfl__gotmpl_opts_for(v, &o);
        mfl_gotmpl_t t;
        assert_int_equal(mfl__gotmpl_parse_opts(cases[i].src, strlen(cases[i].src), &o, &t), 0);
        if (!cases[i].err && t.has_error)
            fail_msg("%s at %s: unexpected %s", cases[i].src, cases[i].version, t.full);
        if (cases[i].err && (!t.has_error || strcmp(t.full, cases[i].err) != 0))
            fail_msg("%s at %s: want %s, got %s", cases[i].src, cases[i].version, cases[i].err,
                     t.has_error ? t.full : "ok");
        mfl__gotmpl_free(&t);
    }
}

static void test_fields(void **state) {
    (void)state;
    const char *src = "{{ .System }}{{ range .Messages }}{{ .Role }}{{ $.Prompt }}{{ end }}"
                      "{{ with .Tools }}{{ .X.Y }}{{ else }}{{ .Z }}{{ end }}{{ (.A).B }}"
                      "{{ .Messages.Len }}{{ .é }}";
    mfl_gotmpl_t t;
    assert_int_equal(mfl__gotmpl_parse(src, strlen(src), &t), 0);
    assert_false(t.has_error);
    const char *want[] = {"System", "Messages", "Role", "Prompt",   "Tools",
                          "X",      "Z",        "A",    "Messages", "é"};
    const unsigned depth[] = {0, 0, 1, 1, 0, 1, 0, 0, 0, 0};
    assert_int_equal(t.n_fields, 10);
    for (size_t i = 0; i < t.n_fields; i++) {
        size_t n = t.fields[i].end - t.fields[i].start;
        assert_int_equal(n, strlen(want[i]));
        assert_memory_equal(src + t.fields[i].start, want[i], n);
        assert_int_equal(t.fields[i].depth, depth[i]);
    }
    assert_true(t.fields[3].via_root);
    /* .Prompt and .Messages are used; a chain hides what is inside it. */
    assert_int_equal(t.vars, MFL_GOTMPL_VAR_PROMPT | MFL_GOTMPL_VAR_MESSAGES);
    mfl__gotmpl_free(&t);
}

static void test_nesting_limit(void **state) {
    (void)state;
    /* Deeper than the checker follows: nothing is claimed, nothing crashes. */
    size_t depth = 5000;
    char *s = malloc(depth * 12 + 16);
    size_t k = 0;
    for (size_t i = 0; i < depth; i++) k += (size_t)sprintf(s + k, "{{ if . }}");
    mfl_gotmpl_t t;
    assert_int_equal(mfl__gotmpl_parse(s, k, &t), 0);
    assert_true(t.incomplete);
    assert_false(t.has_error);
    mfl__gotmpl_free(&t);
    free(s);
}

static void test_funcs(void **state) {
    (void)state;
    assert_true(mfl__gotmpl_is_func("json", 4));
    assert_true(mfl__gotmpl_is_func("toTypeScriptType", 16));
    assert_true(mfl__gotmpl_is_func("printf", 6));
    assert_false(mfl__gotmpl_is_func("upper", 5));
    assert_false(mfl__gotmpl_is_func("if", 2));
}

/* --check: each file as the newest Ollama compiles it. */
static int check_files(int argc, char **argv) {
    int bad = 0;
    for (int i = 0; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            fprintf(stderr, "%s: cannot open\n", argv[i]);
            bad++;
            continue;
        }
        char *buf = NULL;
        size_t cap = 0, len = 0, got;
        char chunk[65536];
        while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
            if (len + got + 1 > cap) buf = realloc(buf, cap = (len + got + 1) * 2);
            memcpy(buf + len, chunk, got);
            len += got;
        }
        fclose(f);
        mfl_gotmpl_t t;
        if (mfl__gotmpl_parse(buf ? buf : "", len, &t) != 0) {
            fprintf(stderr, "out of memory\n");
            return 2;
        }
        if (t.has_error || t.incomplete) {
            printf("%s: %s\n", argv[i], t.incomplete ? "too deeply nested to check" : t.full);
            bad++;
        }
        mfl__gotmpl_free(&t);
        free(buf);
    }
    return bad ? 1 : 0;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--check") == 0) return check_files(argc - 2, argv + 2);
    cases_path = argc > 1 ? argv[1] : "tests/template/cases.tsv";
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_recorded_cases), cmocka_unit_test(test_versions),
        cmocka_unit_test(test_fields),         cmocka_unit_test(test_nesting_limit),
        cmocka_unit_test(test_funcs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
/* The engine's own mechanics: fixes, suppressions, config, positions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"
#include "mfl.h"
#include "mfl_knowledge.h"

static mfl_fix_t *mkfix(uint32_t s, uint32_t e, const char *text) {
    mfl_fix_t *f = calloc(1, sizeof *f);
    f->n_edits = 1;
    f->edits = calloc(1, sizeof *f->edits);
    f->edits[0].range.start = s;
    f->edits[0].range.end = e;
    f->edits[0].text = (char *)text;
    return f;
}

static void test_fix_apply_skips_overlapping_fix(void **state) {
    (void)state;
    mfl_fix_t *a = mkfix(0, 4, "FROM"), *b = mkfix(2, 6, "xx"), *c = mkfix(8, 8, "!");
    const mfl_fix_t *fixes[] = {c, b, a};
    char *out;
    size_t n;
    int applied = mfl_fix_apply("from foo bar", 12, fixes, 3, &out, &n);
    assert_int_equal(applied, 2);
    assert_string_equal(out, "FROM foo! bar");
    mfl_free(out);
    mfl_fix_t *bad = mkfix(5, 100, "");
    const mfl_fix_t *bads[] = {bad};
    assert_int_equal(mfl_fix_apply("abc", 3, bads, 1, &out, &n), MFL_EINVAL);
    free(a->edits), free(a), free(b->edits), free(b), free(c->edits), free(c), free(bad->edits),
        free(bad);
}

static int count_code(const mfl_result_t *r, const char *code) {
    int n = 0;
    for (size_t i = 0; i < r->n_diags; i++) n += strcmp(r->diags[i].rule->code, code) == 0;
    return n;
}

static mfl_result_t *lint_text(const char *s, mfl_config_t *cfg) {
    mfl_doc_t *doc = mfl_doc_new(s, strlen(s));
    mfl_lint_opts_t lo = {"Modelfile", NULL, cfg, NULL};
    mfl_result_t *r = NULL;
    assert_int_equal(mfl_lint(doc, &lo, &r), 0);
    mfl_doc_free(doc);
    return r;
}

/* A counting env: every path exists as a symlinked file outside the base. */
typedef struct {
    int path_kind[4], real_path, resolve; /* path_kind calls by path index */
} count_env_t;

static int path_index(const char *p) {
    static const char *const paths[] = {"a.gguf", "b.gguf", ".", "/base/a.gguf"};
    for (int i = 0; i < 4; i++)
        if (strcmp(p, paths[i]) == 0) return i;
    return -1;
}

static mfl_path_kind_t count_path_kind(void *ud, const char *base_dir, const char *path, char *abs,
                                       size_t bufsize, bool *is_symlink) {
    count_env_t *c = ud;
    int i = path_index(path);
    assert_true(i >= 0);
    c->path_kind[i]++;
    snprintf(abs, bufsize, "%s/%s", base_dir, path);
    if (strcmp(path, ".") == 0) {
        snprintf(abs, bufsize, "%s", base_dir);
        return MFL_PATH_DIR;
    }
    if (is_symlink) *is_symlink = true;
    return MFL_PATH_FILE;
}

static bool count_real_path(void *ud, const char *abs_path, char *out, size_t outsz) {
    count_env_t *c = ud;
    c->real_path++;
    /* The base is itself; every file leads out of it. */
    snprintf(out, outsz, "%s", strcmp(abs_path, "/base") == 0 ? "/base" : "/elsewhere/x");
    return true;
}

static bool count_resolve(void *ud, const char *base_dir, const char *from, mfl_model_t *out) {
    (void)base_dir, (void)from, (void)out;
    ((count_env_t *)ud)->resolve++;
    return false;
}

static bool count_resolve_at(void *ud, const char *base_dir, const char *from, mfl_path_kind_t kind,
                             const char *abs, mfl_model_t *out) {
    (void)base_dir, (void)out;
    /* Told what path_kind said of FROM, so the env need not ask again. */
    assert_string_equal(from, "a.gguf");
    assert_int_equal(kind, MFL_PATH_FILE);
    assert_string_equal(abs, "/base/a.gguf");
    ((count_env_t *)ud)->resolve++;
    return false;
}

static void test_one_env_question_per_path_and_run(void **state) {
    (void)state;
    count_env_t c = {0};
    mfl_env_t env = {&c,  count_path_kind, NULL, count_resolve, count_real_path, count_resolve_at,
                     NULL};
    const char *s = "FROM a.gguf\nADAPTER b.gguf\nADAPTER a.gguf\n";
    mfl_doc_t *doc = mfl_doc_new(s, strlen(s));
    mfl_lint_opts_t lo = {"Modelfile", "/base", NULL, &env};
    for (int run = 1; run <= 2; run++) {
        mfl_result_t *r = NULL;
        assert_int_equal(mfl_lint(doc, &lo, &r), 0);
        /* Several rules look at each path; the env hears of each once a run. */
        assert_int_equal(c.path_kind[0], run);
        assert_int_equal(c.path_kind[1], run);
        assert_int_equal(c.path_kind[2], run);
        assert_int_equal(c.real_path, 3 * run); /* the base, a.gguf, b.gguf */
        assert_int_equal(c.resolve, run);
        /* The answers replayed are the env's: all three symlinks lead out. */
        assert_int_equal(count_code(r, "MF402"), 3);
        mfl_result_free(r);
    }
    mfl_doc_free(doc);
}

/* The byte scanners (16 or 8 bytes at a time) against one-byte-at-a-time
 * loops, on random text biased toward the bytes they single out, at every
 * alignment and length. */
static bool ref_plain(unsigned char c) {
    return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r';
}

static void test_byte_scanners_agree_with_byte_loops(void **state) {
    (void)state;
    static const unsigned char pick[] = {'a',  ' ',  '\t', '\n', '\r', 0x00, 0x1F, 0x7F, 0x80,
                                         0xE2, 0xD8, 0xE1, 0xEF, 0xFF, '~',  0x20, 0x19, 0x0B};
    static const unsigned char set[4] = {0xE2, 0xD8, 0xE1, 0xEF};
    unsigned seed = 12345;
    char buf[208];
    for (int iter = 0; iter < 200000; iter++) {
        size_t n = (size_t)(iter % 200);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = (seed >> 16) & 0xFF;
            /* Mostly plain letters, so the first odd byte lands anywhere. */
            buf[i] = (char)(r < 200 ? 'a' + (char)(r % 26) : pick[r % sizeof pick]);
        }
        size_t off = (size_t)(iter % 7);
        const char *s = buf;
        if (off < n)
            s += off;
        else
            off = 0;
        size_t len = n - off;
        size_t want = 0;
        while (want < len && ref_plain((unsigned char)s[want])) want++;
        assert_int_equal(mfl__plain_prefix(s, len), want);
        unsigned cls = 0;
        size_t first = len;
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c >= 0x80)
                cls |= MFL__TEXT_NONASCII;
            else if (!ref_plain(c))
                cls |= MFL__TEXT_CONTROL;
            if (first == len && (c == 0xE2 || c == 0xD8 || c == 0xE1 || c == 0xEF)) first = i;
        }
        assert_int_equal(mfl__text_class(s, len), cls);
        assert_int_equal(mfl__find_any4(s, len, set), first);
        /* Line starts: after LF, CRLF or a lone CR. */
        uint32_t want_lines[208], *lines = NULL;
        size_t want_n = 0, got_n = 0;
        unsigned got_cls = 99;
        want_lines[want_n++] = 0;
        for (size_t i = 0; i < len; i++) {
            if (s[i] != '\n' && s[i] != '\r') continue;
            if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n') i++;
            want_lines[want_n++] = (uint32_t)(i + 1);
        }
        assert_int_equal(mfl__line_table(s, len, &lines, &got_n, &got_cls), 0);
        assert_int_equal(got_n, want_n);
        assert_memory_equal(lines, want_lines, want_n * sizeof *lines);
        assert_int_equal(got_cls, cls);
        mfl_free(lines);
    }
    /* UTF-16LE decoding (eight ASCII units at a time) against a unit-by-unit
     * decoder: lone surrogates and an odd last byte become U+FFFD. */
    static const uint16_t units[] = {'a',    'Z',    '\n',   0x7F,   0x80,   0xE9, 0x4E2D,
                                     0xFFFF, 0xD83D, 0xDE00, 0xDBFF, 0xDC00, 0};
    for (int iter = 0; iter < 20000; iter++) {
        unsigned char in[2 + 2 * 64 + 1];
        size_t nu = (size_t)(iter % 64), len = 2;
        in[0] = 0xFF, in[1] = 0xFE;
        for (size_t k = 0; k < nu; k++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = (seed >> 16) & 0xFF;
            uint16_t u =
                r < 180 ? (uint16_t)('a' + r % 26) : units[r % (sizeof units / sizeof units[0])];
            in[len++] = (unsigned char)(u & 0xFF);
            in[len++] = (unsigned char)(u >> 8);
        }
        if (iter % 5 == 0) in[len++] = 'x'; /* an odd trailing byte */
        char want[64 * 4 + 8];
        size_t wl = 0;
        for (size_t i = 2; i < len;) {
            uint32_t u;
            if (i + 1 >= len) {
                u = 0xFFFD;
                i = len;
            } else {
                u = (uint32_t)(in[i] | in[i + 1] << 8);
                i += 2;
                if (u >= 0xD800 && u <= 0xDBFF && i + 1 < len &&
                    (uint32_t)(in[i] | in[i + 1] << 8) - 0xDC00 < 0x400) {
                    u = 0x10000 + ((u - 0xD800) << 10) +
                        ((uint32_t)(in[i] | in[i + 1] << 8) - 0xDC00);
                    i += 2;
                } else if (u >= 0xD800 && u <= 0xDFFF) {
                    u = 0xFFFD;
                }
            }
            if (u < 0x80)
                want[wl++] = (char)u;
            else if (u < 0x800)
                want[wl++] = (char)(0xC0 | u >> 6), want[wl++] = (char)(0x80 | (u & 0x3F));
            else if (u < 0x10000)
                want[wl++] = (char)(0xE0 | u >> 12), want[wl++] = (char)(0x80 | (u >> 6 & 0x3F)),
                want[wl++] = (char)(0x80 | (u & 0x3F));
            else
                want[wl++] = (char)(0xF0 | u >> 18), want[wl++] = (char)(0x80 | (u >> 12 & 0x3F)),
                want[wl++] = (char)(0x80 | (u >> 6 & 0x3F)), want[wl++] = (char)(0x80 | (u & 0x3F));
        }
        char *got = NULL;
        size_t gl = 0;
        mfl_encoding_t enc;
        assert_int_equal(mfl__decode((const char *)in, len, &got, &gl, &enc), 0);
        assert_int_equal(enc, MFL_ENC_UTF16LE);
        assert_int_equal(gl, wl);
        assert_memory_equal(got, want, wl);
        assert_int_equal(got[gl], '\0');
        mfl_free(got);
    }
    /* The IsPrint bitmap answers as the generated ranges do, everywhere. */
    for (int32_t c = -2; c <= 0x110000; c++)
        if (mfl__isprint(c) != mfl_isprint(c)) fail_msg("IsPrint differs at U+%04X", (unsigned)c);
}

static void test_suppressions(void **state) {
    (void)state;
    mfl_result_t *r =
        lint_text("FROM x\n# modelfile-lint: ignore=MF006 the bot wants it\nMESSAGE User hi\n"
                  "MESSAGE User again\n",
                  NULL);
    assert_int_equal(count_code(r, "MF006"), 1); /* only the second */
    assert_int_equal(count_code(r, "MF903"), 0);
    mfl_result_free(r);
    r = lint_text(
        "# modelfile-lint: global ignore=MF006\nFROM x\nMESSAGE User hi\nMESSAGE User again\n",
        NULL);
    assert_int_equal(count_code(r, "MF006"), 0);
    mfl_result_free(r);
    r = lint_text("FROM x\n# modelfile-lint: ignore=MF006,MF999\nMESSAGE user hi\n", NULL);
    assert_int_equal(count_code(r, "MF902"), 1);
    assert_int_equal(count_code(r, "MF903"), 1);
    mfl_result_free(r);
}

static void test_config_select_ignore_and_severity(void **state) {
    (void)state;
    mfl_config_t *cfg = mfl_config_new();
    assert_int_equal(mfl_config_ignore(cfg, "MF006"), 0);
    mfl_result_t *r = lint_text("FROM x\nMESSAGE User hi\n", cfg);
    assert_int_equal(count_code(r, "MF006"), 0);
    mfl_result_free(r);
    assert_int_equal(mfl_config_set_severity(cfg, "invalid-message-role", MFL_SEVERITY_INFO), 0);
    r = lint_text("FROM x\nMESSAGE User hi\n", cfg);
    assert_int_equal(count_code(r, "MF006"), 1);
    assert_int_equal(r->diags[0].severity, MFL_SEVERITY_INFO);
    mfl_result_free(r);
    assert_int_equal(mfl_config_select(cfg, "MF00"), 0);
    assert_int_equal(mfl_config_severity(cfg, mfl_rule_find("MF901")), MFL_SEVERITY_OFF);
    assert_int_equal(mfl_config_ignore(cfg, "MF777"), MFL_EINVAL);
    assert_int_equal(mfl_config_enable(cfg, "lowercase-keyword"), 0);
    r = lint_text("from x\n", cfg);
    assert_int_equal(count_code(r, "MF901"), 1);
    mfl_result_free(r);
    mfl_config_free(cfg);
}

static void test_fix_all_converges_and_is_idempotent(void **state) {
    (void)state;
    const char *src = "from x\nMESSAGE User hi\nPARAMETER  temperature 1\n";
    mfl_config_t *cfg = mfl_config_new();
    mfl_config_enable(cfg, "MF901");
    mfl_lint_opts_t lo = {"Modelfile", NULL, cfg, NULL};
    mfl_fix_opts_t fo = {false, NULL, 0};
    char *out, *again;
    size_t n, n2;
    mfl_fix_report_t rep;
    assert_int_equal(mfl_fix_all(src, strlen(src), &lo, &fo, &out, &n, &rep), 0);
    assert_string_equal(out, "FROM x\nMESSAGE user hi\nPARAMETER temperature 1\n");
    assert_true(rep.applied >= 3);
    assert_int_equal(mfl_fix_all(out, n, &lo, &fo, &again, &n2, &rep), 0);
    assert_int_equal(rep.applied, 0);
    assert_string_equal(again, out);
    mfl_free(out);
    mfl_free(again);
    mfl_config_free(cfg);
}

static void test_positions_crlf_and_multibyte(void **state) {
    (void)state;
    const char *s = "FROM x\r\nSYSTEM \xc3\xa9t\xc3\xa9\r\nPARAMETER a b";
    mfl_doc_t *doc = mfl_doc_new(s, strlen(s));
    uint32_t l, c;
    mfl_doc_position(doc, 8, &l, &c);
    assert_int_equal(l, 1);
    assert_int_equal(c, 0);
    assert_int_equal(mfl_doc_line_count(doc), 3);
    mfl_range_t r = mfl_doc_line_range(doc, 1);
    assert_int_equal(r.end - r.start, 12);
    assert_int_equal(mfl_doc_offset(doc, 2, 3), mfl_doc_line_range(doc, 2).start + 3);
    assert_string_equal(mfl_doc_instr(doc, 1)->value_text, "\xc3\xa9t\xc3\xa9");
    mfl_doc_free(doc);
}

static void test_any_bytes_give_a_document(void **state) {
    (void)state;
    unsigned seed = 12345;
    char buf[512];
    for (int iter = 0; iter < 2000; iter++) {
        size_t n = (size_t)(seed % sizeof buf);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            static const char alphabet[] = "FROMPARETSYLIC \"\"\"\n\r\t#\xc2\xa0\xe2\x80\x8bxyz_:-";
            buf[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        mfl_doc_t *doc = mfl_doc_new(buf, n);
        assert_non_null(doc);
        for (size_t k = 0; k < mfl_doc_syntax_error_count(doc); k++)
            assert_int_not_equal(mfl_doc_syntax_error(doc, k)->kind, MFL_SYN_TREE_ERROR);
        mfl_result_t *r = NULL;
        assert_int_equal(mfl_lint(doc, NULL, &r), 0);
        mfl_result_free(r);
        mfl_doc_free(doc);
    }
}

/* Queries (the grammar's .scm files, for hosts without tree-sitter). */
typedef struct {
    char got[512];
    size_t n;
} captures_t;

static int collect(void *ud, const mfl_capture_t *c) {
    captures_t *x = ud;
    x->n++;
    size_t l = strlen(x->got);
    snprintf(x->got + l, sizeof x->got - l, "%.*s@%u:%u-%u ", (int)c->name_len, c->name, c->pattern,
             c->range.start, c->range.end);
    return 0;
}

static bool digits_only(void *ud, const char *re, const char *text, size_t len) {
    (void)ud;
    assert_string_equal(re, "^[0-9]+$");
    for (size_t i = 0; i < len; i++)
        if (text[i] < '0' || text[i] > '9') return false;
    return len > 0;
}

static int stop_after_one(void *ud, const mfl_capture_t *c) {
    (void)c;
    ++*(int *)ud;
    return 7;
}

static void test_query_captures_and_predicates(void **state) {
    (void)state;
    static const char q_src[] =
        "(keyword) @kw\n"
        "(parameter_instruction value: (bare_value) @num (#match? @num \"^[0-9]+$\"))\n"
        "(parameter_instruction name: (parameter_name) @ctx (#eq? @ctx \"num_ctx\"))\n"
        "(parameter_instruction name: (parameter_name) @other (#not-eq? @other \"num_ctx\"))\n";
    uint32_t bad = 0;
    assert_null(mfl_query_new("(no_such_node) @x", 17, &bad));
    assert_int_equal(bad, 1);
    mfl_query_t *q = mfl_query_new(q_src, sizeof q_src - 1, &bad);
    assert_non_null(q);
    /* Both front ends: the batch document has no tree until asked. */
    static const char text[] = "FROM m\nPARAMETER num_ctx 8192\nPARAMETER top_k x\n";
    mfl_doc_t *docs[2] = {mfl_doc_new(text, sizeof text - 1),
                          mfl_doc_new_batch(text, sizeof text - 1)};
    for (int i = 0; i < 2; i++) {
        captures_t c = {{0}, 0};
        assert_int_equal(
            mfl_query_run(q, docs[i], (mfl_range_t){0, UINT32_MAX}, digits_only, NULL, collect, &c),
            0);
        assert_string_equal(c.got, "kw@0:0-4 kw@0:7-16 ctx@2:17-24 num@1:25-29 kw@0:30-39 "
                                   "other@3:40-45 ");
        /* Without a regex engine a #match? never holds; a range limits. */
        memset(&c, 0, sizeof c);
        assert_int_equal(mfl_query_run(q, docs[i], (mfl_range_t){7, 30}, NULL, NULL, collect, &c),
                         0);
        assert_string_equal(c.got, "kw@0:7-16 ctx@2:17-24 ");
        int calls = 0;
        assert_int_equal(mfl_query_run(q, docs[i], (mfl_range_t){0, UINT32_MAX}, NULL, NULL,
                                       stop_after_one, &calls),
                         7);
        assert_int_equal(calls, 1);
        mfl_doc_free(docs[i]);
    }
    mfl_query_free(q);
    mfl_query_free(NULL);
}

/* Every MFL_E* code has its own message; an unknown code has one too. */
static void test_strerror_names_every_code(void **state) {
    (void)state;
    const int codes[] = {MFL_ENOENT,     MFL_EIO,          MFL_ENOMEM,       MFL_EACCES,
                         MFL_EINVAL,     MFL_EFBIG,        MFL_ENAMETOOLONG, MFL_ENOCONVERGE,
                         MFL_ETRUNCATED, MFL_EUNSUPPORTED, MFL_ECHANGED,     MFL_ENOTREG};
    const size_t n = sizeof codes / sizeof *codes;
    const char *unknown = mfl_strerror(-999999);
    assert_non_null(unknown);
    assert_true(*unknown);
    assert_string_equal(mfl_strerror(12345), unknown);
    assert_non_null(mfl_strerror(0));
    for (size_t i = 0; i < n; i++) {
        assert_true(codes[i] < 0);
        const char *m = mfl_strerror(codes[i]);
        assert_non_null(m);
        assert_true(*m);
        assert_string_not_equal(m, unknown);
        assert_string_not_equal(m, mfl_strerror(0));
        for (size_t k = 0; k < i; k++) {
            assert_int_not_equal(codes[k], codes[i]);
            assert_string_not_equal(mfl_strerror(codes[k]), m);
        }
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fix_apply_skips_overlapping_fix),
        cmocka_unit_test(test_strerror_names_every_code),
        cmocka_unit_test(test_suppressions),
        cmocka_unit_test(test_byte_scanners_agree_with_byte_loops),
        cmocka_unit_test(test_one_env_question_per_path_and_run),
        cmocka_unit_test(test_config_select_ignore_and_severity),
        cmocka_unit_test(test_fix_all_converges_and_is_idempotent),
        cmocka_unit_test(test_positions_crlf_and_multibyte),
        cmocka_unit_test(test_any_bytes_give_a_document),
        cmocka_unit_test(test_query_captures_and_predicates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
/* The editor-independent edits of the core: mfl_format (idempotent, same
 * commands for Ollama's parser), mfl_doc_instr_at, and mfl_suppress_edit
 * (applying it makes the linter suppress that very diagnostic). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mfl.h"

static char *apply(const char *text, const mfl_edit_t *e, size_t n, size_t *out_len) {
    mfl_fix_t f = {NULL, MFL_FIX_SAFE, n, (mfl_edit_t *)e};
    const mfl_fix_t *fx[1] = {&f};
    char *out;
    assert_true(mfl_fix_apply(text, strlen(text), fx, 1, &out, out_len) >= 0);
    return out;
}

static void test_format_normalises_and_is_idempotent(void **state) {
    (void)state;
    const char *src = "from  llama3   \nparameter\ttemperature 0.5\t\n"
                      "SYSTEM \"\"\"keep  \n\"\"\"  \n# comment   \nMESSAGE user hi \n";
    mfl_doc_t *doc = mfl_doc_new(src, strlen(src));
    char *out;
    size_t n;
    assert_int_equal(mfl_format_text(doc, &out, &n), 0);
    assert_string_equal(out, "FROM llama3\nPARAMETER temperature 0.5\n"
                             "SYSTEM \"\"\"keep  \n\"\"\"\n# comment   \nMESSAGE user hi\n");
    /* Ollama's parser reads the same commands. */
    mfl_ollama_parse_t a, b;
    assert_int_equal(mfl_ollama_parse(src, strlen(src), &a), 0);
    assert_int_equal(mfl_ollama_parse(out, n, &b), 0);
    assert_null(a.error);
    assert_null(b.error);
    assert_int_equal(a.n_commands, b.n_commands);
    for (size_t i = 0; i < a.n_commands; i++) {
        assert_string_equal(a.commands[i].name, b.commands[i].name);
        assert_int_equal(a.commands[i].args_len, b.commands[i].args_len);
        assert_memory_equal(a.commands[i].args, b.commands[i].args, a.commands[i].args_len);
    }
    mfl_ollama_parse_cleanup(&a);
    mfl_ollama_parse_cleanup(&b);
    /* Formatting again gives no edit. */
    mfl_doc_t *again = mfl_doc_new(out, n);
    mfl_edit_t *e;
    size_t ne;
    assert_int_equal(mfl_format(again, &e, &ne), 0);
    assert_int_equal(ne, 0);
    assert_null(e);
    mfl_doc_free(again);
    mfl_free(out);
    mfl_doc_free(doc);
}

static void test_instr_at(void **state) {
    (void)state;
    const char *src = "# c\nFROM a\n\nSYSTEM \"\"\"x\ny\"\"\"\n";
    mfl_doc_t *doc = mfl_doc_new(src, strlen(src));
    assert_int_equal(mfl_doc_instr_at(doc, 0), SIZE_MAX); /* the comment */
    assert_int_equal(mfl_doc_instr_at(doc, 4), 0);        /* FROM */
    assert_int_equal(mfl_doc_instr_at(doc, 10), 0);       /* its end, inclusive */
    assert_int_equal(mfl_doc_instr_at(doc, 12), 1);       /* SYSTEM */
    assert_int_equal(mfl_doc_instr_at(doc, 24), 1);       /* inside its second line */
    mfl_doc_free(doc);
}

/* Lints src; the number of diagnostics of rule code. */
static size_t count(const char *src, size_t len, const char *code) {
    mfl_doc_t *doc = mfl_doc_new(src, len);
    mfl_result_t *res;
    mfl_lint_opts_t lo = {"Modelfile", NULL, NULL, NULL};
    assert_int_equal(mfl_lint(doc, &lo, &res), 0);
    size_t n = 0;
    for (size_t i = 0; i < res->n_diags; i++) n += strcmp(res->diags[i].rule->code, code) == 0;
    mfl_result_free(res);
    mfl_doc_free(doc);
    return n;
}

/* Suppresses the first diagnostic of code in src with the core's edit;
 * returns the new text (and checks the diagnostic is gone). */
static char *suppress_first(const char *src, const char *code, size_t *len) {
    mfl_doc_t *doc = mfl_doc_new(src, strlen(src));
    mfl_result_t *res;
    mfl_lint_opts_t lo = {"Modelfile", NULL, NULL, NULL};
    assert_int_equal(mfl_lint(doc, &lo, &res), 0);
    const mfl_diag_t *d = NULL;
    for (size_t i = 0; i < res->n_diags && !d; i++)
        if (strcmp(res->diags[i].rule->code, code) == 0) d = &res->diags[i];
    assert_non_null(d);
    size_t before = count(src, strlen(src), code);
    size_t in = mfl_doc_instr_at(doc, d->range.start);
    assert_int_not_equal(in, SIZE_MAX);
    mfl_edit_t e;
    assert_int_equal(mfl_suppress_edit(doc, in, code, &e), 0);
    char *out = apply(src, &e, 1, len);
    mfl_free(e.text);
    assert_int_equal(count(out, *len, code), before - 1);
    /* Suppressing it again: the comment already names the code. */
    mfl_doc_t *after = mfl_doc_new(out, *len);
    assert_int_equal(mfl_suppress_edit(after, in, code, &e), 1);
    mfl_doc_free(after);
    mfl_result_free(res);
    mfl_doc_free(doc);
    return out;
}

static void test_suppress_edit_is_read_by_the_linter(void **state) {
    (void)state;
    /* MF209 (a SYSTEM overridden by a later one) on an indented
     * instruction, CRLF lines. */
    const char *src = "FROM llama3\r\n  SYSTEM a\r\nSYSTEM b\r\n";
    size_t len;
    char *out = suppress_first(src, "MF209", &len);
    assert_string_equal(
        out, "FROM llama3\r\n  # modelfile-lint: ignore=MF209\r\n  SYSTEM a\r\nSYSTEM b\r\n");
    mfl_free(out);
    /* A second code joins the comment already there. */
    const char *two = "FROM llama3\n# modelfile-lint: ignore=MF104\nSYSTEM a\nSYSTEM b\n";
    out = suppress_first(two, "MF209", &len);
    assert_string_equal(out,
                        "FROM llama3\n# modelfile-lint: ignore=MF104,MF209\nSYSTEM a\nSYSTEM b\n");
    mfl_free(out);
    mfl_doc_t *doc = mfl_doc_new(two, strlen(two));
    mfl_edit_t e;
    assert_int_equal(mfl_suppress_edit(doc, 99, "MF209", &e), MFL_EINVAL);
    assert_int_equal(mfl_suppress_edit(doc, 0, "MF2,09", &e), MFL_EINVAL);
    mfl_doc_free(doc);
}

/* The fix-all rule both front ends follow: a run that did not converge
 * returns MFL_ENOCONVERGE, and neither the CLI nor the server uses its text
 * (lint/cli/lintfile.c, lsp/actions.c). */
static void test_fix_all_reports_no_convergence(void **state) {
    (void)state;
    const char *src = "from llama3\nSYSTEM a\nSYSTEM b\nSYSTEM c\n";
    mfl_lint_opts_t lo = {"Modelfile", NULL, NULL, NULL};
    mfl_fix_opts_t fo = {.unsafe = true, .max_passes = 1};
    mfl_fix_report_t rep;
    char *out = NULL;
    size_t n;
    int rc = mfl_fix_all(src, strlen(src), &lo, &fo, &out, &n, &rep);
    mfl_free(out);
    fo.max_passes = 0;
    out = NULL;
    int rc2 = mfl_fix_all(src, strlen(src), &lo, &fo, &out, &n, &rep);
    mfl_free(out);
    assert_int_equal(rc2, 0);
    /* One pass is not enough when a second pass still has fixes to make. */
    /* This file takes two passes (measured with the default limit), so one
     * pass does not converge. */
    assert_int_equal(rep.passes, 2);
    assert_int_equal(rc, MFL_ENOCONVERGE);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_normalises_and_is_idempotent),
        cmocka_unit_test(test_instr_at),
        cmocka_unit_test(test_suppress_edit_is_read_by_the_linter),
        cmocka_unit_test(test_fix_all_reports_no_convergence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

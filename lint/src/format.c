/* SPDX-License-Identifier: MIT */
/* The formatter (mfl_format): the one both `modelfile-lint format` and the
 * language server's textDocument/formatting use. It only touches what
 * Ollama's parser reads the same either way: the keyword's case (commands
 * are case-insensitive), the blanks between a keyword and its argument
 * (skipped), and blanks at the end of a line outside quoted values and
 * comments (an unquoted value is trimmed). So the result means the same to
 * Ollama, and formatting it again changes nothing (fuzz/fuzz_lint.c). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

void mfl_edits_free(mfl_edit_t *edits, size_t n) {
    for (size_t i = 0; edits && i < n; i++) mfl_free(edits[i].text);
    mfl_free(edits);
}

typedef struct {
    mfl_edit_t *e;
    size_t n, cap;
    bool oom;
} edits_t;

static void add(edits_t *es, uint32_t start, uint32_t end, const char *t, size_t n) {
    if (es->oom) return;
    if (es->n == es->cap) {
        size_t cap = es->cap ? es->cap * 2 : 16;
        mfl_edit_t *ne = mfl_realloc(es->e, cap * sizeof *ne);
        if (!ne) {
            es->oom = true;
            return;
        }
        es->e = ne;
        es->cap = cap;
    }
    char *copy = mfl_strndup(t, n);
    if (!copy) {
        es->oom = true;
        return;
    }
    es->e[es->n++] = (mfl_edit_t){{start, end}, copy};
}

static int cmp_range(const void *a, const void *b) {
    const mfl_range_t *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static int cmp_edit(const void *a, const void *b) {
    return cmp_range(&((const mfl_edit_t *)a)->range, &((const mfl_edit_t *)b)->range);
}

int mfl_format(const mfl_doc_t *doc, mfl_edit_t **edits, size_t *n_out) {
    size_t len;
    const char *text = mfl_doc_text(doc, &len);
    size_t ni = mfl_doc_instr_count(doc), nc = mfl_doc_comment_count(doc), np = 0;
    mfl_range_t *prot = mfl_malloc((ni + nc + 1) * sizeof *prot);
    edits_t es = {0};
    *edits = NULL;
    *n_out = 0;
    if (!prot) return MFL_ENOMEM;
    /* In a file Ollama rejects, nothing from the first syntax error on is
     * touched: blanks there matter to the error it reports (its parser
     * takes exactly one separator), as the fuzzer found. */
    uint32_t stop = UINT32_MAX;
    for (size_t i = 0; i < mfl_doc_syntax_error_count(doc); i++)
        if (mfl_doc_syntax_error(doc, i)->range.start < stop)
            stop = mfl_doc_syntax_error(doc, i)->range.start;
    /* Keywords and the blanks after them. */
    for (size_t i = 0; i < ni; i++) {
        const mfl_instr_t *in = mfl_doc_instr(doc, i);
        if (in->quote != MFL_QUOTE_NONE && in->value.end > in->value.start) prot[np++] = in->value;
        if (in->value.end == in->value.start) {
            /* No value: the blanks after the name are Ollama's empty value
             * ("PARAMETER seed " is accepted, "PARAMETER seed" is not). */
            uint32_t at = in->has_name ? in->name.end : in->keyword.end, line, col;
            mfl_doc_position(doc, at, &line, &col);
            prot[np++] = (mfl_range_t){at, mfl_doc_line_range(doc, line).end + 1};
        }
        if (in->kind == MFL_INSTR_UNKNOWN) continue;
        const char *kw = mfl_instr_keyword(in->kind);
        size_t kl = in->keyword.end - in->keyword.start;
        if (kl == strlen(kw) && memcmp(text + in->keyword.start, kw, kl) != 0)
            add(&es, in->keyword.start, in->keyword.end, kw, kl);
        uint32_t next = in->has_name                      ? in->name.start
                        : in->value.end > in->value.start ? in->value.start
                                                          : UINT32_MAX;
        /* Ollama takes exactly one separator after the keyword and trims a
         * value, so more blanks before a value go; before a PARAMETER or
         * MESSAGE name they are part of what it reads, so they stay. */
        bool named = in->kind == MFL_INSTR_PARAMETER || in->kind == MFL_INSTR_MESSAGE;
        if (in->has_sep && !named && next != UINT32_MAX && next > in->keyword.end + 1) {
            bool blank = true;
            for (uint32_t k = in->keyword.end; k < next; k++)
                if (text[k] != ' ' && text[k] != '\t') blank = false;
            if (blank) add(&es, in->keyword.end, next, " ", 1);
        } else if (in->has_sep && next == in->keyword.end + 1 && text[in->keyword.end] == '\t') {
            add(&es, in->keyword.end, next, " ", 1);
        }
    }
    for (size_t i = 0; i < nc; i++) prot[np++] = mfl_doc_comment(doc, i);
    qsort(prot, np, sizeof *prot, cmp_range);
    /* Trailing blanks, line by line, outside the protected spans. */
    size_t pi = 0;
    uint32_t lines = mfl_doc_line_count(doc);
    for (uint32_t l = 0; l < lines; l++) {
        mfl_range_t lr = mfl_doc_line_range(doc, l);
        uint32_t e = lr.end;
        while (e > lr.start && (text[e - 1] == ' ' || text[e - 1] == '\t')) e--;
        if (e == lr.end) continue;
        while (pi < np && prot[pi].end <= e) pi++;
        bool inside = false;
        for (size_t k = pi; k < np && prot[k].start < lr.end; k++)
            if (prot[k].start <= e && e < prot[k].end) inside = true;
        if (!inside) add(&es, e, lr.end, "", 0);
    }
    mfl_free(prot);
    if (es.oom) {
        mfl_edits_free(es.e, es.n);
        return MFL_ENOMEM;
    }
    /* Keyword edits come before the line's trailing blanks: one sort. */
    if (es.n) qsort(es.e, es.n, sizeof *es.e, cmp_edit);
    while (es.n && es.e[es.n - 1].range.end > stop) mfl_free(es.e[--es.n].text);
    if (es.n == 0) {
        mfl_free(es.e);
        es.e = NULL;
    }
    *edits = es.e;
    *n_out = es.n;
    return 0;
}

int mfl_format_text(const mfl_doc_t *doc, char **out, size_t *out_len) {
    mfl_edit_t *edits;
    size_t n;
    int rc = mfl_format(doc, &edits, &n);
    if (rc) return rc;
    size_t len;
    const char *text = mfl_doc_text(doc, &len);
    mfl_fix_t all = {NULL, MFL_FIX_SAFE, n, edits};
    const mfl_fix_t *fixes[1] = {&all};
    rc = mfl_fix_apply(text, len, fixes, 1, out, out_len);
    mfl_edits_free(edits, n);
    return rc < 0 ? rc : 0;
}

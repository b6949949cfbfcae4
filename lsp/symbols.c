/* SPDX-License-Identifier: MIT */
/* documentSymbol, foldingRange and semanticTokens/full: the outline and
 * colours of the lowered document. */
#include "handlers.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* Semantic token types, in legend order (see lsp_on_semantic_tokens). */
const char *const lsp_sem_types[LSP_SEM_TYPE_COUNT] = {"keyword", "property", "enumMember",
                                                       "string",  "number",   "comment"};
enum { SEM_KEYWORD, SEM_PROPERTY, SEM_ENUM_MEMBER, SEM_STRING, SEM_NUMBER, SEM_COMMENT };

/* ---- outline and folding --------------------------------------------------------------- */

static int symbol_kind(mfl_instr_kind_t k) {
    switch (k) {
    case MFL_INSTR_FROM:
    case MFL_INSTR_ADAPTER:
    case MFL_INSTR_DRAFT: return 2;     /* Module */
    case MFL_INSTR_PARAMETER: return 7; /* Property */
    case MFL_INSTR_MESSAGE: return 24;  /* Event */
    case MFL_INSTR_TEMPLATE:
    case MFL_INSTR_SYSTEM:
    case MFL_INSTR_LICENSE: return 15; /* String */
    default: return 14;                /* Constant */
    }
}

json_t *lsp_on_document_symbol(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    lsp_doc_t *d = lsp_server_doc(s, params);
    if (!d) return lsp_invalid_params(err, "Document is not open");
    json_t *out = json_array();
    for (size_t i = 0; out && i < mfl_doc_instr_count(d->doc); i++) {
        const mfl_instr_t *in = mfl_doc_instr(d->doc, i);
        if (in->kind == MFL_INSTR_UNKNOWN) continue;
        char name[160], detail[96];
        const char *kw = mfl_instr_keyword(in->kind);
        if (in->has_name && in->name_text)
            snprintf(name, sizeof(name), "%s %.120s", kw, in->name_text);
        else
            snprintf(name, sizeof(name), "%s", kw);
        size_t n = 0;
        const char *v = in->value_text ? in->value_text : "";
        while (v[n] && v[n] != '\n' && v[n] != '\r' && n < 80) n++;
        snprintf(detail, sizeof(detail), "%.*s%s", (int)n, v, v[n] ? "…" : "");
        json_t *sym;
        if (s->caps.hierarchical_symbols)
            sym = json_pack("{s:s,s:s,s:i,s:o,s:o}", "name", name, "detail", detail, "kind",
                            symbol_kind(in->kind), "range",
                            lsp_convert_range_new(d->doc, s->enc, in->range), "selectionRange",
                            lsp_convert_range_new(d->doc, s->enc, in->keyword));
        else
            sym = json_pack("{s:s,s:i,s:{s:s,s:o}}", "name", name, "kind", symbol_kind(in->kind),
                            "location", "uri", d->uri, "range",
                            lsp_convert_range_new(d->doc, s->enc, in->range));
        json_array_append_new(out, sym);
    }
    return out;
}

json_t *lsp_on_folding_range(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    lsp_doc_t *d = lsp_server_doc(s, params);
    if (!d) return lsp_invalid_params(err, "Document is not open");
    json_t *out = json_array();
    uint32_t l0, l1, col;
    for (size_t i = 0; i < mfl_doc_instr_count(d->doc); i++) {
        const mfl_instr_t *in = mfl_doc_instr(d->doc, i);
        mfl_doc_position(d->doc, in->range.start, &l0, &col);
        mfl_doc_position(
            d->doc, in->range.end > in->range.start ? in->range.end - 1 : in->range.end, &l1, &col);
        if (l1 > l0)
            json_array_append_new(out,
                                  json_pack("{s:i,s:i}", "startLine", (int)l0, "endLine", (int)l1));
    }
    size_t nc = mfl_doc_comment_count(d->doc);
    for (size_t i = 0; i < nc;) {
        mfl_doc_position(d->doc, mfl_doc_comment(d->doc, i).start, &l0, &col);
        size_t j = i + 1;
        l1 = l0;
        while (j < nc) {
            uint32_t lj;
            mfl_doc_position(d->doc, mfl_doc_comment(d->doc, j).start, &lj, &col);
            if (lj != l1 + 1) break;
            l1 = lj;
            j++;
        }
        if (l1 > l0)
            json_array_append_new(out, json_pack("{s:i,s:i,s:s}", "startLine", (int)l0, "endLine",
                                                 (int)l1, "kind", "comment"));
        i = j;
    }
    return out;
}

/* ---- semantic tokens ------------------------------------------------------------------------ */

typedef struct {
    lsp_server_t *s;
    lsp_doc_t *d;
    json_t *data;
    uint32_t prev_line, prev_char;
} sem_ctx_t;

/* Appends one token per line of r (clients need not support multi-line
 * tokens), in the negotiated position encoding. */
static void sem_add(sem_ctx_t *t, mfl_range_t r, int type) {
    uint32_t l0, l1, c;
    if (r.end <= r.start) return;
    mfl_doc_position(t->d->doc, r.start, &l0, &c);
    mfl_doc_position(t->d->doc, r.end, &l1, &c);
    for (uint32_t l = l0; l <= l1; l++) {
        mfl_range_t lr = mfl_doc_line_range(t->d->doc, l);
        uint32_t a = r.start > lr.start ? r.start : lr.start;
        uint32_t b = r.end < lr.end ? r.end : lr.end;
        if (b <= a) continue;
        size_t n;
        const char *line = mfl_doc_slice(t->d->doc, lr, &n);
        uint32_t ca = lsp_convert_bytes_to_units(line, n, a - lr.start, t->s->enc);
        uint32_t cb = lsp_convert_bytes_to_units(line, n, b - lr.start, t->s->enc);
        uint32_t dl = l - t->prev_line;
        uint32_t dc = dl ? ca : ca - t->prev_char;
        json_t *e[5] = {json_integer(dl), json_integer(dc), json_integer(cb - ca),
                        json_integer(type), json_integer(0)};
        for (int k = 0; k < 5; k++) json_array_append_new(t->data, e[k]);
        t->prev_line = l;
        t->prev_char = ca;
    }
}

static bool looks_numeric(const char *v) {
    char *end;
    if (!*v) return false;
    (void)strtod(v, &end);
    return *end == '\0';
}

static void sem_instr(sem_ctx_t *t, const mfl_instr_t *in) {
    if (in->kind != MFL_INSTR_UNKNOWN) sem_add(t, in->keyword, SEM_KEYWORD);
    if (in->has_name)
        sem_add(t, in->name, in->kind == MFL_INSTR_MESSAGE ? SEM_ENUM_MEMBER : SEM_PROPERTY);
    if (in->value.end > in->value.start)
        sem_add(t, in->value,
                in->quote == MFL_QUOTE_NONE && in->kind == MFL_INSTR_PARAMETER &&
                        looks_numeric(in->value_text)
                    ? SEM_NUMBER
                    : SEM_STRING);
}

json_t *lsp_on_semantic_tokens(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    lsp_doc_t *d = lsp_server_doc(s, params);
    if (!d) return lsp_invalid_params(err, "Document is not open");
    sem_ctx_t t = {s, d, json_array(), 0, 0};
    size_t ni = mfl_doc_instr_count(d->doc), nc = mfl_doc_comment_count(d->doc), i = 0, k = 0;
    /* Instructions and comments interleaved in document order. */
    while (i < ni || k < nc) {
        if (k < nc &&
            (i == ni || mfl_doc_comment(d->doc, k).start < mfl_doc_instr(d->doc, i)->range.start))
            sem_add(&t, mfl_doc_comment(d->doc, k++), SEM_COMMENT);
        else
            sem_instr(&t, mfl_doc_instr(d->doc, i++));
    }
    return json_pack("{s:o}", "data", t.data);
}

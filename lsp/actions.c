/* SPDX-License-Identifier: MIT */
/* textDocument/codeAction: each diagnostic's fix, its suppression (the
 * core's mfl_suppress_edit), and fix-all (the core's mfl_fix_all, with its
 * one safety policy). */
#include "handlers.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ---- code actions ------------------------------------------------------------------- */

static bool kind_wanted(json_t *only, const char *kind) {
    if (!json_is_array(only)) return true;
    size_t i;
    json_t *v;
    json_array_foreach(only, i, v) {
        const char *k = json_string_value(v);
        size_t n = k ? strlen(k) : 0;
        if (k && strncmp(kind, k, n) == 0 && (kind[n] == '\0' || kind[n] == '.')) return true;
    }
    return false;
}

static json_t *workspace_edit(const char *uri, json_t *edits) {
    json_t *changes = json_object();
    json_object_set_new(changes, uri, edits);
    return json_pack("{s:o}", "changes", changes);
}

static json_t *action_new(const char *title, const char *kind, json_t *diag, bool preferred,
                          const char *uri, json_t *edits) {
    json_t *a = json_pack("{s:s,s:s,s:o}", "title", title, "kind", kind, "edit",
                          workspace_edit(uri, edits));
    if (a && diag) json_object_set_new(a, "diagnostics", json_pack("[O]", diag));
    if (a && preferred) json_object_set_new(a, "isPreferred", json_true());
    return a;
}

/* The edit that suppresses code for the instruction holding off: the
 * core's (mfl_suppress_edit), in the syntax its suppression parser reads.
 * NULL if the code is already listed. */
static json_t *suppress_edit(lsp_server_t *s, lsp_doc_t *d, uint32_t off, const char *code) {
    size_t i = mfl_doc_instr_at(d->doc, off);
    mfl_edit_t e;
    if (i == SIZE_MAX || mfl_suppress_edit(d->doc, i, code, &e) != 0) return NULL;
    json_t *edits = json_pack(
        "[o]", lsp_convert_text_edit_new(d->doc, s->enc, e.range, e.text, strlen(e.text)));
    mfl_free(e.text);
    return edits;
}

/* One edit turning the document's text into `out`: the differing middle. */
static json_t *diff_edit(lsp_server_t *s, lsp_doc_t *d, const char *out, size_t out_len) {
    size_t len;
    const char *text = mfl_doc_text(d->doc, &len);
    size_t pre = 0;
    while (pre < len && pre < out_len && text[pre] == out[pre]) pre++;
    /* Never split a UTF-8 sequence: back up to a character start. */
    while (pre > 0 && (((unsigned char)text[pre]) & 0xc0) == 0x80) pre--;
    size_t suf = 0;
    while (suf < len - pre && suf < out_len - pre && text[len - 1 - suf] == out[out_len - 1 - suf])
        suf++;
    while (suf > 0 && (((unsigned char)text[len - suf]) & 0xc0) == 0x80) suf--;
    mfl_range_t r = {(uint32_t)pre, (uint32_t)(len - suf)};
    return json_pack("[o]",
                     lsp_convert_text_edit_new(d->doc, s->enc, r, out + pre, out_len - suf - pre));
}

static json_t *fix_all_action(lsp_server_t *s, lsp_doc_t *d) {
    size_t len;
    const char *text = mfl_doc_text(d->doc, &len);
    mfl_lint_opts_t opts;
    lsp_server_lint_opts(s, d, &opts);
    mfl_fix_opts_t fopts = {.unsafe = false, .only_code = NULL, .max_passes = 0};
    mfl_fix_report_t report;
    char *out = NULL;
    size_t out_len = 0;
    int rc = mfl_fix_all(text, len, &opts, &fopts, &out, &out_len, &report);
    json_t *a = NULL;
    /* The CLI's rule (lint/cli/lintfile.c): only a run that converged is
     * used; on MFL_ENOCONVERGE the CLI writes nothing and the editor is
     * offered nothing. mfl_fix_all already refused any pass that would
     * leave more errors (mfl_fix_report_t). */
    if (rc == 0 && out && (out_len != len || memcmp(out, text, len) != 0))
        a = action_new("Fix all safe problems (modelfile-lint)", FIX_ALL_KIND, NULL, false, d->uri,
                       diff_edit(s, d, out, out_len));
    mfl_free(out);
    return a;
}

json_t *lsp_on_code_action(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    lsp_doc_t *d = lsp_server_doc(s, params);
    mfl_range_t want;
    if (!d) return lsp_invalid_params(err, "Document is not open");
    if (lsp_convert_range_get(d->doc, s->enc, json_object_get(params, "range"), &want) != 0)
        return lsp_invalid_params(err, "Invalid range");
    /* Offer the fixes of every diagnostic on the requested lines: Neovim asks
     * with the cursor's position, which need not touch the diagnostic. */
    uint32_t l0, l1, c0;
    mfl_doc_position(d->doc, want.start, &l0, &c0);
    mfl_doc_position(d->doc, want.end, &l1, &c0);
    want.start = mfl_doc_line_range(d->doc, l0).start;
    want.end = mfl_doc_line_range(d->doc, l1).end;
    json_t *only = lsp_json_path(params, "context.only");
    mfl_result_t *res = lsp_server_lint(s, d);
    json_t *actions = json_array();
    if (!res || !actions) return actions;
    bool quick = kind_wanted(only, "quickfix");
    bool any_safe = false;
    for (size_t i = 0; i < res->n_diags; i++) {
        const mfl_diag_t *dg = &res->diags[i];
        if (dg->fix && dg->fix->applicability == MFL_FIX_SAFE) any_safe = true;
        if (!quick || dg->range.start > want.end || want.start > dg->range.end || !dg->rule)
            continue;
        json_t *diag = lsp_convert_diag_new(d->doc, s->enc, d->uri, dg, &s->caps.diag);
        char title[512];
        if (dg->fix) {
            snprintf(title, sizeof(title), "%s (%s)", dg->fix->title ? dg->fix->title : "Fix",
                     dg->rule->code);
            json_array_append_new(
                actions, action_new(title, "quickfix", diag, dg->fix->applicability == MFL_FIX_SAFE,
                                    d->uri, lsp_convert_fix_edits_new(d->doc, s->enc, dg->fix)));
        }
        json_t *sup = suppress_edit(s, d, dg->range.start, dg->rule->code);
        if (sup) {
            snprintf(title, sizeof(title), "Suppress %s for this instruction", dg->rule->code);
            json_array_append_new(actions, action_new(title, "quickfix", diag, false, d->uri, sup));
        }
        json_decref(diag);
    }
    bool explicit_fix_all = json_is_array(only) && kind_wanted(only, FIX_ALL_KIND);
    if (explicit_fix_all || (!json_is_array(only) && any_safe)) {
        json_t *a = fix_all_action(s, d);
        if (a) json_array_append_new(actions, a);
    }
    return actions;
}

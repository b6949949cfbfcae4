/* SPDX-License-Identifier: MIT */
/* The method table, and the helpers the handlers share. One file per
 * feature area holds the handlers (lsp_on_<method>, declared in
 * handlers.h): lifecycle.c, textsync.c, diagnostic.c, actions.c, hover.c,
 * completion.c, formatting.c, symbols.c, and knowledge.c for the
 * modelfile-lint/... requests. Handlers read the core's lowered document and
 * lint result; every position goes through convert.c, every rule,
 * formatting and suppression decision comes from the core. */
#include "handlers.h"
#include "knowledge.h"

#include <string.h>

/* ---- small helpers ---------------------------------------------------------- */

bool lsp_json_flag(json_t *root, const char *path) {
    /* Walks a dotted path of objects; true if the last value is true. */
    char key[64];
    json_t *v = root;
    while (v && *path) {
        const char *dot = strchr(path, '.');
        size_t n = dot ? (size_t)(dot - path) : strlen(path);
        if (n >= sizeof(key)) return false;
        memcpy(key, path, n);
        key[n] = '\0';
        v = json_object_get(v, key);
        path += n + (dot ? 1 : 0);
    }
    return json_is_true(v);
}

json_t *lsp_json_path(json_t *root, const char *path) {
    char key[64];
    json_t *v = root;
    while (v && *path) {
        const char *dot = strchr(path, '.');
        size_t n = dot ? (size_t)(dot - path) : strlen(path);
        if (n >= sizeof(key)) return NULL;
        memcpy(key, path, n);
        key[n] = '\0';
        v = json_object_get(v, key);
        path += n + (dot ? 1 : 0);
    }
    return v;
}

json_t *lsp_invalid_params(lsp_error_t *err, const char *why) {
    err->code = LSP_INVALID_PARAMS;
    err->message = why;
    return NULL;
}

/* The document and the byte offset of params.position. */
lsp_doc_t *lsp_doc_at(lsp_server_t *s, json_t *params, uint32_t *off, lsp_error_t *err) {
    lsp_doc_t *d = lsp_server_doc(s, params);
    if (!d) {
        lsp_invalid_params(err, "Document is not open");
        return NULL;
    }
    if (lsp_convert_position_get(d->doc, s->enc, json_object_get(params, "position"), off) != 0) {
        lsp_invalid_params(err, "Invalid position");
        return NULL;
    }
    return d;
}

/* The instruction whose range holds off (end inclusive), or NULL: the
 * core's lookup (mfl_doc_instr_at), the one the suppression matcher uses. */
const mfl_instr_t *lsp_instr_at(const mfl_doc_t *doc, uint32_t off) {
    size_t i = mfl_doc_instr_at(doc, off);
    return i == SIZE_MAX ? NULL : mfl_doc_instr(doc, i);
}

bool lsp_in_range(mfl_range_t r, uint32_t off) {
    return r.start <= off && off <= r.end && r.end > r.start;
}

json_t *lsp_markup(lsp_server_t *s, bool markdown_ok, const char *text) {
    (void)s;
    return json_pack("{s:s,s:s}", "kind", markdown_ok ? "markdown" : "plaintext", "value", text);
}

/* ---- model knowledge ------------------------------------------------------------- */

/* The model behind the FROM Ollama builds from, by the one resolver the
 * rules use (mfl_from_resolve: the last model name, else the first path). */
bool lsp_doc_model(lsp_server_t *s, lsp_doc_t *d, mfl_model_t *m) {
    if (!mfl_from_resolve(d->doc, s->env, d->dir, NULL, m) || m->confidence == MFL_CONF_UNKNOWN)
        return false;
    mfl_model_for_target(m, lsp_doc_version(s, d));
    return true;
}

/* The document's budget, copied into *out (so that no later call can
 * leave the caller a dangling pointer), or NULL when it has none. */
const mfl_budget_t *lsp_doc_budget(lsp_server_t *s, lsp_doc_t *d, mfl_budget_t *out) {
    mfl_lint_opts_t opts;
    lsp_server_lint_opts(s, d, &opts);
    const mfl_budget_t *b = opts.config ? mfl_config_budget_const(opts.config) : NULL;
    if (!b) return NULL;
    *out = *b;
    return out;
}

mfl_version_t lsp_doc_version(lsp_server_t *s, lsp_doc_t *d) {
    mfl_lint_opts_t opts;
    lsp_server_lint_opts(s, d, &opts);
    return mfl_config_ollama_version(opts.config);
}

/* ---- the table ----------------------------------------------------------------------------- */

const lsp_method_t lsp_methods[] = {
    {"initialize", lsp_on_initialize, NULL},
    {"initialized", NULL, lsp_on_initialized},
    {"shutdown", lsp_on_shutdown, NULL},
    {"textDocument/didOpen", NULL, lsp_on_did_open},
    {"textDocument/didChange", NULL, lsp_on_did_change},
    {"textDocument/didClose", NULL, lsp_on_did_close},
    {"textDocument/didSave", NULL, lsp_on_ignore},
    {"textDocument/diagnostic", lsp_on_diagnostic, NULL},
    {"textDocument/codeAction", lsp_on_code_action, NULL},
    {"textDocument/hover", lsp_on_hover, NULL},
    {"textDocument/completion", lsp_on_completion, NULL},
    {"textDocument/formatting", lsp_on_formatting, NULL},
    {"textDocument/documentSymbol", lsp_on_document_symbol, NULL},
    {"textDocument/foldingRange", lsp_on_folding_range, NULL},
    {"textDocument/semanticTokens/full", lsp_on_semantic_tokens, NULL},
    {"workspace/didChangeConfiguration", NULL, lsp_on_did_change_configuration},
    {"workspace/didChangeWatchedFiles", NULL, lsp_on_did_change_watched_files},
    {"modelfile-lint/context", lsp_on_context, NULL},
    {"modelfile-lint/hardware", lsp_on_hardware, NULL},
    {"modelfile-lint/models", lsp_on_models, NULL},
    {"modelfile-lint/query", lsp_on_query, NULL},
    {"$/cancelRequest", NULL, lsp_on_ignore},
    {"$/setTrace", NULL, lsp_on_ignore},
    {NULL, NULL, NULL},
};

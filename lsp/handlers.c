/* SPDX-License-Identifier: MIT */
/* One on_<method>() per LSP method, and the method table. Handlers read the
 * core's lowered document and lint result; every position goes through
 * convert.c, every rule decision comes from the core. */
#include "docs.h"
#include "knowledge.h"
#include "mfl_template.h"
#include "mfl_knowledge.h"
#include "mfl_params.h"
#include "server.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#ifndef MFL_LSP_VERSION
#define MFL_LSP_VERSION "0.1.0"
#endif

#define FIX_ALL_KIND "source.fixAll.modelfile-lint"

/* ---- small helpers ---------------------------------------------------------- */

static bool flag(json_t *root, const char *path) {
    /* Walks a dotted path of objects; true if the last value is true. */
    char key[64];
    json_t *v = root;
    while (v && *path) {
        const char *dot = strchr(path, '.');
        size_t n = dot ? (size_t)(dot - path) : strlen(path);
        if (n >= sizeof(key))
            return false;
        memcpy(key, path, n);
        key[n] = '\0';
        v = json_object_get(v, key);
        path += n + (dot ? 1 : 0);
    }
    return json_is_true(v);
}

static json_t *path_get(json_t *root, const char *path) {
    char key[64];
    json_t *v = root;
    while (v && *path) {
        const char *dot = strchr(path, '.');
        size_t n = dot ? (size_t)(dot - path) : strlen(path);
        if (n >= sizeof(key))
            return NULL;
        memcpy(key, path, n);
        key[n] = '\0';
        v = json_object_get(v, key);
        path += n + (dot ? 1 : 0);
    }
    return v;
}

static bool array_has_string(json_t *a, const char *s) {
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v) {
        if (json_is_string(v) && strcmp(json_string_value(v), s) == 0)
            return true;
    }
    return false;
}

static json_t *invalid_params(lsp_error_t *err, const char *why) {
    err->code = LSP_INVALID_PARAMS;
    err->message = why;
    return NULL;
}

/* The document and the byte offset of params.position. */
static lsp_doc_t *doc_at(lsp_server_t *s, json_t *params, uint32_t *off, lsp_error_t *err) {
    lsp_doc_t *d = lsp_server_doc(s, params);
    if (!d) {
        invalid_params(err, "Document is not open");
        return NULL;
    }
    if (lsp_convert_position_get(d->doc, s->enc, json_object_get(params, "position"), off) != 0) {
        invalid_params(err, "Invalid position");
        return NULL;
    }
    return d;
}

/* The instruction whose range holds off (end inclusive), or NULL. */
static const mfl_instr_t *instr_at(const mfl_doc_t *doc, uint32_t off) {
    size_t lo = 0, hi = mfl_doc_instr_count(doc);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (mfl_doc_instr(doc, mid)->range.end < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < mfl_doc_instr_count(doc)) {
        const mfl_instr_t *in = mfl_doc_instr(doc, lo);
        if (in->range.start <= off && off <= in->range.end)
            return in;
    }
    return NULL;
}

static bool in_range(mfl_range_t r, uint32_t off) {
    return r.start <= off && off <= r.end && r.end > r.start;
}

static json_t *markup(lsp_server_t *s, bool markdown_ok, const char *text) {
    (void)s;
    return json_pack("{s:s,s:s}", "kind", markdown_ok ? "markdown" : "plaintext", "value", text);
}

/* ---- model knowledge ------------------------------------------------------------- */

/* The model behind the FROM Ollama builds from, by the one resolver the
 * rules use (mfl_from_resolve: the last model name, else the first path). */
bool lsp_doc_model(lsp_server_t *s, lsp_doc_t *d, mfl_model_t *m) {
    return mfl_from_resolve(d->doc, s->env, d->dir, NULL, m) &&
           m->confidence != MFL_CONF_UNKNOWN;
}

const mfl_budget_t *lsp_doc_budget(lsp_server_t *s, lsp_doc_t *d) {
    mfl_lint_opts_t opts;
    lsp_server_lint_opts(s, d, &opts);
    return opts.config ? mfl_config_budget_const(opts.config) : NULL;
}

mfl_version_t lsp_doc_version(lsp_server_t *s, lsp_doc_t *d) {
    mfl_lint_opts_t opts;
    lsp_server_lint_opts(s, d, &opts);
    return mfl_config_ollama_version(opts.config);
}

/* Markdown with the context arithmetic (native context, KV cache, memory
 * against the budget, prefill, speed). Returns a new string or NULL. */
static char *context_text(lsp_server_t *s, lsp_doc_t *d, bool markdown) {
    mfl_model_t m;
    if (!lsp_doc_model(s, d, &m))
        return NULL;
    return mfl_info_for_doc(d->doc, &m, lsp_doc_budget(s, d), lsp_doc_version(s, d), markdown);
}

/* ---- lifecycle ----------------------------------------------------------------------- */

static json_t *settings_from(json_t *v) {
    json_t *inner = json_object_get(v, "modelfile-lint");
    if (json_is_object(inner))
        return inner;
    inner = json_object_get(v, "settings");
    if (json_is_object(inner))
        return settings_from(inner);
    return json_is_object(v) ? v : NULL;
}

/* Semantic token types, in legend order (see on_semantic_tokens). */
static const char *const sem_types[] = {"keyword", "property", "enumMember", "string",
                                        "number", "comment"};
enum { SEM_KEYWORD, SEM_PROPERTY, SEM_ENUM_MEMBER, SEM_STRING, SEM_NUMBER, SEM_COMMENT };

static json_t *capabilities(lsp_server_t *s) {
    json_t *caps = json_pack(
        "{s:s,s:{s:b,s:i,s:{s:b}},s:{s:s,s:b,s:b},s:b,s:{s:[s,s,s,s],s:b},"
        "s:b,s:b,s:b}",
        "positionEncoding", lsp_convert_encoding_name(s->enc), "textDocumentSync", "openClose", 1,
        "change", 2, "save", "includeText", 0, "diagnosticProvider", "identifier", "modelfile-lint",
        "interFileDependencies", 0, "workspaceDiagnostics", 0, "hoverProvider", 1,
        "completionProvider", "triggerCharacters", " ", ".", "{", "=", "resolveProvider", 0,
        "documentFormattingProvider", 1, "documentSymbolProvider", 1, "foldingRangeProvider", 1);
    if (!caps)
        return NULL;
    json_t *types = json_array();
    for (size_t i = 0; i < sizeof sem_types / sizeof sem_types[0]; i++)
        json_array_append_new(types, json_string(sem_types[i]));
    json_object_set_new(caps, "semanticTokensProvider",
                        json_pack("{s:{s:o,s:[]},s:b}", "legend", "tokenTypes", types,
                                  "tokenModifiers", "full", 1));
    /* The custom requests of knowledge.c (lsp/README.md). */
    json_object_set_new(caps, "experimental",
                        json_pack("{s:[s,s,s,s]}", "modelfileLintRequests", "modelfile-lint/context",
                                  "modelfile-lint/hardware", "modelfile-lint/models",
                                  "modelfile-lint/query"));
    if (s->caps.code_action_literals)
        json_object_set_new(caps, "codeActionProvider",
                            json_pack("{s:[s,s],s:b}", "codeActionKinds", "quickfix", FIX_ALL_KIND,
                                      "resolveProvider", 0));
    else
        json_object_set_new(caps, "codeActionProvider", json_true());
    return caps;
}

static json_t *on_initialize(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    if (!json_is_object(params))
        return invalid_params(err, "initialize needs params");
    json_t *c = json_object_get(params, "capabilities");
    json_t *encs = path_get(c, "general.positionEncodings");
    s->enc = array_has_string(encs, "utf-8") ? LSP_ENC_UTF8 : LSP_ENC_UTF16;
    s->caps.pull_diagnostics = json_is_object(path_get(c, "textDocument.diagnostic"));
    s->caps.diagnostic_refresh = flag(c, "workspace.diagnostics.refreshSupport");
    s->caps.version_support = flag(c, "textDocument.publishDiagnostics.versionSupport");
    s->caps.diag.related_information =
        flag(c, "textDocument.publishDiagnostics.relatedInformation");
    s->caps.code_action_literals =
        json_is_object(path_get(c, "textDocument.codeAction.codeActionLiteralSupport"));
    s->caps.hierarchical_symbols =
        flag(c, "textDocument.documentSymbol.hierarchicalDocumentSymbolSupport");
    s->caps.hover_markdown =
        array_has_string(path_get(c, "textDocument.hover.contentFormat"), "markdown");
    s->caps.completion_markdown = array_has_string(
        path_get(c, "textDocument.completion.completionItem.documentationFormat"), "markdown");
    s->caps.line_folding_only = flag(c, "textDocument.foldingRange.lineFoldingOnly");
    s->caps.workspace_configuration = flag(c, "workspace.configuration");
    s->caps.watched_files_dynamic = flag(c, "workspace.didChangeWatchedFiles.dynamicRegistration");
    json_t *opts = settings_from(json_object_get(params, "initializationOptions"));
    if (opts)
        lsp_server_apply_settings(s, json_incref(opts));
    s->state = LSP_STATE_RUNNING;
    return json_pack("{s:o,s:{s:s,s:s}}", "capabilities", capabilities(s), "serverInfo", "name",
                     "modelfile-lsp", "version", MFL_LSP_VERSION);
}

static void pull_configuration(lsp_server_t *s) {
    if (!s->caps.workspace_configuration)
        return;
    s->config_request_id = lsp_server_request(
        s, "workspace/configuration", json_pack("{s:[{s:s}]}", "items", "section", "modelfile-lint"));
}

static void on_initialized(lsp_server_t *s, json_t *params) {
    (void)params;
    pull_configuration(s);
    lsp_server_watch_store(s);
    if (s->caps.watched_files_dynamic)
        lsp_server_request(
            s, "client/registerCapability",
            json_pack("{s:[{s:s,s:s,s:{s:[{s:s}]}}]}", "registrations", "id",
                      "modelfile-lint-config", "method", "workspace/didChangeWatchedFiles",
                      "registerOptions", "watchers", "globPattern", "**/.modelfile-lint.json"));
}

static json_t *on_shutdown(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    (void)params;
    (void)err;
    s->state = LSP_STATE_SHUT_DOWN;
    return NULL;
}

static void on_did_change_configuration(lsp_server_t *s, json_t *params) {
    json_t *settings = settings_from(json_object_get(params, "settings"));
    if (s->caps.workspace_configuration && (!settings || json_object_size(settings) == 0)) {
        pull_configuration(s);
        return;
    }
    lsp_server_apply_settings(s, settings ? json_incref(settings) : NULL);
}

static void on_did_change_watched_files(lsp_server_t *s, json_t *params) {
    (void)params;
    /* Config entries are re-read when their mtime changes; re-lint so the
     * open documents see it. */
    lsp_server_relint_all(s);
}

static void on_ignore(lsp_server_t *s, json_t *params) {
    (void)s;
    (void)params;
}

/* ---- text synchronisation ----------------------------------------------------------- */

static void on_did_open(lsp_server_t *s, json_t *params) {
    json_t *td = json_object_get(params, "textDocument");
    const char *uri = json_string_value(json_object_get(td, "uri"));
    json_t *text = json_object_get(td, "text");
    if (!uri || !json_is_string(text)) {
        lsp_server_log(s, 2, "didOpen without uri or text");
        return;
    }
    lsp_doc_t *d = lsp_docstore_open(&s->docs, uri, json_integer_value(json_object_get(td, "version")),
                                     json_string_value(text), json_string_length(text));
    if (!d) {
        lsp_server_log(s, 1, "out of memory opening %s", uri);
        return;
    }
    if (!s->caps.pull_diagnostics)
        lsp_server_publish(s, d);
}

static void on_did_change(lsp_server_t *s, json_t *params) {
    lsp_doc_t *d = lsp_server_doc(s, params);
    if (!d)
        return;
    json_t *changes = json_object_get(params, "contentChanges");
    size_t i;
    json_t *ch;
    json_array_foreach(changes, i, ch) {
        json_t *text = json_object_get(ch, "text");
        json_t *range = json_object_get(ch, "range");
        if (!json_is_string(text))
            continue;
        int rc;
        if (range) {
            mfl_range_t r;
            if (lsp_convert_range_get(d->doc, s->enc, range, &r) != 0) {
                lsp_server_log(s, 2, "didChange with a bad range ignored");
                continue;
            }
            rc = lsp_docstore_edit(d, r.start, r.end, json_string_value(text), json_string_length(text));
        } else {
            rc = lsp_docstore_replace(d, json_string_value(text), json_string_length(text));
        }
        if (rc != 0)
            lsp_server_log(s, 1, "edit failed (%d)", rc);
    }
    json_t *ver = path_get(params, "textDocument.version");
    if (json_is_integer(ver))
        d->version = json_integer_value(ver);
    if (!s->caps.pull_diagnostics)
        lsp_docstore_schedule(d, s->debounce_ms);
}

static void on_did_close(lsp_server_t *s, json_t *params) {
    lsp_doc_t *d = lsp_server_doc(s, params);
    if (!d)
        return;
    lsp_server_notify(s, "textDocument/publishDiagnostics",
                      json_pack("{s:s,s:[]}", "uri", d->uri, "diagnostics"));
    lsp_docstore_close(&s->docs, d);
}

/* ---- diagnostics -------------------------------------------------------------------- */

static json_t *on_diagnostic(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    lsp_doc_t *d = lsp_server_doc(s, params);
    if (!json_is_object(params))
        return invalid_params(err, "Missing params");
    if (!d)
        return json_pack("{s:s,s:[]}", "kind", "full", "items");
    mfl_result_t *res = lsp_docstore_result(d);
    char id[32];
    snprintf(id, sizeof(id), "%" PRIu64, d->gen);
    const char *prev = json_string_value(json_object_get(params, "previousResultId"));
    if (res && prev && strcmp(prev, id) == 0)
        return json_pack("{s:s,s:s}", "kind", "unchanged", "resultId", id);
    return json_pack("{s:s,s:s,s:o}", "kind", "full", "resultId", id, "items",
                     lsp_server_diagnostics(s, d));
}

/* ---- code actions ------------------------------------------------------------------- */

static bool kind_wanted(json_t *only, const char *kind) {
    if (!json_is_array(only))
        return true;
    size_t i;
    json_t *v;
    json_array_foreach(only, i, v) {
        const char *k = json_string_value(v);
        size_t n = k ? strlen(k) : 0;
        if (k && strncmp(kind, k, n) == 0 && (kind[n] == '\0' || kind[n] == '.'))
            return true;
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
    if (a && diag)
        json_object_set_new(a, "diagnostics", json_pack("[O]", diag));
    if (a && preferred)
        json_object_set_new(a, "isPreferred", json_true());
    return a;
}

/* The edit that suppresses code for the instruction holding off: a new
 * "# modelfile-lint: ignore=CODE" line above it, or CODE appended to an
 * ignore comment already there. NULL if the code is already listed. */
static json_t *suppress_edit(lsp_server_t *s, lsp_doc_t *d, const mfl_instr_t *in,
                             const char *code) {
    size_t len;
    const char *text = mfl_doc_text(d->doc, &len);
    mfl_range_t line = mfl_doc_line_range(d->doc, in->line);
    const char *eol = line.end < len && text[line.end] == '\r' ? "\r\n" : "\n";
    if (in->line > 0) {
        mfl_range_t prev = mfl_doc_line_range(d->doc, in->line - 1);
        const char *p = text + prev.start, *e = text + prev.end;
        while (p < e && (*p == ' ' || *p == '\t'))
            p++;
        static const char pre[] = "# modelfile-lint: ignore=";
        if ((size_t)(e - p) >= sizeof(pre) - 1 && memcmp(p, pre, sizeof(pre) - 1) == 0) {
            const char *c = p + sizeof(pre) - 1, *ce = c;
            while (ce < e && *ce != ' ' && *ce != '\t')
                ce++;
            for (const char *t = c; t < ce;) {
                const char *te = t;
                while (te < ce && *te != ',')
                    te++;
                if ((size_t)(te - t) == strlen(code) && strncasecmp(t, code, (size_t)(te - t)) == 0)
                    return NULL;
                t = te < ce ? te + 1 : te;
            }
            char ins[40];
            int n = snprintf(ins, sizeof(ins), ",%s", code);
            uint32_t at = (uint32_t)(ce - text);
            return json_pack("[o]", lsp_convert_text_edit_new(d->doc, s->enc, (mfl_range_t){at, at},
                                                              ins, (size_t)n));
        }
    }
    size_t indent = 0;
    while (line.start + indent < line.end &&
           (text[line.start + indent] == ' ' || text[line.start + indent] == '\t'))
        indent++;
    char ins[128];
    int n = snprintf(ins, sizeof(ins), "%.*s# modelfile-lint: ignore=%s%s", (int)indent,
                     text + line.start, code, eol);
    if (n < 0 || (size_t)n >= sizeof(ins))
        return NULL;
    return json_pack("[o]", lsp_convert_text_edit_new(d->doc, s->enc,
                                                      (mfl_range_t){line.start, line.start}, ins,
                                                      (size_t)n));
}

/* One edit turning the document's text into `out`: the differing middle. */
static json_t *diff_edit(lsp_server_t *s, lsp_doc_t *d, const char *out, size_t out_len) {
    size_t len;
    const char *text = mfl_doc_text(d->doc, &len);
    size_t pre = 0;
    while (pre < len && pre < out_len && text[pre] == out[pre])
        pre++;
    /* Never split a UTF-8 sequence: back up to a character start. */
    while (pre > 0 && (((unsigned char)text[pre]) & 0xc0) == 0x80)
        pre--;
    size_t suf = 0;
    while (suf < len - pre && suf < out_len - pre && text[len - 1 - suf] == out[out_len - 1 - suf])
        suf++;
    while (suf > 0 && (((unsigned char)text[len - suf]) & 0xc0) == 0x80)
        suf--;
    mfl_range_t r = {(uint32_t)pre, (uint32_t)(len - suf)};
    return json_pack("[o]", lsp_convert_text_edit_new(d->doc, s->enc, r, out + pre,
                                                      out_len - suf - pre));
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
    if ((rc == 0 || rc == MFL_ENOCONVERGE) && out && (out_len != len || memcmp(out, text, len) != 0))
        a = action_new("Fix all safe problems (modelfile-lint)", FIX_ALL_KIND, NULL, false, d->uri,
                       diff_edit(s, d, out, out_len));
    mfl_free(out);
    return a;
}

static json_t *on_code_action(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    lsp_doc_t *d = lsp_server_doc(s, params);
    mfl_range_t want;
    if (!d)
        return invalid_params(err, "Document is not open");
    if (lsp_convert_range_get(d->doc, s->enc, json_object_get(params, "range"), &want) != 0)
        return invalid_params(err, "Invalid range");
    /* Offer the fixes of every diagnostic on the requested lines: Neovim asks
     * with the cursor's position, which need not touch the diagnostic. */
    uint32_t l0, l1, c0;
    mfl_doc_position(d->doc, want.start, &l0, &c0);
    mfl_doc_position(d->doc, want.end, &l1, &c0);
    want.start = mfl_doc_line_range(d->doc, l0).start;
    want.end = mfl_doc_line_range(d->doc, l1).end;
    json_t *only = path_get(params, "context.only");
    mfl_result_t *res = lsp_server_lint(s, d);
    json_t *actions = json_array();
    if (!res || !actions)
        return actions;
    bool quick = kind_wanted(only, "quickfix");
    bool any_safe = false;
    for (size_t i = 0; i < res->n_diags; i++) {
        const mfl_diag_t *dg = &res->diags[i];
        if (dg->fix && dg->fix->applicability == MFL_FIX_SAFE)
            any_safe = true;
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
        const mfl_instr_t *in = instr_at(d->doc, dg->range.start);
        json_t *sup = in ? suppress_edit(s, d, in, dg->rule->code) : NULL;
        if (sup) {
            snprintf(title, sizeof(title), "Suppress %s for this instruction", dg->rule->code);
            json_array_append_new(actions, action_new(title, "quickfix", diag, false, d->uri, sup));
        }
        json_decref(diag);
    }
    bool explicit_fix_all = json_is_array(only) && kind_wanted(only, FIX_ALL_KIND);
    if (explicit_fix_all || (!json_is_array(only) && any_safe)) {
        json_t *a = fix_all_action(s, d);
        if (a)
            json_array_append_new(actions, a);
    }
    return actions;
}

/* ---- hover ---------------------------------------------------------------------------- */

/* The valid values of a parameter, in words. */
static void param_range(const mfl_param_t *p, char *buf, size_t n) {
    if (p->type == MFL_PARAM_BOOL)
        snprintf(buf, n, "true or false (1, t, T, TRUE, True, 0, f, F, FALSE, False)");
    else if (p->type == MFL_PARAM_STRINGS)
        snprintf(buf, n, "any string; repeat the line for several");
    else if (p->has_min && p->has_max)
        snprintf(buf, n, "%s%g to %g", p->min_exclusive ? "above " : "", p->min, p->max);
    else if (p->has_min)
        snprintf(buf, n, "%s %g", p->min_exclusive ? "above" : "at least", p->min);
    else if (p->has_max)
        snprintf(buf, n, "at most %g", p->max);
    else
        snprintf(buf, n, "any %s", mfl_param_type_word(p->type));
}

/* A parameter's hover / completion text, as Markdown (bold labels and a
 * list: tables with empty headers read badly in Neovim's and eglot's hovers)
 * or as plain text. */
static char *param_text(const mfl_param_t *p, bool md) {
    char buf[1024], range[128], status[192] = "", since[32];
    const char *b = md ? "**" : "";
    const char *li = md ? "- " : "";
    param_range(p, range, sizeof(range));
    mfl_param_changed_in(p, since, sizeof(since));
    if (mfl_param_status(p) == MFL_PARAM_DEPRECATED)
        snprintf(status, sizeof(status), "\n\n%sDeprecated%s (removed in Ollama %s): accepted with a "
                 "warning and ignored.", b, b, since);
    else if (mfl_param_status(p) == MFL_PARAM_REMOVED)
        snprintf(status, sizeof(status), "\n\n%sRemoved%s (Ollama %s): `ollama create` rejects it.", b,
                 b, since);
    else if (mfl_param_status(p) == MFL_PARAM_REFUSED)
        snprintf(status, sizeof(status), "\n\n%sRefused%s (Ollama %s): `ollama create` rejects it; "
                 "pass it as a request option.", b, b, since);
    snprintf(buf, sizeof(buf),
             "%sPARAMETER %s%s (%s, %s option)\n\n%s.%s\n\n"
             "%s%sDefault:%s %s\n%s%sValid:%s %s\n%s%sApplies:%s %s\n",
             b, p->name, b, p->go_type, p->kind == MFL_PARAM_LOAD ? "load-time" : "sampling", p->summary,
             status, li, b, b, p->default_text && *p->default_text ? p->default_text : "none", li, b, b,
             range, li, b, b,
             p->kind == MFL_PARAM_LOAD ? "when the model loads (changing it reloads the model)"
                                       : "per request");
    return mfl_strndup(buf, strlen(buf));
}

/* A rule's hover text: Markdown gets the rule's documentation (Markdown in
 * the rule's metadata); plain text its summary and where to read the rest. */
static char *rule_text(const mfl_rule_t *rule, bool md) {
    static const char *const sev[] = {"error", "warning", "info", "hint", "off"};
    char head[1024], url[256];
    if (md)
        snprintf(head, sizeof(head), "**%s** `%s`\n\n", rule->code, rule->name);
    else
        snprintf(head, sizeof(head),
                 "%s %s: %s\n\nSeverity: %s by default%s.\nDocumentation: %s (or "
                 "`modelfile-lint --explain %s`)\n",
                 rule->code, rule->name, rule->summary ? rule->summary : "",
                 (unsigned)rule->severity < 5 ? sev[rule->severity] : "?",
                 rule->default_off ? ", off unless selected" : "",
                 mfl_rule_url(rule, url, sizeof url), rule->code);
    const char *body = md && rule->doc ? rule->doc : "";
    size_t hl = strlen(head), dl = strlen(body);
    char *t = mfl_malloc(hl + dl + 1);
    if (t) {
        memcpy(t, head, hl);
        memcpy(t + hl, body, dl + 1);
    }
    return t;
}

/* The rule code (MFxxx) under off inside a comment, if any. */
static const mfl_rule_t *rule_in_comment(const mfl_doc_t *doc, uint32_t off) {
    size_t len;
    const char *text = mfl_doc_text(doc, &len);
    for (size_t i = 0; i < mfl_doc_comment_count(doc); i++) {
        mfl_range_t c = mfl_doc_comment(doc, i);
        if (off < c.start || off > c.end)
            continue;
        uint32_t a = off, b = off;
        while (a > c.start && isalnum((unsigned char)text[a - 1]))
            a--;
        while (b < c.end && isalnum((unsigned char)text[b]))
            b++;
        char code[16];
        if (b - a == 0 || b - a >= sizeof(code))
            return NULL;
        memcpy(code, text + a, b - a);
        code[b - a] = '\0';
        return strncasecmp(code, "MF", 2) == 0 ? mfl_rule_find(code) : NULL;
    }
    return NULL;
}

static json_t *on_hover(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    uint32_t off;
    lsp_doc_t *d = doc_at(s, params, &off, err);
    if (!d)
        return NULL;
    char *md = NULL;
    mfl_range_t r = {off, off};
    const mfl_instr_t *in = instr_at(d->doc, off);
    const mfl_rule_t *rule = in ? NULL : rule_in_comment(d->doc, off);
    bool md_ok = s->caps.hover_markdown;
    if (rule) {
        md = rule_text(rule, md_ok);
    } else if (in && in_range(in->keyword, off)) {
        const lsp_keyword_doc_t *k = lsp_docs_keyword(in->kind);
        r = in->keyword;
        if (k)
            md = lsp_docs_keyword_text(k, md_ok);
    } else if (in && in->kind == MFL_INSTR_PARAMETER && in->has_name &&
               (in_range(in->name, off) ||
                (in->name_text && strcmp(in->name_text, "num_ctx") == 0 && in_range(in->value, off)))) {
        const mfl_param_t *p = mfl_param_find(in->name_text, in->name_len);
        r = in_range(in->name, off) ? in->name : in->value;
        char *base = p ? param_text(p, md_ok) : NULL;
        char *ctx = p && strcmp(p->name, "num_ctx") == 0 ? context_text(s, d, md_ok) : NULL;
        if (base && ctx) {
            size_t a = strlen(base), b = strlen(ctx);
            md = mfl_malloc(a + b + 8);
            if (md)
                snprintf(md, a + b + 8, md_ok ? "%s\n---\n\n%s" : "%s\n%s", base, ctx);
            mfl_free(base);
        } else {
            md = base;
        }
        mfl_free(ctx);
    } else if (in && in->kind == MFL_INSTR_FROM && in_range(in->value, off)) {
        r = in->value;
        md = context_text(s, d, md_ok);
    }
    if (!md)
        return NULL;
    json_t *h = json_pack("{s:o,s:o}", "contents", markup(s, md_ok, md), "range",
                          lsp_convert_range_new(d->doc, s->enc, r));
    mfl_free(md);
    return h;
}

/* ---- completion ------------------------------------------------------------------------ */

enum {
    KIND_PROPERTY = 10,
    KIND_VALUE = 12,
    KIND_ENUM_MEMBER = 20,
    KIND_KEYWORD = 14,
    KIND_MODULE = 9,
    KIND_FUNCTION = 3,
    KIND_VARIABLE = 6
};

static json_t *item_new(lsp_server_t *s, lsp_doc_t *d, const char *label, int kind,
                        const char *detail, const char *doc, mfl_range_t replace, const char *sort) {
    json_t *it = json_pack("{s:s,s:i,s:o}", "label", label, "kind", kind, "textEdit",
                           lsp_convert_text_edit_new(d->doc, s->enc, replace, label, strlen(label)));
    if (!it)
        return NULL;
    if (detail)
        json_object_set_new(it, "detail", json_string(detail));
    if (doc)
        json_object_set_new(it, "documentation", markup(s, s->caps.completion_markdown, doc));
    if (sort)
        json_object_set_new(it, "sortText", json_string(sort));
    return it;
}

static bool is_word(char c) {
    return isalnum((unsigned char)c) || c == '_' || c == '.' || c == '-' || c == ':' || c == '/';
}

static void complete_template(lsp_server_t *s, lsp_doc_t *d, json_t *items, mfl_range_t rep) {
    for (size_t i = 0; i < mfl_tmpl_name_count(); i++) {
        const mfl_tmpl_name_t *t = mfl_tmpl_name_at(i);
        char label[64];
        bool field = t->kind == MFL_TMPL_VARIABLE || t->kind == MFL_TMPL_MESSAGE_FIELD;
        snprintf(label, sizeof label, "%s%s", field ? "." : "", t->name);
        json_array_append_new(items, item_new(s, d, label,
                                              t->kind == MFL_TMPL_FUNCTION ? KIND_FUNCTION
                                              : t->kind == MFL_TMPL_KEYWORD ? KIND_KEYWORD
                                                                            : KIND_VARIABLE,
                                              t->detail, NULL, rep, NULL));
    }
}

typedef struct {
    lsp_server_t *s;
    lsp_doc_t *d;
    json_t *items;
    mfl_range_t rep;
} model_items_t;

static void add_store_model(void *ud, const char *name) {
    model_items_t *m = ud;
    char detail[160], sort[300];
    const mfl_table_entry_t *e = mfl_table_find(name, strlen(name), NULL);
    if (e)
        snprintf(detail, sizeof(detail), "installed · %s · native context %" PRIu64, e->display,
                 e->ctx);
    else
        snprintf(detail, sizeof(detail), "installed");
    /* Installed models sort before the data's. */
    snprintf(sort, sizeof(sort), "0%s", name);
    json_array_append_new(m->items, item_new(m->s, m->d, name, KIND_MODULE, detail, NULL, m->rep, sort));
}

static bool has_label(json_t *items, const char *label) {
    size_t i;
    json_t *it;
    json_array_foreach(items, i, it) {
        if (strcmp(json_string_value(json_object_get(it, "label")), label) == 0)
            return true;
    }
    return false;
}

static void complete_models(lsp_server_t *s, lsp_doc_t *d, json_t *items, mfl_range_t rep) {
    model_items_t m = {s, d, items, rep};
    mfl_io_env_list_models(s->io_env, add_store_model, &m);
    size_t installed = json_array_size(items);
    char detail[160], sort[300], name[200];
    /* Every tag of the built-in data, exactly as it is listed. */
    for (size_t i = 0; i < mfl_table_count(); i++) {
        const mfl_table_entry_t *e = mfl_table_at(i);
        for (size_t k = 0; k < e->n_tags; k++) {
            snprintf(name, sizeof(name), "%s:%s", e->family, e->tags[k].tag);
            if (installed && has_label(items, name))
                continue;
            snprintf(detail, sizeof(detail), "%s · native context %" PRIu64, e->display, e->ctx);
            snprintf(sort, sizeof(sort), "1%s", name);
            json_array_append_new(items, item_new(s, d, name, KIND_MODULE, detail,
                                                  e->family_note, rep, sort));
        }
    }
}

static void complete_num_ctx(lsp_server_t *s, lsp_doc_t *d, json_t *items, mfl_range_t rep) {
    static const uint64_t common[] = {2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144};
    mfl_model_t m;
    bool known = lsp_doc_model(s, d, &m) && m.native_ctx > 0;
    const mfl_budget_t *b = lsp_doc_budget(s, d);
    char label[32], detail[256], sort[16];
    int n = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < (pass ? sizeof(common) / sizeof(common[0]) : 1); i++) {
            uint64_t v = pass ? common[i] : (known ? m.native_ctx : 0);
            if (v == 0 || (pass && known && (v == m.native_ctx || v > m.native_ctx)))
                continue;
            snprintf(label, sizeof(label), "%" PRIu64, v);
            mfl_mem_t mem;
            char total[64];
            if (known && mfl_mem_estimate(&m, v, b, &mem) == 0)
                snprintf(detail, sizeof(detail), "%smemory %s", pass ? "" : "native context · ",
                         mfl_fmt_bytes(mem.total, total, sizeof(total)));
            else
                snprintf(detail, sizeof(detail), "%s", pass ? "context window" : "native context");
            snprintf(sort, sizeof(sort), "%02d", n++);
            json_array_append_new(items, item_new(s, d, label, KIND_VALUE, detail, NULL, rep, sort));
        }
    }
}

static json_t *on_completion(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    uint32_t off;
    lsp_doc_t *d = doc_at(s, params, &off, err);
    if (!d)
        return NULL;
    size_t len;
    const char *text = mfl_doc_text(d->doc, &len);
    json_t *items = json_array();
    uint32_t ws = off;
    while (ws > 0 && is_word(text[ws - 1]))
        ws--;
    mfl_range_t rep = {ws, off};
    /* Inside a TEMPLATE action: variables and functions. */
    const mfl_instr_t *in = instr_at(d->doc, off);
    if (in && in->kind == MFL_INSTR_TEMPLATE && in_range(in->value, off)) {
        uint32_t open = UINT32_MAX, close = UINT32_MAX;
        for (uint32_t p = off; p > in->value.start + 1; p--) {
            if (close == UINT32_MAX && text[p - 1] == '}' && text[p - 2] == '}')
                close = p;
            if (text[p - 1] == '{' && text[p - 2] == '{') {
                open = p;
                break;
            }
        }
        if (open != UINT32_MAX && close == UINT32_MAX)
            complete_template(s, d, items, rep);
        return json_pack("{s:b,s:o}", "isIncomplete", 0, "items", items);
    }
    /* Otherwise the words of the line before the cursor decide. */
    uint32_t line, col;
    mfl_doc_position(d->doc, off, &line, &col);
    mfl_range_t lr = mfl_doc_line_range(d->doc, line);
    const char *p = text + lr.start, *e = text + off;
    const char *words[3] = {NULL, NULL, NULL};
    size_t wlen[3] = {0, 0, 0}, nw = 0;
    while (p < e) {
        while (p < e && (*p == ' ' || *p == '\t'))
            p++;
        if (p >= e)
            break;
        const char *w = p;
        while (p < e && *p != ' ' && *p != '\t')
            p++;
        if (nw < 3) {
            words[nw] = w;
            wlen[nw] = (size_t)(p - w);
        }
        nw++;
    }
    bool typing = ws < off; /* the cursor ends a partial word */
    size_t index = typing ? nw - 1 : nw; /* which word the cursor is on */
    if (nw > 0 && words[0][0] == '#')
        return json_pack("{s:b,s:o}", "isIncomplete", 0, "items", items);
    if (index == 0) {
        for (int k = 0; k < MFL_INSTR_UNKNOWN; k++) {
            const lsp_keyword_doc_t *kd = lsp_docs_keyword((mfl_instr_kind_t)k);
            if (kd) {
                char *doc = lsp_docs_keyword_text(kd, s->caps.completion_markdown);
                json_array_append_new(items, item_new(s, d, kd->keyword, KIND_KEYWORD, kd->summary,
                                                      doc, rep, NULL));
                mfl_free(doc);
            }
        }
    } else if (wlen[0] == 4 && strncasecmp(words[0], "FROM", 4) == 0 && index == 1) {
        complete_models(s, d, items, rep);
    } else if (wlen[0] == 7 && strncasecmp(words[0], "MESSAGE", 7) == 0 && index == 1) {
        static const char *const roles[] = {"system", "user", "assistant"};
        for (size_t k = 0; k < 3; k++)
            json_array_append_new(items, item_new(s, d, roles[k], KIND_ENUM_MEMBER, "role", NULL, rep, NULL));
    } else if (wlen[0] == 9 && strncasecmp(words[0], "PARAMETER", 9) == 0 && index == 1) {
        for (size_t k = 0; k < mfl_param_count(); k++) {
            const mfl_param_t *pd = mfl_param_at(k);
            if (mfl_param_status(pd) != MFL_PARAM_ACTIVE)
                continue;
            char *doc = param_text(pd, s->caps.completion_markdown);
            json_array_append_new(items, item_new(s, d, pd->name, KIND_PROPERTY,
                                                  pd->kind == MFL_PARAM_LOAD ? "load-time option"
                                                                             : "sampling option",
                                                  doc, rep, NULL));
            mfl_free(doc);
        }
    } else if (wlen[0] == 9 && strncasecmp(words[0], "PARAMETER", 9) == 0 && index == 2) {
        const mfl_param_t *pd = mfl_param_find(words[1], wlen[1]);
        if (pd && pd->type == MFL_PARAM_BOOL) {
            json_array_append_new(items, item_new(s, d, "true", KIND_VALUE, "bool", NULL, rep, NULL));
            json_array_append_new(items, item_new(s, d, "false", KIND_VALUE, "bool", NULL, rep, NULL));
        } else if (pd && strcmp(pd->name, "num_ctx") == 0) {
            complete_num_ctx(s, d, items, rep);
        }
    }
    return json_pack("{s:b,s:o}", "isIncomplete", 0, "items", items);
}

/* ---- formatting ----------------------------------------------------------------------- */

static int cmp_range(const void *a, const void *b) {
    const mfl_range_t *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static void add_edit(lsp_server_t *s, lsp_doc_t *d, json_t *edits, mfl_range_t r, const char *t,
                     size_t n) {
    json_array_append_new(edits, lsp_convert_text_edit_new(d->doc, s->enc, r, t, n));
}

/* Uppercase keywords, one space after each keyword, no trailing
 * whitespace. Quoted values and comments are never touched, so the result
 * means the same to Ollama, and formatting it again changes nothing. */
static json_t *on_formatting(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    lsp_doc_t *d = lsp_server_doc(s, params);
    if (!d)
        return invalid_params(err, "Document is not open");
    size_t len;
    const char *text = mfl_doc_text(d->doc, &len);
    size_t ni = mfl_doc_instr_count(d->doc), nc = mfl_doc_comment_count(d->doc), np = 0;
    mfl_range_t *prot = mfl_malloc((ni + nc + 1) * sizeof(*prot));
    json_t *edits = json_array();
    if (!prot || !edits) {
        mfl_free(prot);
        return edits;
    }
    /* Keyword and separator edits, which sit before any trailing space. */
    json_t *kw_edits = json_array();
    for (size_t i = 0; i < ni; i++) {
        const mfl_instr_t *in = mfl_doc_instr(d->doc, i);
        if (in->quote != MFL_QUOTE_NONE && in->value.end > in->value.start)
            prot[np++] = in->value;
        if (in->kind == MFL_INSTR_UNKNOWN)
            continue;
        const char *kw = mfl_instr_keyword(in->kind);
        size_t kl = in->keyword.end - in->keyword.start;
        if (kl == strlen(kw) && memcmp(text + in->keyword.start, kw, kl) != 0)
            add_edit(s, d, kw_edits, in->keyword, kw, kl);
        uint32_t next = in->has_name ? in->name.start
                        : in->value.end > in->value.start ? in->value.start
                                                          : UINT32_MAX;
        if (in->has_sep && next != UINT32_MAX && next > in->keyword.end + 1) {
            bool blank = true;
            for (uint32_t k = in->keyword.end; k < next; k++)
                if (text[k] != ' ' && text[k] != '\t')
                    blank = false;
            if (blank)
                add_edit(s, d, kw_edits, (mfl_range_t){in->keyword.end, next}, " ", 1);
        } else if (in->has_sep && next == in->keyword.end + 1 && text[in->keyword.end] == '\t') {
            add_edit(s, d, kw_edits, (mfl_range_t){in->keyword.end, next}, " ", 1);
        }
    }
    for (size_t i = 0; i < nc; i++)
        prot[np++] = mfl_doc_comment(d->doc, i);
    qsort(prot, np, sizeof(*prot), cmp_range);
    /* Trailing whitespace, line by line, skipping protected spans. */
    size_t pi = 0, ki = 0;
    uint32_t lines = mfl_doc_line_count(d->doc);
    for (uint32_t l = 0; l < lines; l++) {
        mfl_range_t lr = mfl_doc_line_range(d->doc, l);
        uint32_t e = lr.end;
        while (e > lr.start && (text[e - 1] == ' ' || text[e - 1] == '\t'))
            e--;
        /* Keyword edits of this line come first, to keep edits sorted. */
        while (ki < json_array_size(kw_edits)) {
            json_t *ke = json_array_get(kw_edits, ki);
            if (json_integer_value(path_get(ke, "range.start.line")) > l)
                break;
            json_array_append(edits, ke);
            ki++;
        }
        if (e == lr.end)
            continue;
        while (pi < np && prot[pi].end <= e)
            pi++;
        bool inside = false;
        for (size_t k = pi; k < np && prot[k].start < lr.end; k++)
            if (prot[k].start <= e && e < prot[k].end)
                inside = true;
        if (!inside)
            add_edit(s, d, edits, (mfl_range_t){e, lr.end}, "", 0);
    }
    while (ki < json_array_size(kw_edits))
        json_array_append(edits, json_array_get(kw_edits, ki++));
    json_decref(kw_edits);
    mfl_free(prot);
    return edits;
}

/* ---- outline and folding --------------------------------------------------------------- */

static int symbol_kind(mfl_instr_kind_t k) {
    switch (k) {
    case MFL_INSTR_FROM:
    case MFL_INSTR_ADAPTER:
    case MFL_INSTR_DRAFT:
        return 2; /* Module */
    case MFL_INSTR_PARAMETER:
        return 7; /* Property */
    case MFL_INSTR_MESSAGE:
        return 24; /* Event */
    case MFL_INSTR_TEMPLATE:
    case MFL_INSTR_SYSTEM:
    case MFL_INSTR_LICENSE:
        return 15; /* String */
    default:
        return 14; /* Constant */
    }
}

static json_t *on_document_symbol(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    lsp_doc_t *d = lsp_server_doc(s, params);
    if (!d)
        return invalid_params(err, "Document is not open");
    json_t *out = json_array();
    for (size_t i = 0; out && i < mfl_doc_instr_count(d->doc); i++) {
        const mfl_instr_t *in = mfl_doc_instr(d->doc, i);
        if (in->kind == MFL_INSTR_UNKNOWN)
            continue;
        char name[160], detail[96];
        const char *kw = mfl_instr_keyword(in->kind);
        if (in->has_name && in->name_text)
            snprintf(name, sizeof(name), "%s %.120s", kw, in->name_text);
        else
            snprintf(name, sizeof(name), "%s", kw);
        size_t n = 0;
        const char *v = in->value_text ? in->value_text : "";
        while (v[n] && v[n] != '\n' && v[n] != '\r' && n < 80)
            n++;
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

static json_t *on_folding_range(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    lsp_doc_t *d = lsp_server_doc(s, params);
    if (!d)
        return invalid_params(err, "Document is not open");
    json_t *out = json_array();
    uint32_t l0, l1, col;
    for (size_t i = 0; i < mfl_doc_instr_count(d->doc); i++) {
        const mfl_instr_t *in = mfl_doc_instr(d->doc, i);
        mfl_doc_position(d->doc, in->range.start, &l0, &col);
        mfl_doc_position(d->doc, in->range.end > in->range.start ? in->range.end - 1 : in->range.end,
                         &l1, &col);
        if (l1 > l0)
            json_array_append_new(out, json_pack("{s:i,s:i}", "startLine", (int)l0, "endLine", (int)l1));
    }
    size_t nc = mfl_doc_comment_count(d->doc);
    for (size_t i = 0; i < nc;) {
        mfl_doc_position(d->doc, mfl_doc_comment(d->doc, i).start, &l0, &col);
        size_t j = i + 1;
        l1 = l0;
        while (j < nc) {
            uint32_t lj;
            mfl_doc_position(d->doc, mfl_doc_comment(d->doc, j).start, &lj, &col);
            if (lj != l1 + 1)
                break;
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
    if (r.end <= r.start)
        return;
    mfl_doc_position(t->d->doc, r.start, &l0, &c);
    mfl_doc_position(t->d->doc, r.end, &l1, &c);
    for (uint32_t l = l0; l <= l1; l++) {
        mfl_range_t lr = mfl_doc_line_range(t->d->doc, l);
        uint32_t a = r.start > lr.start ? r.start : lr.start;
        uint32_t b = r.end < lr.end ? r.end : lr.end;
        if (b <= a)
            continue;
        size_t n;
        const char *line = mfl_doc_slice(t->d->doc, lr, &n);
        uint32_t ca = lsp_convert_bytes_to_units(line, n, a - lr.start, t->s->enc);
        uint32_t cb = lsp_convert_bytes_to_units(line, n, b - lr.start, t->s->enc);
        uint32_t dl = l - t->prev_line;
        uint32_t dc = dl ? ca : ca - t->prev_char;
        json_t *e[5] = {json_integer(dl), json_integer(dc), json_integer(cb - ca),
                        json_integer(type), json_integer(0)};
        for (int k = 0; k < 5; k++)
            json_array_append_new(t->data, e[k]);
        t->prev_line = l;
        t->prev_char = ca;
    }
}

static bool looks_numeric(const char *v) {
    char *end;
    if (!*v)
        return false;
    (void)strtod(v, &end);
    return *end == '\0';
}

static void sem_instr(sem_ctx_t *t, const mfl_instr_t *in) {
    if (in->kind != MFL_INSTR_UNKNOWN)
        sem_add(t, in->keyword, SEM_KEYWORD);
    if (in->has_name)
        sem_add(t, in->name, in->kind == MFL_INSTR_MESSAGE ? SEM_ENUM_MEMBER : SEM_PROPERTY);
    if (in->value.end > in->value.start)
        sem_add(t, in->value,
                in->quote == MFL_QUOTE_NONE && in->kind == MFL_INSTR_PARAMETER &&
                        looks_numeric(in->value_text)
                    ? SEM_NUMBER
                    : SEM_STRING);
}

static json_t *on_semantic_tokens(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    lsp_doc_t *d = lsp_server_doc(s, params);
    if (!d)
        return invalid_params(err, "Document is not open");
    sem_ctx_t t = {s, d, json_array(), 0, 0};
    size_t ni = mfl_doc_instr_count(d->doc), nc = mfl_doc_comment_count(d->doc), i = 0, k = 0;
    /* Instructions and comments interleaved in document order. */
    while (i < ni || k < nc) {
        if (k < nc && (i == ni || mfl_doc_comment(d->doc, k).start < mfl_doc_instr(d->doc, i)->range.start))
            sem_add(&t, mfl_doc_comment(d->doc, k++), SEM_COMMENT);
        else
            sem_instr(&t, mfl_doc_instr(d->doc, i++));
    }
    return json_pack("{s:o}", "data", t.data);
}

/* ---- the table ----------------------------------------------------------------------------- */

const lsp_method_t lsp_methods[] = {
    {"initialize", on_initialize, NULL},
    {"initialized", NULL, on_initialized},
    {"shutdown", on_shutdown, NULL},
    {"textDocument/didOpen", NULL, on_did_open},
    {"textDocument/didChange", NULL, on_did_change},
    {"textDocument/didClose", NULL, on_did_close},
    {"textDocument/didSave", NULL, on_ignore},
    {"textDocument/diagnostic", on_diagnostic, NULL},
    {"textDocument/codeAction", on_code_action, NULL},
    {"textDocument/hover", on_hover, NULL},
    {"textDocument/completion", on_completion, NULL},
    {"textDocument/formatting", on_formatting, NULL},
    {"textDocument/documentSymbol", on_document_symbol, NULL},
    {"textDocument/foldingRange", on_folding_range, NULL},
    {"textDocument/semanticTokens/full", on_semantic_tokens, NULL},
    {"workspace/didChangeConfiguration", NULL, on_did_change_configuration},
    {"workspace/didChangeWatchedFiles", NULL, on_did_change_watched_files},
    {"modelfile-lint/context", lsp_on_context, NULL},
    {"modelfile-lint/hardware", lsp_on_hardware, NULL},
    {"modelfile-lint/models", lsp_on_models, NULL},
    {"modelfile-lint/query", lsp_on_query, NULL},
    {"$/cancelRequest", NULL, on_ignore},
    {"$/setTrace", NULL, on_ignore},
    {NULL, NULL, NULL},
};

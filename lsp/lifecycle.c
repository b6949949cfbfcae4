/* SPDX-License-Identifier: MIT */
/* initialize, initialized, shutdown and the settings notifications: the
 * client's capabilities in, the server's out. */
#include "handlers.h"

#include <string.h>

#ifndef MFL_LSP_VERSION
#define MFL_LSP_VERSION "0.1.0"
#endif

static bool array_has_string(json_t *a, const char *s) {
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v) {
        if (json_is_string(v) && strcmp(json_string_value(v), s) == 0) return true;
    }
    return false;
}

/* ---- lifecycle ----------------------------------------------------------------------- */

static json_t *settings_from(json_t *v) {
    json_t *inner = json_object_get(v, "modelfile-lint");
    if (json_is_object(inner)) return inner;
    inner = json_object_get(v, "settings");
    if (json_is_object(inner)) return settings_from(inner);
    return json_is_object(v) ? v : NULL;
}

static json_t *capabilities(lsp_server_t *s) {
    json_t *caps = json_pack(
        "{s:s,s:{s:b,s:i,s:{s:b}},s:{s:s,s:b,s:b},s:b,s:{s:[s,s,s,s,s],s:b},"
        "s:b,s:b,s:b}",
        "positionEncoding", lsp_convert_encoding_name(s->enc), "textDocumentSync", "openClose", 1,
        "change", 2, "save", "includeText", 0, "diagnosticProvider", "identifier", "modelfile-lint",
        "interFileDependencies", 0, "workspaceDiagnostics", 0, "hoverProvider", 1,
        "completionProvider", "triggerCharacters", " ", ".", "{", "=", ":", "resolveProvider", 0,
        "documentFormattingProvider", 1, "documentSymbolProvider", 1, "foldingRangeProvider", 1);
    if (!caps) return NULL;
    json_t *types = json_array();
    for (size_t i = 0; i < LSP_SEM_TYPE_COUNT; i++)
        json_array_append_new(types, json_string(lsp_sem_types[i]));
    json_object_set_new(caps, "semanticTokensProvider",
                        json_pack("{s:{s:o,s:[]},s:b}", "legend", "tokenTypes", types,
                                  "tokenModifiers", "full", 1));
    /* The custom requests of knowledge.c (lsp/README.md). */
    json_object_set_new(caps, "experimental",
                        json_pack("{s:[s,s,s,s]}", "modelfileLintRequests",
                                  "modelfile-lint/context", "modelfile-lint/hardware",
                                  "modelfile-lint/models", "modelfile-lint/query"));
    if (s->caps.code_action_literals)
        json_object_set_new(caps, "codeActionProvider",
                            json_pack("{s:[s,s],s:b}", "codeActionKinds", "quickfix", FIX_ALL_KIND,
                                      "resolveProvider", 0));
    else
        json_object_set_new(caps, "codeActionProvider", json_true());
    return caps;
}

json_t *lsp_on_initialize(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    if (!json_is_object(params)) return lsp_invalid_params(err, "initialize needs params");
    json_t *c = json_object_get(params, "capabilities");
    json_t *encs = lsp_json_path(c, "general.positionEncodings");
    s->enc = array_has_string(encs, "utf-8") ? LSP_ENC_UTF8 : LSP_ENC_UTF16;
    s->caps.pull_diagnostics = json_is_object(lsp_json_path(c, "textDocument.diagnostic"));
    s->caps.diagnostic_refresh = lsp_json_flag(c, "workspace.diagnostics.refreshSupport");
    s->caps.version_support = lsp_json_flag(c, "textDocument.publishDiagnostics.versionSupport");
    s->caps.diag.related_information =
        lsp_json_flag(c, "textDocument.publishDiagnostics.relatedInformation");
    s->caps.code_action_literals =
        json_is_object(lsp_json_path(c, "textDocument.codeAction.codeActionLiteralSupport"));
    s->caps.hierarchical_symbols =
        lsp_json_flag(c, "textDocument.documentSymbol.hierarchicalDocumentSymbolSupport");
    s->caps.hover_markdown =
        array_has_string(lsp_json_path(c, "textDocument.hover.contentFormat"), "markdown");
    s->caps.completion_markdown = array_has_string(
        lsp_json_path(c, "textDocument.completion.completionItem.documentationFormat"), "markdown");
    s->caps.line_folding_only = lsp_json_flag(c, "textDocument.foldingRange.lineFoldingOnly");
    s->caps.workspace_configuration = lsp_json_flag(c, "workspace.configuration");
    s->caps.watched_files_dynamic =
        lsp_json_flag(c, "workspace.didChangeWatchedFiles.dynamicRegistration");
    json_t *opts = settings_from(json_object_get(params, "initializationOptions"));
    if (opts) lsp_server_apply_settings(s, json_incref(opts));
    s->state = LSP_STATE_RUNNING;
    return json_pack("{s:o,s:{s:s,s:s}}", "capabilities", capabilities(s), "serverInfo", "name",
                     "modelfile-lsp", "version", MFL_LSP_VERSION);
}

static void pull_configuration(lsp_server_t *s) {
    if (!s->caps.workspace_configuration) return;
    s->config_request_id =
        lsp_server_request(s, "workspace/configuration",
                           json_pack("{s:[{s:s}]}", "items", "section", "modelfile-lint"));
}

void lsp_on_initialized(lsp_server_t *s, json_t *params) {
    (void)params;
    pull_configuration(s);
    lsp_server_watch_store(s);
    if (s->caps.watched_files_dynamic)
        lsp_server_request(s, "client/registerCapability",
                           json_pack("{s:[{s:s,s:s,s:{s:[{s:s}]}}]}", "registrations", "id",
                                     "modelfile-lint-config", "method",
                                     "workspace/didChangeWatchedFiles", "registerOptions",
                                     "watchers", "globPattern", "**/.modelfile-lint.json"));
}

json_t *lsp_on_shutdown(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    (void)params;
    (void)err;
    s->state = LSP_STATE_SHUT_DOWN;
    return NULL;
}

void lsp_on_did_change_configuration(lsp_server_t *s, json_t *params) {
    json_t *settings = settings_from(json_object_get(params, "settings"));
    if (s->caps.workspace_configuration && (!settings || json_object_size(settings) == 0)) {
        pull_configuration(s);
        return;
    }
    lsp_server_apply_settings(s, settings ? json_incref(settings) : NULL);
}

void lsp_on_did_change_watched_files(lsp_server_t *s, json_t *params) {
    (void)params;
    /* Config entries are re-read when their mtime changes; re-lint so the
     * open documents see it. */
    lsp_server_relint_all(s);
}

void lsp_on_ignore(lsp_server_t *s, json_t *params) {
    (void)s;
    (void)params;
}

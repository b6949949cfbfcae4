/* SPDX-License-Identifier: MIT */
/* What the handler files share: the handlers of the method table
 * (handlers.c) and small JSON and document helpers. Internal to lsp/. */
#ifndef MFL_LSP_HANDLERS_H
#define MFL_LSP_HANDLERS_H

#include "mfl_knowledge.h"
#include "mfl_params.h"
#include "server.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FIX_ALL_KIND "source.fixAll.modelfile-lint"

/* handlers.c */
/* Walks a dotted path of objects: the value, or NULL; lsp_json_flag: true
 * if it is true. */
json_t *lsp_json_path(json_t *root, const char *path);
bool lsp_json_flag(json_t *root, const char *path);
/* Sets err to InvalidParams with why; returns NULL. */
json_t *lsp_invalid_params(lsp_error_t *err, const char *why);
/* The document of params.textDocument and the byte offset of
 * params.position, or NULL with err set. */
lsp_doc_t *lsp_doc_at(lsp_server_t *s, json_t *params, uint32_t *off, lsp_error_t *err);
const mfl_instr_t *lsp_instr_at(const mfl_doc_t *doc, uint32_t off);
bool lsp_in_range(mfl_range_t r, uint32_t off);
json_t *lsp_markup(lsp_server_t *s, bool markdown_ok, const char *text);

/* hover.c: a parameter's documentation (hover and completion). New string. */
char *lsp_param_text(const mfl_param_t *p, bool md);

/* symbols.c: the semantic token legend, in order. */
#define LSP_SEM_TYPE_COUNT 6
extern const char *const lsp_sem_types[LSP_SEM_TYPE_COUNT];

/* lifecycle.c */
json_t *lsp_on_initialize(lsp_server_t *s, json_t *params, lsp_error_t *err);
void lsp_on_initialized(lsp_server_t *s, json_t *params);
json_t *lsp_on_shutdown(lsp_server_t *s, json_t *params, lsp_error_t *err);
void lsp_on_did_change_configuration(lsp_server_t *s, json_t *params);
void lsp_on_did_change_watched_files(lsp_server_t *s, json_t *params);
void lsp_on_ignore(lsp_server_t *s, json_t *params);
/* textsync.c */
void lsp_on_did_open(lsp_server_t *s, json_t *params);
void lsp_on_did_change(lsp_server_t *s, json_t *params);
void lsp_on_did_close(lsp_server_t *s, json_t *params);
/* diagnostic.c */
json_t *lsp_on_diagnostic(lsp_server_t *s, json_t *params, lsp_error_t *err);
/* actions.c */
json_t *lsp_on_code_action(lsp_server_t *s, json_t *params, lsp_error_t *err);
/* hover.c, completion.c */
json_t *lsp_on_hover(lsp_server_t *s, json_t *params, lsp_error_t *err);
json_t *lsp_on_completion(lsp_server_t *s, json_t *params, lsp_error_t *err);
/* formatting.c */
json_t *lsp_on_formatting(lsp_server_t *s, json_t *params, lsp_error_t *err);
/* symbols.c */
json_t *lsp_on_document_symbol(lsp_server_t *s, json_t *params, lsp_error_t *err);
json_t *lsp_on_folding_range(lsp_server_t *s, json_t *params, lsp_error_t *err);
json_t *lsp_on_semantic_tokens(lsp_server_t *s, json_t *params, lsp_error_t *err);

#endif

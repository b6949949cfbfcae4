/* SPDX-License-Identifier: MIT */
/* The server's custom requests (knowledge.c): the core's model knowledge as
 * numbers, and tree-sitter queries over a document, for clients that draw
 * or highlight themselves (the web playground). */
#ifndef LSP_KNOWLEDGE_H
#define LSP_KNOWLEDGE_H

#include "server.h"

/* modelfile-lint/context {textDocument, contexts?: [tokens...]}: the model
 * behind FROM, the effective num_ctx, mfl_info_t's figures, the largest
 * context that fits per cache type, and memory and prefill time at each
 * requested context, and `info`'s text. */
json_t *lsp_on_context(lsp_server_t *s, json_t *params, lsp_error_t *err);
/* modelfile-lint/hardware: the hardware profiles with their budgets. */
json_t *lsp_on_hardware(lsp_server_t *s, json_t *params, lsp_error_t *err);
/* modelfile-lint/models: the built-in model data, each with its source. */
json_t *lsp_on_models(lsp_server_t *s, json_t *params, lsp_error_t *err);
/* modelfile-lint/query {textDocument, query, range?}: the captures of a
 * tree-sitter query (grammar/queries/highlights.scm) in document order. */
json_t *lsp_on_query(lsp_server_t *s, json_t *params, lsp_error_t *err);

/* From handlers.c: the model behind the document's FROM (the resolver the
 * hover uses) and the document's budget (settings and config files). */
bool lsp_doc_model(lsp_server_t *s, lsp_doc_t *d, mfl_model_t *m);
const mfl_budget_t *lsp_doc_budget(lsp_server_t *s, lsp_doc_t *d, mfl_budget_t *out);
/* The target Ollama release for the document (settings or config). */
mfl_version_t lsp_doc_version(lsp_server_t *s, lsp_doc_t *d);

#endif

/* SPDX-License-Identifier: MIT */
/* Reference text the editor shows: what each instruction means and how it
 * repeats, and the Go template names Ollama's TEMPLATE understands. The
 * PARAMETER table is the core's (mfl_params.h). */
#ifndef LSP_DOCS_H
#define LSP_DOCS_H

#include "mfl.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    const char *keyword; /* "FROM" */
    const char *summary; /* one line */
    const char *meaning; /* what it does (plain text, code in backticks) */
    const char *repeats; /* what happens when it appears more than once */
} lsp_keyword_doc_t;

/* NULL for MFL_INSTR_UNKNOWN. */
const lsp_keyword_doc_t *lsp_docs_keyword(mfl_instr_kind_t kind);
/* The hover / completion text of a keyword: Markdown (bold labels) or plain
 * text. A new string (mfl_free), NULL when out of memory. */
char *lsp_docs_keyword_text(const lsp_keyword_doc_t *k, bool markdown);

#endif

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
    const char *doc;     /* Markdown: meaning and repeat semantics */
} lsp_keyword_doc_t;

/* NULL for MFL_INSTR_UNKNOWN. */
const lsp_keyword_doc_t *lsp_docs_keyword(mfl_instr_kind_t kind);

#endif

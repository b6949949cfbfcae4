/* SPDX-License-Identifier: MIT */
/* Reference text the editor shows: what each instruction means and how it
 * repeats, the PARAMETER table (type, default, range, load or sampling) and
 * the Go template names Ollama's TEMPLATE understands. Facts only; the
 * rules live in the core. */
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

typedef enum { LSP_PARAM_INT, LSP_PARAM_FLOAT, LSP_PARAM_BOOL, LSP_PARAM_STRING } lsp_param_type_t;

typedef struct {
    const char *name;
    lsp_param_type_t type;
    const char *default_value;
    const char *range;  /* valid values, in words */
    bool load;          /* load-time (reload on change) vs per-request sampling */
    const char *meaning;
} lsp_param_doc_t;

typedef struct {
    const char *label;  /* ".Prompt", "if" */
    const char *detail;
    bool function;
} lsp_template_item_t;

/* NULL for MFL_INSTR_UNKNOWN. */
const lsp_keyword_doc_t *lsp_docs_keyword(mfl_instr_kind_t kind);
size_t lsp_docs_param_count(void);
const lsp_param_doc_t *lsp_docs_param_at(size_t i);
/* By exact (case-sensitive) name, or NULL. */
const lsp_param_doc_t *lsp_docs_param_find(const char *name, size_t len);
const char *lsp_docs_param_type_name(lsp_param_type_t t);
size_t lsp_docs_template_count(void);
const lsp_template_item_t *lsp_docs_template_at(size_t i);

#endif

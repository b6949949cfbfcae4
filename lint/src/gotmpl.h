/* SPDX-License-Identifier: MIT */
/* A checker for Go text/template source, as Ollama compiles TEMPLATE:
 * lexing (delimiters, trim markers, comments, strings), block structure
 * (if/range/with/define/block ... end, else, break/continue) and function
 * names (Go's builtins plus Ollama's). Reports the first error as Go's parser
 * would, and the field references (.System ...) with their scope. Internal. */
#ifndef MFL_GOTMPL_H
#define MFL_GOTMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t start, end; /* the first field name, without the dot */
    uint32_t depth;      /* enclosing range/with/define/block actions */
    bool via_root;       /* written as $.Name: always the top-level data */
} mfl_gotmpl_field_t;

typedef struct {
    bool has_error;
    uint32_t err_start, err_end; /* offsets into the template text */
    uint32_t err_line;           /* 1-based, as Go reports it */
    char err[200];               /* Go's message, e.g. `function "x" not defined` */
    mfl_gotmpl_field_t *fields;  /* in text order */
    size_t n_fields;
} mfl_gotmpl_t;

/* Checks s[0..n). Returns 0 (the result in *out, free with
 * mfl__gotmpl_free) or MFL_ENOMEM. Stops at the first error; fields seen up to
 * it are kept. */
int mfl__gotmpl_parse(const char *s, size_t n, mfl_gotmpl_t *out);
void mfl__gotmpl_free(mfl_gotmpl_t *t);
/* True for a function Ollama's templates can call. */
bool mfl__gotmpl_is_func(const char *name, size_t n);

#include "mfl.h"
/* The parsed TEMPLATE of instruction in, parsed once per lint run and owned
 * by it (mfl_ctx_t comes from rule.h). NULL when out of memory. */
struct mfl_ctx;
const mfl_gotmpl_t *mfl__ctx_template(struct mfl_ctx *ctx, const mfl_instr_t *in);
/* The document range of template offsets [a, b) in a TEMPLATE instruction's
 * value (exact when the value is the content verbatim, else the content). */
mfl_range_t mfl__gotmpl_doc_range(const mfl_doc_t *doc, const mfl_instr_t *in, uint32_t a,
                                  uint32_t b);

#endif

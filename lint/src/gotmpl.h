/* SPDX-License-Identifier: MIT */
/* A checker for TEMPLATE as Ollama's template.Parse compiles it: Go's
 * text/template lexer and parser (text/template/parse, as Go 1.23 and later
 * build it), with Ollama's function map and its own check that every
 * {{ template }} has a pipeline. It gives the first error exactly as Go
 * prints it, the field references (.System ...) with their scope, and the
 * names Ollama's Vars() sees. Internal. */
#ifndef MFL_GOTMPL_H
#define MFL_GOTMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mfl.h"

typedef struct {
    uint32_t start, end; /* the first field name, without the dot */
    uint32_t depth;      /* enclosing range/with bodies and define/block templates */
    bool via_root;       /* written as $.Name: always the top-level data */
} mfl_gotmpl_field_t;

typedef enum {
    MFL_GOTMPL_OK = 0,
    MFL_GOTMPL_GO_ERROR,          /* text/template's parse error */
    MFL_GOTMPL_UNDEFINED_TEMPLATE /* Ollama's: a {{ template }} without a pipeline */
} mfl_gotmpl_error_t;

/* Names Ollama's Template.Vars() returns (every field and variable name,
 * lower-cased), as far as the rules need them. */
#define MFL_GOTMPL_VAR_PROMPT 1u
#define MFL_GOTMPL_VAR_MESSAGES 2u
#define MFL_GOTMPL_VAR_RESPONSE 4u

typedef struct {
    bool has_error;
    mfl_gotmpl_error_t kind;
    uint32_t err_start, err_end; /* offsets into the template text */
    uint32_t err_line;           /* 1-based, as Go reports it (0 for Ollama's own error) */
    char err[256];               /* Go's message after "template: :LINE: " */
    char full[300];              /* the whole error text template.Parse returns */
    /* True when the template is too deeply nested to check here (over 1000
     * levels): nothing is known, no error is reported. */
    bool incomplete;
    mfl_gotmpl_field_t *fields; /* in text order */
    size_t n_fields;
    unsigned vars; /* MFL_GOTMPL_VAR_* */
} mfl_gotmpl_t;

/* What the Ollama release compiles a TEMPLATE with. */
typedef struct {
    bool json, current_date, to_ts_type, yesterday_date; /* Ollama's functions */
    bool else_with;                                      /* {{ else with }} (Go 1.23 and later) */
    bool check_pipes; /* the {{ template }} walk (Ollama 0.2.6 and later) */
} mfl_gotmpl_opts_t;

/* The options of target release v. */
void mfl__gotmpl_opts_for(mfl_version_t v, mfl_gotmpl_opts_t *o);

/* Checks s[0..n) as release `opts` (NULL: the newest) compiles it. Returns 0
 * (the result in *out, free with mfl__gotmpl_free) or MFL_ENOMEM. Stops at
 * the first error; fields seen up to it are kept. */
int mfl__gotmpl_parse_opts(const char *s, size_t n, const mfl_gotmpl_opts_t *opts,
                           mfl_gotmpl_t *out);
int mfl__gotmpl_parse(const char *s, size_t n, mfl_gotmpl_t *out);
void mfl__gotmpl_free(mfl_gotmpl_t *t);
/* True for a function Ollama's templates can call at the newest release. */
bool mfl__gotmpl_is_func(const char *name, size_t n);

/* The parsed TEMPLATE of instruction in, for the run's target release,
 * parsed once per lint run and owned by it (mfl_ctx_t comes from rule.h).
 * NULL when out of memory. */
struct mfl_ctx;
const mfl_gotmpl_t *mfl__ctx_template(struct mfl_ctx *ctx, const mfl_instr_t *in);
/* The document range of template offsets [a, b) in a TEMPLATE instruction's
 * value (exact when the value is the content verbatim, else the content). */
mfl_range_t mfl__gotmpl_doc_range(const mfl_doc_t *doc, const mfl_instr_t *in, uint32_t a,
                                  uint32_t b);

#endif

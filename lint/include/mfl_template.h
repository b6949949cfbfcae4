/* SPDX-License-Identifier: MIT */
/* The names a TEMPLATE may use: the data Ollama passes, Go's template
 * keywords and builtin functions, and Ollama's extra functions. One table,
 * read by the template checker (MF206/MF208) and the language server's
 * completion. */
#ifndef MFL_TEMPLATE_H
#define MFL_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "mfl_versions.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    MFL_TMPL_VARIABLE,      /* a top-level field: .System */
    MFL_TMPL_MESSAGE_FIELD, /* a field of an element of .Messages: .Role */
    MFL_TMPL_KEYWORD,       /* if, range, end, ... */
    MFL_TMPL_FUNCTION       /* and, printf, json, ... */
} mfl_tmpl_kind_t;

typedef struct {
    const char *name; /* without the dot: "System", "if", "json" */
    mfl_tmpl_kind_t kind;
    const char *detail; /* one line */
    bool ollama;        /* Ollama's own (not Go's) */
    mfl_fact_t since;   /* the release that added it (MFL_FACT_NONE: always there) */
} mfl_tmpl_name_t;

size_t mfl_tmpl_name_count(void);
/* Borrowed, static; NULL past the end. */
const mfl_tmpl_name_t *mfl_tmpl_name_at(size_t i);
/* True if the entry exists at target release v. */
bool mfl_tmpl_name_at_version(const mfl_tmpl_name_t *e, mfl_version_t v);
/* The entry of that kind named name[0..n), or NULL. */
const mfl_tmpl_name_t *mfl_tmpl_name_find(const char *name, size_t n, mfl_tmpl_kind_t kind);

#ifdef __cplusplus
}
#endif
#endif

/* SPDX-License-Identifier: MIT */
/* Model references as `ollama create` reads a FROM name: modelref.ParseRef
 * (internal/modelref: a :cloud, :local or -cloud suffix, any case, is cut
 * off and says where the model runs) and then model.ParseName
 * (types/model/name.go) on what is left. One parser (lint/src/names.c) for
 * every rule and for the I/O layer's store lookup; mfl_name_parse
 * (mfl_knowledge.h) is its ParseName half. */
#ifndef MFL_NAMES_H
#define MFL_NAMES_H

#include "mfl_knowledge.h"

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    MFL_REF_SOURCE_UNSPECIFIED = 0,
    MFL_REF_SOURCE_LOCAL, /* `:local` */
    MFL_REF_SOURCE_CLOUD  /* `:cloud`, or a tag ending in `-cloud` */
} mfl_ref_source_t;

typedef enum {
    MFL_REF_OK = 0,
    MFL_REF_EMPTY,       /* nothing but blanks: "model is required" */
    MFL_REF_CONFLICT,    /* both suffixes: "use either :local or :cloud, not both" */
    MFL_REF_INVALID_NAME /* the base is not a valid name */
} mfl_ref_status_t;

typedef struct {
    mfl_ref_status_t status;
    mfl_ref_source_t source;
    char base[512];  /* the name without its suffix (truncated if longer) */
    mfl_name_t name; /* ParseName(base), defaults filled in */
    const char *why; /* static: why the name is invalid, NULL when valid */
} mfl_ref_t;

/* Parses a FROM model reference. With `suffixes` (Ollama 0.18.0 and later,
 * MFL_FACT_CLOUD_REFS) the :cloud/:local/-cloud suffix is cut off first, as
 * modelref.ParseRef does (surrounding blanks trimmed); without, the value is
 * one name, as older releases read it. Returns out->status. `ollama create`
 * answers "invalid model name" for every status but MFL_REF_OK. */
mfl_ref_status_t mfl_ref_parse(const char *s, size_t len, bool suffixes, mfl_ref_t *out);

/* True if a tag (or a name's suffix after its last ':') is `cloud` or ends
 * in `-cloud`, any case: the spellings of a cloud model. */
bool mfl_is_cloud_tag(const char *s, size_t n);

/* True if the reference names a remote (cloud) model: `ollama create` then
 * ignores ADAPTER and refuses DRAFT. */
bool mfl_ref_is_cloud(const mfl_ref_t *r);

#ifdef __cplusplus
}
#endif
#endif

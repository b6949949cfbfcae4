/* SPDX-License-Identifier: MIT */
/* The PARAMETER table (spec §3) and Ollama's value converters (spec §2.7).
 * One place for the lint rules, hover and completion. */
#ifndef MFL_PARAMS_H
#define MFL_PARAMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    MFL_PARAM_INT,    /* Go int (or *int): strconv.ParseInt(s, 10, 64) */
    MFL_PARAM_FLOAT,  /* Go float32: strconv.ParseFloat(s, 32) */
    MFL_PARAM_BOOL,   /* Go *bool: strconv.ParseBool */
    MFL_PARAM_STRINGS /* Go []string: any value, repeatable (stop) */
} mfl_param_type_t;

typedef enum {
    MFL_PARAM_ACTIVE = 0,
    MFL_PARAM_DEPRECATED, /* accepted with "warning: parameter X is deprecated", dropped */
    MFL_PARAM_REMOVED     /* rejected: "unknown parameter 'X'" */
} mfl_param_status_t;

typedef enum { MFL_PARAM_LOAD, MFL_PARAM_SAMPLE } mfl_param_kind_t;

typedef struct {
    const char *name;         /* JSON name, case-sensitive */
    mfl_param_type_t type;
    const char *go_type;      /* "int", "*int", "float32", "*bool", "[]string" */
    const char *default_text; /* human-readable default */
    mfl_param_kind_t kind;
    mfl_param_status_t status;
    const char *removed_in;   /* deprecated/removed: the Ollama version, else NULL */
    /* Values that make sense (MF105); has_min/has_max false: unbounded. */
    bool has_min, has_max, min_exclusive;
    double min, max;
    const char *summary;      /* one line, for hover */
} mfl_param_t;

/* All known names (active, deprecated and removed), in table order. */
size_t mfl_param_count(void);
const mfl_param_t *mfl_param_at(size_t i);
/* Exact (case-sensitive) lookup; NULL if unknown. */
const mfl_param_t *mfl_param_find(const char *name, size_t len);
/* A common name from other tools (batch_size, n_ctx, max_tokens...) -> the
 * Ollama name; NULL if not a known alias. */
const char *mfl_param_alias(const char *name, size_t len);
/* A note for names that are settings but not PARAMETERs (keep_alive...). */
const char *mfl_param_not_a_parameter(const char *name, size_t len);
/* The closest active name by edit distance (<= 2, or case-insensitive equal),
 * NULL if none. */
const char *mfl_param_suggest(const char *name, size_t len);

/* Converters, exactly as Ollama (Go strconv). Return true on success. */
bool mfl_param_parse_int(const char *s, size_t n, int64_t *out);
/* 32-bit: out-of-float32-range values fail. *out is the float32 value. */
bool mfl_param_parse_float(const char *s, size_t n, double *out);
bool mfl_param_parse_bool(const char *s, size_t n, bool *out);
/* "int", "float", "bool" or "string": the word Ollama uses in
 * `invalid <word> value [v]`. */
const char *mfl_param_type_word(mfl_param_type_t t);

/* ---- model references (FROM) ----------------------------------------- */

typedef enum {
    MFL_NAME_OK = 0,
    MFL_NAME_INVALID,        /* "invalid model name" */
    MFL_NAME_LOCAL_AND_CLOUD /* "use either :local or :cloud, not both" */
} mfl_name_check_t;

/* Checks a FROM model reference against Ollama's name grammar (spec §2.9:
 * [scheme://]host/namespace/model:tag, part characters and lengths, no `@`).
 * When invalid, *why (if not NULL) gets a short static reason. */
mfl_name_check_t mfl_model_name_check(const char *s, size_t n, const char **why);

#ifdef __cplusplus
}
#endif
#endif

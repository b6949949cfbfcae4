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
    MFL_PARAM_REMOVED,    /* rejected: "unknown parameter 'X'" */
    MFL_PARAM_REFUSED     /* rejected by create with a message of its own (typical_p) */
} mfl_param_status_t;

typedef enum { MFL_PARAM_LOAD, MFL_PARAM_SAMPLE } mfl_param_kind_t;

typedef struct {
    const char *name; /* JSON name, case-sensitive */
    mfl_param_type_t type;
    const char *go_type;      /* "int", "*int", "float32", "*bool", "[]string" */
    const char *default_text; /* human-readable default */
    mfl_param_kind_t kind;
    /* Values that make sense (MF105); has_min/has_max false: unbounded. */
    bool has_min, has_max, min_exclusive;
    double min, max;
    const char *summary; /* one line, for hover */
} mfl_param_t;

/* When a parameter was added, deprecated, removed or refused is not in this
 * table: it is release-dependent, in the version table (mfl_versions.h,
 * mfl_param_life). mfl_param_status gives the state at the newest known
 * release, for hover and completion. */
mfl_param_status_t mfl_param_status(const mfl_param_t *p);
/* The release of that state's change ("0.7.0"), written to buf; "" when the
 * parameter is active. Returns buf. */
const char *mfl_param_changed_in(const mfl_param_t *p, char *buf, size_t n);

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

#ifdef __cplusplus
}
#endif
#endif

/* SPDX-License-Identifier: MIT */
/* Facts shared by the MF3xx context rules: the model behind FROM, the
 * effective num_ctx and where it comes from, the context a fix should
 * write. Internal to the core. */
#ifndef MFL_CTX_RULES_H
#define MFL_CTX_RULES_H

#include "mfl_knowledge.h"
#include "rule.h"

typedef struct {
    const mfl_instr_t *from;    /* the FROM Ollama builds from, or NULL */
    const mfl_model_t *model;   /* NULL: unknown (or no env), or nothing
                                    assumed (MFL_CONF_UNKNOWN) */
    bool exact;                 /* model's figures are exact, not assumed */
    const mfl_budget_t *budget; /* never NULL */
    uint64_t native;            /* 0: unknown */
    const mfl_instr_t *param;   /* the last PARAMETER num_ctx, or NULL */
    bool param_valid;           /* param holds a positive integer */
    uint64_t param_value;
    bool has_ctx; /* ctx/ctx_source are known */
    uint64_t ctx; /* effective num_ctx, before clamping */
    mfl_ctx_source_t ctx_source;
    bool explicit_ctx;    /* from PARAMETER or the inherited params */
    char model_name[256]; /* FROM as written, for messages */
} mfl_ctx_facts_t;

/* Gathers the facts for the current lint run (once, in the run's memo;
 * later calls copy). */
void mfl__ctx_facts(mfl_ctx_t *ctx, mfl_ctx_facts_t *f);

/* The context a fix should set: the native context, capped by the largest
 * that fits the memory budget (when one is configured) and by the tokens
 * the prefill rate gets through within the client timeout (when both are
 * configured). 0: no sensible target. */
uint64_t mfl__ctx_target(const mfl_ctx_facts_t *f);

/* The most tokens prefilled within the client timeout, a multiple of 1024
 * (at least 1024); 0 when no time budget is configured. */
uint64_t mfl__ctx_prefill_cap(const mfl_budget_t *b);

/* True when raising num_ctx to target is known to fit: a memory budget is
 * set, the model's figures are exact and its memory can be estimated. */
bool mfl__ctx_raise_is_safe(const mfl_ctx_facts_t *f);

/* What makes a context fix safe, for messages. Static. */
const char *mfl__ctx_how_to_budget(void);

/* Lowers d's severity to sev unless the user configured the rule's
 * severity (that one is kept). */
void mfl__diag_soften(mfl_ctx_t *ctx, mfl_diag_t *d, mfl_severity_t sev);

/* The assumption behind an assumed model (for messages), or NULL. */
const char *mfl__ctx_assumed(const mfl_ctx_facts_t *f);

/* The range to report context problems at: the num_ctx value when present,
 * else the FROM value, else the start of the file. */
mfl_range_t mfl__ctx_range(const mfl_ctx_facts_t *f);

/* Adds an edit inserting "PARAMETER num_ctx <value>" on a new line after
 * the effective FROM. */
int mfl__ctx_insert_param(mfl_ctx_t *ctx, mfl_fix_t *fix, const mfl_ctx_facts_t *f, uint64_t value);

/* Adds an edit rewriting the value of the PARAMETER num_ctx to value. */
int mfl__ctx_set_param(mfl_ctx_t *ctx, mfl_fix_t *fix, const mfl_ctx_facts_t *f, uint64_t value);

/* "262,144". Returns buf. Defined in units.c, with the size parser. */
char *mfl__ctx_tokens(uint64_t n, char *buf, size_t bufsize);

#endif

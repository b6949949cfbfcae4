/* SPDX-License-Identifier: MIT */
/* The internal rule-author API. A rule is one file in lint/rules/ that
 * defines `const mfl_rule_t mfl_rule_<slug>` and is listed in rules.def.
 * Rules read the lowered document (never tree-sitter), report through
 * mfl_report(), and never print, exit or do I/O (use ctx->opts->env). */
#ifndef MFL_RULE_H
#define MFL_RULE_H

#include "mfl.h"
#include "mfl_knowledge.h"
#include "mfl_params.h"

#include <stdarg.h>

struct mfl_ctx {
    const mfl_doc_t *doc;
    const mfl_lint_opts_t *opts;
    const mfl_rule_t *rule; /* the rule being run */
    /* Internal state of the lint run (lint_state.h). */
    struct mfl_lint_state *st;
};

#if defined(__GNUC__)
#define MFL_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define MFL_PRINTF(a, b)
#endif

/* Reports a diagnostic for ctx->rule. Returns a borrowed pointer, valid until
 * the rule returns, to attach a fix or related information; NULL when out of
 * memory or when the rule is suppressed at that range (both are fine to
 * ignore: every helper below accepts NULL). */
mfl_diag_t *mfl_report(mfl_ctx_t *ctx, mfl_range_t range, const char *fmt, ...) MFL_PRINTF(3, 4);

/* Starts a fix on d. Returns a borrowed fix (NULL if d is NULL or no memory). */
mfl_fix_t *mfl_diag_fix(mfl_ctx_t *ctx, mfl_diag_t *d, mfl_applicability_t app,
                        const char *title_fmt, ...) MFL_PRINTF(4, 5);
/* Adds an edit; keeps edits sorted. Returns 0 or MFL_ENOMEM. */
int mfl_fix_edit(mfl_ctx_t *ctx, mfl_fix_t *fix, mfl_range_t range, const char *text, size_t len);
/* Adds related information to d. */
void mfl_diag_related(mfl_ctx_t *ctx, mfl_diag_t *d, mfl_range_t range, const char *fmt, ...)
    MFL_PRINTF(4, 5);

/* A new string from a printf format; mfl_free(). NULL when out of memory. */
char *mfl__vasprintf(const char *fmt, va_list ap) MFL_PRINTF(1, 0);
char *mfl__asprintf(const char *fmt, ...) MFL_PRINTF(1, 2);

/* Helpers over the document. */
#define MFL_FOREACH_INSTR(ctx, in)                                              \
    for (size_t in##_i = 0; in##_i < mfl_doc_instr_count((ctx)->doc); in##_i++) \
        for (const mfl_instr_t *in = mfl_doc_instr((ctx)->doc, in##_i); in; in = NULL)

/* True if the instruction is a PARAMETER named exactly `name`. */
bool mfl_instr_is_param(const mfl_instr_t *in, const char *name);
/* The last PARAMETER `name` (the effective one), or NULL. */
const mfl_instr_t *mfl_doc_last_param(const mfl_doc_t *doc, const char *name);
/* The last instruction of a kind, or NULL. */
const mfl_instr_t *mfl_doc_last(const mfl_doc_t *doc, mfl_instr_kind_t kind);
/* The first instruction of a kind, or NULL. */
const mfl_instr_t *mfl_doc_first(const mfl_doc_t *doc, mfl_instr_kind_t kind);
/* The range covering the whole physical lines of an instruction, including
 * the final line break (for "delete this line" fixes). */
mfl_range_t mfl_doc_instr_lines(const mfl_doc_t *doc, const mfl_instr_t *in);

/* A per-run memo for results several rules share (a rule family: the
 * context facts of MF3xx, the parsed TEMPLATEs of MF2xx...). The family
 * declares one static key; the first rule of a run that asks gets a zeroed
 * block of key->size bytes, every later one the same block, and at the end
 * of the run key->release (if any) frees what the block owns. One
 * allocation per family and run, none per diagnostic. NULL when out of
 * memory (the run then fails with MFL_ENOMEM; compute without the memo). */
typedef struct mfl_memo_key {
    size_t size;
    void (*release)(void *block);
} mfl_memo_key_t;
void *mfl__ctx_memo(mfl_ctx_t *ctx, const mfl_memo_key_t *key);

/* The model behind the FROM Ollama builds from (mfl_from_resolve: the last
 * model name, else the first FROM path), resolved at most once per lint run
 * through opts->env. NULL when unknown or no env. */
const mfl_model_t *mfl_ctx_model(mfl_ctx_t *ctx);
/* Which FROM that is (an mfl_from_t, see mfl_knowledge.h). Never NULL. */
const struct mfl_from_s *mfl__ctx_from(mfl_ctx_t *ctx);
/* The PARAMETER table's entry for in's name (mfl_param_find), looked up once
 * per instruction and run. NULL: not a known parameter. */
const mfl_param_t *mfl__ctx_param(mfl_ctx_t *ctx, const mfl_instr_t *in);
/* True when the user set rule's severity (mfl_config_set_severity). */
bool mfl__config_severity_is_explicit(const mfl_config_t *c, const mfl_rule_t *r);
/* The target Ollama release of this run (the config's, else the default). */
mfl_version_t mfl_ctx_version(const mfl_ctx_t *ctx);
/* The state of a known PARAMETER at the run's target release (see
 * mfl_param_life in mfl_versions.h); *why gets the deciding fact. */
mfl_param_life_t mfl__ctx_param_life(const mfl_ctx_t *ctx, const mfl_param_t *p, mfl_fact_t *why);
/* The FROM `ollama create` takes as the model name (its r.From): the last
 * FROM whose path does not exist, as the one resolver picks it
 * (mfl__ctx_from()->last_name). NULL when every FROM is a local path, or
 * when there is no env to ask. */
const mfl_instr_t *mfl__ctx_from_name(mfl_ctx_t *ctx);
/* True if that name is a cloud model at the target release (a :cloud suffix
 * or a -cloud tag, Ollama 0.18.0 on): create then makes a remote model. */
bool mfl__ctx_from_is_cloud(mfl_ctx_t *ctx);
/* The cloud-only library family (lint/data/cloud.toml) the FROM name belongs
 * to when it is not itself a cloud name (`FROM glm-5`), else NULL. */
const mfl_cloud_family_t *mfl__ctx_from_cloud_family(mfl_ctx_t *ctx);
/* True if the document is `ollama show --modelfile` output (its first line
 * is `# Modelfile generated by "ollama show"`). */
bool mfl__doc_is_show_output(const mfl_doc_t *doc);
/* Budget settings from the config (never NULL). */
const mfl_budget_t *mfl_ctx_budget(mfl_ctx_t *ctx);

/* True if the document's text with these edits (sorted, non-overlapping)
 * applied has no more syntax errors than the document: a rule offers a fix
 * only then. mfl_fix_all keeps the same count over a whole pass; this is
 * for a single quick fix, which the editor applies without fix-all. Defined
 * in fix.c. */
bool mfl__edits_parse_as_well(const mfl_doc_t *doc, const mfl_edit_t *edits, size_t n);

/* Levenshtein distance, capped at max+1. */
size_t mfl__edit_distance(const char *a, size_t alen, const char *b, size_t blen, size_t max);
/* The instruction keyword closest to kw[0..n) (a typo within two edits, or
 * a keyword glued to punctuation as in FROM:x), or NULL. *unique is false
 * when the keyword is glued or another keyword is as close (no fix then).
 * Defined with MF002. */
const char *mfl__closest_keyword(const char *kw, size_t n, bool *unique);

#endif

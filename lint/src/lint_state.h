/* SPDX-License-Identifier: MIT */
/* The state of one lint run, shared by the files of the driver: lint.c
 * (mfl_lint), report.c, suppressions.c, context.c and env_memo.c. Internal
 * to the core. */
#ifndef MFL_LINT_STATE_H
#define MFL_LINT_STATE_H

#include "internal.h"
#include "mfl_knowledge.h"

/* One code named by a suppression comment. */
typedef struct {
    mfl_range_t range;      /* the code inside the comment */
    const mfl_rule_t *rule; /* NULL: unknown code */
    bool global;
    size_t instr; /* the instruction it applies to (SIZE_MAX: none) */
    bool used;
} supp_t;

struct mfl_lint_state {
    mfl_result_t *res;
    size_t cap;
    bool oom;
    supp_t *supps;
    size_t n_supps;
    /* Results a family of rules shares, one block per key (context.c,
     * mfl__ctx_memo in rule.h): no field here belongs to a rule. */
    struct mfl_memo_slot *memos;
    size_t n_memos, cap_memos;
    /* The run's memo of env answers (see memo_env below). */
    const mfl_env_t *env;
    struct env_memo *memo;
    size_t n_memo, cap_memo;
};

/* The registry (registry.c): every rule's descriptor, how many there are,
 * and the index of r (SIZE_MAX: none). */
#define MFL_RULE(slug) extern const mfl_rule_t mfl_rule_##slug;
#include "rules.def"
#undef MFL_RULE
enum {
    MFL__N_RULES = 0
#define MFL_RULE(slug) +1
#include "rules.def"
#undef MFL_RULE
};
size_t mfl__rule_index(const mfl_rule_t *r);
/* rule_config.c: the severity of the i-th rule of the registry. */
mfl_severity_t mfl__config_severity_at(const mfl_config_t *c, size_t i);
/* suppressions.c: parses the document's suppression comments into st (0 or
 * MFL_ENOMEM); true when a diagnostic of ctx->rule at r is suppressed. */
int mfl__supp_parse(const mfl_doc_t *doc, struct mfl_lint_state *st);
bool mfl__supp_match(mfl_ctx_t *ctx, mfl_range_t r);
/* report.c: sorts a result's diagnostics (position, code, end, message). */
void mfl__result_sort(mfl_result_t *res);
/* context.c: releases and frees the run's memo blocks. */
void mfl__ctx_memo_free(struct mfl_lint_state *st);
/* env_memo.c: the env the rules see (env's answers, remembered for the
 * run), and freeing what it remembered. */
mfl_env_t mfl__env_memo(struct mfl_lint_state *st, const mfl_env_t *env);
void mfl__env_memo_free(struct mfl_lint_state *st);

#endif

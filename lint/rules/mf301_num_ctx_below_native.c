/* SPDX-License-Identifier: MIT */
/* MF301 num-ctx-below-native: PARAMETER num_ctx caps the model below the
 * context it was trained for. */
#include "knowledge/ctx_rules.h"

#include <stdio.h>

static void check(mfl_ctx_t *ctx) {
    mfl_ctx_facts_t f;
    mfl__ctx_facts(ctx, &f);
    if (!f.param_valid || f.native == 0 || f.model->is_embedding || f.param_value >= f.native)
        return;
    uint64_t target = mfl__ctx_target(&f);
    /* With a budget, a value at or above the largest fit is the right call. */
    if (f.budget->memory_budget && (target == 0 || f.param_value >= target))
        return;
    char nat[32], tgt[32];
    mfl__ctx_tokens(f.native, nat, sizeof nat);
    mfl__ctx_tokens(target, tgt, sizeof tgt);
    mfl_diag_t *d;
    if (target < f.native)
        d = mfl_report(ctx, f.param->value,
                       "num_ctx %llu is below the native context of `%s` (%s tokens); the "
                       "largest context that fits the %.1f GB memory budget is %s",
                       (unsigned long long)f.param_value, f.model_name, nat,
                       (double)f.budget->memory_budget / 1e9, tgt);
    else
        d = mfl_report(ctx, f.param->value,
                       "num_ctx %llu is below the native context of `%s` (%s tokens, from the %s); "
                       "the model only sees %.0f%% of what it can read",
                       (unsigned long long)f.param_value, f.model_name, nat,
                       mfl_source_name(f.model->source),
                       100.0 * (double)f.param_value / (double)f.native);
    mfl__ctx_set_param(ctx, mfl_diag_fix(ctx, d, MFL_FIX_SAFE, "Raise num_ctx to %llu",
                                         (unsigned long long)target),
                       &f, target);
}

const mfl_rule_t mfl_rule_num_ctx_below_native = {
    .code = "MF301",
    .name = "num-ctx-below-native",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_SOMETIMES,
    .category = "context",
    .summary = "PARAMETER num_ctx is below the model's native context",
    .doc = "## What it does\n"
           "Compares `PARAMETER num_ctx` with the native context of the FROM model (the GGUF's "
           "`<arch>.context_length`, read from the local file or Ollama store, else the built-in "
           "table). The fix raises it to the native context, or, when a memory budget is "
           "configured, to the largest context that fits it (a multiple of 1024).\n\n"
           "## Why is this bad?\n"
           "Ollama truncates the prompt to `num_ctx` tokens. A model that can read 262,144 "
           "tokens but is created with `num_ctx 131072` silently loses half of a long "
           "conversation or code base. Embedding models are not checked.\n\n"
           "## Example\n```\nFROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n```\n\n"
           "Use instead:\n```\nFROM qwen3-coder:30b\nPARAMETER num_ctx 262144\n```\n",
    .check = check,
};

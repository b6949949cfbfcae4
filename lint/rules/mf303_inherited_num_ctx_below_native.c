/* SPDX-License-Identifier: MIT */
/* MF303 inherited-num-ctx-below-native: the FROM model's own parameters cap
 * num_ctx below native, and this Modelfile does not override it. */
#include "knowledge/ctx_rules.h"

#include <stdio.h>

static void check(mfl_ctx_t *ctx) {
    mfl_ctx_facts_t f;
    mfl__ctx_facts(ctx, &f);
    if (f.param || f.native == 0 || f.model->is_embedding || f.from == NULL ||
        f.ctx_source != MFL_CTX_SRC_INHERITED || f.ctx >= f.native)
        return;
    uint64_t target = mfl__ctx_target(&f);
    if (target == 0 || f.ctx >= target) return;
    char nat[32];
    mfl__ctx_tokens(f.native, nat, sizeof nat);
    bool safe = mfl__ctx_raise_is_safe(&f);
    mfl_diag_t *d = mfl_report(ctx, f.from->value,
                               "`%s` carries num_ctx %llu in its parameters, below its native "
                               "%s tokens; the new model inherits the cap unless it sets "
                               "PARAMETER num_ctx%s%s",
                               f.model->inherited_from[0] ? f.model->inherited_from : f.model_name,
                               (unsigned long long)f.ctx, nat,
                               safe ? "" : "; adding it is safe only when it is known to fit: ",
                               safe ? "" : mfl__ctx_how_to_budget());
    mfl_fix_t *fix;
    if (safe)
        fix = mfl_diag_fix(ctx, d, MFL_FIX_SAFE, "Add PARAMETER num_ctx %llu",
                           (unsigned long long)target);
    else
        fix = mfl_diag_fix(ctx, d, MFL_FIX_UNSAFE,
                           "Add PARAMETER num_ctx %llu (unsafe: not known to fit)",
                           (unsigned long long)target);
    mfl__ctx_insert_param(ctx, fix, &f, target);
}

const mfl_rule_t mfl_rule_inherited_num_ctx_below_native = {
    .code = "MF303",
    .name = "inherited-num-ctx-below-native",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_SOMETIMES,
    .category = "context",
    .summary = "The FROM model's parameters cap num_ctx below native",
    .doc = "## What it does\n"
           "Reads the params layer of the FROM model in the local Ollama store. When it sets "
           "`num_ctx` below the model's native context and this Modelfile does not set its own, "
           "the new model silently inherits the cap. The fix adds `PARAMETER num_ctx` with the "
           "native context (or the largest that fits the memory budget) after the FROM; it is "
           "safe only when a memory budget shows that it fits.\n\n"
           "## Why is this bad?\n"
           "`ollama create` merges the parent's parameters into the new model. A model built "
           "`FROM v-128k` keeps `num_ctx 131072` even if the base model reads 262,144 tokens.\n\n"
           "## Example\n```\nFROM v-128k\nSYSTEM You review code.\n```\n\n"
           "Use instead:\n```\nFROM v-128k\nPARAMETER num_ctx 262144\nSYSTEM You review code.\n"
           "```\n",
    .check = check,
};

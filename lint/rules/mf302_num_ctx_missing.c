/* SPDX-License-Identifier: MIT */
/* MF302 num-ctx-missing: no num_ctx anywhere, so the server default decides. */
#include "knowledge/ctx_rules.h"

#include <stdio.h>

static void check(mfl_ctx_t *ctx) {
    mfl_ctx_facts_t f;
    mfl__ctx_facts(ctx, &f);
    if (f.param || f.native == 0 || f.model->is_embedding || f.from == NULL)
        return;
    if (f.model->has_inherited_num_ctx)
        return; /* MF303 */
    if (f.budget->server_default_ctx >= f.native)
        return;
    uint64_t target = mfl__ctx_target(&f);
    if (target == 0)
        return;
    char nat[32];
    mfl__ctx_tokens(f.native, nat, sizeof nat);
    mfl_diag_t *d;
    if (f.ctx_source == MFL_CTX_SRC_SERVER_ENV)
        d = mfl_report(ctx, mfl__ctx_range(&f),
                       "no PARAMETER num_ctx: the server's OLLAMA_CONTEXT_LENGTH (%llu) applies "
                       "instead of the native %s tokens of `%s`",
                       (unsigned long long)f.ctx, nat, f.model_name);
    else
        d = mfl_report(ctx, mfl__ctx_range(&f),
                       "no PARAMETER num_ctx: Ollama's default (4096, 32768 or 262144 tokens by "
                       "GPU memory, or OLLAMA_CONTEXT_LENGTH) applies instead of the native %s "
                       "tokens of `%s`",
                       nat, f.model_name);
    /* Without a budget the added context may not fit: the fix is opt-in then. */
    mfl_fix_t *fix = mfl_diag_fix(ctx, d, f.budget->memory_budget ? MFL_FIX_SAFE : MFL_FIX_UNSAFE,
                                  "Add PARAMETER num_ctx %llu", (unsigned long long)target);
    mfl__ctx_insert_param(ctx, fix, &f, target);
}

const mfl_rule_t mfl_rule_num_ctx_missing = {
    .code = "MF302",
    .name = "num-ctx-missing",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_SOMETIMES,
    .category = "context",
    .summary = "No num_ctx: the server's default context applies",
    .doc = "## What it does\n"
           "Reports a Modelfile whose model has a known native context but which sets no "
           "`PARAMETER num_ctx` (and whose FROM model does not carry one either). The fix adds "
           "`PARAMETER num_ctx <native>` after the last FROM, or the largest context that fits "
           "the configured memory budget; without a budget the fix is unsafe.\n\n"
           "## Why is this bad?\n"
           "Ollama then uses its own default: 2048 or 4096 tokens in older versions, and since "
           "v0.15.5 4096, 32768 or 262144 depending on GPU memory, unless the server sets "
           "`OLLAMA_CONTEXT_LENGTH`. The same Modelfile behaves differently on every machine.\n\n"
           "## Example\n```\nFROM qwen3-coder:30b\n```\n\n"
           "Use instead:\n```\nFROM qwen3-coder:30b\nPARAMETER num_ctx 262144\n```\n",
    .check = check,
};

/* SPDX-License-Identifier: MIT */
/* MF301 num-ctx-below-native: PARAMETER num_ctx caps the model below the
 * context it was trained for (and below what fits the memory and time
 * budgets, when they are known). */
#include "knowledge/ctx_rules.h"

#include <stdio.h>

static void check(mfl_ctx_t *ctx) {
    mfl_ctx_facts_t f;
    mfl__ctx_facts(ctx, &f);
    if (!f.param_valid || f.native == 0 || f.model->is_embedding || f.param_value >= f.native)
        return;
    uint64_t target = mfl__ctx_target(&f);
    const mfl_budget_t *b = f.budget;
    uint64_t cap = mfl__ctx_prefill_cap(b);
    /* With a budget, a value at or above the largest fit (or the most the
     * client timeout lets be prefilled) is the right call. */
    if (target == 0 || (b->memory_budget && f.param_value >= target)) return;
    if (cap && f.param_value >= cap) return;
    if (target <= f.param_value) return;
    char nat[32], tgt[32], why[256] = "";
    mfl__ctx_tokens(f.native, nat, sizeof nat);
    mfl__ctx_tokens(target, tgt, sizeof tgt);
    const char *assumed = mfl__ctx_assumed(&f);
    char vision[96] = "";
    if (f.model->is_vision && f.param_value < 2048)
        snprintf(vision, sizeof vision,
                 " (Ollama already raises it to 2,048 for this vision "
                 "model)");
    bool safe = mfl__ctx_raise_is_safe(&f);
    char how[320] = "";
    if (!safe && f.exact && !b->memory_budget)
        snprintf(how, sizeof how, "; raising it is safe only when it is known to fit: %s",
                 mfl__ctx_how_to_budget());
    mfl_diag_t *d;
    if (target < f.native) {
        char mem[64] = "";
        if (b->memory_budget && mfl_mem_max_ctx(f.model, b) == target)
            snprintf(why, sizeof why, "fits the %s memory budget",
                     mfl_fmt_bytes(b->memory_budget, mem, sizeof mem));
        else
            snprintf(why, sizeof why,
                     "can be prefilled within the %.0f s client timeout at %.0f tokens/s",
                     b->client_timeout, b->prefill_rate);
        d = mfl_report(ctx, f.param->value,
                       "num_ctx %llu%s is below the native context of `%s` (%s tokens); the "
                       "largest context that %s is %s%s%s%s",
                       (unsigned long long)f.param_value, vision, f.model_name, nat, why, tgt,
                       assumed ? "; " : "", assumed ? assumed : "", how);
    } else {
        d = mfl_report(
            ctx, f.param->value,
            "num_ctx %llu%s is below the native context of `%s` (%s tokens, from the %s); "
            "the model only sees %.0f%% of what it can read%s%s%s",
            (unsigned long long)f.param_value, vision, f.model_name, nat,
            mfl_source_name(f.model->source), 100.0 * (double)f.param_value / (double)f.native,
            assumed ? "; " : "", assumed ? assumed : "", how);
    }
    /* Raising is safe only when the result is known to fit. */
    mfl_fix_t *fix =
        safe ? mfl_diag_fix(ctx, d, MFL_FIX_SAFE, "Raise num_ctx to %llu",
                            (unsigned long long)target)
             : mfl_diag_fix(ctx, d, MFL_FIX_UNSAFE, "Raise num_ctx to %llu (unsafe: %s)",
                            (unsigned long long)target,
                            f.exact ? "not known to fit" : "assumed figures");
    mfl__ctx_set_param(ctx, fix, &f, target);
}

const mfl_rule_t mfl_rule_num_ctx_below_native = {
    .code = "MF301",
    .name = "num-ctx-below-native",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_ALWAYS,
    .category = "context",
    .summary = "PARAMETER num_ctx is below the model's native context",
    .doc = "## What it does\n"
           "Compares `PARAMETER num_ctx` with the native context of the FROM model (the GGUF's "
           "`<arch>.context_length`, read from the local file, the Ollama store or a safetensors "
           "folder's `config.json`, else the built-in data). With a memory budget it aims at the "
           "largest context that fits it (a multiple of 1024) and stays silent at or above it; "
           "with a prefill rate and a client timeout it also aims no higher than the tokens "
           "prefilled within the timeout, so that MF307 and MF301 always leave some `num_ctx` "
           "clean. The fix raises `num_ctx` to that target. It is safe only when the result is "
           "known to fit: a memory budget is given (`--hardware`, `--memory`, or `hardware`/"
           "`memory` in `.modelfile-lint.json`) and the model's figures are exact; otherwise it "
           "is unsafe and says what would make it safe. A figure assumed from a model family "
           "is named as assumed in the message.\n\n"
           "## Why is this bad?\n"
           "Ollama truncates the prompt to `num_ctx` tokens. A model that can read 262,144 "
           "tokens but is created with `num_ctx 131072` silently loses half of a long "
           "conversation or code base. Embedding models are MF308's.\n\n"
           "## Example\n```\nFROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n```\n\n"
           "Use instead (with `--hardware mac-studio-m2-ultra-64`):\n"
           "```\nFROM qwen3-coder:30b\nPARAMETER num_ctx 262144\n```\n",
    .check = check,
};

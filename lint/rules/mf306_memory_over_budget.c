/* SPDX-License-Identifier: MIT */
/* MF306 memory-over-budget: weights + KV cache + overhead at the effective
 * num_ctx exceed the configured memory budget. */
#include "knowledge/ctx_rules.h"

#include <stdio.h>

static void check(mfl_ctx_t *ctx) {
    mfl_ctx_facts_t f;
    mfl__ctx_facts(ctx, &f);
    if (f.budget->memory_budget == 0 || f.model == NULL || !f.has_ctx ||
        f.ctx_source == MFL_CTX_SRC_DEFAULT)
        return; /* Ollama lowers a default context itself when it does not fit. */
    mfl_mem_t e;
    if (mfl_mem_estimate(f.model, f.ctx, f.budget, &e) != 0 || e.total <= f.budget->memory_budget)
        return;
    uint64_t fit = mfl_mem_max_ctx(f.model, f.budget);
    char total[64], w[64], kv[64], oh[64], b[64], tail[128];
    const char *assumed = mfl__ctx_assumed(&f);
    if (fit)
        snprintf(tail, sizeof tail, "; the largest context that fits is %llu",
                 (unsigned long long)fit);
    else
        snprintf(tail, sizeof tail, "; the weights alone do not fit");
    mfl_diag_t *d = mfl_report(
        ctx, mfl__ctx_range(&f),
        "`%s` at num_ctx %llu needs about %s (weights %s + %s KV cache %s + overhead %s) but the "
        "memory budget%s%s is %s%s%s%s",
        f.model_name, (unsigned long long)e.ctx, mfl_fmt_bytes(e.total, total, sizeof total),
        mfl_fmt_bytes(e.weights, w, sizeof w), mfl_kv_type_name(e.kv_type),
        mfl_fmt_bytes(e.kv_bytes, kv, sizeof kv),
        mfl_fmt_bytes(e.compute + e.runtime, oh, sizeof oh), f.budget->hardware[0] ? " of " : "",
        f.budget->hardware, mfl_fmt_bytes(f.budget->memory_budget, b, sizeof b), tail,
        assumed ? "; " : "", assumed ? assumed : "");
    /* A guess never drives an error: assumed figures are named and warn. */
    if (!f.exact) mfl__diag_soften(ctx, d, MFL_SEVERITY_WARNING);
    /* Lowering is never safe (the user may want the context more than the
     * speed), and never offered from assumed figures. */
    if (fit && f.param_valid && f.exact) {
        mfl__ctx_set_param(
            ctx,
            mfl_diag_fix(ctx, d, MFL_FIX_UNSAFE, "Lower num_ctx to %llu", (unsigned long long)fit),
            &f, fit);
    }
}

const mfl_rule_t mfl_rule_memory_over_budget = {
    .code = "MF306",
    .name = "memory-over-budget",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_SOMETIMES,
    .category = "context",
    .summary = "Weights plus KV cache at num_ctx exceed the memory budget",
    .doc =
        "## What it does\n"
        "Only when a memory budget is configured (`--hardware`, `--memory` or the config "
        "file): estimates weights (blob size) + KV cache at the effective `num_ctx` (per "
        "layer, with GQA, sliding windows, MLA and the configured cache type and parallel "
        "slots) + a compute-graph allowance + Ollama's per-GPU reserve (512 MiB on Metal, 457 MiB "
        "elsewhere), and reports "
        "when the total exceeds the budget. The unsafe fix lowers `num_ctx` to the largest "
        "context that fits (a multiple of 1024); it is not offered from figures assumed from "
        "a model family, and then the report is a warning that names the assumption (a guess "
        "never drives an error).\n\n"
        "## Why is this bad?\n"
        "An explicit `num_ctx` is never lowered by Ollama: the model spills to the CPU and "
        "runs many times slower, or fails to load.\n\n"
        "## Example\nWith a 36 GiB budget (`--hardware mac-m4-max-48`):\n"
        "```\nFROM qwen3-coder:30b\nPARAMETER num_ctx 262144\n```\n\n"
        "Use instead (or set `OLLAMA_KV_CACHE_TYPE=q8_0`):\n"
        "```\nFROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n```\n",
    .check = check,
};

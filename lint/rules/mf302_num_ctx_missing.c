/* SPDX-License-Identifier: MIT */
/* MF302 num-ctx-missing: no num_ctx anywhere, so the server's default
 * decides. Information without a memory budget (the machine's default is
 * unknown); a warning only when Ollama's default on the budget's machine
 * gives the model less than it could have. */
#include "knowledge/ctx_rules.h"

#include <stdio.h>

static void check(mfl_ctx_t *ctx) {
    mfl_ctx_facts_t f;
    mfl__ctx_facts(ctx, &f);
    if (f.param || f.native == 0 || f.model->is_embedding || f.from == NULL) return;
    if (f.model->has_inherited_num_ctx) return; /* MF303 */
    const mfl_budget_t *b = f.budget;
    uint64_t target = mfl__ctx_target(&f);
    if (target == 0) return;
    char nat[32], tgt[32], got_s[32], mem[64];
    mfl__ctx_tokens(f.native, nat, sizeof nat);
    mfl__ctx_tokens(target, tgt, sizeof tgt);
    const char *assumed = mfl__ctx_assumed(&f);
    /* Ollama's default at the target release (mfl_ollama_default_ctx): by
     * GPU memory from 0.15.5, one figure before; OLLAMA_CONTEXT_LENGTH from
     * 0.5.13. */
    mfl_version_t v = mfl_ctx_version(ctx);
    bool tiers = mfl_version_has(v, MFL_FACT_CTX_VRAM_TIERS);
    uint64_t server = mfl_version_has(v, MFL_FACT_CTX_ENV_DEFAULT) ? b->server_default_ctx : 0;
    char ver[32];
    mfl_version_format(v, ver, sizeof ver);
    mfl_diag_t *d;
    if (b->memory_budget == 0 && server == 0) {
        /* The default depends on the machine, which is not known: say so. */
        const char *how = "give the machine's memory (--hardware, --memory, or \"hardware\"/"
                          "\"memory\" in .modelfile-lint.json) to check it";
        /* The smallest default Ollama gives (no GPU) already holds the
         * whole native context: nothing to say (llama2's 4,096). */
        uint64_t least = mfl_ollama_default_ctx(v, 0, f.model->arch, NULL);
        if (least >= f.native) return;
        if (tiers) {
            d = mfl_report(ctx, mfl__ctx_range(&f),
                           "no PARAMETER num_ctx: Ollama's default context applies (4,096, 32,768 "
                           "or 262,144 tokens by GPU memory, or OLLAMA_CONTEXT_LENGTH), which may "
                           "be less than the native %s tokens of `%s`; %s%s%s",
                           nat, f.model_name, how, assumed ? "; " : "", assumed ? assumed : "");
        } else {
            uint64_t dflt = least;
            char dflt_s[32];
            mfl__ctx_tokens(dflt, dflt_s, sizeof dflt_s);
            d = mfl_report(
                ctx, mfl__ctx_range(&f),
                "no PARAMETER num_ctx: Ollama %s's default context applies (%s tokens%s), "
                "less than the native %s tokens of `%s`; %s%s%s",
                ver, dflt_s,
                mfl_version_has(v, MFL_FACT_CTX_ENV_DEFAULT) ? ", or OLLAMA_CONTEXT_LENGTH" : "",
                nat, f.model_name, how, assumed ? "; " : "", assumed ? assumed : "");
        }
        mfl__diag_soften(ctx, d, MFL_SEVERITY_INFO);
    } else {
        uint64_t dflt =
            server ? server : mfl_ollama_default_ctx(v, b->memory_budget, f.model->arch, NULL);
        uint64_t got = dflt < f.native ? dflt : f.native;
        if (got >= target) return;
        mfl__ctx_tokens(got, got_s, sizeof got_s);
        if (server)
            d = mfl_report(ctx, mfl__ctx_range(&f),
                           "no PARAMETER num_ctx: the server's OLLAMA_CONTEXT_LENGTH gives `%s` "
                           "%s tokens, less than the %s it could have (native %s)%s%s",
                           f.model_name, got_s, tgt, nat, assumed ? "; " : "",
                           assumed ? assumed : "");
        else if (tiers)
            d = mfl_report(ctx, mfl__ctx_range(&f),
                           "no PARAMETER num_ctx: Ollama's default on this machine is %s tokens "
                           "(its tier for %s of GPU memory), less than the %s tokens of `%s` "
                           "that fit (native %s)%s%s",
                           got_s, mfl_fmt_bytes(b->memory_budget, mem, sizeof mem), tgt,
                           f.model_name, nat, assumed ? "; " : "", assumed ? assumed : "");
        else
            d = mfl_report(ctx, mfl__ctx_range(&f),
                           "no PARAMETER num_ctx: Ollama %s's default is %s tokens, less than the "
                           "%s tokens of `%s` that fit in %s (native %s)%s%s",
                           ver, got_s, tgt, f.model_name,
                           mfl_fmt_bytes(b->memory_budget, mem, sizeof mem), nat,
                           assumed ? "; " : "", assumed ? assumed : "");
    }
    mfl_fix_t *fix;
    if (mfl__ctx_raise_is_safe(&f))
        fix = mfl_diag_fix(ctx, d, MFL_FIX_SAFE, "Add PARAMETER num_ctx %llu",
                           (unsigned long long)target);
    else
        fix = mfl_diag_fix(ctx, d, MFL_FIX_UNSAFE, "Add PARAMETER num_ctx %llu (unsafe: %s)",
                           (unsigned long long)target,
                           f.exact ? "not known to fit" : "assumed figures");
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
           "`PARAMETER num_ctx` (and whose FROM model does not carry one either). Without a "
           "memory budget the machine's default is unknown, so this is information, not a "
           "failure, and nothing is said when even Ollama's smallest default holds the whole "
           "native context (`llama2`'s 4,096). With a budget (`--hardware`, `--memory`, or "
           "`hardware`/`memory` in "
           "`.modelfile-lint.json`) it warns only when Ollama's default on that machine (its "
           "default at the target release for the budget's GPU memory, or the configured "
           "`context-length-default`, i.e. `OLLAMA_CONTEXT_LENGTH`, from 0.5.13) gives the model "
           "less than the largest context that fits. Under a target older than 0.15.5 the "
           "default is one figure (2048, from 0.6.7 4096, 8192 for gpt-oss and qwen3-vl in "
           "some releases) and the message names it. "
           "The fix adds `PARAMETER num_ctx` after the FROM; it is safe only with a budget and "
           "exact model figures.\n\n"
           "## Why is this bad?\n"
           "Ollama then uses its own default: 2048 or 4096 tokens in older versions, and since "
           "v0.15.5 4096, 32768 or 262144 depending on GPU memory, unless the server sets "
           "`OLLAMA_CONTEXT_LENGTH`. The same Modelfile behaves differently on every machine.\n\n"
           "## Example\nWith `--hardware rtx-4090` (24 GiB: Ollama's default is 32,768):\n"
           "```\nFROM qwen3-coder:30b\n```\n\n"
           "Use instead:\n```\nFROM qwen3-coder:30b\nPARAMETER num_ctx 40960\n```\n",
    .check = check,
};

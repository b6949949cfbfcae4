/* SPDX-License-Identifier: MIT */
/* MF304 num-ctx-above-native: Ollama clamps num_ctx to the native context.
 * Only from exact figures: an assumed native context never drives it. */
#include "knowledge/ctx_rules.h"

#include <stdio.h>

static void check(mfl_ctx_t *ctx) {
    mfl_ctx_facts_t f;
    mfl__ctx_facts(ctx, &f);
    if (!f.param_valid || f.native == 0 || !f.exact || f.param_value <= f.native) return;
    char nat[32];
    mfl__ctx_tokens(f.native, nat, sizeof nat);
    /* Past a corrected native (Mistral-Nemo) Ollama does not clamp: the fix
     * changes behaviour then, so it is unsafe. */
    bool noted = f.model->gguf_ctx > f.native && f.param_value <= f.model->gguf_ctx;
    mfl_diag_t *d;
    if (noted)
        d = mfl_report(ctx, f.param->value,
                       "num_ctx %llu is above the %s tokens `%s` was trained for: %s",
                       (unsigned long long)f.param_value, nat, f.model_name, f.model->ctx_note);
    else
        d = mfl_report(ctx, f.param->value,
                       "num_ctx %llu is above the native context of `%s` (%s tokens, from the "
                       "%s): Ollama silently clamps it to %llu%s%s",
                       (unsigned long long)f.param_value, f.model_name, nat,
                       mfl_source_name(f.model->source), (unsigned long long)f.native,
                       f.model->source == MFL_SOURCE_TABLE && f.model->ctx_note[0] ? ". " : "",
                       f.model->source == MFL_SOURCE_TABLE ? f.model->ctx_note : "");
    /* Lowering to the exact native context of a value Ollama clamps anyway
     * changes nothing Ollama does: safe. */
    mfl__ctx_set_param(ctx,
                       mfl_diag_fix(ctx, d, noted ? MFL_FIX_UNSAFE : MFL_FIX_SAFE,
                                    "Set num_ctx to the native %llu", (unsigned long long)f.native),
                       &f, f.native);
}

const mfl_rule_t mfl_rule_num_ctx_above_native = {
    .code = "MF304",
    .name = "num-ctx-above-native",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_ALWAYS,
    .category = "context",
    .summary = "PARAMETER num_ctx is above the model's native context",
    .doc = "## What it does\n"
           "Reports a `num_ctx` larger than the model's native context and sets it to the native "
           "value. Only exact figures count (the GGUF, the store, a `config.json`, the config "
           "file or an exact tag of the built-in data): a context assumed from a model family "
           "never drives this rule, because the release actually pulled may hold more (the "
           "Qwen3 2507 tags hold 262,144 where the original Qwen3 held 40,960).\n\n"
           "## Why is this bad?\n"
           "Since v0.9.3 Ollama clamps such a value to the GGUF's `context_length` and only logs "
           "\"requested context size too large for model\": the Modelfile promises a context the "
           "model never gets. Going beyond the native context needs rope (YaRN) overrides that "
           "`num_ctx` does not set. For models whose GGUF overstates the context (Mistral-Nemo "
           "says 1,024,000 but is trained for 128k) the fix is unsafe, because Ollama would not "
           "clamp.\n\n"
           "## Example\n```\nFROM llama3\nPARAMETER num_ctx 32768\n```\n\n"
           "Use instead:\n```\nFROM llama3\nPARAMETER num_ctx 8192\n```\n",
    .check = check,
};

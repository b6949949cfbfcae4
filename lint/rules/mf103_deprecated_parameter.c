/* SPDX-License-Identifier: MIT */
/* MF103 deprecated-parameter: accepted with a warning and then ignored. */
#include "internal.h"
#include "mfl_params.h"

static void check(mfl_ctx_t *ctx) {
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_PARAMETER || !in->has_name || in->name_len == 0) continue;
        const mfl_param_t *p = mfl__ctx_param(ctx, in);
        mfl_fact_t why;
        if (!p || mfl__ctx_param_life(ctx, p, &why) != MFL_PLIFE_DEPRECATED) continue;
        char rel[32];
        mfl_diag_t *d = mfl_report(ctx, in->name,
                                   "parameter `%s` has had no effect since Ollama %s: ollama "
                                   "create prints \"warning: parameter %s is deprecated\" and "
                                   "drops it; delete the line",
                                   p->name, mfl_fact_release(why, rel, sizeof rel), p->name);
        mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_SAFE, "Delete the `%s` line", p->name);
        mfl_fix_edit(ctx, f, mfl_doc_instr_lines(ctx->doc, in), "", 0);
    }
}

const mfl_rule_t mfl_rule_deprecated_parameter = {
    .code = "MF103",
    .name = "deprecated-parameter",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_ALWAYS,
    .category = "parameter",
    .summary = "A deprecated PARAMETER that Ollama ignores",
    .doc =
        "## What it does\n"
        "Finds `penalize_newline` (deprecated in 0.5.5), `low_vram`, `f16_kv`, `logits_all`, "
        "`vocab_only`, `use_mlock`, `mirostat`, `mirostat_tau` and `mirostat_eta` (0.7.0), "
        "when the target release has deprecated them.\n\n"
        "## Why is this bad?\n"
        "Ollama prints `warning: parameter <name> is deprecated` and drops the parameter "
        "without even checking its value, so the line does nothing and suggests a "
        "setting that is not applied (mirostat sampling no longer exists). Deleting it "
        "changes nothing Ollama does, so the fix is safe. Under an older target the "
        "parameter still works and nothing is reported.\n\n"
        "## Example\n```\nFROM llama3.2\nPARAMETER mirostat 2\nPARAMETER temperature 0.7\n```\n\n"
        "Use instead:\n```\nFROM llama3.2\nPARAMETER temperature 0.7\n```\n",
    .check = check,
    .since = MFL_FACT_P_PENALIZE_NEWLINE_DEPRECATED,
    .versions_note = "per parameter, from the release that deprecated it",
};

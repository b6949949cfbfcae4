/* SPDX-License-Identifier: MIT */
/* MF102 removed-parameter: a PARAMETER Ollama used to accept and now rejects. */
#include "internal.h"
#include "mfl_params.h"

static void check(mfl_ctx_t *ctx) {
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_PARAMETER || !in->has_name || in->name_len == 0) continue;
        const mfl_param_t *p = mfl__ctx_param(ctx, in);
        if (!p || p->status != MFL_PARAM_REMOVED) continue;
        mfl_diag_t *d = mfl_report(ctx, in->name,
                                   "parameter `%s` was removed in Ollama %s: ollama create fails "
                                   "with \"unknown parameter '%s'\"; delete the line",
                                   p->name, p->removed_in, p->name);
        mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_UNSAFE, "Delete the `%s` line", p->name);
        mfl_fix_edit(ctx, f, mfl_doc_instr_lines(ctx->doc, in), "", 0);
    }
}

const mfl_rule_t mfl_rule_removed_parameter = {
    .code = "MF102",
    .name = "removed-parameter",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_ALWAYS,
    .category = "parameter",
    .summary = "A PARAMETER that Ollama removed and now rejects",
    .doc = "## What it does\n"
           "Finds parameters that older Ollama versions accepted and current ones reject: "
           "`numa` (removed in 0.3.4), `num_gqa`, `rope_frequency_base`, "
           "`rope_frequency_scale` (0.1.35), `embedding_only` (0.1.28) and `tfs_z` (0.5.2).\n\n"
           "## Why is this bad?\n"
           "`ollama create` fails with `unknown parameter '<name>'`. The setting has no "
           "replacement (RoPE settings now come from the GGUF metadata). Deleting the line "
           "is marked unsafe because it drops a value someone wrote on purpose.\n\n"
           "## Example\n```\nFROM codellama\nPARAMETER rope_frequency_base 1000000\n```\n\n"
           "Use instead:\n```\nFROM codellama\n```\n",
    .check = check,
};

/* SPDX-License-Identifier: MIT */
/* MF102 removed-parameter: a PARAMETER the target Ollama rejects although
 * older releases accepted it. */
#include "internal.h"
#include "mfl_params.h"

static void check(mfl_ctx_t *ctx) {
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_PARAMETER || !in->has_name || in->name_len == 0) continue;
        const mfl_param_t *p = mfl__ctx_param(ctx, in);
        if (!p) continue;
        mfl_fact_t why;
        mfl_param_life_t life = mfl__ctx_param_life(ctx, p, &why);
        if (life != MFL_PLIFE_REMOVED && life != MFL_PLIFE_REFUSED) continue;
        char rel[32];
        mfl_fact_release(why, rel, sizeof rel);
        mfl_diag_t *d;
        if (life == MFL_PLIFE_REFUSED)
            d = mfl_report(ctx, in->name,
                           "ollama create fails with \"" MFL_TYPICAL_P_REFUSED_TEXT "\" (Ollama %s "
                           "and later); delete the line and send `%s` in the request's options",
                           rel, p->name);
        else
            d = mfl_report(ctx, in->name,
                           "parameter `%s` was removed in Ollama %s: ollama create fails with "
                           "\"unknown parameter '%s'\"; delete the line",
                           p->name, rel, p->name);
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
           "Finds parameters that older Ollama releases accepted and the target release "
           "rejects: `embedding_only` (removed in 0.1.28), `num_gqa`, `rope_frequency_base`, "
           "`rope_frequency_scale` (0.1.35), `numa` (0.3.4), `tfs_z` (0.5.2), and `typical_p`, "
           "which `ollama create` refuses from 0.34.1 on (the earliest release known to refuse "
           "it: the change is newer than the repository snapshot the other releases were "
           "read from).\n\n"
           "## Why is this bad?\n"
           "`ollama create` fails with `unknown parameter '<name>'`; for `typical_p` with "
           "`" MFL_TYPICAL_P_REFUSED_TEXT "`. The removed settings have no replacement (RoPE "
           "settings now come from the GGUF metadata); `typical_p` can still be sent per "
           "request. With `--ollama-version` set to a release that still accepts the parameter, "
           "nothing is reported. Deleting the line is marked unsafe because it drops a value "
           "someone wrote on purpose.\n\n"
           "## Example\n```\nFROM codellama\nPARAMETER rope_frequency_base 1000000\n```\n\n"
           "Use instead:\n```\nFROM codellama\n```\n",
    .check = check,
    .versions_note = "per parameter, from the release that removed it",
};

/* SPDX-License-Identifier: MIT */
/* MF106 duplicate-parameter: a scalar PARAMETER set more than once. */
#include "internal.h"
#include "mfl_params.h"

static void check(mfl_ctx_t *ctx) {
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_PARAMETER || !in->has_name || in->name_len == 0) continue;
        const mfl_param_t *p = mfl__ctx_param(ctx, in);
        if (!p || mfl__ctx_param_life(ctx, p, NULL) != MFL_PLIFE_ACTIVE ||
            p->type == MFL_PARAM_STRINGS)
            continue;
        const mfl_instr_t *last = mfl_doc_last_param(ctx->doc, p->name);
        if (!last || last == in) continue;
        mfl_diag_t *d = mfl_report(ctx, in->range,
                                   "`%s` is set again on line %u, so this value is never used "
                                   "(the last PARAMETER wins); delete this line",
                                   p->name, (unsigned)last->line + 1);
        mfl_diag_related(ctx, d, last->range, "the effective `%s`", p->name);
        mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_SAFE, "Delete the unused `%s` line", p->name);
        mfl_fix_edit(ctx, f, mfl_doc_instr_lines(ctx->doc, in), "", 0);
    }
}

const mfl_rule_t mfl_rule_duplicate_parameter = {
    .code = "MF106",
    .name = "duplicate-parameter",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_ALWAYS,
    .category = "parameter",
    .summary = "A PARAMETER set more than once (only the last counts)",
    .doc = "## What it does\n"
           "Finds parameters other than `stop` that are set more than once and reports the "
           "earlier, dead lines.\n\n"
           "## Why is this bad?\n"
           "For every parameter except `stop` the last occurrence wins, so the earlier line "
           "is dead and misleading (often a leftover from copy-paste: the reader sees the "
           "first value). Deleting it changes nothing Ollama does, so the fix is safe.\n\n"
           "## Example\n```\nFROM llama3.2\nPARAMETER num_ctx 8192\nPARAMETER num_ctx 4096\n```\n\n"
           "Use instead:\n```\nFROM llama3.2\nPARAMETER num_ctx 4096\n```\n",
    .check = check,
};

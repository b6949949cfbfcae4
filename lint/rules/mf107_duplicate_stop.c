/* SPDX-License-Identifier: MIT */
/* MF107 duplicate-stop: the same stop string given twice. */
#include "internal.h"

#include <string.h>

static void check(mfl_ctx_t *ctx) {
    size_t n = mfl_doc_instr_count(ctx->doc);
    for (size_t j = 0; j < n; j++) {
        const mfl_instr_t *in = mfl_doc_instr(ctx->doc, j);
        if (!mfl_instr_is_param(in, "stop") || !in->has_value_sep) continue;
        for (size_t i = 0; i < j; i++) {
            const mfl_instr_t *prev = mfl_doc_instr(ctx->doc, i);
            if (!mfl_instr_is_param(prev, "stop") || !prev->has_value_sep ||
                prev->value_len != in->value_len ||
                memcmp(prev->value_text, in->value_text, in->value_len) != 0)
                continue;
            mfl_diag_t *d = mfl_report(ctx, in->value,
                                       "stop string `%s` is already given on line %u; delete "
                                       "this line",
                                       in->value_text, (unsigned)prev->line + 1);
            mfl_diag_related(ctx, d, prev->value, "first given here");
            mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_SAFE, "Delete the duplicate stop line");
            mfl_fix_edit(ctx, f, mfl_doc_instr_lines(ctx->doc, in), "", 0);
            break;
        }
    }
}

const mfl_rule_t mfl_rule_duplicate_stop = {
    .code = "MF107",
    .name = "duplicate-stop",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_ALWAYS,
    .category = "parameter",
    .summary = "The same stop string given twice",
    .doc = "## What it does\n"
           "Finds `PARAMETER stop` lines whose value (after unquoting) repeats an earlier "
           "one.\n\n"
           "## Why is this bad?\n"
           "Stop strings accumulate, so a repeated one adds nothing; it usually means two "
           "templates' stop lists were merged by hand. Deleting the repeat changes nothing "
           "Ollama does, so the fix is safe.\n\n"
           "## Example\n```\nFROM llama3.2\nPARAMETER stop <|eot_id|>\nPARAMETER stop "
           "\"<|eot_id|>\"\n```\n\n"
           "Use instead:\n```\nFROM llama3.2\nPARAMETER stop <|eot_id|>\n```\n",
    .check = check,
};

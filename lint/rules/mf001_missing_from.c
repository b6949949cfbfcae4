/* SPDX-License-Identifier: MIT */
/* MF001 missing-from: a Modelfile must name a base model. */
#include "rule.h"

static void check(mfl_ctx_t *ctx) {
    if (mfl_doc_first(ctx->doc, MFL_INSTR_FROM)) return;
    /* Ollama only says so once the whole file parsed; a broken FROM line is
     * reported by MF002 and is not also a missing FROM. */
    MFL_FOREACH_INSTR(ctx, in) {
        size_t n;
        const char *kw = mfl_doc_slice(ctx->doc, in->keyword, &n);
        if (in->kind == MFL_INSTR_UNKNOWN && n >= 4 && (kw[0] | 0x20) == 'f' &&
            (kw[1] | 0x20) == 'r' && (kw[2] | 0x20) == 'o' && (kw[3] | 0x20) == 'm')
            return;
    }
    mfl_range_t r = {0, 0};
    mfl_report(ctx, r, "no FROM instruction: add `FROM <model>` naming the base model "
                       "(ollama create fails with \"no FROM line\")");
}

const mfl_rule_t mfl_rule_missing_from = {
    .code = "MF001",
    .name = "missing-from",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_NONE,
    .category = "syntax",
    .summary = "The Modelfile has no FROM instruction",
    .doc = "## What it does\n"
           "Checks that the Modelfile has at least one FROM instruction.\n\n"
           "## Why is this bad?\n"
           "`ollama create` rejects a Modelfile without FROM with `no FROM line`: there is no base model to build on.\n\n"
           "## Example\n```\nPARAMETER temperature 0.7\n```\n\n"
           "Use instead:\n```\nFROM llama3.2\nPARAMETER temperature 0.7\n```\n",
    .check = check,
};

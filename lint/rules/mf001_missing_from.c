/* SPDX-License-Identifier: MIT */
/* MF001 missing-from: a Modelfile must name a base model. */
#include "rule.h"

#include <string.h>

static void check(mfl_ctx_t *ctx) {
    if (mfl_doc_first(ctx->doc, MFL_INSTR_FROM)) return;
    /* Ollama only says so once the whole file parsed; a broken or misspelt
     * FROM line (FROM:x, FORM x) is reported by MF002, with its "did you mean
     * FROM", and is not also a missing FROM. */
    MFL_FOREACH_INSTR(ctx, in) {
        size_t n;
        bool unique;
        const char *kw = mfl_doc_slice(ctx->doc, in->keyword, &n);
        if (in->kind == MFL_INSTR_UNKNOWN) {
            const char *sug = mfl__closest_keyword(kw, n, &unique);
            if (sug && strcmp(sug, "FROM") == 0) return;
        }
    }
    mfl_range_t r = {0, 0};
    mfl_report(ctx, r,
               "no FROM instruction: add `FROM <model>` naming the base model "
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
           "`ollama create` rejects a Modelfile without FROM with `no FROM line`: there is no base "
           "model to build on.\n\n"
           "## Example\n```\nPARAMETER temperature 0.7\n```\n\n"
           "Use instead:\n```\nFROM llama3.2\nPARAMETER temperature 0.7\n```\n",
    .check = check,
};

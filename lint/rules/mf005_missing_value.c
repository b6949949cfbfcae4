/* SPDX-License-Identifier: MIT */
/* MF005 missing-value: a PARAMETER name or MESSAGE role with no value after it. */
#include "rule.h"

static void check(mfl_ctx_t *ctx) {
    for (size_t i = 0; i < mfl_doc_syntax_error_count(ctx->doc); i++) {
        const mfl_syntax_error_t *e = mfl_doc_syntax_error(ctx->doc, i);
        if (e->kind != MFL_SYN_MISSING_VALUE) continue;
        const mfl_instr_t *in = mfl_doc_instr(ctx->doc, e->instr);
        size_t n;
        const char *name = mfl_doc_slice(ctx->doc, in->name, &n);
        if (in->kind == MFL_INSTR_PARAMETER)
            mfl_report(ctx, e->range,
                       "PARAMETER `%.*s` has no value: write `PARAMETER %.*s <value>` on one "
                       "line (ollama create fails with \"unexpected EOF: %.*s\")",
                       (int)n, name, (int)n, name, (int)n, name);
        else
            mfl_report(ctx, e->range,
                       "MESSAGE `%.*s` has no content: write `MESSAGE %.*s <text>` on one line "
                       "(ollama create fails with \"unexpected EOF: %.*s\")",
                       (int)n, name, (int)n, name, (int)n, name);
    }
}

const mfl_rule_t mfl_rule_missing_value = {
    .code = "MF005",
    .name = "missing-value",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_NONE,
    .category = "syntax",
    .summary = "A PARAMETER or MESSAGE without its value",
    .doc = "## What it does\n"
           "Finds `PARAMETER name` and `MESSAGE role` lines with nothing after the name.\n\n"
           "## Why is this bad?\n"
           "Ollama's parser fails with `unexpected EOF: <name>` and no line number.\n\n"
           "## Example\n```\nFROM llama3.2\nPARAMETER num_ctx\n```\n\n"
           "Use instead:\n```\nFROM llama3.2\nPARAMETER num_ctx 8192\n```\n",
    .check = check,
};

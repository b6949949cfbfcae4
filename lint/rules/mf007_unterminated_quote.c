/* SPDX-License-Identifier: MIT */
/* MF007 unterminated-quote: a quoted value that never closes. */
#include "rule.h"

static void check(mfl_ctx_t *ctx) {
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->terminated || in->quote == MFL_QUOTE_NONE) continue;
        mfl_report(ctx, (mfl_range_t){in->value.start, in->content.start},
                   "this %s never closes: Ollama reads the rest of the file into %s and fails "
                   "with \"unexpected EOF\"; close it with %s as the last character of a line",
                   in->quote == MFL_QUOTE_TRIPLE ? "`\"\"\"`" : "`\"`", mfl_instr_keyword(in->kind),
                   in->quote == MFL_QUOTE_TRIPLE ? "`\"\"\"`" : "`\"`");
    }
}

const mfl_rule_t mfl_rule_unterminated_quote = {
    .code = "MF007",
    .name = "unterminated-quote",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_NONE,
    .category = "syntax",
    .summary = "A quoted value that never closes",
    .doc = "## What it does\n"
           "Finds a `\"` or `\"\"\"` value whose closing quote never comes.\n\n"
           "## Why is this bad?\n"
           "A quote closes only when it is the last non-blank character of a line. If no later "
           "line ends with it, Ollama reads everything to the end of the file as this value "
           "and fails with `unexpected EOF`, without a line number.\n\n"
           "## Example\n```\nFROM llama3.2\nSYSTEM \"\"\"You are terse.\"\" \n```\n\n"
           "Use instead:\n```\nFROM llama3.2\nSYSTEM \"\"\"You are terse.\"\"\"\n```\n",
    .check = check,
};

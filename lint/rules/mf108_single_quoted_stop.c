/* SPDX-License-Identifier: MIT */
/* MF108 single-quoted-stop: `PARAMETER stop '<|eot_id|>'` keeps the quotes. */
#include "internal.h"

#include <string.h>

static void check(mfl_ctx_t *ctx) {
    MFL_FOREACH_INSTR(ctx, in) {
        if (!mfl_instr_is_param(in, "stop") || !in->has_value_sep || in->quote != MFL_QUOTE_NONE)
            continue;
        const char *v = in->value_text;
        size_t n = in->value_len;
        if (n < 3 || v[0] != '\'' || v[n - 1] != '\'') continue;
        size_t rn;
        const char *raw = mfl_doc_slice(ctx->doc, in->content, &rn);
        bool fixable = rn >= 2 && raw[0] == '\'' && raw[rn - 1] == '\'';
        mfl_diag_t *d = mfl_report(ctx, in->value,
                                   "the stop string is `%s` with its single quotes: a Modelfile "
                                   "keeps single quotes as text, so the model never produces it "
                                   "and generation does not stop there; use double quotes or none",
                                   v);
        if (!fixable) continue;
        mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_UNSAFE, "Use double quotes");
        mfl_fix_edit(ctx, f, (mfl_range_t){in->content.start, in->content.start + 1}, "\"", 1);
        mfl_fix_edit(ctx, f, (mfl_range_t){in->content.end - 1, in->content.end}, "\"", 1);
    }
}

const mfl_rule_t mfl_rule_single_quoted_stop = {
    .code = "MF108",
    .name = "single-quoted-stop",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_ALWAYS,
    .category = "parameter",
    .summary = "A stop string written in single quotes, which Ollama keeps",
    .doc = "## What it does\n"
           "Finds `PARAMETER stop` values wrapped in single quotes.\n\n"
           "## Why is this bad?\n"
           "Only double quotes are quotes in a Modelfile: Ollama's parser keeps single quotes "
           "as part of the value, so `PARAMETER stop '<|eot_id|>'` stops on the eleven "
           "characters `'<|eot_id|>'`, which the model never writes, and generation runs past "
           "the end of its turn. The fix writes double quotes; it is unsafe because it "
           "changes the stop string Ollama uses (to the one that was meant).\n\n"
           "## Example\n```\nFROM llama3.2\nPARAMETER stop '<|eot_id|>'\n```\n\n"
           "Use instead:\n```\nFROM llama3.2\nPARAMETER stop \"<|eot_id|>\"\n```\n",
    .check = check,
};

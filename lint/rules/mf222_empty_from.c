/* SPDX-License-Identifier: MIT */
/* MF222 empty-from: `FROM ""` is the Modelfile's own folder. */
#include "internal.h"

static void check(mfl_ctx_t *ctx) {
    /* `ollama show` prints an empty FROM for cloud models, with a comment
     * saying what to write instead. */
    if (mfl__doc_is_show_output(ctx->doc)) return;
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_FROM || !in->has_sep || in->value_len != 0 || !in->terminated)
            continue;
        mfl_diag_t *d = mfl_report(ctx, in->range,
                                   "an empty FROM is not \"no model\": Ollama resolves it to the "
                                   "Modelfile's own folder and imports the model files there, "
                                   "like `FROM .`; name the model or the file");
        mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_SAFE, "Write `FROM .` (what Ollama reads)");
        mfl_fix_edit(ctx, f,
                     in->value.end > in->value.start ? in->value
                                                     : (mfl_range_t){in->range.end, in->range.end},
                     in->value.end > in->value.start || in->range.end > in->keyword.end ? "."
                                                                                        : " .",
                     in->value.end > in->value.start || in->range.end > in->keyword.end ? 1 : 2);
    }
}

const mfl_rule_t mfl_rule_empty_from = {
    .code = "MF222",
    .name = "empty-from",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_ALWAYS,
    .category = "path",
    .summary = "FROM \"\", which is the Modelfile's own folder",
    .doc = "## What it does\n"
           "Finds a FROM whose value is empty (`FROM \"\"`, or `FROM ` with nothing after "
           "it), outside `ollama show --modelfile` output (which prints one for cloud models, "
           "under a comment saying what to write instead).\n\n"
           "## Why is this bad?\n"
           "Ollama expands FROM paths against the Modelfile's folder; an empty one is that "
           "folder itself, so `ollama create` imports whatever model files lie beside the "
           "Modelfile, or fails with `no Modelfile or safetensors files found` (MF217). It "
           "never means \"no base model\". The fix writes `FROM .`, which Ollama reads the "
           "same way, so the file says what it does.\n\n"
           "## Example\n```\nFROM \"\"\nSYSTEM You are terse.\n```\n\n"
           "Use instead:\n```\nFROM llama3.2\nSYSTEM You are terse.\n```\n",
    .check = check,
    .since = MFL_FACT_JSON_CREATE,
};

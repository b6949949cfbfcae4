/* SPDX-License-Identifier: MIT */
/* MF218 draft-with-cloud-model: a DRAFT with a cloud FROM. */
#include "internal.h"

static void check(mfl_ctx_t *ctx) {
    if (!mfl__ctx_from_is_cloud(ctx)) return;
    const mfl_instr_t *from = mfl__ctx_from_name(ctx);
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_DRAFT || !in->has_sep) continue;
        mfl_diag_t *d = mfl_report(ctx, in->keyword,
                                   "ollama create fails with \"DRAFT cannot be used with remote "
                                   "models\": `%s` is a cloud model, which runs remotely without "
                                   "a local draft; remove the DRAFT or use a local model",
                                   from->value_text);
        mfl_diag_related(ctx, d, from->value, "the cloud model");
    }
}

const mfl_rule_t mfl_rule_draft_with_cloud_model = {
    .code = "MF218",
    .name = "draft-with-cloud-model",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_NONE,
    .category = "instruction",
    .summary = "DRAFT with a cloud FROM, which Ollama refuses",
    .doc =
        "## What it does\n"
        "Finds DRAFT lines when the FROM name is a cloud model (a `:cloud` suffix or a tag "
        "ending in `-cloud`).\n\n"
        "## Why is this bad?\n"
        "`ollama create` fails with `DRAFT cannot be used with remote models`, once the "
        "draft files have been hashed and uploaded: speculative decoding needs the model "
        "to run locally.\n\n"
        "## Example\n```\nFROM qwen3-coder:480b-cloud\nDRAFT ./qwen3-0.6b.gguf\n```\n\n"
        "Use instead (a local model):\n```\nFROM qwen3-coder:30b\nDRAFT ./qwen3-0.6b.gguf\n```\n",
    .check = check,
    .since = MFL_FACT_DRAFT_CREATE,
};

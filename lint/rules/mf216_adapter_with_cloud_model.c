/* SPDX-License-Identifier: MIT */
/* MF216 adapter-with-cloud-model: ADAPTER is dropped for a cloud FROM. */
#include "internal.h"

static void check(mfl_ctx_t *ctx) {
    if (!mfl__ctx_from_is_cloud(ctx)) return;
    const mfl_instr_t *from = mfl__ctx_from_name(ctx);
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_ADAPTER || !in->has_sep) continue;
        mfl_diag_t *d = mfl_report(ctx, in->keyword,
                                   "`%s` is a cloud model: ollama create uploads this adapter and "
                                   "then ignores it, because a cloud model runs remotely without "
                                   "local weights; remove the ADAPTER or use a local model",
                                   from->value_text);
        mfl_diag_related(ctx, d, from->value, "the cloud model");
    }
}

const mfl_rule_t mfl_rule_adapter_with_cloud_model = {
    .code = "MF216",
    .name = "adapter-with-cloud-model",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_NONE,
    .category = "instruction",
    .summary = "ADAPTER with a cloud FROM, which Ollama ignores",
    .doc = "## What it does\n"
           "Finds ADAPTER lines when the FROM name is a cloud model (a `:cloud` suffix or a tag "
           "ending in `-cloud`, Ollama 0.18.0 and later).\n\n"
           "## Why is this bad?\n"
           "`ollama create` makes a remote model for a cloud FROM and skips the adapter "
           "without a word (`!remote && r.Adapters != nil` in server/create.go), after the "
           "client has hashed and uploaded it. The created model behaves like the cloud model "
           "alone. From 0.34.1 on any ADAPTER fails instead (MF215).\n\n"
           "## Example\n```\nFROM gpt-oss:120b-cloud\nADAPTER ./style-lora.gguf\n```\n\n"
           "Use instead (a local base model):\n```\nFROM gpt-oss:20b\nADAPTER "
           "./style-lora.gguf\n```\n",
    .check = check,
    .since = MFL_FACT_CLOUD_REFS,
    .until = MFL_FACT_ADAPTER_REFUSED,
};

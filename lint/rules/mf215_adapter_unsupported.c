/* SPDX-License-Identifier: MIT */
/* MF215 adapter-unsupported: newer Ollama refuses every ADAPTER. */
#include "internal.h"

static void check(mfl_ctx_t *ctx) {
    char rel[32];
    mfl_fact_release(MFL_FACT_ADAPTER_REFUSED, rel, sizeof rel);
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_ADAPTER || !in->has_sep) continue;
        mfl_report(ctx, in->keyword,
                   "ollama create fails with \"" MFL_ADAPTER_REFUSED_TEXT "\" (Ollama %s and "
                   "later): merge the adapter into the model's weights and import the result, or "
                   "target an older release",
                   rel);
    }
}

const mfl_rule_t mfl_rule_adapter_unsupported = {
    .code = "MF215",
    .name = "adapter-unsupported",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_NONE,
    .category = "instruction",
    .summary = "ADAPTER, which newer Ollama releases refuse",
    .doc = "## What it does\n"
           "Reports every ADAPTER when the target release refuses LoRA adapters: 0.34.1 and "
           "later. 0.34.1 is the earliest release known to refuse them (the change, "
           "ollama/ollama#14969, is newer than the repository snapshot the other releases here "
           "were read from; bug reports date it).\n\n"
           "## Why is this bad?\n"
           "`ollama create` fails with `" MFL_ADAPTER_REFUSED_TEXT "`, for GGUF and safetensors "
           "adapters alike. Models built with an adapter by an older Ollama still run. To keep "
           "the adapter, merge it into the base weights (llama.cpp's export-lora, or PEFT's "
           "merge_and_unload before converting) and import the merged model; or target an "
           "older release with `--ollama-version`.\n\n"
           "## Example\n```\nFROM llama3.2\nADAPTER ./lora.gguf\n```\n\n"
           "Use instead:\n```\nFROM ./llama3.2-merged.gguf\n```\n",
    .check = check,
    .since = MFL_FACT_ADAPTER_REFUSED,
};

/* SPDX-License-Identifier: MIT */
/* MF308 embedding-num-ctx: for an embedding model num_ctx is the longest
 * input it embeds; below the native context, longer inputs are truncated. */
#include "knowledge/ctx_rules.h"

#include <stdio.h>

static void check(mfl_ctx_t *ctx) {
    mfl_ctx_facts_t f;
    mfl__ctx_facts(ctx, &f);
    if (!f.param_valid || f.native == 0 || !f.model->is_embedding || f.param_value >= f.native)
        return;
    char nat[32];
    mfl__ctx_tokens(f.native, nat, sizeof nat);
    const char *assumed = mfl__ctx_assumed(&f);
    mfl_report(ctx, f.param->value,
               "`%s` is an embedding model: num_ctx %llu is the longest input it embeds, and "
               "Ollama truncates longer inputs to it (or, with \"truncate\": false, rejects them: "
               "\"the input length exceeds the context length\"); its native context is %s "
               "tokens, so raise num_ctx if your chunks are longer, or keep chunks below %llu "
               "tokens%s%s",
               f.model_name, (unsigned long long)f.param_value, nat,
               (unsigned long long)f.param_value, assumed ? "; " : "", assumed ? assumed : "");
}

const mfl_rule_t mfl_rule_embedding_num_ctx = {
    .code = "MF308",
    .name = "embedding-num-ctx",
    .severity = MFL_SEVERITY_INFO,
    .fixable = MFL_FIXABLE_NONE,
    .category = "context",
    .summary = "An embedding model's num_ctx truncates longer inputs",
    .doc = "## What it does\n"
           "For embedding models (the GGUF has `pooling_type`), explains a `PARAMETER num_ctx` "
           "below the native context: it is not a conversation budget but the longest input "
           "that is embedded whole. MF301 and MF302 do not apply to embedding models, and a "
           "value above the native context is MF304's (Ollama clamps it).\n\n"
           "## Why is this bad?\n"
           "`/api/embed` truncates each input to `num_ctx` tokens by default, so the end of a "
           "long chunk silently does not count; with `\"truncate\": false` the request fails "
           "with \"the input length exceeds the context length\". Whether that matters depends "
           "on the chunk size, so this is information, not a warning.\n\n"
           "## Example\n```\nFROM nomic-embed-text\nPARAMETER num_ctx 512\n```\n\n"
           "Use instead, for chunks up to 2,048 tokens:\n"
           "```\nFROM nomic-embed-text\nPARAMETER num_ctx 2048\n```\n",
    .check = check,
};

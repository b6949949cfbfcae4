/* SPDX-License-Identifier: MIT */
/* MF220 template-with-renderer: with a RENDERER, TEMPLATE is not used for
 * chat. */
#include "internal.h"

static void check(mfl_ctx_t *ctx) {
    const mfl_instr_t *t = mfl_doc_last(ctx->doc, MFL_INSTR_TEMPLATE);
    const mfl_instr_t *r = mfl_doc_last(ctx->doc, MFL_INSTR_RENDERER);
    if (!t || !r || t->value_len == 0 || r->value_len == 0) return;
    /* `ollama show --modelfile` prints both for models that carry both. */
    if (mfl__doc_is_show_output(ctx->doc)) return;
    mfl_diag_t *d = mfl_report(ctx, t->keyword,
                               "this TEMPLATE is not used for chat: with RENDERER %s, Ollama "
                               "renders chat and plain prompts with the renderer (only "
                               "fill-in-the-middle requests, with a suffix, use the template); "
                               "drop one of them",
                               r->value_text);
    mfl_diag_related(ctx, d, r->keyword, "the RENDERER in effect");
}

const mfl_rule_t mfl_rule_template_with_renderer = {
    .code = "MF220",
    .name = "template-with-renderer",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_NONE,
    .category = "template",
    .summary = "A TEMPLATE beside a RENDERER, which renders the prompts instead",
    .doc = "## What it does\n"
           "Reports a TEMPLATE in a Modelfile that also sets a RENDERER (Ollama 0.12.0 and "
           "later). `ollama show --modelfile` output, which prints both for models that carry "
           "both, is not reported.\n\n"
           "## Why is this bad?\n"
           "When a model has a renderer, Ollama builds chat prompts, and the prompts of "
           "`/api/generate` that it turns into a chat, with the renderer's own code "
           "(server/prompt.go renderPrompt); the TEMPLATE is used only for fill-in-the-middle "
           "requests. Edits to the template then change nothing the user sees in chat.\n\n"
           "## Example\n```\nFROM qwen3-coder\nRENDERER qwen3-coder\nTEMPLATE "
           "\"\"\"<|im_start|>user\n{{ .Prompt }}<|im_end|>\"\"\"\n```\n\n"
           "Use instead (keep the renderer and drop the template, or the reverse):\n"
           "```\nFROM qwen3-coder\nRENDERER qwen3-coder\n```\n",
    .check = check,
    .since = MFL_FACT_RENDERER_USED,
};

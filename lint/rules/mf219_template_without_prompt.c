/* SPDX-License-Identifier: MIT */
/* MF219 template-without-prompt: a TEMPLATE that never uses the user's
 * message. */
#include "gotmpl.h"
#include "internal.h"

static void check(mfl_ctx_t *ctx) {
    const mfl_instr_t *in = mfl_doc_last(ctx->doc, MFL_INSTR_TEMPLATE);
    if (!in || in->value_len == 0 || !in->terminated) return;
    mfl_version_t v = mfl_ctx_version(ctx);
    const mfl_instr_t *renderer = mfl_doc_last(ctx->doc, MFL_INSTR_RENDERER);
    if (renderer && renderer->value_len && mfl_version_has(v, MFL_FACT_RENDERER_USED))
        return; /* MF220 */
    const mfl_gotmpl_t *t = mfl__ctx_template(ctx, in);
    if (!t || t->has_error || t->incomplete) return;
    unsigned uses = MFL_GOTMPL_VAR_PROMPT;
    if (mfl_version_has(v, MFL_FACT_T_MESSAGES)) uses |= MFL_GOTMPL_VAR_MESSAGES;
    if (t->vars & uses) return;
    mfl_report(ctx, in->keyword,
               "this TEMPLATE never uses %s: Ollama fills it with the conversation and "
               "the template drops it, so the user's message never reaches the model; add "
               "{{ .Prompt }}%s",
               uses & MFL_GOTMPL_VAR_MESSAGES ? ".Prompt or .Messages" : ".Prompt",
               uses & MFL_GOTMPL_VAR_MESSAGES ? " or a {{ range .Messages }} loop" : "");
}

const mfl_rule_t mfl_rule_template_without_prompt = {
    .code = "MF219",
    .name = "template-without-prompt",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_NONE,
    .category = "template",
    .summary = "A TEMPLATE that never uses the user's message",
    .doc = "## What it does\n"
           "Looks at the names the effective TEMPLATE uses, as Ollama's `Vars()` sees them "
           "(field and variable names, in any case), and reports a template that uses neither "
           "`.Prompt` nor `.Messages` (`.Messages` from Ollama 0.2.2 on). A template beside a "
           "RENDERER is MF220's.\n\n"
           "## Why is this bad?\n"
           "Ollama renders every request through the template: with `.Messages` it passes the "
           "conversation, otherwise each turn as `.System`, `.Prompt` and `.Response`. A "
           "template such as `TEMPLATE \"\"\"You are a helpful assistant.\"\"\"` or "
           "`TEMPLATE \"\"\"{{ .System }}\"\"\"` therefore sends the same fixed text whatever the "
           "user writes; nothing fails, the model just never sees the question.\n\n"
           "## Example\n```\nFROM llama3.2\nTEMPLATE \"\"\"{{ .System }}\nAnswer "
           "briefly.\"\"\"\n```\n\n"
           "Use instead:\n```\nFROM llama3.2\nTEMPLATE \"\"\"{{ .System }}\nAnswer briefly.\n{{ "
           ".Prompt }}\"\"\"\n```\n",
    .check = check,
};

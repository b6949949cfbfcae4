/* SPDX-License-Identifier: MIT */
/* MF221 empty-template-or-system: `SYSTEM ""` and `TEMPLATE ""` clear nothing. */
#include "internal.h"

static void check(mfl_ctx_t *ctx) {
    static const mfl_instr_kind_t kinds[] = {MFL_INSTR_TEMPLATE, MFL_INSTR_SYSTEM};
    for (size_t k = 0; k < 2; k++) {
        const mfl_instr_t *in = mfl_doc_last(ctx->doc, kinds[k]);
        if (!in || in->value_len != 0 || !in->has_sep || !in->terminated) continue;
        bool sys = kinds[k] == MFL_INSTR_SYSTEM;
        mfl_report(ctx, in->range,
                   "an empty %s does not clear the FROM model's %s: ollama create skips an empty "
                   "value and keeps the inherited one%s",
                   sys ? "SYSTEM" : "TEMPLATE", sys ? "system prompt" : "template",
                   sys ? "" : "; write the template you want (Ollama's default is {{ .Prompt }})");
    }
}

const mfl_rule_t mfl_rule_empty_template_or_system = {
    .code = "MF221",
    .name = "empty-template-or-system",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_NONE,
    .category = "instruction",
    .summary = "SYSTEM \"\" or TEMPLATE \"\", which keep the base model's",
    .doc = "## What it does\n"
           "Finds an effective (last) SYSTEM or TEMPLATE whose value is empty: `SYSTEM \"\"`, "
           "`SYSTEM \"\"\"\"\"\"`, or `SYSTEM ` with nothing after it.\n\n"
           "## Why is this bad?\n"
           "Since Ollama 0.5.5 the create request carries the SYSTEM and TEMPLATE text, and "
           "the server sets them only when they are not empty (`if r.System != \"\"` in "
           "server/create.go). An empty one is a no-op: the model keeps the system prompt or "
           "template of its FROM model, which is the opposite of what the line says, and an "
           "earlier non-empty SYSTEM is lost too (the last one wins). Before 0.5.5 an empty "
           "value did replace the inherited one.\n\n"
           "## Example\n```\nFROM llama3.2\nSYSTEM \"\"\n```\n\n"
           "Use instead: the system prompt you want, or no SYSTEM line to keep the base "
           "model's.\n",
    .check = check,
    .since = MFL_FACT_JSON_CREATE,
};

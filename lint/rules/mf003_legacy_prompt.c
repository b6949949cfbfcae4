/* SPDX-License-Identifier: MIT */
/* MF003 legacy-prompt: PROMPT was renamed TEMPLATE; Ollama no longer accepts it. */
#include "internal.h"

static void check(mfl_ctx_t *ctx) {
    const mfl_instr_t *tmpl = mfl_doc_first(ctx->doc, MFL_INSTR_TEMPLATE);
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_UNKNOWN) continue;
        size_t n;
        const char *kw = mfl_doc_slice(ctx->doc, in->keyword, &n);
        if (n != 6 || strncasecmp_ascii(kw, "prompt", 6) != 0) continue;
        mfl_diag_t *d = mfl_report(ctx, in->keyword,
                                   "PROMPT is the pre-2024 name of TEMPLATE; Ollama now rejects "
                                   "it (\"command must be one of ...\"): rename it TEMPLATE");
        /* Mechanical only when the file has no TEMPLATE the rename would override. */
        mfl_fix_t *f =
            mfl_diag_fix(ctx, d, tmpl ? MFL_FIX_UNSAFE : MFL_FIX_SAFE, "Rename PROMPT to TEMPLATE");
        mfl_fix_edit(ctx, f, in->keyword, "TEMPLATE", 8);
    }
}

const mfl_rule_t mfl_rule_legacy_prompt = {
    .code = "MF003",
    .name = "legacy-prompt",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_ALWAYS,
    .category = "syntax",
    .summary = "PROMPT is the removed old name of TEMPLATE",
    .doc = "## What it does\n"
           "Finds the legacy `PROMPT` instruction, which Ollama accepted until v0.1.33 as the "
           "prompt template and rejects since.\n\n"
           "## Why is this bad?\n"
           "`ollama create` fails with `command must be one of ...`. The body is a Go template "
           "like TEMPLATE's, so renaming the keyword is the whole migration. The fix is unsafe "
           "when the file also has a TEMPLATE, because the renamed one would override it.\n\n"
           "## Example\n```\nFROM llama2\nPROMPT \"\"\"{{ .Prompt }}\"\"\"\n```\n\n"
           "Use instead:\n```\nFROM llama2\nTEMPLATE \"\"\"{{ .Prompt }}\"\"\"\n```\n",
    .check = check,
};

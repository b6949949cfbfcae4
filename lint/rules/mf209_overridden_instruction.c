/* SPDX-License-Identifier: MIT */
/* MF209 overridden-instruction: a last-one-wins instruction given twice. */
#include "internal.h"

static bool last_wins(mfl_instr_kind_t k) {
    return k == MFL_INSTR_TEMPLATE || k == MFL_INSTR_SYSTEM || k == MFL_INSTR_ADAPTER ||
           k == MFL_INSTR_RENDERER || k == MFL_INSTR_PARSER || k == MFL_INSTR_REQUIRES;
}

static void check(mfl_ctx_t *ctx) {
    MFL_FOREACH_INSTR(ctx, in) {
        if (!last_wins(in->kind)) continue;
        const mfl_instr_t *last = mfl_doc_last(ctx->doc, in->kind);
        if (!last || last == in) continue;
        const char *kw = mfl_instr_keyword(in->kind);
        mfl_diag_t *d = mfl_report(ctx, in->keyword,
                                   "this %s is overridden by the one on line %u (the last %s "
                                   "wins), so it is never used; delete it",
                                   kw, (unsigned)last->line + 1, kw);
        mfl_diag_related(ctx, d, last->keyword, "the effective %s", kw);
        mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_SAFE, "Delete the unused %s", kw);
        mfl_fix_edit(ctx, f, mfl_doc_instr_lines(ctx->doc, in), "", 0);
    }
}

const mfl_rule_t mfl_rule_overridden_instruction = {
    .code = "MF209",
    .name = "overridden-instruction",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_ALWAYS,
    .category = "instruction",
    .summary = "TEMPLATE, SYSTEM, ADAPTER, RENDERER, PARSER or REQUIRES given more than once",
    .doc =
        "## What it does\n"
        "Finds TEMPLATE, SYSTEM, ADAPTER, RENDERER, PARSER and REQUIRES instructions that "
        "a later instruction of the same kind replaces. DRAFT, LICENSE and MESSAGE accumulate "
        "and are not reported. FROM is MF211's: FROM paths accumulate, but the last FROM "
        "model name replaces earlier ones and makes Ollama ignore the FROM files.\n\n"
        "## Why is this bad?\n"
        "Ollama keeps only the last one, so the earlier text is dead: a long SYSTEM "
        "prompt that was edited in a second copy, or a TEMPLATE pasted twice, silently "
        "has no effect. Deleting it changes nothing Ollama does, so the fix is safe.\n\n"
        "## Example\n```\nFROM llama3.2\nSYSTEM You are terse.\nSYSTEM You are a pirate.\n```\n\n"
        "Use instead:\n```\nFROM llama3.2\nSYSTEM You are a pirate.\n```\n",
    .check = check,
};

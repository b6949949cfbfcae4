/* SPDX-License-Identifier: MIT */
/* MF012 instruction-not-in-target: an instruction the target Ollama release
 * does not have yet (RENDERER, PARSER, REQUIRES, DRAFT). */
#include "internal.h"

static mfl_fact_t added_by(mfl_instr_kind_t k) {
    switch (k) {
    case MFL_INSTR_RENDERER:
    case MFL_INSTR_PARSER: return MFL_FACT_KW_RENDERER_PARSER;
    case MFL_INSTR_REQUIRES: return MFL_FACT_KW_REQUIRES;
    case MFL_INSTR_DRAFT: return MFL_FACT_KW_DRAFT;
    default: return MFL_FACT_NONE;
    }
}

static void check(mfl_ctx_t *ctx) {
    mfl_version_t v = mfl_ctx_version(ctx);
    char tgt[32], rel[32];
    mfl_version_format(v, tgt, sizeof tgt);
    size_t len;
    const char *text = mfl_doc_text(ctx->doc, &len);
    MFL_FOREACH_INSTR(ctx, in) {
        mfl_fact_t f = added_by(in->kind);
        if (f == MFL_FACT_NONE || !in->has_sep) continue;
        const char *kw = mfl_instr_keyword(in->kind);
        if (!mfl_version_has(v, f)) {
            /* Ollama counts every CR and every LF before the keyword. */
            unsigned line = 1;
            for (uint32_t i = 0; i < in->keyword.end && i < len; i++)
                line += text[i] == '\n' || text[i] == '\r';
            mfl_report(ctx, in->keyword,
                       "Ollama %s does not know %s (it came in %s): ollama create fails with "
                       "\"(line %u): %s\"; remove it or target a newer release",
                       tgt, kw, mfl_fact_release(f, rel, sizeof rel), line,
                       mfl_invalid_command_text(v));
        } else if (in->kind == MFL_INSTR_DRAFT && !mfl_version_has(v, MFL_FACT_DRAFT_CREATE)) {
            mfl_report(ctx, in->keyword,
                       "ollama create fails with \"DRAFT requires --experimental\" in Ollama %s "
                       "(plain create imports a DRAFT from %s on); use `ollama create "
                       "--experimental` or target a newer release",
                       tgt, mfl_fact_release(MFL_FACT_DRAFT_CREATE, rel, sizeof rel));
        }
    }
}

const mfl_rule_t mfl_rule_instruction_not_in_target = {
    .code = "MF012",
    .name = "instruction-not-in-target",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_NONE,
    .category = "syntax",
    .summary = "An instruction the target Ollama release does not have",
    .doc =
        "## What it does\n"
        "Checks RENDERER and PARSER (instructions from Ollama 0.12.0), REQUIRES (0.14.0) "
        "and DRAFT (0.23.1) against the target release (`--ollama-version`, "
        "`ollama-version` in the config), and DRAFT against 0.23.1 to 0.24.0, where plain "
        "`ollama create` refuses it.\n\n"
        "## Why is this bad?\n"
        "An older Ollama stops at the first such line with `(line N): command must be one "
        "of ...` (listing the keywords it knows; the line counts every CR and LF, as Ollama "
        "does); Ollama 0.23.1 to 0.24.0 fail on any DRAFT with `DRAFT requires "
        "--experimental`. A Modelfile shared with users of older releases fails for them "
        "although it works on a current one.\n\n"
        "## Example\n```\n# ollama-version: 0.11.0\nFROM qwen3-coder\nRENDERER qwen3-coder\n```\n\n"
        "Use instead (or target 0.12.0 or later):\n```\nFROM qwen3-coder\n```\n",
    .check = check,
    .until = MFL_FACT_DRAFT_CREATE,
};

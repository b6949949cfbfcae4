/* SPDX-License-Identifier: MIT */
/* MF901 lowercase-keyword: keywords are conventionally uppercase. */
#include "rule.h"

#include <string.h>

static void check(mfl_ctx_t *ctx) {
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind == MFL_INSTR_UNKNOWN) continue;
        size_t n;
        const char *kw = mfl_doc_slice(ctx->doc, in->keyword, &n);
        const char *up = mfl_instr_keyword(in->kind);
        if (n == strlen(up) && memcmp(kw, up, n) == 0) continue;
        if (n != strlen(up)) continue; /* a dropped rune before it: MF009 */
        mfl_diag_t *d = mfl_report(ctx, in->keyword, "write the keyword in uppercase: %s", up);
        mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_SAFE, "Uppercase the keyword");
        mfl_fix_edit(ctx, f, in->keyword, up, n);
    }
}

const mfl_rule_t mfl_rule_lowercase_keyword = {
    .code = "MF901",
    .name = "lowercase-keyword",
    .severity = MFL_SEVERITY_HINT,
    .fixable = MFL_FIXABLE_ALWAYS,
    .default_off = true,
    .category = "style",
    .summary = "An instruction keyword not in uppercase",
    .doc =
        "## What it does\n"
        "Finds keywords written in lower or mixed case (`from`, `Parameter`). Off by default.\n\n"
        "## Why is this bad?\n"
        "Ollama accepts any case, but uppercase keywords are the convention of Ollama's "
        "documentation and of `ollama show --modelfile`, and keep files easy to scan.\n\n"
        "## Example\n```\nfrom llama3.2\nparameter temperature 0.7\n```\n\n"
        "Use instead:\n```\nFROM llama3.2\nPARAMETER temperature 0.7\n```\n",
    .check = check,
};

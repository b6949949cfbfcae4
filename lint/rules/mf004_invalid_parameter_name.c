/* SPDX-License-Identifier: MIT */
/* MF004 invalid-parameter-name: PARAMETER names are [A-Za-z0-9_]+, after
 * exactly one space. */
#include "rule.h"

/* True if s reads as `name value` (a valid name, a separator, something not
 * starting with a quote): only then does a single space after PARAMETER give
 * a line that parses as this one does. A value that starts with a quote
 * would become a quoted value, which may run on over the following lines. */
static bool reads_as_name_value(const char *s, size_t n) {
    size_t k = 0;
    while (k < n && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
                     (s[k] >= '0' && s[k] <= '9') || s[k] == '_'))
        k++;
    if (k == 0 || k >= n || (s[k] != ' ' && s[k] != '\t')) return false;
    for (k++; k < n; k++)
        if (s[k] != ' ' && s[k] != '\t') return s[k] != '"';
    return false;
}

static void check(mfl_ctx_t *ctx) {
    for (size_t i = 0; i < mfl_doc_syntax_error_count(ctx->doc); i++) {
        const mfl_syntax_error_t *e = mfl_doc_syntax_error(ctx->doc, i);
        const mfl_instr_t *in = e->instr == SIZE_MAX ? NULL : mfl_doc_instr(ctx->doc, e->instr);
        if (!in || in->kind != MFL_INSTR_PARAMETER) continue;
        if (e->kind == MFL_SYN_BAD_PARAMETER_NAME) {
            size_t n, bn;
            const char *name = mfl_doc_slice(ctx->doc, in->name, &n);
            const char *bad = mfl_doc_slice(ctx->doc, e->range, &bn);
            size_t cl = 1;
            while (cl < bn && ((unsigned char)bad[cl] & 0xC0) == 0x80) cl++;
            mfl_report(ctx, e->range,
                       "`%.*s` in parameter name `%.*s`: names are letters, digits and `_` "
                       "followed by a space (ollama create fails with \"unexpected EOF: %.*s\")",
                       (int)cl, bad, (int)n, name, (int)(e->range.start - in->name.start), name);
        } else if (e->kind == MFL_SYN_MISSING_ARGUMENT) {
            mfl_report(ctx, in->keyword,
                       "PARAMETER needs a name and a value on the same line, e.g. "
                       "`PARAMETER temperature 0.7`");
        }
    }
    /* Two spaces after PARAMETER: Ollama reads an empty name and takes the
     * real name as part of the value. */
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_PARAMETER || !in->has_sep || in->has_name || !in->has_value_sep)
            continue;
        mfl_range_t r = {in->keyword.end, in->value.start};
        mfl_diag_t *d = mfl_report(ctx, r,
                                   "more than one space after PARAMETER: Ollama reads an empty "
                                   "parameter name and the value `%s` (ollama create fails with "
                                   "\"unknown parameter ''\")",
                                   in->value_text);
        size_t vn;
        const char *v = mfl_doc_slice(ctx->doc, in->value, &vn);
        if (!reads_as_name_value(v, vn)) continue; /* the fix would give a syntax error */
        mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_SAFE, "Use a single space after PARAMETER");
        mfl_fix_edit(ctx, f, r, " ", 1);
    }
}

const mfl_rule_t mfl_rule_invalid_parameter_name = {
    .code = "MF004",
    .name = "invalid-parameter-name",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_SOMETIMES,
    .category = "syntax",
    .summary = "A PARAMETER name Ollama's parser cannot read",
    .doc = "## What it does\n"
           "Checks the shape of a PARAMETER name: exactly one space or tab after `PARAMETER`, "
           "then letters, digits and underscores, then a space.\n\n"
           "## Why is this bad?\n"
           "A `-`, `.` or `:` in a name (`top-k`, `rope_scaling:`) makes Ollama fail with "
           "`unexpected EOF: <name so far>`, without a line number. Two spaces after "
           "`PARAMETER` make Ollama read an empty name and fail with `unknown parameter ''`.\n\n"
           "## Example\n```\nFROM llama3.2\nPARAMETER top-k 40\nPARAMETER  temperature 0.7\n```\n\n"
           "Use instead:\n```\nFROM llama3.2\nPARAMETER top_k 40\nPARAMETER temperature 0.7\n```\n",
    .check = check,
};

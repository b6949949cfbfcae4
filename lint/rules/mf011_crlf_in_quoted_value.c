/* SPDX-License-Identifier: MIT */
/* MF011 crlf-in-quoted-value: CR characters kept inside multi-line values. */
#include "internal.h"

#include <string.h>

static void check(mfl_ctx_t *ctx) {
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->quote == MFL_QUOTE_NONE || !memchr(in->value_text, '\r', in->value_len)) continue;
        size_t n;
        const char *s = mfl_doc_slice(ctx->doc, in->content, &n);
        /* A lone CR is not a line break: report (and fix) only CRLF pairs. */
        bool crlf = false;
        for (size_t k = 0; k + 1 < n && !crlf; k++) crlf = s[k] == '\r' && s[k + 1] == '\n';
        if (!crlf) continue;
        mfl_diag_t *d = mfl_report(ctx, (mfl_range_t){in->value.start, in->content.start},
                                   "%s's quoted value has CRLF line breaks: Ollama keeps the CR "
                                   "characters, so the model receives \\r in its %s",
                                   mfl_instr_keyword(in->kind),
                                   in->kind == MFL_INSTR_TEMPLATE ? "prompt template" : "text");
        mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_UNSAFE, "Remove the CRs inside the value");
        for (size_t k = 0; k < n; k++) {
            /* All the CRs before a LF at once ("\r\r\n" too), so one pass converges. */
            size_t j = k;
            while (j < n && s[j] == '\r') j++;
            if (j > k && j < n && s[j] == '\n') {
                uint32_t at = in->content.start + (uint32_t)k;
                mfl_fix_edit(ctx, f, (mfl_range_t){at, at + (uint32_t)(j - k)}, "", 0);
            }
            if (j > k) k = j - 1;
        }
    }
}

const mfl_rule_t mfl_rule_crlf_in_quoted_value = {
    .code = "MF011",
    .name = "crlf-in-quoted-value",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_SOMETIMES,
    .category = "syntax",
    .summary = "A multi-line quoted value keeps CR characters",
    .doc = "## What it does\n"
           "Finds quoted multi-line values (TEMPLATE, SYSTEM, MESSAGE, LICENSE) in a file with "
           "Windows line endings.\n\n"
           "## Why is this bad?\n"
           "Ollama keeps every CR inside a quoted value, so a template saved with CRLF sends "
           "`\\r\\n` to the model where the chat format expects `\\n`. The fix removes the CRs "
           "inside the value (unsafe: it changes the value, which is the point).\n\n"
           "## Example\nA TEMPLATE \"\"\"...\"\"\" block saved with CRLF line endings.\n\n"
           "Use instead: LF line endings (at least inside quoted values).\n",
    .check = check,
};

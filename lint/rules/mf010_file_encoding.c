/* SPDX-License-Identifier: MIT */
/* MF010 file-encoding: UTF-16 files and UTF-8 byte order marks. */
#include "rule.h"

static void check(mfl_ctx_t *ctx) {
    mfl_range_t r = {0, 0};
    switch (mfl_doc_encoding(ctx->doc)) {
    case MFL_ENC_UTF16LE:
    case MFL_ENC_UTF16BE:
        mfl_report(ctx, r, "the file is UTF-16: Ollama reads it (its byte order mark says so), "
                           "but most tools and diffs do not; save it as UTF-8");
        break;
    case MFL_ENC_UTF8_BOM:
        mfl_report(ctx, r, "the file starts with a UTF-8 byte order mark; Ollama ignores it, "
                           "other tools may not");
        break;
    default:
        break;
    }
}

const mfl_rule_t mfl_rule_file_encoding = {
    .code = "MF010",
    .name = "file-encoding",
    .severity = MFL_SEVERITY_INFO,
    .fixable = MFL_FIXABLE_NONE,
    .category = "syntax",
    .summary = "The file is UTF-16 or starts with a byte order mark",
    .doc = "## What it does\n"
           "Notes a UTF-16 file (with a byte order mark) or a UTF-8 byte order mark.\n\n"
           "## Why is this bad?\n"
           "Ollama decodes both, but UTF-16 Modelfiles (often saved by Windows editors) break "
           "grep, diffs and most other tools, and UTF-16 without a byte order mark fails in "
           "Ollama with `command must be one of ...` on line 1.\n\n"
           "## Example\nA Modelfile saved as \"Unicode\" by Notepad.\n\n"
           "Use instead: save it as UTF-8.\n",
    .check = check,
};

/* SPDX-License-Identifier: MIT */
/* MF010 file-encoding: UTF-16 files and UTF-8 byte order marks. */
#include "rule.h"

static void check(mfl_ctx_t *ctx) {
    mfl_range_t r = {0, 0};
    switch (mfl_doc_encoding(ctx->doc)) {
    case MFL_ENC_UTF16LE:
    case MFL_ENC_UTF16BE:
        mfl_report(ctx, r,
                   "the file is UTF-16: Ollama reads it (its byte order mark says so), "
                   "but most tools and diffs do not; save it as UTF-8");
        break;
    case MFL_ENC_UTF8_BOM:
        mfl_report(ctx, r,
                   "the file starts with a UTF-8 byte order mark; Ollama ignores it, "
                   "other tools may not");
        break;
    default: break;
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
           "grep, diffs and most other tools. (UTF-16 without a byte order mark fails in "
           "Ollama: that is MF020, which converts it.)\n\n"
           "## Example\nA Modelfile saved as \"Unicode\" by Notepad.\n\n"
           "Use instead: save it as UTF-8.\n\n"
           "## Fix safety\n"
           "No fix. Ollama reads these files correctly, so nothing the model sees is wrong; "
           "what differs is the file's encoding, not its text. Fixes are edits of the decoded "
           "text, shared by `--fix` and the editor, and an editor keeps a file's encoding "
           "whatever the edits: a fix could not change it, and `--fix` writes each file back in "
           "the encoding it had. Re-save the file as UTF-8 (the editor's \"save with encoding\", "
           "or `iconv -f UTF-16 -t UTF-8`).\n",
    .check = check,
};

/* SPDX-License-Identifier: MIT */
/* MF021 invalid-utf8: bytes that are not UTF-8 (a Latin-1 or Windows-1252
 * file): Ollama turns each into U+FFFD. One diagnostic per file. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

static void check(mfl_ctx_t *ctx) {
    /* ASCII text is valid UTF-8. */
    if (!(mfl__doc_text_class(ctx->doc) & MFL__TEXT_NONASCII)) return;
    size_t len, ci = 0, nc = mfl_doc_comment_count(ctx->doc);
    const char *text = mfl_doc_text(ctx->doc, &len);
    size_t next_comment = nc ? mfl_doc_comment(ctx->doc, 0).start : len;
    size_t count = 0, i = 0;
    mfl_range_t first = {0, 0};
    while (i < len) {
        /* Ollama drops comments: what is in them does not matter. */
        if (i >= next_comment) {
            i = mfl_doc_comment(ctx->doc, ci).end > i ? mfl_doc_comment(ctx->doc, ci).end : i;
            ci++;
            next_comment = ci < nc ? mfl_doc_comment(ctx->doc, ci).start : len;
            continue;
        }
        size_t plain = mfl__plain_prefix(text + i, next_comment - i);
        if (plain) {
            i += plain;
            continue;
        }
        size_t at = i;
        int32_t r = mfl__utf8_next(text, len, &i);
        /* U+FFFD from a bad sequence, not a real U+FFFD (EF BF BD). */
        if (r == 0xFFFD && !(i - at == 3 && memcmp(text + at, "\xEF\xBF\xBD", 3) == 0)) {
            if (!count++) first = (mfl_range_t){(uint32_t)at, (uint32_t)i};
        }
    }
    if (!count) return;
    unsigned char b = (unsigned char)text[first.start];
    /* What the byte is in Latin-1 (U+00A0-U+00FF), as a hint. */
    char latin1[32] = "";
    if (b >= 0xA0)
        snprintf(latin1, sizeof latin1, " (`%c%c` in Latin-1)", (char)(0xC0 | b >> 6),
                 (char)(0x80 | (b & 0x3F)));
    char more[48] = "";
    if (count > 1) snprintf(more, sizeof more, " and %zu more", count - 1);
    mfl_report(ctx, first,
               "invalid UTF-8: byte 0x%02X%s%s; Ollama turns each into U+FFFD, so the model sees "
               "replacement characters: save the file as UTF-8",
               b, latin1, more);
}

const mfl_rule_t mfl_rule_invalid_utf8 = {
    .code = "MF021",
    .name = "invalid-utf8",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_NONE,
    .category = "syntax",
    .summary = "Bytes that are not UTF-8, which Ollama turns into U+FFFD",
    .doc = "## What it does\n"
           "Finds byte sequences outside comments that are not UTF-8, as in a file saved as "
           "Latin-1 or Windows-1252, and reports the first (with the count of the others).\n\n"
           "## Why is this bad?\n"
           "Ollama decodes a Modelfile as UTF-8 and turns each invalid byte into U+FFFD, the "
           "replacement character: `caf\\xE9` reaches the model as `caf\\uFFFD`, in prompts, "
           "stop strings and templates alike. Nothing is reported by `ollama create`.\n\n"
           "## Example\nA SYSTEM prompt with `café` written by an editor set to Latin-1.\n\n"
           "Use instead: the same file saved as UTF-8.\n\n"
           "## Fix safety\n"
           "No fix: the file's real encoding is a guess (Latin-1, Windows-1252 and others "
           "give different characters for the same byte), so re-encoding is left to the "
           "author's editor.\n",
    .check = check,
};

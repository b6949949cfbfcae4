/* SPDX-License-Identifier: MIT */
/* MF021 invalid-utf8: bytes that are not UTF-8 (a Latin-1 or Windows-1252
 * file): Ollama turns each into U+FFFD. One diagnostic per file. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

static void check(mfl_ctx_t *ctx) {
    /* ASCII text is valid UTF-8. */
    if (!(mfl__doc_text_class(ctx->doc) & MFL__TEXT_NONASCII)) return;
    mfl__cp_walk_t w;
    mfl__cp_walk_init(&w, ctx->doc);
    const char *text = w.text;
    size_t count = 0, at;
    int32_t r;
    mfl_range_t first = {0, 0};
    while (mfl__cp_walk_next(&w, &at, &r)) {
        /* U+FFFD from a bad sequence, not a real U+FFFD (EF BF BD). */
        if (r == 0xFFFD && !(w.i - at == 3 && memcmp(text + at, "\xEF\xBF\xBD", 3) == 0)) {
            if (!count++) first = (mfl_range_t){(uint32_t)at, (uint32_t)w.i};
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

/* SPDX-License-Identifier: MIT */
/* MF009 invisible-character: runes Ollama silently drops (zero-width spaces,
 * non-breaking spaces, bidi controls, control characters). */
#include "internal.h"

/* True if r overlaps the keyword of an unknown instruction. Runs come in
 * text order, so *k (the first instruction that may still overlap) only
 * moves forward. */
static bool in_unknown_keyword(const mfl_doc_t *doc, mfl_range_t r, size_t *k) {
    size_t n = mfl_doc_instr_count(doc);
    while (*k < n && mfl_doc_instr(doc, *k)->keyword.end <= r.start) (*k)++;
    for (size_t j = *k; j < n && mfl_doc_instr(doc, j)->keyword.start < r.end; j++)
        if (mfl_doc_instr(doc, j)->kind == MFL_INSTR_UNKNOWN) return true;
    return false;
}

static void check(mfl_ctx_t *ctx) {
    /* Plain ASCII text (printable, tab, CR, LF) has nothing to report. */
    if (mfl__doc_text_class(ctx->doc) == 0) return;
    mfl__cp_walk_t w;
    mfl__cp_walk_init(&w, ctx->doc);
    const char *text = w.text;
    size_t len = w.len, ki = 0, start;
    int32_t r;
    while (mfl__cp_walk_next(&w, &start, &r)) {
        if (r == '\t' || r == '\r' || r == '\n' || mfl__isprint(r)) continue;
        int32_t first = r;
        size_t count = 1, end = w.i;
        while (end < len) {
            size_t j = end;
            int32_t r2 = mfl__utf8_next(text, len, &j);
            if (r2 == '\t' || r2 == '\r' || r2 == '\n' || mfl__isprint(r2)) break;
            end = j;
            count++;
        }
        w.i = end;
        mfl_range_t rg = {(uint32_t)start, (uint32_t)end};
        mfl_diag_t *d;
        if (count == 1)
            d = mfl_report(ctx, rg,
                           "invisible character U+%04X: Ollama silently drops it, so "
                           "what you see is not what the model gets",
                           (unsigned)first);
        else
            d = mfl_report(ctx, rg,
                           "%zu invisible characters (first U+%04X): Ollama silently "
                           "drops them",
                           count, (unsigned)first);
        /* Where a keyword should start, Ollama does not drop the character: it
         * fails on it ("command must be one of"), so removing it changes the
         * parse. Report, but leave the line to MF002. */
        if (in_unknown_keyword(ctx->doc, rg, &ki)) continue;
        /* Between invalid UTF-8 bytes, removing the run would splice a stray
         * lead byte to stray continuation bytes and make a new character
         * (often another invisible one): no fix there. */
        if (start > 0 && (unsigned char)text[start - 1] >= 0x80 && end < len &&
            ((unsigned char)text[end] & 0xC0) == 0x80)
            continue;
        mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_SAFE, "Remove the invisible character%s",
                                    count == 1 ? "" : "s");
        mfl_fix_edit(ctx, f, rg, "", 0);
    }
}

const mfl_rule_t mfl_rule_invisible_character = {
    .code = "MF009",
    .name = "invisible-character",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_SOMETIMES, /* not in a keyword, nor between invalid bytes */
    .category = "syntax",
    .summary = "A character Ollama silently drops",
    .doc = "## What it does\n"
           "Finds characters that Go's `strconv.IsPrint` rejects (control characters, "
           "zero-width and non-breaking spaces, bidirectional controls, unassigned code "
           "points) outside comments.\n\n"
           "## Why is this bad?\n"
           "Ollama's parser drops every such character from keywords, names and values, so a "
           "zero-width joiner breaks an emoji, a non-breaking space vanishes from a stop "
           "string, and a line holding only a non-breaking space is an error. Removing them "
           "changes nothing Ollama sees, so the fix is safe. No fix is offered where a keyword "
           "should start (Ollama fails on the character there: MF002) or between invalid "
           "UTF-8 bytes (removing the run would splice them into a new character).\n\n"
           "## Example\n```\nFROM llama3.2\nPARAMETER stop \"<|end|>\\u200b\"\n```\n\n"
           "Use instead:\n```\nFROM llama3.2\nPARAMETER stop \"<|end|>\"\n```\n",
    .check = check,
};

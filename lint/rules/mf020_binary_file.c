/* SPDX-License-Identifier: MIT */
/* MF020 binary-file: a binary file, or UTF-16 without a byte order mark:
 * text Ollama cannot read. Reported once; no other rule runs on such a file
 * (mfl_lint), so a binary gives one diagnostic, not one per NUL byte. */
#include "internal.h"

#include <string.h>

/* Git's rule for binary files: a NUL byte in the first 8,000 bytes. */
#define SNIFF 8000

/* Decodes text as UTF-16 (le or be) without a byte order mark into b.
 * Returns true if it is clean UTF-16: an even length, no unpaired
 * surrogate, no NUL character. */
static bool utf16_clean(const char *text, size_t len, bool le, mfl_buf_t *b) {
    const unsigned char *s = (const unsigned char *)text;
    if (len < 2 || len % 2) return false;
    for (size_t i = 0; i + 1 < len;) {
        uint32_t u = le ? (uint32_t)(s[i] | s[i + 1] << 8) : (uint32_t)(s[i] << 8 | s[i + 1]);
        i += 2;
        if (u == 0) return false;
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 1 >= len) return false;
            uint32_t lo = le ? (uint32_t)(s[i] | s[i + 1] << 8) : (uint32_t)(s[i] << 8 | s[i + 1]);
            if (lo < 0xDC00 || lo > 0xDFFF) return false;
            u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            i += 2;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            return false;
        }
        if (b && mfl__buf_put_rune(b, (int32_t)u)) return false;
    }
    return true;
}

int mfl__doc_binary_kind(const mfl_doc_t *doc) {
    /* Text without control bytes (most files) has no NUL. */
    if (!(mfl__doc_text_class(doc) & MFL__TEXT_CONTROL)) return MFL__TEXT_IS_TEXT;
    mfl_encoding_t enc = mfl_doc_encoding(doc);
    if (enc == MFL_ENC_UTF16LE || enc == MFL_ENC_UTF16BE) return MFL__TEXT_IS_TEXT;
    size_t len;
    const char *text = mfl_doc_text(doc, &len);
    size_t w = len < SNIFF ? len : SNIFF;
    if (!memchr(text, '\0', w)) return MFL__TEXT_IS_TEXT;
    /* Ollama drops NUL bytes from values: a file it parses is text with a
     * few stray NULs (MF009), whatever git would say. */
    if (mfl_doc_syntax_error_count(doc) == 0) return MFL__TEXT_IS_TEXT;
    /* UTF-16 without a byte order mark: a first character in ASCII, and the
     * NUL bytes all on odd (little-endian) or all on even (big-endian)
     * offsets, at least one code unit in two being ASCII. */
    size_t z_even = 0, z_odd = 0;
    for (size_t i = 0; i < w; i++)
        if (!text[i]) {
            if (i % 2)
                z_odd++;
            else
                z_even++;
        }
    const unsigned char *u = (const unsigned char *)text;
    if (z_even == 0 && z_odd * 4 >= w && u[1] == 0 && u[0] >= 0x09 && u[0] < 0x7F &&
        utf16_clean(text, len, true, NULL))
        return MFL__TEXT_IS_UTF16LE;
    if (z_odd == 0 && z_even * 4 >= w && u[0] == 0 && u[1] >= 0x09 && u[1] < 0x7F &&
        utf16_clean(text, len, false, NULL))
        return MFL__TEXT_IS_UTF16BE;
    return MFL__TEXT_IS_BINARY;
}

static void check(mfl_ctx_t *ctx) {
    int kind = mfl__doc_binary_kind(ctx->doc);
    if (kind == MFL__TEXT_IS_TEXT) return;
    size_t len;
    const char *text = mfl_doc_text(ctx->doc, &len);
    mfl_range_t start = {0, 0};
    if (kind == MFL__TEXT_IS_BINARY) {
        const char *nul = memchr(text, '\0', len < SNIFF ? len : SNIFF);
        mfl_report(ctx, start,
                   "binary file (byte %zu is NUL, and Ollama cannot parse the file): "
                   "not a Modelfile",
                   (size_t)(nul - text));
        return;
    }
    bool le = kind == MFL__TEXT_IS_UTF16LE;
    mfl_diag_t *d =
        mfl_report(ctx, start,
                   "UTF-16 (%s) without a byte order mark: Ollama reads it as UTF-8 and "
                   "fails on line 1 (\"command must be one of ...\"); save it as UTF-8",
                   le ? "little-endian" : "big-endian");
    if (!d) return;
    mfl_buf_t b = {0};
    if (utf16_clean(text, len, le, &b) && mfl__buf_nul(&b) == 0) {
        /* Offered when the converted text parses better than the bytes did. */
        mfl_doc_t *after = mfl__doc_new_utf8(b.data, b.len);
        if (after && mfl_doc_syntax_error_count(after) < mfl_doc_syntax_error_count(ctx->doc)) {
            mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_SAFE, "Convert to UTF-8");
            mfl_fix_edit(ctx, f, (mfl_range_t){0, (uint32_t)len}, b.data, b.len);
        }
        mfl_doc_free(after);
    }
    mfl_free(b.data);
}

const mfl_rule_t mfl_rule_binary_file = {
    .code = "MF020",
    .name = "binary-file",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_SOMETIMES,
    .category = "syntax",
    .summary = "A binary file, or UTF-16 without a byte order mark",
    .doc = "## What it does\n"
           "Finds files that are not text Ollama can read: a file Ollama's parser rejects with "
           "a NUL byte in its first 8,000 bytes (git's rule for binary files) is binary, unless "
           "it is clean UTF-16 without a byte order mark (an ASCII first character, its NUL "
           "bytes all on odd offsets or all on even ones). Such a file gets this one diagnostic "
           "and no other rule runs on it. A file Ollama parses is text, stray NUL bytes or not "
           "(Ollama drops them from values: MF009).\n\n"
           "## Why is this bad?\n"
           "Ollama decodes a file as UTF-16 only when it starts with a byte order mark; "
           "otherwise it reads UTF-8, and the NUL bytes of UTF-16 text break the first keyword: "
           "`ollama create` fails with `command must be one of ...` on line 1. A binary file "
           "(an image, a model blob, a program) named like a Modelfile fails the same way.\n\n"
           "## Example\nA Modelfile saved as \"UTF-16 LE\" without a byte order mark by a "
           "script (`Out-File -Encoding Unicode` writes one, other tools do not).\n\n"
           "Use instead: the same text saved as UTF-8.\n\n"
           "## Fix safety\n"
           "UTF-16 without a byte order mark is converted to UTF-8: the text Ollama would have "
           "read with the mark, so the fix is safe. It is offered only when the whole file "
           "decodes as UTF-16 (an even length, no unpaired surrogate, no NUL character) and the "
           "converted text has fewer syntax errors than the bytes. A binary file has no fix.\n",
    .check = check,
};

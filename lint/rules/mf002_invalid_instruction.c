/* SPDX-License-Identifier: MIT */
/* MF002 invalid-instruction: an unknown keyword, or a keyword not followed
 * by a space and its argument on the same line. */
#include "internal.h"

#include <string.h>

const char *mfl__closest_keyword(const char *kw, size_t n, bool *unique) {
    static const char *const kws[] = {
#define MFL_INSTRUCTION(id, keyword, command, node, summary, meaning, repeats) keyword,
#include "mfl_instructions.def"
#undef MFL_INSTRUCTION
    };
    char up[32];
    if (n == 0 || n >= sizeof up) return NULL;
    for (size_t i = 0; i < n; i++)
        up[i] = (char)(kw[i] >= 'a' && kw[i] <= 'z' ? kw[i] - 32 : kw[i]);
    up[n] = '\0';
    const char *best = NULL;
    size_t bestd = 3;
    *unique = false;
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++) {
        size_t kl = strlen(kws[i]);
        /* A keyword glued to punctuation (FROM:x, FROM#x). */
        if (n > kl && strncmp(up, kws[i], kl) == 0 && !(up[kl] >= 'A' && up[kl] <= 'Z'))
            return kws[i];
        size_t d = mfl__edit_distance(up, n, kws[i], kl, 2);
        if (d < bestd) {
            bestd = d;
            best = kws[i];
            *unique = true;
        } else if (d == bestd) {
            *unique = false;
        }
    }
    return best;
}

/* "FROM, PARAMETER, ... and DRAFT", from the instruction table. */
static const char *keyword_list(void) {
    static const char list[] =
#define MFL_INSTRUCTION(id, keyword, command, node, summary, meaning, repeats) keyword ", "
#include "mfl_instructions.def"
#undef MFL_INSTRUCTION
        ;
    /* The table as "A, B, C, " has its last ", " cut and its second to last
     * turned into " and ": written once, read by every report. */
    static _Thread_local char out[sizeof list + 8];
    if (!out[0]) {
        size_t n = sizeof list - 1 - 2; /* without the last ", " */
        const char *last = list + n;
        while (last > list && last[-1] != ' ') last--;
        size_t head = (size_t)(last - list) - 2; /* up to the last ", " */
        memcpy(out, list, head);
        memcpy(out + head, " and ", 5);
        memcpy(out + head + 5, last, (size_t)(list + n - last));
        out[head + 5 + (size_t)(list + n - last)] = '\0';
    }
    return out;
}

static void check(mfl_ctx_t *ctx) {
    for (size_t i = 0; i < mfl_doc_syntax_error_count(ctx->doc); i++) {
        const mfl_syntax_error_t *e = mfl_doc_syntax_error(ctx->doc, i);
        if (e->kind != MFL_SYN_INVALID_COMMAND && e->kind != MFL_SYN_MISSING_ARGUMENT &&
            e->kind != MFL_SYN_TREE_ERROR)
            continue;
        const mfl_instr_t *in = e->instr == SIZE_MAX ? NULL : mfl_doc_instr(ctx->doc, e->instr);
        size_t n;
        const char *kw = mfl_doc_slice(ctx->doc, e->range, &n);
        if (e->kind == MFL_SYN_TREE_ERROR) {
            mfl_report(ctx, e->range, "cannot parse this text as a Modelfile instruction");
        } else if (in && in->kind == MFL_INSTR_UNKNOWN) {
            if (n == 6 && strncasecmp_ascii(kw, "prompt", 6) == 0) continue; /* MF003 */
            bool unique;
            const char *sug = mfl__closest_keyword(kw, n, &unique);
            bool printable = true;
            for (size_t k = 0; k < n; k++)
                if ((unsigned char)kw[k] < 0x20 || (unsigned char)kw[k] >= 0x7F) printable = false;
            if (!printable)
                mfl_report(ctx, e->range,
                           "invisible or non-ASCII characters where an instruction keyword "
                           "should be: Ollama reads this line as an unknown instruction%s%s",
                           sug ? "; did you mean " : "", sug ? sug : "");
            else if (sug) {
                mfl_diag_t *d = mfl_report(
                    ctx, e->range, "unknown instruction `%.*s`; did you mean %s?", (int)n, kw, sug);
                if (!unique) continue;
                /* The nearest keyword, in the case it was typed in. */
                char rep[16];
                size_t sl = strlen(sug);
                bool lower = true;
                for (size_t k = 0; k < n; k++) lower &= !(kw[k] >= 'A' && kw[k] <= 'Z');
                for (size_t k = 0; k <= sl; k++)
                    rep[k] = (char)(lower && sug[k] >= 'A' && sug[k] <= 'Z' ? sug[k] + 32 : sug[k]);
                /* Offered only when the line then parses (a fix never adds syntax errors). */
                mfl_edit_t ed = {e->range, rep};
                if (!mfl__edits_parse_as_well(ctx->doc, &ed, 1)) continue;
                mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_UNSAFE, "Replace `%.*s` with `%s`",
                                            (int)n, kw, rep);
                mfl_fix_edit(ctx, f, e->range, rep, sl);
            } else
                mfl_report(ctx, e->range,
                           "unknown instruction `%.*s`: Modelfile instructions are %s", (int)n, kw,
                           keyword_list());
        } else if (e->kind == MFL_SYN_MISSING_ARGUMENT) {
            mfl_report(ctx, e->range,
                       "`%.*s` at the end of the file has no argument: add a space and its "
                       "value (ollama create fails with \"unexpected EOF\")",
                       (int)n, kw);
        } else {
            mfl_report(ctx, e->range,
                       "`%.*s` must be followed by a space and its argument on the same line "
                       "(Ollama rejects the line: \"command must be one of ...\")",
                       (int)n, kw);
        }
    }
}

const mfl_rule_t mfl_rule_invalid_instruction = {
    .code = "MF002",
    .name = "invalid-instruction",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_SOMETIMES,
    .category = "syntax",
    .summary = "A line that is not a valid Modelfile instruction",
    .doc = "## What it does\n"
           "Finds lines Ollama's parser rejects with `command must be one of ...`: an unknown "
           "keyword (`PROMT`, `FROM:latest`), a keyword with nothing after it on its line, or "
           "a keyword at the very end of the file.\n\n"
           "## Why is this bad?\n"
           "`ollama create` stops at the first such line and reports a line number that is off "
           "by one when the error is a line break, and doubled in CRLF files. Keywords are "
           "ASCII letters followed by a space or tab; a visually blank line holding a "
           "non-breaking space counts as a keyword too.\n\n"
           "## Example\n```\nFROM llama3.2\nSYSTM You are terse.\n```\n\n"
           "Use instead:\n```\nFROM llama3.2\nSYSTEM You are terse.\n```\n\n"
           "## Fix safety\n"
           "A misspelt keyword (`SYSTM`, `FORM`) is replaced by the one instruction it is "
           "closest to (at most two letters apart). The fix is unsafe: the closest keyword is "
           "a guess, and a wrong guess turns a line Ollama rejects into one it accepts with "
           "another meaning; check the line, then apply it with `--unsafe-fixes`. There is no "
           "fix when two keywords are as close, for a keyword glued to punctuation "
           "(`FROM:latest`), for a missing argument, or when the corrected line would still "
           "not parse (a fix never adds syntax errors).\n",
    .check = check,
};

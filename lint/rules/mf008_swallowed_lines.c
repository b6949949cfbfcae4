/* SPDX-License-Identifier: MIT */
/* MF008 swallowed-lines: a quote that seemed to close on its first line but
 * did not, so the value silently swallowed the following lines. */
#include "internal.h"

#include <string.h>

/* True if c (either case) begins an instruction keyword. */
static bool is_initial(char c) {
    static const uint32_t initials = 1u << ('f' - 'a') | 1u << ('p' - 'a') | 1u << ('t' - 'a') |
                                     1u << ('s' - 'a') | 1u << ('a' - 'a') | 1u << ('l' - 'a') |
                                     1u << ('m' - 'a') | 1u << ('r' - 'a') | 1u << ('d' - 'a');
    if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
    return c >= 'a' && c <= 'z' && ((initials >> (c - 'a')) & 1);
}

static bool blank(char c) { return c == ' ' || c == '\t'; }

/* Does [s, e), the rest of a line after a lower-case keyword, read as that
 * instruction's value rather than as prose? */
static bool plausible_value(const char *kw, const char *s, const char *e) {
    while (s < e && blank(*s)) s++;
    while (e > s && (blank(e[-1]) || e[-1] == '\r')) e--;
    size_t n = (size_t)(e - s);
    if (n == 0) return false;
    bool one_word = !memchr(s, ' ', n) && !memchr(s, '\t', n);
    switch (kw[0]) {
    case 'f': /* from */
    case 'a': /* adapter */
    case 'd': /* draft */
        if (!one_word) return false;
        if (mfl__from_looks_like_path(s, n)) return true;
        if (kw[0] != 'f') return false;
        for (size_t i = 0; i < n; i++)
            if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
                  strchr("_-.:/", s[i])))
                return false;
        return memchr(s, ':', n) || memchr(s, '/', n) || memchr(s, '.', n);
    case 'p':
        if (kw[1] == 'a' && kw[2] == 'r' && kw[3] == 's') /* parser */
            return one_word;
        { /* parameter: a known name and a value */
            const char *ne = s;
            while (ne < e && !blank(*ne)) ne++;
            return ne < e &&
                   (mfl_param_find(s, (size_t)(ne - s)) || mfl_param_alias(s, (size_t)(ne - s)));
        }
    case 'm': /* message */
        return (n > 5 && strncmp(s, "user", 4) == 0 && blank(s[4])) ||
               (n > 7 && strncmp(s, "system", 6) == 0 && blank(s[6])) ||
               (n > 10 && strncmp(s, "assistant", 9) == 0 && blank(s[9]));
    case 'r':
        if (kw[2] == 'q') return n && ((s[0] >= '0' && s[0] <= '9') || s[0] == 'v') && one_word;
        return one_word; /* renderer */
    default: /* template, system, license */ return s[0] == '"';
    }
}

/* True if [s, e) (a line from its first non-blank character, which
 * is_initial accepted) reads as an instruction a missing closing quote
 * swallowed: its keyword written in capitals, or in lower case with a value
 * that fits it. Prose that starts with a keyword ("From now on, ...",
 * "System messages are ...") does not. */
static bool looks_like_instruction(const char *s, const char *e) {
    static const char *const kws[] = {"from",    "parameter", "template", "system",
                                      "adapter", "license",   "message",  "renderer",
                                      "parser",  "requires",  "draft"};
    char first = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++) {
        if (kws[i][0] != first) continue; /* most lines are prose */
        size_t n = strlen(kws[i]);
        if ((size_t)(e - s) <= n || !blank(s[n]) || strncasecmp_ascii(s, kws[i], n) != 0) continue;
        bool upper = true, lower = true;
        for (size_t k = 0; k < n; k++) {
            upper = upper && s[k] >= 'A' && s[k] <= 'Z';
            lower = lower && s[k] >= 'a' && s[k] <= 'z';
        }
        if (upper) return true;
        if (lower) return plausible_value(kws[i], s + n, e);
        return false;
    }
    return false;
}

/* True if line l (inside the value) starts with an all-capital word of two
 * or more letters that is neither a Modelfile keyword nor one misspelt
 * ("SYSTM": one letter off a keyword of four or more): "COPY", "EXPOSE",
 * "RUN", a line of another language's instructions, such as a Dockerfile
 * quoted in a SYSTEM prompt. */
static bool foreign_instruction(const char *text, const uint32_t *starts, uint32_t n_lines,
                                const mfl_doc_t *doc, uint32_t l) {
    if (l >= n_lines) return false;
    const char *s = text + starts[l], *e = text + mfl_doc_line_range(doc, l).end;
    while (s < e && blank(*s)) s++;
    const char *w = s;
    while (w < e && *w >= 'A' && *w <= 'Z') w++;
    if (w - s < 2 || w >= e || !blank(*w)) return false;
    static const char *const kws[] = {"FROM",    "PARAMETER", "TEMPLATE", "SYSTEM",
                                      "ADAPTER", "LICENSE",   "MESSAGE",  "RENDERER",
                                      "PARSER",  "REQUIRES",  "DRAFT"};
    size_t wl = (size_t)(w - s);
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++) {
        size_t kl = strlen(kws[i]);
        if (kl == wl && memcmp(kws[i], s, wl) == 0) return false;
        if (kl >= 4 && wl >= 4 && mfl__edit_distance(s, wl, kws[i], kl, 1) <= 1) return false;
    }
    return true;
}

/* `SYSTEM "You are terse." # short answers`: the quote closes, then a comment
 * that Ollama reads as text (Modelfiles have no inline comments). The fix
 * moves the comment to its own line above, so the quote ends its line. It is
 * offered when the lines the value swallowed read as well-formed
 * instructions once released (the fixed text has no more syntax errors). */
static void fix_comment(mfl_ctx_t *ctx, mfl_diag_t *d, const mfl_instr_t *in, const char *q,
                        uint32_t l0) {
    if (!d) return;
    size_t len, ql = strlen(q);
    const char *text = mfl_doc_text(ctx->doc, &len);
    mfl_range_t line = mfl_doc_line_range(ctx->doc, l0);
    const char *end = text + line.end;
    while (end > text + line.start && (end[-1] == '\n' || end[-1] == '\r')) end--;
    const char *close = NULL, *hash = NULL;
    for (const char *p = text + in->content.start; p + ql <= end; p++) {
        if (memcmp(p, q, ql) != 0) continue;
        const char *r = p + ql;
        while (r < end && (*r == ' ' || *r == '\t')) r++;
        if (r < end && *r == '#' && r > p + ql) {
            close = p + ql;
            hash = r;
            break;
        }
    }
    if (!close) return;
    const char *cend = end;
    while (cend > hash && (cend[-1] == ' ' || cend[-1] == '\t')) cend--;
    bool crlf = end < text + len && *end == '\r';
    char *ins = mfl__asprintf("%.*s%.*s%s", (int)(in->keyword.start - line.start),
                              text + line.start, (int)(cend - hash), hash, crlf ? "\r\n" : "\n");
    if (!ins) return;
    /* A fix never makes a file parse worse: released lines that do not
     * parse mean no fix (the message says what swallowed them). */
    size_t il = strlen(ins);
    mfl_edit_t eds[2] = {{{line.start, line.start}, ins},
                         {{(uint32_t)(close - text), (uint32_t)(end - text)}, (char *)""}};
    if (!mfl__edits_parse_as_well(ctx->doc, eds, 2)) {
        mfl_free(ins);
        return;
    }
    mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_SAFE, "Move the comment to its own line");
    mfl_fix_edit(ctx, f, (mfl_range_t){line.start, line.start}, ins, il);
    mfl_fix_edit(ctx, f, (mfl_range_t){(uint32_t)(close - text), (uint32_t)(end - text)}, "", 0);
    mfl_free(ins);
}

static void check(mfl_ctx_t *ctx) {
    size_t len;
    const char *text = mfl_doc_text(ctx->doc, &len);
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->quote == MFL_QUOTE_NONE) continue;
        uint32_t l0, l1, c;
        mfl_doc_position(ctx->doc, in->value.start, &l0, &c);
        mfl_doc_position(ctx->doc, in->value.end, &l1, &c);
        if (l1 == l0) continue;
        /* Did the opening line contain what looks like the closing quote? */
        mfl_range_t first = mfl_doc_line_range(ctx->doc, l0);
        const char *q = in->quote == MFL_QUOTE_TRIPLE ? "\"\"\"" : "\"";
        size_t ql = strlen(q);
        bool closed_early = false;
        const char *end = text + first.end;
        for (const char *p = text + in->content.start;
             p + ql <= end && (p = memchr(p, '"', (size_t)(end - p))) != NULL && p + ql <= end; p++)
            if (memcmp(p, q, ql) == 0) {
                closed_early = true;
                break;
            }
        /* Or does it swallow lines that read like instructions? */
        uint32_t swallowed = 0, first_swallowed = 0, n_lines;
        const uint32_t *starts = mfl__doc_line_starts(ctx->doc, &n_lines);
        for (uint32_t l = l0 + 1; l <= l1 && l < n_lines; l++) {
            /* Most lines are prose: the first letter decides before the
             * line's end is looked up. */
            const char *s = text + starts[l];
            while (*s == ' ' || *s == '\t') s++;
            if (!is_initial(*s)) continue;
            if (looks_like_instruction(s, text + mfl_doc_line_range(ctx->doc, l).end) &&
                /* next to COPY/EXPOSE/RUN lines it is quoted code, not a Modelfile line */
                !(l > l0 + 1 && foreign_instruction(text, starts, n_lines, ctx->doc, l - 1)) &&
                !(l < l1 && foreign_instruction(text, starts, n_lines, ctx->doc, l + 1))) {
                if (!swallowed) first_swallowed = l;
                swallowed++;
            }
        }
        if (!closed_early && !swallowed) continue;
        mfl_range_t open = {in->value.start, in->content.start};
        mfl_diag_t *d;
        if (closed_early)
            d = mfl_report(ctx, open,
                           "this quote does not close on line %u: a closing %s counts only as "
                           "the last character of its line, so %s swallows lines %u-%u%s",
                           l0 + 1, q, mfl_instr_keyword(in->kind), l0 + 2, l1 + 1,
                           swallowed ? ", including what look like instructions" : "");
        else
            d = mfl_report(ctx, open,
                           "%s's quoted value swallows %u line%s that look%s like instructions "
                           "(from line %u); they are text inside the value, not instructions",
                           mfl_instr_keyword(in->kind), swallowed, swallowed == 1 ? "" : "s",
                           swallowed == 1 ? "s" : "", first_swallowed + 1);
        if (in->terminated)
            mfl_diag_related(ctx, d, (mfl_range_t){in->content.end, in->value.end},
                             "the value ends here");
        if (closed_early) fix_comment(ctx, d, in, q, l0);
    }
    (void)len;
}

const mfl_rule_t mfl_rule_swallowed_lines = {
    .code = "MF008",
    .name = "swallowed-lines",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_SOMETIMES,
    .category = "syntax",
    .summary = "A quoted value silently swallows the following lines",
    .doc =
        "## What it does\n"
        "Finds quoted values that span several lines although their first line seems to "
        "close them (`SYSTEM \"hi\" there`), or that contain lines reading like instructions. "
        "Lines that read as prose (\"From now on, ...\", \"System messages ...\") and lines "
        "among another language's instructions (a Dockerfile's `FROM` next to `COPY`, "
        "`EXPOSE` or `RUN`, quoted in a SYSTEM prompt as Ollama's own dockerit example does) "
        "are text, not swallowed instructions.\n\n"
        "## Why is this bad?\n"
        "Ollama closes a quote only when it is the last non-blank character of a line. "
        "`SYSTEM \"\"\"abc\"\"\" x` does not close, and everything up to the next line ending in "
        "`\"\"\"` becomes part of the system prompt: the PARAMETER lines in between are "
        "silently lost. No error is reported.\n\n"
        "## Example\n```\nFROM llama3.2\nSYSTEM \"You are terse.\" # short answers\n"
        "PARAMETER temperature 0.2\nTEMPLATE \"{{ .Prompt }}\"\n```\n\n"
        "Use instead:\n```\nFROM llama3.2\n# short answers\nSYSTEM \"You are terse.\"\n"
        "PARAMETER temperature 0.2\nTEMPLATE \"{{ .Prompt }}\"\n```\n\n"
        "## Fix safety\n"
        "When the closing quote is followed only by a `# comment`, the fix moves the comment "
        "to its own line above the instruction, so the quote closes where it seems to. That "
        "releases the swallowed lines, which is what the author meant: the fix is safe, and "
        "offered only when they then read as instructions without new syntax errors (when "
        "they would not, fix them or move the comment by hand). "
        "Other shapes (text after the closing quote, or instructions inside a value that "
        "never seemed to close) have no fix: only the author knows where the value ends.\n",
    .check = check,
};

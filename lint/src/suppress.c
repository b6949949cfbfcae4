/* SPDX-License-Identifier: MIT */
/* Where an offset is (mfl_doc_instr_at) and the edit that suppresses a rule
 * on one instruction (mfl_suppress_edit), for the language server's quick
 * fix. The comment it writes is read by parse_suppressions (suppressions.c): a
 * comment "# modelfile-lint: ignore=CODE[,CODE...]" applies to the first
 * instruction after it; tests/unit/test_format.c applies the edit and
 * checks that the diagnostic is gone. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

size_t mfl_doc_instr_at(const mfl_doc_t *doc, uint32_t off) {
    size_t lo = 0, hi = mfl_doc_instr_count(doc);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (mfl_doc_instr(doc, mid)->range.end < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < mfl_doc_instr_count(doc)) {
        const mfl_instr_t *in = mfl_doc_instr(doc, lo);
        if (in->range.start <= off && off <= in->range.end) return lo;
    }
    return SIZE_MAX;
}

static bool blank(char c) { return c == ' ' || c == '\t'; }

/* The comment that starts on line `line` as the line's first non-blank, or
 * an empty range. */
static mfl_range_t comment_on_line(const mfl_doc_t *doc, uint32_t line) {
    size_t len;
    const char *text = mfl_doc_text(doc, &len);
    mfl_range_t lr = mfl_doc_line_range(doc, line);
    uint32_t p = lr.start;
    while (p < lr.end && blank(text[p])) p++;
    for (size_t i = 0; i < mfl_doc_comment_count(doc); i++) {
        mfl_range_t c = mfl_doc_comment(doc, i);
        if (c.start == p && p < lr.end) return c;
        if (c.start > p) break;
    }
    return (mfl_range_t){0, 0};
}

int mfl_suppress_edit(const mfl_doc_t *doc, size_t instr, const char *code, mfl_edit_t *out) {
    if (!doc || !code || !out || instr >= mfl_doc_instr_count(doc)) return MFL_EINVAL;
    size_t cl = strlen(code);
    if (cl == 0 || cl > 15 || strpbrk(code, ", \t\r\n#")) return MFL_EINVAL;
    size_t len;
    const char *text = mfl_doc_text(doc, &len);
    const mfl_instr_t *in = mfl_doc_instr(doc, instr);
    mfl_range_t line = mfl_doc_line_range(doc, in->line);
    char buf[160];
    if (in->line > 0) {
        /* A suppression comment on the line above applies to this
         * instruction (not a global one: that would widen it). */
        mfl_range_t c = comment_on_line(doc, in->line - 1);
        const char *p = text + c.start + 1, *e = text + c.end;
        static const char pre[] = "modelfile-lint:";
        while (c.end > c.start && p < e && blank(*p)) p++;
        if (c.end > c.start && (size_t)(e - p) >= sizeof pre - 1 &&
            memcmp(p, pre, sizeof pre - 1) == 0) {
            p += sizeof pre - 1;
            while (p < e && blank(*p)) p++;
            if (e - p >= 7 && memcmp(p, "ignore=", 7) == 0) {
                p += 7;
                const char *ce = p;
                while (ce < e && !blank(*ce)) ce++;
                for (const char *t = p; t < ce;) {
                    const char *te = t;
                    while (te < ce && *te != ',') te++;
                    if ((size_t)(te - t) == cl && strncasecmp_ascii(t, code, cl) == 0) return 1;
                    t = te < ce ? te + 1 : te;
                }
                int n = snprintf(buf, sizeof buf, "%s%s", ce > p && ce[-1] != ',' ? "," : "", code);
                out->text = mfl_strndup(buf, (size_t)n);
                if (!out->text) return MFL_ENOMEM;
                out->range = (mfl_range_t){(uint32_t)(ce - text), (uint32_t)(ce - text)};
                return 0;
            }
        }
    }
    size_t indent = 0;
    while (line.start + indent < line.end && indent < 64 && blank(text[line.start + indent]))
        indent++;
    const char *eol = line.end < len && text[line.end] == '\r' ? "\r\n" : "\n";
    int n = snprintf(buf, sizeof buf, "%.*s# modelfile-lint: ignore=%s%s", (int)indent,
                     text + line.start, code, eol);
    if (n < 0 || (size_t)n >= sizeof buf) return MFL_EINVAL;
    out->text = mfl_strndup(buf, (size_t)n);
    if (!out->text) return MFL_ENOMEM;
    out->range = (mfl_range_t){line.start, line.start};
    return 0;
}

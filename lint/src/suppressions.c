/* SPDX-License-Identifier: MIT */
/* Suppression comments: `# modelfile-lint: [global] ignore=MF101,MF104`,
 * parsed once a run, and the question whether a diagnostic of the running
 * rule at a range is suppressed (marking the comment used). MF902 and MF903
 * are reported by the driver from what this records. */
#include "internal.h"
#include "lint_state.h"

#include <stdint.h>
#include <string.h>

static const char supp_prefix[] = "modelfile-lint:";

int mfl__supp_parse(const mfl_doc_t *doc, struct mfl_lint_state *st) {
    size_t cap = 0;
    size_t ci = 0, ii = 0, n_instr = mfl_doc_instr_count(doc);
    for (ci = 0; ci < mfl_doc_comment_count(doc); ci++) {
        mfl_range_t cr = mfl_doc_comment(doc, ci);
        size_t len;
        const char *text = mfl_doc_text(doc, &len);
        const char *p = text + cr.start + 1, *end = text + cr.end;
        while (p < end && (*p == ' ' || *p == '\t')) p++;
        if ((size_t)(end - p) < sizeof supp_prefix - 1 ||
            memcmp(p, supp_prefix, sizeof supp_prefix - 1) != 0)
            continue;
        p += sizeof supp_prefix - 1;
        while (p < end && (*p == ' ' || *p == '\t')) p++;
        bool global = false;
        if (end - p >= 6 && memcmp(p, "global", 6) == 0) {
            global = true;
            p += 6;
            while (p < end && (*p == ' ' || *p == '\t')) p++;
        }
        if (end - p < 7 || memcmp(p, "ignore=", 7) != 0) continue;
        p += 7;
        while (ii < n_instr && mfl_doc_instr(doc, ii)->keyword.start < cr.end) ii++;
        while (p < end && *p != ' ' && *p != '\t') {
            const char *e = p;
            while (e < end && *e != ',' && *e != ' ' && *e != '\t') e++;
            if (e > p) {
                if (st->n_supps == cap) {
                    cap = cap ? cap * 2 : 8;
                    supp_t *ns = mfl_realloc(st->supps, cap * sizeof *ns);
                    if (!ns) return MFL_ENOMEM;
                    st->supps = ns;
                }
                char code[32];
                size_t n = (size_t)(e - p) < sizeof code - 1 ? (size_t)(e - p) : sizeof code - 1;
                memcpy(code, p, n);
                code[n] = '\0';
                supp_t *s = &st->supps[st->n_supps++];
                s->range.start = (uint32_t)(p - text);
                s->range.end = (uint32_t)(e - text);
                s->rule = mfl_rule_find(code);
                s->global = global;
                s->instr = global || ii >= n_instr ? SIZE_MAX : ii;
                s->used = false;
            }
            p = e < end && *e == ',' ? e + 1 : e;
        }
    }
    return 0;
}

bool mfl__supp_match(mfl_ctx_t *ctx, mfl_range_t r) {
    struct mfl_lint_state *st = ctx->st;
    size_t in = SIZE_MAX;
    bool looked = false;
    bool hit = false;
    for (size_t i = 0; i < st->n_supps; i++) {
        supp_t *s = &st->supps[i];
        if (s->rule != ctx->rule) continue;
        if (!s->global) {
            if (!looked) {
                in = mfl_doc_instr_at(ctx->doc, r.start);
                looked = true;
            }
            if (s->instr == SIZE_MAX || s->instr != in) continue;
        }
        s->used = true;
        hit = true;
    }
    return hit;
}

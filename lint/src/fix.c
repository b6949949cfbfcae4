/* SPDX-License-Identifier: MIT */
/* Applying fixes: one pass of non-overlapping edits (mfl_fix_apply), and the
 * fix-until-nothing-changes loop (mfl_fix_all) that both the CLI's --fix and
 * the language server's "fix all" use, so they cannot disagree. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static int cmp_fix(const void *a, const void *b) {
    const mfl_fix_t *x = *(const mfl_fix_t *const *)a, *y = *(const mfl_fix_t *const *)b;
    uint32_t xs = x->n_edits ? x->edits[0].range.start : 0;
    uint32_t ys = y->n_edits ? y->edits[0].range.start : 0;
    return xs < ys ? -1 : xs > ys;
}

int mfl_fix_apply(const char *text, size_t len, const mfl_fix_t *const *fixes, size_t n,
                  char **out, size_t *out_len) {
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < fixes[i]->n_edits; k++) {
            mfl_range_t r = fixes[i]->edits[k].range;
            if (r.start > r.end || r.end > len) return MFL_EINVAL;
            if (k && r.start < fixes[i]->edits[k - 1].range.end) return MFL_EINVAL;
        }
    const mfl_fix_t **sorted = mfl_malloc((n ? n : 1) * sizeof *sorted);
    if (!sorted) return MFL_ENOMEM;
    memcpy(sorted, fixes, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, cmp_fix);

    mfl_buf_t b = {0};
    int rc = mfl__buf_nul(&b), applied = 0;
    /* Everything before `pos` is written. A fix starting at or before the end
     * of the previous one is left for the next pass, so that two fixes never
     * fight over one spot. */
    size_t pos = 0;
    bool any = false;
    uint32_t last_end = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        const mfl_fix_t *f = sorted[i];
        if (!f->n_edits) continue;
        if (any && f->edits[0].range.start <= last_end) continue;
        for (size_t k = 0; k < f->n_edits && rc == 0; k++) {
            const mfl_edit_t *e = &f->edits[k];
            rc = mfl__buf_put(&b, text + pos, e->range.start - pos);
            if (rc == 0) rc = mfl__buf_put(&b, e->text, strlen(e->text));
            pos = e->range.end;
        }
        last_end = f->edits[f->n_edits - 1].range.end;
        any = true;
        applied++;
    }
    if (rc == 0) rc = mfl__buf_put(&b, text + pos, len - pos);
    mfl_free(sorted);
    if (rc) {
        mfl_free(b.data);
        return rc;
    }
    *out = b.data;
    *out_len = b.len;
    return applied;
}

static bool wanted(const mfl_diag_t *d, const mfl_fix_opts_t *fo) {
    if (!d->fix || !d->fix->n_edits) return false;
    if (d->severity == MFL_SEVERITY_OFF) return false;
    if (d->fix->applicability == MFL_FIX_UNSAFE && !(fo && fo->unsafe)) return false;
    if (fo && fo->only_code && strcmp(fo->only_code, d->rule->code) != 0) return false;
    return true;
}

int mfl_fix_all(const char *text, size_t len, const mfl_lint_opts_t *opts,
                const mfl_fix_opts_t *fo, char **out, size_t *out_len, mfl_fix_report_t *rep) {
    size_t max = fo && fo->max_passes ? fo->max_passes : 10;
    mfl_fix_report_t local;
    if (!rep) rep = &local;
    memset(rep, 0, sizeof *rep);
    char *cur = mfl_strndup(text, len);
    size_t cur_len = len;
    if (!cur) return MFL_ENOMEM;
    int rc = 0;
    for (;;) {
        mfl_doc_t *doc = mfl__doc_new_utf8(cur, cur_len);
        mfl_result_t *res = NULL;
        if (!doc || mfl_lint(doc, opts, &res)) {
            mfl_doc_free(doc);
            rc = MFL_ENOMEM;
            break;
        }
        const mfl_fix_t **fixes = mfl_malloc((res->n_diags ? res->n_diags : 1) * sizeof *fixes);
        size_t nf = 0;
        if (!fixes) rc = MFL_ENOMEM;
        for (size_t i = 0; fixes && i < res->n_diags; i++)
            if (wanted(&res->diags[i], fo)) fixes[nf++] = res->diags[i].fix;
        if (rc == 0 && nf > 0 && rep->passes == max) {
            /* Still fixing after the last pass: name the rules. */
            rep->rules[0] = '\0';
            for (size_t i = 0; i < res->n_diags; i++) {
                if (!wanted(&res->diags[i], fo)) continue;
                const char *code = res->diags[i].rule->code;
                if (strstr(rep->rules, code)) continue;
                size_t l = strlen(rep->rules);
                if (l + strlen(code) + 2 < sizeof rep->rules) {
                    if (l) strcat(rep->rules, ",");
                    strcat(rep->rules, code);
                }
            }
            rc = MFL_ENOCONVERGE;
        } else if (rc == 0 && nf > 0) {
            char *next;
            size_t next_len;
            int n = mfl_fix_apply(cur, cur_len, fixes, nf, &next, &next_len);
            if (n < 0) {
                rc = n;
            } else {
                mfl_free(cur);
                cur = next;
                cur_len = next_len;
                rep->applied += (size_t)n;
                rep->passes++;
            }
        }
        mfl_free(fixes);
        mfl_result_free(res);
        mfl_doc_free(doc);
        if (rc || nf == 0) break;
    }
    if (rc && rc != MFL_ENOCONVERGE) {
        mfl_free(cur);
        return rc;
    }
    *out = cur;
    *out_len = cur_len;
    return rc;
}

/* SPDX-License-Identifier: MIT */
/* Applying fixes: one pass of non-overlapping edits (mfl_fix_apply), and the
 * fix-until-nothing-changes loop (mfl_fix_all) that both the CLI's --fix and
 * the language server's "fix all" use, so they cannot disagree. */
#include "internal.h"

#include <assert.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_fix(const void *a, const void *b) {
    const mfl_fix_t *x = *(const mfl_fix_t *const *)a, *y = *(const mfl_fix_t *const *)b;
    uint32_t xs = x->n_edits ? x->edits[0].range.start : 0;
    uint32_t ys = y->n_edits ? y->edits[0].range.start : 0;
    return xs < ys ? -1 : xs > ys;
}

int mfl_fix_apply(const char *text, size_t len, const mfl_fix_t *const *fixes, size_t n, char **out,
                  size_t *out_len) {
    assert((text || !len) && (fixes || !n) && out && out_len);
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

bool mfl__edits_parse_as_well(const mfl_doc_t *doc, const mfl_edit_t *edits, size_t n) {
    size_t len;
    const char *text = mfl_doc_text(doc, &len);
    mfl_fix_t one = {NULL, MFL_FIX_SAFE, n, (mfl_edit_t *)edits};
    const mfl_fix_t *fixes[1] = {&one};
    char *t;
    size_t tl;
    if (mfl_fix_apply(text, len, fixes, 1, &t, &tl) < 0) return false;
    mfl_doc_t *after = mfl__doc_new_utf8(t, tl);
    bool ok = after && mfl_doc_syntax_error_count(after) <= mfl_doc_syntax_error_count(doc);
    mfl_doc_free(after);
    mfl_free(t);
    return ok;
}

static bool wanted(const mfl_diag_t *d, const mfl_fix_opts_t *fo) {
    if (!d->fix || !d->fix->n_edits) return false;
    if (d->severity == MFL_SEVERITY_OFF) return false;
    if (d->fix->applicability == MFL_FIX_UNSAFE && !(fo && fo->unsafe)) return false;
    if (fo && fo->only_code && strcmp(fo->only_code, d->rule->code) != 0) return false;
    return true;
}

/* Errors of a linted text: diagnostics at error severity, and syntax errors
 * (counted apart, so that a rule switched off cannot hide one). */
static size_t count_errors(const mfl_result_t *res) {
    size_t n = 0;
    for (size_t i = 0; i < res->n_diags; i++) n += res->diags[i].severity == MFL_SEVERITY_ERROR;
    return n;
}

static void add_code(char *buf, size_t bufsize, const char *code) {
    if (strstr(buf, code)) return;
    size_t l = strlen(buf);
    if (l + strlen(code) + 2 < bufsize) {
        if (l) strcat(buf, ",");
        strcat(buf, code);
    }
}

typedef struct {
    char *text;
    size_t len;
    mfl_doc_t *doc;
    mfl_result_t *res;
} pass_t;

static void pass_free(pass_t *p) {
    mfl_result_free(p->res);
    mfl_doc_free(p->doc);
    mfl_free(p->text);
    memset(p, 0, sizeof *p);
}

static int pass_lint(pass_t *p, const mfl_lint_opts_t *opts) {
    p->doc = mfl__doc_new_utf8(p->text, p->len);
    if (!p->doc || mfl_lint(p->doc, opts, &p->res)) return MFL_ENOMEM;
    return 0;
}

/* The fixes of res to apply: wanted, not of an excluded rule (codes in
 * excl, comma-separated), and of rule `only` when it is not NULL. */
static size_t collect(const mfl_result_t *res, const mfl_fix_opts_t *fo, const char *excl,
                      const char *only, const mfl_fix_t **fixes) {
    size_t nf = 0;
    for (size_t i = 0; i < res->n_diags; i++) {
        const mfl_diag_t *d = &res->diags[i];
        if (!wanted(d, fo) || (excl[0] && strstr(excl, d->rule->code)) ||
            (only && strcmp(only, d->rule->code) != 0))
            continue;
        fixes[nf++] = d->fix;
    }
    return nf;
}

/* Applies fixes to cur into *next and lints it. 1: the result has no more
 * errors nor syntax errors than the input (base_*), 0: it has, negative:
 * MFL_E*. *next is filled either way (pass_free it). */
static int try_pass(const pass_t *cur, const mfl_fix_t **fixes, size_t nf,
                    const mfl_lint_opts_t *opts, size_t base_err, size_t base_syn, pass_t *next,
                    int *applied, size_t *errors) {
    memset(next, 0, sizeof *next);
    int n = mfl_fix_apply(cur->text, cur->len, fixes, nf, &next->text, &next->len);
    if (n < 0) return n;
    *applied = n;
    if (pass_lint(next, opts)) return MFL_ENOMEM;
    size_t err = count_errors(next->res), syn = mfl_doc_syntax_error_count(next->doc);
    *errors = err + (syn > base_syn ? syn - base_syn : 0);
    return err <= base_err && syn <= base_syn;
}

int mfl_fix_all(const char *text, size_t len, const mfl_lint_opts_t *opts, const mfl_fix_opts_t *fo,
                char **out, size_t *out_len, mfl_fix_report_t *rep) {
    assert((text || !len) && opts && out && out_len);
    size_t max = fo && fo->max_passes ? fo->max_passes : 10;
    mfl_fix_report_t local;
    if (!rep) rep = &local;
    memset(rep, 0, sizeof *rep);
    pass_t cur = {0};
    cur.text = mfl_strndup(text, len);
    cur.len = len;
    if (!cur.text) return MFL_ENOMEM;
    int rc = pass_lint(&cur, opts);
    size_t base_err = rc ? 0 : count_errors(cur.res);
    size_t base_syn = rc ? 0 : mfl_doc_syntax_error_count(cur.doc);
    rep->errors_before = base_err;
    /* Rules whose fixes were refused; their fixes are not tried again. */
    char *excl = rep->stop_rules;
    while (rc == 0) {
        const mfl_result_t *res = cur.res;
        const mfl_fix_t **fixes = mfl_malloc((res->n_diags ? res->n_diags : 1) * sizeof *fixes);
        if (!fixes) {
            rc = MFL_ENOMEM;
            break;
        }
        size_t nf = collect(res, fo, excl, NULL, fixes);
        if (nf == 0) {
            mfl_free(fixes);
            break;
        }
        if (rep->passes == max) {
            /* Still fixing after the last pass: name the rules. */
            rep->rules[0] = '\0';
            for (size_t i = 0; i < res->n_diags; i++)
                if (wanted(&res->diags[i], fo) &&
                    !(excl[0] && strstr(excl, res->diags[i].rule->code)))
                    add_code(rep->rules, sizeof rep->rules, res->diags[i].rule->code);
            mfl_free(fixes);
            rc = MFL_ENOCONVERGE;
            break;
        }
        pass_t next;
        int n = 0;
        size_t errs = 0;
        int ok = try_pass(&cur, fixes, nf, opts, base_err, base_syn, &next, &n, &errs);
        if (ok == 0) {
            /* This pass would leave the file worse than it was. Find the
             * rules whose fixes do that on their own, keep the others'
             * fixes if together they still do not, and refuse the rest. */
            rep->stopped = true;
            if (errs > rep->errors_rejected) rep->errors_rejected = errs;
            pass_free(&next);
            char bad[sizeof rep->stop_rules] = "";
            for (size_t i = 0; i < res->n_diags && ok >= 0; i++) {
                const char *code = res->diags[i].rule->code;
                if (!wanted(&res->diags[i], fo) || strstr(bad, code) ||
                    (excl[0] && strstr(excl, code)))
                    continue;
                const mfl_fix_t **one = mfl_malloc(res->n_diags * sizeof *one);
                if (!one) {
                    ok = MFL_ENOMEM;
                    break;
                }
                size_t no = collect(res, fo, excl, code, one);
                pass_t t;
                int tn;
                size_t te = 0;
                int tok = try_pass(&cur, one, no, opts, base_err, base_syn, &t, &tn, &te);
                pass_free(&t);
                mfl_free(one);
                if (tok < 0)
                    ok = tok;
                else if (tok == 0)
                    add_code(bad, sizeof bad, code);
            }
            if (ok < 0) {
                mfl_free(fixes);
                rc = ok;
                break;
            }
            if (!bad[0]) {
                /* Only together do they add errors: refuse them all. */
                for (size_t i = 0; i < nf; i++)
                    for (size_t k = 0; k < res->n_diags; k++)
                        if (res->diags[k].fix == fixes[i])
                            add_code(bad, sizeof bad, res->diags[k].rule->code);
            }
            for (const char *p = bad; *p;) {
                const char *e = strchr(p, ',');
                char code[16];
                size_t l = e ? (size_t)(e - p) : strlen(p);
                snprintf(code, sizeof code, "%.*s", (int)(l < 15 ? l : 15), p);
                add_code(excl, sizeof rep->stop_rules, code);
                p = e ? e + 1 : p + l;
            }
            nf = collect(res, fo, excl, NULL, fixes);
            if (nf == 0) {
                mfl_free(fixes);
                break;
            }
            ok = try_pass(&cur, fixes, nf, opts, base_err, base_syn, &next, &n, &errs);
            if (ok <= 0) {
                pass_free(&next);
                mfl_free(fixes);
                if (ok < 0) rc = ok;
                break;
            }
        } else if (ok < 0) {
            pass_free(&next);
            mfl_free(fixes);
            rc = ok;
            break;
        }
        mfl_free(fixes);
        pass_free(&cur);
        cur = next;
        rep->applied += (size_t)n;
        rep->passes++;
    }
    if (rc && rc != MFL_ENOCONVERGE) {
        pass_free(&cur);
        return rc;
    }
    rep->errors_after = cur.res ? count_errors(cur.res) : 0;
    *out = cur.text;
    *out_len = cur.len;
    cur.text = NULL;
    pass_free(&cur);
    return rc;
}

/* SPDX-License-Identifier: MIT */
/* Reporting: the diagnostics a run collects (mfl_report and the fix and
 * related-information helpers of rule.h), their order, and freeing a
 * result. */
#include "internal.h"
#include "lint_state.h"

#include <stdlib.h>
#include <string.h>

static void diag_cleanup(mfl_diag_t *d) {
    mfl_free(d->message);
    if (d->fix) {
        for (size_t k = 0; k < d->fix->n_edits; k++) mfl_free(d->fix->edits[k].text);
        mfl_free(d->fix->edits);
        mfl_free(d->fix->title);
        mfl_free(d->fix);
    }
    for (size_t k = 0; k < d->n_related; k++) mfl_free(d->related[k].message);
    mfl_free(d->related);
}

void mfl_result_free(mfl_result_t *res) {
    if (!res) return;
    for (size_t i = 0; i < res->n_diags; i++) diag_cleanup(&res->diags[i]);
    mfl_free(res->diags);
    mfl_free(res);
}

static mfl_diag_t *report_v(mfl_ctx_t *ctx, mfl_range_t range, const char *fmt, va_list ap)
    MFL_PRINTF(3, 0);
static mfl_diag_t *report_v(mfl_ctx_t *ctx, mfl_range_t range, const char *fmt, va_list ap) {
    struct mfl_lint_state *st = ctx->st;
    if (st->oom) return NULL;
    if (mfl__supp_match(ctx, range)) return NULL;
    mfl_result_t *res = st->res;
    if (res->n_diags == st->cap) {
        size_t ncap = st->cap ? st->cap * 2 : 16;
        mfl_diag_t *nd = mfl_realloc(res->diags, ncap * sizeof *nd);
        if (!nd) {
            st->oom = true;
            return NULL;
        }
        res->diags = nd;
        st->cap = ncap;
    }
    char *msg = mfl__vasprintf(fmt, ap);
    if (!msg) {
        st->oom = true;
        return NULL;
    }
    mfl_diag_t *d = &res->diags[res->n_diags++];
    memset(d, 0, sizeof *d);
    d->rule = ctx->rule;
    d->severity = mfl_config_severity(ctx->opts->config, ctx->rule);
    d->range = range;
    d->message = msg;
    return d;
}

mfl_diag_t *mfl_report(mfl_ctx_t *ctx, mfl_range_t range, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    mfl_diag_t *d = report_v(ctx, range, fmt, ap);
    va_end(ap);
    return d;
}

mfl_fix_t *mfl_diag_fix(mfl_ctx_t *ctx, mfl_diag_t *d, mfl_applicability_t app, const char *fmt,
                        ...) {
    if (!d || d->fix) return d ? d->fix : NULL;
    mfl_fix_t *f = mfl_calloc(1, sizeof *f);
    va_list ap;
    va_start(ap, fmt);
    char *title = f ? mfl__vasprintf(fmt, ap) : NULL;
    va_end(ap);
    if (!f || !title) {
        mfl_free(f);
        mfl_free(title);
        ctx->st->oom = true;
        return NULL;
    }
    f->title = title;
    f->applicability = app;
    d->fix = f;
    return f;
}

int mfl_fix_edit(mfl_ctx_t *ctx, mfl_fix_t *f, mfl_range_t r, const char *text, size_t len) {
    if (!f) return 0;
    mfl_edit_t *ne = mfl_realloc(f->edits, (f->n_edits + 1) * sizeof *ne);
    char *t = mfl_strndup(text ? text : "", text ? len : 0);
    if (!ne || !t) {
        if (ne) f->edits = ne;
        mfl_free(t);
        ctx->st->oom = true;
        return MFL_ENOMEM;
    }
    f->edits = ne;
    size_t i = f->n_edits;
    while (i > 0 && f->edits[i - 1].range.start > r.start) {
        f->edits[i] = f->edits[i - 1];
        i--;
    }
    f->edits[i].range = r;
    f->edits[i].text = t;
    f->n_edits++;
    return 0;
}

void mfl_diag_related(mfl_ctx_t *ctx, mfl_diag_t *d, mfl_range_t r, const char *fmt, ...) {
    if (!d) return;
    mfl_related_t *nr = mfl_realloc(d->related, (d->n_related + 1) * sizeof *nr);
    va_list ap;
    va_start(ap, fmt);
    char *msg = nr ? mfl__vasprintf(fmt, ap) : NULL;
    va_end(ap);
    if (nr) d->related = nr;
    if (!msg) {
        ctx->st->oom = true;
        return;
    }
    d->related[d->n_related].range = r;
    d->related[d->n_related].message = msg;
    d->n_related++;
}

static int cmp_diag(const void *a, const void *b) {
    const mfl_diag_t *x = a, *y = b;
    if (x->range.start != y->range.start) return x->range.start < y->range.start ? -1 : 1;
    int c = strcmp(x->rule->code, y->rule->code);
    if (c) return c;
    if (x->range.end != y->range.end) return x->range.end < y->range.end ? -1 : 1;
    return strcmp(x->message, y->message);
}

void mfl__result_sort(mfl_result_t *res) {
    if (res->n_diags > 1) qsort(res->diags, res->n_diags, sizeof *res->diags, cmp_diag);
}

/* SPDX-License-Identifier: MIT */
/* The lint driver (mfl_lint): runs every enabled rule of the registry over a
 * document, then the meta rules about suppression comments, and sorts the
 * diagnostics. The registry is registry.c, severities rule_config.c,
 * suppression comments suppressions.c, the diagnostics report.c, what rules
 * ask of the run context.c and the run's env env_memo.c (lint_state.h). */
#include "internal.h"
#include "lint_state.h"

#include <string.h>

/* The meta rules about suppression comments are reported by the driver, after
 * every other rule ran, because they depend on what the others reported. */
static void report_suppressions(mfl_ctx_t *ctx, const mfl_rule_t *unknown,
                                const mfl_rule_t *unused) {
    struct mfl_lint_state *st = ctx->st;
    /* Unknown codes first: their reports may use a suppression of MF902. */
    for (size_t i = 0; i < st->n_supps; i++) {
        supp_t *s = &st->supps[i];
        size_t n;
        const char *code = mfl_doc_slice(ctx->doc, s->range, &n);
        if (!s->rule && mfl_config_severity(ctx->opts->config, unknown) != MFL_SEVERITY_OFF) {
            ctx->rule = unknown;
            mfl_report(ctx, s->range, "unknown rule `%.*s` in a suppression comment", (int)n, code);
        }
    }
    for (size_t i = 0; i < st->n_supps; i++) {
        supp_t *s = &st->supps[i];
        if (s->rule && !s->used &&
            mfl_config_severity(ctx->opts->config, s->rule) != MFL_SEVERITY_OFF &&
            mfl_rule_applies(s->rule, mfl_ctx_version(ctx)) &&
            mfl_config_severity(ctx->opts->config, unused) != MFL_SEVERITY_OFF) {
            ctx->rule = unused;
            mfl_report(ctx, s->range, "unused suppression: %s (%s) reports nothing %s",
                       s->rule->code, s->rule->name,
                       s->global ? "in this file" : "on the next instruction");
        }
    }
}

int mfl_lint(const mfl_doc_t *doc, const mfl_lint_opts_t *opts, mfl_result_t **out) {
    static const mfl_lint_opts_t defaults;
    if (!opts) opts = &defaults;
    *out = NULL;
    mfl_result_t *res = mfl_calloc(1, sizeof *res);
    if (!res) return MFL_ENOMEM;
    struct mfl_lint_state st;
    memset(&st, 0, sizeof st);
    st.res = res;
    mfl_lint_opts_t run_opts = *opts;
    mfl_env_t env;
    if (opts->env) {
        env = mfl__env_memo(&st, opts->env);
        run_opts.env = &env;
    }
    mfl_ctx_t ctx = {doc, &run_opts, NULL, &st};
    if (mfl__supp_parse(doc, &st)) st.oom = true;

    const mfl_version_t target = mfl_config_ollama_version(opts->config);
    const mfl_rule_t *unknown = &mfl_rule_unknown_suppression;
    const mfl_rule_t *unused = &mfl_rule_unused_suppression;
    /* A binary file (or UTF-16 without a byte order mark) gets MF020 alone. */
    bool binary = mfl__doc_binary_kind(doc) != MFL__TEXT_IS_TEXT;
    for (size_t i = 0, n = mfl_rule_count(); i < n && !st.oom; i++) {
        const mfl_rule_t *r = mfl_rule_at(i);
        if (binary && r != &mfl_rule_binary_file) continue;
        /* registry[i]'s severity, without searching the registry for it */
        mfl_severity_t sev = mfl__config_severity_at(opts->config, i);
        if (!r->check || sev == MFL_SEVERITY_OFF || !mfl_rule_applies(r, target)) continue;
        ctx.rule = r;
        r->check(&ctx);
    }
    if (!st.oom && !binary) report_suppressions(&ctx, unknown, unused);
    mfl_free(st.supps);
    mfl__env_memo_free(&st);
    mfl__ctx_memo_free(&st);
    if (st.oom) {
        mfl_result_free(res);
        return MFL_ENOMEM;
    }
    mfl__result_sort(res);
    *out = res;
    return 0;
}

/* SPDX-License-Identifier: MIT */
/* What a rule asks of its run (rule.h): the model behind FROM, the target
 * release and budget, and the results several rules share (the PARAMETER
 * table entries, the parsed TEMPLATEs), computed at most once a run. */
#include "internal.h"
#include "lint_state.h"
#include "gotmpl.h"
#include "mfl_knowledge.h"
#include "mfl_names.h"
#include "knowledge/ctx_rules.h"

#include <string.h>

/* The FROM Ollama builds from and the model behind it, resolved once a run
 * by the one resolver (mfl_from_resolve). */
static void resolve_from(mfl_ctx_t *ctx) {
    struct mfl_lint_state *st = ctx->st;
    if (st->model_done) return;
    st->model_done = true;
    st->model_found = mfl_from_resolve(ctx->doc, ctx->opts->env, ctx->opts->base_dir, &st->from,
                                       &st->model);
}

const mfl_model_t *mfl_ctx_model(mfl_ctx_t *ctx) {
    resolve_from(ctx);
    return ctx->st->model_found ? &ctx->st->model : NULL;
}

const mfl_from_t *mfl__ctx_from(mfl_ctx_t *ctx) {
    resolve_from(ctx);
    return &ctx->st->from;
}

mfl_ctx_facts_t *mfl__ctx_facts_memo(mfl_ctx_t *ctx, bool *fresh) {
    *fresh = !ctx->st->facts_done;
    ctx->st->facts_done = true;
    return &ctx->st->facts;
}

static const mfl_param_t no_param;

const mfl_param_t *mfl__ctx_param(mfl_ctx_t *ctx, const mfl_instr_t *in) {
    struct mfl_lint_state *st = ctx->st;
    size_t n = mfl_doc_instr_count(ctx->doc), i = (size_t)(in - mfl_doc_instr(ctx->doc, 0));
    if (!st->params && n) st->params = mfl_calloc(n, sizeof *st->params);
    if (!st->params || i >= n) return mfl_param_find(in->name_text, in->name_len);
    if (!st->params[i]) {
        const mfl_param_t *p = mfl_param_find(in->name_text, in->name_len);
        st->params[i] = p ? p : &no_param;
    }
    return st->params[i] == &no_param ? NULL : st->params[i];
}

struct tmpl_memo {
    const mfl_instr_t *in;
    mfl_gotmpl_t t;
};

const mfl_gotmpl_t *mfl__ctx_template(mfl_ctx_t *ctx, const mfl_instr_t *in) {
    struct mfl_lint_state *st = ctx->st;
    for (size_t i = 0; i < st->n_tmpls; i++)
        if (st->tmpls[i].in == in) return &st->tmpls[i].t;
    if (st->n_tmpls == st->cap_tmpls) {
        size_t cap = st->cap_tmpls ? st->cap_tmpls * 2 : 2;
        struct tmpl_memo *v = mfl_realloc(st->tmpls, cap * sizeof *v);
        if (!v) return NULL;
        st->tmpls = v;
        st->cap_tmpls = cap;
    }
    struct tmpl_memo *m = &st->tmpls[st->n_tmpls];
    mfl_gotmpl_opts_t o;
    mfl__gotmpl_opts_for(mfl_ctx_version(ctx), &o);
    if (mfl__gotmpl_parse_opts(in->value_text, in->value_len, &o, &m->t) != 0) return NULL;
    m->in = in;
    st->n_tmpls++;
    return &m->t;
}

void mfl__ctx_memo_free(struct mfl_lint_state *st) {
    for (size_t i = 0; i < st->n_tmpls; i++) mfl__gotmpl_free(&st->tmpls[i].t);
    mfl_free(st->tmpls);
}

mfl_param_life_t mfl__ctx_param_life(const mfl_ctx_t *ctx, const mfl_param_t *p, mfl_fact_t *why) {
    return mfl_param_life(p->name, strlen(p->name), mfl_ctx_version(ctx), why);
}

const mfl_instr_t *mfl__ctx_from_name(mfl_ctx_t *ctx) {
    /* The one resolver (mfl_from_pick): the last FROM that is a model name. */
    const mfl_env_t *env = ctx->opts->env;
    if (!env || !env->path_kind) return NULL;
    return mfl__ctx_from(ctx)->last_name;
}

bool mfl__ctx_from_is_cloud(mfl_ctx_t *ctx) {
    if (!mfl_version_has(mfl_ctx_version(ctx), MFL_FACT_CLOUD_REFS)) return false;
    const mfl_instr_t *from = mfl__ctx_from_name(ctx);
    if (!from) return false;
    mfl_ref_t ref;
    mfl_ref_parse(from->value_text, from->value_len, true, &ref);
    return mfl_ref_is_cloud(&ref);
}

mfl_version_t mfl_ctx_version(const mfl_ctx_t *ctx) {
    return mfl_config_ollama_version(ctx->opts->config);
}

const mfl_budget_t *mfl_ctx_budget(mfl_ctx_t *ctx) {
    static const mfl_budget_t none;
    return ctx->opts->config ? mfl_config_budget_const(ctx->opts->config) : &none;
}


/* SPDX-License-Identifier: MIT */
/* What a rule asks of its run (rule.h): the model behind FROM, the target
 * release and budget, and the results several rules share (the PARAMETER
 * table entries, the parsed TEMPLATEs), computed at most once a run. */
#include "internal.h"
#include "lint_state.h"
#include "gotmpl.h"
#include "mfl_knowledge.h"
#include "mfl_names.h"

#include <string.h>

struct mfl_memo_slot {
    const mfl_memo_key_t *key;
    void *block;
};

void *mfl__ctx_memo(mfl_ctx_t *ctx, const mfl_memo_key_t *key) {
    struct mfl_lint_state *st = ctx->st;
    for (size_t i = 0; i < st->n_memos; i++)
        if (st->memos[i].key == key) return st->memos[i].block;
    if (st->n_memos == st->cap_memos) {
        size_t cap = st->cap_memos ? st->cap_memos * 2 : 4;
        struct mfl_memo_slot *v = mfl_realloc(st->memos, cap * sizeof *v);
        if (!v) {
            st->oom = true;
            return NULL;
        }
        st->memos = v;
        st->cap_memos = cap;
    }
    void *block = mfl_calloc(1, key->size ? key->size : 1);
    if (!block) {
        st->oom = true;
        return NULL;
    }
    st->memos[st->n_memos].key = key;
    st->memos[st->n_memos].block = block;
    st->n_memos++;
    return block;
}

void mfl__ctx_memo_free(struct mfl_lint_state *st) {
    for (size_t i = 0; i < st->n_memos; i++) {
        if (st->memos[i].key->release) st->memos[i].key->release(st->memos[i].block);
        mfl_free(st->memos[i].block);
    }
    mfl_free(st->memos);
}

/* The FROM Ollama builds from and the model behind it, resolved once a run
 * by the one resolver (mfl_from_resolve). */
struct from_memo {
    bool done, found;
    mfl_model_t model;
    mfl_from_t from;
};
static const mfl_memo_key_t from_key = {sizeof(struct from_memo), NULL};

static struct from_memo *resolve_from(mfl_ctx_t *ctx) {
    struct from_memo *m = mfl__ctx_memo(ctx, &from_key);
    if (!m || m->done) return m;
    m->done = true;
    m->found = mfl_from_resolve(ctx->doc, ctx->opts->env, ctx->opts->base_dir, &m->from, &m->model);
    if (m->found) mfl_model_for_target(&m->model, mfl_ctx_version(ctx));
    return m;
}

const mfl_model_t *mfl_ctx_model(mfl_ctx_t *ctx) {
    struct from_memo *m = resolve_from(ctx);
    return m && m->found ? &m->model : NULL;
}

const mfl_from_t *mfl__ctx_from(mfl_ctx_t *ctx) {
    static const mfl_from_t none; /* out of memory: the run fails anyway */
    struct from_memo *m = resolve_from(ctx);
    return m ? &m->from : &none;
}

/* Each PARAMETER's table entry, looked up once a run for MF101-MF106,
 * indexed by instruction: NULL not looked up yet, &no_param not in the
 * table. */
struct param_memo {
    const mfl_param_t **v;
};
static void param_release(void *block) { mfl_free(((struct param_memo *)block)->v); }
static const mfl_memo_key_t param_key = {sizeof(struct param_memo), param_release};
static const mfl_param_t no_param;

const mfl_param_t *mfl__ctx_param(mfl_ctx_t *ctx, const mfl_instr_t *in) {
    struct param_memo *m = mfl__ctx_memo(ctx, &param_key);
    size_t n = mfl_doc_instr_count(ctx->doc), i = (size_t)(in - mfl_doc_instr(ctx->doc, 0));
    if (m && !m->v && n) m->v = mfl_calloc(n, sizeof *m->v);
    if (!m || !m->v || i >= n) return mfl_param_find(in->name_text, in->name_len);
    if (!m->v[i]) {
        const mfl_param_t *p = mfl_param_find(in->name_text, in->name_len);
        m->v[i] = p ? p : &no_param;
    }
    return m->v[i] == &no_param ? NULL : m->v[i];
}

/* Each TEMPLATE parsed once a run for MF206-MF208 and MF219. */
struct tmpl_entry {
    const mfl_instr_t *in;
    mfl_gotmpl_t t;
};
struct tmpl_memo {
    struct tmpl_entry *v;
    size_t n, cap;
};
static void tmpl_release(void *block) {
    struct tmpl_memo *m = block;
    for (size_t i = 0; i < m->n; i++) mfl__gotmpl_free(&m->v[i].t);
    mfl_free(m->v);
}
static const mfl_memo_key_t tmpl_key = {sizeof(struct tmpl_memo), tmpl_release};

const mfl_gotmpl_t *mfl__ctx_template(mfl_ctx_t *ctx, const mfl_instr_t *in) {
    struct tmpl_memo *m = mfl__ctx_memo(ctx, &tmpl_key);
    if (!m) return NULL;
    for (size_t i = 0; i < m->n; i++)
        if (m->v[i].in == in) return &m->v[i].t;
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 2;
        struct tmpl_entry *v = mfl_realloc(m->v, cap * sizeof *v);
        if (!v) return NULL;
        m->v = v;
        m->cap = cap;
    }
    struct tmpl_entry *e = &m->v[m->n];
    mfl_gotmpl_opts_t o;
    mfl__gotmpl_opts_for(mfl_ctx_version(ctx), &o);
    if (mfl__gotmpl_parse_opts(in->value_text, in->value_len, &o, &e->t) != 0) return NULL;
    e->in = in;
    m->n++;
    return &e->t;
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

const mfl_cloud_family_t *mfl__ctx_from_cloud_family(mfl_ctx_t *ctx) {
    const mfl_instr_t *from = mfl__ctx_from_name(ctx);
    return from ? mfl_table_cloud_family(from->value_text, from->value_len,
                                         mfl_version_has(mfl_ctx_version(ctx), MFL_FACT_CLOUD_REFS))
                : NULL;
}

mfl_version_t mfl_ctx_version(const mfl_ctx_t *ctx) {
    return mfl_config_ollama_version(ctx->opts->config);
}

const mfl_budget_t *mfl_ctx_budget(mfl_ctx_t *ctx) {
    static const mfl_budget_t none;
    return ctx->opts->config ? mfl_config_budget_const(ctx->opts->config) : &none;
}

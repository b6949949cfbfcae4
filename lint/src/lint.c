/* SPDX-License-Identifier: MIT */
/* The lint driver: runs every enabled rule over a document, applies
 * suppression comments and config overrides, and sorts the diagnostics.
 * Also the rule registry (an X-macro over rules.def) and the helpers of
 * rule.h. */
#include "internal.h"
#include "gotmpl.h"
#include "mfl_params.h"
#include "knowledge/ctx_rules.h"
#include "mfl_knowledge.h"
#include "mfl_names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- registry ---------------------------------------------------------------- */

#define MFL_RULE(slug) extern const mfl_rule_t mfl_rule_##slug;
#include "rules.def"
#undef MFL_RULE

static const mfl_rule_t *const registry[] = {
#define MFL_RULE(slug) &mfl_rule_##slug,
#include "rules.def"
#undef MFL_RULE
};

#define N_RULES (sizeof registry / sizeof registry[0])

size_t mfl_rule_count(void) { return N_RULES; }
const mfl_rule_t *mfl_rule_at(size_t i) { return i < N_RULES ? registry[i] : NULL; }

static size_t rule_index(const mfl_rule_t *r) {
    for (size_t i = 0; i < N_RULES; i++)
        if (registry[i] == r) return i;
    return SIZE_MAX;
}

const mfl_rule_t *mfl_rule_find(const char *s) {
    if (!s) return NULL;
    for (size_t i = 0; i < N_RULES; i++)
        if (strcasecmp_ascii(s, registry[i]->code) == 0 || strcmp(s, registry[i]->name) == 0)
            return registry[i];
    return NULL;
}

const char *mfl_rule_url(const mfl_rule_t *rule, char *buf, size_t n) {
    snprintf(buf, n, "https://github.com/modelfile-lint/modelfile-lint/blob/main/docs/rules.md#%s-%s",
             rule->code, rule->name);
    for (char *p = strchr(buf, '#'); p && *p; p++)
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p + 32);
    return buf;
}

/* ---- config ------------------------------------------------------------------- */

struct mfl_config {
    mfl_severity_t sev[N_RULES + 1]; /* per rule; +1 keeps the array non-empty */
    bool explicit_sev[N_RULES + 1];  /* set by mfl_config_set_severity */
    mfl_budget_t budget;
    mfl_version_t ollama_version;
};

mfl_config_t *mfl_config_new(void) {
    mfl_config_t *c = mfl_calloc(1, sizeof *c);
    if (!c) return NULL;
    for (size_t i = 0; i < N_RULES; i++)
        c->sev[i] = registry[i]->default_off ? MFL_SEVERITY_OFF : registry[i]->severity;
    c->ollama_version = mfl_version_default();
    return c;
}

void mfl_config_set_ollama_version(mfl_config_t *c, mfl_version_t v) { c->ollama_version = v; }

mfl_version_t mfl_config_ollama_version(const mfl_config_t *c) {
    return c ? c->ollama_version : mfl_version_default();
}

void mfl_config_free(mfl_config_t *c) { mfl_free(c); }

mfl_config_t *mfl_config_clone(const mfl_config_t *c) {
    mfl_config_t *n = mfl_malloc(sizeof *n);
    if (n) memcpy(n, c, sizeof *n);
    return n;
}

int mfl_config_set_severity(mfl_config_t *c, const char *s, mfl_severity_t sev) {
    const mfl_rule_t *r = mfl_rule_find(s);
    if (!r) return MFL_EINVAL;
    c->sev[rule_index(r)] = sev;
    c->explicit_sev[rule_index(r)] = true;
    return 0;
}

int mfl_config_enable(mfl_config_t *c, const char *s) {
    const mfl_rule_t *r = mfl_rule_find(s);
    if (!r) return MFL_EINVAL;
    c->sev[rule_index(r)] = r->severity;
    return 0;
}

/* Calls fn for every rule a selector names: a code, a name, a code prefix
 * ("MF1") or "ALL". Returns MFL_EINVAL if it names none. */
static int for_selector(const char *sel, size_t n, void (*fn)(mfl_config_t *, size_t, void *),
                        mfl_config_t *c, void *arg) {
    int hits = 0;
    for (size_t i = 0; i < N_RULES; i++) {
        const mfl_rule_t *r = registry[i];
        bool match = (n == 3 && strncasecmp_ascii(sel, "ALL", 3) == 0) ||
                     (n <= 5 && n >= 2 && strncasecmp_ascii(sel, r->code, n) == 0) ||
                     (strlen(r->name) == n && strncmp(sel, r->name, n) == 0);
        if (match) {
            fn(c, i, arg);
            hits++;
        }
    }
    return hits ? 0 : MFL_EINVAL;
}

static int for_list(const char *list, void (*fn)(mfl_config_t *, size_t, void *),
                    mfl_config_t *c, void *arg) {
    const char *p = list;
    while (*p) {
        while (*p == ',' || *p == ' ') p++;
        const char *e = p;
        while (*e && *e != ',' && *e != ' ') e++;
        if (e > p && for_selector(p, (size_t)(e - p), fn, c, arg)) return MFL_EINVAL;
        p = e;
    }
    return 0;
}

static void mark(mfl_config_t *c, size_t i, void *arg) { ((bool *)arg)[i] = true; (void)c; }
static void turn_off(mfl_config_t *c, size_t i, void *arg) {
    (void)arg;
    c->sev[i] = MFL_SEVERITY_OFF;
}

int mfl_config_select(mfl_config_t *c, const char *list) {
    bool chosen[N_RULES + 1] = {false};
    int rc = for_list(list, mark, c, chosen);
    if (rc) return rc;
    for (size_t i = 0; i < N_RULES; i++) {
        if (!chosen[i]) c->sev[i] = MFL_SEVERITY_OFF;
        else if (c->sev[i] == MFL_SEVERITY_OFF) c->sev[i] = registry[i]->severity;
    }
    return 0;
}

int mfl_config_ignore(mfl_config_t *c, const char *list) { return for_list(list, turn_off, c, NULL); }

mfl_severity_t mfl_config_severity(const mfl_config_t *c, const mfl_rule_t *r) {
    size_t i = rule_index(r);
    if (i == SIZE_MAX) return MFL_SEVERITY_OFF;
    if (!c) return r->default_off ? MFL_SEVERITY_OFF : r->severity;
    return c->sev[i];
}

bool mfl__config_severity_is_explicit(const mfl_config_t *c, const mfl_rule_t *r) {
    size_t i = rule_index(r);
    return c && i != SIZE_MAX && c->explicit_sev[i];
}

mfl_budget_t *mfl_config_budget(mfl_config_t *c) { return &c->budget; }
const mfl_budget_t *mfl_config_budget_const(const mfl_config_t *c) { return &c->budget; }

/* ---- suppressions ----------------------------------------------------------------- */

/* One code named by a suppression comment. */
typedef struct {
    mfl_range_t range;      /* the code inside the comment */
    const mfl_rule_t *rule; /* NULL: unknown code */
    bool global;
    size_t instr;           /* the instruction it applies to (SIZE_MAX: none) */
    bool used;
} supp_t;

struct mfl_lint_state {
    mfl_result_t *res;
    size_t cap;
    bool oom;
    supp_t *supps;
    size_t n_supps;
    bool model_done;
    bool model_found;
    mfl_model_t model;
    mfl_from_t from;
    /* The context facts, gathered once for the MF3xx rules. */
    bool facts_done;
    mfl_ctx_facts_t facts;
    /* Each PARAMETER's table entry, looked up once for MF101-MF106, indexed
     * by instruction: NULL not looked up yet, &no_param not in the table. */
    const mfl_param_t **params;
    /* Each TEMPLATE parsed once for MF206-MF208. */
    struct tmpl_memo *tmpls;
    size_t n_tmpls, cap_tmpls;
    /* The run's memo of env answers (see memo_env below). */
    const mfl_env_t *env;
    struct env_memo *memo;
    size_t n_memo, cap_memo;
};

static const char supp_prefix[] = "modelfile-lint:";

static int parse_suppressions(const mfl_doc_t *doc, struct mfl_lint_state *st) {
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

static bool suppressed(mfl_ctx_t *ctx, mfl_range_t r) {
    struct mfl_lint_state *st = ctx->st;
    size_t in = SIZE_MAX;
    bool looked = false;
    bool hit = false;
    for (size_t i = 0; i < st->n_supps; i++) {
        supp_t *s = &st->supps[i];
        if (s->rule != ctx->rule) continue;
        if (!s->global) {
            if (!looked) {
                in = mfl__doc_instr_at(ctx->doc, r.start);
                looked = true;
            }
            if (s->instr == SIZE_MAX || s->instr != in) continue;
        }
        s->used = true;
        hit = true;
    }
    return hit;
}

/* ---- reporting -------------------------------------------------------------------- */

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
    if (suppressed(ctx, range)) return NULL;
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

mfl_fix_t *mfl_diag_fix(mfl_ctx_t *ctx, mfl_diag_t *d, mfl_applicability_t app,
                        const char *fmt, ...) {
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

static void tmpl_free(struct mfl_lint_state *st) {
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

/* ---- one run's view of the environment ------------------------------------------------
 * Several rules ask about the same FROM or ADAPTER path (does it exist, is it a
 * device, where does it lead). Within one mfl_lint call each question reaches
 * the env once: the run sees one consistent file system, and the CLI makes two
 * system calls per path instead of a dozen. Nothing is kept between runs. */

struct env_memo {
    bool real;            /* a real_path answer, else a path_kind one */
    const char *base_dir; /* path_kind: the base it was resolved against */
    size_t bufsize;
    char *key;            /* the path asked about */
    char *out;            /* abs or the real path, as the env wrote it */
    mfl_path_kind_t kind; /* path_kind's answer; for real_path, 1 = true */
    bool link;
};

static struct env_memo *memo_find(struct mfl_lint_state *st, bool real, const char *base_dir,
                                  const char *key, size_t bufsize) {
    for (size_t i = 0; i < st->n_memo; i++) {
        struct env_memo *m = &st->memo[i];
        if (m->real == real && m->bufsize == bufsize && strcmp(m->key, key) == 0 &&
            (real || m->base_dir == base_dir ||
             (m->base_dir && base_dir && strcmp(m->base_dir, base_dir) == 0)))
            return m;
    }
    return NULL;
}

/* Remembers an answer; out of memory only means it is asked again. */
static void memo_add(struct mfl_lint_state *st, const struct env_memo *m) {
    if (st->n_memo == st->cap_memo) {
        size_t cap = st->cap_memo ? st->cap_memo * 2 : 8;
        struct env_memo *v = mfl_realloc(st->memo, cap * sizeof *v);
        if (!v) return;
        st->memo = v;
        st->cap_memo = cap;
    }
    struct env_memo *d = &st->memo[st->n_memo];
    *d = *m;
    d->key = mfl_strndup(m->key, strlen(m->key));
    d->out = mfl_strndup(m->out, strlen(m->out));
    if (!d->key || !d->out) {
        mfl_free(d->key);
        mfl_free(d->out);
        return;
    }
    st->n_memo++;
}

static void memo_free(struct mfl_lint_state *st) {
    for (size_t i = 0; i < st->n_memo; i++) {
        mfl_free(st->memo[i].key);
        mfl_free(st->memo[i].out);
    }
    mfl_free(st->memo);
}

static mfl_path_kind_t memo_path_kind(void *ud, const char *base_dir, const char *path,
                                      char *abs, size_t bufsize, bool *is_symlink) {
    struct mfl_lint_state *st = ud;
    const mfl_env_t *env = st->env;
    if (path == NULL || bufsize == 0)
        return env->path_kind(env->ud, base_dir, path, abs, bufsize, is_symlink);
    const struct env_memo *m = memo_find(st, false, base_dir, path, bufsize);
    if (m) {
        memcpy(abs, m->out, strlen(m->out) + 1);
        if (is_symlink) *is_symlink = m->link;
        return m->kind;
    }
    bool link = false;
    abs[0] = '\0';
    mfl_path_kind_t k = env->path_kind(env->ud, base_dir, path, abs, bufsize, &link);
    if (is_symlink) *is_symlink = link;
    /* Only a terminated answer can be replayed. */
    if (memchr(abs, '\0', bufsize))
        memo_add(st, &(struct env_memo){false, base_dir, bufsize, (char *)path, abs, k, link});
    return k;
}

static bool memo_real_path(void *ud, const char *abs_path, char *out, size_t outsz) {
    struct mfl_lint_state *st = ud;
    const mfl_env_t *env = st->env;
    if (abs_path == NULL || outsz == 0) return env->real_path(env->ud, abs_path, out, outsz);
    const struct env_memo *m = memo_find(st, true, NULL, abs_path, outsz);
    if (m) {
        memcpy(out, m->out, strlen(m->out) + 1);
        return m->kind != 0;
    }
    out[0] = '\0';
    bool ok = env->real_path(env->ud, abs_path, out, outsz);
    if (memchr(out, '\0', outsz))
        memo_add(st, &(struct env_memo){true, NULL, outsz, (char *)abs_path, out,
                                         ok ? (mfl_path_kind_t)1 : (mfl_path_kind_t)0, false});
    return ok;
}

static bool memo_is_gguf(void *ud, const char *abs_path) {
    const struct mfl_lint_state *st = ud;
    return st->env->is_gguf(st->env->ud, abs_path);
}

static bool memo_resolve_model(void *ud, const char *base_dir, const char *from,
                               mfl_model_t *out) {
    struct mfl_lint_state *st = ud;
    const mfl_env_t *env = st->env;
    if (env->resolve_model_at && env->path_kind && from) {
        /* FROM is a path first: the rules ask about the same one (with the
         * same buffer size, so the memo answers them). */
        char abs[4096];
        bool link;
        mfl_path_kind_t k = memo_path_kind(st, base_dir, from, abs, sizeof abs, &link);
        return env->resolve_model_at(env->ud, base_dir, from, k, abs, out);
    }
    return env->resolve_model(env->ud, base_dir, from, out);
}

static bool memo_list_dir(void *ud, const char *abs_dir, void (*fn)(void *fud, const char *name),
                          void *fud) {
    const struct mfl_lint_state *st = ud; /* listings are not remembered */
    return st->env->list_dir(st->env->ud, abs_dir, fn, fud);
}

/* The env the rules see: env's callbacks, with path_kind and real_path
 * answered from the run's memo. A NULL callback stays NULL. */
static mfl_env_t memo_env(struct mfl_lint_state *st, const mfl_env_t *env) {
    st->env = env;
    mfl_env_t e = {0};
    e.ud = st;
    e.path_kind = env->path_kind ? memo_path_kind : NULL;
    e.is_gguf = env->is_gguf ? memo_is_gguf : NULL;
    e.resolve_model = env->resolve_model ? memo_resolve_model : NULL;
    e.real_path = env->real_path ? memo_real_path : NULL;
    e.list_dir = env->list_dir ? memo_list_dir : NULL;
    return e;
}

/* ---- the driver --------------------------------------------------------------------- */

static int cmp_diag(const void *a, const void *b) {
    const mfl_diag_t *x = a, *y = b;
    if (x->range.start != y->range.start) return x->range.start < y->range.start ? -1 : 1;
    int c = strcmp(x->rule->code, y->rule->code);
    if (c) return c;
    if (x->range.end != y->range.end) return x->range.end < y->range.end ? -1 : 1;
    return strcmp(x->message, y->message);
}

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
        env = memo_env(&st, opts->env);
        run_opts.env = &env;
    }
    mfl_ctx_t ctx = {doc, &run_opts, NULL, &st};
    if (parse_suppressions(doc, &st)) st.oom = true;

    const mfl_version_t target = mfl_config_ollama_version(opts->config);
    const mfl_rule_t *unknown = &mfl_rule_unknown_suppression;
    const mfl_rule_t *unused = &mfl_rule_unused_suppression;
    /* A binary file (or UTF-16 without a byte order mark) gets MF020 alone. */
    bool binary = mfl__doc_binary_kind(doc) != MFL__TEXT_IS_TEXT;
    for (size_t i = 0; i < N_RULES && !st.oom; i++) {
        const mfl_rule_t *r = registry[i];
        if (binary && r != &mfl_rule_binary_file) continue;
        /* registry[i]'s severity, without searching the registry for it */
        mfl_severity_t sev = opts->config ? opts->config->sev[i]
                                          : r->default_off ? MFL_SEVERITY_OFF : r->severity;
        if (!r->check || sev == MFL_SEVERITY_OFF || !mfl_rule_applies(r, target)) continue;
        ctx.rule = r;
        r->check(&ctx);
    }
    if (!st.oom && !binary) report_suppressions(&ctx, unknown, unused);
    mfl_free(st.supps);
    memo_free(&st);
    tmpl_free(&st);
    mfl_free(st.params);
    if (st.oom) {
        mfl_result_free(res);
        return MFL_ENOMEM;
    }
    if (res->n_diags > 1) qsort(res->diags, res->n_diags, sizeof *res->diags, cmp_diag);
    *out = res;
    return 0;
}

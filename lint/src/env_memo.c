/* SPDX-License-Identifier: MIT */
/* One run's view of the environment. Several rules ask about the same FROM or ADAPTER path (does it exist, is it a
 * device, where does it lead). Within one mfl_lint call each question reaches
 * the env once: the run sees one consistent file system, and the CLI makes two
 * system calls per path instead of a dozen. Nothing is kept between runs. */
#include "internal.h"
#include "lint_state.h"

#include <string.h>

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

void mfl__env_memo_free(struct mfl_lint_state *st) {
    for (size_t i = 0; i < st->n_memo; i++) {
        mfl_free(st->memo[i].key);
        mfl_free(st->memo[i].out);
    }
    mfl_free(st->memo);
}

static mfl_path_kind_t memo_path_kind(void *ud, const char *base_dir, const char *path, char *abs,
                                      size_t bufsize, bool *is_symlink) {
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

static bool memo_resolve_model(void *ud, const char *base_dir, const char *from, mfl_model_t *out) {
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

static bool memo_resolve_model_at(void *ud, const char *base_dir, const char *from,
                                  mfl_path_kind_t k, const char *abs, mfl_model_t *out) {
    const struct mfl_lint_state *st = ud;
    return st->env->resolve_model_at(st->env->ud, base_dir, from, k, abs, out);
}

static bool memo_list_dir(void *ud, const char *abs_dir, void (*fn)(void *fud, const char *name),
                          void *fud) {
    const struct mfl_lint_state *st = ud; /* listings are not remembered */
    return st->env->list_dir(st->env->ud, abs_dir, fn, fud);
}

/* The env the rules see: env's callbacks, with path_kind and real_path
 * answered from the run's memo. A NULL callback stays NULL. */
mfl_env_t mfl__env_memo(struct mfl_lint_state *st, const mfl_env_t *env) {
    st->env = env;
    mfl_env_t e = {0};
    e.ud = st;
    e.path_kind = env->path_kind ? memo_path_kind : NULL;
    e.is_gguf = env->is_gguf ? memo_is_gguf : NULL;
    e.resolve_model = env->resolve_model ? memo_resolve_model : NULL;
    e.resolve_model_at = env->resolve_model_at ? memo_resolve_model_at : NULL;
    e.real_path = env->real_path ? memo_real_path : NULL;
    e.list_dir = env->list_dir ? memo_list_dir : NULL;
    return e;
}

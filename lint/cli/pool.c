/* SPDX-License-Identifier: MIT */
/* The files of a run, their configurations, and the worker pool. The main
 * thread adds files while it walks the folders, and the workers lint them
 * as they come: walking a large tree costs as much as a fifth of the run,
 * so it overlaps the linting instead of preceding it. Everything below `v`
 * is guarded by mu; a worker copies its file out, lints the copy without
 * the lock, and puts it back (the array may move meanwhile). */
#define _GNU_SOURCE
#include "cli.h"
#include "mfl_io_env.h"
#include "mfl_os.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    char *key; /* the config file's path */
    mfl_io_config_t *cfg;
} cfg_entry_t;

struct cli_run {
    cli_file_t *v;
    size_t n, cap;
    const cli_opts_t *o;
    pthread_mutex_t mu;
    pthread_cond_t more;
    size_t next; /* the next file a worker takes */
    int waiting; /* workers waiting for a file */
    bool done;   /* no more files will be added */
    bool stop;   /* a configuration error: give up */
    pthread_t th[64];
    size_t started;
    int jobs;
    /* Configurations, loaded by the main thread before their files are
     * added; the workers only read them. */
    cfg_entry_t *cfgs;
    size_t n_cfgs;
    mfl_io_config_t *default_cfg;
    /* Streaming: files before `written` are written and their parts freed. */
    cli_writer_t *writer;
    size_t written;
};

/* Writes the files that are linted and have every file before them linted
 * (mu held). Their output is freed: a large tree is not held in memory. */
static void flush_ready(cli_run_t *r) {
    while (r->writer && r->written < r->n && r->v[r->written].done) {
        cli_file_t *f = &r->v[r->written++];
        if (f->error) fprintf(stderr, "modelfile-lint: %s\n", f->error);
        if (f->notice) fprintf(stderr, "modelfile-lint: %s\n", f->notice);
        cli_writer_part(r->writer, f);
        mfl_free(f->out);
        f->out = NULL;
        f->out_len = 0;
        f->reported = true;
    }
}

void cli_run_stream(cli_run_t *r, cli_writer_t *w) {
    pthread_mutex_lock(&r->mu);
    r->writer = w;
    flush_ready(r);
    pthread_mutex_unlock(&r->mu);
}

cli_run_t *cli_run_new(cli_opts_t *o) {
    cli_run_t *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->o = o;
    r->default_cfg = mfl_io_config_default();
    if (!r->default_cfg) {
        free(r);
        return NULL;
    }
    pthread_mutex_init(&r->mu, NULL);
    pthread_cond_init(&r->more, NULL);
    long ncpu = mfl_os_ncpu();
    r->jobs = o->jobs > 0 ? o->jobs : (int)(ncpu > 0 ? ncpu : 1);
    if (r->jobs > 64) r->jobs = 64;
    return r;
}

/* The config at `key` (a file path), loaded once. */
static int load_cached(cli_run_t *r, const char *key, mfl_io_config_t **out) {
    for (size_t i = 0; i < r->n_cfgs; i++)
        if (strcmp(r->cfgs[i].key, key) == 0) {
            *out = r->cfgs[i].cfg;
            return 0;
        }
    char err[1024];
    mfl_io_config_t *c = mfl_io_config_load(key, err, sizeof err);
    if (!c) {
        fprintf(stderr, "modelfile-lint: %s\n", err);
        return -1;
    }
    cfg_entry_t *n = realloc(r->cfgs, (r->n_cfgs + 1) * sizeof *n);
    char *k = strdup(key);
    if (n) r->cfgs = n;
    if (!n || !k) {
        free(k);
        mfl_io_config_free(c);
        fprintf(stderr, "modelfile-lint: out of memory\n");
        return -1;
    }
    r->cfgs = n;
    r->cfgs[r->n_cfgs].key = k;
    r->cfgs[r->n_cfgs].cfg = c;
    r->n_cfgs++;
    *out = c;
    return 0;
}

int cli_run_config_for(cli_run_t *r, const char *path, bool is_dir, mfl_io_config_t **out) {
    const cli_opts_t *o = r->o;
    if (o->no_config) {
        *out = r->default_cfg;
        return 0;
    }
    if (o->config_path) return load_cached(r, o->config_path, out);
    char dir[4096], found[4096];
    snprintf(dir, sizeof dir, "%s", path);
    if (!is_dir) {
        char *slash = (char *)mfl_os_last_sep(dir);
        if (slash == dir)
            dir[1] = '\0';
        else if (slash)
            *slash = '\0';
        else
            strcpy(dir, ".");
    }
    if (mfl_io_config_find(dir, found, sizeof found) != 0) {
        *out = r->default_cfg;
        return 0;
    }
    return load_cached(r, found, out);
}

int cli_run_config_in(cli_run_t *r, const char *dir, mfl_io_config_t **out) {
    char path[4096 + 32];
    snprintf(path, sizeof path, "%s/%s", strcmp(dir, "/") ? dir : "", MFL_CONFIG_FILENAME);
    return load_cached(r, path, out);
}

int cli_run_add(cli_run_t *r, const char *path, bool is_stdin, mfl_io_config_t *cfg) {
    cli_file_t f;
    memset(&f, 0, sizeof f);
    f.is_stdin = is_stdin;
    if (!(f.path = strdup(path))) return -1;
    const cli_opts_t *o = r->o;
    const char *p = is_stdin ? (o->stdin_filename ? o->stdin_filename : "./-") : f.path;
    int rc = 0;
    f.cfg = cfg;
    if (!f.cfg && cli_run_config_for(r, p, false, &f.cfg)) rc = -2;
    pthread_mutex_lock(&r->mu);
    if (rc == 0 && r->n == r->cap) {
        size_t ncap = r->cap ? r->cap * 2 : 64;
        cli_file_t *nv = realloc(r->v, ncap * sizeof *nv);
        if (nv) {
            r->v = nv;
            r->cap = ncap;
        } else {
            rc = -1;
        }
    }
    if (rc == 0) {
        r->v[r->n++] = f;
        if (r->waiting) pthread_cond_signal(&r->more);
    } else {
        free(f.path);
        r->stop = true;
        pthread_cond_broadcast(&r->more);
    }
    pthread_mutex_unlock(&r->mu);
    return rc;
}

static mfl_io_env_t *make_env(const cli_opts_t *o, const mfl_io_config_t *cfg) {
    mfl_io_env_t *env = mfl_io_env_new();
    if (!env) return NULL;
    if (o->ollama_models) mfl_io_env_set_store_dir(env, o->ollama_models);
    json_t *models = cfg ? mfl_io_config_models(cfg) : NULL;
    char err[512];
    if (models) mfl_io_env_add_models_json(env, models, err, sizeof err);
    return env;
}

static void *worker(void *arg) {
    cli_run_t *r = arg;
    /* One model resolver per config per thread: resolvers cache, and are not shared. */
    const mfl_io_config_t *keys[8] = {0};
    mfl_io_env_t *envs[8] = {0};
    size_t n_envs = 0;
    pthread_mutex_lock(&r->mu);
    for (;;) {
        while (r->next >= r->n && !r->done && !r->stop) {
            r->waiting++;
            pthread_cond_wait(&r->more, &r->mu);
            r->waiting--;
        }
        if (r->stop || r->next >= r->n) break;
        size_t i = r->next++;
        cli_file_t f = r->v[i];
        pthread_mutex_unlock(&r->mu);
        mfl_io_env_t *env = NULL;
        for (size_t k = 0; k < n_envs; k++)
            if (keys[k] == f.cfg) env = envs[k];
        if (!env) {
            env = make_env(r->o, f.cfg);
            if (n_envs < 8) {
                keys[n_envs] = f.cfg;
                envs[n_envs++] = env;
            }
        }
        cli_lint_file(r->o, &f, env);
        bool cached = false;
        for (size_t k = 0; k < n_envs; k++) cached |= envs[k] == env;
        if (!cached) mfl_io_env_free(env);
        pthread_mutex_lock(&r->mu);
        f.done = true;
        r->v[i] = f;
        flush_ready(r);
    }
    pthread_mutex_unlock(&r->mu);
    for (size_t k = 0; k < n_envs; k++) mfl_io_env_free(envs[k]);
    mfl_thread_cleanup();
    return NULL;
}

void cli_run_start_workers(cli_run_t *r, size_t at_most) {
    size_t want = (size_t)r->jobs - 1;
    if (want > at_most) want = at_most;
    for (; r->started < want; r->started++)
        if (pthread_create(&r->th[r->started], NULL, worker, r) != 0) break;
}

void cli_run_finish(cli_run_t *r) {
    pthread_mutex_lock(&r->mu);
    r->done = true;
    pthread_cond_broadcast(&r->more);
    size_t n = r->n;
    pthread_mutex_unlock(&r->mu);
    /* Files named one by one: a thread per file at most, none for one file
     * (pre-commit's usual call), so start-up stays a single thread. */
    if (!r->stop && n > 1) cli_run_start_workers(r, n - 1);
    if (!r->stop) worker(r);
    for (size_t i = 0; i < r->started; i++) pthread_join(r->th[i], NULL);
    r->started = 0;
}

bool cli_run_stopped(const cli_run_t *r) { return r->stop; }

void cli_run_stop(cli_run_t *r) {
    pthread_mutex_lock(&r->mu);
    r->stop = true;
    pthread_cond_broadcast(&r->more);
    pthread_mutex_unlock(&r->mu);
}

cli_file_t *cli_run_files(cli_run_t *r, size_t *n) {
    *n = r->n;
    return r->v;
}

/* Frees the files, their results and the configurations, so that valgrind
 * sees no leak (tools/valgrind-cli.sh). */
void cli_run_free(cli_run_t *r) {
    if (!r) return;
    for (size_t i = 0; i < r->n; i++) cli_file_cleanup(&r->v[i]);
    free(r->v);
    for (size_t i = 0; i < r->n_cfgs; i++) {
        free(r->cfgs[i].key);
        mfl_io_config_free(r->cfgs[i].cfg);
    }
    free(r->cfgs);
    mfl_io_config_free(r->default_cfg);
    pthread_mutex_destroy(&r->mu);
    pthread_cond_destroy(&r->more);
    free(r);
}

/* SPDX-License-Identifier: MIT */
/* modelfile-lint: argument parsing, file discovery, the worker pool and exit
 * codes. The checking itself is the core's (mfl_lint, mfl_fix_all). */
#define _GNU_SOURCE
#include "cli.h"
#include "mfl_io_env.h"
#include "mfl_knowledge.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef MFL_VERSION
#define MFL_VERSION "0.1.0"
#endif

/* ---- configuration cache (filled before the workers start) ---------------------- */

typedef struct {
    char *key; /* directory, or the --config path */
    mfl_io_config_t *cfg;
} cfg_entry_t;

static cfg_entry_t *cfg_cache;
static size_t n_cfg_cache;
static mfl_io_config_t *default_cfg;

static int config_for(const cli_opts_t *o, const char *path, mfl_io_config_t **out) {
    char dir[4096], found[4096], err[1024];
    const char *key;
    if (o->no_config) {
        *out = default_cfg;
        return 0;
    }
    if (o->config_path) {
        key = o->config_path;
    } else {
        snprintf(dir, sizeof dir, "%s", path);
        char *slash = strrchr(dir, '/');
        if (slash) *slash = '\0';
        else strcpy(dir, ".");
        if (!mfl_io_config_find(dir, found, sizeof found)) {
            *out = default_cfg;
            return 0;
        }
        key = found;
    }
    for (size_t i = 0; i < n_cfg_cache; i++)
        if (strcmp(cfg_cache[i].key, key) == 0) {
            *out = cfg_cache[i].cfg;
            return 0;
        }
    mfl_io_config_t *c = mfl_io_config_load(key, err, sizeof err);
    if (!c) {
        fprintf(stderr, "modelfile-lint: %s\n", err);
        return -1;
    }
    cfg_entry_t *n = realloc(cfg_cache, (n_cfg_cache + 1) * sizeof *n);
    if (!n) return -1;
    cfg_cache = n;
    cfg_cache[n_cfg_cache].key = strdup(key);
    cfg_cache[n_cfg_cache].cfg = c;
    n_cfg_cache++;
    *out = c;
    return 0;
}

/* ---- file discovery ----------------------------------------------------------------- */

static bool is_modelfile_name(const char *name) {
    size_t n = strlen(name);
    if (strcmp(name, "Modelfile") == 0) return true;
    if (strncmp(name, "Modelfile.", 10) == 0) return true;
    if (n > 10 && (strcmp(name + n - 10, ".Modelfile") == 0 || strcmp(name + n - 10, ".modelfile") == 0))
        return true;
    return false;
}

/* The files to lint, in the order they are reported. The main thread adds
 * them while it walks the directories, and the workers lint them as they
 * come: walking a large tree costs as much as a fifth of the run, so it
 * overlaps the linting instead of preceding it. Everything below `v` is
 * guarded by mu; a worker copies its file out, lints the copy without the
 * lock, and puts it back (the array may move meanwhile). */
typedef struct {
    cli_file_t *v;
    size_t n, cap;
    const cli_opts_t *o;
    pthread_mutex_t mu;
    pthread_cond_t more;
    size_t next;  /* the next file a worker takes */
    int waiting;  /* workers waiting for a file */
    bool done;    /* no more files will be added */
    bool stop;    /* a configuration error: give up */
} file_list_t;

/* Returns 0, -1 when out of memory, or -2 after a configuration error
 * (reported; l->stop is set). */
static int add_file(file_list_t *l, const char *path, bool is_stdin) {
    cli_file_t f;
    memset(&f, 0, sizeof f);
    f.is_stdin = is_stdin;
    if (!(f.path = strdup(path))) return -1;
    const cli_opts_t *o = l->o;
    const char *p = is_stdin ? (o->stdin_filename ? o->stdin_filename : "./-") : f.path;
    int rc = 0;
    if (config_for(o, p, &f.cfg)) rc = -2;
    pthread_mutex_lock(&l->mu);
    if (rc == 0 && l->n == l->cap) {
        size_t ncap = l->cap ? l->cap * 2 : 64;
        cli_file_t *nv = realloc(l->v, ncap * sizeof *nv);
        if (nv) {
            l->v = nv;
            l->cap = ncap;
        } else {
            rc = -1;
        }
    }
    if (rc == 0) {
        l->v[l->n++] = f;
        if (l->waiting) pthread_cond_signal(&l->more);
    } else {
        free(f.path);
        if (rc == -2) {
            l->stop = true;
            pthread_cond_broadcast(&l->more);
        }
    }
    pthread_mutex_unlock(&l->mu);
    return rc;
}

/* Names carry their d_type in the first byte (see walk). */
static int cmp_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

static int walk(file_list_t *l, const char *dir, int depth) {
    if (depth > 64) return 0;
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "modelfile-lint: %s: %s\n", dir, strerror(errno));
        return -1;
    }
    /* Each name is kept with its type byte in front: readdir's d_type spares
     * an lstat per entry on the file systems that fill it in. */
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue; /* hidden files and folders, . and .. */
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) { rc = -1; break; }
            names = nn;
        }
        size_t len = strlen(e->d_name);
        char *name = malloc(len + 2);
        if (!name) { rc = -1; break; }
        name[0] = (char)e->d_type;
        memcpy(name + 1, e->d_name, len + 1);
        names[n++] = name;
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_name);
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        const char *name = names[i] + 1;
        unsigned char type = (unsigned char)names[i][0];
        snprintf(path, sizeof path, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
        if (rc == 0 && type == DT_UNKNOWN) {
            struct stat st;
            type = lstat(path, &st) != 0 ? DT_UNKNOWN
                   : S_ISDIR(st.st_mode) ? DT_DIR
                   : S_ISREG(st.st_mode) ? DT_REG
                   : S_ISLNK(st.st_mode) ? DT_LNK
                                         : DT_UNKNOWN;
        }
        if (rc == 0) {
            if (type == DT_DIR) rc = walk(l, path, depth + 1) < 0 ? -1 : rc;
            else if ((type == DT_REG || type == DT_LNK) && is_modelfile_name(name))
                rc = add_file(l, path, false);
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

/* ---- per-file work --------------------------------------------------------------------- */

static char *line_text(const mfl_doc_t *doc, uint32_t line) {
    size_t n;
    mfl_range_t r = mfl_doc_line_range(doc, line);
    const char *s = mfl_doc_slice(doc, r, &n);
    return mfl_strndup(s, n);
}

/* 1-based line and character column. */
static void char_pos(const mfl_doc_t *doc, uint32_t off, uint32_t *line, uint32_t *col) {
    uint32_t l, bc;
    mfl_doc_position(doc, off, &l, &bc);
    size_t n;
    mfl_range_t r = mfl_doc_line_range(doc, l);
    const char *s = mfl_doc_slice(doc, (mfl_range_t){r.start, r.start + bc}, &n);
    uint32_t chars = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) chars++;
    *line = l + 1;
    *col = chars + 1;
}

static int convert_result(const cli_opts_t *o, cli_file_t *f, const mfl_doc_t *doc,
                          const mfl_result_t *res) {
    f->diags = calloc(res->n_diags ? res->n_diags : 1, sizeof *f->diags);
    if (!f->diags) return -1;
    for (size_t i = 0; i < res->n_diags; i++) {
        const mfl_diag_t *d = &res->diags[i];
        cli_diag_t *c = &f->diags[f->n_diags++];
        char_pos(doc, d->range.start, &c->line, &c->col);
        char_pos(doc, d->range.end, &c->end_line, &c->end_col);
        c->rule = d->rule;
        c->severity = d->severity;
        c->message = strdup(d->message);
        if (o->caret) c->source_line = line_text(doc, c->line - 1);
        if (d->fix) {
            c->has_fix = true;
            c->applicability = d->fix->applicability;
            c->fix_title = strdup(d->fix->title);
            c->edits = calloc(d->fix->n_edits ? d->fix->n_edits : 1, sizeof *c->edits);
            for (size_t k = 0; c->edits && k < d->fix->n_edits; k++) {
                const mfl_edit_t *e = &d->fix->edits[k];
                cli_edit_t *ce = &c->edits[c->n_edits++];
                char_pos(doc, e->range.start, &ce->line, &ce->col);
                char_pos(doc, e->range.end, &ce->end_line, &ce->end_col);
                ce->text = strdup(e->text);
            }
        }
    }
    return 0;
}

static void set_error(cli_file_t *f, const char *msg) {
    free(f->error);
    f->error = strdup(msg);
}

static void process(const cli_opts_t *o, cli_file_t *f, mfl_io_env_t *env) {
    char err[1024];
    char *src = NULL;
    size_t len = 0;
    if (f->is_stdin) {
        src = mfl_strndup(o->stdin_data, o->stdin_len);
        len = o->stdin_len;
    } else if (mfl_io_read_file(f->path, CLI_MAX_FILE, &src, &len, err, sizeof err)) {
        set_error(f, err);
        return;
    }
    mfl_config_t *core = mfl_config_clone(mfl_io_config_core(f->cfg));
    mfl_doc_t *doc = NULL;
    mfl_result_t *res = NULL;
    char *fixed = NULL;
    size_t fixed_len = 0;
    if (!core || mfl_io_config_for_path(f->cfg, f->path, core)) {
        set_error(f, "out of memory");
        goto done;
    }
    mfl_budget_t *b = mfl_config_budget(core);
    if (o->have_hw) {
        b->memory_budget = o->budget_override.memory_budget;
        b->bandwidth = o->budget_override.bandwidth;
        b->runtime_reserve = o->budget_override.runtime_reserve;
        snprintf(b->hardware, sizeof b->hardware, "%s", o->budget_override.hardware);
    }
    if (o->have_memory) {
        b->memory_budget = o->budget_override.memory_budget;
        if (!o->have_hw) b->runtime_reserve = 0; /* the device is not known */
    }
    if (o->have_bandwidth) b->bandwidth = o->budget_override.bandwidth;
    if (o->have_prefill) b->prefill_rate = o->budget_override.prefill_rate;
    if (o->have_timeout) b->client_timeout = o->budget_override.client_timeout;
    if (o->have_version) mfl_config_set_ollama_version(core, o->ollama_version);
    if (o->select) mfl_config_select(core, o->select);
    if (o->extend_select) {
        char *list = strdup(o->extend_select), *save = NULL;
        for (char *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save))
            mfl_config_enable(core, t);
        free(list);
    }
    if (o->ignore) mfl_config_ignore(core, o->ignore);

    char base[4096];
    const char *name = f->is_stdin && o->stdin_filename ? o->stdin_filename : f->path;
    snprintf(base, sizeof base, "%s", name);
    char *slash = strrchr(base, '/');
    if (slash) *slash = '\0';
    else strcpy(base, ".");
    mfl_lint_opts_t lo = {name, base, core, env ? mfl_io_env_get(env) : NULL};

    if (o->fix || o->diff) {
        doc = mfl_doc_new_batch(src, len); /* src stays: the write checks the file against it */
    } else {
        doc = mfl_doc_new_batch_take(src, len); /* no copy of the text */
        src = NULL;
    }
    if (!doc) {
        set_error(f, "out of memory");
        goto done;
    }
    if (o->fix || o->diff) {
        size_t tlen;
        const char *text = mfl_doc_text(doc, &tlen);
        mfl_fix_opts_t fo = {o->unsafe_fixes, NULL, 0};
        mfl_fix_report_t rep;
        int rc = mfl_fix_all(text, tlen, &lo, &fo, &fixed, &fixed_len, &rep);
        if (rc == MFL_ENOCONVERGE) {
            snprintf(err, sizeof err, "%s: fixes did not converge after %zu passes (rules %s); "
                                      "nothing written", name, rep.passes, rep.rules);
            set_error(f, err);
            goto done;
        } else if (rc) {
            set_error(f, "out of memory");
            goto done;
        }
        f->fixed = rep.applied;
        f->changed = fixed_len != tlen || memcmp(fixed, text, tlen) != 0;
        if (rep.stopped) {
            /* The core refused a pass that would have added errors
             * (mfl_fix_all's policy): say so, and which rules' fixes. */
            snprintf(err, sizeof err, "%s: stopped fixing after %zu pass%s: the fixes of %s would "
                                      "have left %zu error%s where there were %zu; those were "
                                      "not applied", name, rep.passes, rep.passes == 1 ? "" : "es",
                     rep.stop_rules, rep.errors_rejected, rep.errors_rejected == 1 ? "" : "s",
                     rep.errors_before);
            f->notice = strdup(err);
        }
        if (f->changed) {
            if (o->diff) {
                f->diff = cli_unified_diff(name, text, tlen, fixed, fixed_len);
            } else if (f->is_stdin) {
                /* --fix on stdin: the fixed text goes to stdout (printed by main). */
                f->diff = mfl_strndup(fixed, fixed_len);
            } else {
                char *enc;
                size_t enc_len;
                if (mfl_doc_encode(doc, fixed, fixed_len, &enc, &enc_len)) {
                    set_error(f, "out of memory");
                    goto done;
                }
                int w = mfl_io_write_atomic(f->path, enc, enc_len, src, len, err, sizeof err);
                mfl_free(enc);
                if (w) {
                    set_error(f, err);
                    goto done;
                }
            }
            /* Report what remains in the fixed text. */
            mfl_doc_free(doc);
            doc = mfl_doc_new_decoded(fixed, fixed_len);
            if (!doc) {
                set_error(f, "out of memory");
                goto done;
            }
        }
    }
    if (mfl_lint(doc, &lo, &res) || convert_result(o, f, doc, res)) set_error(f, "out of memory");
done:
    mfl_result_free(res);
    mfl_doc_free(doc);
    mfl_free(fixed);
    mfl_free(src);
    mfl_config_free(core);
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
    file_list_t *l = arg;
    /* One model resolver per config per thread: resolvers cache, and are not shared. */
    const mfl_io_config_t *keys[8] = {0};
    mfl_io_env_t *envs[8] = {0};
    size_t n_envs = 0;
    pthread_mutex_lock(&l->mu);
    for (;;) {
        while (l->next >= l->n && !l->done && !l->stop) {
            l->waiting++;
            pthread_cond_wait(&l->more, &l->mu);
            l->waiting--;
        }
        if (l->stop || l->next >= l->n) break;
        size_t i = l->next++;
        cli_file_t f = l->v[i];
        pthread_mutex_unlock(&l->mu);
        mfl_io_env_t *env = NULL;
        for (size_t k = 0; k < n_envs; k++)
            if (keys[k] == f.cfg) env = envs[k];
        if (!env) {
            env = make_env(l->o, f.cfg);
            if (n_envs < 8) {
                keys[n_envs] = f.cfg;
                envs[n_envs++] = env;
            }
        }
        process(l->o, &f, env);
        bool cached = false;
        for (size_t k = 0; k < n_envs; k++) cached |= envs[k] == env;
        if (!cached) mfl_io_env_free(env);
        pthread_mutex_lock(&l->mu);
        l->v[i] = f;
    }
    pthread_mutex_unlock(&l->mu);
    for (size_t k = 0; k < n_envs; k++) mfl_io_env_free(envs[k]);
    mfl_thread_cleanup();
    return NULL;
}

/* ---- main ---------------------------------------------------------------------------------- */

static int parse_sev(const char *s, mfl_severity_t *out) {
    if (!strcmp(s, "error")) *out = MFL_SEVERITY_ERROR;
    else if (!strcmp(s, "warning")) *out = MFL_SEVERITY_WARNING;
    else if (!strcmp(s, "info")) *out = MFL_SEVERITY_INFO;
    else if (!strcmp(s, "hint")) *out = MFL_SEVERITY_HINT;
    else return -1;
    return 0;
}

static int read_stdin(char **buf, size_t *len) {
    size_t cap = 65536, n = 0;
    char *b = mfl_malloc(cap);
    if (!b) return -1;
    for (;;) {
        if (n == cap) {
            if (cap >= CLI_MAX_FILE) { mfl_free(b); return -1; }
            char *nb = mfl_realloc(b, cap * 2);
            if (!nb) { mfl_free(b); return -1; }
            b = nb;
            cap *= 2;
        }
        ssize_t r = read(0, b + n, cap - n);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) { mfl_free(b); return -1; }
        if (r == 0) break;
        n += (size_t)r;
    }
    *buf = b;
    *len = n;
    return 0;
}

int cli_parse_main(int argc, char **argv);

enum {
    OPT_FORMAT = 256, OPT_FIX, OPT_UNSAFE, OPT_DIFF, OPT_SELECT, OPT_IGNORE, OPT_SEVERITY,
    OPT_CONFIG, OPT_NO_CONFIG, OPT_STDIN_FILENAME, OPT_MEMORY, OPT_HARDWARE, OPT_PREFILL,
    OPT_TIMEOUT, OPT_MODELS, OPT_LIST_RULES, OPT_EXPLAIN, OPT_COLOR, OPT_VERSION,
    OPT_EXTEND, OPT_LIST_HW, OPT_BANDWIDTH, OPT_MAN, OPT_OLLAMA_VERSION
};

/* Frees the file list, its results and the configuration cache, so that
 * valgrind sees no leak (tools/valgrind-cli.sh). */
static void cleanup(file_list_t *files, cli_opts_t *o) {
    for (size_t i = 0; i < files->n; i++) {
        cli_file_t *f = &files->v[i];
        for (size_t k = 0; k < f->n_diags; k++) {
            cli_diag_t *d = &f->diags[k];
            free(d->message);
            free(d->fix_title);
            mfl_free(d->source_line);
            for (size_t e = 0; e < d->n_edits; e++) free(d->edits[e].text);
            free(d->edits);
        }
        free(f->diags);
        free(f->path);
        free(f->error);
        free(f->notice);
        mfl_free(f->diff);
    }
    free(files->v);
    for (size_t i = 0; i < n_cfg_cache; i++) {
        free(cfg_cache[i].key);
        mfl_io_config_free(cfg_cache[i].cfg);
    }
    free(cfg_cache);
    mfl_io_config_free(default_cfg);
    mfl_free(o->stdin_data);
    pthread_mutex_destroy(&files->mu);
    pthread_cond_destroy(&files->more);
}

int main(int argc, char **argv) {
#if defined(__GLIBC__)
    /* Each file's buffers are freed before the next file's are allocated:
     * keep that memory for the next file instead of handing it back to the
     * kernel and faulting it in again (page faults were a tenth of a run's
     * CPU time in a VM). A run is short; the memory goes back at exit. */
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
    /* One allocator for the core and jansson (mfl_set_allocator's hook). */
    json_set_alloc_funcs(mfl_malloc, mfl_free);
    if (argc > 1 && strcmp(argv[1], "parse") == 0) return cli_parse_main(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "info") == 0) return cli_info_main(argc - 1, argv + 1);

    static const struct option longopts[] = {
        {"format", required_argument, 0, OPT_FORMAT},
        {"fix", no_argument, 0, OPT_FIX},
        {"unsafe-fixes", no_argument, 0, OPT_UNSAFE},
        {"diff", no_argument, 0, OPT_DIFF},
        {"select", required_argument, 0, OPT_SELECT},
        {"extend-select", required_argument, 0, OPT_EXTEND},
        {"ignore", required_argument, 0, OPT_IGNORE},
        {"severity", required_argument, 0, OPT_SEVERITY},
        {"config", required_argument, 0, OPT_CONFIG},
        {"no-config", no_argument, 0, OPT_NO_CONFIG},
        {"stdin-filename", required_argument, 0, OPT_STDIN_FILENAME},
        {"memory", required_argument, 0, OPT_MEMORY},
        {"hardware", required_argument, 0, OPT_HARDWARE},
        {"bandwidth", required_argument, 0, OPT_BANDWIDTH},
        {"prefill-rate", required_argument, 0, OPT_PREFILL},
        {"client-timeout", required_argument, 0, OPT_TIMEOUT},
        {"ollama-models", required_argument, 0, OPT_MODELS},
        {"ollama-version", required_argument, 0, OPT_OLLAMA_VERSION},
        {"list-rules", no_argument, 0, OPT_LIST_RULES},
        {"list-hardware", no_argument, 0, OPT_LIST_HW},
        {"explain", required_argument, 0, OPT_EXPLAIN},
        {"color", required_argument, 0, OPT_COLOR},
        {"quiet", no_argument, 0, 'q'},
        {"jobs", required_argument, 0, 'j'},
        {"help", no_argument, 0, 'h'},
        {"version", no_argument, 0, OPT_VERSION},
        {"man", no_argument, 0, OPT_MAN},
        {0, 0, 0, 0},
    };
    cli_opts_t o;
    memset(&o, 0, sizeof o);
    o.threshold = MFL_SEVERITY_WARNING;
    const char *format = "text", *color = "auto";
    bool list_rules = false, list_hw = false;
    const char *explain = NULL;
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "qhj:", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_FORMAT: format = optarg; break;
        case OPT_FIX: o.fix = true; break;
        case OPT_UNSAFE: o.unsafe_fixes = true; break;
        case OPT_DIFF: o.diff = true; break;
        case OPT_SELECT: o.select = optarg; break;
        case OPT_EXTEND: o.extend_select = optarg; break;
        case OPT_IGNORE: o.ignore = optarg; break;
        case OPT_SEVERITY:
            if (parse_sev(optarg, &o.threshold)) {
                fprintf(stderr, "modelfile-lint: --severity: expected error, warning, info or hint\n");
                return 2;
            }
            break;
        case OPT_CONFIG: o.config_path = optarg; break;
        case OPT_NO_CONFIG: o.no_config = true; break;
        case OPT_STDIN_FILENAME: o.stdin_filename = optarg; break;
        case OPT_MEMORY: {
            char e[256];
            if (mfl_size_parse(optarg, &o.budget_override.memory_budget, e, sizeof e)) {
                fprintf(stderr, "modelfile-lint: --memory: %s\n", e);
                return 2;
            }
            o.have_memory = true;
            break;
        }
        case OPT_BANDWIDTH: {
            uint64_t v;
            char tmp[64], e[256];
            snprintf(tmp, sizeof tmp, "%s", optarg);
            char *s = strstr(tmp, "/s");
            if (s) *s = '\0';
            if (mfl_size_parse(tmp, &v, e, sizeof e)) {
                fprintf(stderr, "modelfile-lint: --bandwidth: %s (a rate such as 800GB/s)\n", e);
                return 2;
            }
            o.budget_override.bandwidth = (double)v;
            o.have_bandwidth = true;
            break;
        }
        case OPT_HARDWARE:
            if (mfl_io_apply_hardware(&o.budget_override, optarg)) {
                fprintf(stderr, "modelfile-lint: --hardware: unknown profile '%s' (see --list-hardware)\n", optarg);
                return 2;
            }
            o.have_hw = true;
            break;
        case OPT_PREFILL:
        case OPT_TIMEOUT: {
            char *end;
            double v = strtod(optarg, &end);
            if (*end || v <= 0) {
                fprintf(stderr, "modelfile-lint: %s: expected a positive number\n",
                        c == OPT_PREFILL ? "--prefill-rate" : "--client-timeout");
                return 2;
            }
            if (c == OPT_PREFILL) o.budget_override.prefill_rate = v, o.have_prefill = true;
            else o.budget_override.client_timeout = v, o.have_timeout = true;
            break;
        }
        case OPT_MODELS: o.ollama_models = optarg; break;
        case OPT_OLLAMA_VERSION: {
            const char *why;
            if (mfl_version_parse(optarg, strlen(optarg), &o.ollama_version, &why)) {
                fprintf(stderr, "modelfile-lint: --ollama-version: '%s': %s\n", optarg, why);
                return 2;
            }
            o.have_version = true;
            break;
        }
        case OPT_LIST_RULES: list_rules = true; break;
        case OPT_LIST_HW: list_hw = true; break;
        case OPT_EXPLAIN: explain = optarg; break;
        case OPT_COLOR: color = optarg; break;
        case 'q': o.quiet = true; break;
        case 'j': o.jobs = atoi(optarg); break;
        case 'h': cli_print_help(stdout); return 0;
        case OPT_MAN: cli_print_man(stdout, MFL_VERSION); return 0;
        case OPT_VERSION: printf("modelfile-lint %s\n", MFL_VERSION); return 0;
        default:
            fprintf(stderr, "modelfile-lint: unknown or incomplete option '%s' (see --help)\n", argv[optind - 1]);
            return 2;
        }
    }
    if (explain) return cli_explain(stdout, explain);
    if (list_rules) {
        cli_print_rules(stdout, format);
        return 0;
    }
    if (list_hw) {
        for (size_t i = 0; mfl_hw_at(i); i++) {
            const mfl_hw_profile_t *hw = mfl_hw_at(i);
            printf("%-32s %s, %.0f GB/s\n", hw->id, hw->device, hw->bandwidth_gbps);
        }
        return 0;
    }
    if (!strcmp(format, "text")) o.format = FMT_TEXT;
    else if (!strcmp(format, "json")) o.format = FMT_JSON;
    else if (!strcmp(format, "sarif")) o.format = FMT_SARIF;
    else if (!strcmp(format, "github")) o.format = FMT_GITHUB;
    else if (!strcmp(format, "checkstyle")) o.format = FMT_CHECKSTYLE;
    else {
        fprintf(stderr, "modelfile-lint: --format: expected text, json, sarif, github or checkstyle\n");
        return 2;
    }
    bool tty = isatty(1);
    if (!strcmp(color, "always")) o.color = true;
    else if (!strcmp(color, "never")) o.color = false;
    else if (!strcmp(color, "auto")) o.color = tty && !getenv("NO_COLOR");
    else {
        fprintf(stderr, "modelfile-lint: --color: expected auto, always or never\n");
        return 2;
    }
    o.caret = tty && o.format == FMT_TEXT;
    if (o.fix && o.diff) o.fix = false; /* --diff writes nothing */
    {
        /* Validate rule selectors once, with a clear message. */
        mfl_config_t *probe = mfl_config_new();
        if ((o.select && mfl_config_select(probe, o.select)) ||
            (o.ignore && mfl_config_ignore(probe, o.ignore))) {
            fprintf(stderr, "modelfile-lint: --select/--ignore names an unknown rule (see --list-rules)\n");
            mfl_config_free(probe);
            return 2;
        }
        mfl_config_free(probe);
    }

    default_cfg = mfl_io_config_default();
    file_list_t files = {0};
    files.o = &o;
    pthread_mutex_init(&files.mu, NULL);
    pthread_cond_init(&files.more, NULL);
    int status = 0;
    if (optind >= argc) {
        fprintf(stderr, "modelfile-lint: no input files (give paths, a directory, or - for stdin)\n");
        cleanup(&files, &o);
        return 2;
    }
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    int jobs = o.jobs > 0 ? o.jobs : (int)(ncpu > 0 ? ncpu : 1);
    if (jobs > 64) jobs = 64;
    pthread_t th[64];
    int started = 0;
    for (int i = optind; i < argc && !files.stop; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-") == 0) {
            if (read_stdin(&o.stdin_data, &o.stdin_len)) {
                fprintf(stderr, "modelfile-lint: cannot read standard input\n");
                files.stop = true;
                break;
            }
            add_file(&files, o.stdin_filename ? o.stdin_filename : "<stdin>", true);
            continue;
        }
        struct stat st;
        if (stat(a, &st) != 0) {
            fprintf(stderr, "modelfile-lint: %s: %s\n", a, strerror(errno));
            status = 2;
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            /* The workers start with the first folder and lint what the walk
             * finds; this thread joins them when the walk is over. */
            for (; started < jobs - 1; started++)
                if (pthread_create(&th[started], NULL, worker, &files) != 0) break;
            if (walk(&files, a, 0) < 0) status = 2;
        } else {
            add_file(&files, a, false);
        }
    }
    pthread_mutex_lock(&files.mu);
    files.done = true;
    pthread_cond_broadcast(&files.more);
    size_t n_files = files.n;
    pthread_mutex_unlock(&files.mu);
    /* Files named one by one: a thread per file at most, none for one file
     * (pre-commit's usual call), so start-up stays a single thread. */
    if (!files.stop && n_files > 1)
        for (; started < jobs - 1 && (size_t)started < n_files - 1; started++)
            if (pthread_create(&th[started], NULL, worker, &files) != 0) break;
    if (!files.stop) worker(&files);
    for (int i = 0; i < started; i++) pthread_join(th[i], NULL);
    if (files.stop) {
        cleanup(&files, &o);
        return 2;
    }

    bool findings = false, changed = false;
    for (size_t i = 0; i < files.n; i++) {
        cli_file_t *f = &files.v[i];
        if (f->error) {
            fprintf(stderr, "modelfile-lint: %s\n", f->error);
            status = 2;
        }
        if (f->notice && !o.quiet) fprintf(stderr, "modelfile-lint: %s\n", f->notice);
        for (size_t k = 0; k < f->n_diags; k++)
            if (f->diags[k].severity <= o.threshold) findings = true;
        changed |= f->changed;
    }
    if (o.fix && files.n == 1 && files.v[0].is_stdin && files.v[0].diff) {
        /* `--fix -`: the fixed text to stdout, diagnostics to stderr. */
        fputs(files.v[0].diff, stdout);
        if (!o.quiet) cli_print(stderr, &o, files.v, files.n);
    } else if (o.diff) {
        if (!o.quiet)
            for (size_t i = 0; i < files.n; i++)
                if (files.v[i].diff) fputs(files.v[i].diff, stdout);
    } else if (!o.quiet) {
        cli_print(stdout, &o, files.v, files.n);
    }
    if (status == 0 && (o.diff ? changed : findings)) status = 1;
    cleanup(&files, &o);
    return status;
}

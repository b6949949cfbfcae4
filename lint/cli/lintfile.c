/* SPDX-License-Identifier: MIT */
/* One file: read it, lint it (mfl_lint), fix it (mfl_fix_all) and write it
 * back, then render its diagnostics in the run's format. Runs on a worker. */
#define _GNU_SOURCE
#include "cli.h"
#include "mfl_io_env.h"
#include "mfl_os.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void cli_set_error(cli_file_t *f, const char *msg) {
    free(f->error);
    f->error = strdup(msg);
}

int cli_read_input(const cli_opts_t *o, cli_file_t *f, char **src, size_t *len) {
    char err[1024];
    *src = NULL;
    *len = 0;
    if (f->is_stdin) {
        *src = mfl_strndup(o->stdin_data, o->stdin_len);
        *len = o->stdin_len;
        if (!*src) {
            cli_set_error(f, "<stdin>: out of memory");
            return -1;
        }
    } else if (mfl_io_read_file(f->path, CLI_MAX_FILE, src, len, err, sizeof err)) {
        cli_set_error(f, err);
        return -1;
    }
    return 0;
}

/* The core config for this file: its config file, its per-path ignores,
 * then the command line. NULL when out of memory. */
static mfl_config_t *file_config(const cli_opts_t *o, cli_file_t *f, const char *name) {
    mfl_config_t *core = mfl_config_clone(mfl_io_config_core(f->cfg));
    if (!core) return NULL;
    if (mfl_io_config_for_path(f->cfg, name, core)) {
        mfl_config_free(core);
        return NULL;
    }
    cli_budget_apply(&o->budget, mfl_config_budget(core));
    if (o->budget.version) mfl_config_set_ollama_version(core, o->budget.ollama_version);
    if (o->select) mfl_config_select(core, o->select);
    if (o->extend_select) {
        char *list = strdup(o->extend_select), *save = NULL;
        for (char *t = list ? strtok_r(list, ",", &save) : NULL; t; t = strtok_r(NULL, ",", &save))
            mfl_config_enable(core, t);
        free(list);
    }
    if (o->ignore) mfl_config_ignore(core, o->ignore);
    return core;
}

void cli_lint_file(const cli_opts_t *o, cli_file_t *f, struct mfl_io_env *env) {
    if (o->format_cmd) {
        cli_format_file(o, f);
        return;
    }
    char err[1024];
    char *src = NULL;
    size_t len = 0;
    if (cli_read_input(o, f, &src, &len)) return;
    const char *name = f->is_stdin && o->stdin_filename ? o->stdin_filename : f->path;
    mfl_config_t *core = file_config(o, f, name);
    mfl_doc_t *doc = NULL;
    mfl_result_t *res = NULL;
    char *fixed = NULL;
    size_t fixed_len = 0;
    if (!core) {
        cli_set_error(f, "out of memory");
        goto done;
    }
    char base[4096];
    snprintf(base, sizeof base, "%s", name);
    char *slash = (char *)mfl_os_last_sep(base);
    if (slash)
        *slash = '\0';
    else
        strcpy(base, ".");
    mfl_lint_opts_t lo = {name, base, core, env ? mfl_io_env_get(env) : NULL};

    if (o->fix || o->diff) {
        doc = mfl_doc_new_batch(src, len); /* src stays: the write checks the file against it */
    } else {
        doc = mfl_doc_new_batch_take(src, len); /* no copy of the text */
        src = NULL;
    }
    if (!doc) {
        cli_set_error(f, "out of memory");
        goto done;
    }
    if (o->fix || o->diff) {
        size_t tlen;
        const char *text = mfl_doc_text(doc, &tlen);
        mfl_fix_opts_t fo = {o->unsafe_fixes, NULL, 0};
        mfl_fix_report_t rep;
        int rc = mfl_fix_all(text, tlen, &lo, &fo, &fixed, &fixed_len, &rep);
        if (rc == MFL_ENOCONVERGE) {
            snprintf(err, sizeof err,
                     "%s: fixes did not converge after %zu passes (rules %s); "
                     "nothing written",
                     name, rep.passes, rep.rules);
            cli_set_error(f, err);
            goto done;
        } else if (rc) {
            cli_set_error(f, "out of memory");
            goto done;
        }
        if (rep.stopped) {
            /* The core refused a pass that would have added errors
             * (mfl_fix_all's policy: the fixed text never has more errors
             * nor syntax errors): say so, and which rules' fixes. */
            snprintf(err, sizeof err,
                     "%s: stopped fixing after %zu pass%s: the fixes of %s would "
                     "have left %zu error%s where there were %zu; those were "
                     "not applied",
                     name, rep.passes, rep.passes == 1 ? "" : "es", rep.stop_rules,
                     rep.errors_rejected, rep.errors_rejected == 1 ? "" : "s", rep.errors_before);
            f->notice = strdup(err);
        }
        bool changed = fixed_len != tlen || memcmp(fixed, text, tlen) != 0;
        if (changed) {
            if (o->diff) {
                f->diff = cli_unified_diff(name, text, tlen, fixed, fixed_len);
            } else if (f->is_stdin) {
                /* --fix on stdin: the fixed text goes to stdout (printed by main). */
                f->diff = mfl_strndup(fixed, fixed_len);
            } else {
                char *enc;
                size_t enc_len;
                if (mfl_doc_encode(doc, fixed, fixed_len, &enc, &enc_len)) {
                    cli_set_error(f, "out of memory");
                    goto done;
                }
                int w = mfl_io_write_atomic(f->path, enc, enc_len, src, len, err, sizeof err);
                mfl_free(enc);
                if (w) {
                    cli_set_error(f, err);
                    goto done;
                }
            }
            f->changed = true;
            f->fixed = rep.applied;
            /* Report what remains in the fixed text. */
            mfl_doc_free(doc);
            doc = mfl_doc_new_decoded(fixed, fixed_len);
            if (!doc) {
                cli_set_error(f, "out of memory");
                goto done;
            }
        }
    }
    if (mfl_lint(doc, &lo, &res) || cli_render_file(o, f, doc, res))
        cli_set_error(f, "out of memory");
done:
    mfl_result_free(res);
    mfl_doc_free(doc);
    mfl_free(fixed);
    mfl_free(src);
    mfl_config_free(core);
}

void cli_file_cleanup(cli_file_t *f) {
    free(f->path);
    free(f->error);
    free(f->notice);
    mfl_free(f->out);
    mfl_free(f->diff);
    memset(f, 0, sizeof *f);
}

int cli_read_stdin(char **buf, size_t *len) {
    size_t cap = 65536, n = 0;
    char *b = mfl_malloc(cap);
    if (!b) return -1;
    for (;;) {
        if (n + 1 >= cap) {
            if (cap >= CLI_MAX_FILE) {
                mfl_free(b);
                return -1;
            }
            char *nb = mfl_realloc(b, cap * 2);
            if (!nb) {
                mfl_free(b);
                return -1;
            }
            b = nb;
            cap *= 2;
        }
        long long r = mfl_os_read(0, b + n, cap - 1 - n);
        if (r < 0) {
            mfl_free(b);
            return -1;
        }
        if (r == 0) break;
        n += (size_t)r;
    }
    b[n] = '\0';
    *buf = b;
    *len = n;
    return 0;
}

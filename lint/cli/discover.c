/* SPDX-License-Identifier: MIT */
/* Which files a command-line path names. A file is linted whatever its name
 * (unless --force-exclude excludes it); a folder is walked: its Modelfiles
 * (cli_is_modelfile_name), skipping excluded names (the
 * config's exclude, by default hidden names and node_modules, and
 * extend-exclude; --exclude and --extend-exclude) and what .gitignore files
 * exclude. The walk reads each folder once (the listing's file type, no stat per entry),
 * notices a .modelfile-lint.json or .gitignore in the listing, and adds
 * files to the run while the workers already lint. */
#define _GNU_SOURCE
#include "cli.h"

#include "mfl_os.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- names ------------------------------------------------------------------------ */

static bool ends_with(const char *s, size_t n, const char *suffix, bool nocase) {
    size_t l = strlen(suffix);
    return n >= l && (nocase ? strcasecmp(s + n - l, suffix) : strcmp(s + n - l, suffix)) == 0;
}

/* Modelfile, Modelfile.<suffix>, <stem>.Modelfile and <stem>.modelfile, but
 * not documentation or backups (.md, .markdown, .rst, .adoc, .html, .htm,
 * .pdf, .bak, .orig, .rej, .old, .tmp, .swp, .swo, .swx, a trailing ~) nor
 * editor lock and autosave files (.#Modelfile, #Modelfile#). Modelfile.txt
 * and Modelfile.example are Modelfiles (real projects have them). */
bool cli_is_modelfile_name(const char *name) {
    static const char *const not_modelfiles[] = {
        ".md",   ".markdown", ".rst", ".adoc", ".html", ".htm", ".pdf", ".bak",
        ".orig", ".rej",      ".old", ".tmp",  ".swp",  ".swo", ".swx", "~",
    };
    size_t n = strlen(name);
    bool shape = strcmp(name, "Modelfile") == 0 || strncmp(name, "Modelfile.", 10) == 0 ||
                 (n > 10 && (ends_with(name, n, ".Modelfile", false) ||
                             ends_with(name, n, ".modelfile", false)));
    if (!shape) return false;
    for (size_t i = 0; i < sizeof not_modelfiles / sizeof not_modelfiles[0]; i++)
        if (ends_with(name, n, not_modelfiles[i], true)) return false;
    /* Editor lock and autosave files: .#Modelfile, #Modelfile#. */
    if (name[0] == '#' || strncmp(name, ".#", 2) == 0) return false;
    return true;
}

/* ---- exclusions --------------------------------------------------------------------- */

/* The verdict of a pattern list for an entry: abs is its absolute path,
 * name its last component. Below the list's base the patterns apply as in
 * a .gitignore there; outside it (a walk of a folder beside the working
 * directory, for --exclude) only the patterns without a slash apply, to
 * the name. */
static int list_verdict(const mfl_ignore_t *ig, const char *abs, const char *name, bool is_dir,
                        bool path) {
    if (!ig) return 0;
    const char *rel = mfl_ignore_rel(ig->base, abs);
    if (rel && !*rel) return 0;
    for (size_t i = ig->n; i-- > 0;) {
        const mfl_pattern_t *p = &ig->v[i];
        bool hit = rel ? (path ? mfl_pattern_match_path(p, rel, is_dir)
                               : mfl_pattern_match(p, rel, is_dir))
                       : !p->anchored && mfl_pattern_match(p, name, is_dir);
        if (hit) return p->negated ? -1 : 1;
    }
    return 0;
}

static bool default_excluded(const char *name) {
    return name[0] == '.' || strcmp(name, "node_modules") == 0;
}

/* True if the exclusions of cfg and of the command line skip the entry.
 * path: also when a folder above it (below the patterns' base) matches. */
static bool excluded(const cli_opts_t *o, const mfl_io_config_t *cfg, const char *abs,
                     const char *name, bool is_dir, bool path) {
    int v;
    if (o->cli_exclude)
        v = list_verdict(o->cli_exclude, abs, name, is_dir, path);
    else if (cfg && mfl_io_config_exclude(cfg))
        v = list_verdict(mfl_io_config_exclude(cfg), abs, name, is_dir, path);
    else if (path) {
        /* The default, for a path: a hidden or node_modules component below
         * the config's folder (or the working directory). */
        const char *base = cfg && *mfl_io_config_dir(cfg) ? mfl_io_config_dir(cfg) : NULL;
        char cwd[4096];
        if (!base && mfl_io_abspath(".", cwd, sizeof cwd) == 0) base = cwd;
        const char *rel = base ? mfl_ignore_rel(strcmp(base, "/") ? base : "", abs) : NULL;
        v = 0;
        for (const char *p = rel; p && *p && !v;) {
            const char *e = strchr(p, '/');
            char comp[256];
            snprintf(comp, sizeof comp, "%.*s", e ? (int)(e - p) : (int)strlen(p), p);
            if (default_excluded(comp)) v = 1;
            p = e ? e + 1 : p + strlen(p);
        }
    } else {
        v = default_excluded(name);
    }
    if (v == 1) return true;
    const mfl_ignore_t *ext = cfg ? mfl_io_config_extend_exclude(cfg) : NULL;
    return list_verdict(ext, abs, name, is_dir, path) == 1 ||
           list_verdict(o->cli_extend_exclude, abs, name, is_dir, path) == 1;
}

/* ---- .gitignore ------------------------------------------------------------------------ */

typedef struct {
    mfl_ignore_t **v;
    size_t n, cap;
} ig_stack_t;

static int push_file(ig_stack_t *st, const char *base, const char *file) {
    char *text;
    size_t len;
    char err[512];
    if (mfl_io_read_file(file, 1u << 20, &text, &len, err, sizeof err))
        return 0; /* unreadable: none */
    mfl_ignore_t *ig = mfl_ignore_new(base);
    int rc = ig && mfl_ignore_add_text(ig, text, len) == 0 ? 0 : -1;
    mfl_free(text);
    if (rc == 0 && st->n == st->cap) {
        size_t cap = st->cap ? st->cap * 2 : 8;
        mfl_ignore_t **v = realloc(st->v, cap * sizeof *v);
        if (v) {
            st->v = v;
            st->cap = cap;
        } else {
            rc = -1;
        }
    }
    if (rc) {
        mfl_ignore_free(ig);
        return -1;
    }
    st->v[st->n++] = ig;
    return 1;
}

static void pop_to(ig_stack_t *st, size_t n) {
    while (st->n > n) mfl_ignore_free(st->v[--st->n]);
}

/* The .gitignore files above the walk's root, up to the repository's root
 * (the nearest folder holding .git), and its .git/info/exclude; none when
 * the root is not inside a repository. Lowest precedence first. */
static int push_ancestors(ig_stack_t *st, const char *root_abs) {
    char dirs[64][4096];
    int n = 0;
    char cur[4096], probe[4200];
    mfl_os_stat_t sb;
    snprintf(cur, sizeof cur, "%s", root_abs);
    bool repo = false;
    for (;;) {
        snprintf(probe, sizeof probe, "%s/.git", strcmp(cur, "/") ? cur : "");
        if (mfl_os_lstat(probe, &sb) == 0) {
            repo = true;
            break;
        }
        char *slash = (char *)mfl_os_last_sep(cur);
        if (!slash || !strcmp(cur, "/") || n == 64) break;
        if (slash == cur)
            strcpy(cur, "/");
        else
            *slash = '\0';
        snprintf(dirs[n++], sizeof dirs[0], "%s", cur);
    }
    if (!repo) return 0;
    /* cur is the repository's root. */
    snprintf(probe, sizeof probe, "%s/.git/info/exclude", strcmp(cur, "/") ? cur : "");
    if (push_file(st, strcmp(cur, "/") ? cur : "", probe) < 0) return -1;
    for (int i = n; i-- > 0;) {
        snprintf(probe, sizeof probe, "%s/.gitignore", strcmp(dirs[i], "/") ? dirs[i] : "");
        if (push_file(st, strcmp(dirs[i], "/") ? dirs[i] : "", probe) < 0) return -1;
    }
    return 0;
}

static bool gitignored(const ig_stack_t *st, const char *abs, bool is_dir) {
    for (size_t i = st->n; i-- > 0;) {
        const char *rel = mfl_ignore_rel(st->v[i]->base, abs);
        if (!rel || !*rel) continue;
        int v = mfl_ignore_match(st->v[i], rel, is_dir);
        if (v) return v > 0;
    }
    return false;
}

/* ---- the walk ------------------------------------------------------------------------ */

typedef struct {
    cli_run_t *r;
    const cli_opts_t *o;
    ig_stack_t gi;
    bool started; /* workers started */
} walk_t;

/* Names carry their d_type in the first byte (see walk). */
static int cmp_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

static bool respects_gitignore(const cli_opts_t *o, const mfl_io_config_t *cfg) {
    return !o->no_respect_gitignore && !(cfg && mfl_io_config_respect_gitignore(cfg) == 0);
}

/* dir as shown, abs its absolute form; cfg the config that applies. */
static int walk(walk_t *w, const char *dir, const char *abs, mfl_io_config_t *cfg, int depth) {
    if (depth > 64) return 0;
    mfl_os_dir_t *d = mfl_os_opendir(dir);
    if (!d) {
        fprintf(stderr, "modelfile-lint: %s: %s\n", dir, strerror(errno));
        return 1;
    }
    /* Each name is kept with its type byte in front: the listing's file type spares
     * an lstat per entry on the file systems that fill it in. */
    char **names = NULL;
    size_t n = 0, cap = 0;
    const char *nm;
    mfl_ftype_t e_type;
    int rc = 0;
    bool has_config = false, has_gitignore = false;
    while ((nm = mfl_os_readdir(d, &e_type))) {
        if (strcmp(nm, MFL_CONFIG_FILENAME) == 0) has_config = true;
        if (strcmp(nm, ".gitignore") == 0) has_gitignore = true;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) {
                rc = -1;
                break;
            }
            names = nn;
        }
        size_t len = strlen(nm);
        char *name = malloc(len + 2);
        if (!name) {
            rc = -1;
            break;
        }
        name[0] = (char)e_type;
        memcpy(name + 1, nm, len + 1);
        names[n++] = name;
    }
    mfl_os_closedir(d);
    /* A config file here governs this folder and what is below it (the
     * root's own was found by cli_run_config_for). */
    if (rc == 0 && has_config && depth > 0 && !w->o->config_path && !w->o->no_config &&
        cli_run_config_in(w->r, abs, &cfg)) {
        cli_run_stop(w->r); /* reported */
        rc = -1;
    }
    size_t gi_mark = w->gi.n;
    bool respect = respects_gitignore(w->o, cfg);
    if (rc == 0 && has_gitignore && respect) {
        char gpath[4200];
        snprintf(gpath, sizeof gpath, "%s/.gitignore", strcmp(abs, "/") ? abs : "");
        if (push_file(&w->gi, strcmp(abs, "/") ? abs : "", gpath) < 0) rc = -1;
    }
    qsort(names, n, sizeof *names, cmp_name);
    for (size_t i = 0; i < n; i++) {
        char path[4096], eabs[4096];
        const char *name = names[i] + 1;
        unsigned char type = (unsigned char)names[i][0];
        if (rc < 0) goto next;
        snprintf(path, sizeof path, "%s%s%s", dir, mfl_os_is_sep(dir[strlen(dir) - 1]) ? "" : "/",
                 name);
        snprintf(eabs, sizeof eabs, "%s/%s", strcmp(abs, "/") ? abs : "", name);
        if (type == MFL_FT_UNKNOWN) {
            mfl_os_stat_t st;
            type = mfl_os_lstat(path, &st) != 0 ? MFL_FT_UNKNOWN : st.type;
        }
        bool is_dir = type == MFL_FT_DIR;
        if (!is_dir &&
            !((type == MFL_FT_FILE || type == MFL_FT_LINK) && cli_is_modelfile_name(name)))
            goto next;
        if (excluded(w->o, cfg, eabs, name, is_dir, false)) goto next;
        if (respect && w->gi.n && gitignored(&w->gi, eabs, is_dir)) goto next;
        if (is_dir) {
            int wr = walk(w, path, eabs, cfg, depth + 1);
            if (wr < 0)
                rc = -1;
            else if (wr > 0)
                rc = 1;
        } else if (cli_run_add(w->r, path, false, cfg)) {
            rc = -1;
        }
    next:
        free(names[i]);
    }
    free(names);
    pop_to(&w->gi, gi_mark);
    return rc;
}

int cli_discover(cli_run_t *r, const cli_opts_t *o, const char *a) {
    cli_opts_t *mo = (cli_opts_t *)o;
    if (strcmp(a, "-") == 0) {
        if (!o->stdin_data && cli_read_stdin(&mo->stdin_data, &mo->stdin_len)) {
            fprintf(stderr, "modelfile-lint: cannot read standard input\n");
            return -1;
        }
        return cli_run_add(r, o->stdin_filename ? o->stdin_filename : "<stdin>", true, NULL) ? -1
                                                                                             : 0;
    }
    mfl_os_stat_t st;
    if (mfl_os_stat(a, &st) != 0) {
        fprintf(stderr, "modelfile-lint: %s: %s\n", a, strerror(errno));
        return 1;
    }
    char abs[4096];
    if (!mfl_os_realpath(a, abs, sizeof abs) && mfl_io_abspath(a, abs, sizeof abs)) {
        fprintf(stderr, "modelfile-lint: %s: path too long\n", a);
        return 1;
    }
    if (st.type != MFL_FT_DIR) {
        if (o->force_exclude) {
            mfl_io_config_t *cfg;
            if (cli_run_config_for(r, a, false, &cfg)) {
                cli_run_stop(r); /* a configuration error (reported) stops the run */
                return -1;
            }
            const char *name = mfl_os_last_sep(abs);
            if (excluded(o, cfg, abs, name ? name + 1 : abs, false, true)) return 0;
        }
        return cli_run_add(r, a, false, NULL) ? -1 : 0;
    }
    mfl_io_config_t *cfg;
    if (cli_run_config_for(r, a, true, &cfg)) {
        cli_run_stop(r); /* a configuration error (reported) stops the run */
        return -1;
    }
    walk_t w = {r, o, {0}, false};
    int rc = 0;
    if (respects_gitignore(o, cfg) && push_ancestors(&w.gi, abs) < 0) rc = -1;
    /* The workers start with the first folder and lint what the walk finds;
     * this thread joins them when the walk is over. */
    cli_run_start_workers(r, 64);
    if (rc == 0) rc = walk(&w, a, abs, cfg, 0);
    pop_to(&w.gi, 0);
    free(w.gi.v);
    if (rc < 0 && !cli_run_stopped(r)) {
        fprintf(stderr, "modelfile-lint: out of memory\n");
        cli_run_stop(r);
    }
    return rc;
}

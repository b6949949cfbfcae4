/* SPDX-License-Identifier: MIT */
/* The modelfile-lint CLI. One concern per file:
 *   main.c      subcommand dispatch and the lint run's steps
 *   options.def every option (getopt table, --help, --man)
 *   args.c      argument parsing into cli_opts_t
 *   help.c      --help and --man
 *   discover.c  which files a path names: folder walks, Modelfile names,
 *               exclude patterns, .gitignore
 *   pool.c      the file list, the configuration cache and the worker pool
 *   lintfile.c  one file: read, lint, fix, write
 *   render.c    the output formats, rendered per file by the workers
 *   report.c    what follows the files: fix lines, the summary, exit status
 *   rules_doc.c --list-rules and --explain
 *   info.c, parse.c, diff.c  the info and parse subcommands, --diff
 *   format.c    the format subcommand */
#ifndef MFL_CLI_H
#define MFL_CLI_H

#include "mfl.h"
#include "mfl_io.h"
#include "mfl_io_ignore.h"

#include <stdbool.h>
#include <stdio.h>

#define CLI_MAX_FILE (64u << 20)

#ifndef MFL_VERSION
#define MFL_VERSION "0.1.0"
#endif

/* ---- options (options.def) ----------------------------------------------------- */

enum { CHECK = 1, INFO = 2, PARSE = 4, META = 8, FORMAT_CMD = 16 };

typedef enum {
    OPT_NONE = 256,
#define CLI_GROUP(title)
#define CLI_OPT(id, name, short_, arg, scope, help) OPT_##id,
#include "options.def"
#undef CLI_OPT
#undef CLI_GROUP
    OPT_END
} cli_opt_id_t;

typedef struct {
    const char *group; /* non-NULL: a heading, the other fields unused */
    cli_opt_id_t id;
    const char *name;
    char short_;
    const char *arg;
    unsigned scope;
    const char *help;
} cli_option_t;

extern const cli_option_t cli_options[];
extern const size_t cli_n_options;

typedef enum {
    FMT_FULL,
    FMT_CONCISE,
    FMT_JSON,
    FMT_SARIF,
    FMT_GITHUB,
    FMT_CHECKSTYLE
} cli_format_t;

/* The budget options shared by the linter and `info`, applied over the
 * config's budget. */
typedef struct {
    mfl_budget_t v; /* the values given */
    bool memory, hw, prefill, timeout, bandwidth, kv_cache_type, num_parallel;
    bool version; /* --ollama-version was given */
    mfl_version_t ollama_version;
} cli_budget_opts_t;

typedef struct {
    cli_format_t format;
    const char *format_name; /* as given (--list-rules takes markdown) */
    bool fix, unsafe_fixes, diff, quiet, color;
    bool format_cmd, format_check; /* `modelfile-lint format`, --check */
    mfl_severity_t threshold;
    const char *select, *ignore, *extend_select;
    const char *config_path;
    bool no_config;
    const char *stdin_filename;
    const char *ollama_models;
    cli_budget_opts_t budget;
    int jobs;
    /* Folder walks. */
    const char *exclude, *extend_exclude; /* comma-separated, NULL: not given */
    bool no_respect_gitignore, force_exclude;
    mfl_ignore_t *cli_exclude, *cli_extend_exclude; /* compiled, base: the working directory */
    /* Meta actions. */
    bool list_rules, list_hw, help, man, version;
    const char *explain;
    /* Standard input, read once. */
    char *stdin_data;
    size_t stdin_len;
} cli_opts_t;

/* args.c: parses argv (after the subcommand) into o for `scope`. Returns 0,
 * or 2 after printing a usage error. Positional arguments are left in
 * argv[*first..argc). */
int cli_parse_args(int argc, char **argv, unsigned scope, cli_opts_t *o, int *first);
/* One budget option (OPT_MEMORY ... OPT_NUM_PARALLEL, OPT_OLLAMA_VERSION) into b. Returns 0,
 * or 2 after printing an error. */
int cli_budget_option(cli_opt_id_t id, const char *arg, cli_budget_opts_t *b);
/* Applies the options given over a budget from a config. */
void cli_budget_apply(const cli_budget_opts_t *o, mfl_budget_t *b);
/* The target Ollama release: --ollama-version, else the config's (0: none
 * given there), else the newest known. */
mfl_version_t cli_target_version(const cli_budget_opts_t *o, mfl_version_t from_config);
void cli_opts_cleanup(cli_opts_t *o);

/* help.c: --help (for one scope) and --man. */
void cli_print_help(FILE *out, unsigned scope);
void cli_print_man(FILE *out, const char *version);

/* ---- files and results ------------------------------------------------------------ */

typedef struct {
    size_t sev[4];         /* problems per severity (error, warning, info, hint) */
    size_t fixable;        /* with a safe fix */
    size_t unsafe_fixable; /* with an unsafe fix only */
} cli_counts_t;

typedef struct {
    char *path;           /* as given / found */
    mfl_io_config_t *cfg; /* borrowed from the config cache */
    bool is_stdin;
    /* Results, filled by a worker. */
    char *error; /* I/O or other failure; NULL if none */
    char *out;   /* the diagnostics, rendered in the run's format */
    size_t out_len;
    char *diff; /* --diff, or the fixed text of `--fix -` */
    cli_counts_t counts;
    bool findings; /* a problem at or above --severity */
    size_t fixed;  /* fixes applied by --fix / --diff */
    bool changed;
    char *notice;  /* why fixing stopped early (mfl_fix_report_t); NULL if it did not */
    bool done;     /* linted; its part may be written */
    bool reported; /* its part and error are written (streaming) */
} cli_file_t;

/* lintfile.c: lints (and fixes) f; the results go into f. */
struct mfl_io_env;
void cli_lint_file(const cli_opts_t *o, cli_file_t *f, struct mfl_io_env *env);
/* The file's bytes (standard input's when f->is_stdin), for lintfile.c and
 * format.c alike; 0, or -1 with f->error set. */
int cli_read_input(const cli_opts_t *o, cli_file_t *f, char **src, size_t *len);
void cli_set_error(cli_file_t *f, const char *msg);
void cli_file_cleanup(cli_file_t *f);
/* Reads all of standard input (at most CLI_MAX_FILE bytes). Returns 0 or -1. */
int cli_read_stdin(char **buf, size_t *len);

typedef struct cli_writer cli_writer_t;

/* pool.c: the files of a run, linted by workers while the walk finds them. */
typedef struct cli_run cli_run_t;
cli_run_t *cli_run_new(cli_opts_t *o);
/* Adds a file with its config (NULL: the config is looked up for it).
 * Returns 0, -1 when out of memory, -2 after a configuration error
 * (reported; the run stops). */
int cli_run_add(cli_run_t *r, const char *path, bool is_stdin, mfl_io_config_t *cfg);
/* Streams the output: each file's part (and error, on stderr) is written
 * through w as soon as it and every file before it are linted, then its
 * rendering is freed. Set before the first file is added. */
void cli_run_stream(cli_run_t *r, cli_writer_t *w);
/* Starts up to jobs - 1 workers (for folder walks: they lint while the walk
 * goes on). */
void cli_run_start_workers(cli_run_t *r, size_t at_most);
/* No more files: lints what is left on this thread and joins the workers. */
void cli_run_finish(cli_run_t *r);
bool cli_run_stopped(const cli_run_t *r);
void cli_run_stop(cli_run_t *r);
cli_file_t *cli_run_files(cli_run_t *r, size_t *n);
/* The config for a path (a file, or a folder when is_dir): --config,
 * --no-config, or the nearest .modelfile-lint.json above it, loaded once
 * (cached). Returns 0, or -1 after printing the error. */
int cli_run_config_for(cli_run_t *r, const char *path, bool is_dir, mfl_io_config_t **out);
/* The config in the folder dir itself, when dir holds one (cached). */
int cli_run_config_in(cli_run_t *r, const char *dir, mfl_io_config_t **out);
void cli_run_free(cli_run_t *r);

/* discover.c: adds the files path names (a file, a folder to walk, or - for
 * standard input). Returns 0, 1 after an error that does not stop the run
 * (a missing path: reported), or -1 when the run stops. */
int cli_discover(cli_run_t *r, const cli_opts_t *o, const char *path);
/* True if a file name found in a folder walk is a Modelfile: Modelfile,
 * Modelfile.*, *.Modelfile, *.modelfile, but not documentation, backups or
 * editor files (the list is in discover.c). */
bool cli_is_modelfile_name(const char *name);

/* render.c: the diagnostics of one file in the run's format (called by the
 * worker that linted it, while the document is alive). Returns 0 or -1
 * when out of memory. */
int cli_render_file(const cli_opts_t *o, cli_file_t *f, const mfl_doc_t *doc,
                    const mfl_result_t *res);
/* The output of a run: the format's header when made, each file's part in
 * order, the footer when finished (and freed). NULL when out of memory. */
cli_writer_t *cli_writer_new(FILE *out, const cli_opts_t *o);
void cli_writer_part(cli_writer_t *w, const cli_file_t *f);
void cli_writer_finish(cli_writer_t *w);
/* All of it at once, for rendered files in an array. */
void cli_write_files(FILE *out, const cli_opts_t *o, cli_file_t *files, size_t n);

/* report.c: fix lines and the summary (full and concise formats), and the
 * exit status. */
void cli_report_summary(FILE *out, const cli_opts_t *o, cli_file_t *files, size_t n);
int cli_exit_status(const cli_opts_t *o, cli_file_t *files, size_t n);

/* rules_doc.c */
void cli_print_rules(FILE *out, const char *format);
int cli_explain(FILE *out, const char *code);
const char *cli_severity_name(mfl_severity_t s);

/* diff.c: a unified diff of a and b (new string, mfl_free). */
char *cli_unified_diff(const char *path, const char *a, size_t alen, const char *b, size_t blen);

/* info.c, parse.c: the subcommands (argv[0] is the subcommand). */
int cli_info_main(int argc, char **argv);
int cli_parse_main(int argc, char **argv);
/* format.c: `modelfile-lint format` (the core's mfl_format), and one file
 * of it (called by cli_lint_file when o->format_cmd is set). */
int cli_format_main(int argc, char **argv);
void cli_format_file(const cli_opts_t *o, cli_file_t *f);

#endif

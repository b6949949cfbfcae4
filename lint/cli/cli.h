/* SPDX-License-Identifier: MIT */
/* The modelfile-lint CLI: shared types between argument parsing, the worker
 * pool and the output formats. */
#ifndef MFL_CLI_H
#define MFL_CLI_H

#include "mfl.h"
#include "mfl_io.h"

#include <stdbool.h>
#include <stdio.h>

#define CLI_MAX_FILE (64u << 20)

typedef enum { FMT_TEXT, FMT_JSON, FMT_SARIF, FMT_GITHUB, FMT_CHECKSTYLE } cli_format_t;

typedef struct {
    uint32_t line, col, end_line, end_col; /* 1-based, columns in characters */
    char *text;
} cli_edit_t;

typedef struct {
    uint32_t line, col, end_line, end_col;
    const mfl_rule_t *rule;
    mfl_severity_t severity;
    char *message;
    bool has_fix;
    mfl_applicability_t applicability;
    char *fix_title;
    cli_edit_t *edits;
    size_t n_edits;
    char *source_line; /* for the caret display */
} cli_diag_t;

typedef struct {
    char *path;            /* as given / found */
    mfl_io_config_t *cfg;  /* borrowed from the config cache */
    bool is_stdin;
    /* Results. */
    char *error;           /* I/O or other failure; NULL if none */
    cli_diag_t *diags;
    size_t n_diags;
    char *diff;            /* --diff */
    size_t fixed;          /* fixes applied by --fix / --diff */
    bool changed;
    char *notice;          /* why fixing stopped early (mfl_fix_report_t); NULL if it did not */
} cli_file_t;

typedef struct {
    cli_format_t format;
    bool fix, unsafe_fixes, diff, quiet, color, caret;
    mfl_severity_t threshold;
    const char *select, *ignore, *extend_select;
    const char *config_path;
    bool no_config;
    const char *stdin_filename;
    const char *ollama_models;
    mfl_budget_t budget_override; /* fields set from flags */
    bool have_memory, have_hw, have_prefill, have_timeout, have_bandwidth, have_version;
    mfl_version_t ollama_version; /* --ollama-version */
    int jobs;
    char *stdin_data;
    size_t stdin_len;
} cli_opts_t;

/* output.c */
void cli_print(FILE *out, const cli_opts_t *o, cli_file_t *files, size_t n);
void cli_print_rules(FILE *out, const char *format);
int cli_explain(FILE *out, const char *code);

/* help.c: --help and --man from one option table. */
void cli_print_help(FILE *out);
void cli_print_man(FILE *out, const char *version);

/* diff.c: a unified diff of a and b (new string, mfl_free). */
char *cli_unified_diff(const char *path, const char *a, size_t alen, const char *b, size_t blen);

/* info.c */
int cli_info_main(int argc, char **argv);

#endif

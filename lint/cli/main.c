/* SPDX-License-Identifier: MIT */
/* modelfile-lint: the subcommands, and the steps of a lint run (options,
 * files, workers, output, exit status). Each step lives in its own file
 * (see cli.h); the checking itself is the core's (mfl_lint, mfl_fix_all). */
#define _GNU_SOURCE
#include "cli.h"
#include "mfl_knowledge.h"
#include "mfl_os.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The options that end the run before any file is read. Returns -1 when
 * none was given. */
static int meta(const cli_opts_t *o) {
    if (o->help) {
        cli_print_help(stdout, CHECK);
        return 0;
    }
    if (o->man) {
        cli_print_man(stdout, MFL_VERSION);
        return 0;
    }
    if (o->version) {
        printf("modelfile-lint %s\n", MFL_VERSION);
        return 0;
    }
    if (o->explain) return cli_explain(stdout, o->explain);
    if (o->list_rules) {
        const char *f = o->format_name ? o->format_name : "text";
        if (strcmp(f, "text") && strcmp(f, "full") && strcmp(f, "markdown") && strcmp(f, "json")) {
            fprintf(stderr, "modelfile-lint: --list-rules: --format is text, markdown or json\n");
            return 2;
        }
        cli_print_rules(stdout, f);
        return 0;
    }
    if (o->list_hw) {
        for (size_t i = 0; mfl_hw_at(i); i++) {
            const mfl_hw_profile_t *hw = mfl_hw_at(i);
            printf("%-32s %s, %.0f GB/s\n", hw->id, hw->device, hw->bandwidth_gbps);
        }
        return 0;
    }
    return -1;
}

/* Rule selectors are checked once, naming the one that is unknown. */
static int check_selectors(const cli_opts_t *o) {
    const struct {
        const char *opt, *list;
    } lists[] = {{"select", o->select}, {"extend-select", o->extend_select}, {"ignore", o->ignore}};
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        char code[128];
        if (lists[i].list && mfl_io_unknown_selector(lists[i].list, code, sizeof code) == 1) {
            fprintf(stderr, "modelfile-lint: --%s: unknown rule `%s` (see --list-rules)\n",
                    lists[i].opt, code);
            return 2;
        }
    }
    return 0;
}

static int lint_main(int argc, char **argv) {
    cli_opts_t o;
    memset(&o, 0, sizeof o);
    o.threshold = MFL_SEVERITY_WARNING;
    o.format = FMT_FULL;
    o.color = mfl_os_isatty(1) && !getenv("NO_COLOR");
    int first, status = cli_parse_args(argc, argv, CHECK, &o, &first);
    if (status == 0) status = meta(&o);
    if (status >= 0) {
        cli_opts_cleanup(&o);
        return status;
    }
    if (o.format_name && strcmp(o.format_name, "markdown") == 0) {
        fprintf(stderr, "modelfile-lint: --format markdown is for --list-rules\n");
        cli_opts_cleanup(&o);
        return 2;
    }
    if (o.fix && o.diff) o.fix = false; /* --diff writes nothing */
    if ((status = check_selectors(&o))) return status;

    cli_run_t *run = cli_run_new(&o);
    if (!run) {
        fprintf(stderr, "modelfile-lint: out of memory\n");
        return 2;
    }
    status = 0;
    /* No path: the current folder (ruff's convention). */
    static char dot[] = ".";
    char *here[] = {dot};
    char **paths = first < argc ? argv + first : here;
    int n_paths = first < argc ? argc - first : 1;
    for (int i = 0; i < n_paths && !cli_run_stopped(run); i++) {
        int rc = cli_discover(run, &o, paths[i]);
        if (rc) status = 2;
    }
    /* Every file is known and no configuration error can stop the run any
     * more: the output streams from here (it waited so that a bad config
     * file found halfway through a walk leaves stdout empty). */
    bool fix_stdin = false;
    cli_writer_t *w = NULL;
    if (!cli_run_stopped(run) && !o.quiet && !o.diff) {
        size_t n0;
        cli_file_t *f0 = cli_run_files(run, &n0);
        fix_stdin = o.fix && n0 == 1 && f0[0].is_stdin;
        /* `--fix -`: the fixed text goes to stdout first, the problems to stderr. */
        if (!fix_stdin && (w = cli_writer_new(stdout, &o))) cli_run_stream(run, w);
    }
    cli_run_finish(run);
    if (cli_run_stopped(run)) {
        cli_writer_finish(w);
        cli_run_free(run);
        cli_opts_cleanup(&o);
        return 2;
    }
    size_t n;
    cli_file_t *files = cli_run_files(run, &n);
    for (size_t i = 0; i < n; i++) {
        if (files[i].reported) continue;
        if (files[i].error) fprintf(stderr, "modelfile-lint: %s\n", files[i].error);
        if (files[i].notice && !o.quiet) fprintf(stderr, "modelfile-lint: %s\n", files[i].notice);
    }
    if (w) {
        cli_writer_finish(w);
        cli_report_summary(stdout, &o, files, n);
    } else if (fix_stdin) {
        /* The fixed text (or the text as it was) to stdout, the problems to stderr. */
        if (files[0].diff)
            fputs(files[0].diff, stdout);
        else if (!files[0].error)
            fwrite(o.stdin_data, 1, o.stdin_len, stdout);
        cli_write_files(stderr, &o, files, n);
        cli_report_summary(stderr, &o, files, n);
    } else if (o.diff) {
        if (!o.quiet)
            for (size_t i = 0; i < n; i++)
                if (files[i].diff) fputs(files[i].diff, stdout);
        cli_report_summary(stderr, &o, files, n);
    } else if (!o.quiet) {
        /* Out of memory for the writer: all at once. */
        cli_write_files(stdout, &o, files, n);
        cli_report_summary(stdout, &o, files, n);
    }
    int s2 = cli_exit_status(&o, files, n);
    if (status == 0) status = s2;
    cli_run_free(run);
    cli_opts_cleanup(&o);
    return status;
}

int main(int argc, char **argv) {
    /* Binary standard streams and UTF-8 arguments (Windows). */
    mfl_os_init_process(&argc, &argv, false);
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
    /* Subcommands come first, as in ruff: `check` is the default one (to
     * lint a folder named check, write ./check). */
    if (argc > 1 && strcmp(argv[1], "parse") == 0) return cli_parse_main(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "info") == 0) return cli_info_main(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "format") == 0) return cli_format_main(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "check") == 0) return lint_main(argc - 1, argv + 1);
    return lint_main(argc, argv);
}

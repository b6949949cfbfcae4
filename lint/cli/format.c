/* SPDX-License-Identifier: MIT */
/* `modelfile-lint format [--check] [--diff] [PATH|-]...`: the core's
 * formatter (mfl_format, the one the language server's formatting uses)
 * over the files a lint run would find, written back through the same
 * atomic write as --fix. */
#define _GNU_SOURCE
#include "cli.h"
#include "mfl_os.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void cli_format_file(const cli_opts_t *o, cli_file_t *f) {
    char err[1024];
    char *src = NULL, *out = NULL;
    size_t len = 0, out_len = 0;
    if (cli_read_input(o, f, &src, &len)) return;
    const char *name = f->is_stdin && o->stdin_filename ? o->stdin_filename : f->path;
    /* src stays: the write checks that the file did not change meanwhile. */
    mfl_doc_t *doc = mfl_doc_new_batch(src, len);
    if (!doc || mfl_format_text(doc, &out, &out_len)) {
        cli_set_error(f, "out of memory");
        goto done;
    }
    size_t tlen;
    const char *text = mfl_doc_text(doc, &tlen);
    f->changed = out_len != tlen || memcmp(out, text, tlen) != 0;
    if (o->diff) {
        if (f->changed) f->diff = cli_unified_diff(name, text, tlen, out, out_len);
    } else if (o->format_check) {
        /* Nothing written. */
    } else if (f->is_stdin) {
        f->out = out; /* the formatted text, printed by cli_format_main */
        f->out_len = out_len;
        out = NULL;
    } else if (f->changed) {
        char *enc;
        size_t enc_len;
        if (mfl_doc_encode(doc, out, out_len, &enc, &enc_len)) {
            cli_set_error(f, "out of memory");
            goto done;
        }
        int w = mfl_io_write_atomic(f->path, enc, enc_len, src, len, err, sizeof err);
        mfl_free(enc);
        if (w) cli_set_error(f, err);
    }
done:
    mfl_doc_free(doc);
    mfl_free(out);
    mfl_free(src);
}

int cli_format_main(int argc, char **argv) {
    cli_opts_t o;
    memset(&o, 0, sizeof o);
    o.threshold = MFL_SEVERITY_WARNING;
    o.format = FMT_FULL;
    int first, status = cli_parse_args(argc, argv, FORMAT_CMD, &o, &first);
    if (status == 0 && o.help) {
        cli_print_help(stdout, FORMAT_CMD);
        cli_opts_cleanup(&o);
        return 0;
    }
    if (status) {
        cli_opts_cleanup(&o);
        return status;
    }
    o.format_cmd = true;
    cli_run_t *run = cli_run_new(&o);
    if (!run) {
        fprintf(stderr, "modelfile-lint: out of memory\n");
        cli_opts_cleanup(&o);
        return 2;
    }
    static char dot[] = ".";
    char *here[] = {dot};
    char **paths = first < argc ? argv + first : here;
    int n_paths = first < argc ? argc - first : 1;
    for (int i = 0; i < n_paths && !cli_run_stopped(run); i++)
        if (cli_discover(run, &o, paths[i])) status = 2;
    cli_run_finish(run);
    if (cli_run_stopped(run)) {
        cli_run_free(run);
        cli_opts_cleanup(&o);
        return 2;
    }
    size_t n, changed = 0, errors = 0;
    cli_file_t *files = cli_run_files(run, &n);
    for (size_t i = 0; i < n; i++) {
        cli_file_t *f = &files[i];
        if (f->error) {
            fprintf(stderr, "modelfile-lint: %s\n", f->error);
            errors++;
            continue;
        }
        changed += f->changed;
        const char *name = f->is_stdin ? (o.stdin_filename ? o.stdin_filename : "-") : f->path;
        if (o.diff) {
            if (f->diff && !o.quiet) fputs(f->diff, stdout);
        } else if (o.format_check) {
            if (f->changed && !o.quiet) printf("would reformat: %s\n", name);
        } else if (f->is_stdin) {
            if (f->out) fwrite(f->out, 1, f->out_len, stdout);
        }
    }
    if (!o.quiet && !(n == 1 && files[0].is_stdin && !o.diff && !o.format_check)) {
        size_t unchanged = n - changed - errors;
        fprintf(stderr, "%zu file%s %s, %zu already formatted\n", changed, changed == 1 ? "" : "s",
                o.format_check || o.diff ? "would be reformatted" : "reformatted", unchanged);
    }
    if (errors)
        status = 2;
    else if (status == 0 && changed && (o.format_check || o.diff))
        status = 1;
    cli_run_free(run);
    cli_opts_cleanup(&o);
    return status;
}

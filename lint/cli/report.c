/* SPDX-License-Identifier: MIT */
/* What follows the problems in the full and concise formats: one line per
 * fixed file, then the summary (problems per severity, what --fix and
 * --unsafe-fixes would fix); and the run's exit status. */
#include "cli.h"

#include <string.h>

static const char *plural(size_t n, const char *one, const char *many) {
    return n == 1 ? one : many;
}

void cli_report_summary(FILE *out, const cli_opts_t *o, cli_file_t *files, size_t n) {
    if (o->quiet || (o->format != FMT_FULL && o->format != FMT_CONCISE)) return;
    size_t sev[4] = {0}, fixable = 0, unsafe = 0, fixed = 0, fixed_files = 0, failed = 0;
    for (size_t i = 0; i < n; i++) {
        const cli_file_t *f = &files[i];
        for (int k = 0; k < 4; k++) sev[k] += f->counts.sev[k];
        fixable += f->counts.fixable;
        unsafe += f->counts.unsafe_fixable;
        if (f->error) failed++;
        if (f->changed && f->fixed && !f->error) {
            fixed += f->fixed;
            fixed_files++;
        }
    }
    /* What --fix did, or what --diff would do. */
    if ((o->fix || o->diff) && fixed) {
        const char *verb = o->diff ? "Would fix" : "Fixed";
        for (size_t i = 0; i < n && !o->diff; i++) {
            const cli_file_t *f = &files[i];
            if (f->changed && f->fixed && !f->error)
                fprintf(out, "%s %zu %s in %s.\n", verb, f->fixed,
                        plural(f->fixed, "problem", "problems"), f->path);
        }
        if (fixed_files > 1 || o->diff)
            fprintf(out, "%s %zu %s in %zu %s.\n", verb, fixed,
                    plural(fixed, "problem", "problems"), fixed_files,
                    plural(fixed_files, "file", "files"));
    }
    if (o->diff) return;
    size_t total = sev[0] + sev[1] + sev[2] + sev[3];
    if (total == 0) {
        /* A file that could not be read or written is not "no problems". */
        if (!failed) fprintf(out, "No problems %s.\n", fixed ? "remain" : "found");
        return;
    }
    fprintf(out, "%zu %s (", total, plural(total, "problem", "problems"));
    const char *sep = "";
    static const char *const one[] = {"error", "warning", "info", "hint"};
    static const char *const many[] = {"errors", "warnings", "info", "hints"};
    for (int k = 0; k < 4; k++) {
        if (!sev[k]) continue;
        fprintf(out, "%s%zu %s", sep, sev[k], plural(sev[k], one[k], many[k]));
        sep = ", ";
    }
    fputc(')', out);
    if (o->unsafe_fixes && fixable + unsafe) {
        fprintf(out, "; %zu fixable with --fix --unsafe-fixes", fixable + unsafe);
    } else {
        if (fixable) fprintf(out, "; %zu fixable with --fix", fixable);
        if (unsafe)
            fprintf(out, "%s%zu %sfixable with --unsafe-fixes", fixable ? ", " : "; ", unsafe,
                    fixable ? "more " : "");
    }
    if (failed)
        fprintf(out, "; %zu %s could not be checked", failed, plural(failed, "file", "files"));
    fputs(".\n", out);
}

int cli_exit_status(const cli_opts_t *o, cli_file_t *files, size_t n) {
    bool findings = false, changed = false;
    for (size_t i = 0; i < n; i++) {
        if (files[i].error) return 2;
        findings |= files[i].findings;
        changed |= files[i].changed;
    }
    return (o->diff ? changed : findings) ? 1 : 0;
}

/* SPDX-License-Identifier: MIT */
/* --help and --man, both generated from one option table and the rule
 * metadata, so the man page can never disagree with the program. */
#include "cli.h"

#include <string.h>

typedef struct {
    const char *flag; /* "-j, --jobs" */
    const char *arg;  /* "N" or NULL */
    const char *help;
} option_doc_t;

static const option_doc_t options[] = {
    {"--format", "FMT", "text (default), json, sarif, github or checkstyle"},
    {"--fix", NULL, "apply safe fixes in place (atomically; the file's mode is kept)"},
    {"--unsafe-fixes", NULL, "also apply unsafe fixes (with --fix or --diff)"},
    {"--diff", NULL, "print the fixes as a unified diff; write nothing"},
    {"--select", "CODES", "only these rules (codes, names or prefixes, comma-separated)"},
    {"--extend-select", "CODES", "also enable these (e.g. default-off style rules)"},
    {"--ignore", "CODES", "disable these rules"},
    {"--severity", "LEVEL", "lowest severity that makes the exit status 1: error, warning (default), info or hint"},
    {"--config", "PATH", "use this config file instead of searching for .modelfile-lint.json next to each file and upwards"},
    {"--no-config", NULL, "ignore config files"},
    {"--stdin-filename", "NAME", "the name of the file read from standard input"},
    {"--memory", "SIZE", "memory budget for weights and KV cache, with a unit (48GiB; GB = 10^9, GiB = 2^30)"},
    {"--hardware", "NAME", "a hardware profile (see --list-hardware)"},
    {"--bandwidth", "RATE", "memory bandwidth for the decode estimate (e.g. 800GB/s)"},
    {"--prefill-rate", "N", "prompt processing speed, tokens/s"},
    {"--client-timeout", "SEC", "the client's request timeout, seconds"},
    {"--ollama-version", "X.Y.Z", "the Ollama release to check against (default: the newest known; also `ollama-version` in the config)"},
    {"--ollama-models", "DIR", "the Ollama model store (default: $OLLAMA_MODELS, ~/.ollama/models, /usr/share/ollama/.ollama/models)"},
    {"-j, --jobs", "N", "worker threads (default: all cores)"},
    {"--list-rules", NULL, "list every rule (--format text, markdown or json)"},
    {"--list-hardware", NULL, "list the hardware profiles"},
    {"--explain", "CODE", "print a rule's documentation"},
    {"-q, --quiet", NULL, "print nothing, only set the exit status"},
    {"--color", "WHEN", "auto (default), always or never"},
    {"--man", NULL, "print this manual page (roff)"},
    {"-h, --help", NULL, "this help"},
    {"--version", NULL, "print the version"},
};

static const char synopsis[] =
    "modelfile-lint [OPTIONS] [PATH|-]...\n"
    "modelfile-lint parse [--format json|sexp] FILE\n"
    "modelfile-lint info [--format text|json] [OPTIONS] FILE\n";

static const char description[] =
    "Lints Ollama Modelfiles: every check `ollama create` would fail on, the "
    "context-window checks (num_ctx against the model's native context, labels, "
    "memory and time), and safe fixes. Directories are searched for Modelfile, "
    "*.Modelfile, *.modelfile and Modelfile.* (hidden folders skipped); `-` reads "
    "standard input.";

static const char exit_status[] =
    "0 clean, 1 findings at or above --severity (or --diff has a change), "
    "2 usage, I/O or configuration error.";

/* Writes text wrapped at width, each line indented by indent. */
static void wrap(FILE *out, const char *text, int indent, int width) {
    int col = 0;
    const char *p = text;
    while (*p) {
        const char *e = p;
        while (*e && *e != ' ') e++;
        int wl = (int)(e - p);
        if (col > indent && col + 1 + wl > width) {
            fputc('\n', out);
            col = 0;
        }
        if (col == 0) col = fprintf(out, "%*s", indent, "");
        else col += fprintf(out, " ");
        col += fprintf(out, "%.*s", wl, p);
        p = *e ? e + 1 : e;
    }
    fputc('\n', out);
}

void cli_print_help(FILE *out) {
    fputs("Usage: ", out);
    for (const char *p = synopsis; *p;) {
        const char *e = strchr(p, '\n');
        fprintf(out, "%s%.*s\n", p == synopsis ? "" : "       ", (int)(e - p), p);
        p = e + 1;
    }
    fputc('\n', out);
    wrap(out, description, 0, 78);
    fputs("\nOptions:\n", out);
    for (size_t i = 0; i < sizeof options / sizeof options[0]; i++) {
        char head[64];
        snprintf(head, sizeof head, "  %s%s%s", options[i].flag, options[i].arg ? " " : "",
                 options[i].arg ? options[i].arg : "");
        if (strlen(head) < 24) {
            fprintf(out, "%-24s", head);
            char buf[512];
            snprintf(buf, sizeof buf, "%s", options[i].help);
            /* First line beside the flag, the rest indented under it. */
            const char *p = buf;
            int col = 24;
            while (*p) {
                const char *e = p;
                while (*e && *e != ' ') e++;
                int wl = (int)(e - p);
                if (col > 24 && col + 1 + wl > 78) {
                    fprintf(out, "\n%24s", "");
                    col = 24;
                } else if (col > 24) {
                    fputc(' ', out);
                    col++;
                }
                col += fprintf(out, "%.*s", wl, p);
                p = *e ? e + 1 : e;
            }
            fputc('\n', out);
        } else {
            fprintf(out, "%s\n", head);
            wrap(out, options[i].help, 24, 78);
        }
    }
    fputs("\nExit status: ", out);
    fputs(exit_status, out);
    fputc('\n', out);
}

/* roff-escapes s: backslashes, leading dots and quotes, hyphens in flags. */
static void roff(FILE *out, const char *s) {
    bool line_start = true;
    for (; *s; s++) {
        if (line_start && (*s == '.' || *s == '\'')) fputs("\\&", out);
        if (*s == '\\') fputs("\\e", out);
        else if (*s == '-') fputs("\\-", out);
        else fputc(*s, out);
        line_start = *s == '\n';
    }
}

void cli_print_man(FILE *out, const char *version) {
    fprintf(out, ".TH MODELFILE-LINT 1 \"\" \"modelfile-lint %s\" \"User Commands\"\n", version);
    fputs(".SH NAME\nmodelfile\\-lint \\- lint and fix Ollama Modelfiles\n.SH SYNOPSIS\n.nf\n", out);
    roff(out, synopsis);
    fputs(".fi\n.SH DESCRIPTION\n", out);
    roff(out, description);
    fputs("\n.SH OPTIONS\n", out);
    for (size_t i = 0; i < sizeof options / sizeof options[0]; i++) {
        fputs(".TP\n\\fB", out);
        roff(out, options[i].flag);
        fputs("\\fR", out);
        if (options[i].arg) {
            fputs(" \\fI", out);
            roff(out, options[i].arg);
            fputs("\\fR", out);
        }
        fputc('\n', out);
        roff(out, options[i].help);
        fputc('\n', out);
    }
    fputs(".SH EXIT STATUS\n", out);
    roff(out, exit_status);
    fputs("\n.SH RULES\n", out);
    for (size_t i = 0; i < mfl_rule_count(); i++) {
        const mfl_rule_t *r = mfl_rule_at(i);
        fprintf(out, ".TP\n\\fB%s\\fR ", r->code);
        roff(out, r->name);
        fputc('\n', out);
        roff(out, r->summary);
        fputs(r->fixable != MFL_FIXABLE_NONE ? " (fixable)" : "", out);
        fputs(r->default_off ? " (off by default)" : "", out);
        fputc('\n', out);
    }
    fputs(".SH SUPPRESSIONS\n.nf\n# modelfile\\-lint: ignore=MF101,MF102 reason\n"
          "# modelfile\\-lint: global ignore=MF010\n.fi\n"
          "The first applies to the next instruction, the second to the whole file.\n"
          ".SH FILES\n.TP\n.I .modelfile\\-lint.json\nConfiguration, found by walking up from each "
          "linted file: rules, select, ignore, per\\-path\\-ignores, memory, hardware, "
          "prefill\\-rate, client\\-timeout, models.\n"
          ".TP\n.I /usr/share/modelfile\\-lint/modelfile\\-lint.schema.json\n"
          "Its JSON Schema (under /usr/local/share after cmake \\-\\-install from source).\n"
          ".SH SEE ALSO\n\\fBmodelfile\\-lsp\\fR(1); the Modelfile reference: "
          "\\fIhttps://docs.ollama.com/modelfile\\fR\n", out);
}

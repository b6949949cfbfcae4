/* SPDX-License-Identifier: MIT */
/* --help and --man, both generated from options.def and the rule metadata,
 * so neither can disagree with the program. */
#include "cli.h"

#include <string.h>

static const char synopsis[] = "modelfile-lint [check] [OPTIONS] [PATH|-]...\n"
                               "modelfile-lint info [OPTIONS] FILE...\n"
                               "modelfile-lint parse [--format json|sexp] FILE|-\n"
                               "modelfile-lint format [--check] [--diff] [PATH|-]...\n";

static const char description[] =
    "Lints Ollama Modelfiles: every check `ollama create` would fail on, the "
    "context-window checks (num_ctx against the model's native context, labels, "
    "memory and time), and safe fixes. Without a PATH it checks the current folder. "
    "Folders are searched for Modelfile, Modelfile.*, *.Modelfile and *.modelfile, "
    "skipping documentation and backup names (*.md, *.bak, *.orig, *.swp, ...), "
    "hidden folders, node_modules, what .gitignore files exclude, and the config's "
    "exclude patterns; a file named on the command line is always checked. `-` reads "
    "standard input. `check` may be given first, as in `modelfile-lint check .` (to "
    "check a folder named check, write ./check). `info` prints the context, memory "
    "and time arithmetic for each FILE; `parse` prints the instructions as Ollama's "
    "parser returns them; `format` normalises keyword case and blanks (what Ollama reads "
    "the same either way; quoted values and comments are left alone).";

static const char exit_status[] =
    "0 clean, 1 findings at or above --severity (or --diff has a change), "
    "2 usage, I/O or configuration error.";

/* The configuration keys (schema/modelfile-lint.schema.json; a test checks
 * that both list the same keys). */
static const struct {
    const char *key, *help;
} config_keys[] = {
    {"rules", "per-rule severity by code or name: error, warning, info, hint, off, or on (enable a "
              "default-off rule)"},
    {"select", "only these rules (codes, names or prefixes)"},
    {"extend-select", "also enable these rules"},
    {"ignore", "disable these rules"},
    {"per-path-ignores",
     "pattern -> rules disabled in matching files; patterns have .gitignore syntax and are "
     "relative to the config file's folder (legacy/**, **/Modelfile, *.Modelfile); a "
     "leading ! applies the rules to the files that do not match"},
    {"exclude",
     "patterns folder walks skip (.gitignore syntax, relative to the config file's folder); "
     "replaces the default, [\".*\", \"node_modules\"]"},
    {"extend-exclude", "patterns folder walks skip, in addition to exclude"},
    {"respect-gitignore", "false walks into what .gitignore files exclude (default true)"},
    {"memory",
     "memory budget for weights, KV cache and overhead, with a unit (\"48GiB\" = 48 x 2^30 "
     "bytes, \"51.5GB\" = 51.5 x 10^9; a bare number is refused)"},
    {"hardware", "a hardware profile (--list-hardware): sets memory and bandwidth"},
    {"bandwidth", "memory bandwidth, with a unit (\"800GB/s\")"},
    {"prefill-rate", "prompt processing speed, tokens per second"},
    {"client-timeout", "the client's request timeout, seconds"},
    {"num-parallel", "the server's OLLAMA_NUM_PARALLEL"},
    {"kv-cache-type", "the server's OLLAMA_KV_CACHE_TYPE: f16, q8_0 or q4_0"},
    {"context-length-default", "the server's OLLAMA_CONTEXT_LENGTH (0: automatic)"},
    {"ollama-version",
     "the Ollama release to check against (\"0.32.15\"; default: the newest known; "
     "--ollama-version wins)"},
    {"models", "extra or overriding model facts, keyed by Ollama model name; the whole section is "
               "checked when the file is loaded"},
};

/* Writes text wrapped at width; continuation lines indented by indent, the
 * first line starting at column col. */
static void wrap(FILE *out, const char *text, int col, int indent, int width) {
    const char *p = text;
    bool first = true;
    while (*p) {
        const char *e = p;
        while (*e && *e != ' ') e++;
        int wl = (int)(e - p);
        if (!first && col + 1 + wl > width) {
            fprintf(out, "\n%*s", indent, "");
            col = indent;
        } else if (!first) {
            fputc(' ', out);
            col++;
        }
        col += fprintf(out, "%.*s", wl, p);
        first = false;
        p = *e ? e + 1 : e;
    }
    fputc('\n', out);
}

void cli_print_help(FILE *out, unsigned scope) {
    if (scope & INFO) {
        fputs("Usage: modelfile-lint info [OPTIONS] FILE...\n\n", out);
        wrap(out,
             "Prints the context arithmetic for the model behind each FILE's FROM: native "
             "context, effective num_ctx and its source, weights, KV cache, the total against "
             "the budget, decode speed and prefill time. Settings come from the file's "
             ".modelfile-lint.json, options win. With --format json and several files, an "
             "array of objects.",
             0, 0, 78);
    } else if (scope & FORMAT_CMD) {
        fputs("Usage: modelfile-lint format [OPTIONS] [PATH|-]...\n\n", out);
        wrap(out,
             "Formats Modelfiles in place (atomically): upper-case keywords, one space after "
             "each keyword, no trailing blanks. Quoted values and comments are never touched; "
             "Ollama reads the same file, and formatting again changes nothing. Files are "
             "found as for checking; `-` formats standard input to standard output.",
             0, 0, 78);
    } else if (scope & PARSE) {
        fputs("Usage: modelfile-lint parse [--format json|sexp] FILE|-\n", out);
        return;
    } else {
        fputs("Usage: ", out);
        for (const char *p = synopsis; *p;) {
            const char *e = strchr(p, '\n');
            fprintf(out, "%s%.*s\n", p == synopsis ? "" : "       ", (int)(e - p), p);
            p = e + 1;
        }
        fputc('\n', out);
        wrap(out, description, 0, 0, 78);
    }
    const char *group = NULL;
    for (size_t i = 0; i < cli_n_options; i++) {
        const cli_option_t *c = &cli_options[i];
        if (c->group) {
            group = c->group;
            continue;
        }
        if (!(c->scope & scope)) continue;
        if (group) {
            fprintf(out, "\n%s:\n", group);
            group = NULL;
        }
        char head[64];
        if (c->short_)
            snprintf(head, sizeof head, "  -%c, --%s%s%s", c->short_, c->name, c->arg ? " " : "",
                     c->arg ? c->arg : "");
        else
            snprintf(head, sizeof head, "  --%s%s%s", c->name, c->arg ? " " : "",
                     c->arg ? c->arg : "");
        int col = (int)strlen(head);
        fputs(head, out);
        if (col < 26) {
            fprintf(out, "%*s", 26 - col, "");
            col = 26;
        } else {
            fprintf(out, "\n%26s", "");
            col = 26;
        }
        wrap(out, c->help, col, 26, 78);
    }
    if (scope & FORMAT_CMD) {
        fputs("\n", out);
        wrap(out,
             "Exit status: 0 formatted (or nothing to change), 1 --check or --diff found a "
             "file to change, 2 usage or I/O error.",
             0, 0, 78);
        fputc('\n', out);
    } else if (!(scope & INFO)) {
        fputs("\nExit status: ", out);
        fputs(exit_status, out);
        fputc('\n', out);
    }
}

/* roff-escapes s: backslashes, leading dots and quotes, hyphens. */
static void roff(FILE *out, const char *s) {
    bool line_start = true;
    for (; *s; s++) {
        if (line_start && (*s == '.' || *s == '\'')) fputs("\\&", out);
        if (*s == '\\')
            fputs("\\e", out);
        else if (*s == '-')
            fputs("\\-", out);
        else
            fputc(*s, out);
        line_start = *s == '\n';
    }
}

static void man_option(FILE *out, const cli_option_t *c) {
    fputs(".TP\n", out);
    if (c->short_) fprintf(out, "\\fB\\-%c\\fR, ", c->short_);
    fputs("\\fB\\-\\-", out);
    roff(out, c->name);
    fputs("\\fR", out);
    if (c->arg) {
        fputs(" \\fI", out);
        roff(out, c->arg);
        fputs("\\fR", out);
    }
    fputc('\n', out);
    roff(out, c->help);
    fputc('\n', out);
}

void cli_print_man(FILE *out, const char *version) {
    fprintf(out, ".TH MODELFILE-LINT 1 \"\" \"modelfile-lint %s\" \"User Commands\"\n", version);
    fputs(".SH NAME\nmodelfile\\-lint \\- lint and fix Ollama Modelfiles\n.SH SYNOPSIS\n.nf\n",
          out);
    roff(out, synopsis);
    fputs(".fi\n.SH DESCRIPTION\n", out);
    roff(out, description);
    fputs("\n.SH OPTIONS\n", out);
    for (size_t i = 0; i < cli_n_options; i++) {
        const cli_option_t *c = &cli_options[i];
        if (c->group) {
            fputs(".SS ", out);
            roff(out, c->group);
            fputc('\n', out);
        } else if (c->scope & CHECK) {
            man_option(out, c);
        }
    }
    fputs(
        ".SH INFO OPTIONS\n\\fBmodelfile\\-lint info\\fR takes these options (described above):\n",
        out);
    bool first = true;
    for (size_t i = 0; i < cli_n_options; i++) {
        const cli_option_t *c = &cli_options[i];
        if (c->group || !(c->scope & INFO)) continue;
        fprintf(out, "%s\\fB\\-\\-", first ? "" : ", ");
        roff(out, c->name);
        fputs("\\fR", out);
        first = false;
    }
    fputs(".\n.SH FORMAT OPTIONS\n\\fBmodelfile\\-lint format\\fR takes these options:\n", out);
    for (size_t i = 0; i < cli_n_options; i++) {
        const cli_option_t *c = &cli_options[i];
        if (c->group || !(c->scope & FORMAT_CMD)) continue;
        if (c->scope & CHECK) {
            fputs(".TP\n\\fB\\-\\-", out);
            roff(out, c->name);
            fputs("\\fR\n(described above)\n", out);
        } else {
            man_option(out, c);
        }
    }
    fputs(".SH OUTPUT\n", out);
    roff(out,
         "The full format (the default) prints each problem as PATH:LINE:COLUMN: SEVERITY CODE "
         "MESSAGE, then the source line with the problem underlined and the fix it has, then a "
         "summary: the problems per severity, how many --fix would fix and how many more "
         "--unsafe-fixes would. concise prints only the first line of each problem and the "
         "summary. With --fix, a line per fixed file says how many problems were fixed. json "
         "is an array of {file, line, column, end_line, end_column, code, rule, severity, "
         "message, fix}; sarif is SARIF 2.1.0 with the rule descriptions; github prints "
         "workflow commands (annotations); checkstyle is Checkstyle XML. --format is the same "
         "option as --output-format, and text the same as full.");
    fputs("\n.SH EXIT STATUS\n", out);
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
          "The first applies to the next instruction, the second to the whole file.\n",
          out);
    fputs(".SH CONFIGURATION\nA \\fI.modelfile\\-lint.json\\fR file applies to the files in its "
          "folder and below (the nearest one wins). An empty file is an empty configuration. "
          "Keys:\n",
          out);
    for (size_t i = 0; i < sizeof config_keys / sizeof config_keys[0]; i++) {
        fputs(".TP\n\\fB", out);
        roff(out, config_keys[i].key);
        fputs("\\fR\n", out);
        roff(out, config_keys[i].help);
        fputc('\n', out);
    }
    fputs(
        ".SH FILES\n.TP\n.I .modelfile\\-lint.json\nThe configuration, found by walking up from "
        "each linted file: rules, select, ignore, per\\-path\\-ignores, exclude, memory, hardware, "
        "ollama\\-version, models and the other keys under CONFIGURATION.\n.TP\n.I "
        "/usr/share/modelfile\\-lint/modelfile\\-lint.schema.json\n"
        "Its JSON schema (under the installation prefix), for editors that complete and check "
        "JSON.\n.TP\n.I .gitignore\nFolder walks skip what it excludes (not with "
        "\\-\\-no\\-respect\\-gitignore), in the walked folders and their parents up to the "
        "repository's root, and in .git/info/exclude.\n"
        ".SH SEE ALSO\n\\fBmodelfile\\-lsp\\fR(1); the Modelfile reference: "
        "\\fIhttps://docs.ollama.com/modelfile\\fR\n",
        out);
}

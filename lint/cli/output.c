/* SPDX-License-Identifier: MIT */
/* Output formats: text, json, sarif (2.1.0), github, checkstyle; and the
 * rule listings generated from the rule metadata. JSON through jansson. */
#include "cli.h"

#include <jansson.h>
#include <string.h>

static const char *sev_name(mfl_severity_t s) {
    static const char *const n[] = {"error", "warning", "info", "hint", "off"};
    return (unsigned)s <= MFL_SEVERITY_OFF ? n[s] : "error";
}

static void print_text(FILE *out, const cli_opts_t *o, cli_file_t *files, size_t n) {
    static const char *const colors[] = {"\033[1;31m", "\033[1;33m", "\033[1;36m", "\033[2m"};
    size_t counts[4] = {0}, fixable = 0;
    for (size_t i = 0; i < n; i++) {
        cli_file_t *f = &files[i];
        for (size_t k = 0; k < f->n_diags; k++) {
            cli_diag_t *d = &f->diags[k];
            if (d->severity < 4) counts[d->severity]++;
            if (d->has_fix && d->applicability == MFL_FIX_SAFE) fixable++;
            if (o->color)
                fprintf(out, "\033[1m%s:%u:%u:\033[0m %s%s\033[0m \033[1m%s\033[0m %s\n", f->path,
                        d->line, d->col, colors[d->severity < 4 ? d->severity : 0],
                        sev_name(d->severity), d->rule->code, d->message);
            else
                fprintf(out, "%s:%u:%u: %s %s %s\n", f->path, d->line, d->col,
                        sev_name(d->severity), d->rule->code, d->message);
            if (o->caret && d->source_line) {
                fprintf(out, "  %s\n  ", d->source_line);
                uint32_t col = 1;
                for (const char *p = d->source_line; *p && col < d->col; p++) {
                    if (((unsigned char)*p & 0xC0) == 0x80) continue;
                    fputc(*p == '\t' ? '\t' : ' ', out);
                    col++;
                }
                uint32_t w = d->end_line == d->line && d->end_col > d->col ? d->end_col - d->col : 1;
                for (uint32_t k2 = 0; k2 < w && k2 < 200; k2++) fputc('^', out);
                if (d->has_fix) fprintf(out, " %s%s", d->fix_title,
                                        d->applicability == MFL_FIX_UNSAFE ? " (unsafe fix)" : " (fixable)");
                fputc('\n', out);
            }
        }
    }
    size_t total = counts[0] + counts[1] + counts[2] + counts[3];
    if (o->caret || (o->fix && total == 0)) {
        if (total == 0)
            fprintf(out, "No problems found.\n");
        else
            fprintf(out, "%zu problem%s (%zu error%s, %zu warning%s, %zu note%s); %zu fixable with --fix.\n",
                    total, total == 1 ? "" : "s", counts[0], counts[0] == 1 ? "" : "s", counts[1],
                    counts[1] == 1 ? "" : "s", counts[2] + counts[3],
                    counts[2] + counts[3] == 1 ? "" : "s", fixable);
    }
}

static json_t *edit_json(const cli_edit_t *e) {
    return json_pack("{s:I,s:I,s:I,s:I,s:s}", "line", (json_int_t)e->line, "column",
                     (json_int_t)e->col, "end_line", (json_int_t)e->end_line, "end_column",
                     (json_int_t)e->end_col, "new_text", e->text ? e->text : "");
}

static void print_json(FILE *out, cli_file_t *files, size_t n) {
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < files[i].n_diags; k++) {
            cli_diag_t *d = &files[i].diags[k];
            json_t *fix = json_null();
            if (d->has_fix) {
                json_t *edits = json_array();
                for (size_t e = 0; e < d->n_edits; e++) json_array_append_new(edits, edit_json(&d->edits[e]));
                fix = json_pack("{s:s,s:s,s:o}", "applicability",
                                d->applicability == MFL_FIX_SAFE ? "safe" : "unsafe", "title",
                                d->fix_title ? d->fix_title : "", "edits", edits);
            }
            json_array_append_new(
                arr, json_pack("{s:s,s:I,s:I,s:I,s:I,s:s,s:s,s:s,s:s,s:o}", "file", files[i].path,
                               "line", (json_int_t)d->line, "column", (json_int_t)d->col,
                               "end_line", (json_int_t)d->end_line, "end_column",
                               (json_int_t)d->end_col, "code", d->rule->code, "rule", d->rule->name,
                               "severity", sev_name(d->severity), "message", d->message, "fix", fix));
        }
    json_dumpf(arr, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', out);
    json_decref(arr);
}

static const char *sarif_level(mfl_severity_t s) {
    return s == MFL_SEVERITY_ERROR ? "error" : s == MFL_SEVERITY_WARNING ? "warning" : "note";
}

static json_t *region(uint32_t l, uint32_t c, uint32_t el, uint32_t ec) {
    return json_pack("{s:I,s:I,s:I,s:I}", "startLine", (json_int_t)l, "startColumn", (json_int_t)c,
                     "endLine", (json_int_t)el, "endColumn", (json_int_t)ec);
}

static json_t *artifact(const char *path) {
    const char *p = strncmp(path, "./", 2) == 0 ? path + 2 : path;
    return json_pack("{s:s}", "uri", p);
}

static void print_sarif(FILE *out, cli_file_t *files, size_t n) {
    json_t *rules = json_array();
    char url[256];
    for (size_t i = 0; i < mfl_rule_count(); i++) {
        const mfl_rule_t *r = mfl_rule_at(i);
        json_array_append_new(
            rules, json_pack("{s:s,s:s,s:{s:s},s:{s:s},s:{s:s,s:s},s:s,s:{s:s},s:{s:[s]}}", "id",
                             r->code, "name", r->name, "shortDescription", "text", r->summary,
                             "fullDescription", "text", r->summary, "help", "text", r->doc,
                             "markdown", r->doc, "helpUri", mfl_rule_url(r, url, sizeof url),
                             "defaultConfiguration", "level", sarif_level(r->severity),
                             "properties", "tags", r->category ? r->category : "lint"));
    }
    json_t *results = json_array();
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < files[i].n_diags; k++) {
            cli_diag_t *d = &files[i].diags[k];
            size_t idx = 0;
            for (size_t j = 0; j < mfl_rule_count(); j++)
                if (mfl_rule_at(j) == d->rule) idx = j;
            json_t *res = json_pack(
                "{s:s,s:I,s:s,s:{s:s},s:[{s:{s:o,s:o}}]}", "ruleId", d->rule->code, "ruleIndex",
                (json_int_t)idx, "level", sarif_level(d->severity), "message", "text", d->message,
                "locations", "physicalLocation", "artifactLocation", artifact(files[i].path),
                "region", region(d->line, d->col, d->end_line, d->end_col));
            if (d->has_fix) {
                json_t *repl = json_array();
                for (size_t e = 0; e < d->n_edits; e++) {
                    cli_edit_t *ed = &d->edits[e];
                    json_array_append_new(
                        repl, json_pack("{s:o,s:{s:s}}", "deletedRegion",
                                        region(ed->line, ed->col, ed->end_line, ed->end_col),
                                        "insertedContent", "text", ed->text ? ed->text : ""));
                }
                json_object_set_new(
                    res, "fixes",
                    json_pack("[{s:{s:s},s:[{s:o,s:o}]}]", "description", "text",
                              d->fix_title ? d->fix_title : "fix", "artifactChanges",
                              "artifactLocation", artifact(files[i].path), "replacements", repl));
            }
            json_array_append_new(results, res);
        }
    json_t *doc = json_pack(
        "{s:s,s:s,s:[{s:{s:{s:s,s:s,s:s,s:o}},s:o}]}", "$schema",
        "https://json.schemastore.org/sarif-2.1.0.json", "version", "2.1.0", "runs", "tool",
        "driver", "name", "modelfile-lint", "version", "0.1.0", "informationUri",
        "https://github.com/modelfile-lint/modelfile-lint", "rules", rules, "results", results);
    json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', out);
    json_decref(doc);
}

/* GitHub workflow commands: %, CR and LF escaped in data; also : and , in properties. */
static void gh_escape(FILE *out, const char *s, bool property) {
    for (; *s; s++) {
        if (*s == '%') fputs("%25", out);
        else if (*s == '\r') fputs("%0D", out);
        else if (*s == '\n') fputs("%0A", out);
        else if (property && *s == ':') fputs("%3A", out);
        else if (property && *s == ',') fputs("%2C", out);
        else fputc(*s, out);
    }
}

static void print_github(FILE *out, cli_file_t *files, size_t n) {
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < files[i].n_diags; k++) {
            cli_diag_t *d = &files[i].diags[k];
            const char *cmd = d->severity == MFL_SEVERITY_ERROR ? "error"
                              : d->severity == MFL_SEVERITY_WARNING ? "warning" : "notice";
            fprintf(out, "::%s file=", cmd);
            gh_escape(out, files[i].path, true);
            fprintf(out, ",line=%u,col=%u,endLine=%u,endColumn=%u,title=", d->line, d->col,
                    d->end_line, d->end_col);
            char title[128];
            snprintf(title, sizeof title, "%s %s", d->rule->code, d->rule->name);
            gh_escape(out, title, true);
            fputs("::", out);
            gh_escape(out, d->message, false);
            fputc('\n', out);
        }
}

static void xml_escape(FILE *out, const char *s) {
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&apos;", out); break;
        case '\n': fputs("&#10;", out); break;
        default:
            if ((unsigned char)*s < 0x20 && *s != '\t') fprintf(out, "&#%d;", *s);
            else fputc(*s, out);
        }
    }
}

static void print_checkstyle(FILE *out, cli_file_t *files, size_t n) {
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n", out);
    for (size_t i = 0; i < n; i++) {
        if (!files[i].n_diags) continue;
        fputs("  <file name=\"", out);
        xml_escape(out, files[i].path);
        fputs("\">\n", out);
        for (size_t k = 0; k < files[i].n_diags; k++) {
            cli_diag_t *d = &files[i].diags[k];
            const char *sev = d->severity == MFL_SEVERITY_ERROR ? "error"
                              : d->severity == MFL_SEVERITY_WARNING ? "warning" : "info";
            fprintf(out, "    <error line=\"%u\" column=\"%u\" severity=\"%s\" message=\"", d->line,
                    d->col, sev);
            xml_escape(out, d->message);
            fprintf(out, "\" source=\"modelfile-lint.%s\"/>\n", d->rule->code);
        }
        fputs("  </file>\n", out);
    }
    fputs("</checkstyle>\n", out);
}

void cli_print(FILE *out, const cli_opts_t *o, cli_file_t *files, size_t n) {
    switch (o->format) {
    case FMT_TEXT: print_text(out, o, files, n); break;
    case FMT_JSON: print_json(out, files, n); break;
    case FMT_SARIF: print_sarif(out, files, n); break;
    case FMT_GITHUB: print_github(out, files, n); break;
    case FMT_CHECKSTYLE: print_checkstyle(out, files, n); break;
    }
}

static const char *fixable_name(mfl_fixable_t f) {
    return f == MFL_FIXABLE_ALWAYS ? "always" : f == MFL_FIXABLE_SOMETIMES ? "sometimes" : "none";
}

void cli_print_rules(FILE *out, const char *format) {
    size_t n = mfl_rule_count();
    if (format && strcmp(format, "markdown") == 0) {
        fputs("<!-- GENERATED by `modelfile-lint --list-rules --format markdown`. Do not edit. -->\n"
              "# modelfile-lint rules\n\n"
              "The Ollama column gives the releases a rule applies to (`--ollama-version`, "
              "`ollama-version` in the config; the default is the newest release known, ", out);
        char vbuf[256];
        fprintf(out, "%s).\n\n", mfl_version_format(mfl_version_default(), vbuf, sizeof vbuf));
        fputs("| Code | Name | Severity | Fix | Ollama | Summary |\n|---|---|---|---|---|---|\n", out);
        for (size_t i = 0; i < n; i++) {
            const mfl_rule_t *r = mfl_rule_at(i);
            fprintf(out, "| [%s](#%s-%s) | `%s` | %s%s | %s | %s | %s |\n", r->code, r->code, r->name,
                    r->name, sev_name(r->severity), r->default_off ? " (off by default)" : "",
                    fixable_name(r->fixable), mfl_rule_versions_text(r, vbuf, sizeof vbuf),
                    r->summary);
        }
        for (size_t i = 0; i < n; i++) {
            const mfl_rule_t *r = mfl_rule_at(i);
            fprintf(out, "\n## %s %s\n\n%s. Severity: %s%s. Fix: %s. Category: %s. Ollama: %s.\n\n",
                    r->code, r->name, r->summary, sev_name(r->severity),
                    r->default_off ? " (off by default)" : "", fixable_name(r->fixable),
                    r->category ? r->category : "-", mfl_rule_versions_text(r, vbuf, sizeof vbuf));
            /* Demote the doc's headings below the rule's. */
            for (const char *p = r->doc; *p;) {
                const char *e = strchr(p, '\n');
                size_t l = e ? (size_t)(e - p) : strlen(p);
                if (l > 3 && strncmp(p, "## ", 3) == 0) fputs("#", out);
                fwrite(p, 1, l, out);
                fputc('\n', out);
                p = e ? e + 1 : p + l;
            }
        }
        /* The version table the Ollama column comes from. */
        fputs("\n## Ollama releases\n\nWhat changed in which Ollama release, as the rules use it "
              "(lint/src/versions.c). *Earliest known*: the change is newer than the repository "
              "snapshot the others were read from, and the release is the earliest one reported to "
              "have it.\n\n| Release | Since then | Before | Source |\n|---|---|---|---|\n", out);
        for (int f = 1; f < MFL_FACT__COUNT; f++) {
            const mfl_fact_info_t *fi = mfl_fact((mfl_fact_t)f);
            fprintf(out, "| %s%s | %s | %s | %s |\n", mfl_version_format(fi->since, vbuf, sizeof vbuf),
                    fi->exact ? "" : " (earliest known)", fi->what, fi->before, fi->source);
        }
        return;
    }
    if (format && strcmp(format, "json") == 0) {
        char vb[256];
        json_t *arr = json_array();
        for (size_t i = 0; i < n; i++) {
            const mfl_rule_t *r = mfl_rule_at(i);
            json_array_append_new(
                arr, json_pack("{s:s,s:s,s:s,s:s,s:b,s:s,s:s,s:s,s:s}", "code", r->code, "name",
                               r->name, "severity", sev_name(r->severity), "fix",
                               fixable_name(r->fixable), "default_enabled", !r->default_off,
                               "category", r->category ? r->category : "", "summary", r->summary,
                               "ollama", mfl_rule_versions_text(r, vb, sizeof vb), "doc", r->doc));
        }
        json_dumpf(arr, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        fputc('\n', out);
        json_decref(arr);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const mfl_rule_t *r = mfl_rule_at(i);
        fprintf(out, "%s  %-28s %-8s %s%s%s\n", r->code, r->name, sev_name(r->severity),
                r->summary, r->fixable != MFL_FIXABLE_NONE ? " [fix]" : "",
                r->default_off ? " (off by default)" : "");
    }
}

int cli_explain(FILE *out, const char *code) {
    const mfl_rule_t *r = mfl_rule_find(code);
    if (!r) {
        fprintf(stderr, "modelfile-lint: --explain: unknown rule '%s' (see --list-rules)\n", code);
        return 2;
    }
    char url[256];
    char vb[256];
    fprintf(out, "# %s %s\n\n%s\n\nSeverity: %s%s. Fix: %s. Ollama: %s.\n\n%s\nDocs: %s\n", r->code,
            r->name, r->summary, sev_name(r->severity), r->default_off ? " (off by default)" : "",
            fixable_name(r->fixable), mfl_rule_versions_text(r, vb, sizeof vb), r->doc,
            mfl_rule_url(r, url, sizeof url));
    return 0;
}

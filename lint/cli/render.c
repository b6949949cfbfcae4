/* SPDX-License-Identifier: MIT */
/* Output formats: full and concise text, json, sarif (2.1.0), github,
 * checkstyle. Each file's part is rendered by the worker that linted it,
 * while its document is alive, so a machine-readable run costs about what a
 * text run costs; the main thread only writes the parts in order between
 * the format's header and footer. JSON through jansson. */
#include "cli.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__)
#define CLI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define CLI_PRINTF(a, b)
#endif

/* ---- a growable string ------------------------------------------------------------ */

typedef struct {
    char *s;
    size_t n, cap;
    bool oom;
} sb_t;

static void sb_put(sb_t *b, const char *s, size_t n) {
    if (b->oom) return;
    if (b->n + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap : 256;
        while (nc < b->n + n + 1) nc *= 2;
        char *ns = mfl_realloc(b->s, nc);
        if (!ns) {
            b->oom = true;
            return;
        }
        b->s = ns;
        b->cap = nc;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void sb_str(sb_t *b, const char *s) { sb_put(b, s, strlen(s)); }

static void sb_printf(sb_t *b, const char *fmt, ...) CLI_PRINTF(2, 3);
static void sb_printf(sb_t *b, const char *fmt, ...) {
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof tmp) {
        sb_put(b, tmp, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->oom = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb_put(b, big, (size_t)n);
    free(big);
}

/* A jansson value, dumped with every line indented by `indent` spaces (the
 * depth it has in the whole document). */
static void sb_json(sb_t *b, json_t *v, int indent) {
    char *s = json_dumps(v, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (!s) {
        b->oom = true;
        return;
    }
    sb_printf(b, "%*s", indent, "");
    for (const char *p = s; *p;) {
        const char *nl = strchr(p, '\n');
        size_t l = nl ? (size_t)(nl - p) + 1 : strlen(p);
        sb_put(b, p, l);
        if (nl) sb_printf(b, "%*s", indent, "");
        p += l;
    }
    mfl_free(s); /* jansson allocates with mfl_malloc (main.c) */
}

/* ---- strings for JSON -----------------------------------------------------------
 * JSON strings are UTF-8; a file name or a quoted value may not be. */

static size_t utf8_seq(const unsigned char *s) {
    if (s[0] < 0x80) return 1;
    size_t n = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 && s[0] < 0xE0 ? 2 : 0;
    if (!n || (n == 4 && s[0] > 0xF4)) return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    if (n == 3 && ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0))) return 0;
    if (n == 4 && ((s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90))) return 0;
    return n;
}

/* s itself when it is UTF-8, else a copy in *tmp with U+FFFD for each bad
 * byte (free *tmp after use). */
static const char *u8(const char *s, char **tmp) {
    const unsigned char *p = (const unsigned char *)s;
    size_t n;
    while (*p && (n = utf8_seq(p))) p += n;
    if (!*p) return s;
    size_t len = strlen(s);
    char *out = mfl_malloc(len * 3 + 1), *o = out;
    if (!out) return "";
    for (p = (const unsigned char *)s; *p;) {
        n = utf8_seq(p);
        if (n) {
            memcpy(o, p, n);
            o += n;
            p += n;
        } else {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
            p++;
        }
    }
    *o = '\0';
    *tmp = out;
    return out;
}

/* ---- positions -------------------------------------------------------------------- */

/* 1-based line and character column of a byte offset. */
static void char_pos(const mfl_doc_t *doc, uint32_t off, uint32_t *line, uint32_t *col) {
    uint32_t l, bc;
    mfl_doc_position(doc, off, &l, &bc);
    size_t n;
    mfl_range_t r = mfl_doc_line_range(doc, l);
    const char *s = mfl_doc_slice(doc, (mfl_range_t){r.start, r.start + bc}, &n);
    uint32_t chars = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) chars++;
    *line = l + 1;
    *col = chars + 1;
}

typedef struct {
    uint32_t line, col, end_line, end_col;
} span_t;

static span_t span(const mfl_doc_t *doc, mfl_range_t r) {
    span_t s;
    char_pos(doc, r.start, &s.line, &s.col);
    char_pos(doc, r.end, &s.end_line, &s.end_col);
    return s;
}

/* ---- text ------------------------------------------------------------------------------ */

/* The source line under a problem, as shown: control characters as `?`
 * (a binary file must not drive the terminal), cut after 200 characters. */
static void source_line(sb_t *b, const mfl_doc_t *doc, uint32_t line0, uint32_t *shown) {
    size_t n;
    const char *s = mfl_doc_slice(doc, mfl_doc_line_range(doc, line0), &n);
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r')) n--;
    uint32_t chars = 0;
    size_t i = 0;
    for (; i < n && chars < 200; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) != 0x80) chars++;
        if ((c < 0x20 && c != '\t') || c == 0x7F) sb_put(b, "?", 1);
        else sb_put(b, s + i, 1);
    }
    /* End on a whole character. */
    while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) sb_put(b, s + i++, 1);
    if (i < n) sb_str(b, "...");
    *shown = chars;
}

static void render_text(const cli_opts_t *o, const cli_file_t *f, sb_t *b, const mfl_doc_t *doc,
                        const mfl_result_t *res) {
    static const char *const colors[] = {"\033[1;31m", "\033[1;33m", "\033[1;36m", "\033[2m"};
    for (size_t i = 0; i < res->n_diags; i++) {
        const mfl_diag_t *d = &res->diags[i];
        if (d->severity == MFL_SEVERITY_OFF) continue;
        span_t s = span(doc, d->range);
        const char *sev = cli_severity_name(d->severity);
        if (o->color)
            sb_printf(b, "\033[1m%s:%u:%u:\033[0m %s%s\033[0m \033[1m%s\033[0m ", f->path, s.line,
                      s.col, colors[d->severity < 4 ? d->severity : 0], sev, d->rule->code);
        else
            sb_printf(b, "%s:%u:%u: %s %s ", f->path, s.line, s.col, sev, d->rule->code);
        sb_str(b, d->message);
        sb_put(b, "\n", 1);
        if (o->format != FMT_FULL) continue;
        /* The source line, the problem underlined, and its fix. */
        sb_str(b, "  ");
        uint32_t shown = 0;
        source_line(b, doc, s.line - 1, &shown);
        sb_str(b, "\n  ");
        size_t n;
        const char *line = mfl_doc_slice(doc, mfl_doc_line_range(doc, s.line - 1), &n);
        uint32_t col = 1;
        for (size_t k = 0; k < n && col < s.col && col <= shown; k++) {
            if (((unsigned char)line[k] & 0xC0) == 0x80) continue;
            sb_put(b, line[k] == '\t' ? "\t" : " ", 1);
            col++;
        }
        uint32_t w = s.end_line == s.line && s.end_col > s.col ? s.end_col - s.col : 1;
        if (w > 200) w = 200;
        if (o->color) sb_str(b, colors[d->severity < 4 ? d->severity : 0]);
        for (uint32_t k = 0; k < w; k++) sb_put(b, "^", 1);
        if (o->color) sb_str(b, "\033[0m");
        if (d->fix)
            sb_printf(b, " %s (%s)", d->fix->title,
                      d->fix->applicability == MFL_FIX_UNSAFE ? "unsafe fix: --unsafe-fixes" : "fixable: --fix");
        sb_put(b, "\n", 1);
    }
}

/* ---- json ---------------------------------------------------------------------------- */

static json_t *edit_json(const mfl_doc_t *doc, const mfl_edit_t *e) {
    span_t s = span(doc, e->range);
    char *tmp = NULL;
    json_t *j = json_pack("{s:I,s:I,s:I,s:I,s:s}", "line", (json_int_t)s.line, "column",
                          (json_int_t)s.col, "end_line", (json_int_t)s.end_line, "end_column",
                          (json_int_t)s.end_col, "new_text", u8(e->text ? e->text : "", &tmp));
    mfl_free(tmp);
    return j;
}

static void render_json(const cli_file_t *f, sb_t *b, const mfl_doc_t *doc, const mfl_result_t *res) {
    bool first = true;
    for (size_t i = 0; i < res->n_diags && !b->oom; i++) {
        const mfl_diag_t *d = &res->diags[i];
        if (d->severity == MFL_SEVERITY_OFF) continue;
        span_t s = span(doc, d->range);
        json_t *fix = json_null();
        char *t1 = NULL, *t2 = NULL, *t3 = NULL;
        if (d->fix) {
            json_t *edits = json_array();
            for (size_t e = 0; e < d->fix->n_edits; e++)
                json_array_append_new(edits, edit_json(doc, &d->fix->edits[e]));
            fix = json_pack("{s:s,s:s,s:o}", "applicability",
                            d->fix->applicability == MFL_FIX_SAFE ? "safe" : "unsafe", "title",
                            u8(d->fix->title ? d->fix->title : "", &t1), "edits", edits);
        }
        json_t *j = json_pack("{s:s,s:I,s:I,s:I,s:I,s:s,s:s,s:s,s:s,s:o}", "file", u8(f->path, &t2),
                              "line", (json_int_t)s.line, "column", (json_int_t)s.col, "end_line",
                              (json_int_t)s.end_line, "end_column", (json_int_t)s.end_col, "code",
                              d->rule->code, "rule", d->rule->name, "severity",
                              cli_severity_name(d->severity), "message", u8(d->message, &t3), "fix", fix);
        mfl_free(t1);
        mfl_free(t2);
        mfl_free(t3);
        if (!j) {
            b->oom = true;
            break;
        }
        if (!first) sb_str(b, ",\n");
        sb_json(b, j, 2);
        json_decref(j);
        first = false;
    }
}

/* ---- sarif ------------------------------------------------------------------------------ */

static const char *sarif_level(mfl_severity_t s) {
    return s == MFL_SEVERITY_ERROR ? "error" : s == MFL_SEVERITY_WARNING ? "warning" : "note";
}

static json_t *region(span_t s) {
    return json_pack("{s:I,s:I,s:I,s:I}", "startLine", (json_int_t)s.line, "startColumn",
                     (json_int_t)s.col, "endLine", (json_int_t)s.end_line, "endColumn",
                     (json_int_t)s.end_col);
}

static json_t *artifact(const char *path) {
    const char *p = strncmp(path, "./", 2) == 0 ? path + 2 : path;
    char *tmp = NULL;
    json_t *j = json_pack("{s:s}", "uri", u8(p, &tmp));
    mfl_free(tmp);
    return j;
}

static size_t rule_index(const mfl_rule_t *r) {
    for (size_t j = 0; j < mfl_rule_count(); j++)
        if (mfl_rule_at(j) == r) return j;
    return 0;
}

/* The results sit at depth 8 in the document (runs[0].results[]). */
#define SARIF_RESULT_INDENT 8

static void render_sarif(const cli_file_t *f, sb_t *b, const mfl_doc_t *doc, const mfl_result_t *res) {
    bool first = true;
    for (size_t i = 0; i < res->n_diags && !b->oom; i++) {
        const mfl_diag_t *d = &res->diags[i];
        if (d->severity == MFL_SEVERITY_OFF) continue;
        char *tm = NULL;
        json_t *j = json_pack("{s:s,s:I,s:s,s:{s:s},s:[{s:{s:o,s:o}}]}", "ruleId", d->rule->code,
                              "ruleIndex", (json_int_t)rule_index(d->rule), "level",
                              sarif_level(d->severity), "message", "text", u8(d->message, &tm), "locations",
                              "physicalLocation", "artifactLocation", artifact(f->path), "region",
                              region(span(doc, d->range)));
        mfl_free(tm);
        if (j && d->fix) {
            json_t *repl = json_array();
            for (size_t e = 0; e < d->fix->n_edits; e++) {
                const mfl_edit_t *ed = &d->fix->edits[e];
                char *te = NULL;
                json_array_append_new(repl, json_pack("{s:o,s:{s:s}}", "deletedRegion",
                                                      region(span(doc, ed->range)), "insertedContent",
                                                      "text", u8(ed->text ? ed->text : "", &te)));
                mfl_free(te);
            }
            char *tt = NULL;
            json_object_set_new(j, "fixes",
                                json_pack("[{s:{s:s},s:[{s:o,s:o}]}]", "description", "text",
                                          u8(d->fix->title ? d->fix->title : "fix", &tt), "artifactChanges",
                                          "artifactLocation", artifact(f->path), "replacements", repl));
            mfl_free(tt);
        }
        if (!j) {
            b->oom = true;
            break;
        }
        if (!first) sb_str(b, ",\n");
        sb_json(b, j, SARIF_RESULT_INDENT);
        json_decref(j);
        first = false;
    }
}

/* ---- github, checkstyle -------------------------------------------------------------- */

/* GitHub workflow commands: %, CR and LF escaped in data; also : and , in properties. */
static void gh_escape(sb_t *b, const char *s, bool property) {
    for (; *s; s++) {
        if (*s == '%') sb_str(b, "%25");
        else if (*s == '\r') sb_str(b, "%0D");
        else if (*s == '\n') sb_str(b, "%0A");
        else if (property && *s == ':') sb_str(b, "%3A");
        else if (property && *s == ',') sb_str(b, "%2C");
        else sb_put(b, s, 1);
    }
}

static void render_github(const cli_file_t *f, sb_t *b, const mfl_doc_t *doc, const mfl_result_t *res) {
    for (size_t i = 0; i < res->n_diags; i++) {
        const mfl_diag_t *d = &res->diags[i];
        if (d->severity == MFL_SEVERITY_OFF) continue;
        span_t s = span(doc, d->range);
        const char *cmd = d->severity == MFL_SEVERITY_ERROR ? "error"
                          : d->severity == MFL_SEVERITY_WARNING ? "warning" : "notice";
        sb_printf(b, "::%s file=", cmd);
        gh_escape(b, f->path, true);
        sb_printf(b, ",line=%u,col=%u,endLine=%u,endColumn=%u,title=", s.line, s.col, s.end_line,
                  s.end_col);
        char title[128];
        snprintf(title, sizeof title, "%s %s", d->rule->code, d->rule->name);
        gh_escape(b, title, true);
        sb_str(b, "::");
        gh_escape(b, d->message, false);
        sb_put(b, "\n", 1);
    }
}

static void xml_escape(sb_t *b, const char *s) {
    for (; *s; s++) {
        switch (*s) {
        case '&': sb_str(b, "&amp;"); break;
        case '<': sb_str(b, "&lt;"); break;
        case '>': sb_str(b, "&gt;"); break;
        case '"': sb_str(b, "&quot;"); break;
        case '\'': sb_str(b, "&apos;"); break;
        case '\n': sb_str(b, "&#10;"); break;
        default:
            if ((unsigned char)*s < 0x20 && *s != '\t') sb_printf(b, "&#%d;", *s);
            else sb_put(b, s, 1);
        }
    }
}

static void render_checkstyle(const cli_file_t *f, sb_t *b, const mfl_doc_t *doc,
                              const mfl_result_t *res) {
    bool any = false;
    for (size_t i = 0; i < res->n_diags; i++) {
        const mfl_diag_t *d = &res->diags[i];
        if (d->severity == MFL_SEVERITY_OFF) continue;
        if (!any) {
            sb_str(b, "  <file name=\"");
            xml_escape(b, f->path);
            sb_str(b, "\">\n");
            any = true;
        }
        span_t s = span(doc, d->range);
        const char *sev = d->severity == MFL_SEVERITY_ERROR ? "error"
                          : d->severity == MFL_SEVERITY_WARNING ? "warning" : "info";
        sb_printf(b, "    <error line=\"%u\" column=\"%u\" severity=\"%s\" message=\"", s.line, s.col, sev);
        xml_escape(b, d->message);
        sb_printf(b, "\" source=\"modelfile-lint.%s\"/>\n", d->rule->code);
    }
    if (any) sb_str(b, "  </file>\n");
}

/* ---- one file, and the whole output ------------------------------------------------- */

int cli_render_file(const cli_opts_t *o, cli_file_t *f, const mfl_doc_t *doc,
                    const mfl_result_t *res) {
    for (size_t i = 0; i < res->n_diags; i++) {
        const mfl_diag_t *d = &res->diags[i];
        if (d->severity == MFL_SEVERITY_OFF) continue;
        if (d->severity < 4) f->counts.sev[d->severity]++;
        if (d->fix && d->fix->applicability == MFL_FIX_SAFE) f->counts.fixable++;
        else if (d->fix) f->counts.unsafe_fixable++;
        if (d->severity <= o->threshold) f->findings = true;
    }
    if (o->quiet) return 0;
    sb_t b = {0};
    switch (o->format) {
    case FMT_FULL:
    case FMT_CONCISE: render_text(o, f, &b, doc, res); break;
    case FMT_JSON: render_json(f, &b, doc, res); break;
    case FMT_SARIF: render_sarif(f, &b, doc, res); break;
    case FMT_GITHUB: render_github(f, &b, doc, res); break;
    case FMT_CHECKSTYLE: render_checkstyle(f, &b, doc, res); break;
    }
    if (b.oom) {
        mfl_free(b.s);
        return -1;
    }
    f->out = b.s;
    f->out_len = b.n;
    return 0;
}

/* The parts in order, separated as the format needs. */
static void write_parts(FILE *out, cli_file_t *files, size_t n, const char *sep) {
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        if (!files[i].out_len) continue;
        if (any && sep) fputs(sep, out);
        fwrite(files[i].out, 1, files[i].out_len, out);
        any = true;
    }
}

static bool any_part(cli_file_t *files, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (files[i].out_len) return true;
    return false;
}

static void write_sarif(FILE *out, cli_file_t *files, size_t n) {
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
    /* The document with a marker where the results go. */
    static const char marker[] = "@@modelfile-lint-results@@";
    json_t *doc = json_pack(
        "{s:s,s:s,s:[{s:{s:{s:s,s:s,s:s,s:o}},s:s}]}", "$schema",
        "https://json.schemastore.org/sarif-2.1.0.json", "version", "2.1.0", "runs", "tool",
        "driver", "name", "modelfile-lint", "version", MFL_VERSION, "informationUri",
        "https://github.com/modelfile-lint/modelfile-lint", "rules", rules, "results", marker);
    char *s = doc ? json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
    json_decref(doc);
    char *at = s ? strstr(s, "\"@@modelfile-lint-results@@\"") : NULL;
    if (!at) {
        mfl_free(s);
        return;
    }
    fwrite(s, 1, (size_t)(at - s), out);
    if (any_part(files, n)) {
        fputs("[\n", out);
        write_parts(out, files, n, ",\n");
        fprintf(out, "\n%*s]", SARIF_RESULT_INDENT - 2, "");
    } else {
        fputs("[]", out);
    }
    fputs(at + sizeof marker + 1, out);
    fputc('\n', out);
    mfl_free(s);
}

void cli_write_files(FILE *out, const cli_opts_t *o, cli_file_t *files, size_t n) {
    switch (o->format) {
    case FMT_FULL:
    case FMT_CONCISE:
    case FMT_GITHUB: write_parts(out, files, n, NULL); break;
    case FMT_JSON:
        if (any_part(files, n)) {
            fputs("[\n", out);
            write_parts(out, files, n, ",\n");
            fputs("\n]\n", out);
        } else {
            fputs("[]\n", out);
        }
        break;
    case FMT_SARIF: write_sarif(out, files, n); break;
    case FMT_CHECKSTYLE:
        fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n", out);
        write_parts(out, files, n, NULL);
        fputs("</checkstyle>\n", out);
        break;
    }
}

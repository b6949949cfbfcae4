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

/* ---- per-problem JSON records ----------------------------------------------------
 * The records of json and sarif output have a fixed shape and are written
 * here, in exactly the bytes jansson writes with JSON_INDENT(2) (a test,
 * tests/cli/json_bytes.sh, re-dumps the whole output with jansson and
 * compares): building a jansson tree per problem and dumping it cost twice
 * the whole text run (jansson's dump_string goes character by character).
 * jansson still writes everything else (the SARIF document, --list-rules,
 * info, parse) and reads every JSON input. */

/* A JSON string as jansson writes it: `"` `\` and control characters escaped
 * (\b \f \n \r \t, else \u00XX), nothing else; s is UTF-8 (see u8). */
static void sb_jstr(sb_t *b, const char *s) {
    sb_put(b, "\"", 1);
    const char *run = s;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        sb_put(b, run, (size_t)(s - run));
        run = s + 1;
        switch (c) {
        case '"': sb_put(b, "\\\"", 2); break;
        case '\\': sb_put(b, "\\\\", 2); break;
        case '\b': sb_put(b, "\\b", 2); break;
        case '\f': sb_put(b, "\\f", 2); break;
        case '\n': sb_put(b, "\\n", 2); break;
        case '\r': sb_put(b, "\\r", 2); break;
        case '\t': sb_put(b, "\\t", 2); break;
        default: {
            static const char hex[] = "0123456789ABCDEF";
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            sb_put(b, u, 6);
        }
        }
    }
    sb_put(b, run, (size_t)(s - run));
    sb_put(b, "\"", 1);
}

/* A pretty-printer for one record: depth counts levels of two spaces. */
typedef struct {
    sb_t *b;
    int depth;
    bool first[16];
} jw_t;

static void jw_line(jw_t *w) {
    static const char spaces[] = "                                        ";
    sb_put(w->b, "\n", 1);
    sb_put(w->b, spaces, (size_t)(2 * w->depth));
}

/* Before a member: the comma after the previous one, a new line, the key. */
static void jw_key(jw_t *w, const char *key) {
    if (!w->first[w->depth]) sb_put(w->b, ",", 1);
    w->first[w->depth] = false;
    jw_line(w);
    if (key) {
        sb_jstr(w->b, key);
        sb_put(w->b, ": ", 2);
    }
}

static void jw_open(jw_t *w, const char *key, char open) {
    jw_key(w, key);
    sb_put(w->b, &open, 1);
    w->depth++;
    w->first[w->depth] = true;
}

static void jw_close(jw_t *w, char close) {
    bool empty = w->first[w->depth];
    w->depth--;
    if (!empty) jw_line(w);
    sb_put(w->b, &close, 1);
}

static void jw_str(jw_t *w, const char *key, const char *v) {
    jw_key(w, key);
    sb_jstr(w->b, v);
}

static void jw_int(jw_t *w, const char *key, uint32_t v) {
    char n[16];
    jw_key(w, key);
    sb_put(w->b, n, (size_t)snprintf(n, sizeof n, "%u", v));
}

/* A record at `depth` (its own line and indentation are the caller's). */
static void jw_begin(jw_t *w, sb_t *b, int depth) {
    static const char spaces[] = "                                        ";
    w->b = b;
    w->depth = depth;
    sb_put(b, spaces, (size_t)(2 * depth));
    sb_put(b, "{", 1);
    w->depth++;
    w->first[w->depth] = true;
}

/* ---- strings for JSON -----------------------------------------------------------
 * JSON strings are UTF-8; a file name or a quoted value may not be. */

static size_t utf8_seq(const unsigned char *s) {
    if (s[0] < 0x80) return 1;
    size_t n = s[0] >= 0xF0 && s[0] <= 0xF4  ? 4
               : s[0] >= 0xE0                ? 3
               : s[0] >= 0xC2 && s[0] < 0xE0 ? 2
                                             : 0;
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
        if ((c < 0x20 && c != '\t') || c == 0x7F)
            sb_put(b, "?", 1);
        else
            sb_put(b, s + i, 1);
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
                      d->fix->applicability == MFL_FIX_UNSAFE ? "fixable: --unsafe-fixes"
                                                              : "fixable: --fix");
        sb_put(b, "\n", 1);
    }
}

/* ---- json ---------------------------------------------------------------------------- */

static void render_json(const cli_file_t *f, sb_t *b, const mfl_doc_t *doc,
                        const mfl_result_t *res) {
    bool first = true;
    char *tpath = NULL;
    const char *path = u8(f->path, &tpath);
    for (size_t i = 0; i < res->n_diags && !b->oom; i++) {
        const mfl_diag_t *d = &res->diags[i];
        if (d->severity == MFL_SEVERITY_OFF) continue;
        span_t s = span(doc, d->range);
        char *tmp = NULL;
        jw_t w;
        if (!first) sb_put(b, ",\n", 2);
        first = false;
        jw_begin(&w, b, 1);
        jw_str(&w, "file", path);
        jw_int(&w, "line", s.line);
        jw_int(&w, "column", s.col);
        jw_int(&w, "end_line", s.end_line);
        jw_int(&w, "end_column", s.end_col);
        jw_str(&w, "code", d->rule->code);
        jw_str(&w, "rule", d->rule->name);
        jw_str(&w, "severity", cli_severity_name(d->severity));
        jw_str(&w, "message", u8(d->message, &tmp));
        mfl_free(tmp);
        if (d->fix) {
            jw_open(&w, "fix", '{');
            jw_str(&w, "applicability", d->fix->applicability == MFL_FIX_SAFE ? "safe" : "unsafe");
            tmp = NULL;
            jw_str(&w, "title", u8(d->fix->title ? d->fix->title : "", &tmp));
            mfl_free(tmp);
            jw_open(&w, "edits", '[');
            for (size_t e = 0; e < d->fix->n_edits; e++) {
                const mfl_edit_t *ed = &d->fix->edits[e];
                span_t es = span(doc, ed->range);
                jw_open(&w, NULL, '{');
                jw_int(&w, "line", es.line);
                jw_int(&w, "column", es.col);
                jw_int(&w, "end_line", es.end_line);
                jw_int(&w, "end_column", es.end_col);
                tmp = NULL;
                jw_str(&w, "new_text", u8(ed->text ? ed->text : "", &tmp));
                mfl_free(tmp);
                jw_close(&w, '}');
            }
            jw_close(&w, ']');
            jw_close(&w, '}');
        } else {
            jw_key(&w, "fix");
            sb_put(b, "null", 4);
        }
        jw_close(&w, '}');
    }
    mfl_free(tpath);
}

/* ---- sarif ------------------------------------------------------------------------------ */

static const char *sarif_level(mfl_severity_t s) {
    return s == MFL_SEVERITY_ERROR ? "error" : s == MFL_SEVERITY_WARNING ? "warning" : "note";
}

static size_t rule_index(const mfl_rule_t *r) {
    for (size_t j = 0; j < mfl_rule_count(); j++)
        if (mfl_rule_at(j) == r) return j;
    return 0;
}

static void jw_region(jw_t *w, const char *key, span_t s) {
    jw_open(w, key, '{');
    jw_int(w, "startLine", s.line);
    jw_int(w, "startColumn", s.col);
    jw_int(w, "endLine", s.end_line);
    jw_int(w, "endColumn", s.end_col);
    jw_close(w, '}');
}

static void jw_artifact(jw_t *w, const char *uri) {
    jw_open(w, "artifactLocation", '{');
    jw_str(w, "uri", uri);
    jw_close(w, '}');
}

/* The results sit at depth 4 in the document (runs[0].results[]). */
#define SARIF_RESULT_DEPTH 4

static void render_sarif(const cli_file_t *f, sb_t *b, const mfl_doc_t *doc,
                         const mfl_result_t *res) {
    bool first = true;
    char *tpath = NULL;
    const char *path = u8(strncmp(f->path, "./", 2) == 0 ? f->path + 2 : f->path, &tpath);
    for (size_t i = 0; i < res->n_diags && !b->oom; i++) {
        const mfl_diag_t *d = &res->diags[i];
        if (d->severity == MFL_SEVERITY_OFF) continue;
        char *tmp = NULL;
        jw_t w;
        if (!first) sb_put(b, ",\n", 2);
        first = false;
        jw_begin(&w, b, SARIF_RESULT_DEPTH);
        jw_str(&w, "ruleId", d->rule->code);
        jw_int(&w, "ruleIndex", (uint32_t)rule_index(d->rule));
        jw_str(&w, "level", sarif_level(d->severity));
        jw_open(&w, "message", '{');
        jw_str(&w, "text", u8(d->message, &tmp));
        mfl_free(tmp);
        jw_close(&w, '}');
        jw_open(&w, "locations", '[');
        jw_open(&w, NULL, '{');
        jw_open(&w, "physicalLocation", '{');
        jw_artifact(&w, path);
        jw_region(&w, "region", span(doc, d->range));
        jw_close(&w, '}');
        jw_close(&w, '}');
        jw_close(&w, ']');
        if (d->fix) {
            jw_open(&w, "fixes", '[');
            jw_open(&w, NULL, '{');
            jw_open(&w, "description", '{');
            tmp = NULL;
            jw_str(&w, "text", u8(d->fix->title ? d->fix->title : "fix", &tmp));
            mfl_free(tmp);
            jw_close(&w, '}');
            jw_open(&w, "artifactChanges", '[');
            jw_open(&w, NULL, '{');
            jw_artifact(&w, path);
            jw_open(&w, "replacements", '[');
            for (size_t e = 0; e < d->fix->n_edits; e++) {
                const mfl_edit_t *ed = &d->fix->edits[e];
                jw_open(&w, NULL, '{');
                jw_region(&w, "deletedRegion", span(doc, ed->range));
                jw_open(&w, "insertedContent", '{');
                tmp = NULL;
                jw_str(&w, "text", u8(ed->text ? ed->text : "", &tmp));
                mfl_free(tmp);
                jw_close(&w, '}');
                jw_close(&w, '}');
            }
            jw_close(&w, ']');
            jw_close(&w, '}');
            jw_close(&w, ']');
            jw_close(&w, '}');
            jw_close(&w, ']');
        }
        jw_close(&w, '}');
    }
    mfl_free(tpath);
}

/* ---- github, checkstyle -------------------------------------------------------------- */

/* GitHub workflow commands: %, CR and LF escaped in data; also : and , in properties. */
static void gh_escape(sb_t *b, const char *s, bool property) {
    for (; *s; s++) {
        if (*s == '%')
            sb_str(b, "%25");
        else if (*s == '\r')
            sb_str(b, "%0D");
        else if (*s == '\n')
            sb_str(b, "%0A");
        else if (property && *s == ':')
            sb_str(b, "%3A");
        else if (property && *s == ',')
            sb_str(b, "%2C");
        else
            sb_put(b, s, 1);
    }
}

static void render_github(const cli_file_t *f, sb_t *b, const mfl_doc_t *doc,
                          const mfl_result_t *res) {
    for (size_t i = 0; i < res->n_diags; i++) {
        const mfl_diag_t *d = &res->diags[i];
        if (d->severity == MFL_SEVERITY_OFF) continue;
        span_t s = span(doc, d->range);
        const char *cmd = d->severity == MFL_SEVERITY_ERROR     ? "error"
                          : d->severity == MFL_SEVERITY_WARNING ? "warning"
                                                                : "notice";
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
            if ((unsigned char)*s < 0x20 && *s != '\t')
                sb_printf(b, "&#%d;", *s);
            else
                sb_put(b, s, 1);
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
        const char *sev = d->severity == MFL_SEVERITY_ERROR     ? "error"
                          : d->severity == MFL_SEVERITY_WARNING ? "warning"
                                                                : "info";
        sb_printf(b, "    <error line=\"%u\" column=\"%u\" severity=\"%s\" message=\"", s.line,
                  s.col, sev);
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
        if (d->fix && d->fix->applicability == MFL_FIX_SAFE)
            f->counts.fixable++;
        else if (d->fix)
            f->counts.unsafe_fixable++;
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

/* The output of a run: the format's header, the files' parts in order
 * (written as soon as they are ready, see pool.c), and the footer. */
struct cli_writer {
    FILE *out;
    const cli_opts_t *o;
    bool any;         /* a part was written */
    char *sarif;      /* the SARIF document, dumped by jansson */
    const char *tail; /* where its results go */
};

static const char sarif_marker[] = "@@modelfile-lint-results@@";

/* The SARIF document with a marker where the results go. */
static char *sarif_doc(void) {
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
    json_t *doc =
        json_pack("{s:s,s:s,s:[{s:{s:{s:s,s:s,s:s,s:o}},s:s}]}", "$schema",
                  "https://json.schemastore.org/sarif-2.1.0.json", "version", "2.1.0", "runs",
                  "tool", "driver", "name", "modelfile-lint", "version", MFL_VERSION,
                  "informationUri", "https://github.com/modelfile-lint/modelfile-lint", "rules",
                  rules, "results", sarif_marker);
    char *s = doc ? json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
    json_decref(doc);
    return s;
}

cli_writer_t *cli_writer_new(FILE *out, const cli_opts_t *o) {
    cli_writer_t *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->out = out;
    w->o = o;
    switch (o->format) {
    case FMT_JSON: fputs("[", out); break;
    case FMT_CHECKSTYLE:
        fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n", out);
        break;
    case FMT_SARIF: {
        w->sarif = sarif_doc();
        char *at = w->sarif ? strstr(w->sarif, sarif_marker) : NULL;
        if (!at) {
            mfl_free(w->sarif);
            free(w);
            return NULL;
        }
        at--; /* the opening quote */
        fwrite(w->sarif, 1, (size_t)(at - w->sarif), out);
        fputs("[", out);
        w->tail = at + sizeof sarif_marker + 1;
        break;
    }
    default: break;
    }
    return w;
}

void cli_writer_part(cli_writer_t *w, const cli_file_t *f) {
    if (!f->out_len) return;
    bool records = w->o->format == FMT_JSON || w->o->format == FMT_SARIF;
    if (records) fputs(w->any ? ",\n" : "\n", w->out);
    fwrite(f->out, 1, f->out_len, w->out);
    w->any = true;
}

void cli_writer_finish(cli_writer_t *w) {
    if (!w) return;
    switch (w->o->format) {
    case FMT_JSON: fputs(w->any ? "\n]\n" : "]\n", w->out); break;
    case FMT_CHECKSTYLE: fputs("</checkstyle>\n", w->out); break;
    case FMT_SARIF:
        if (w->any) fprintf(w->out, "\n%*s", 2 * SARIF_RESULT_DEPTH - 2, "");
        fputs("]", w->out);
        fputs(w->tail, w->out);
        fputc('\n', w->out);
        break;
    default: break;
    }
    mfl_free(w->sarif);
    free(w);
}

void cli_write_files(FILE *out, const cli_opts_t *o, cli_file_t *files, size_t n) {
    cli_writer_t *w = cli_writer_new(out, o);
    if (!w) return;
    for (size_t i = 0; i < n; i++) cli_writer_part(w, &files[i]);
    cli_writer_finish(w);
}

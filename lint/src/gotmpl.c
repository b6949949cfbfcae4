/* SPDX-License-Identifier: MIT */
/* The TEMPLATE checker (see gotmpl.h): a port of Go's text/template/parse
 * lexer (lex.go) and parser (parse.go, node.go's number rules) as Go 1.23
 * and later build them, item for item, so that the first error, its wording
 * and its line are Go's; then Ollama's own walk over the parsed templates
 * (template/template.go Identifiers), which refuses a {{ template }} without
 * a pipeline. Written from reading Go's and Ollama's sources; no code of
 * theirs is copied. Differences that would need more than this file are
 * listed in tests/template/README.md. Errors propagate by return (a sticky
 * parser_t.failed that every caller checks), not by setjmp: WASI has none. */
#include "gotmpl.h"

#include "internal.h"
#include "mfl_template.h"
#include "unialnum.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- Ollama's function map ----------------------------------------------------- */

static const char *const go_builtins[] = {
    "and",    "call",    "html",     "index", "slice", "js", "len", "not", "or", "print",
    "printf", "println", "urlquery", "eq",    "ge",    "gt", "le",  "lt",  "ne", NULL};

static bool word_eq(const char *s, size_t n, const char *w) {
    return strlen(w) == n && memcmp(s, w, n) == 0;
}

static bool has_function(const mfl_gotmpl_opts_t *o, const char *s, size_t n) {
    for (size_t i = 0; go_builtins[i]; i++)
        if (word_eq(s, n, go_builtins[i])) return true;
    return (o->json && word_eq(s, n, "json")) ||
           (o->current_date && word_eq(s, n, "currentDate")) ||
           (o->yesterday_date && word_eq(s, n, "yesterdayDate")) ||
           (o->to_ts_type && word_eq(s, n, "toTypeScriptType"));
}

void mfl__gotmpl_opts_for(mfl_version_t v, mfl_gotmpl_opts_t *o) {
    o->json = mfl_version_has(v, MFL_FACT_T_FUNCS);
    o->current_date = mfl_version_has(v, MFL_FACT_T_CURRENT_DATE);
    o->to_ts_type = mfl_version_has(v, MFL_FACT_T_TO_TS_TYPE);
    o->yesterday_date = mfl_version_has(v, MFL_FACT_T_YESTERDAY_DATE);
    o->else_with = mfl_version_has(v, MFL_FACT_T_ELSE_WITH);
    o->check_pipes = mfl_version_has(v, MFL_FACT_T_FUNCS);
}

bool mfl__gotmpl_is_func(const char *name, size_t n) {
    mfl_gotmpl_opts_t o;
    mfl__gotmpl_opts_for(mfl_version_default(), &o);
    return has_function(&o, name, n);
}

/* ---- Go formatting helpers ---------------------------------------------------- */

/* Appends r as UTF-8. */
static size_t put_rune(char *b, int32_t r) {
    if (r < 0x80) return b[0] = (char)r, 1;
    if (r < 0x800) return b[0] = (char)(0xC0 | (r >> 6)), b[1] = (char)(0x80 | (r & 0x3F)), 2;
    if (r < 0x10000)
        return b[0] = (char)(0xE0 | (r >> 12)), b[1] = (char)(0x80 | ((r >> 6) & 0x3F)),
               b[2] = (char)(0x80 | (r & 0x3F)), 3;
    b[0] = (char)(0xF0 | (r >> 18));
    b[1] = (char)(0x80 | ((r >> 12) & 0x3F));
    b[2] = (char)(0x80 | ((r >> 6) & 0x3F));
    b[3] = (char)(0x80 | (r & 0x3F));
    return 4;
}

/* strconv.Quote of s[0..n), at most max_runes runes of it (fmt's %.Nq), to
 * out (size outsz, always terminated). */
static void go_quote(char *out, size_t outsz, const char *s, size_t n, size_t max_runes) {
    mfl_buf_t b = {0};
    char tmp[16];
    mfl__buf_putc(&b, '"');
    size_t i = 0, runes = 0;
    while (i < n && runes < max_runes) {
        size_t st = i;
        int32_t r = mfl__utf8_next(s, n, &i);
        runes++;
        if (r == 0xFFFD && i - st == 1) {
            snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned char)s[st]);
            mfl__buf_put(&b, tmp, strlen(tmp));
            continue;
        }
        if (r == '"' || r == '\\') {
            mfl__buf_putc(&b, '\\');
            mfl__buf_putc(&b, (char)r);
        } else if (mfl__isprint(r)) {
            mfl__buf_put(&b, s + st, i - st);
        } else {
            switch (r) {
            case '\a': mfl__buf_put(&b, "\\a", 2); break;
            case '\b': mfl__buf_put(&b, "\\b", 2); break;
            case '\f': mfl__buf_put(&b, "\\f", 2); break;
            case '\n': mfl__buf_put(&b, "\\n", 2); break;
            case '\r': mfl__buf_put(&b, "\\r", 2); break;
            case '\t': mfl__buf_put(&b, "\\t", 2); break;
            case '\v': mfl__buf_put(&b, "\\v", 2); break;
            default:
                if (r < ' ' || r == 0x7F)
                    snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)r);
                else if (r < 0x10000)
                    snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)r);
                else
                    snprintf(tmp, sizeof tmp, "\\U%08x", (unsigned)r);
                mfl__buf_put(&b, tmp, strlen(tmp));
            }
        }
    }
    mfl__buf_putc(&b, '"');
    snprintf(out, outsz, "%.*s", b.data ? (int)b.len : 0, b.data ? b.data : "");
    mfl_free(b.data);
}

/* fmt's %#U: "U+0041 'A'" (the character only when printable). */
static void go_unicode(char *out, size_t outsz, int32_t r) {
    if (r < 0) {
        snprintf(out, outsz, "U+%04X", (unsigned)0xFFFFFFFF & (unsigned)r);
        /* eof (-1) prints as U+FFFFFFFFFFFFFFFF in Go; never reached here */
        return;
    }
    if (mfl__isprint(r)) {
        char c[5];
        size_t k = put_rune(c, r);
        snprintf(out, outsz, "U+%04X '%.*s'", (unsigned)r, (int)k, c);
    } else {
        snprintf(out, outsz, "U+%04X", (unsigned)r);
    }
}

/* ---- lexer ----------------------------------------------------------------- */

typedef enum {
    I_ERROR,
    I_BOOL,
    I_CHAR,
    I_CHAR_CONSTANT,
    I_COMMENT,
    I_COMPLEX,
    I_ASSIGN,
    I_DECLARE,
    I_EOF,
    I_FIELD,
    I_IDENTIFIER,
    I_LEFT_DELIM,
    I_LEFT_PAREN,
    I_NUMBER,
    I_PIPE,
    I_RAW_STRING,
    I_RIGHT_DELIM,
    I_RIGHT_PAREN,
    I_SPACE,
    I_STRING,
    I_TEXT,
    I_VARIABLE,
    I_KEYWORD, /* keywords after this */
    I_BLOCK,
    I_BREAK,
    I_CONTINUE,
    I_DOT,
    I_DEFINE,
    I_ELSE,
    I_END,
    I_IF,
    I_NIL,
    I_RANGE,
    I_TEMPLATE,
    I_WITH
} ityp_t;

typedef struct {
    ityp_t typ;
    uint32_t pos, len; /* the value is input[pos, pos+len), except for errors */
    int line;
    const char *err; /* I_ERROR: the message */
    uint32_t end;    /* I_ERROR: where the lexer stood */
} item_t;

typedef struct {
    const char *in;
    size_t n; /* 0 once an error was returned (Go empties the input) */
    size_t pos, start;
    bool at_eof;
    int paren_depth, line, start_line;
    bool inside_action;
    item_t item;
    char err[200];
} lex_t;

#define EOF_RUNE (-1)

static bool lx_space(int32_t r) { return r == ' ' || r == '\t' || r == '\r' || r == '\n'; }

static bool lx_alnum(int32_t r) {
    if (r < 0) return false;
    if (r < 0x80)
        return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') ||
               (r >= '0' && r <= '9');
    return mfl_unialnum(r);
}

static int32_t lx_next(lex_t *l) {
    if (l->pos >= l->n) {
        l->at_eof = true;
        return EOF_RUNE;
    }
    int32_t r = mfl__utf8_next(l->in, l->n, &l->pos);
    if (r == '\n') l->line++;
    return r;
}

/* utf8.DecodeLastRuneInString(in[:pos]): the width of the rune before pos. */
static size_t last_width(const char *s, size_t end, int32_t *rr) {
    if (end == 0) return 0;
    unsigned char c = (unsigned char)s[end - 1];
    if (c < 0x80) return *rr = c, 1;
    size_t lim = end >= 4 ? end - 4 : 0, st = end - 1;
    while (st > lim && ((unsigned char)s[st] & 0xC0) == 0x80) st--;
    size_t i = st;
    int32_t r = mfl__utf8_next(s, end, &i);
    if (i != end) return *rr = 0xFFFD, 1;
    return *rr = r, end - st;
}

static void lx_backup(lex_t *l) {
    if (!l->at_eof && l->pos > 0) {
        int32_t r;
        l->pos -= last_width(l->in, l->pos, &r);
        if (r == '\n') l->line--;
    }
}

static int32_t lx_peek(lex_t *l) {
    int32_t r = lx_next(l);
    lx_backup(l);
    return r;
}

static int count_nl(const char *s, size_t a, size_t b) {
    int c = 0;
    for (size_t i = a; i < b; i++) c += s[i] == '\n';
    return c;
}

static item_t this_item(lex_t *l, ityp_t t) {
    item_t i = {t, (uint32_t)l->start, (uint32_t)(l->pos - l->start), l->start_line, NULL, 0};
    l->start = l->pos;
    l->start_line = l->line;
    return i;
}

typedef enum {
    ST_DONE,
    ST_TEXT,
    ST_LEFT_DELIM,
    ST_COMMENT,
    ST_RIGHT_DELIM,
    ST_INSIDE,
    ST_SPACE,
    ST_IDENT,
    ST_FIELD,
    ST_VARIABLE,
    ST_CHAR,
    ST_NUMBER,
    ST_QUOTE,
    ST_RAW
} state_t;

static state_t emit(lex_t *l, ityp_t t) {
    l->item = this_item(l, t);
    return ST_DONE;
}

static void lx_ignore(lex_t *l) {
    l->line += count_nl(l->in, l->start, l->pos);
    l->start = l->pos;
    l->start_line = l->line;
}

static bool lx_accept(lex_t *l, const char *valid) {
    int32_t r = lx_next(l);
    if (r > 0 && r < 0x80 && strchr(valid, (int)r)) return true;
    lx_backup(l);
    return false;
}

static void lx_accept_run(lex_t *l, const char *valid) {
    for (;;) {
        int32_t r = lx_next(l);
        if (!(r > 0 && r < 0x80 && strchr(valid, (int)r))) break;
    }
    lx_backup(l);
}

static state_t lx_errorf(lex_t *l, const char *fmt, ...) MFL_PRINTF(2, 3);
static state_t lx_errorf(lex_t *l, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->err, sizeof l->err, fmt, ap);
    va_end(ap);
    l->item = (item_t){I_ERROR, (uint32_t)l->start, 0, l->start_line, l->err, (uint32_t)l->pos};
    l->start = 0;
    l->pos = 0;
    l->n = 0;
    return ST_DONE;
}

static bool has_prefix(const lex_t *l, size_t at, const char *p) {
    size_t k = strlen(p);
    return at <= l->n && l->n - at >= k && memcmp(l->in + at, p, k) == 0;
}

static bool left_trim_marker(const lex_t *l, size_t at) {
    return at + 2 <= l->n && l->in[at] == '-' && lx_space((unsigned char)l->in[at + 1]);
}

static bool right_trim_marker(const lex_t *l, size_t at) {
    return at + 2 <= l->n && lx_space((unsigned char)l->in[at]) && l->in[at + 1] == '-';
}

/* atRightDelim: "}}", or " -}}" (delim and trim). */
static bool at_right_delim(const lex_t *l, bool *trim) {
    if (right_trim_marker(l, l->pos) && has_prefix(l, l->pos + 2, "}}")) return *trim = true, true;
    *trim = false;
    return has_prefix(l, l->pos, "}}");
}

static size_t left_trim_len(const lex_t *l, size_t at) {
    size_t k = at;
    while (k < l->n && lx_space((unsigned char)l->in[k])) k++;
    return k - at;
}

static state_t lex_text(lex_t *l) {
    const char *x = NULL;
    for (size_t i = l->pos; i + 1 < l->n; i++)
        if (l->in[i] == '{' && l->in[i + 1] == '{') {
            x = l->in + i;
            break;
        }
    if (x) {
        size_t at = (size_t)(x - l->in);
        if (at > l->pos) {
            l->pos = at;
            size_t trim = 0;
            if (left_trim_marker(l, at + 2))
                while (trim < l->pos - l->start &&
                       lx_space((unsigned char)l->in[l->pos - trim - 1]))
                    trim++;
            l->pos -= trim;
            l->line += count_nl(l->in, l->start, l->pos);
            item_t i = this_item(l, I_TEXT);
            l->pos += trim;
            lx_ignore(l);
            if (i.len > 0) {
                l->item = i;
                return ST_DONE;
            }
        }
        return ST_LEFT_DELIM;
    }
    l->pos = l->n;
    if (l->pos > l->start) {
        l->line += count_nl(l->in, l->start, l->pos);
        return emit(l, I_TEXT);
    }
    return emit(l, I_EOF);
}

static state_t lex_left_delim(lex_t *l) {
    l->pos += 2;
    bool trim = left_trim_marker(l, l->pos);
    size_t after = trim ? 2 : 0;
    if (has_prefix(l, l->pos + after, "/*")) {
        l->pos += after;
        lx_ignore(l);
        return ST_COMMENT;
    }
    item_t i = this_item(l, I_LEFT_DELIM);
    l->inside_action = true;
    l->pos += after;
    lx_ignore(l);
    l->paren_depth = 0;
    l->item = i;
    return ST_DONE;
}

static state_t lex_comment(lex_t *l) {
    l->pos += 2;
    const char *x = NULL;
    for (size_t i = l->pos; i + 1 < l->n; i++)
        if (l->in[i] == '*' && l->in[i + 1] == '/') {
            x = l->in + i;
            break;
        }
    if (!x) return lx_errorf(l, "unclosed comment");
    l->pos = (size_t)(x - l->in) + 2;
    bool trim;
    if (!at_right_delim(l, &trim)) return lx_errorf(l, "comment ends before closing delimiter");
    l->line += count_nl(l->in, l->start, l->pos);
    this_item(l, I_COMMENT);
    if (trim) l->pos += 2;
    l->pos += 2;
    if (trim) l->pos += left_trim_len(l, l->pos);
    lx_ignore(l);
    return ST_TEXT;
}

static state_t lex_right_delim(lex_t *l) {
    bool trim;
    at_right_delim(l, &trim);
    if (trim) {
        l->pos += 2;
        lx_ignore(l);
    }
    l->pos += 2;
    item_t i = this_item(l, I_RIGHT_DELIM);
    if (trim) {
        l->pos += left_trim_len(l, l->pos);
        lx_ignore(l);
    }
    l->inside_action = false;
    l->item = i;
    return ST_DONE;
}

static state_t lex_inside(lex_t *l) {
    bool trim;
    if (at_right_delim(l, &trim)) {
        if (l->paren_depth == 0) return ST_RIGHT_DELIM;
        return lx_errorf(l, "unclosed left paren");
    }
    int32_t r = lx_next(l);
    char u[32];
    switch (r) {
    case EOF_RUNE: return lx_errorf(l, "unclosed action");
    case ' ':
    case '\t':
    case '\r':
    case '\n': lx_backup(l); return ST_SPACE;
    case '=': return emit(l, I_ASSIGN);
    case ':':
        if (lx_next(l) != '=') return lx_errorf(l, "expected :=");
        return emit(l, I_DECLARE);
    case '|': return emit(l, I_PIPE);
    case '"': return ST_QUOTE;
    case '`': return ST_RAW;
    case '$': return ST_VARIABLE;
    case '\'': return ST_CHAR;
    case '.':
        if (l->pos < l->n && (l->in[l->pos] < '0' || l->in[l->pos] > '9')) return ST_FIELD;
        lx_backup(l);
        return ST_NUMBER;
    case '+':
    case '-':
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9': lx_backup(l); return ST_NUMBER;
    case '(': l->paren_depth++; return emit(l, I_LEFT_PAREN);
    case ')':
        l->paren_depth--;
        if (l->paren_depth < 0) return lx_errorf(l, "unexpected right paren");
        return emit(l, I_RIGHT_PAREN);
    default:
        if (lx_alnum(r)) {
            lx_backup(l);
            return ST_IDENT;
        }
        if (r < 0x80 && r >= 0x20 && r < 0x7F) return emit(l, I_CHAR);
        go_unicode(u, sizeof u, r);
        return lx_errorf(l, "unrecognized character in action: %s", u);
    }
}

static state_t lex_space(lex_t *l) {
    int spaces = 0;
    while (lx_space(lx_peek(l))) {
        lx_next(l);
        spaces++;
    }
    if (right_trim_marker(l, l->pos - 1) && has_prefix(l, l->pos + 1, "}}")) {
        lx_backup(l);
        if (spaces == 1) return ST_RIGHT_DELIM;
    }
    return emit(l, I_SPACE);
}

static bool at_terminator(lex_t *l) {
    int32_t r = lx_peek(l);
    if (lx_space(r)) return true;
    switch (r) {
    case EOF_RUNE:
    case '.':
    case ',':
    case '|':
    case ':':
    case ')':
    case '(': return true;
    }
    return has_prefix(l, l->pos, "}}");
}

static ityp_t keyword(const char *s, size_t n) {
    static const struct {
        const char *w;
        ityp_t t;
    } k[] = {{".", I_DOT},
             {"block", I_BLOCK},
             {"break", I_BREAK},
             {"continue", I_CONTINUE},
             {"define", I_DEFINE},
             {"else", I_ELSE},
             {"end", I_END},
             {"if", I_IF},
             {"range", I_RANGE},
             {"nil", I_NIL},
             {"template", I_TEMPLATE},
             {"with", I_WITH}};
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
        if (word_eq(s, n, k[i].w)) return k[i].t;
    return I_ERROR;
}

static state_t lex_ident(lex_t *l) {
    int32_t r;
    while (lx_alnum(r = lx_next(l))) {
    }
    lx_backup(l);
    const char *w = l->in + l->start;
    size_t wl = l->pos - l->start;
    if (!at_terminator(l)) {
        char u[32];
        go_unicode(u, sizeof u, r);
        return lx_errorf(l, "bad character %s", u);
    }
    ityp_t k = keyword(w, wl);
    if (k > I_KEYWORD) return emit(l, k);
    if (word_eq(w, wl, "true") || word_eq(w, wl, "false")) return emit(l, I_BOOL);
    return emit(l, I_IDENTIFIER);
}

static state_t lex_field_or_var(lex_t *l, ityp_t t) {
    if (at_terminator(l)) return emit(l, t == I_VARIABLE ? I_VARIABLE : I_DOT);
    int32_t r;
    for (;;) {
        r = lx_next(l);
        if (!lx_alnum(r)) {
            lx_backup(l);
            break;
        }
    }
    if (!at_terminator(l)) {
        char u[32];
        go_unicode(u, sizeof u, r);
        return lx_errorf(l, "bad character %s", u);
    }
    return emit(l, t);
}

static state_t lex_variable(lex_t *l) {
    if (at_terminator(l)) return emit(l, I_VARIABLE);
    return lex_field_or_var(l, I_VARIABLE);
}

static state_t lex_char(lex_t *l) {
    for (;;) {
        int32_t r = lx_next(l);
        if (r == '\\') {
            int32_t e = lx_next(l);
            if (e != EOF_RUNE && e != '\n') continue;
            return lx_errorf(l, "unterminated character constant");
        }
        if (r == EOF_RUNE || r == '\n') return lx_errorf(l, "unterminated character constant");
        if (r == '\'') break;
    }
    return emit(l, I_CHAR_CONSTANT);
}

static bool scan_number(lex_t *l) {
    lx_accept(l, "+-");
    const char *digits = "0123456789_";
    if (lx_accept(l, "0")) {
        if (lx_accept(l, "xX"))
            digits = "0123456789abcdefABCDEF_";
        else if (lx_accept(l, "oO"))
            digits = "01234567_";
        else if (lx_accept(l, "bB"))
            digits = "01_";
    }
    lx_accept_run(l, digits);
    if (lx_accept(l, ".")) lx_accept_run(l, digits);
    if (strlen(digits) == 11 && lx_accept(l, "eE")) {
        lx_accept(l, "+-");
        lx_accept_run(l, "0123456789_");
    }
    if (strlen(digits) == 23 && lx_accept(l, "pP")) {
        lx_accept(l, "+-");
        lx_accept_run(l, "0123456789_");
    }
    lx_accept(l, "i");
    if (lx_alnum(lx_peek(l))) {
        lx_next(l);
        return false;
    }
    return true;
}

static state_t lex_number(lex_t *l) {
    char q[120];
    if (!scan_number(l)) {
        go_quote(q, sizeof q, l->in + l->start, l->pos - l->start, SIZE_MAX);
        return lx_errorf(l, "bad number syntax: %s", q);
    }
    int32_t sign = lx_peek(l);
    if (sign == '+' || sign == '-') {
        if (!scan_number(l) || l->in[l->pos - 1] != 'i') {
            go_quote(q, sizeof q, l->in + l->start, l->pos - l->start, SIZE_MAX);
            return lx_errorf(l, "bad number syntax: %s", q);
        }
        return emit(l, I_COMPLEX);
    }
    return emit(l, I_NUMBER);
}

static state_t lex_quote(lex_t *l) {
    for (;;) {
        int32_t r = lx_next(l);
        if (r == '\\') {
            int32_t e = lx_next(l);
            if (e != EOF_RUNE && e != '\n') continue;
            return lx_errorf(l, "unterminated quoted string");
        }
        if (r == EOF_RUNE || r == '\n') return lx_errorf(l, "unterminated quoted string");
        if (r == '"') break;
    }
    return emit(l, I_STRING);
}

static state_t lex_raw(lex_t *l) {
    for (;;) {
        int32_t r = lx_next(l);
        if (r == EOF_RUNE) return lx_errorf(l, "unterminated raw quoted string");
        if (r == '`') break;
    }
    return emit(l, I_RAW_STRING);
}

static item_t next_item(lex_t *l) {
    l->item = (item_t){I_EOF, (uint32_t)l->pos, 0, l->start_line, NULL, 0};
    state_t st = l->inside_action ? ST_INSIDE : ST_TEXT;
    while (st != ST_DONE) {
        switch (st) {
        case ST_TEXT: st = lex_text(l); break;
        case ST_LEFT_DELIM: st = lex_left_delim(l); break;
        case ST_COMMENT: st = lex_comment(l); break;
        case ST_RIGHT_DELIM: st = lex_right_delim(l); break;
        case ST_INSIDE: st = lex_inside(l); break;
        case ST_SPACE: st = lex_space(l); break;
        case ST_IDENT: st = lex_ident(l); break;
        case ST_FIELD: st = lex_field_or_var(l, I_FIELD); break;
        case ST_VARIABLE: st = lex_variable(l); break;
        case ST_CHAR: st = lex_char(l); break;
        case ST_NUMBER: st = lex_number(l); break;
        case ST_QUOTE: st = lex_quote(l); break;
        case ST_RAW: st = lex_raw(l); break;
        default: st = ST_DONE;
        }
    }
    return l->item;
}

/* ---- strconv, as the parser needs it --------------------------------------------- */

static int unhex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* strconv.UnquoteChar: decodes the first character of s[0..n) (quote is the
 * surrounding quote). Returns the bytes used, 0 on ErrSyntax. */
static size_t unquote_char(const char *s, size_t n, char quote, int32_t *val) {
    if (n == 0) return 0;
    unsigned char c = (unsigned char)s[0];
    if (c == (unsigned char)quote && (quote == '\'' || quote == '"')) return 0;
    if (c >= 0x80) {
        size_t i = 0;
        *val = mfl__utf8_next(s, n, &i);
        return i;
    }
    if (c != '\\') return *val = c, 1;
    if (n <= 1) return 0;
    char e = s[1];
    switch (e) {
    case 'a': *val = '\a'; return 2;
    case 'b': *val = '\b'; return 2;
    case 'f': *val = '\f'; return 2;
    case 'n': *val = '\n'; return 2;
    case 'r': *val = '\r'; return 2;
    case 't': *val = '\t'; return 2;
    case 'v': *val = '\v'; return 2;
    case 'x':
    case 'u':
    case 'U': {
        size_t k = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        if (n - 2 < k) return 0;
        uint32_t v = 0;
        for (size_t j = 0; j < k; j++) {
            int h = unhex(s[2 + j]);
            if (h < 0) return 0;
            v = v << 4 | (uint32_t)h;
        }
        if (e != 'x' && (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))) return 0;
        *val = (int32_t)v;
        return 2 + k;
    }
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
        if (n - 2 < 2) return 0;
        int v = e - '0';
        for (size_t j = 0; j < 2; j++) {
            int d = s[2 + j] - '0';
            if (d < 0 || d > 7) return 0;
            v = (v << 3) | d;
        }
        if (v > 255) return 0;
        *val = v;
        return 4;
    }
    case '\\': *val = '\\'; return 2;
    case '\'':
    case '"':
        if (e != quote) return 0;
        *val = e;
        return 2;
    default: return 0;
    }
}

/* strconv.Unquote of a lexed string token ("..." or `...`). */
static bool unquote_ok(const char *s, size_t n) {
    if (n < 2) return false;
    if (s[0] == '`') return true;
    size_t i = 1;
    while (i < n - 1) {
        int32_t v;
        size_t k = unquote_char(s + i, n - 1 - i, '"', &v);
        if (k == 0 || s[i] == '\n') return false;
        i += k;
    }
    return i == n - 1;
}

static char lower(char c) { return (char)(c | 0x20); }

/* underscoreOK (strconv). */
static bool underscore_ok(const char *s, size_t n) {
    char saw = '^';
    size_t i = 0;
    if (n >= 1 && (s[0] == '-' || s[0] == '+')) s++, n--;
    bool hex = false;
    if (n >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
        i = 2;
        saw = '0';
        hex = lower(s[1]) == 'x';
    }
    for (; i < n; i++) {
        if ((s[i] >= '0' && s[i] <= '9') || (hex && lower(s[i]) >= 'a' && lower(s[i]) <= 'f')) {
            saw = '0';
            continue;
        }
        if (s[i] == '_') {
            if (saw != '0') return false;
            saw = '_';
            continue;
        }
        if (saw == '_') return false;
        saw = '!';
    }
    return saw != '_';
}

/* strconv.ParseUint(s, 0, 64): 0 ok, 1 syntax error, 2 out of range. */
static int parse_uint0(const char *s, size_t n, uint64_t *out) {
    if (n == 0) return 1;
    const char *s0 = s;
    size_t n0 = n;
    unsigned base = 10;
    if (s[0] == '0') {
        if (n >= 3 && lower(s[1]) == 'b')
            base = 2, s += 2, n -= 2;
        else if (n >= 3 && lower(s[1]) == 'o')
            base = 8, s += 2, n -= 2;
        else if (n >= 3 && lower(s[1]) == 'x')
            base = 16, s += 2, n -= 2;
        else
            base = 8, s += 1, n -= 1;
    }
    uint64_t v = 0;
    bool underscores = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        unsigned d;
        if (c == '_') {
            underscores = true;
            continue;
        } else if (c >= '0' && c <= '9') {
            d = (unsigned)(c - '0');
        } else if (lower(c) >= 'a' && lower(c) <= 'z') {
            d = (unsigned)(lower(c) - 'a' + 10);
        } else {
            return 1;
        }
        if (d >= base) return 1;
        if (v > (UINT64_MAX - d) / base) {
            *out = UINT64_MAX;
            return 2;
        }
        v = v * base + d;
    }
    if (underscores && !underscore_ok(s0, n0)) return 1;
    *out = v;
    return 0;
}

/* strconv.ParseInt(s, 0, 64). */
static int parse_int0(const char *s, size_t n, int64_t *out) {
    if (n == 0) return 1;
    bool neg = false;
    const char *t = s;
    size_t m = n;
    if (t[0] == '+' || t[0] == '-') neg = t[0] == '-', t++, m--;
    uint64_t u;
    int rc = parse_uint0(t, m, &u);
    if (rc == 1) return 1;
    if (rc == 2) return 2;
    if (!neg && u >= (uint64_t)1 << 63) return 2;
    if (neg && u > (uint64_t)1 << 63) return 2;
    *out = neg ? (int64_t)(0 - u) : (int64_t)u;
    return 0;
}

/* fmt's floatToken from s[i]: returns where it stops. Like fmt, a partly
 * matched "nan" or "inf" stays consumed. */
static size_t float_token(const char *s, size_t n, size_t i) {
#define ACC(set) (i < n && strchr(set, s[i]) && s[i] ? (i++, true) : false)
    if (ACC("nN") && ACC("aA") && ACC("nN")) return i;
    ACC("+-");
    if (ACC("iI") && ACC("nN") && ACC("fF")) return i;
    const char *digits = "0123456789_", *exp = "eEpP";
    if (ACC("0") && ACC("xX")) digits = "0123456789aAbBcCdDeEfF_", exp = "pP";
    while (ACC(digits)) {
    }
    if (ACC(".")) {
        while (ACC(digits)) {
        }
    }
    if (ACC(exp)) {
        ACC("+-");
        while (ACC("0123456789_")) {
        }
    }
    return i;
#undef ACC
}

/* node.go newNumber: NULL when valid, else the error text (written to buf). */
static const char *number_error(const char *s, size_t n, ityp_t typ, char *buf, size_t bsz) {
    char q[120];
    if (typ == I_CHAR_CONSTANT) {
        int32_t v;
        size_t k = unquote_char(s + 1, n - 1, '\'', &v);
        if (k == 0) return "invalid syntax";
        if (!(n - 1 - k == 1 && s[n - 1] == '\'')) {
            snprintf(buf, bsz, "malformed character constant: %.*s", (int)n, s);
            return buf;
        }
        return NULL;
    }
    if (typ == I_COMPLEX) {
        /* fmt.Sscan into a complex128: a float, a sign, a float, an i. */
        size_t e1 = float_token(s, n, 0);
        if (e1 >= n || (s[e1] != '+' && s[e1] != '-')) {
            snprintf(buf, bsz, "syntax error scanning complex number");
            return buf;
        }
        size_t e2 = float_token(s, n, e1 + 1);
        if (e2 >= n || s[e2] != 'i') {
            snprintf(buf, bsz, "syntax error scanning complex number");
            return buf;
        }
        const struct { size_t a, b; } part[2] = {{0, e1}, {e1, e2}};
        for (int k = 0; k < 2; k++)
            if (!mfl__go_parse_float(s + part[k].a, part[k].b - part[k].a, 64, NULL)) {
                go_quote(q, sizeof q, s + part[k].a, part[k].b - part[k].a, SIZE_MAX);
                snprintf(buf, bsz, "strconv.ParseFloat: parsing %s: invalid syntax", q);
                return buf;
            }
        return NULL;
    }
    if (n > 0 && s[n - 1] == 'i' && mfl__go_parse_float(s, n - 1, 64, NULL)) return NULL;
    uint64_t u;
    int64_t i;
    if (parse_uint0(s, n, &u) == 0 || parse_int0(s, n, &i) == 0) return NULL;
    if (mfl__go_parse_float(s, n, 64, NULL)) {
        bool frac = false;
        for (size_t k = 0; k < n; k++)
            if (strchr(".eEpP", s[k])) frac = true;
        if (!frac) {
            go_quote(q, sizeof q, s, n, SIZE_MAX);
            snprintf(buf, bsz, "integer overflow: %s", q);
            return buf;
        }
        return NULL;
    }
    go_quote(q, sizeof q, s, n, SIZE_MAX);
    snprintf(buf, bsz, "illegal number syntax: %s", q);
    return buf;
}

/* ---- parser ---------------------------------------------------------------- */

typedef enum {
    N_NONE,
    N_IDENT,
    N_DOT,
    N_NIL,
    N_VAR,
    N_FIELD,
    N_BOOL,
    N_NUMBER,
    N_PIPE,
    N_STRING,
    N_CHAIN,
    /* list items */
    N_TEXT,
    N_ACTION,
    N_IF,
    N_RANGE,
    N_WITH,
    N_TEMPLATE,
    N_END,
    N_ELSE,
    N_BREAK,
    N_CONTINUE,
    N_COMMENT
} node_t;

typedef struct {
    uint32_t off, len;
} span_t;

typedef struct {
    char *name;
    size_t len;
    bool empty;
} tdef_t;

#define MAX_NESTING 1000

typedef struct parser parser_t;

typedef struct {
    parser_t *p;
    item_t token[3];
    int peek_count;
    size_t vars_base; /* this tree's variables are p->vars[vars_base ...] */
    int action_line;
    uint32_t action_pos; /* the "{{" of the action being parsed */
    int range_depth, stack_depth;
} tree_t;

struct parser {
    lex_t lex;
    const mfl_gotmpl_opts_t *opts;
    mfl_gotmpl_t *out;
    span_t *vars;
    size_t n_vars, cap_vars;
    span_t *idents; /* field/variable names for Vars() */
    size_t n_idents, cap_idents;
    size_t cap_fields;
    tdef_t *defs;
    size_t n_defs, cap_defs;
    uint32_t *open; /* "{{" of the blocks left open, innermost last */
    size_t n_open, cap_open;
    char **owned; /* unquoted template names, freed at the end */
    size_t n_owned, cap_owned;
    uint32_t scope;
    int depth;
    bool oom;
    /* Set by the first parse error, out of memory or too deep nesting (Go's
     * panic): every function returns at once, and every caller of one that
     * can fail checks it (FAILED) before anything else, so nothing runs
     * after the first error, as with Go's recover. */
    bool failed;
    bool no_pipe;
    uint32_t no_pipe_start, no_pipe_end;
};

#define FAILED(t) ((t)->p->failed)

/* Makes room for one more element; out of memory, marks the parser failed
 * and returns from the calling (void) function. */
#define GROW(p, arr, n, cap)                                     \
    do {                                                         \
        assert(!(p)->failed);                                    \
        if ((n) == (cap)) {                                      \
            size_t nc_ = (cap) ? (cap)*2 : 16;                   \
            void *na_ = mfl_realloc((arr), nc_ * sizeof *(arr)); \
            if (!na_) {                                          \
                (p)->oom = (p)->failed = true;                   \
                return;                                          \
            }                                                    \
            (arr) = na_;                                         \
            (cap) = nc_;                                         \
        }                                                        \
    } while (0)

static void fail_at(tree_t *t, uint32_t a, uint32_t b, const char *fmt, ...) MFL_PRINTF(4, 5);
/* Records the error and marks the parser failed; the caller returns. */
static void fail_at(tree_t *t, uint32_t a, uint32_t b, const char *fmt, ...) {
    assert(!t->p->failed); /* the first error is the one reported */
    mfl_gotmpl_t *o = t->p->out;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(o->err, sizeof o->err, fmt, ap);
    va_end(ap);
    o->has_error = true;
    o->kind = MFL_GOTMPL_GO_ERROR;
    o->err_line = (uint32_t)t->token[0].line;
    o->err_start = a;
    o->err_end = b > a ? b : a;
    snprintf(o->full, sizeof o->full, "template: :%u: %s", o->err_line, o->err);
    t->p->failed = true;
}

static uint32_t item_end(const item_t *i) { return i->typ == I_ERROR ? i->end : i->pos + i->len; }

/* errorf: blamed on the last token read. */
#define ERRORF(t, ...) fail_at((t), (t)->token[0].pos, item_end(&(t)->token[0]), __VA_ARGS__)

static item_t t_next(tree_t *t) {
    assert(!t->p->failed); /* nothing reads on after an error */
    if (t->peek_count > 0)
        t->peek_count--;
    else
        t->token[0] = next_item(&t->p->lex);
    return t->token[t->peek_count];
}

static void t_backup(tree_t *t) { t->peek_count++; }

static void t_backup2(tree_t *t, item_t t1) {
    t->token[1] = t1;
    t->peek_count = 2;
}

static void t_backup3(tree_t *t, item_t t2, item_t t1) {
    t->token[1] = t1;
    t->token[2] = t2;
    t->peek_count = 3;
}

static item_t t_peek(tree_t *t) {
    assert(!t->p->failed);
    if (t->peek_count > 0) return t->token[t->peek_count - 1];
    t->peek_count = 1;
    t->token[0] = next_item(&t->p->lex);
    return t->token[0];
}

static item_t t_next_non_space(tree_t *t) {
    item_t tok;
    do tok = t_next(t);
    while (tok.typ == I_SPACE);
    return tok;
}

static item_t t_peek_non_space(tree_t *t) {
    item_t tok = t_next_non_space(t);
    t_backup(t);
    return tok;
}

/* item.String(). */
static void item_string(const tree_t *t, const item_t *i, char *buf, size_t n) {
    const char *s = t->p->lex.in + i->pos;
    if (i->typ == I_EOF)
        snprintf(buf, n, "EOF");
    else if (i->typ == I_ERROR)
        snprintf(buf, n, "%s", i->err);
    else if (i->typ > I_KEYWORD)
        snprintf(buf, n, "<%.*s>", (int)i->len, s);
    else if (i->len > 10) {
        go_quote(buf, n > 4 ? n - 3 : n, s, i->len, 10);
        strncat(buf, "...", n - strlen(buf) - 1);
    } else
        go_quote(buf, n, s, i->len, SIZE_MAX);
}

/* Always fails. */
static void unexpected(tree_t *t, const item_t *tok, const char *context) {
    char s[160];
    item_string(t, tok, s, sizeof s);
    uint32_t a = tok->pos, b = item_end(tok);
    if (tok->typ == I_ERROR) {
        char extra[64] = "";
        if (t->action_line != 0 && t->action_line != tok->line) {
            size_t el = strlen(tok->err);
            bool action = el >= 7 && strcmp(tok->err + el - 7, " action") == 0;
            snprintf(extra, sizeof extra, "%s started at :%d", action ? "" : " in action",
                     t->action_line);
        }
        fail_at(t, a, b, "%s%s", s, extra);
        return;
    }
    fail_at(t, a, b, "unexpected %s in %s", s, context);
}

static item_t expect(tree_t *t, ityp_t want, const char *context) {
    item_t tok = t_next_non_space(t);
    if (tok.typ != want) unexpected(t, &tok, context);
    return tok;
}

/* False (and failed) when nested too deep. */
static bool enter(tree_t *t) {
    assert(!t->p->failed);
    if (++t->p->depth > MAX_NESTING) {
        t->p->out->incomplete = true;
        t->p->failed = true;
        return false;
    }
    return true;
}

static void start_tree(tree_t *t, parser_t *p) {
    memset(t, 0, sizeof *t);
    t->p = p;
    t->vars_base = p->n_vars;
    GROW(p, p->vars, p->n_vars, p->cap_vars);
    p->vars[p->n_vars++] = (span_t){0, 0}; /* "$" */
}

static void stop_tree(tree_t *t) { t->p->n_vars = t->vars_base; }

static void push_var(tree_t *t, const item_t *v) {
    parser_t *p = t->p;
    GROW(p, p->vars, p->n_vars, p->cap_vars);
    p->vars[p->n_vars++] = (span_t){v->pos, v->len};
}

static void use_var(tree_t *t, const item_t *v) {
    parser_t *p = t->p;
    const char *s = p->lex.in;
    for (size_t i = t->vars_base; i < p->n_vars; i++) {
        const span_t *sp = &p->vars[i];
        if (sp->len == 0 ? (v->len == 1 && s[v->pos] == '$')
                         : (sp->len == v->len && memcmp(s + sp->off, s + v->pos, v->len) == 0))
            return;
    }
    char q[160];
    go_quote(q, sizeof q, s + v->pos, v->len, SIZE_MAX);
    fail_at(t, v->pos, v->pos + v->len, "undefined variable %s", q);
}

static void add_ident(parser_t *p, uint32_t off, uint32_t len) {
    GROW(p, p->idents, p->n_idents, p->cap_idents);
    p->idents[p->n_idents++] = (span_t){off, len};
}

static void add_field(parser_t *p, uint32_t off, uint32_t len, bool root) {
    mfl_gotmpl_t *o = p->out;
    GROW(p, o->fields, o->n_fields, p->cap_fields);
    o->fields[o->n_fields++] = (mfl_gotmpl_field_t){off, off + len, p->scope, root};
}

static void push_open(tree_t *t) {
    parser_t *p = t->p;
    GROW(p, p->open, p->n_open, p->cap_open);
    p->open[p->n_open++] = t->action_pos;
}

static node_t pipeline(tree_t *t, const char *context, ityp_t end);
static node_t text_or_action(tree_t *t, bool *empty);

/* term: a literal, a function, ., .Field, $x, or a parenthesized pipeline. */
static node_t term(tree_t *t, item_t *first) {
    item_t tok = t_next_non_space(t);
    *first = tok;
    const char *s = t->p->lex.in + tok.pos;
    char buf[200];
    switch (tok.typ) {
    case I_IDENTIFIER:
        if (!has_function(t->p->opts, s, tok.len)) {
            char q[160];
            go_quote(q, sizeof q, s, tok.len, SIZE_MAX);
            fail_at(t, tok.pos, tok.pos + tok.len, "function %s not defined", q);
            return N_NONE;
        }
        return N_IDENT;
    case I_DOT: return N_DOT;
    case I_NIL: return N_NIL;
    case I_VARIABLE:
        use_var(t, &tok);
        if (FAILED(t)) return N_NONE;
        add_ident(t->p, tok.pos, tok.len);
        return FAILED(t) ? N_NONE : N_VAR;
    case I_FIELD:
        add_ident(t->p, tok.pos + 1, tok.len - 1);
        if (FAILED(t)) return N_NONE;
        add_field(t->p, tok.pos + 1, tok.len - 1, false);
        return FAILED(t) ? N_NONE : N_FIELD;
    case I_BOOL: return N_BOOL;
    case I_CHAR_CONSTANT:
    case I_COMPLEX:
    case I_NUMBER: {
        const char *e = number_error(s, tok.len, tok.typ, buf, sizeof buf);
        if (e) {
            fail_at(t, tok.pos, tok.pos + tok.len, "%s", e);
            return N_NONE;
        }
        return N_NUMBER;
    }
    case I_LEFT_PAREN:
        if (t->stack_depth >= 10000) {
            ERRORF(t, "max expression depth exceeded");
            return N_NONE;
        }
        t->stack_depth++;
        if (!enter(t)) return N_NONE;
        pipeline(t, "parenthesized pipeline", I_RIGHT_PAREN);
        if (FAILED(t)) return N_NONE;
        t->p->depth--;
        t->stack_depth--;
        return N_PIPE;
    case I_STRING:
    case I_RAW_STRING:
        if (!unquote_ok(s, tok.len)) {
            fail_at(t, tok.pos, tok.pos + tok.len, "invalid syntax");
            return N_NONE;
        }
        return N_STRING;
    default: t_backup(t); return N_NONE;
    }
}

/* operand: a term and the fields that follow it. */
static node_t operand(tree_t *t) {
    size_t idents = t->p->n_idents;
    item_t first;
    node_t node = term(t, &first);
    if (FAILED(t) || node == N_NONE) return N_NONE;
    if (t_peek(t).typ == I_FIELD) {
        bool root = node == N_VAR && first.len == 1; /* $.Name */
        bool fields_are_idents = node == N_FIELD || node == N_VAR;
        bool first_field = true;
        while (t_peek(t).typ == I_FIELD) {
            item_t f = t_next(t);
            if (fields_are_idents) add_ident(t->p, f.pos + 1, f.len - 1);
            if (FAILED(t)) return N_NONE;
            if (root && first_field) add_field(t->p, f.pos + 1, f.len - 1, true);
            if (FAILED(t)) return N_NONE;
            first_field = false;
        }
        switch (node) {
        case N_FIELD:
        case N_VAR: break;
        case N_BOOL:
        case N_STRING:
        case N_NUMBER:
        case N_NIL:
        case N_DOT: {
            char q[160];
            go_quote(q, sizeof q, t->p->lex.in + first.pos, first.len, SIZE_MAX);
            ERRORF(t, "unexpected . after term %s", q);
            return N_NONE;
        }
        default:
            /* A chain: Ollama's Identifiers does not look inside. */
            t->p->n_idents = idents;
            node = N_CHAIN;
        }
    }
    return node;
}

/* command: operands up to a pipe or the end. Returns its first operand. */
static node_t command(tree_t *t) {
    t_peek_non_space(t);
    node_t first = N_NONE;
    int args = 0;
    for (;;) {
        t_peek_non_space(t);
        node_t op = operand(t);
        if (FAILED(t)) return N_NONE;
        if (op != N_NONE && args++ == 0) first = op;
        item_t tok = t_next(t);
        if (tok.typ == I_SPACE) continue;
        if (tok.typ == I_RIGHT_DELIM || tok.typ == I_RIGHT_PAREN)
            t_backup(t);
        else if (tok.typ != I_PIPE) {
            unexpected(t, &tok, "operand");
            return N_NONE;
        }
        break;
    }
    if (args == 0) {
        ERRORF(t, "empty command");
        return N_NONE;
    }
    return first;
}

static node_t pipeline(tree_t *t, const char *context, ityp_t end) {
    t_peek_non_space(t);
    int decls = 0;
decls:;
    item_t v = t_peek_non_space(t);
    if (v.typ == I_VARIABLE) {
        t_next(t);
        item_t after = t_peek(t);
        item_t nx = t_peek_non_space(t);
        if (nx.typ == I_ASSIGN || nx.typ == I_DECLARE) {
            t_next_non_space(t);
            decls++;
            push_var(t, &v);
            if (FAILED(t)) return N_NONE;
        } else if (nx.typ == I_CHAR && nx.len == 1 && t->p->lex.in[nx.pos] == ',') {
            t_next_non_space(t);
            decls++;
            push_var(t, &v);
            if (FAILED(t)) return N_NONE;
            if (strcmp(context, "range") == 0 && decls < 2) {
                ityp_t pk = t_peek_non_space(t).typ;
                if (pk == I_VARIABLE || pk == I_RIGHT_DELIM || pk == I_RIGHT_PAREN) goto decls;
                ERRORF(t, "range can only initialize variables");
                return N_NONE;
            }
            ERRORF(t, "too many declarations in %s", context);
            return N_NONE;
        } else if (after.typ == I_SPACE) {
            t_backup3(t, v, after);
        } else {
            t_backup2(t, v);
        }
    }
    int cmds = 0, bad_stage = 0;
    for (;;) {
        item_t tok = t_next_non_space(t);
        if (tok.typ == end) {
            if (cmds == 0) {
                ERRORF(t, "missing value for %s", context);
                return N_NONE;
            }
            if (bad_stage) {
                ERRORF(t, "non executable command in pipeline stage %d", bad_stage);
                return N_NONE;
            }
            return N_PIPE;
        }
        switch (tok.typ) {
        case I_BOOL:
        case I_CHAR_CONSTANT:
        case I_COMPLEX:
        case I_DOT:
        case I_FIELD:
        case I_IDENTIFIER:
        case I_NUMBER:
        case I_NIL:
        case I_RAW_STRING:
        case I_STRING:
        case I_VARIABLE:
        case I_LEFT_PAREN: {
            t_backup(t);
            node_t first = command(t);
            if (FAILED(t)) return N_NONE;
            cmds++;
            if (cmds > 1 && !bad_stage &&
                (first == N_BOOL || first == N_DOT || first == N_NIL || first == N_NUMBER ||
                 first == N_STRING))
                bad_stage = cmds;
            if (cmds > 100000) {
                ERRORF(t, "pipeline too long");
                return N_NONE;
            }
            break;
        }
        default: unexpected(t, &tok, context); return N_NONE;
        }
    }
}

static const char *node_string(node_t n) { return n == N_END ? "{{end}}" : "{{else}}"; }

/* itemList: text and actions up to {{end}} or {{else}}, returned. *empty:
 * only blank text and comments (IsEmptyTree). */
static node_t item_list(tree_t *t, bool *empty) {
    bool all_empty = true;
    t_peek_non_space(t);
    while (t_peek_non_space(t).typ != I_EOF) {
        bool e;
        node_t n = text_or_action(t, &e);
        if (FAILED(t)) return N_NONE;
        if (n == N_END || n == N_ELSE) {
            if (empty) *empty = all_empty;
            return n;
        }
        all_empty = all_empty && e;
    }
    /* Point at the block left open. */
    parser_t *p = t->p;
    uint32_t at = p->n_open ? p->open[p->n_open - 1] : t->token[0].pos;
    fail_at(t, at, at + 2, "unexpected EOF");
    return N_NONE;
}

static void scope_list(tree_t *t, bool inner, node_t *next) {
    if (inner) t->p->scope++;
    *next = item_list(t, NULL);
    if (FAILED(t)) return;
    if (inner) t->p->scope--;
}

static node_t parse_control(tree_t *t, const char *context);

static node_t if_control(tree_t *t) { return parse_control(t, "if"); }
static node_t range_control(tree_t *t) { return parse_control(t, "range"); }
static node_t with_control(tree_t *t) { return parse_control(t, "with"); }

static node_t parse_control(tree_t *t, const char *context) {
    parser_t *p = t->p;
    size_t vars = p->n_vars;
    bool is_range = strcmp(context, "range") == 0, is_with = strcmp(context, "with") == 0;
    pipeline(t, context, I_RIGHT_DELIM);
    if (FAILED(t)) return N_NONE;
    push_open(t);
    if (FAILED(t)) return N_NONE;
    if (is_range) t->range_depth++;
    node_t next;
    scope_list(t, is_range || is_with, &next);
    if (FAILED(t)) return N_NONE;
    if (is_range) t->range_depth--;
    if (next == N_ELSE) {
        if (strcmp(context, "if") == 0 && t_peek(t).typ == I_IF) {
            t_next(t);
            if_control(t);
        } else if (is_with && p->opts->else_with && t_peek(t).typ == I_WITH) {
            t_next(t);
            with_control(t);
        } else {
            scope_list(t, false, &next);
            if (!FAILED(t) && next != N_END) ERRORF(t, "expected end; found %s", node_string(next));
        }
        if (FAILED(t)) return N_NONE;
    }
    p->n_open--;
    p->n_vars = vars;
    return strcmp(context, "if") == 0 ? N_IF : is_range ? N_RANGE : N_WITH;
}

static node_t else_control(tree_t *t) {
    item_t pk = t_peek_non_space(t);
    if (pk.typ == I_IF || (t->p->opts->else_with && pk.typ == I_WITH)) return N_ELSE;
    expect(t, I_RIGHT_DELIM, "else");
    return FAILED(t) ? N_NONE : N_ELSE;
}

static node_t end_control(tree_t *t) {
    expect(t, I_RIGHT_DELIM, "end");
    return FAILED(t) ? N_NONE : N_END;
}

static node_t break_control(tree_t *t, bool cont) {
    item_t tok = t_next_non_space(t);
    const char *what = cont ? "{{continue}}" : "{{break}}";
    if (tok.typ != I_RIGHT_DELIM) {
        unexpected(t, &tok, what);
        return N_NONE;
    }
    if (t->range_depth == 0) {
        ERRORF(t, "%s outside {{range}}", what);
        return N_NONE;
    }
    return cont ? N_CONTINUE : N_BREAK;
}

/* parseTemplateName: a string constant. Returns its unquoted text (owned
 * by the parser). */
static void template_name(tree_t *t, const item_t *tok, const char *context, char **name,
                          size_t *len) {
    if (tok->typ != I_STRING && tok->typ != I_RAW_STRING) {
        unexpected(t, tok, context);
        return;
    }
    const char *s = t->p->lex.in + tok->pos;
    if (!unquote_ok(s, tok->len)) {
        fail_at(t, tok->pos, tok->pos + tok->len, "invalid syntax");
        return;
    }
    /* The unquoted value: what the tree set is keyed by. */
    mfl_buf_t b = {0};
    if (s[0] == '`') {
        for (size_t i = 1; i + 1 < tok->len; i++)
            if (s[i] != '\r') mfl__buf_putc(&b, s[i]);
    } else {
        size_t i = 1;
        while (i < tok->len - 1) {
            int32_t v = 0; /* set by unquote_char; unquote_ok checked the string */
            size_t k = unquote_char(s + i, tok->len - 1 - i, '"', &v);
            if (s[i + 0] == '\\' && (s[i + 1] == 'x' || (s[i + 1] >= '0' && s[i + 1] <= '7')))
                mfl__buf_putc(&b, (char)v);
            else
                mfl__buf_put_rune(&b, v);
            i += k;
        }
    }
    parser_t *p = t->p;
    if (mfl__buf_nul(&b) || p->n_owned == p->cap_owned) {
        size_t nc = p->cap_owned ? p->cap_owned * 2 : 8;
        char **no = b.data ? mfl_realloc(p->owned, nc * sizeof *no) : NULL;
        if (!no) {
            mfl_free(b.data);
            p->oom = p->failed = true;
            return;
        }
        p->owned = no;
        p->cap_owned = nc;
    }
    p->owned[p->n_owned++] = b.data;
    *name = b.data;
    *len = b.len;
}

/* add: installs a defined template, refusing a second non-empty one. The
 * name is copied. */
static void add_tree(tree_t *t, const char *name, size_t len, bool empty) {
    parser_t *p = t->p;
    for (size_t i = 0; i < p->n_defs; i++) {
        tdef_t *d = &p->defs[i];
        if (d->len != len || memcmp(d->name, name, len) != 0) continue;
        if (d->empty) {
            d->empty = empty;
            return;
        }
        if (!empty) {
            char q[160];
            go_quote(q, sizeof q, d->name, d->len, SIZE_MAX);
            ERRORF(t, "template: multiple definition of template %s", q);
        }
        return;
    }
    GROW(p, p->defs, p->n_defs, p->cap_defs);
    char *copy = mfl_strndup(name, len);
    if (!copy) {
        p->oom = p->failed = true;
        return;
    }
    p->defs[p->n_defs++] = (tdef_t){copy, len, empty};
}

static node_t block_control(tree_t *t) {
    const char *context = "block clause";
    item_t tok = t_next_non_space(t);
    char *name;
    size_t len;
    template_name(t, &tok, context, &name, &len);
    if (FAILED(t)) return N_NONE;
    parser_t *p = t->p;
    pipeline(t, context, I_RIGHT_DELIM);
    if (FAILED(t)) return N_NONE;
    push_open(t);
    if (FAILED(t)) return N_NONE;
    tree_t block;
    start_tree(&block, p);
    if (FAILED(t)) return N_NONE;
    block.action_pos = t->action_pos;
    bool empty;
    p->scope++;
    node_t end = item_list(&block, &empty);
    if (FAILED(t)) return N_NONE;
    p->scope--;
    if (end != N_END) {
        ERRORF(t, "unexpected %s in %s", node_string(end), context);
        return N_NONE;
    }
    add_tree(&block, name, len, empty);
    if (FAILED(t)) return N_NONE;
    stop_tree(&block);
    p->n_open--;
    return N_TEMPLATE;
}

static node_t template_control(tree_t *t, uint32_t action) {
    const char *context = "template clause";
    item_t tok = t_next_non_space(t);
    char *name;
    size_t len;
    template_name(t, &tok, context, &name, &len);
    if (FAILED(t)) return N_NONE;
    item_t nx = t_next_non_space(t);
    if (nx.typ != I_RIGHT_DELIM) {
        t_backup(t);
        pipeline(t, context, I_RIGHT_DELIM);
        if (FAILED(t)) return N_NONE;
    } else if (!t->p->no_pipe) {
        t->p->no_pipe = true;
        t->p->no_pipe_start = action;
        t->p->no_pipe_end = nx.pos + nx.len;
    }
    return N_TEMPLATE;
}

static node_t action(tree_t *t) {
    uint32_t at = t->action_pos;
    item_t tok = t_next_non_space(t);
    switch (tok.typ) {
    case I_BLOCK: return block_control(t);
    case I_BREAK: return break_control(t, false);
    case I_CONTINUE: return break_control(t, true);
    case I_ELSE: return else_control(t);
    case I_END: return end_control(t);
    case I_IF: return if_control(t);
    case I_RANGE: return range_control(t);
    case I_TEMPLATE: return template_control(t, at);
    case I_WITH: return with_control(t);
    default: break;
    }
    t_backup(t);
    t_peek(t);
    pipeline(t, "command", I_RIGHT_DELIM);
    return FAILED(t) ? N_NONE : N_ACTION;
}

static bool blank_text(const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        int32_t r = mfl__utf8_next(s, n, &i);
        bool sp = (r >= 0x09 && r <= 0x0D) || r == 0x20 || r == 0x85 || r == 0xA0 || r == 0x1680 ||
                  (r >= 0x2000 && r <= 0x200A) || r == 0x2028 || r == 0x2029 || r == 0x202F ||
                  r == 0x205F || r == 0x3000;
        if (!sp) return false;
    }
    return true;
}

static node_t text_or_action(tree_t *t, bool *empty) {
    item_t tok = t_next_non_space(t);
    *empty = false;
    switch (tok.typ) {
    case I_TEXT: *empty = blank_text(t->p->lex.in + tok.pos, tok.len); return N_TEXT;
    case I_LEFT_DELIM: {
        int saved_line = t->action_line;
        uint32_t saved_pos = t->action_pos;
        t->action_line = tok.line;
        t->action_pos = tok.pos;
        if (!enter(t)) return N_NONE;
        node_t n = action(t);
        if (FAILED(t)) return N_NONE;
        t->p->depth--;
        t->action_line = 0;
        t->action_pos = saved_pos;
        (void)saved_line;
        return n;
    }
    case I_COMMENT: *empty = true; return N_COMMENT;
    default: unexpected(t, &tok, "input"); return N_NONE;
    }
}

static void parse_definition(tree_t *t) {
    const char *context = "define clause";
    item_t tok = t_next_non_space(t);
    if (tok.typ != I_STRING && tok.typ != I_RAW_STRING) {
        unexpected(t, &tok, context);
        return;
    }
    char *name;
    size_t len;
    template_name(t, &tok, context, &name, &len);
    if (FAILED(t)) return;
    parser_t *p = t->p;
    expect(t, I_RIGHT_DELIM, context);
    if (FAILED(t)) return;
    push_open(t);
    if (FAILED(t)) return;
    bool empty;
    p->scope++;
    node_t end = item_list(t, &empty);
    if (FAILED(t)) return;
    p->scope--;
    if (end != N_END) {
        ERRORF(t, "unexpected %s in %s", node_string(end), context);
        return;
    }
    p->n_open--;
    add_tree(t, name, len, empty);
}

static void parse_root(parser_t *p) {
    tree_t root;
    start_tree(&root, p);
    if (p->failed) return;
    bool all_empty = true;
    while (t_peek(&root).typ != I_EOF) {
        if (t_peek(&root).typ == I_LEFT_DELIM) {
            item_t delim = t_next(&root);
            if (t_next_non_space(&root).typ == I_DEFINE) {
                tree_t def;
                start_tree(&def, p);
                if (p->failed) return;
                def.action_pos = delim.pos;
                parse_definition(&def);
                if (p->failed) return;
                stop_tree(&def);
                continue;
            }
            t_backup2(&root, delim);
        }
        bool e;
        node_t n = text_or_action(&root, &e);
        if (p->failed) return;
        if (n == N_END || n == N_ELSE) {
            ERRORF(&root, "unexpected %s", node_string(n));
            return;
        }
        all_empty = all_empty && e;
    }
    add_tree(&root, "", 0, all_empty);
    stop_tree(&root);
}

static bool ieq(const char *s, size_t n, const char *w) {
    return strlen(w) == n && strncasecmp_ascii(s, w, n) == 0;
}

int mfl__gotmpl_parse_opts(const char *s, size_t n, const mfl_gotmpl_opts_t *given,
                           mfl_gotmpl_t *out) {
    memset(out, 0, sizeof *out);
    mfl_gotmpl_opts_t newest;
    mfl__gotmpl_opts_for(mfl_version_default(), &newest);
    const mfl_gotmpl_opts_t *const opts = given ? given : &newest;
    parser_t *p = mfl_calloc(1, sizeof *p);
    if (!p) return MFL_ENOMEM;
    p->lex.in = s;
    p->lex.n = n;
    p->lex.line = p->lex.start_line = 1;
    p->opts = opts;
    p->out = out;
    parse_root(p);
    int rc = 0;
    if (p->oom) {
        rc = MFL_ENOMEM;
    } else if (out->incomplete) {
        out->has_error = false;
        out->err[0] = out->full[0] = '\0';
    } else if (!out->has_error && p->no_pipe && opts->check_pipes) {
        out->has_error = true;
        out->kind = MFL_GOTMPL_UNDEFINED_TEMPLATE;
        out->err_line = 0;
        out->err_start = p->no_pipe_start;
        out->err_end = p->no_pipe_end;
        snprintf(out->err, sizeof out->err, "undefined template specified");
        snprintf(out->full, sizeof out->full, "undefined template specified");
    }
    if (!out->has_error && !out->incomplete)
        for (size_t i = 0; i < p->n_idents; i++) {
            const char *w = s + p->idents[i].off;
            size_t l = p->idents[i].len;
            if (ieq(w, l, "prompt"))
                out->vars |= MFL_GOTMPL_VAR_PROMPT;
            else if (ieq(w, l, "messages"))
                out->vars |= MFL_GOTMPL_VAR_MESSAGES;
            else if (ieq(w, l, "response"))
                out->vars |= MFL_GOTMPL_VAR_RESPONSE;
        }
    for (size_t i = 0; i < p->n_defs; i++) mfl_free(p->defs[i].name);
    mfl_free(p->defs);
    for (size_t i = 0; i < p->n_owned; i++) mfl_free(p->owned[i]);
    mfl_free(p->owned);
    mfl_free(p->vars);
    mfl_free(p->idents);
    mfl_free(p->open);
    mfl_free(p);
    if (rc) mfl__gotmpl_free(out);
    return rc;
}

int mfl__gotmpl_parse(const char *s, size_t n, mfl_gotmpl_t *out) {
    return mfl__gotmpl_parse_opts(s, n, NULL, out);
}

void mfl__gotmpl_free(mfl_gotmpl_t *t) {
    mfl_free(t->fields);
    t->fields = NULL;
    t->n_fields = 0;
}

mfl_range_t mfl__gotmpl_doc_range(const mfl_doc_t *doc, const mfl_instr_t *in, uint32_t a,
                                  uint32_t b) {
    size_t n;
    const char *raw = mfl_doc_slice(doc, in->content, &n);
    if (n == in->value_len && memcmp(raw, in->value_text, n) == 0 && b <= n) {
        mfl_range_t r = {in->content.start + a, in->content.start + b};
        return r;
    }
    return in->content;
}

/* SPDX-License-Identifier: MIT */
/* Go text/template checker (see gotmpl.h), after text/template/parse's lexer
 * and parser, reduced to what can fail at parse time. */
#include "gotmpl.h"

#include "internal.h"
#include "mfl_template.h"

#include <stdio.h>
#include <string.h>

bool mfl__gotmpl_is_func(const char *name, size_t n) {
    return mfl_tmpl_name_find(name, n, MFL_TMPL_FUNCTION) != NULL;
}

typedef enum { BLK_IF, BLK_RANGE, BLK_WITH, BLK_DEFINE, BLK_BLOCK } blk_t;

typedef struct {
    const char *s;
    size_t n;
    mfl_gotmpl_t *out;
    blk_t stack[128];
    size_t open_at[128], open_end[128]; /* the action that opened each block */
    size_t depth; /* entries in stack (capped) */
    size_t scopes;
    size_t cap_fields;
    bool oom;
} st_t;

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alnum(char c) { return is_alpha(c) || is_digit(c) || ((unsigned char)c >= 0x80); }

static uint32_t line_at(const st_t *st, size_t off) {
    uint32_t l = 1;
    for (size_t i = 0; i < off && i < st->n; i++)
        if (st->s[i] == '\n') l++;
    return l;
}

static void fail(st_t *st, size_t a, size_t b, const char *msg) {
    mfl_gotmpl_t *o = st->out;
    if (o->has_error) return;
    o->has_error = true;
    o->err_start = (uint32_t)a;
    o->err_end = (uint32_t)(b > a ? b : a);
    o->err_line = line_at(st, a);
    snprintf(o->err, sizeof o->err, "%s", msg);
}

static void add_field(st_t *st, size_t a, size_t b, bool root) {
    mfl_gotmpl_t *o = st->out;
    if (o->n_fields == st->cap_fields) {
        size_t nc = st->cap_fields ? st->cap_fields * 2 : 16;
        mfl_gotmpl_field_t *f = mfl_realloc(o->fields, nc * sizeof *f);
        if (!f) {
            st->oom = true;
            return;
        }
        o->fields = f;
        st->cap_fields = nc;
    }
    mfl_gotmpl_field_t *f = &o->fields[o->n_fields++];
    f->start = (uint32_t)a;
    f->end = (uint32_t)b;
    f->depth = (uint32_t)st->scopes;
    f->via_root = root;
}

static bool word_is(const char *s, size_t n, const char *w) { return strlen(w) == n && memcmp(s, w, n) == 0; }

static bool is_keyword(const char *s, size_t n) {
    static const char *const kw[] = {"block", "break", "continue", "define", "else", "end", "if",
                                     "range", "nil", "template", "with", "true", "false", NULL};
    for (size_t i = 0; kw[i]; i++)
        if (word_is(s, n, kw[i])) return true;
    return false;
}

static void push(st_t *st, blk_t b, size_t a, size_t e) {
    if (st->depth < sizeof st->stack / sizeof st->stack[0]) {
        st->stack[st->depth] = b;
        st->open_at[st->depth] = a;
        st->open_end[st->depth] = e;
    }
    st->depth++;
    if (b != BLK_IF) st->scopes++;
}

static bool in_range(const st_t *st) {
    for (size_t i = st->depth; i > 0; i--) {
        if (i > sizeof st->stack / sizeof st->stack[0]) return true;
        blk_t b = st->stack[i - 1];
        if (b == BLK_RANGE) return true;
        if (b == BLK_DEFINE || b == BLK_BLOCK) return false;
    }
    return false;
}

/* Lexes one action from p (just after the left delimiter and trim marker) to
 * the right delimiter. Returns the offset after it, or n on error. */
static size_t action(st_t *st, size_t open, size_t p) {
    const char *s = st->s;
    size_t n = st->n;
    size_t ntok = 0, parens = 0;
    size_t first_a = 0, first_b = 0;
    bool first_word = false;
    bool prev_chainable = false; /* a token after which `.X` continues a chain */
    for (;;) {
        if (p >= n) {
            fail(st, open, n, "unclosed action");
            return n;
        }
        char c = s[p];
        if (is_space(c)) {
            /* " -}}" closes with a trim marker. */
            if (p + 3 < n + 0 && s[p + 1] == '-' && s[p + 2] == '}' && s[p + 3] == '}') {
                p += 4;
                break;
            }
            p++;
            prev_chainable = false;
            continue;
        }
        if (c == '}' && p + 1 < n && s[p + 1] == '}') {
            p += 2;
            break;
        }
        size_t a = p;
        bool chain_next = false;
        if (c == '"') {
            p++;
            while (p < n && s[p] != '"') {
                if (s[p] == '\\' && p + 1 < n && s[p + 1] != '\n') p++;
                else if (s[p] == '\n') break;
                p++;
            }
            if (p >= n || s[p] != '"') {
                fail(st, a, p, "unterminated quoted string");
                return n;
            }
            p++;
        } else if (c == '`') {
            p++;
            while (p < n && s[p] != '`') p++;
            if (p >= n) {
                fail(st, a, p, "unterminated raw quoted string");
                return n;
            }
            p++;
        } else if (c == '\'') {
            p++;
            while (p < n && s[p] != '\'' && s[p] != '\n') {
                if (s[p] == '\\' && p + 1 < n) p++;
                p++;
            }
            if (p >= n || s[p] != '\'') {
                fail(st, a, p, "unterminated character constant");
                return n;
            }
            p++;
        } else if (c == '.' && p + 1 < n && is_alpha(s[p + 1])) {
            /* .Field(.Field)* */
            size_t na = p + 1;
            p++;
            while (p < n && is_alnum(s[p])) p++;
            if (!prev_chainable) add_field(st, na, p, false);
            while (p + 1 < n && s[p] == '.' && is_alpha(s[p + 1])) {
                p++;
                while (p < n && is_alnum(s[p])) p++;
            }
            chain_next = true;
        } else if (c == '$') {
            p++;
            size_t va = p;
            while (p < n && is_alnum(s[p])) p++;
            bool root = p == va;
            if (p + 1 < n && s[p] == '.' && is_alpha(s[p + 1])) {
                size_t na = p + 1;
                p++;
                while (p < n && is_alnum(s[p])) p++;
                if (root) add_field(st, na, p, true);
                while (p + 1 < n && s[p] == '.' && is_alpha(s[p + 1])) {
                    p++;
                    while (p < n && is_alnum(s[p])) p++;
                }
            }
            chain_next = true;
        } else if (is_digit(c) || ((c == '-' || c == '+' || c == '.') && p + 1 < n && is_digit(s[p + 1]))) {
            p++;
            while (p < n && (is_alnum(s[p]) || s[p] == '.' ||
                             ((s[p] == '+' || s[p] == '-') && (s[p - 1] == 'e' || s[p - 1] == 'E' ||
                                                                s[p - 1] == 'p' || s[p - 1] == 'P'))))
                p++;
        } else if (is_alpha(c)) {
            while (p < n && is_alnum(s[p])) p++;
            if (ntok == 0) {
                first_word = true;
                first_a = a;
                first_b = p;
            }
            if (!is_keyword(s + a, p - a) && !mfl__gotmpl_is_func(s + a, p - a)) {
                char m[128];
                snprintf(m, sizeof m, "function \"%.*s\" not defined", (int)(p - a), s + a);
                fail(st, a, p, m);
                return n;
            }
            chain_next = true; /* a method-less identifier can't chain, but keep it lenient */
        } else if (c == '.') {
            p++;
            chain_next = true;
        } else if (c == '(') {
            parens++;
            p++;
        } else if (c == ')') {
            if (parens == 0) {
                fail(st, a, a + 1, "unexpected right paren");
                return n;
            }
            parens--;
            p++;
            chain_next = true;
        } else if (c == '|' || c == ',' || c == '=') {
            p++;
        } else if (c == ':' && p + 1 < n && s[p + 1] == '=') {
            p += 2;
        } else if (c == '/' && p + 1 < n && s[p + 1] == '*') {
            fail(st, a, a + 2, "comment ends before closing delimiter");
            return n;
        } else {
            /* Go lexes a printable ASCII character as itemChar, which the
             * parser rejects as an operand; anything else is a lexer error. */
            size_t rl = mfl__utf8_len(s, n, p), q = p;
            char what[96];
            if ((unsigned char)c >= 0x20 && (unsigned char)c < 0x7F)
                snprintf(what, sizeof what, "unexpected \"%c\" in operand", c);
            else
                snprintf(what, sizeof what, "unrecognized character in action: U+%04X '%.*s'",
                         (unsigned)mfl__utf8_next(s, n, &q), (int)rl, s + p);
            fail(st, a, p + rl, what);
            return n;
        }
        ntok++;
        prev_chainable = chain_next;
    }
    size_t close = p;
    if (parens) {
        fail(st, open, close, "unclosed left paren");
        return n;
    }
    if (ntok == 0) {
        fail(st, open, close, "missing value for command");
        return n;
    }
    if (!first_word) return close;
    const char *w = s + first_a;
    size_t wl = first_b - first_a;
    if (word_is(w, wl, "if")) {
        push(st, BLK_IF, open, close);
    } else if (word_is(w, wl, "range")) {
        push(st, BLK_RANGE, open, close);
    } else if (word_is(w, wl, "with")) {
        push(st, BLK_WITH, open, close);
    } else if (word_is(w, wl, "define")) {
        push(st, BLK_DEFINE, open, close);
    } else if (word_is(w, wl, "block")) {
        push(st, BLK_BLOCK, open, close);
    } else if (word_is(w, wl, "end")) {
        if (st->depth == 0) {
            fail(st, open, close, "unexpected {{end}}");
            return n;
        }
        st->depth--;
        blk_t b = st->depth < sizeof st->stack / sizeof st->stack[0] ? st->stack[st->depth] : BLK_WITH;
        if (b != BLK_IF && st->scopes) st->scopes--;
    } else if (word_is(w, wl, "else")) {
        blk_t b = st->depth == 0 ? BLK_DEFINE
                  : st->depth <= sizeof st->stack / sizeof st->stack[0] ? st->stack[st->depth - 1]
                                                                        : BLK_IF;
        if (b != BLK_IF && b != BLK_RANGE && b != BLK_WITH) {
            fail(st, open, close, "unexpected {{else}}");
            return n;
        }
    } else if (word_is(w, wl, "break") || word_is(w, wl, "continue")) {
        if (!in_range(st)) {
            char m[64];
            snprintf(m, sizeof m, "{{%.*s}} outside {{range}}", (int)wl, w);
            fail(st, open, close, m);
            return n;
        }
    }
    return close;
}

int mfl__gotmpl_parse(const char *s, size_t n, mfl_gotmpl_t *out) {
    memset(out, 0, sizeof *out);
    st_t st;
    memset(&st, 0, sizeof st);
    st.s = s;
    st.n = n;
    st.out = out;
    size_t p = 0;
    while (p < n && !out->has_error && !st.oom) {
        const char *d = NULL;
        for (size_t i = p; i + 1 < n; i++)
            if (s[i] == '{' && s[i + 1] == '{') {
                d = s + i;
                break;
            }
        if (!d) break;
        size_t open = (size_t)(d - s), q = open + 2;
        if (q + 1 < n && s[q] == '-' && is_space(s[q + 1])) q += 2;
        if (q + 1 < n && s[q] == '/' && s[q + 1] == '*') {
            const char *e = NULL;
            for (size_t i = q + 2; i + 1 < n; i++)
                if (s[i] == '*' && s[i + 1] == '/') {
                    e = s + i;
                    break;
                }
            if (!e) {
                fail(&st, open, n, "unclosed comment");
                break;
            }
            size_t r = (size_t)(e - s) + 2;
            if (r + 1 < n && s[r] == '}' && s[r + 1] == '}') {
                p = r + 2;
            } else if (r + 3 < n && is_space(s[r]) && s[r + 1] == '-' && s[r + 2] == '}' &&
                       s[r + 3] == '}') {
                p = r + 4;
            } else {
                fail(&st, open, r, "comment ends before closing delimiter");
                break;
            }
            continue;
        }
        p = action(&st, open, q);
    }
    if (st.oom) {
        mfl__gotmpl_free(out);
        return MFL_ENOMEM;
    }
    if (!out->has_error && st.depth > 0) {
        /* Go reports the end of the text; point at the block left open. */
        size_t k = st.depth <= sizeof st.stack / sizeof st.stack[0] ? st.depth - 1 : 0;
        fail(&st, st.open_at[k], st.open_end[k], "unexpected EOF");
        out->err_line = line_at(&st, n);
    }
    return 0;
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

/* SPDX-License-Identifier: MIT */
/* The byte-level front end: the very tokens that grammar/grammar.js and its
 * external scanner (grammar/src/scanner.c) produce, in one pass over the
 * bytes and without building a tree. Batch linting uses it because
 * tree-sitter's lexer calls a function per character; the language server
 * keeps tree-sitter for incremental reparsing.
 *
 * Each function below is the counterpart of the scanner function of the same
 * name, with `mark_end` turned into an explicit end offset. Any change to
 * the scanner or the grammar must be made here too: tests/unit/
 * test_frontends.c and fuzz/fuzz_frontends.c compare the two on every
 * input they see. */
#include "internal.h"

#include <string.h>

typedef struct {
    const char *s;
    size_t len, pos;
} lexer_t;

static bool at_eof(const lexer_t *l) { return l->pos >= l->len; }

/* The rune at the cursor and its length. Invalid UTF-8 is one byte of
 * U+FFFD (tree-sitter: one byte of TS_DECODE_ERROR; both count as kept). */
static int32_t peek(const lexer_t *l, size_t *n) {
    unsigned char c = (unsigned char)l->s[l->pos];
    if (c < 0x80) {
        *n = 1;
        return c;
    }
    size_t i = l->pos;
    int32_t r = mfl__utf8_next(l->s, l->len, &i);
    *n = i - l->pos;
    return r;
}

static int32_t lookahead(const lexer_t *l) {
    size_t n;
    return at_eof(l) ? 0 : peek(l, &n);
}

static void advance(lexer_t *l) {
    size_t n;
    if (!at_eof(l)) {
        (void)peek(l, &n);
        l->pos += n;
    }
}

static bool is_blank(int32_t c) { return c == ' ' || c == '\t'; }
static bool is_newline(int32_t c) { return c == '\r' || c == '\n'; }
static bool is_alpha(int32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool is_invisible(int32_t c) { return is_blank(c) || !mfl__isprint(c); }

static mfl_instr_kind_t scan_keyword(lexer_t *l) {
    static const char *const keywords[] = {
#define MFL_INSTRUCTION(id, keyword, command, node, summary, meaning, repeats) keyword,
#include "mfl_instructions.def"
#undef MFL_INSTRUCTION
    };
    char buf[16];
    size_t n = 0;
    bool ok = true;
    int32_t c = lookahead(l);
    if (mfl__isprint(c)) {
        if (is_alpha(c))
            buf[n++] = (char)(c | 0x20);
        else
            ok = false;
    }
    advance(l);
    while (!at_eof(l) && !is_blank(lookahead(l)) && !is_newline(lookahead(l))) {
        c = lookahead(l);
        if (ok && is_alpha(c) && n < sizeof buf - 1)
            buf[n++] = (char)(c | 0x20);
        else
            ok = false;
        advance(l);
    }
    if (!ok || n == 0) return MFL_INSTR_UNKNOWN;
    buf[n] = '\0';
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (strcasecmp_ascii(buf, keywords[i]) == 0) return (mfl_instr_kind_t)i;
    return MFL_INSTR_UNKNOWN;
}

/* From the first kept character to the last kept non-blank one on the line
 * (to EOF when the line is the last). */
static mfl_range_t scan_bare(lexer_t *l) {
    mfl_range_t r = {(uint32_t)l->pos, (uint32_t)l->pos};
    while (!at_eof(l)) {
        unsigned char b = (unsigned char)l->s[l->pos];
        if (b == '\n' || b == '\r') break;
        if (b < 0x80) {
            l->pos++;
            if (b > 0x20 && b < 0x7F) r.end = (uint32_t)l->pos;
            continue;
        }
        bool visible = !is_invisible(lookahead(l));
        advance(l);
        if (visible) r.end = (uint32_t)l->pos;
    }
    if (at_eof(l)) r.end = (uint32_t)l->pos;
    l->pos = r.end;
    return r;
}

static mfl_range_t scan_open(lexer_t *l, int *count) {
    mfl_range_t r = {(uint32_t)l->pos, 0};
    *count = 1;
    advance(l);
    r.end = (uint32_t)l->pos;
    while (*count < 3 && !at_eof(l)) {
        int32_t c = lookahead(l);
        if (c == '"') {
            advance(l);
            if (++*count == 3) r.end = (uint32_t)l->pos;
        } else if (!is_newline(c) && !is_blank(c) && !mfl__isprint(c)) {
            advance(l);
        } else {
            break;
        }
    }
    if (*count < 3) *count = 1;
    l->pos = r.end;
    return r;
}

typedef enum { Q_NONE, Q_CONTENT, Q_CLOSE } quoted_t;

/* The scanner's scan_quoted: the value closes at the first line whose last
 * kept non-blank characters are `need` or more quotes. */
static quoted_t scan_quoted(lexer_t *l, int need, mfl_range_t *tok) {
    bool started = false;
    uint32_t start = (uint32_t)l->pos, end = start;
    for (;;) {
        if (at_eof(l)) {
            if (!started) return Q_NONE;
            tok->start = start;
            tok->end = (uint32_t)l->pos;
            return Q_CONTENT;
        }
        if (l->s[l->pos] != '"') {
            /* Nothing but a quote matters here, and a '"' byte is never part
             * of a multi-byte sequence: jump to the next one. */
            const char *q = memchr(l->s + l->pos, '"', l->len - l->pos);
            l->pos = q ? (size_t)(q - l->s) : l->len;
            started = true;
            continue;
        }
        bool at_start = !started;
        if (!at_start) end = (uint32_t)l->pos;
        int run = 0;
        while (!at_eof(l)) {
            int32_t c = lookahead(l);
            if (c == '"') {
                advance(l);
                run++;
                if (at_start) end = (uint32_t)l->pos;
            } else if (!is_newline(c) && !is_blank(c) && !mfl__isprint(c)) {
                advance(l);
            } else {
                break;
            }
        }
        while (!at_eof(l) && !is_newline(lookahead(l)) && is_invisible(lookahead(l))) advance(l);
        if ((at_eof(l) || is_newline(lookahead(l))) && run >= need) {
            tok->start = start;
            tok->end = end;
            l->pos = end;
            return at_start ? Q_CLOSE : Q_CONTENT;
        }
        started = true;
    }
}

/* The value position: invisible runes skipped, then a quoted or bare value,
 * or nothing before the line break. */
static void scan_value(lexer_t *l, mfl_raw_instr_t *raw) {
    while (!at_eof(l) && !is_newline(lookahead(l)) && is_invisible(lookahead(l))) advance(l);
    if (at_eof(l) || is_newline(lookahead(l))) return;
    if (lookahead(l) != '"') {
        raw->value = MFL_RAW_BARE;
        raw->bare = scan_bare(l);
        return;
    }
    int count;
    raw->value = MFL_RAW_QUOTED;
    raw->open = scan_open(l, &count);
    mfl_range_t tok;
    quoted_t q = scan_quoted(l, count, &tok);
    if (q == Q_CONTENT) {
        raw->has_content = true;
        raw->content = tok;
        q = scan_quoted(l, count, &tok);
    }
    if (q == Q_CLOSE) {
        raw->has_close = true;
        raw->close = tok;
    }
}

/* A word up to a blank, a line break or EOF (a name or role token). */
static mfl_range_t scan_word(lexer_t *l) {
    mfl_range_t r = {(uint32_t)l->pos, 0};
    while (!at_eof(l)) {
        char b = l->s[l->pos];
        if (b == ' ' || b == '\t' || b == '\n' || b == '\r') break;
        l->pos++;
    }
    r.end = (uint32_t)l->pos;
    return r;
}

int mfl__scan(const char *text, size_t len, int (*instr)(void *ud, const mfl_raw_instr_t *raw),
              int (*comment)(void *ud, mfl_range_t r), void *ud) {
    lexer_t l = {text, len, 0};
    bool started = false;
    for (;;) {
        /* Between instructions (the scanner's line logic). */
        bool line_start = !started;
        for (;;) {
            if (at_eof(&l)) return 0;
            int32_t c = lookahead(&l);
            if (is_newline(c)) {
                advance(&l);
                line_start = true;
            } else if (is_blank(c)) {
                advance(&l);
            } else if (!line_start && !mfl__isprint(c)) {
                /* The invisible tail of the previous value line (a _junk extra). */
                while (!at_eof(&l) && !is_newline(lookahead(&l)) && is_invisible(lookahead(&l)))
                    advance(&l);
            } else {
                break;
            }
        }
        started = true;
        if (lookahead(&l) == '#') {
            mfl_range_t r = {(uint32_t)l.pos, 0};
            while (!at_eof(&l) && l.s[l.pos] != '\n' && l.s[l.pos] != '\r') l.pos++;
            r.end = (uint32_t)l.pos;
            int rc = comment(ud, r);
            if (rc) return rc;
            continue;
        }
        mfl_raw_instr_t raw;
        memset(&raw, 0, sizeof raw);
        raw.keyword.start = (uint32_t)l.pos;
        raw.kind = scan_keyword(&l);
        raw.keyword.end = (uint32_t)l.pos;
        if (!at_eof(&l) && is_blank(lookahead(&l))) {
            advance(&l); /* the separator: exactly one blank */
            if (raw.kind == MFL_INSTR_PARAMETER || raw.kind == MFL_INSTR_MESSAGE) {
                int32_t c = lookahead(&l);
                if (!at_eof(&l) && is_blank(c)) {
                    advance(&l); /* a second blank: an empty name */
                    scan_value(&l, &raw);
                } else if (!at_eof(&l) && !is_newline(c)) {
                    raw.has_name = true;
                    raw.name = scan_word(&l);
                    if (!at_eof(&l) && is_blank(lookahead(&l))) {
                        advance(&l);
                        scan_value(&l, &raw);
                    }
                }
            } else {
                scan_value(&l, &raw);
            }
        }
        int rc = instr(ud, &raw);
        if (rc) return rc;
    }
}

/* SPDX-License-Identifier: MIT */
/* Where a key sits in a JSON text, for configuration errors that name a line
 * and a column. jansson parses the file (and reports syntax errors with
 * their place); it keeps no positions for the values it returns, so this
 * walks the already-valid text once more, only to find the key. */
#include "mfl_io.h"

#include <string.h>

typedef struct {
    const char *s;
    size_t n, i;
} cur_t;

static void skip_ws(cur_t *c) {
    while (c->i < c->n &&
           (c->s[c->i] == ' ' || c->s[c->i] == '\t' || c->s[c->i] == '\n' || c->s[c->i] == '\r'))
        c->i++;
}

/* Skips a string starting at c->i (a '"'); returns whether its raw bytes
 * equal want (keys with escapes never match: they are reported at the
 * object instead). */
static bool skip_string(cur_t *c, const char *want) {
    size_t start = ++c->i;
    bool escaped = false;
    while (c->i < c->n && c->s[c->i] != '"') {
        if (c->s[c->i] == '\\') {
            escaped = true;
            c->i++;
        }
        c->i++;
    }
    size_t len = c->i - start;
    c->i++; /* the closing quote */
    return want && !escaped && strlen(want) == len && memcmp(c->s + start, want, len) == 0;
}

/* Skips any value. */
static void skip_value(cur_t *c) {
    skip_ws(c);
    if (c->i >= c->n) return;
    char ch = c->s[c->i];
    if (ch == '"') {
        skip_string(c, NULL);
        return;
    }
    if (ch == '{' || ch == '[') {
        int depth = 0;
        while (c->i < c->n) {
            ch = c->s[c->i];
            if (ch == '"') {
                skip_string(c, NULL);
                continue;
            }
            if (ch == '{' || ch == '[')
                depth++;
            else if (ch == '}' || ch == ']') {
                if (--depth == 0) {
                    c->i++;
                    return;
                }
            }
            c->i++;
        }
        return;
    }
    while (c->i < c->n && !strchr(",}] \t\r\n", c->s[c->i])) c->i++;
}

/* With c->i at an object's '{': moves to the key named key and returns true
 * (c->i at the key's opening quote), or returns false. */
static bool find_key(cur_t *c, const char *key) {
    if (c->i >= c->n || c->s[c->i] != '{') return false;
    c->i++;
    for (;;) {
        skip_ws(c);
        if (c->i >= c->n || c->s[c->i] != '"') return false;
        size_t at = c->i;
        if (skip_string(c, key)) {
            c->i = at;
            return true;
        }
        skip_ws(c);
        if (c->i < c->n && c->s[c->i] == ':') c->i++;
        skip_value(c);
        skip_ws(c);
        if (c->i < c->n && c->s[c->i] == ',')
            c->i++;
        else
            return false;
    }
}

void mfl_io_json_line_col(const char *text, size_t len, size_t off, unsigned *line, unsigned *col) {
    unsigned l = 1, k = 1;
    for (size_t i = 0; i < off && i < len; i++) {
        if (text[i] == '\n') {
            l++;
            k = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            k++;
        }
    }
    *line = l;
    *col = k;
}

int mfl_io_json_locate(const char *text, size_t len, const char *key, const char *sub,
                       unsigned *line, unsigned *col) {
    cur_t c = {text, len, 0};
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) c.i = 3;
    skip_ws(&c);
    size_t at = c.i;
    if (key && find_key(&c, key)) {
        at = c.i;
        if (sub) {
            skip_string(&c, NULL);
            skip_ws(&c);
            if (c.i < c.n && c.s[c.i] == ':') c.i++;
            skip_ws(&c);
            if (find_key(&c, sub)) at = c.i;
        }
    } else if (key) {
        return MFL_ENOENT;
    }
    mfl_io_json_line_col(text, len, at, line, col);
    return 0;
}

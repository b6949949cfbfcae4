/* SPDX-License-Identifier: MIT */
/* Standalone on purpose: this port keeps Ollama's own command list and error
 * text and does not use the core's instruction table
 * (lint/include/mfl_instructions.def), because it mirrors Ollama's Go source
 * line by line so that it can be diffed against each new release of
 * parser/parser.go. */
/* A rune-for-rune port of Ollama's ParseFile (parser/parser.go), used as the
 * oracle for the tree-sitter front end and to quote Ollama's exact error
 * text. Keep it a faithful port: its quirks (line numbers that count CR and
 * LF separately, the exactly-one-separator rule) are the point. */
#include "internal.h"

#include <string.h>

enum state { ST_NIL, ST_NAME, ST_VALUE, ST_PARAMETER, ST_MESSAGE, ST_COMMENT };

static const char invalid_command[] =
    "command must be one of \"from\", \"license\", \"template\", \"system\", \"adapter\", "
    "\"draft\", \"renderer\", \"parser\", \"parameter\", \"message\", or \"requires\"";
static const char invalid_role[] =
    "message role must be one of \"system\", \"user\", or \"assistant\"";

static bool is_space(int32_t r) { return r == ' ' || r == '\t'; }
static bool is_newline(int32_t r) { return r == '\r' || r == '\n'; }
static bool is_alpha(int32_t r) { return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'); }
static bool is_number(int32_t r) { return r >= '0' && r <= '9'; }

static bool valid_command(const char *s) {
    static const char *const cmds[] = {"from",      "license", "template", "system",
                                       "adapter",   "draft",   "renderer", "parser",
                                       "parameter", "message", "requires"};
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
        if (strcasecmp_ascii(s, cmds[i]) == 0) return true;
    return false;
}

static bool valid_role(const char *s) {
    return strcmp(s, "system") == 0 || strcmp(s, "user") == 0 || strcmp(s, "assistant") == 0;
}

/* Go's unquote over a trimmed string. On success, out and out_len point into s. */
static bool unquote(const char *s, size_t n, const char **out, size_t *out_len) {
    if (n >= 3 && memcmp(s, "\"\"\"", 3) == 0) {
        if (n >= 6 && memcmp(s + n - 3, "\"\"\"", 3) == 0) {
            *out = s + 3;
            *out_len = n - 6;
            return true;
        }
        return false;
    }
    if (n >= 1 && s[0] == '"') {
        if (n >= 2 && s[n - 1] == '"') {
            *out = s + 1;
            *out_len = n - 2;
            return true;
        }
        return false;
    }
    *out = s;
    *out_len = n;
    return true;
}

/* Go's strings.TrimSpace over a buffer that can only hold ASCII whitespace
 * among its kept runes (every other Unicode space is dropped first). */
static void trim(const char *s, size_t n, const char **out, size_t *out_len) {
    size_t a = 0, b = n;
    while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r' || s[a] == '\n')) a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r' || s[b - 1] == '\n'))
        b--;
    *out = s + a;
    *out_len = b - a;
}

typedef struct {
    mfl_ollama_parse_t *p;
    size_t cap;
} cmdlist_t;

static int push_command(cmdlist_t *l, const char *name, const char *role, const char *args,
                        size_t args_len) {
    if (l->p->n_commands == l->cap) {
        size_t ncap = l->cap ? l->cap * 2 : 16;
        mfl_ollama_command_t *n = mfl_realloc(l->p->commands, ncap * sizeof *n);
        if (!n) return MFL_ENOMEM;
        l->p->commands = n;
        l->cap = ncap;
    }
    mfl_ollama_command_t *c = &l->p->commands[l->p->n_commands];
    size_t rl = role ? strlen(role) + 2 : 0;
    c->name = mfl_strndup(name, strlen(name));
    c->args = mfl_malloc(rl + args_len + 1);
    if (!c->name || !c->args) {
        mfl_free(c->name);
        mfl_free(c->args);
        return MFL_ENOMEM;
    }
    if (role) {
        memcpy(c->args, role, rl - 2);
        memcpy(c->args + rl - 2, ": ", 2);
    }
    if (args_len) memcpy(c->args + rl, args, args_len);
    c->args[rl + args_len] = '\0';
    c->args_len = rl + args_len;
    l->p->n_commands++;
    return 0;
}

static int set_error(mfl_ollama_parse_t *p, const char *fmt, ...) MFL_PRINTF(2, 3);
static int set_error(mfl_ollama_parse_t *p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    p->error = mfl__vasprintf(fmt, ap);
    va_end(ap);
    return p->error ? 0 : MFL_ENOMEM;
}

int mfl_ollama_parse(const char *src, size_t len, mfl_ollama_parse_t *out) {
    memset(out, 0, sizeof *out);
    char *text = NULL;
    size_t tlen = 0;
    mfl_encoding_t enc;
    int rc = mfl__decode(src, len, &text, &tlen, &enc);
    if (rc) return rc;

    mfl_buf_t b = {0};
    char cmd_name[64 + 1] = "";
    char *dyn_name = NULL; /* parameter names can be long */
    char role[16] = "";
    bool has_role = false;
    enum state curr = ST_NIL;
    long line = 1;
    cmdlist_t l = {out, 0};
    size_t i = 0;
    rc = 0;

    while (i < tlen) {
        int32_t r = mfl__utf8_next(text, tlen, &i);
        if (is_newline(r)) line++;

        /* parseRuneForState */
        enum state next = curr;
        int32_t keep = r;
        enum { E_NONE, E_CMD, E_EOF } err = E_NONE;
        switch (curr) {
        case ST_NIL:
            if (r == '#')
                next = ST_COMMENT, keep = 0;
            else if (is_space(r) || is_newline(r))
                next = ST_NIL, keep = 0;
            else
                next = ST_NAME;
            break;
        case ST_NAME:
            if (is_alpha(r))
                next = ST_NAME;
            else if (is_space(r))
                next = ST_VALUE, keep = 0;
            else
                err = E_CMD;
            break;
        case ST_VALUE:
            if (is_newline(r) || is_space(r)) next = ST_NIL;
            break;
        case ST_PARAMETER:
            if (is_alpha(r) || is_number(r) || r == '_')
                next = ST_PARAMETER;
            else if (is_space(r))
                next = ST_VALUE, keep = 0;
            else
                err = E_EOF;
            break;
        case ST_MESSAGE:
            if (is_alpha(r))
                next = ST_MESSAGE;
            else if (is_space(r))
                next = ST_VALUE, keep = 0;
            else
                err = E_EOF;
            break;
        case ST_COMMENT:
            next = is_newline(r) ? ST_NIL : ST_COMMENT;
            keep = 0;
            break;
        }
        if (err == E_EOF) {
            rc = set_error(out, "unexpected EOF: %.*s", (int)b.len, b.data ? b.data : "");
            goto done;
        }
        if (err == E_CMD) {
            rc = set_error(out, "(line %ld): %s", line, invalid_command);
            goto done;
        }

        if (next != curr) {
            bool cont = false;
            switch (curr) {
            case ST_NAME: {
                if (rc = mfl__buf_nul(&b), rc) goto done;
                if (!valid_command(b.data)) {
                    rc = set_error(out, "(line %ld): %s", line, invalid_command);
                    goto done;
                }
                char lower[16];
                size_t k = 0;
                for (; k < b.len && k < sizeof lower - 1; k++) lower[k] = (char)(b.data[k] | 0x20);
                lower[k] = '\0';
                if (strcmp(lower, "from") == 0) {
                    strcpy(cmd_name, "model");
                } else if (strcmp(lower, "parameter") == 0) {
                    next = ST_PARAMETER;
                } else if (strcmp(lower, "message") == 0) {
                    next = ST_MESSAGE;
                    strcpy(cmd_name, lower);
                } else {
                    strcpy(cmd_name, lower);
                }
                break;
            }
            case ST_PARAMETER:
                mfl_free(dyn_name);
                dyn_name = mfl_strndup(b.data ? b.data : "", b.len);
                if (!dyn_name) {
                    rc = MFL_ENOMEM;
                    goto done;
                }
                cmd_name[0] = '\0';
                break;
            case ST_MESSAGE:
                if (rc = mfl__buf_nul(&b), rc) goto done;
                if (!valid_role(b.data)) {
                    rc = set_error(out, "(line %ld): %s", line, invalid_role);
                    goto done;
                }
                strcpy(role, b.data);
                has_role = true;
                break;
            case ST_VALUE: {
                const char *t, *u;
                size_t tl, ul;
                trim(b.data ? b.data : "", b.len, &t, &tl);
                if (!unquote(t, tl, &u, &ul) || is_space(r)) {
                    if (rc = mfl__buf_put_rune(&b, r), rc) goto done;
                    cont = true;
                    break;
                }
                rc = push_command(&l, cmd_name[0] ? cmd_name : (dyn_name ? dyn_name : ""),
                                  has_role ? role : NULL, u, ul);
                if (rc) goto done;
                has_role = false;
                break;
            }
            default: break;
            }
            if (cont) continue;
            b.len = 0;
            curr = next;
        }
        if (keep && mfl_isprint(keep))
            if (rc = mfl__buf_put_rune(&b, keep), rc) goto done;
    }

    switch (curr) {
    case ST_NIL:
    case ST_COMMENT: break;
    case ST_VALUE: {
        const char *t, *u;
        size_t tl, ul;
        trim(b.data ? b.data : "", b.len, &t, &tl);
        if (!unquote(t, tl, &u, &ul)) {
            rc = set_error(out, "unexpected EOF");
            goto done;
        }
        rc = push_command(&l, cmd_name[0] ? cmd_name : (dyn_name ? dyn_name : ""),
                          has_role ? role : NULL, u, ul);
        if (rc) goto done;
        break;
    }
    default: rc = set_error(out, "unexpected EOF"); goto done;
    }

    for (size_t k = 0; k < out->n_commands; k++)
        if (strcmp(out->commands[k].name, "model") == 0) goto done;
    rc = set_error(out, "no FROM line");

done:
    mfl_free(b.data);
    mfl_free(dyn_name);
    mfl_free(text);
    if (rc) mfl_ollama_parse_cleanup(out);
    return rc;
}

void mfl_ollama_parse_cleanup(mfl_ollama_parse_t *p) {
    if (!p) return;
    for (size_t i = 0; i < p->n_commands; i++) {
        mfl_free(p->commands[i].name);
        mfl_free(p->commands[i].args);
    }
    mfl_free(p->commands);
    mfl_free(p->error);
    memset(p, 0, sizeof *p);
}

/* SPDX-License-Identifier: MIT */
/* Standalone on purpose: this scanner keeps its own list of keywords and
 * does not use the core's instruction table (lint/include/mfl_instructions.def)
 * because the grammar must build without the core (tree-sitter's own tools
 * and the editors, e.g. editors/neovim, compile grammar/src alone).
 * tests/unit/test_conformance.c holds the front end built on it to the port
 * of Ollama's parser over the real corpus. */
/* External scanner for the Modelfile grammar. It produces every token, and
 * mirrors the state machine of Ollama's parser/parser.go (ParseFile):
 *
 *  - between instructions, spaces, tabs, CR and LF are skipped, '#' starts a
 *    comment line, anything else starts a keyword;
 *  - a keyword is ASCII letters compared case-insensitively; its first rune
 *    may be one that Ollama drops (a stray BOM), every later one must be a
 *    letter;
 *  - PARAMETER and MESSAGE take exactly one space or tab before the name;
 *  - a value is bare, "..." or """...""", and a quote closes only as the last
 *    non-blank kept character of a line (so `"a" b` does not close);
 *  - runes Go's strconv.IsPrint rejects are dropped (isprint.h).
 *
 * The scanner keeps one byte of state: whether any token was produced yet,
 * which tells a real line start (where a dropped rune opens a keyword) from
 * the invisible tail of a value line (where it is skipped). */
#include "tree_sitter/parser.h"

#include "isprint.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

enum TokenType {
    COMMENT,
    KW_FROM,
    KW_PARAMETER,
    KW_TEMPLATE,
    KW_SYSTEM,
    KW_ADAPTER,
    KW_LICENSE,
    KW_MESSAGE,
    KW_RENDERER,
    KW_PARSER,
    KW_REQUIRES,
    KW_DRAFT,
    KW_UNKNOWN,
    SEP,
    NAME,
    BARE,
    OPEN1,
    OPEN3,
    CONTENT1,
    CONTENT3,
    CLOSE1,
    CLOSE3,
    JUNK,
    ERROR_SENTINEL,
};

typedef struct {
    bool started;
} Scanner;

static const char *const keywords[] = {
    "from", "parameter", "template", "system", "adapter", "license",
    "message", "renderer", "parser", "requires", "draft",
};

static bool is_blank(int32_t c) { return c == ' ' || c == '\t'; }
static bool is_newline(int32_t c) { return c == '\r' || c == '\n'; }
static bool is_alpha(int32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* A rune that never counts on a value line: blank or dropped by Ollama. The
 * caller has already excluded EOF and line breaks. */
static bool is_invisible(int32_t c) { return is_blank(c) || !mfl_isprint(c); }

static bool at_eof(TSLexer *lexer) { return lexer->eof(lexer); }

static void advance(TSLexer *lexer) { lexer->advance(lexer, false); }
static void skip(TSLexer *lexer) { lexer->advance(lexer, true); }

/* Reads a keyword: everything up to a blank, a line break or EOF. */
static enum TokenType scan_keyword(TSLexer *lexer) {
    char buf[16];
    size_t n = 0;
    bool ok = true;
    int32_t c = lexer->lookahead;

    /* The first rune opens the keyword; Ollama drops it if unprintable. */
    if (mfl_isprint(c)) {
        if (is_alpha(c))
            buf[n++] = (char)(c | 0x20);
        else
            ok = false;
    }
    advance(lexer);
    while (!at_eof(lexer) && !is_blank(lexer->lookahead) && !is_newline(lexer->lookahead)) {
        c = lexer->lookahead;
        if (ok && is_alpha(c) && n < sizeof buf - 1)
            buf[n++] = (char)(c | 0x20);
        else
            ok = false;
        advance(lexer);
    }
    lexer->mark_end(lexer);
    if (!ok || n == 0) return KW_UNKNOWN;
    buf[n] = '\0';
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (strcmp(buf, keywords[i]) == 0) return (enum TokenType)(KW_FROM + i);
    return KW_UNKNOWN;
}

/* A bare value: from the first kept character to the last kept non-blank one
 * on the line. Trailing invisible runes at EOF are included so that nothing
 * is left for the internal lexer. */
static bool scan_bare(TSLexer *lexer) {
    while (!at_eof(lexer) && !is_newline(lexer->lookahead)) {
        bool visible = !is_invisible(lexer->lookahead);
        advance(lexer);
        if (visible) lexer->mark_end(lexer);
    }
    if (at_eof(lexer)) lexer->mark_end(lexer);
    lexer->result_symbol = BARE;
    return true;
}

/* An opening quote: three kept '"' make a triple quote, otherwise one. */
static bool scan_open(TSLexer *lexer) {
    int count = 1;
    advance(lexer);
    lexer->mark_end(lexer);
    while (count < 3 && !at_eof(lexer)) {
        int32_t c = lexer->lookahead;
        if (c == '"') {
            advance(lexer);
            count++;
            if (count == 3) lexer->mark_end(lexer);
        } else if (!is_newline(c) && !is_blank(c) && !mfl_isprint(c)) {
            advance(lexer);
        } else {
            break;
        }
    }
    lexer->result_symbol = count == 3 ? OPEN3 : OPEN1;
    return true;
}

/* The inside of a quoted value and its closing quote. The value closes at the
 * first line whose last kept non-blank characters are `need` or more quotes.
 * The close token is that whole final run of quotes: a run longer than `need`
 * gives its first quotes to the value (the lowering adds them back). A quote
 * that never closes runs to EOF, exactly as Ollama reads it. */
static bool scan_quoted(TSLexer *lexer, int need, enum TokenType content,
                        enum TokenType close) {
    bool started = false;
    for (;;) {
        if (at_eof(lexer)) {
            if (!started) return false;
            lexer->mark_end(lexer);
            lexer->result_symbol = content;
            return true;
        }
        if (lexer->lookahead != '"') {
            advance(lexer);
            started = true;
            continue;
        }
        /* A run of quotes: the value may end just before it. */
        bool at_start = !started;
        if (!at_start) lexer->mark_end(lexer);
        int run = 0;
        while (!at_eof(lexer)) {
            int32_t c = lexer->lookahead;
            if (c == '"') {
                advance(lexer);
                run++;
                if (at_start) lexer->mark_end(lexer);
            } else if (!is_newline(c) && !is_blank(c) && !mfl_isprint(c)) {
                advance(lexer);
            } else {
                break;
            }
        }
        while (!at_eof(lexer) && !is_newline(lexer->lookahead) &&
               is_invisible(lexer->lookahead))
            advance(lexer);
        if ((at_eof(lexer) || is_newline(lexer->lookahead)) && run >= need) {
            lexer->result_symbol = at_start ? close : content;
            return true;
        }
        started = true;
    }
}

static bool scan(Scanner *s, TSLexer *lexer, const bool *valid) {
    if (valid[ERROR_SENTINEL]) return false;
    if (valid[CONTENT3] || valid[CLOSE3]) return scan_quoted(lexer, 3, CONTENT3, CLOSE3);
    if (valid[CONTENT1] || valid[CLOSE1]) return scan_quoted(lexer, 1, CONTENT1, CLOSE1);

    if (valid[SEP] && is_blank(lexer->lookahead) && !at_eof(lexer)) {
        advance(lexer);
        lexer->mark_end(lexer);
        lexer->result_symbol = SEP;
        return true;
    }
    if (valid[NAME] && !at_eof(lexer) && !is_blank(lexer->lookahead) &&
        !is_newline(lexer->lookahead)) {
        while (!at_eof(lexer) && !is_blank(lexer->lookahead) &&
               !is_newline(lexer->lookahead))
            advance(lexer);
        lexer->mark_end(lexer);
        lexer->result_symbol = NAME;
        return true;
    }
    if (valid[BARE]) {
        while (!at_eof(lexer) && !is_newline(lexer->lookahead) &&
               is_invisible(lexer->lookahead))
            skip(lexer);
        if (!at_eof(lexer) && !is_newline(lexer->lookahead)) {
            if (lexer->lookahead == '"') return scan_open(lexer);
            return scan_bare(lexer);
        }
        /* No value: the instruction ends here. */
    }
    if (!valid[COMMENT]) return false;

    bool line_start = !s->started;
    for (;;) {
        if (at_eof(lexer)) return false;
        int32_t c = lexer->lookahead;
        if (is_newline(c)) {
            skip(lexer);
            line_start = true;
        } else if (is_blank(c)) {
            skip(lexer);
        } else if (!line_start && !mfl_isprint(c)) {
            /* The invisible tail of the previous value line. */
            if (!valid[JUNK]) return false;
            while (!at_eof(lexer) && !is_newline(lexer->lookahead) &&
                   is_invisible(lexer->lookahead))
                advance(lexer);
            lexer->mark_end(lexer);
            lexer->result_symbol = JUNK;
            return true;
        } else {
            break;
        }
    }
    if (lexer->lookahead == '#') {
        while (!at_eof(lexer) && !is_newline(lexer->lookahead)) advance(lexer);
        lexer->mark_end(lexer);
        lexer->result_symbol = COMMENT;
        return true;
    }
    lexer->result_symbol = scan_keyword(lexer);
    return true;
}

void *tree_sitter_modelfile_external_scanner_create(void) {
    static const Scanner init = {false};
    Scanner *s = (Scanner *)malloc(sizeof *s);
    if (s) *s = init;
    return s;
}

void tree_sitter_modelfile_external_scanner_destroy(void *payload) { free(payload); }

unsigned tree_sitter_modelfile_external_scanner_serialize(void *payload, char *buffer) {
    Scanner *s = (Scanner *)payload;
    buffer[0] = (char)s->started;
    return 1;
}

void tree_sitter_modelfile_external_scanner_deserialize(void *payload, const char *buffer,
                                                        unsigned length) {
    Scanner *s = (Scanner *)payload;
    s->started = length > 0 && buffer[0];
}

bool tree_sitter_modelfile_external_scanner_scan(void *payload, TSLexer *lexer,
                                                 const bool *valid_symbols) {
    Scanner *s = (Scanner *)payload;
    bool found = scan(s, lexer, valid_symbols);
    if (found) s->started = true;
    return found;
}

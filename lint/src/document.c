/* SPDX-License-Identifier: MIT */
/* Bytes -> tree-sitter tree -> the lowered instruction list every rule reads.
 * This is the only file of the core that includes tree_sitter/api.h. Values
 * are computed here exactly as Ollama computes them: trimmed, unquoted, and
 * without the runes Go's strconv.IsPrint rejects. */
#include "internal.h"

#include <assert.h>

#include <string.h>
#include <tree_sitter/api.h>

#include "tree-sitter-modelfile.h"

struct mfl_doc {
    char *text;
    size_t len;
    mfl_encoding_t enc;
    TSParser *parser; /* own parser, created on the first edit */
    TSTree *tree;
    mfl_instr_t *instrs;
    size_t n_instrs, cap_instrs;
    mfl_range_t *comments;
    size_t n_comments, cap_comments;
    mfl_syntax_error_t *errors;
    size_t n_errors, cap_errors;
    uint32_t *lines; /* start offset of each line */
    uint32_t n_lines;
    unsigned text_class; /* MFL__TEXT_* bits of text (set with the lines) */
    mfl_buf_t strings;   /* name_text/value_text storage; offsets until fixed up */
};

/* Node symbols, looked up once. */
static struct {
    bool ready;
    TSSymbol instr[MFL_INSTR__COUNT];
    TSSymbol comment, bare_value, quoted_value;
    TSFieldId f_keyword, f_name, f_role, f_value, f_open, f_content, f_close;
} sym;

static const char *const instr_node_names[MFL_INSTR__COUNT] = {
#define MFL_INSTRUCTION(id, keyword, command, node, summary, meaning, repeats) node,
#include "mfl_instructions.def"
#undef MFL_INSTRUCTION
    "unknown_instruction",
};

static TSSymbol ts_builtin_sym_error_id(void) { return (TSSymbol)-1; }

static TSSymbol lookup_symbol(const TSLanguage *lang, const char *name) {
    return ts_language_symbol_for_name(lang, name, (uint32_t)strlen(name), true);
}

static TSFieldId lookup_field(const TSLanguage *lang, const char *name) {
    return ts_language_field_id_for_name(lang, name, (uint32_t)strlen(name));
}

static void init_symbols(void) {
    if (sym.ready) return;
    const TSLanguage *lang = tree_sitter_modelfile();
    for (int i = 0; i < MFL_INSTR__COUNT; i++)
        sym.instr[i] = lookup_symbol(lang, instr_node_names[i]);
    sym.comment = lookup_symbol(lang, "comment");
    sym.bare_value = lookup_symbol(lang, "bare_value");
    sym.quoted_value = lookup_symbol(lang, "quoted_value");
    sym.f_keyword = lookup_field(lang, "keyword");
    sym.f_name = lookup_field(lang, "name");
    sym.f_role = lookup_field(lang, "role");
    sym.f_value = lookup_field(lang, "value");
    sym.f_open = lookup_field(lang, "open");
    sym.f_content = lookup_field(lang, "content");
    sym.f_close = lookup_field(lang, "close");
    sym.ready = true;
}

static _Thread_local TSParser *thread_parser;

static TSParser *get_thread_parser(void) {
    if (!thread_parser) {
        thread_parser = ts_parser_new();
        if (thread_parser && !ts_parser_set_language(thread_parser, tree_sitter_modelfile())) {
            ts_parser_delete(thread_parser);
            thread_parser = NULL;
        }
    }
    return thread_parser;
}

void mfl_thread_cleanup(void) {
    if (thread_parser) ts_parser_delete(thread_parser);
    thread_parser = NULL;
}

/* Tree-sitter skips a byte order mark at offset 0, but Ollama (which has
 * already dropped one BOM while decoding) reads a second one as an invisible
 * rune that opens a keyword. Show tree-sitter a zero-width space instead:
 * also three bytes, also dropped by Ollama, and not skipped. */
typedef struct {
    const char *text;
    uint32_t len;
} ts_source_t;

static const char *ts_read(void *payload, uint32_t byte, TSPoint pt, uint32_t *bytes_read) {
    static const char zwsp[] = "\xe2\x80\x8b";
    const ts_source_t *src = payload;
    (void)pt;
    if (byte >= src->len) {
        *bytes_read = 0;
        return "";
    }
    if (byte < 3) {
        *bytes_read = 3 - byte;
        return zwsp + byte;
    }
    *bytes_read = src->len - byte;
    return src->text + byte;
}

static TSTree *parse_text(TSParser *p, TSTree *old, const char *text, size_t len) {
    if (len < 3 || memcmp(text, "\xef\xbb\xbf", 3) != 0)
        return ts_parser_parse_string(p, old, text, (uint32_t)len);
    ts_source_t src = {text, (uint32_t)len};
    TSInput in = {&src, ts_read, TSInputEncodingUTF8};
    return ts_parser_parse(p, old, in);
}

/* ---- line index ----------------------------------------------------------- */

unsigned mfl__doc_text_class(const mfl_doc_t *doc) { return doc->text_class; }

const uint32_t *mfl__doc_line_starts(const mfl_doc_t *doc, uint32_t *n) {
    *n = doc->n_lines;
    return doc->lines;
}

static int build_lines(mfl_doc_t *d) {
    /* The byte kinds come with the lines: most Modelfiles are plain ASCII,
     * and the rules that look for invisible or bidi characters skip those. */
    uint32_t *lines;
    size_t n;
    unsigned cls;
    if (mfl__line_table(d->text, d->len, &lines, &n, &cls)) return MFL_ENOMEM;
    mfl_free(d->lines);
    d->lines = lines;
    d->n_lines = (uint32_t)n;
    d->text_class = cls;
    return 0;
}

uint32_t mfl_doc_line_count(const mfl_doc_t *d) { return d->n_lines; }

void mfl_doc_position(const mfl_doc_t *d, uint32_t off, uint32_t *line, uint32_t *col) {
    assert(d && line && col); /* caller bugs; compiled out with NDEBUG */
    if (off > d->len) off = (uint32_t)d->len;
    uint32_t lo = 0, hi = d->n_lines - 1;
    while (lo < hi) {
        uint32_t mid = (lo + hi + 1) / 2;
        if (d->lines[mid] <= off)
            lo = mid;
        else
            hi = mid - 1;
    }
    *line = lo;
    *col = off - d->lines[lo];
}

mfl_range_t mfl_doc_line_range(const mfl_doc_t *d, uint32_t line) {
    assert(d);
    mfl_range_t r = {(uint32_t)d->len, (uint32_t)d->len};
    if (line >= d->n_lines) return r;
    r.start = d->lines[line];
    r.end = line + 1 < d->n_lines ? d->lines[line + 1] : (uint32_t)d->len;
    if (r.end > r.start && d->text[r.end - 1] == '\n') r.end--;
    if (r.end > r.start && d->text[r.end - 1] == '\r') r.end--;
    return r;
}

uint32_t mfl_doc_offset(const mfl_doc_t *d, uint32_t line, uint32_t col) {
    assert(d);
    if (line >= d->n_lines) return (uint32_t)d->len;
    mfl_range_t r = mfl_doc_line_range(d, line);
    uint32_t off = r.start + col;
    return off > r.end ? r.end : off;
}

/* ---- lowering --------------------------------------------------------------- */

static mfl_range_t node_range(TSNode n) {
    mfl_range_t r = {ts_node_start_byte(n), ts_node_end_byte(n)};
    return r;
}

static bool is_blank_at(const mfl_doc_t *d, uint32_t off) {
    return off < d->len && (d->text[off] == ' ' || d->text[off] == '\t');
}

/* Trims blanks and dropped runes from the end of a range. */
static mfl_range_t trim_invisible_end(const mfl_doc_t *d, mfl_range_t r) {
    uint32_t last_visible = r.start;
    size_t i = r.start;
    while (i < r.end) {
        unsigned char b = (unsigned char)d->text[i];
        if (b < 0x80) { /* ASCII: visible is printable and not a blank */
            i++;
            if (b > 0x20 && b < 0x7F) last_visible = (uint32_t)i;
            continue;
        }
        size_t s = i;
        int32_t c = mfl__utf8_next(d->text, r.end, &i);
        if (c != ' ' && c != '\t' && mfl__isprint(c)) last_visible = (uint32_t)i;
        (void)s;
    }
    r.end = last_visible;
    return r;
}

static int add_error(mfl_doc_t *d, mfl_syntax_kind_t kind, mfl_range_t r, size_t instr) {
    if (d->n_errors == d->cap_errors) {
        size_t ncap = d->cap_errors ? d->cap_errors * 2 : 8;
        mfl_syntax_error_t *n = mfl_realloc(d->errors, ncap * sizeof *n);
        if (!n) return MFL_ENOMEM;
        d->errors = n;
        d->cap_errors = ncap;
    }
    d->errors[d->n_errors].kind = kind;
    d->errors[d->n_errors].range = r;
    d->errors[d->n_errors].instr = instr;
    d->n_errors++;
    return 0;
}

/* Stores the kept text of r (plus `extra_quotes` quote characters) in the
 * string arena; returns its offset there. */
static int store_kept(mfl_doc_t *d, mfl_range_t r, int extra_quotes, size_t *off, size_t *len) {
    size_t before = d->strings.len;
    /* In plain text every byte is kept: no need to look for what to drop. */
    int rc = d->text_class ? mfl__buf_put_kept(&d->strings, d->text + r.start, r.end - r.start)
                           : mfl__buf_put(&d->strings, d->text + r.start, r.end - r.start);
    for (int i = 0; rc == 0 && i < extra_quotes; i++) rc = mfl__buf_putc(&d->strings, '"');
    if (rc == 0) rc = mfl__buf_put(&d->strings, "\0", 1);
    if (rc) return rc;
    *off = before;
    *len = d->strings.len - before - 1;
    return 0;
}

static int count_quotes(const mfl_doc_t *d, mfl_range_t r) {
    int n = 0;
    for (uint32_t i = r.start; i < r.end; i++) n += d->text[i] == '"';
    return n;
}

static int lower_value(mfl_doc_t *d, mfl_instr_t *in, const mfl_raw_instr_t *raw, size_t *voff,
                       size_t *vlen) {
    if (raw->value == MFL_RAW_BARE) {
        in->value = trim_invisible_end(d, raw->bare);
        in->content = in->value;
        in->quote = MFL_QUOTE_NONE;
        return store_kept(d, in->value, 0, voff, vlen);
    }
    mfl_range_t o = raw->open;
    in->quote = count_quotes(d, o) >= 3 ? MFL_QUOTE_TRIPLE : MFL_QUOTE_SINGLE;
    in->content.start = in->content.end = o.end;
    if (raw->has_content) in->content = raw->content;
    mfl_range_t cr0 = in->content;
    in->value.start = o.start;
    in->value.end = in->content.end;
    int extra = 0;
    if (raw->has_close) {
        mfl_range_t c = raw->close;
        /* The close token is the whole final run of quotes: the ones before the
         * last `need` belong to the value. */
        extra = count_quotes(d, c) - (int)in->quote;
        in->value.end = c.end;
        in->terminated = true;
        if (extra > 0) {
            /* Report the content as reaching up to the closing quotes. */
            uint32_t i = c.start;
            int seen = 0;
            while (i < c.end && seen < extra) seen += d->text[i++] == '"';
            in->content.end = i;
        }
    } else {
        in->terminated = false;
    }
    return store_kept(d, cr0, extra > 0 ? extra : 0, voff, vlen);
}

static bool name_chars_ok(const mfl_doc_t *d, mfl_range_t r, bool letters_only, uint32_t *bad) {
    for (uint32_t i = r.start; i < r.end; i++) {
        unsigned char c = (unsigned char)d->text[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!letters_only) ok = ok || (c >= '0' && c <= '9') || c == '_';
        if (!ok) {
            *bad = i;
            return false;
        }
    }
    return true;
}

static int lower_instruction(mfl_doc_t *d, const mfl_raw_instr_t *raw, size_t *noff, size_t *voff) {
    mfl_instr_t in;
    mfl_instr_kind_t kind = raw->kind;
    memset(&in, 0, sizeof in);
    in.kind = kind;
    in.terminated = true;
    in.keyword = raw->keyword;
    in.range = in.keyword;
    in.has_sep = is_blank_at(d, in.keyword.end);
    size_t idx = d->n_instrs;
    size_t nlen = 0, vlen = 0;
    *noff = *voff = SIZE_MAX;
    int rc = 0;

    bool named = kind == MFL_INSTR_PARAMETER || kind == MFL_INSTR_MESSAGE;
    if (named) {
        if (raw->has_name) {
            in.has_name = true;
            in.name = raw->name;
            in.has_value_sep = is_blank_at(d, in.name.end);
        } else {
            in.name.start = in.name.end = in.keyword.end + (in.has_sep ? 1 : 0);
            in.has_value_sep = in.has_sep && is_blank_at(d, in.keyword.end + 1);
        }
        if ((rc = store_kept(d, in.name, 0, noff, &nlen))) return rc;
        in.name_len = nlen;
    }
    if (raw->value != MFL_RAW_NONE) {
        if ((rc = lower_value(d, &in, raw, voff, &vlen))) return rc;
    } else {
        /* An empty value sits where a value would start. */
        uint32_t at = named ? (in.has_name ? in.name.end : in.name.end) : in.keyword.end;
        if ((named && in.has_value_sep) || (!named && in.has_sep)) at++;
        in.value.start = in.value.end = at > d->len ? (uint32_t)d->len : at;
        in.content = in.value;
        if ((rc = store_kept(d, in.value, 0, voff, &vlen))) return rc;
    }
    in.value_len = vlen;
    in.range.end = in.value.end > in.keyword.end ? in.value.end : in.keyword.end;
    if (in.has_name && in.name.end > in.range.end) in.range.end = in.name.end;
    uint32_t col;
    mfl_doc_position(d, in.keyword.start, &in.line, &col);

    /* Syntax errors, in the order Ollama would meet them. */
    if (kind == MFL_INSTR_UNKNOWN) {
        rc = add_error(d, MFL_SYN_INVALID_COMMAND, in.keyword, idx);
    } else if (!in.has_sep) {
        rc = add_error(
            d, in.keyword.end >= d->len ? MFL_SYN_MISSING_ARGUMENT : MFL_SYN_INVALID_COMMAND,
            in.keyword, idx);
    } else if (named) {
        uint32_t bad;
        if (in.has_name && !name_chars_ok(d, in.name, kind == MFL_INSTR_MESSAGE, &bad)) {
            mfl_range_t r = {bad, in.name.end};
            rc = add_error(
                d, kind == MFL_INSTR_MESSAGE ? MFL_SYN_BAD_ROLE_CHAR : MFL_SYN_BAD_PARAMETER_NAME,
                r, idx);
        } else if (!in.has_value_sep) {
            mfl_range_t r = in.has_name ? in.name : in.keyword;
            rc = add_error(d, in.has_name ? MFL_SYN_MISSING_VALUE : MFL_SYN_MISSING_ARGUMENT, r,
                           idx);
        } else if (kind == MFL_INSTR_MESSAGE) {
            const char *role = d->text + in.name.start;
            size_t rl = in.name.end - in.name.start;
            bool ok = (rl == 6 && memcmp(role, "system", 6) == 0) ||
                      (rl == 4 && memcmp(role, "user", 4) == 0) ||
                      (rl == 9 && memcmp(role, "assistant", 9) == 0);
            if (!ok)
                rc = add_error(d, MFL_SYN_INVALID_ROLE, in.has_name ? in.name : in.keyword, idx);
        }
    }
    if (rc == 0 && !in.terminated) {
        mfl_range_t open = {in.value.start, in.content.start};
        rc = add_error(d, MFL_SYN_UNTERMINATED, open, idx);
    }
    if (rc) return rc;

    if (d->n_instrs == d->cap_instrs) {
        size_t ncap = d->cap_instrs ? d->cap_instrs * 2 : 16;
        mfl_instr_t *ni = mfl_realloc(d->instrs, ncap * sizeof *ni);
        if (!ni) return MFL_ENOMEM;
        d->instrs = ni;
        d->cap_instrs = ncap;
    }
    d->instrs[d->n_instrs++] = in;
    return 0;
}

static int collect_tree_errors(mfl_doc_t *d, TSNode n) {
    if (!ts_node_has_error(n)) return 0;
    if (ts_node_symbol(n) == ts_builtin_sym_error_id() || ts_node_is_missing(n))
        return add_error(d, MFL_SYN_TREE_ERROR, node_range(n), SIZE_MAX);
    uint32_t count = ts_node_child_count(n);
    for (uint32_t i = 0; i < count; i++) {
        int rc = collect_tree_errors(d, ts_node_child(n, i));
        if (rc) return rc;
    }
    return 0;
}

/* The raw shape of a tree node (the same shape the byte-level scanner makes). */
static void node_to_raw(TSNode n, mfl_instr_kind_t kind, mfl_raw_instr_t *raw) {
    memset(raw, 0, sizeof *raw);
    raw->kind = kind;
    raw->keyword = node_range(ts_node_child_by_field_id(n, sym.f_keyword));
    if (kind == MFL_INSTR_PARAMETER || kind == MFL_INSTR_MESSAGE) {
        TSNode name =
            ts_node_child_by_field_id(n, kind == MFL_INSTR_PARAMETER ? sym.f_name : sym.f_role);
        if (!ts_node_is_null(name)) {
            raw->has_name = true;
            raw->name = node_range(name);
        }
    }
    TSNode v = ts_node_child_by_field_id(n, sym.f_value);
    if (ts_node_is_null(v)) return;
    if (ts_node_symbol(v) == sym.bare_value) {
        raw->value = MFL_RAW_BARE;
        raw->bare = node_range(v);
        return;
    }
    raw->value = MFL_RAW_QUOTED;
    raw->open = node_range(ts_node_child_by_field_id(v, sym.f_open));
    TSNode c = ts_node_child_by_field_id(v, sym.f_content);
    if ((raw->has_content = !ts_node_is_null(c))) raw->content = node_range(c);
    c = ts_node_child_by_field_id(v, sym.f_close);
    if ((raw->has_close = !ts_node_is_null(c))) raw->close = node_range(c);
}

typedef struct {
    size_t *offs;
    size_t n, cap;
} lowering_t;

static int lower_begin(mfl_doc_t *d) {
    d->n_instrs = d->n_comments = d->n_errors = 0;
    d->strings.len = 0;
    /* Names and values are at most the text, plus a NUL and a quote or two
     * each: room for that up front spares copying the arena as it grows. */
    int rc = mfl__buf_reserve(&d->strings, d->len + d->len / 8 + 64);
    return rc ? rc : build_lines(d);
}

static int lower_comment(mfl_doc_t *d, mfl_range_t r) {
    if (d->n_comments == d->cap_comments) {
        size_t ncap = d->cap_comments ? d->cap_comments * 2 : 16;
        mfl_range_t *nc = mfl_realloc(d->comments, ncap * sizeof *nc);
        if (!nc) return MFL_ENOMEM;
        d->comments = nc;
        d->cap_comments = ncap;
    }
    d->comments[d->n_comments++] = r;
    return 0;
}

static int lower_raw(mfl_doc_t *d, lowering_t *lw, const mfl_raw_instr_t *raw) {
    if (lw->n + 2 > lw->cap) {
        size_t ncap = lw->cap ? lw->cap * 2 : 32;
        size_t *no = mfl_realloc(lw->offs, ncap * sizeof *no);
        if (!no) return MFL_ENOMEM;
        lw->offs = no;
        lw->cap = ncap;
    }
    int rc = lower_instruction(d, raw, &lw->offs[lw->n], &lw->offs[lw->n + 1]);
    if (rc == 0) lw->n += 2;
    return rc;
}

/* The arena is final: turn offsets into pointers. */
static int lower_end(mfl_doc_t *d, lowering_t *lw, int rc) {
    if (rc == 0) rc = mfl__buf_nul(&d->strings);
    if (rc == 0) {
        static const char empty[] = "";
        for (size_t i = 0; i < d->n_instrs; i++) {
            size_t no = lw->offs[2 * i], vo = lw->offs[2 * i + 1];
            d->instrs[i].name_text = no == SIZE_MAX ? empty : d->strings.data + no;
            d->instrs[i].value_text = vo == SIZE_MAX ? empty : d->strings.data + vo;
        }
    }
    mfl_free(lw->offs);
    return rc;
}

static int lower(mfl_doc_t *d) {
    init_symbols();
    lowering_t lw = {0};
    int rc = lower_begin(d);
    if (rc) return rc;
    TSNode root = ts_tree_root_node(d->tree);
    TSTreeCursor cur = ts_tree_cursor_new(root);
    if (ts_tree_cursor_goto_first_child(&cur)) {
        do {
            TSNode n = ts_tree_cursor_current_node(&cur);
            TSSymbol s = ts_node_symbol(n);
            if (s == sym.comment) {
                rc = lower_comment(d, node_range(n));
                continue;
            }
            for (int k = 0; k < MFL_INSTR__COUNT; k++) {
                if (s != sym.instr[k]) continue;
                mfl_raw_instr_t raw;
                node_to_raw(n, (mfl_instr_kind_t)k, &raw);
                rc = lower_raw(d, &lw, &raw);
                break;
            }
        } while (rc == 0 && ts_tree_cursor_goto_next_sibling(&cur));
    }
    ts_tree_cursor_delete(&cur);
    if (rc == 0) rc = collect_tree_errors(d, root);
    return lower_end(d, &lw, rc);
}

typedef struct {
    mfl_doc_t *d;
    lowering_t lw;
} scan_sink_t;

static int sink_instr(void *ud, const mfl_raw_instr_t *raw) {
    scan_sink_t *k = ud;
    return lower_raw(k->d, &k->lw, raw);
}

static int sink_comment(void *ud, mfl_range_t r) {
    scan_sink_t *k = ud;
    return lower_comment(k->d, r);
}

/* Lowering straight from the byte-level scanner (no tree). */
static int lower_fast(mfl_doc_t *d) {
    scan_sink_t k = {d, {0}};
    int rc = lower_begin(d);
    if (rc) return rc;
    rc = mfl__scan(d->text, d->len, sink_instr, sink_comment, &k);
    return lower_end(d, &k.lw, rc);
}

/* ---- public API -------------------------------------------------------------- */

/* A document over src. With owned (src itself, from mfl_malloc, len + 1
 * bytes), the document takes the buffer: as its text when no decoding would
 * change it, else it is freed once decoded. */
static mfl_doc_t *doc_new(const char *src, size_t len, bool decode, bool fast, char *owned) {
    mfl_doc_t *d = len > UINT32_MAX - 16 ? NULL : mfl_calloc(1, sizeof *d);
    if (!d) goto fail;
    if (owned && (!decode || mfl__sniff_encoding(src, len) == MFL_ENC_UTF8)) {
        d->enc = MFL_ENC_UTF8;
        d->text = owned;
        d->text[len] = '\0';
        d->len = len;
        owned = NULL;
    } else if (decode) {
        if (mfl__decode(src, len, &d->text, &d->len, &d->enc)) goto fail;
    } else {
        d->enc = MFL_ENC_UTF8;
        if (!(d->text = mfl_strndup(src, len))) goto fail;
        d->len = len;
    }
    mfl_free(owned);
    owned = NULL;
    if (fast) {
        /* No tree: mfl_doc_edit and mfl_doc_sexp build one when needed. */
        if (lower_fast(d)) goto fail;
        return d;
    }
    TSParser *p = get_thread_parser();
    if (!p) goto fail;
    d->tree = parse_text(p, NULL, d->text, d->len);
    if (!d->tree || lower(d)) goto fail;
    return d;
fail:
    mfl_free(owned);
    mfl_doc_free(d);
    return NULL;
}

mfl_doc_t *mfl_doc_new(const char *src, size_t len) { return doc_new(src, len, true, false, NULL); }

mfl_doc_t *mfl_doc_new_batch(const char *src, size_t len) {
    return doc_new(src, len, true, true, NULL);
}

mfl_doc_t *mfl_doc_new_batch_take(char *buf, size_t len) {
    return doc_new(buf, len, true, true, buf);
}

mfl_doc_t *mfl__doc_new_utf8(const char *text, size_t len) {
    return doc_new(text, len, false, true, NULL);
}

mfl_doc_t *mfl_doc_new_decoded(const char *text, size_t len) {
    return doc_new(text, len, false, true, NULL);
}

mfl_doc_t *mfl__doc_new_utf8_tree(const char *text, size_t len) {
    return doc_new(text, len, false, false, NULL);
}

void mfl_doc_free(mfl_doc_t *d) {
    if (!d) return;
    if (d->tree) ts_tree_delete(d->tree);
    if (d->parser) ts_parser_delete(d->parser);
    mfl_free(d->text);
    mfl_free(d->instrs);
    mfl_free(d->comments);
    mfl_free(d->errors);
    mfl_free(d->lines);
    mfl_free(d->strings.data);
    mfl_free(d);
}

static TSPoint point_at(const mfl_doc_t *d, uint32_t off) {
    uint32_t line, col;
    mfl_doc_position(d, off, &line, &col);
    TSPoint p = {line, col};
    return p;
}

int mfl_doc_edit(mfl_doc_t *d, uint32_t start, uint32_t old_end, const char *new_text,
                 size_t new_len) {
    if (start > old_end || old_end > d->len) return MFL_EINVAL;
    if (d->len - (old_end - start) + new_len > UINT32_MAX - 16) return MFL_EINVAL;
    if (!d->parser) {
        d->parser = ts_parser_new();
        if (!d->parser) return MFL_ENOMEM;
        if (!ts_parser_set_language(d->parser, tree_sitter_modelfile())) return MFL_EINVAL;
    }
    if (!d->tree) {
        /* A batch document has no tree yet: make the one to edit. */
        d->tree = parse_text(d->parser, NULL, d->text, d->len);
        if (!d->tree) return MFL_ENOMEM;
    }
    size_t nlen = d->len - (old_end - start) + new_len;
    char *nt = mfl_malloc(nlen + 1);
    if (!nt) return MFL_ENOMEM;
    memcpy(nt, d->text, start);
    if (new_len) memcpy(nt + start, new_text, new_len);
    memcpy(nt + start + new_len, d->text + old_end, d->len - old_end);
    nt[nlen] = '\0';

    TSInputEdit e;
    e.start_byte = start;
    e.old_end_byte = old_end;
    e.new_end_byte = (uint32_t)(start + new_len);
    e.start_point = point_at(d, start);
    e.old_end_point = point_at(d, old_end);
    e.new_end_point = e.start_point;
    for (size_t i = 0; i < new_len; i++) {
        char c = new_text[i];
        if (c == '\n' || (c == '\r' && !(i + 1 < new_len && new_text[i + 1] == '\n'))) {
            e.new_end_point.row++;
            e.new_end_point.column = 0;
        } else {
            e.new_end_point.column++;
        }
    }
    TSTree *old = ts_tree_copy(d->tree);
    if (!old) {
        mfl_free(nt);
        return MFL_ENOMEM;
    }
    ts_tree_edit(old, &e);
    TSTree *t = parse_text(d->parser, old, nt, nlen);
    ts_tree_delete(old);
    if (!t) {
        mfl_free(nt);
        return MFL_ENOMEM;
    }
    char *ot = d->text;
    size_t olen = d->len;
    TSTree *otree = d->tree;
    d->text = nt;
    d->len = nlen;
    d->tree = t;
    int rc = lower(d);
    if (rc) {
        /* Roll back to the previous text and tree. */
        ts_tree_delete(t);
        mfl_free(nt);
        d->text = ot;
        d->len = olen;
        d->tree = otree;
        int rc2 = lower(d);
        (void)rc2;
        return rc;
    }
    ts_tree_delete(otree);
    mfl_free(ot);
    return 0;
}

const char *mfl_doc_text(const mfl_doc_t *d, size_t *len) {
    assert(d);
    if (len) *len = d->len;
    return d->text;
}

mfl_encoding_t mfl_doc_encoding(const mfl_doc_t *d) { return d->enc; }

int mfl_doc_encode(const mfl_doc_t *d, const char *text, size_t len, char **out, size_t *out_len) {
    assert(d && (text || !len) && out && out_len);
    mfl_buf_t b = {0};
    int rc = 0;
    switch (d->enc) {
    case MFL_ENC_UTF8: rc = mfl__buf_put(&b, text, len); break;
    case MFL_ENC_UTF8_BOM:
        rc = mfl__buf_put(&b, "\xEF\xBB\xBF", 3);
        if (!rc) rc = mfl__buf_put(&b, text, len);
        break;
    case MFL_ENC_UTF16LE:
    case MFL_ENC_UTF16BE: {
        bool le = d->enc == MFL_ENC_UTF16LE;
        rc = mfl__buf_put(&b, le ? "\xFF\xFE" : "\xFE\xFF", 2);
        size_t i = 0;
        while (!rc && i < len) {
            uint32_t u = (uint32_t)mfl__utf8_next(text, len, &i);
            uint16_t units[2];
            int n = 1;
            if (u >= 0x10000) {
                u -= 0x10000;
                units[0] = (uint16_t)(0xD800 + (u >> 10));
                units[1] = (uint16_t)(0xDC00 + (u & 0x3FF));
                n = 2;
            } else {
                units[0] = (uint16_t)u;
            }
            for (int k = 0; k < n && !rc; k++) {
                char e[2];
                e[le ? 0 : 1] = (char)(units[k] & 0xFF);
                e[le ? 1 : 0] = (char)(units[k] >> 8);
                rc = mfl__buf_put(&b, e, 2);
            }
        }
        break;
    }
    }
    if (!rc) rc = mfl__buf_nul(&b);
    if (rc) {
        mfl_free(b.data);
        return rc;
    }
    *out = b.data;
    *out_len = b.len;
    return 0;
}

size_t mfl_doc_instr_count(const mfl_doc_t *d) { return d->n_instrs; }
const mfl_instr_t *mfl_doc_instr(const mfl_doc_t *d, size_t i) {
    return i < d->n_instrs ? &d->instrs[i] : NULL;
}
size_t mfl_doc_comment_count(const mfl_doc_t *d) { return d->n_comments; }
mfl_range_t mfl_doc_comment(const mfl_doc_t *d, size_t i) {
    assert(d && i < d->n_comments);
    return d->comments[i];
}
size_t mfl_doc_syntax_error_count(const mfl_doc_t *d) { return d->n_errors; }
const mfl_syntax_error_t *mfl_doc_syntax_error(const mfl_doc_t *d, size_t i) {
    return i < d->n_errors ? &d->errors[i] : NULL;
}

char *mfl_doc_sexp(const mfl_doc_t *d) {
    TSTree *t = d->tree;
    if (!t) {
        TSParser *p = get_thread_parser();
        t = p ? parse_text(p, NULL, d->text, d->len) : NULL;
        if (!t) return NULL;
    }
    char *s = ts_node_string(ts_tree_root_node(t));
    if (t != d->tree) ts_tree_delete(t);
    if (!s) return NULL;
    char *r = mfl_strndup(s, strlen(s));
    free(s);
    return r;
}

/* ---- tree-sitter queries ------------------------------------------------------ */

struct mfl_query {
    TSQuery *q;
};

mfl_query_t *mfl_query_new(const char *src, size_t len, uint32_t *err_offset) {
    if (err_offset) *err_offset = UINT32_MAX;
    if (len > UINT32_MAX) return NULL;
    mfl_query_t *mq = mfl_malloc(sizeof *mq);
    if (!mq) return NULL;
    uint32_t off = UINT32_MAX;
    TSQueryError err = TSQueryErrorNone;
    mq->q = ts_query_new(tree_sitter_modelfile(), src, (uint32_t)len, &off, &err);
    if (!mq->q) {
        if (err_offset && err != TSQueryErrorNone) *err_offset = off;
        mfl_free(mq);
        return NULL;
    }
    return mq;
}

void mfl_query_free(mfl_query_t *q) {
    if (!q) return;
    ts_query_delete(q->q);
    mfl_free(q);
}

/* The text of every node captured as `id` in the match must satisfy want:
 * compared with a string or with the first node of another capture (#eq?),
 * or matched against a regular expression (#match?). */
typedef struct {
    const mfl_doc_t *doc;
    const TSQueryMatch *m;
    mfl_regex_fn regex;
    void *regex_ud;
} pred_ctx_t;

static bool capture_text(const pred_ctx_t *c, uint32_t id, size_t *at, const char **text,
                         size_t *len) {
    for (size_t i = *at; i < c->m->capture_count; i++) {
        if (c->m->captures[i].index != id) continue;
        mfl_range_t r = node_range(c->m->captures[i].node);
        *text = c->doc->text + r.start;
        *len = r.end - r.start;
        *at = i + 1;
        return true;
    }
    return false;
}

static bool predicate_holds(const pred_ctx_t *c, const TSQuery *q, const TSQueryPredicateStep *st,
                            uint32_t n) {
    if (n < 3 || st[0].type != TSQueryPredicateStepTypeString ||
        st[1].type != TSQueryPredicateStepTypeCapture)
        return true;
    uint32_t oplen;
    const char *op = ts_query_string_value_for_id(q, st[0].value_id, &oplen);
    bool negate = strncmp(op, "not-", 4) == 0;
    const char *base = negate ? op + 4 : op;
    bool is_eq = strcmp(base, "eq?") == 0, is_match = strcmp(base, "match?") == 0;
    if (!is_eq && !is_match) return true; /* not ours to judge */
    const char *arg = NULL, *other = NULL;
    uint32_t arg_len = 0;
    size_t other_len = 0;
    if (st[2].type == TSQueryPredicateStepTypeString) {
        arg = ts_query_string_value_for_id(q, st[2].value_id, &arg_len);
    } else if (is_eq) {
        size_t at = 0;
        if (!capture_text(c, st[2].value_id, &at, &other, &other_len)) return true;
    } else {
        return true;
    }
    if (is_match && !c->regex) return false;
    size_t at = 0;
    const char *t;
    size_t tl;
    while (capture_text(c, st[1].value_id, &at, &t, &tl)) {
        bool ok;
        if (is_match)
            ok = c->regex(c->regex_ud, arg, t, tl);
        else if (arg)
            ok = tl == arg_len && memcmp(t, arg, tl) == 0;
        else
            ok = tl == other_len && memcmp(t, other, tl) == 0;
        if (ok == negate) return false;
    }
    return true;
}

static bool match_holds(const pred_ctx_t *c, const TSQuery *q) {
    uint32_t n;
    const TSQueryPredicateStep *st = ts_query_predicates_for_pattern(q, c->m->pattern_index, &n);
    uint32_t i = 0;
    while (i < n) {
        uint32_t j = i;
        while (j < n && st[j].type != TSQueryPredicateStepTypeDone) j++;
        if (!predicate_holds(c, q, st + i, j - i)) return false;
        i = j + 1;
    }
    return true;
}

int mfl_query_run(const mfl_query_t *q, const mfl_doc_t *doc, mfl_range_t within,
                  mfl_regex_fn regex, void *regex_ud, int (*fn)(void *ud, const mfl_capture_t *c),
                  void *ud) {
    TSTree *t = doc->tree;
    if (!t) {
        TSParser *p = get_thread_parser();
        t = p ? parse_text(p, NULL, doc->text, doc->len) : NULL;
        if (!t) return MFL_ENOMEM;
    }
    TSQueryCursor *cur = ts_query_cursor_new();
    if (!cur) {
        if (t != doc->tree) ts_tree_delete(t);
        return MFL_ENOMEM;
    }
    ts_query_cursor_set_byte_range(cur, within.start, within.end);
    ts_query_cursor_exec(cur, q->q, ts_tree_root_node(t));
    TSQueryMatch m;
    uint32_t ci;
    int rc = 0;
    while (rc == 0 && ts_query_cursor_next_capture(cur, &m, &ci)) {
        pred_ctx_t pc = {doc, &m, regex, regex_ud};
        if (!match_holds(&pc, q->q)) continue;
        const TSQueryCapture *cap = &m.captures[ci];
        uint32_t name_len;
        const char *name = ts_query_capture_name_for_id(q->q, cap->index, &name_len);
        mfl_capture_t c = {name, name_len, m.pattern_index, node_range(cap->node)};
        if (c.range.end <= within.start || c.range.start >= within.end) continue;
        rc = fn(ud, &c);
    }
    ts_query_cursor_delete(cur);
    if (t != doc->tree) ts_tree_delete(t);
    return rc;
}

const char *mfl_instr_command_name(mfl_instr_kind_t k) {
    static const char *const names[MFL_INSTR__COUNT] = {
#define MFL_INSTRUCTION(id, keyword, command, node, summary, meaning, repeats) command,
#include "mfl_instructions.def"
#undef MFL_INSTRUCTION
        NULL};
    return (unsigned)k < MFL_INSTR__COUNT ? names[k] : NULL;
}

const char *mfl_instr_keyword(mfl_instr_kind_t k) {
    static const char *const kws[MFL_INSTR__COUNT] = {
#define MFL_INSTRUCTION(id, keyword, command, node, summary, meaning, repeats) keyword,
#include "mfl_instructions.def"
#undef MFL_INSTRUCTION
        "?"};
    return (unsigned)k < MFL_INSTR__COUNT ? kws[k] : "?";
}

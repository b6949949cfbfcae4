/* SPDX-License-Identifier: MIT */
/* See frontends.h. */
#include "frontends.h"

#include "mfl.h"

#include <stdio.h>
#include <string.h>

static bool same_range(mfl_range_t a, mfl_range_t b) { return a.start == b.start && a.end == b.end; }

static bool docs_agree(const mfl_doc_t *t, const mfl_doc_t *b, char *why, size_t whysz);

/* The tree-sitter document against the byte-level one, made both ways: from
 * a copy (mfl_doc_new_batch) and from a buffer it takes (the CLI's way). */
bool mfl_test_frontends_agree(const char *src, size_t len, char *why, size_t whysz) {
    mfl_doc_t *t = mfl_doc_new(src, len), *b = mfl_doc_new_batch(src, len), *k = NULL;
    char *buf = mfl_malloc(len + 1);
    if (buf) {
        memcpy(buf, src, len);
        k = mfl_doc_new_batch_take(buf, len);
    }
    bool ok;
    if (!t || !b || !k) {
        snprintf(why, whysz, "out of memory");
        ok = false;
    } else if ((ok = docs_agree(t, b, why, whysz))) {
        size_t tl, kl;
        const char *tt = mfl_doc_text(t, &tl), *kt = mfl_doc_text(k, &kl);
        ok = docs_agree(t, k, why, whysz);
        if (ok && (tl != kl || memcmp(tt, kt, tl) != 0 || mfl_doc_encoding(t) != mfl_doc_encoding(k))) {
            snprintf(why, whysz, "the taken buffer's text or encoding differs");
            ok = false;
        }
    }
    mfl_doc_free(t);
    mfl_doc_free(b);
    mfl_doc_free(k);
    return ok;
}

static bool docs_agree(const mfl_doc_t *t, const mfl_doc_t *b, char *why, size_t whysz) {
    bool ok = true;
    if (mfl_doc_instr_count(t) != mfl_doc_instr_count(b)) {
        snprintf(why, whysz, "%zu instructions (tree-sitter) vs %zu (batch)", mfl_doc_instr_count(t),
                 mfl_doc_instr_count(b));
        ok = false;
        goto done;
    }
    for (size_t i = 0; i < mfl_doc_instr_count(t) && ok; i++) {
        const mfl_instr_t *x = mfl_doc_instr(t, i), *y = mfl_doc_instr(b, i);
        ok = x->kind == y->kind && same_range(x->range, y->range) &&
             same_range(x->keyword, y->keyword) && same_range(x->name, y->name) &&
             same_range(x->value, y->value) && same_range(x->content, y->content) &&
             x->quote == y->quote && x->has_sep == y->has_sep && x->has_name == y->has_name &&
             x->has_value_sep == y->has_value_sep && x->terminated == y->terminated &&
             x->line == y->line && x->name_len == y->name_len && x->value_len == y->value_len &&
             memcmp(x->name_text, y->name_text, x->name_len) == 0 &&
             memcmp(x->value_text, y->value_text, x->value_len) == 0;
        if (!ok)
            snprintf(why, whysz, "instruction %zu differs (kind %d/%d, value %u-%u/%u-%u, keyword %u-%u/%u-%u)",
                     i, x->kind, y->kind, x->value.start, x->value.end, y->value.start, y->value.end,
                     x->keyword.start, x->keyword.end, y->keyword.start, y->keyword.end);
    }
    if (ok && mfl_doc_comment_count(t) != mfl_doc_comment_count(b)) {
        snprintf(why, whysz, "%zu comments vs %zu", mfl_doc_comment_count(t), mfl_doc_comment_count(b));
        ok = false;
    }
    for (size_t i = 0; ok && i < mfl_doc_comment_count(t); i++)
        if (!same_range(mfl_doc_comment(t, i), mfl_doc_comment(b, i))) {
            snprintf(why, whysz, "comment %zu differs", i);
            ok = false;
        }
    if (ok && mfl_doc_syntax_error_count(t) != mfl_doc_syntax_error_count(b)) {
        snprintf(why, whysz, "%zu syntax errors vs %zu", mfl_doc_syntax_error_count(t),
                 mfl_doc_syntax_error_count(b));
        ok = false;
    }
    for (size_t i = 0; ok && i < mfl_doc_syntax_error_count(t); i++) {
        const mfl_syntax_error_t *x = mfl_doc_syntax_error(t, i), *y = mfl_doc_syntax_error(b, i);
        if (x->kind != y->kind || !same_range(x->range, y->range) || x->instr != y->instr) {
            snprintf(why, whysz, "syntax error %zu differs", i);
            ok = false;
        }
    }
done:
    return ok;
}

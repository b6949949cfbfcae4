/* SPDX-License-Identifier: MIT */
/* MF305 context-label-mismatch: a context-size label ("128k") in the FROM
 * tag, the file name, the `ollama create` name, the `ollama show` header or a
 * comment beside num_ctx disagrees with the num_ctx the model gets. A label
 * in a FROM file's path describes the base weights, not this model: at most
 * a warning, and nothing when the file's own header gives the context. */
#include "internal.h"
#include "knowledge/ctx_rules.h"

#include <stdio.h>
#include <string.h>

#define MAX_LABELS 8

/* The count to show for a label: "262k" and "256k" as 262144, "128k" as
 * 131072 (the power of two within 1 %), "200k" as 200000. */
static uint64_t label_value(const mfl_label_t *l) {
    for (uint32_t i = 0; i < l->n_values; i++) {
        for (uint64_t p = 1024; p && p <= (l->values[i] << 1); p <<= 1) {
            double d = (double)p - (double)l->values[i];
            if (d < 0) d = -d;
            if (d <= 0.01 * (double)p) return p;
        }
    }
    return l->values[0];
}

/* Where a label was found, for the message: what, then the item quoted
 * (formatted only when there is something to report), and how to rename it
 * when it promises less than the model gets. */
typedef enum {
    WHERE_FROM,
    WHERE_FROM_PATH,
    WHERE_FILE,
    WHERE_CREATE,
    WHERE_SHOW,
    WHERE_COMMENT
} where_kind_t;

typedef struct {
    const char *what;  /* before the quotes */
    const char *inner; /* inside them, before the item */
    const char *item;
    int item_len;
    where_kind_t kind;
} where_t;

/* "256k" for 262144 (binary k, as Ollama's app shows it), else the count. */
static void label_for(uint64_t ctx, char *buf, size_t n) {
    if (ctx % 1024 == 0)
        snprintf(buf, n, "%lluk", (unsigned long long)(ctx / 1024));
    else
        snprintf(buf, n, "%llu", (unsigned long long)ctx);
}

/* item with the label at [ls, le) replaced by repl. */
static void renamed(const where_t *wh, uint32_t ls, uint32_t le, const char *repl, char *buf,
                    size_t n) {
    snprintf(buf, n, "%.*s%s%.*s", (int)ls, wh->item, repl, (int)(wh->item_len - (int)le),
             wh->item + le);
}

/* Reports every label in text[0..len) (at document offset base, or outside
 * the document when base is UINT32_MAX) that disagrees with f->ctx. */
static void check_text(mfl_ctx_t *ctx, const mfl_ctx_facts_t *f, const char *text, size_t len,
                       uint32_t base, where_t wh, bool is_from) {
    mfl_label_t labels[MAX_LABELS];
    size_t n = mfl_label_scan(text, len, labels, MAX_LABELS);
    if (n > MAX_LABELS) n = MAX_LABELS;
    /* What the model gets: Ollama clamps to the native context (known
     * exactly; an assumed one is not trusted to clamp). */
    uint64_t gets = f->exact && f->native && f->ctx > f->native ? f->native : f->ctx;
    for (size_t i = 0; i < n; i++) {
        const mfl_label_t *l = &labels[i];
        if (mfl_label_agrees(l, gets)) continue;
        /* A FROM label that describes the parent's own num_ctx is accurate;
         * overriding it here is deliberate (the MF303 fix does exactly that). */
        if (is_from && f->model && f->model->has_inherited_num_ctx &&
            f->model->inherited_num_ctx > 0 &&
            mfl_label_agrees(l, (uint64_t)f->model->inherited_num_ctx))
            continue;
        uint64_t lv = label_value(l);
        char tok[32], where[320];
        mfl__ctx_tokens(lv, tok, sizeof tok);
        snprintf(where, sizeof where, "%s`%s%.*s`", wh.what, wh.inner,
                 wh.item_len > 256 ? 256 : wh.item_len, wh.item);
        int ll = (int)(l->end - l->start);
        const char *lt = text + l->start;
        const char *src =
            f->ctx_source == MFL_CTX_SRC_PARAMETER ? "PARAMETER num_ctx" : "inherited from FROM";
        mfl_diag_t *d;
        if (wh.kind == WHERE_FROM_PATH) {
            /* Someone else's file name, about the base weights (often the
             * context they were trained at): no promise about this model.
             * A hint to check num_ctx against the real figure, never an
             * error. */
            d = mfl_report(ctx, mfl__ctx_range(f),
                           "%s says %.*s (%s tokens) but num_ctx is %llu (%s): the label describes "
                           "the base model, not this one; %s",
                           where, ll, lt, tok, (unsigned long long)f->ctx, src,
                           lv > gets ? "if the model reads that much, this num_ctx uses less of it"
                                     : "if that is all the model reads, this num_ctx goes past it");
            mfl__diag_soften(ctx, d, MFL_SEVERITY_WARNING);
        } else if (lv > gets) {
            /* The name promises more than the model gets: an error. */
            d = mfl_report(ctx, mfl__ctx_range(f),
                           "%s says %.*s (%s tokens) but num_ctx is %llu "
                           "(%s)%s",
                           where, ll, lt, tok, (unsigned long long)f->ctx, src,
                           gets < f->ctx ? ", clamped to the native context" : "");
        } else {
            /* It promises less: true but stale. A warning that says how to
             * rename, never an error that blocks the fix that raised it. */
            char newlabel[32], hint[400] = "";
            label_for(gets, newlabel, sizeof newlabel);
            /* text and the item start at the same place (the item is text, or
             * FROM's value as Ollama reads it). */
            char nn[300];
            if (l->end <= (uint32_t)wh.item_len)
                renamed(&wh, l->start, l->end, newlabel, nn, sizeof nn);
            else
                snprintf(nn, sizeof nn, "%.*s", wh.item_len, wh.item);
            switch (wh.kind) {
            case WHERE_CREATE:
            case WHERE_SHOW:
                snprintf(hint, sizeof hint,
                         "; rename the model with `ollama cp %.*s %s` (then `ollama rm %.*s`) and "
                         "update this comment",
                         wh.item_len, wh.item, nn, wh.item_len, wh.item);
                break;
            case WHERE_FILE:
                snprintf(hint, sizeof hint,
                         "; rename the file to `%s` (and the model built from "
                         "it with `ollama cp`)",
                         nn);
                break;
            case WHERE_FROM:
            case WHERE_FROM_PATH:
                snprintf(hint, sizeof hint, "; the parent's name undersells it");
                break;
            case WHERE_COMMENT: snprintf(hint, sizeof hint, "; update the comment"); break;
            }
            d = mfl_report(ctx, mfl__ctx_range(f),
                           "%s says %.*s (%s tokens) but num_ctx is %llu (%s): the name promises "
                           "less than the model gets%s",
                           where, ll, lt, tok, (unsigned long long)f->ctx, src, hint);
            mfl__diag_soften(ctx, d, MFL_SEVERITY_WARNING);
        }
        if (base != UINT32_MAX) {
            mfl_range_t r = {base + l->start, base + l->end};
            mfl_diag_related(ctx, d, r, "context label `%.*s`", ll, lt);
        }
    }
}

/* A free-text comment beside num_ctx is a label only when nothing in it
 * agrees with num_ctx: "8k or 16k", "256K native; 131072 needs no YaRN" and
 * comments about the model's native context describe, they do not label. */
static bool comment_agrees(const mfl_ctx_facts_t *f, const char *s, size_t n) {
    mfl_label_t labels[MAX_LABELS];
    size_t k = mfl_label_scan(s, n, labels, MAX_LABELS);
    for (size_t i = 0; i < k && i < MAX_LABELS; i++)
        if (mfl_label_agrees(&labels[i], f->ctx)) return true;
    for (size_t i = 0; i < n; i++) {
        if (i + 6 <= n && strncasecmp_ascii(s + i, "native", 6) == 0) return true;
        if (s[i] >= '0' && s[i] <= '9' && (i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9'))) {
            unsigned long long v = 0;
            size_t j = i;
            while (j < n && s[j] >= '0' && s[j] <= '9' && v < 100000000ull)
                v = v * 10 + (unsigned)(s[j++] - '0');
            double d = (double)v - (double)f->ctx;
            if (v >= 512 && (d < 0 ? -d : d) <= 0.03 * (double)f->ctx) return true;
        }
    }
    return false;
}

static bool starts_with(const char *s, size_t n, const char *p) {
    size_t pl = strlen(p);
    return n >= pl && strncmp(s, p, pl) == 0;
}

/* The word after "ollama create" in a comment, or NULL. */
static const char *create_name(const char *s, size_t n, size_t *wl) {
    for (size_t i = 0; i + 13 < n; i++) {
        if (s[i] != 'o' || memcmp(s + i, "ollama create", 13) != 0) continue;
        size_t j = i + 13;
        while (j < n && (s[j] == ' ' || s[j] == '\t')) j++;
        size_t k = j;
        while (k < n && s[k] != ' ' && s[k] != '\t' && s[k] != '\r' && s[k] != '\n') k++;
        if (k > j) {
            *wl = k - j;
            return s + j;
        }
    }
    return NULL;
}

static void check_comments(mfl_ctx_t *ctx, const mfl_ctx_facts_t *f) {
    uint32_t param_line = UINT32_MAX, c;
    if (f->param) mfl_doc_position(ctx->doc, f->param->range.start, &param_line, &c);
    for (size_t i = 0; i < mfl_doc_comment_count(ctx->doc); i++) {
        mfl_range_t r = mfl_doc_comment(ctx->doc, i);
        size_t n;
        const char *s = mfl_doc_slice(ctx->doc, r, &n);
        size_t wl;
        const char *w = create_name(s, n, &wl);
        if (w) {
            where_t wh = {"", "ollama create ", w, (int)wl, WHERE_CREATE};
            check_text(ctx, f, w, wl, r.start + (uint32_t)(w - s), wh, false);
            continue;
        }
        if (starts_with(s, n, "# FROM ")) {
            /* The `ollama show` header: "# FROM <short name>". */
            where_t wh = {"the `ollama show` header's ", "", s + 7, (int)(n - 7), WHERE_SHOW};
            check_text(ctx, f, s + 7, n - 7, r.start + 7, wh, false);
            continue;
        }
        uint32_t line;
        mfl_doc_position(ctx->doc, r.start, &line, &c);
        if (param_line != UINT32_MAX && (line + 1 == param_line || line == param_line + 1) &&
            !comment_agrees(f, s, n)) {
            where_t wh = {"the comment ", "", s, (int)n, WHERE_COMMENT};
            check_text(ctx, f, s, n, r.start, wh, false);
        }
    }
}

static void check(mfl_ctx_t *ctx) {
    mfl_ctx_facts_t f;
    mfl__ctx_facts(ctx, &f);
    if (!f.explicit_ctx) return;
    /* A FROM path whose header gave the native context exactly: MF301 and
     * MF304 compare num_ctx with the real figure, the file's label adds
     * nothing. */
    bool is_path = f.from && !mfl__ctx_from(ctx)->is_name;
    if (f.from && f.from->value_len && !(is_path && f.exact && f.native)) {
        size_t n;
        const char *s = mfl_doc_slice(ctx->doc, f.from->content, &n);
        where_t wh = {is_path ? "the FROM file name " : "FROM ", "", f.model_name,
                      (int)strlen(f.model_name), is_path ? WHERE_FROM_PATH : WHERE_FROM};
        check_text(ctx, &f, s, n, f.from->content.start, wh, true);
    }
    if (ctx->opts->path) {
        const char *base = strrchr(ctx->opts->path, '/');
        base = base ? base + 1 : ctx->opts->path;
        where_t wh = {"the file name ", "", base, (int)strlen(base), WHERE_FILE};
        check_text(ctx, &f, base, strlen(base), UINT32_MAX, wh, false);
    }
    check_comments(ctx, &f);
}

const mfl_rule_t mfl_rule_context_label_mismatch = {
    .code = "MF305",
    .name = "context-label-mismatch",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_NONE,
    .category = "context",
    .summary = "A context label such as 128k disagrees with num_ctx",
    .doc = "## What it does\n"
           "Finds context-size labels (`128k`, `262K`, `1m`, `ctx8192`) in the FROM tag, the "
           "file name (`Modelfile.v-128k`, `coder-128k.modelfile`), a `# ollama create NAME` "
           "comment, the `# FROM name` line of an `ollama show` header and a comment on the line "
           "before or after `PARAMETER num_ctx`, and compares them with the effective `num_ctx` "
           "(this file's, or the one inherited from the FROM model). `k` may mean 1000 or 1024 "
           "and a label agrees within 3 %, so `256k`, `262k` and 262144 all agree. Quantisation "
           "tags (`q4_K_M`), sizes (`30b`, `a3b`, `8x7b`) and versions are never labels.\n\n"
           "A label in a FROM file's path (`FROM ./model-16k.q5_k_m.gguf`) names the base "
           "weights, often the context they were trained at; it is no promise about this model, "
           "so it is only a warning, and nothing when the file's header gives the native context "
           "(MF301 and MF304 then compare `num_ctx` with the real figure).\n\n"
           "A label that promises more than the model gets (`coder-256k` capped at 131072) is an "
           "error. A label that promises less (`v-128k` after `num_ctx` was raised to 262144) "
           "is a warning that says how to rename the model (`ollama cp`), so it never blocks "
           "the fix that raised the context.\n\n"
           "## Why is this bad?\n"
           "Names are how people choose a model. A model called `coder-256k` that runs with "
           "131072 tokens misleads everyone who picks it; a `v-128k` that reads 262,144 "
           "undersells itself. The mismatch usually means one side was edited and the other "
           "forgotten.\n\n"
           "## Example\n```\n# ollama create coder-128k\nFROM qwen3-coder:30b\n"
           "PARAMETER num_ctx 262144\n```\n\n"
           "Use instead:\n```\n# ollama create coder-256k\nFROM qwen3-coder:30b\n"
           "PARAMETER num_ctx 262144\n```\n",
    .check = check,
};

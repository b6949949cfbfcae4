/* SPDX-License-Identifier: MIT */
/* textDocument/completion: keywords, roles, parameter names and values,
 * models (installed and known), and template names inside {{ }}. */
#include "handlers.h"

#include "docs.h"
#include "knowledge.h"
#include "mfl_knowledge.h"
#include "mfl_params.h"
#include "mfl_template.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ---- completion ------------------------------------------------------------------------ */

enum {
    KIND_PROPERTY = 10,
    KIND_VALUE = 12,
    KIND_ENUM_MEMBER = 20,
    KIND_KEYWORD = 14,
    KIND_MODULE = 9,
    KIND_FUNCTION = 3,
    KIND_VARIABLE = 6
};

static json_t *item_new(lsp_server_t *s, lsp_doc_t *d, const char *label, int kind,
                        const char *detail, const char *doc, mfl_range_t replace,
                        const char *sort) {
    json_t *it =
        json_pack("{s:s,s:i,s:o}", "label", label, "kind", kind, "textEdit",
                  lsp_convert_text_edit_new(d->doc, s->enc, replace, label, strlen(label)));
    if (!it) return NULL;
    if (detail) json_object_set_new(it, "detail", json_string(detail));
    if (doc)
        json_object_set_new(it, "documentation", lsp_markup(s, s->caps.completion_markdown, doc));
    if (sort) json_object_set_new(it, "sortText", json_string(sort));
    return it;
}

static bool is_word(char c) {
    return isalnum((unsigned char)c) || c == '_' || c == '.' || c == '-' || c == ':' || c == '/';
}

static void complete_template(lsp_server_t *s, lsp_doc_t *d, json_t *items, mfl_range_t rep) {
    for (size_t i = 0; i < mfl_tmpl_name_count(); i++) {
        const mfl_tmpl_name_t *t = mfl_tmpl_name_at(i);
        char label[64];
        bool field = t->kind == MFL_TMPL_VARIABLE || t->kind == MFL_TMPL_MESSAGE_FIELD;
        snprintf(label, sizeof label, "%s%s", field ? "." : "", t->name);
        json_array_append_new(items, item_new(s, d, label,
                                              t->kind == MFL_TMPL_FUNCTION  ? KIND_FUNCTION
                                              : t->kind == MFL_TMPL_KEYWORD ? KIND_KEYWORD
                                                                            : KIND_VARIABLE,
                                              t->detail, NULL, rep, NULL));
    }
}

typedef struct {
    lsp_server_t *s;
    lsp_doc_t *d;
    json_t *items;
    mfl_range_t rep;
} model_items_t;

static void add_store_model(void *ud, const char *name) {
    model_items_t *m = ud;
    char detail[160], sort[300];
    const mfl_table_entry_t *e = mfl_table_find(name, strlen(name), NULL);
    if (e)
        snprintf(detail, sizeof(detail), "installed · %s · native context %" PRIu64, e->display,
                 e->ctx);
    else
        snprintf(detail, sizeof(detail), "installed");
    /* Installed models sort before the data's. */
    snprintf(sort, sizeof(sort), "0%s", name);
    json_array_append_new(m->items,
                          item_new(m->s, m->d, name, KIND_MODULE, detail, NULL, m->rep, sort));
}

static bool has_label(json_t *items, const char *label) {
    size_t i;
    json_t *it;
    json_array_foreach(items, i, it) {
        if (strcmp(json_string_value(json_object_get(it, "label")), label) == 0) return true;
    }
    return false;
}

/* Models after FROM: the installed ones first, then the data's. While the
 * word has no ':' the data gives one item per family (what the bare name
 * pulls); after "family:" it gives that family's tags. Listing every tag at
 * once would send about 1.5 MB per request (4,936 tags). Both lists are marked
 * incomplete, so the client asks again as the user types; ':' is a trigger
 * character. The families the library has only as cloud models come as the
 * cloud name to write (`glm-5:cloud`). Returns the value of isIncomplete. */
static bool complete_models(lsp_server_t *s, lsp_doc_t *d, json_t *items, mfl_range_t rep) {
    model_items_t m = {s, d, items, rep};
    mfl_io_env_list_models(s->io_env, add_store_model, &m);
    size_t installed = json_array_size(items);
    size_t len;
    const char *word = mfl_doc_text(d->doc, &len) + rep.start;
    size_t wlen = rep.end - rep.start;
    const char *colon = memchr(word, ':', wlen);
    char detail[160], sort[300], name[200];
    for (size_t i = 0; i < mfl_table_count(); i++) {
        const mfl_table_entry_t *e = mfl_table_at(i);
        size_t flen = strlen(e->family);
        if (!colon) {
            if (has_label(items, e->family)) continue; /* one item per family */
            const mfl_data_tag_t *t = NULL;
            const mfl_table_entry_t *latest = mfl_table_find(e->family, flen, &t);
            size_t tags = 0;
            for (size_t j = i; j < mfl_table_count(); j++)
                if (strcmp(mfl_table_at(j)->family, e->family) == 0)
                    tags += mfl_table_at(j)->n_tags;
            if (latest)
                snprintf(detail, sizeof(detail), "%s · native context %" PRIu64 " · %zu tags",
                         latest->display, latest->ctx, tags);
            else
                snprintf(detail, sizeof(detail), "%zu tags, no latest: type ':' for them", tags);
            snprintf(sort, sizeof(sort), "1%s", e->family);
            json_array_append_new(
                items, item_new(s, d, e->family, KIND_MODULE, detail, e->family_note, rep, sort));
            continue;
        }
        /* After "family:": the tags of that family, exactly as listed. */
        if ((size_t)(colon - word) != flen || strncasecmp(word, e->family, flen) != 0) continue;
        for (size_t k = 0; k < e->n_tags; k++) {
            snprintf(name, sizeof(name), "%s:%s", e->family, e->tags[k].tag);
            if (installed && has_label(items, name)) continue;
            snprintf(detail, sizeof(detail), "%s · native context %" PRIu64, e->display, e->ctx);
            snprintf(sort, sizeof(sort), "1%s", name);
            json_array_append_new(
                items, item_new(s, d, name, KIND_MODULE, detail, e->family_note, rep, sort));
        }
    }
    /* The families the library has only as cloud models: their cloud name. */
    for (size_t i = 0; i < mfl_table_cloud_count(); i++) {
        const mfl_cloud_family_t *c = mfl_table_cloud_at(i);
        size_t flen = strlen(c->family);
        if (colon && ((size_t)(colon - word) != flen || strncasecmp(word, c->family, flen) != 0))
            continue;
        bool listed = mfl_cloud_family_name(c, name, sizeof(name));
        if (has_label(items, name)) continue;
        snprintf(detail, sizeof(detail), "cloud model: runs on ollama.com, no local weights%s",
                 listed ? "" : " (Ollama 0.18.0 and later)");
        snprintf(sort, sizeof(sort), "1%s", name);
        json_array_append_new(items, item_new(s, d, name, KIND_MODULE, detail, NULL, rep, sort));
    }
    return true;
}

static void complete_num_ctx(lsp_server_t *s, lsp_doc_t *d, json_t *items, mfl_range_t rep) {
    static const uint64_t common[] = {2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144};
    mfl_model_t m;
    bool known = lsp_doc_model(s, d, &m) && m.native_ctx > 0;
    mfl_budget_t budget;
    const mfl_budget_t *b = lsp_doc_budget(s, d, &budget);
    char label[32], detail[256], sort[16];
    int n = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < (pass ? sizeof(common) / sizeof(common[0]) : 1); i++) {
            uint64_t v = pass ? common[i] : (known ? m.native_ctx : 0);
            if (v == 0 || (pass && known && (v == m.native_ctx || v > m.native_ctx))) continue;
            snprintf(label, sizeof(label), "%" PRIu64, v);
            mfl_mem_t mem;
            char total[64];
            if (known && mfl_mem_estimate(&m, v, b, &mem) == 0)
                snprintf(detail, sizeof(detail), "%smemory %s", pass ? "" : "native context · ",
                         mfl_fmt_bytes(mem.total, total, sizeof(total)));
            else
                snprintf(detail, sizeof(detail), "%s", pass ? "context window" : "native context");
            snprintf(sort, sizeof(sort), "%02d", n++);
            json_array_append_new(items,
                                  item_new(s, d, label, KIND_VALUE, detail, NULL, rep, sort));
        }
    }
}

json_t *lsp_on_completion(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    uint32_t off;
    lsp_doc_t *d = lsp_doc_at(s, params, &off, err);
    if (!d) return NULL;
    size_t len;
    const char *text = mfl_doc_text(d->doc, &len);
    json_t *items = json_array();
    uint32_t ws = off;
    while (ws > 0 && is_word(text[ws - 1])) ws--;
    mfl_range_t rep = {ws, off};
    /* Inside a TEMPLATE action: variables and functions. */
    const mfl_instr_t *in = lsp_instr_at(d->doc, off);
    if (in && in->kind == MFL_INSTR_TEMPLATE && lsp_in_range(in->value, off)) {
        uint32_t open = UINT32_MAX, close = UINT32_MAX;
        for (uint32_t p = off; p > in->value.start + 1; p--) {
            if (close == UINT32_MAX && text[p - 1] == '}' && text[p - 2] == '}') close = p;
            if (text[p - 1] == '{' && text[p - 2] == '{') {
                open = p;
                break;
            }
        }
        if (open != UINT32_MAX && close == UINT32_MAX) complete_template(s, d, items, rep);
        return json_pack("{s:b,s:o}", "isIncomplete", 0, "items", items);
    }
    /* Otherwise the words of the line before the cursor decide. */
    uint32_t line, col;
    mfl_doc_position(d->doc, off, &line, &col);
    mfl_range_t lr = mfl_doc_line_range(d->doc, line);
    const char *p = text + lr.start, *e = text + off;
    const char *words[3] = {NULL, NULL, NULL};
    size_t wlen[3] = {0, 0, 0}, nw = 0;
    while (p < e) {
        while (p < e && (*p == ' ' || *p == '\t')) p++;
        if (p >= e) break;
        const char *w = p;
        while (p < e && *p != ' ' && *p != '\t') p++;
        if (nw < 3) {
            words[nw] = w;
            wlen[nw] = (size_t)(p - w);
        }
        nw++;
    }
    bool typing = ws < off;              /* the cursor ends a partial word */
    size_t index = typing ? nw - 1 : nw; /* which word the cursor is on */
    if (nw > 0 && words[0][0] == '#')
        return json_pack("{s:b,s:o}", "isIncomplete", 0, "items", items);
    if (index == 0) {
        for (int k = 0; k < MFL_INSTR_UNKNOWN; k++) {
            const lsp_keyword_doc_t *kd = lsp_docs_keyword((mfl_instr_kind_t)k);
            if (kd) {
                char *doc = lsp_docs_keyword_text(kd, s->caps.completion_markdown);
                json_array_append_new(
                    items, item_new(s, d, kd->keyword, KIND_KEYWORD, kd->summary, doc, rep, NULL));
                mfl_free(doc);
            }
        }
    } else if (wlen[0] == 4 && strncasecmp(words[0], "FROM", 4) == 0 && index == 1) {
        bool incomplete = complete_models(s, d, items, rep);
        return json_pack("{s:b,s:o}", "isIncomplete", incomplete, "items", items);
    } else if (wlen[0] == 7 && strncasecmp(words[0], "MESSAGE", 7) == 0 && index == 1) {
        static const char *const roles[] = {"system", "user", "assistant"};
        for (size_t k = 0; k < 3; k++)
            json_array_append_new(
                items, item_new(s, d, roles[k], KIND_ENUM_MEMBER, "role", NULL, rep, NULL));
    } else if (wlen[0] == 9 && strncasecmp(words[0], "PARAMETER", 9) == 0 && index == 1) {
        for (size_t k = 0; k < mfl_param_count(); k++) {
            const mfl_param_t *pd = mfl_param_at(k);
            if (mfl_param_status(pd) != MFL_PARAM_ACTIVE) continue;
            char *doc = lsp_param_text(pd, s->caps.completion_markdown);
            json_array_append_new(
                items, item_new(s, d, pd->name, KIND_PROPERTY,
                                pd->kind == MFL_PARAM_LOAD ? "load-time option" : "sampling option",
                                doc, rep, NULL));
            mfl_free(doc);
        }
    } else if (wlen[0] == 9 && strncasecmp(words[0], "PARAMETER", 9) == 0 && index == 2) {
        const mfl_param_t *pd = mfl_param_find(words[1], wlen[1]);
        if (pd && pd->type == MFL_PARAM_BOOL) {
            json_array_append_new(items,
                                  item_new(s, d, "true", KIND_VALUE, "bool", NULL, rep, NULL));
            json_array_append_new(items,
                                  item_new(s, d, "false", KIND_VALUE, "bool", NULL, rep, NULL));
        } else if (pd && strcmp(pd->name, "num_ctx") == 0) {
            complete_num_ctx(s, d, items, rep);
        }
    }
    return json_pack("{s:b,s:o}", "isIncomplete", 0, "items", items);
}

/* SPDX-License-Identifier: MIT */
/* Custom requests that hand the core's model knowledge to a client as
 * numbers (the web playground draws them; see playground/ and
 * lsp/README.md "Custom requests"). Every figure is the core's: the model
 * behind FROM by the resolver the rules use, the effective num_ctx
 * (mfl_doc_effective_ctx), mfl_info_compute, mfl_mem_estimate at any
 * context, mfl_mem_max_ctx, the hardware profiles and the built-in model
 * data. Nothing is computed here but the JSON. */
#include "knowledge.h"

#include "mfl_knowledge.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* #match? predicates: the C library's POSIX regular expressions, or on
 * Windows (whose C runtime has none) PCRE2's POSIX API, which CMake links
 * there and announces with MFL_LSP_PCRE2_POSIX. */
#if defined(MFL_LSP_PCRE2_POSIX)
#include <pcre2posix.h>
#define LSP_HAVE_REGEX 1
#elif defined(__has_include)
#if __has_include(<regex.h>)
#include <regex.h>
#define LSP_HAVE_REGEX 1
#endif
#endif

#define MAX_CONTEXTS 1024

static const mfl_kv_type_t kv_types[] = {MFL_KV_F16, MFL_KV_Q8_0, MFL_KV_Q4_0};

static json_t *invalid(lsp_error_t *err, const char *why) {
    err->code = LSP_INVALID_PARAMS;
    err->message = why;
    return NULL;
}

/* Unknown (0) is null. */
static json_t *num_or_null(uint64_t v) { return v ? json_integer((json_int_t)v) : json_null(); }

static json_t *real_or_null(double v) { return v > 0 && isfinite(v) ? json_real(v) : json_null(); }

static json_t *str_or_null(const char *s) { return s && s[0] ? json_string(s) : json_null(); }

static const char *ctx_source_id(mfl_ctx_source_t s) {
    switch (s) {
    case MFL_CTX_SRC_PARAMETER: return "parameter";
    case MFL_CTX_SRC_INHERITED: return "inherited";
    case MFL_CTX_SRC_SERVER_ENV: return "server-env";
    case MFL_CTX_SRC_DEFAULT: break;
    }
    return "default";
}

/* A model's figures and where they came from. */
static json_t *model_json(const mfl_model_t *m) {
    json_t *o = json_object();
    if (!o) return NULL;
    const char *ft = m->file_type == UINT32_MAX ? NULL : mfl_gguf_file_type_name(m->file_type);
    json_object_set_new(o, "name", str_or_null(m->name));
    json_object_set_new(o, "arch", str_or_null(m->arch));
    json_object_set_new(o, "source", json_string(mfl_source_name(m->source)));
    json_object_set_new(o, "sourceDetail", str_or_null(m->source_detail));
    json_object_set_new(o, "nativeCtx", num_or_null(m->native_ctx));
    json_object_set_new(o, "ggufCtx", num_or_null(m->gguf_ctx));
    json_object_set_new(o, "note", str_or_null(m->ctx_note));
    json_object_set_new(o, "layers", num_or_null(m->n_layers));
    json_object_set_new(o, "heads", num_or_null(m->n_head));
    json_object_set_new(o, "kvHeads", num_or_null(m->n_kv_head_max));
    json_object_set_new(o, "keyLength", num_or_null(m->key_length));
    json_object_set_new(o, "valueLength", num_or_null(m->value_length));
    json_object_set_new(o, "embeddingLength", num_or_null(m->embedding_length));
    json_object_set_new(o, "slidingWindow", num_or_null(m->sliding_window));
    json_object_set_new(o, "windowedLayers", num_or_null(m->n_swa_layers));
    json_object_set_new(o, "mla", json_boolean(m->mla));
    json_object_set_new(o, "experts", num_or_null(m->expert_count));
    json_object_set_new(o, "expertsUsed", num_or_null(m->expert_used_count));
    json_object_set_new(o, "params", num_or_null(m->params_total));
    json_object_set_new(o, "activeParams", num_or_null(m->params_active));
    json_object_set_new(o, "weights", num_or_null(m->weight_bytes));
    json_object_set_new(o, "fileType", str_or_null(ft));
    json_object_set_new(o, "embedding", json_boolean(m->is_embedding));
    json_object_set_new(o, "inheritedNumCtx",
                        m->has_inherited_num_ctx ? json_integer((json_int_t)m->inherited_num_ctx)
                                                 : json_null());
    json_object_set_new(o, "inheritedFrom", str_or_null(m->inherited_from));
    json_object_set_new(o, "error", str_or_null(m->error));
    return o;
}

static json_t *budget_json(const mfl_budget_t *b) {
    static const mfl_budget_t none;
    mfl_kv_type_t t;
    if (!b) b = &none;
    mfl_kv_type_parse(b->kv_cache_type, &t);
    return json_pack("{s:o,s:o,s:o,s:o,s:o,s:I,s:s,s:o}", "memory", num_or_null(b->memory_budget),
                     "hardware", str_or_null(b->hardware), "bandwidth", real_or_null(b->bandwidth),
                     "prefillRate", real_or_null(b->prefill_rate), "clientTimeout",
                     real_or_null(b->client_timeout), "numParallel",
                     (json_int_t)(b->num_parallel ? b->num_parallel : 1), "kvCacheType",
                     mfl_kv_type_name(t), "serverDefaultCtx", num_or_null(b->server_default_ctx));
}

static json_t *mem_json(const mfl_mem_t *m) {
    return json_pack("{s:I,s:s,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:b}", "ctx", (json_int_t)m->ctx,
                     "kvType", mfl_kv_type_name(m->kv_type), "numParallel",
                     (json_int_t)m->num_parallel, "kvPerToken", (json_int_t)m->kv_per_token, "kv",
                     (json_int_t)m->kv_bytes, "kvWindowed", (json_int_t)m->kv_swa_bytes, "weights",
                     (json_int_t)m->weights, "compute", (json_int_t)m->compute, "runtime",
                     (json_int_t)m->runtime, "total", (json_int_t)m->total, "kvUpperBound",
                     m->kv_upper_bound);
}

/* The budget b with another KV cache type. */
static mfl_budget_t with_kv_type(const mfl_budget_t *b, mfl_kv_type_t t) {
    mfl_budget_t c;
    if (b)
        c = *b;
    else
        memset(&c, 0, sizeof c);
    snprintf(c.kv_cache_type, sizeof c.kv_cache_type, "%s", mfl_kv_type_name(t));
    return c;
}

/* Memory and prefill time at each requested context, for every cache type. */
static json_t *curve_json(const mfl_model_t *m, const mfl_budget_t *b, json_t *contexts) {
    json_t *pts = json_array();
    size_t i;
    json_t *v;
    json_array_foreach(contexts, i, v) {
        uint64_t ctx = (uint64_t)json_integer_value(v);
        json_t *kv = json_object(), *total = json_object();
        mfl_mem_t mem = {0};
        bool any = false;
        for (size_t k = 0; k < sizeof kv_types / sizeof kv_types[0]; k++) {
            mfl_budget_t bt = with_kv_type(b, kv_types[k]);
            if (mfl_mem_estimate(m, ctx, &bt, &mem) != 0) continue;
            any = true;
            json_object_set_new(kv, mfl_kv_type_name(kv_types[k]),
                                json_integer((json_int_t)mem.kv_bytes));
            json_object_set_new(total, mfl_kv_type_name(kv_types[k]),
                                json_integer((json_int_t)mem.total));
        }
        json_t *p = json_pack("{s:I,s:o,s:o,s:o}", "ctx", (json_int_t)ctx, "kv", kv, "total", total,
                              "prefillSeconds", real_or_null(mfl_mem_prefill_seconds(ctx, b)));
        if (any) {
            /* Weights, compute and runtime do not depend on the cache type. */
            json_object_set_new(p, "usedCtx", json_integer((json_int_t)mem.ctx));
            json_object_set_new(p, "weights", json_integer((json_int_t)mem.weights));
            json_object_set_new(p, "compute", json_integer((json_int_t)mem.compute));
            json_object_set_new(p, "runtime", json_integer((json_int_t)mem.runtime));
        }
        json_array_append_new(pts, p);
    }
    return pts;
}

json_t *lsp_on_context(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    lsp_doc_t *d = lsp_server_doc(s, params);
    if (!d) return invalid(err, "Document is not open");
    json_t *contexts = json_object_get(params, "contexts");
    if (contexts) {
        size_t i;
        json_t *v;
        if (!json_is_array(contexts) || json_array_size(contexts) > MAX_CONTEXTS)
            return invalid(err, "contexts: expected an array of at most 1024 token counts");
        json_array_foreach(contexts, i, v) {
            if (!json_is_integer(v) || json_integer_value(v) < 1)
                return invalid(err, "contexts: expected positive integers");
        }
    }
    mfl_version_t version = lsp_doc_version(s, d);
    mfl_budget_t budget;
    const mfl_budget_t *b = lsp_doc_budget(s, d, &budget);
    json_t *r = json_pack("{s:o}", "budget", budget_json(b));
    mfl_model_t m;
    if (!r || !lsp_doc_model(s, d, &m)) {
        json_object_set_new(r, "model", json_null());
        return r;
    }
    json_object_set_new(r, "model", model_json(&m));
    uint64_t num_ctx;
    mfl_ctx_source_t src;
    if (!mfl_doc_effective_ctx(d->doc, &m, b, version, &num_ctx, &src)) {
        json_object_set_new(r, "numCtx", json_null());
        json_object_set_new(r, "ctxSource", json_string(ctx_source_id(src)));
        return r;
    }
    mfl_info_t in;
    if (mfl_info_compute(&m, num_ctx, src, b, &in) != 0) return r;
    json_object_set_new(r, "numCtx", json_integer((json_int_t)in.num_ctx));
    json_object_set_new(r, "ctxSource", json_string(ctx_source_id(src)));
    json_object_set_new(r, "ctxSourceText", json_string(mfl_ctx_source_name(src)));
    json_object_set_new(r, "nativeCtx", num_or_null(in.native_ctx));
    json_object_set_new(r, "usedCtx", json_integer((json_int_t)in.used_ctx));
    json_object_set_new(r, "clamped", json_boolean(in.clamped));
    json_object_set_new(r, "memory", in.has_mem ? mem_json(&in.mem) : json_null());
    json_object_set_new(r, "kvNative", in.has_mem ? num_or_null(in.kv_native) : json_null());
    json_object_set_new(r, "budgetBytes", num_or_null(in.budget));
    json_object_set_new(r, "fits", in.has_mem && in.budget ? json_boolean(in.fits) : json_null());
    json_object_set_new(r, "maxFitCtx", in.has_mem ? num_or_null(in.max_fit_ctx) : json_null());
    json_t *by_type = json_object();
    for (size_t k = 0; in.has_mem && in.budget && k < sizeof kv_types / sizeof kv_types[0]; k++) {
        mfl_budget_t bt = with_kv_type(b, kv_types[k]);
        json_object_set_new(by_type, mfl_kv_type_name(kv_types[k]),
                            num_or_null(mfl_mem_max_ctx(&m, &bt)));
    }
    json_object_set_new(r, "maxFitCtxByType", by_type);
    json_object_set_new(r, "decodeTps",
                        json_pack("{s:o,s:o}", "empty", real_or_null(in.decode_tps_empty), "full",
                                  real_or_null(in.decode_tps_full)));
    json_object_set_new(r, "prefillSeconds", real_or_null(in.prefill_seconds));
    json_object_set_new(r, "clientTimeout", real_or_null(in.client_timeout));
    /* The context that prefills in exactly the timeout (MF307's "at most
     * about N tokens fit in time"). */
    json_object_set_new(r, "tokensInTime",
                        b && b->prefill_rate > 0 && b->client_timeout > 0
                            ? real_or_null(b->prefill_rate * b->client_timeout)
                            : json_null());
    json_object_set_new(r, "curve", contexts ? curve_json(&m, b, contexts) : json_array());
    char *text = mfl_info_format(&in, false); /* the CLI's `info` text */
    json_object_set_new(r, "text", str_or_null(text));
    mfl_free(text);
    return r;
}

json_t *lsp_on_hardware(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    (void)s;
    (void)params;
    (void)err;
    json_t *list = json_array();
    for (size_t i = 0; i < mfl_hw_count(); i++) {
        const mfl_hw_profile_t *hw = mfl_hw_at(i);
        mfl_budget_t b;
        memset(&b, 0, sizeof b);
        mfl_hw_apply(hw, &b);
        json_array_append_new(list, json_pack("{s:s,s:s,s:I,s:f,s:I,s:o}", "id", hw->id, "device",
                                              hw->device, "memory", (json_int_t)hw->memory_bytes,
                                              "usableShare", hw->usable_share, "budget",
                                              (json_int_t)b.memory_budget, "bandwidth",
                                              real_or_null(b.bandwidth)));
    }
    return list;
}

json_t *lsp_on_models(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    (void)s;
    (void)params;
    (void)err;
    json_t *list = json_array();
    for (size_t i = 0; i < mfl_table_count(); i++) {
        const mfl_table_entry_t *e = mfl_table_at(i);
        mfl_model_t m;
        mfl_table_entry_to_model(e, NULL, &m);
        json_t *o = model_json(&m);
        /* A tag Ollama's library lists for this very GGUF: the shortest
         * besides "latest" ("30b" rather than "30b-a3b-q4_K_M"). */
        const char *tag = e->n_tags ? e->tags[0].tag : e->id;
        for (size_t k = 0; k < e->n_tags; k++) {
            const char *t = e->tags[k].tag;
            if (strcmp(t, "latest") != 0 && (strcmp(tag, "latest") == 0 || strlen(t) < strlen(tag)))
                tag = t;
        }
        char from[256];
        snprintf(from, sizeof from, "%s:%s", e->family, tag);
        json_object_set_new(o, "from", json_string(from));
        json_array_append_new(list, o);
    }
    return list;
}

/* ---- tree-sitter queries -------------------------------------------------------- */

typedef struct {
#ifdef LSP_HAVE_REGEX
    const char *re_src; /* the last regular expression, compiled in re */
    regex_t re;
    bool re_ok;
#endif
    char *buf;
    size_t cap;
} regex_cache_t;

#ifdef LSP_HAVE_REGEX
/* #match? with POSIX extended regular expressions (tree-sitter's own are
 * Rust's; the grammar's queries use the common subset). */
static bool regex_match(void *ud, const char *re, const char *text, size_t len) {
    regex_cache_t *c = ud;
    if (c->re_src != re) {
        if (c->re_src && c->re_ok) regfree(&c->re);
        c->re_src = re;
        c->re_ok = regcomp(&c->re, re, REG_EXTENDED | REG_NOSUB) == 0;
    }
    if (!c->re_ok) return false;
    if (len + 1 > c->cap) {
        char *nb = realloc(c->buf, len + 1);
        if (!nb) return false;
        c->buf = nb;
        c->cap = len + 1;
    }
    memcpy(c->buf, text, len);
    c->buf[len] = '\0';
    return regexec(&c->re, c->buf, 0, NULL, 0) == 0;
}
#endif

typedef struct {
    lsp_server_t *s;
    lsp_doc_t *d;
    json_t *out;
} capture_ctx_t;

static int add_capture(void *ud, const mfl_capture_t *c) {
    capture_ctx_t *x = ud;
    json_t *o =
        json_pack("{s:o,s:s%,s:I}", "range", lsp_convert_range_new(x->d->doc, x->s->enc, c->range),
                  "capture", c->name, c->name_len, "pattern", (json_int_t)c->pattern);
    if (!o) return MFL_ENOMEM;
    json_array_append_new(x->out, o);
    return 0;
}

json_t *lsp_on_query(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    lsp_doc_t *d = lsp_server_doc(s, params);
    if (!d) return invalid(err, "Document is not open");
    json_t *src = json_object_get(params, "query");
    if (!json_is_string(src))
        return invalid(err, "query: expected the text of a tree-sitter query");
    mfl_range_t within = {0, UINT32_MAX};
    json_t *range = json_object_get(params, "range");
    if (range && lsp_convert_range_get(d->doc, s->enc, range, &within) != 0)
        return invalid(err, "Invalid range");
    uint32_t bad;
    mfl_query_t *q = mfl_query_new(json_string_value(src), json_string_length(src), &bad);
    if (!q) {
        if (bad == UINT32_MAX) {
            err->code = LSP_INTERNAL_ERROR;
            err->message = "Out of memory";
            return NULL;
        }
        return invalid(err, "query: does not compile for the Modelfile grammar");
    }
    capture_ctx_t x = {s, d, json_array()};
    regex_cache_t rc = {0};
#ifdef LSP_HAVE_REGEX
    int r = mfl_query_run(q, d->doc, within, regex_match, &rc, add_capture, &x);
    if (rc.re_src && rc.re_ok) regfree(&rc.re);
#else
    int r = mfl_query_run(q, d->doc, within, NULL, NULL, add_capture, &x);
#endif
    free(rc.buf);
    mfl_query_free(q);
    if (r != 0) {
        json_decref(x.out);
        err->code = LSP_INTERNAL_ERROR;
        err->message = "Out of memory";
        return NULL;
    }
    return json_pack("{s:o}", "captures", x.out);
}

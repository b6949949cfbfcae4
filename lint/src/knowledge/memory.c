/* SPDX-License-Identifier: MIT */
/* Memory and time estimates (after Ollama's fs/ggml/ggml.go GraphSize): KV
 * cache per layer with GQA, sliding windows and MLA, weights, a compute-graph
 * heuristic and Ollama's runtime reserve; the largest context that fits a budget; bandwidth-bound
 * decode speed and prefill time. Our own transparent formula, not a copy of
 * any Ollama version's estimator. */
#include "mfl_knowledge.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define GIB (1024.0 * 1024.0 * 1024.0)
#define DEFAULT_VOCAB 128000u
#define DEFAULT_EMBD 4096u
#define COMPUTE_BASE (512ull << 20)

static const struct {
    const char *name;
    uint64_t num, den; /* bytes per element as a fraction */
} kv_types[] = {
    [MFL_KV_F16] = {"f16", 2, 1},
    [MFL_KV_Q8_0] = {"q8_0", 34, 32},
    [MFL_KV_Q4_0] = {"q4_0", 18, 32},
    [MFL_KV_F32] = {"f32", 4, 1},
};

int mfl_kv_type_parse(const char *s, mfl_kv_type_t *out) {
    *out = MFL_KV_F16;
    if (s == NULL || *s == '\0') return 0;
    for (size_t i = 0; i < sizeof kv_types / sizeof kv_types[0]; i++) {
        const char *a = kv_types[i].name, *b = s;
        while (*a && tolower((unsigned char)*b) == *a) {
            a++;
            b++;
        }
        if (*a == '\0' && *b == '\0') {
            *out = (mfl_kv_type_t)i;
            return 0;
        }
    }
    return MFL_EINVAL;
}

const char *mfl_kv_type_name(mfl_kv_type_t t) {
    return (unsigned)t < sizeof kv_types / sizeof kv_types[0] ? kv_types[t].name : "f16";
}

static uint64_t elts_to_bytes(uint64_t elts, mfl_kv_type_t t) {
    uint64_t num = kv_types[t].num, den = kv_types[t].den;
    return (elts / den) * num + ((elts % den) * num + den - 1) / den;
}

/* KV heads summed over full-context and windowed layers. Models described
 * only by scalars (config entries) get the sums from layers × heads. */
static void head_sums(const mfl_model_t *m, uint64_t *global, uint64_t *swa) {
    uint64_t all = m->kv_heads_sum, w = m->kv_heads_sum_swa;
    if (all == 0) all = (uint64_t)m->n_layers * m->n_kv_head_max;
    if (w > all) w = all;
    *global = all - w;
    *swa = w;
}

static bool shape_known(const mfl_model_t *m) {
    uint64_t g, s;
    head_sums(m, &g, &s);
    return (g + s) > 0 && (m->key_length + m->value_length) > 0;
}

uint64_t mfl_runtime_reserve(const mfl_budget_t *b) {
    return b && b->runtime_reserve ? b->runtime_reserve : MFL_RESERVE_METAL;
}

static uint64_t swa_tokens(const mfl_model_t *m, uint64_t ctx_total, uint32_t np) {
    uint64_t win = (uint64_t)m->sliding_window * np + MFL_DEFAULT_NUM_BATCH;
    return win < ctx_total ? win : ctx_total;
}

static uint64_t kv_parts(const mfl_model_t *m, uint64_t ctx, uint32_t np, mfl_kv_type_t t,
                         uint64_t *swa_bytes) {
    uint64_t g, s;
    head_sums(m, &g, &s);
    uint64_t kv_dim = (uint64_t)m->key_length + m->value_length;
    uint64_t kv_dim_swa = m->key_length_swa && m->value_length_swa
                              ? (uint64_t)m->key_length_swa + m->value_length_swa
                              : kv_dim;
    uint64_t total = ctx * np;
    uint64_t eg = total * kv_dim * g;
    uint64_t es = swa_tokens(m, total, np) * kv_dim_swa * s;
    if (swa_bytes) *swa_bytes = elts_to_bytes(es, t);
    return elts_to_bytes(eg, t) + elts_to_bytes(es, t);
}

uint64_t mfl_mem_kv_bytes(const mfl_model_t *m, uint64_t ctx, uint32_t num_parallel,
                          mfl_kv_type_t t) {
    if (m == NULL || !shape_known(m)) return 0;
    return kv_parts(m, ctx, num_parallel ? num_parallel : 1, t, NULL);
}

static void budget_opts(const mfl_budget_t *b, uint32_t *np, mfl_kv_type_t *t) {
    *np = b && b->num_parallel ? b->num_parallel : 1;
    *t = MFL_KV_F16;
    if (b) mfl_kv_type_parse(b->kv_cache_type, t);
}

int mfl_mem_estimate(const mfl_model_t *m, uint64_t num_ctx, const mfl_budget_t *b,
                     mfl_mem_t *out) {
    memset(out, 0, sizeof *out);
    if (m && m->is_vision && num_ctx < 2048)
        num_ctx = 2048; /* Ollama raises a vision model's context to 2048 */
    /* Without the weights' size nothing can be said to fit. */
    if (m == NULL || !shape_known(m) || m->weight_bytes == 0) return MFL_EINVAL;
    budget_opts(b, &out->num_parallel, &out->kv_type);
    if (m->native_ctx && num_ctx > m->native_ctx) num_ctx = m->native_ctx;
    out->ctx = num_ctx;
    uint64_t g, s;
    head_sums(m, &g, &s);
    out->kv_per_token =
        elts_to_bytes(((uint64_t)m->key_length + m->value_length) * g, out->kv_type);
    out->kv_bytes = kv_parts(m, num_ctx, out->num_parallel, out->kv_type, &out->kv_swa_bytes);
    out->weights = m->weight_bytes;
    uint64_t embd = m->embedding_length ? m->embedding_length : DEFAULT_EMBD;
    uint64_t vocab = m->vocab_size ? m->vocab_size : DEFAULT_VOCAB;
    out->compute = 4ull * MFL_DEFAULT_NUM_BATCH * (embd + vocab) + COMPUTE_BASE;
    out->runtime = mfl_runtime_reserve(b);
    out->total = out->weights + out->kv_bytes + out->compute + out->runtime;
    out->kv_upper_bound = m->mla;
    return 0;
}

uint64_t mfl_mem_max_ctx(const mfl_model_t *m, const mfl_budget_t *b) {
    if (m == NULL || b == NULL || b->memory_budget == 0 || m->native_ctx == 0) return 0;
    mfl_mem_t e;
    if (mfl_mem_estimate(m, m->native_ctx, b, &e) != 0) return 0;
    if (e.total <= b->memory_budget) return m->native_ctx;
    /* The total grows with the context: binary search over multiples of 1024. */
    uint64_t lo = 0, hi = m->native_ctx / 1024;
    while (lo < hi) {
        uint64_t mid = (lo + hi + 1) / 2;
        mfl_mem_estimate(m, mid * 1024, b, &e);
        if (e.total <= b->memory_budget)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo * 1024;
}

uint64_t mfl_mem_active_weight_bytes(const mfl_model_t *m) {
    if (m == NULL) return 0;
    if (m->params_total && m->params_active && m->params_active < m->params_total)
        return (uint64_t)((double)m->weight_bytes * (double)m->params_active /
                          (double)m->params_total);
    if (m->expert_count && m->expert_used_count && m->expert_used_count < m->expert_count &&
        m->params_total == 0) {
        /* Without parameter counts assume the experts hold nine tenths of the weights. */
        double share = 0.1 + 0.9 * (double)m->expert_used_count / (double)m->expert_count;
        return (uint64_t)((double)m->weight_bytes * share);
    }
    return m->weight_bytes;
}

double mfl_mem_decode_tps(const mfl_model_t *m, uint64_t filled, const mfl_budget_t *b) {
    if (m == NULL || b == NULL || b->bandwidth <= 0) return 0;
    uint32_t np;
    mfl_kv_type_t t;
    budget_opts(b, &np, &t);
    uint64_t bytes = mfl_mem_active_weight_bytes(m) + mfl_mem_kv_bytes(m, filled, 1, t);
    if (bytes == 0) return 0;
    return b->bandwidth / (double)bytes;
}

double mfl_mem_prefill_seconds(uint64_t tokens, const mfl_budget_t *b) {
    if (b == NULL || b->prefill_rate <= 0) return 0;
    return (double)tokens / b->prefill_rate;
}

char *mfl_fmt_bytes(uint64_t n, char *buf, size_t bufsize) {
    if (n >= (1ull << 30))
        snprintf(buf, bufsize, "%.2f GiB (%.1f GB)", (double)n / GIB, (double)n / 1e9);
    else
        snprintf(buf, bufsize, "%.0f MiB (%.2f GB)", (double)n / (1024.0 * 1024.0),
                 (double)n / 1e9);
    return buf;
}

const char *mfl_ctx_source_name(mfl_ctx_source_t s) {
    switch (s) {
    case MFL_CTX_SRC_PARAMETER: return "PARAMETER num_ctx in this Modelfile";
    case MFL_CTX_SRC_INHERITED: return "inherited from the FROM model's parameters";
    case MFL_CTX_SRC_SERVER_ENV: return "the server's OLLAMA_CONTEXT_LENGTH";
    case MFL_CTX_SRC_DEFAULT: return "Ollama's default for the target release and GPU memory";
    }
    return "unknown";
}

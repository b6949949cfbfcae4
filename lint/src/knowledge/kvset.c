/* SPDX-License-Identifier: MIT */
/* The one interpretation of GGUF keys (see mfl_knowledge.h): a GGUF header,
 * the built-in data, the config file's models and a safetensors folder's
 * config.json all fill a key/value set, and this file turns it into the
 * per-layer sums the memory arithmetic reads. */
#include "mfl_knowledge.h"

#include <stdio.h>
#include <string.h>

static const char *const key_names[MFL_KV__COUNT] = {
    [MFL_KV_CONTEXT_LENGTH] = "context_length",
    [MFL_KV_BLOCK_COUNT] = "block_count",
    [MFL_KV_EMBEDDING_LENGTH] = "embedding_length",
    [MFL_KV_HEAD_COUNT] = "attention.head_count",
    [MFL_KV_HEAD_COUNT_KV] = "attention.head_count_kv",
    [MFL_KV_KEY_LENGTH] = "attention.key_length",
    [MFL_KV_VALUE_LENGTH] = "attention.value_length",
    [MFL_KV_KEY_LENGTH_MLA] = "attention.key_length_mla",
    [MFL_KV_VALUE_LENGTH_MLA] = "attention.value_length_mla",
    [MFL_KV_KV_LORA_RANK] = "attention.kv_lora_rank",
    [MFL_KV_SLIDING_WINDOW] = "attention.sliding_window",
    [MFL_KV_SLIDING_WINDOW_PATTERN] = "attention.sliding_window_pattern",
    [MFL_KV_SHARED_KV_LAYERS] = "attention.shared_kv_layers",
    [MFL_KV_FULL_ATTENTION_INTERVAL] = "full_attention_interval",
    [MFL_KV_EXPERT_COUNT] = "expert_count",
    [MFL_KV_EXPERT_USED_COUNT] = "expert_used_count",
    [MFL_KV_ROPE_ORIG_CTX] = "rope.scaling.original_context_length",
    [MFL_KV_POOLING_TYPE] = "pooling_type",
    [MFL_KV_ROPE_DIMENSION_COUNT] = "rope.dimension_count",
    [MFL_KV_CHUNK_SIZE] = "attention.chunk_size",
    [MFL_KV_KEY_LENGTH_SWA] = "attention.key_length_swa",
    [MFL_KV_VALUE_LENGTH_SWA] = "attention.value_length_swa",
    [MFL_KV_NEXTN_PREDICT_LAYERS] = "nextn_predict_layers",
};

void mfl_kvset_init(mfl_kvset_t *kv, const char *arch) {
    memset(kv, 0, sizeof *kv);
    if (arch) snprintf(kv->arch, sizeof kv->arch, "%s", arch);
}

int mfl_kvset_key(const char *s, size_t n) {
    for (int k = 0; k < MFL_KV__COUNT; k++)
        if (strlen(key_names[k]) == n && memcmp(key_names[k], s, n) == 0) return k;
    return -1;
}

const char *mfl_kvset_key_name(mfl_kv_key_t key) {
    return (unsigned)key < MFL_KV__COUNT ? key_names[key] : "?";
}

void mfl_kvset_set(mfl_kvset_t *kv, mfl_kv_key_t key, uint64_t value) {
    if ((unsigned)key >= MFL_KV__COUNT) return;
    mfl_kv_value_t *v = &kv->v[key];
    memset(v, 0, sizeof *v);
    v->set = true;
    v->u = value;
}

void mfl_kvset_set_array(mfl_kvset_t *kv, mfl_kv_key_t key, const uint32_t *a, uint32_t n) {
    if ((unsigned)key >= MFL_KV__COUNT) return;
    mfl_kv_value_t *v = &kv->v[key];
    memset(v, 0, sizeof *v);
    v->set = true;
    v->is_array = true;
    v->a = a;
    v->n = n;
}

void mfl_kvset_unset(mfl_kvset_t *kv, mfl_kv_key_t key) {
    if ((unsigned)key < MFL_KV__COUNT) memset(&kv->v[key], 0, sizeof kv->v[key]);
}

static uint64_t scalar(const mfl_kvset_t *kv, mfl_kv_key_t k) {
    const mfl_kv_value_t *v = &kv->v[k];
    return v->set && !v->is_array ? v->u : 0;
}

/* Element i of a per-layer key (or the scalar); dflt past the end of a
 * short array, as Ollama pads them, or when the key is absent. */
static uint64_t elem(const mfl_kvset_t *kv, mfl_kv_key_t k, uint32_t i, uint64_t dflt) {
    const mfl_kv_value_t *v = &kv->v[k];
    if (!v->set) return dflt;
    if (!v->is_array) return v->u;
    return i < v->n && v->a ? v->a[i] : dflt;
}

/* Every n-th layer is global in these architectures when the file gives no
 * pattern (llama.cpp's and Ollama's defaults). gpt-oss is spelt "gptoss" in
 * the blobs Ollama ships and "gpt-oss" by some converters: both count. */
static uint32_t arch_swa_pattern(const char *arch) {
    static const struct {
        const char *arch;
        uint32_t n;
    } t[] = {{"gemma2", 2},  {"gemma3", 6},  {"gemma3n", 5}, {"gptoss", 2},
             {"gpt-oss", 2}, {"cohere2", 4}, {"llama4", 4}};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (strcmp(arch, t[i].arch) == 0) return t[i].n;
    return 1; /* unknown: every layer global, an upper bound */
}

static bool layer_is_swa(const mfl_kvset_t *kv, uint32_t i) {
    const mfl_kv_value_t *pat = &kv->v[MFL_KV_SLIDING_WINDOW_PATTERN];
    if (pat->set && pat->is_array) return elem(kv, MFL_KV_SLIDING_WINDOW_PATTERN, i, 0) != 0;
    uint64_t n = pat->set ? pat->u : arch_swa_pattern(kv->arch);
    if (n == 0) return true;
    return (i % n) < (n - 1);
}

void mfl_model_for_target(mfl_model_t *m, mfl_version_t target) {
    if (strcmp(m->arch, "llama4") == 0 && m->n_swa_layers > 0 &&
        !mfl_version_has(target, MFL_FACT_KV_LLAMA4_CHUNKED)) {
        m->n_global_layers += m->n_swa_layers;
        m->n_swa_layers = 0;
        m->kv_heads_sum_swa = 0;
        m->sliding_window = 0;
    }
}

int mfl_model_from_kvset(const mfl_kvset_t *kv, mfl_model_t *m) {
    if (kv->arch[0] == '\0') {
        snprintf(m->error, sizeof m->error, "no general.architecture");
        return MFL_EINVAL;
    }
    snprintf(m->arch, sizeof m->arch, "%s", kv->arch);
    m->native_ctx = m->gguf_ctx = scalar(kv, MFL_KV_CONTEXT_LENGTH);
    m->rope_orig_ctx = scalar(kv, MFL_KV_ROPE_ORIG_CTX);
    m->is_embedding = kv->v[MFL_KV_POOLING_TYPE].set;
    uint64_t blocks = scalar(kv, MFL_KV_BLOCK_COUNT);
    if (blocks > MFL_KV_MAX_LAYERS) {
        snprintf(m->error, sizeof m->error, "block_count %llu is implausible (max %u)",
                 (unsigned long long)blocks, MFL_KV_MAX_LAYERS);
        return MFL_EINVAL;
    }
    m->n_layers = (uint32_t)blocks;
    uint64_t embd = scalar(kv, MFL_KV_EMBEDDING_LENGTH);
    m->embedding_length = embd <= UINT32_MAX ? (uint32_t)embd : 0;
    m->expert_count = (uint32_t)scalar(kv, MFL_KV_EXPERT_COUNT);
    m->expert_used_count = (uint32_t)scalar(kv, MFL_KV_EXPERT_USED_COUNT);
    m->sliding_window = (uint32_t)scalar(kv, MFL_KV_SLIDING_WINDOW);
    /* Llama 4's chunked attention: llama.cpp, which Ollama runs it on since
     * its own engine went (v0.33), caches it like a sliding window of one
     * chunk (LLAMA_SWA_TYPE_CHUNKED, n_swa = 8192, every 4th layer global:
     * src/llama-model.cpp, hard-coded for the architecture). Ollama's own
     * engine (model/models/llama4 up to v0.32) allocated the whole context
     * on every layer (kvcache/causal.go NewChunkedAttentionCache sets no
     * memory size), which this smaller figure does not cover. */
    if (m->sliding_window == 0 && strcmp(kv->arch, "llama4") == 0) {
        uint64_t chunk = scalar(kv, MFL_KV_CHUNK_SIZE);
        m->sliding_window = chunk && chunk <= UINT32_MAX ? (uint32_t)chunk : 8192;
    }
    m->n_shared_kv_layers = (uint32_t)scalar(kv, MFL_KV_SHARED_KV_LAYERS);
    m->key_length_mla = (uint32_t)scalar(kv, MFL_KV_KEY_LENGTH_MLA);
    m->value_length_mla = (uint32_t)scalar(kv, MFL_KV_VALUE_LENGTH_MLA);
    m->kv_lora_rank = (uint32_t)scalar(kv, MFL_KV_KV_LORA_RANK);

    uint64_t hq0 = elem(kv, MFL_KV_HEAD_COUNT, 0, 0);
    uint64_t min_hq = 0;
    m->n_head = 0;
    for (uint32_t i = 0; i < m->n_layers; i++) {
        uint64_t h = elem(kv, MFL_KV_HEAD_COUNT, i, hq0);
        if (h > m->n_head && h <= UINT32_MAX) m->n_head = (uint32_t)h;
        if (h && (min_hq == 0 || h < min_hq)) min_hq = h;
    }
    uint64_t kl = scalar(kv, MFL_KV_KEY_LENGTH), vl = scalar(kv, MFL_KV_VALUE_LENGTH);
    if (kl == 0 && min_hq) kl = embd / min_hq;
    if (vl == 0 && min_hq) vl = embd / min_hq;
    /* Ollama's engine (model/models/deepseek2) caches the compressed latent
     * only when the file has both MLA lengths; without them it caches full
     * K and V for every KV head, whatever kv_lora_rank says. */
    m->mla = m->key_length_mla > 0 && m->value_length_mla > 0;
    bool latent_from_heads = m->mla && elem(kv, MFL_KV_HEAD_COUNT_KV, 0, 0) > 1;
    if (latent_from_heads) {
        /* MLA keys next to uncompressed head counts: the cache is one
         * latent row (kv_lora_rank + rope dimensions) per layer. */
        uint64_t rope = scalar(kv, MFL_KV_ROPE_DIMENSION_COUNT);
        kl = m->kv_lora_rank + (rope ? rope : 64);
        vl = m->kv_lora_rank;
    }
    m->key_length = kl <= UINT32_MAX ? (uint32_t)kl : 0;
    m->value_length = vl <= UINT32_MAX ? (uint32_t)vl : 0;
    /* Gemma 4: the windowed layers' heads are smaller than the global
     * layers' (attention.key_length_swa, convert_gemma4.go's head_dim). */
    uint64_t kls = scalar(kv, MFL_KV_KEY_LENGTH_SWA), vls = scalar(kv, MFL_KV_VALUE_LENGTH_SWA);
    m->key_length_swa = kls <= UINT32_MAX ? (uint32_t)kls : 0;
    m->value_length_swa = vls <= UINT32_MAX ? (uint32_t)vls : 0;

    uint64_t interval = scalar(kv, MFL_KV_FULL_ATTENTION_INTERVAL);
    bool hkv_set = kv->v[MFL_KV_HEAD_COUNT_KV].set;
    uint64_t hkv0 = elem(kv, MFL_KV_HEAD_COUNT_KV, 0, 0);
    uint32_t cached = m->n_layers;
    if (m->n_shared_kv_layers < cached) cached -= m->n_shared_kv_layers;
    /* Multi-token-prediction layers appended to a hybrid trunk (qwen35):
     * attention layers whatever the interval says. */
    uint64_t nextn = scalar(kv, MFL_KV_NEXTN_PREDICT_LAYERS);
    uint32_t trunk = nextn && nextn < m->n_layers ? m->n_layers - (uint32_t)nextn : m->n_layers;
    m->n_kv_head_max = 0;
    m->kv_heads_sum = m->kv_heads_sum_swa = 0;
    m->n_swa_layers = m->n_global_layers = 0;
    for (uint32_t i = 0; i < cached; i++) {
        uint64_t h = elem(kv, MFL_KV_HEAD_COUNT, i, hq0);
        uint64_t n_kv = hkv_set ? elem(kv, MFL_KV_HEAD_COUNT_KV, i, hkv0 ? hkv0 : h) : h;
        /* Hybrid models (Qwen3-Next): attention only on every n-th layer
         * when the head counts do not say per layer. */
        if (interval > 1 && !kv->v[MFL_KV_HEAD_COUNT_KV].is_array && i < trunk &&
            (i + 1) % interval != 0)
            n_kv = 0;
        if (h == 0 || n_kv == 0)
            continue; /* recurrent layer: its state does not grow with context */
        if (latent_from_heads) n_kv = 1;
        if (n_kv > m->n_kv_head_max && n_kv <= UINT32_MAX) m->n_kv_head_max = (uint32_t)n_kv;
        m->kv_heads_sum += n_kv;
        if (m->sliding_window && layer_is_swa(kv, i)) {
            m->n_swa_layers++;
            m->kv_heads_sum_swa += n_kv;
        } else {
            m->n_global_layers++;
        }
    }
    return 0;
}

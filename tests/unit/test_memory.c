/* SPDX-License-Identifier: MIT */
/* Memory and time estimates, the model table, names, hardware profiles,
 * context labels and the info text; the Qwen3-Coder-30B story in numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mfl_knowledge.h"

#define GIB (1024.0 * 1024.0 * 1024.0)

static mfl_model_t qwen(void) {
    mfl_model_t m;
    assert_true(mfl_table_lookup("qwen3-coder:30b", 15, &m));
    return m;
}

static void test_memory_qwen3_coder_kv_at_native(void **state) {
    (void)state;
    mfl_model_t m = qwen();
    assert_int_equal(mfl_mem_kv_bytes(&m, 262144, 1, MFL_KV_F16), 25769803776ull);  /* 24 GiB */
    assert_int_equal(mfl_mem_kv_bytes(&m, 262144, 1, MFL_KV_Q8_0), 13690208256ull); /* 12.75 GiB */
    assert_int_equal(mfl_mem_kv_bytes(&m, 262144, 1, MFL_KV_Q4_0), 7247757312ull);  /* 6.75 GiB */
    assert_int_equal(mfl_mem_kv_bytes(&m, 1, 1, MFL_KV_F16), 98304);                /* 96 KiB */
    /* Two parallel slots double the cache. */
    assert_int_equal(mfl_mem_kv_bytes(&m, 131072, 2, MFL_KV_F16), 25769803776ull);
}

static void test_memory_qwen3_coder_total_fits_64_gb(void **state) {
    (void)state;
    mfl_model_t m = qwen();
    mfl_budget_t b = {0};
    const mfl_hw_profile_t *hw = mfl_hw_find("mac-studio-m2-ultra-64");
    assert_non_null(hw);
    mfl_hw_apply(hw, &b);
    mfl_mem_t e;
    assert_int_equal(mfl_mem_estimate(&m, 262144, &b, &e), 0);
    assert_int_equal(e.kv_bytes, 25769803776ull);
    assert_true(e.total > 45e9 && e.total < 47e9); /* "about 46 GB" */
    assert_true(e.total <= b.memory_budget);
    assert_int_equal(mfl_mem_max_ctx(&m, &b), 262144);
    /* q8_0 cache: about 34 GB. */
    strcpy(b.kv_cache_type, "q8_0");
    assert_int_equal(mfl_mem_estimate(&m, 262144, &b, &e), 0);
    assert_true(e.total > 32e9 && e.total < 35e9);
}

static void test_memory_largest_fit_is_a_multiple_of_1024(void **state) {
    (void)state;
    mfl_model_t m = qwen();
    mfl_budget_t b = {0};
    mfl_hw_apply(mfl_hw_find("mac-m4-max-48"), &b); /* 36 GB usable */
    uint64_t fit = mfl_mem_max_ctx(&m, &b);
    assert_true(fit > 0 && fit < 262144);
    assert_int_equal(fit % 1024, 0);
    mfl_mem_t e;
    mfl_mem_estimate(&m, fit, &b, &e);
    assert_true(e.total <= b.memory_budget);
    mfl_mem_estimate(&m, fit + 1024, &b, &e);
    assert_true(e.total > b.memory_budget);
    /* Nothing fits when the weights alone are too big. */
    b.memory_budget = 10000000000ull;
    assert_int_equal(mfl_mem_max_ctx(&m, &b), 0);
    /* No budget, no answer. */
    b.memory_budget = 0;
    assert_int_equal(mfl_mem_max_ctx(&m, &b), 0);
}

static void test_memory_decode_and_prefill(void **state) {
    (void)state;
    mfl_model_t m = qwen();
    mfl_budget_t b = {0};
    b.bandwidth = 800e9;
    b.prefill_rate = 400;
    /* Active weights: 18.6 GB x 3.3 / 30.5 = about 2 GB -> about 400 tok/s. */
    double empty = mfl_mem_decode_tps(&m, 0, &b);
    assert_true(empty > 380 && empty < 410);
    /* With 146,760 tokens of KV (14.4 GB) read per token: about 49 tok/s. */
    double full = mfl_mem_decode_tps(&m, 146760, &b);
    assert_true(full > 45 && full < 52);
    assert_true(fabs(mfl_mem_prefill_seconds(146760, &b) - 366.9) < 0.1);
    b.prefill_rate = 0;
    assert_true(mfl_mem_prefill_seconds(146760, &b) == 0);
}

static void test_memory_sliding_window_counts_global_layers(void **state) {
    (void)state;
    mfl_model_t m;
    assert_true(mfl_table_lookup("gemma3:12b", 10, &m));
    assert_int_equal(m.confidence, MFL_CONF_EXACT);
    assert_true(m.is_vision);
    assert_int_equal(m.n_global_layers, 8); /* every 6th of 48 */
    assert_int_equal(m.n_swa_layers, 40);
    /* Globals: 8 x 8 x 256 x 2 x 2 B per token; windowed: 40 layers x (1024+512) tokens. */
    uint64_t want = 131072ull * 8 * 8 * 512 * 2 + 1536ull * 40 * 8 * 512 * 2;
    assert_int_equal(mfl_mem_kv_bytes(&m, 131072, 1, MFL_KV_F16), want);
    /* A vision model's context is at least 2048 in Ollama. */
    mfl_mem_t e;
    assert_int_equal(mfl_mem_estimate(&m, 512, NULL, &e), 0);
    assert_int_equal(e.ctx, 2048);
    /* gpt-oss: the blob says "gptoss" and gives the window but no pattern;
     * every other layer is windowed (llama.cpp's and Ollama's default). */
    assert_true(mfl_table_lookup("gpt-oss:20b", 11, &m));
    assert_string_equal(m.arch, "gptoss");
    assert_int_equal(m.sliding_window, 128);
    assert_int_equal(m.n_swa_layers, 12);
    assert_int_equal(m.n_global_layers, 12);
}

static void test_memory_deepseek_without_mla_keys_caches_full_kv(void **state) {
    (void)state;
    mfl_model_t m;
    assert_true(mfl_table_lookup("deepseek-r1:671b-q8_0", 21, &m));
    assert_int_equal(m.confidence, MFL_CONF_EXACT);
    /* kv_lora_rank is there, the MLA lengths are not: full K (192) and V
     * (128) for all 128 KV heads of the 61 layers. */
    assert_int_equal(m.kv_lora_rank, 512);
    assert_false(m.mla);
    assert_int_equal(m.kv_heads_sum, 61 * 128);
    assert_int_equal(m.key_length, 192);
    assert_int_equal(m.value_length, 128);
    assert_int_equal(mfl_mem_kv_bytes(&m, 1, 1, MFL_KV_F16), 61ull * 128 * 320 * 2); /* 4.77 MiB */
    /* With both MLA lengths the latent is cached instead (one row per layer). */
    mfl_kvset_t kv;
    mfl_table_entry_kvset(mfl_table_find("deepseek-r1:671b-q8_0", 21, NULL), &kv);
    mfl_kvset_set(&kv, MFL_KV_KEY_LENGTH_MLA, 192);
    mfl_kvset_set(&kv, MFL_KV_VALUE_LENGTH_MLA, 128);
    mfl_kvset_set(&kv, MFL_KV_ROPE_DIMENSION_COUNT, 64);
    mfl_model_t l;
    mfl_model_init(&l);
    assert_int_equal(mfl_model_from_kvset(&kv, &l), 0);
    assert_true(l.mla);
    assert_int_equal(l.kv_heads_sum, 61);
    assert_int_equal(l.key_length + l.value_length, 512 + 64 + 512);
}

/* Llama 4's chunked attention: from Ollama 0.30 (llama.cpp) 36 of 48 layers
 * cache one 8,192-token chunk; Ollama's own engine before it cached the
 * whole context on every layer. The chunk comes from the file's key, or
 * llama.cpp's built-in 8192 when a converter left it out. */
static void test_kvset_llama4_chunked_by_target(void **state) {
    (void)state;
    for (int with_key = 0; with_key < 2; with_key++) {
        mfl_kvset_t kv;
        mfl_kvset_init(&kv, "llama4");
        mfl_kvset_set(&kv, MFL_KV_CONTEXT_LENGTH, 10485760);
        mfl_kvset_set(&kv, MFL_KV_BLOCK_COUNT, 48);
        mfl_kvset_set(&kv, MFL_KV_EMBEDDING_LENGTH, 5120);
        mfl_kvset_set(&kv, MFL_KV_HEAD_COUNT, 40);
        mfl_kvset_set(&kv, MFL_KV_HEAD_COUNT_KV, 8);
        mfl_kvset_set(&kv, MFL_KV_KEY_LENGTH, 128);
        mfl_kvset_set(&kv, MFL_KV_VALUE_LENGTH, 128);
        if (with_key) mfl_kvset_set(&kv, MFL_KV_CHUNK_SIZE, 4096);
        mfl_model_t m;
        mfl_model_init(&m);
        assert_int_equal(mfl_model_from_kvset(&kv, &m), 0);
        assert_int_equal(m.sliding_window, with_key ? 4096 : 8192);
        assert_int_equal(m.n_global_layers, 12);
        assert_int_equal(m.n_swa_layers, 36);
        mfl_model_t now = m, before = m;
        mfl_model_for_target(&now, mfl_version_default());
        assert_int_equal(now.n_swa_layers, 36);
        uint64_t kv_now = mfl_mem_kv_bytes(&now, 131072, 1, MFL_KV_F16);
        mfl_version_t v29;
        assert_int_equal(mfl_version_parse("0.29.0", 6, &v29, NULL), 0);
        mfl_model_for_target(&before, v29);
        assert_int_equal(before.n_swa_layers, 0);
        assert_int_equal(before.n_global_layers, 48);
        uint64_t kv_before = mfl_mem_kv_bytes(&before, 131072, 1, MFL_KV_F16);
        /* 48 layers x 8 heads x 256 x 2 bytes x 131,072 tokens = 24 GiB. */
        assert_true(kv_before == 24ull << 30);
        assert_true(kv_now < kv_before / 3);
    }
}

/* Gemma 4's windowed layers have smaller heads than its global ones; a
 * qwen35 file's trailing multi-token-prediction layer is an attention
 * layer whatever the interval says. */
static void test_kvset_swa_head_size_and_mtp_layers(void **state) {
    (void)state;
    mfl_kvset_t kv;
    mfl_kvset_init(&kv, "gemma4");
    mfl_kvset_set(&kv, MFL_KV_CONTEXT_LENGTH, 131072);
    mfl_kvset_set(&kv, MFL_KV_BLOCK_COUNT, 6);
    mfl_kvset_set(&kv, MFL_KV_EMBEDDING_LENGTH, 1536);
    mfl_kvset_set(&kv, MFL_KV_HEAD_COUNT, 8);
    mfl_kvset_set(&kv, MFL_KV_HEAD_COUNT_KV, 1);
    mfl_kvset_set(&kv, MFL_KV_KEY_LENGTH, 512);
    mfl_kvset_set(&kv, MFL_KV_VALUE_LENGTH, 512);
    mfl_kvset_set(&kv, MFL_KV_SLIDING_WINDOW, 512);
    static const uint32_t pat[6] = {1, 1, 1, 1, 1, 0};
    mfl_kvset_set_array(&kv, MFL_KV_SLIDING_WINDOW_PATTERN, pat, 6);
    mfl_model_t m;
    mfl_model_init(&m);
    assert_int_equal(mfl_model_from_kvset(&kv, &m), 0);
    uint64_t same = mfl_mem_kv_bytes(&m, 131072, 1, MFL_KV_F16);
    mfl_kvset_set(&kv, MFL_KV_KEY_LENGTH_SWA, 256);
    mfl_kvset_set(&kv, MFL_KV_VALUE_LENGTH_SWA, 256);
    mfl_model_init(&m);
    assert_int_equal(mfl_model_from_kvset(&kv, &m), 0);
    uint64_t smaller = mfl_mem_kv_bytes(&m, 131072, 1, MFL_KV_F16);
    /* 1 global layer x 1024 x 2 bytes x 131,072 + 5 windowed layers x
     * (512 + 512 batch) tokens x (512 or 256 + 256) x 2 bytes. */
    uint64_t global = 131072ull * 1024 * 2, win = 5ull * 1024 * 2;
    assert_true(same == global + win * 1024);
    assert_true(smaller == global + win * 512);

    mfl_kvset_init(&kv, "qwen35");
    mfl_kvset_set(&kv, MFL_KV_CONTEXT_LENGTH, 262144);
    mfl_kvset_set(&kv, MFL_KV_BLOCK_COUNT, 65);
    mfl_kvset_set(&kv, MFL_KV_EMBEDDING_LENGTH, 5120);
    mfl_kvset_set(&kv, MFL_KV_HEAD_COUNT, 24);
    mfl_kvset_set(&kv, MFL_KV_HEAD_COUNT_KV, 4);
    mfl_kvset_set(&kv, MFL_KV_KEY_LENGTH, 256);
    mfl_kvset_set(&kv, MFL_KV_VALUE_LENGTH, 256);
    mfl_kvset_set(&kv, MFL_KV_FULL_ATTENTION_INTERVAL, 4);
    mfl_model_init(&m);
    assert_int_equal(mfl_model_from_kvset(&kv, &m), 0);
    assert_int_equal(m.n_global_layers, 16); /* layer 65 falls between */
    mfl_kvset_set(&kv, MFL_KV_NEXTN_PREDICT_LAYERS, 1);
    mfl_model_init(&m);
    assert_int_equal(mfl_model_from_kvset(&kv, &m), 0);
    assert_int_equal(m.n_global_layers, 17);
}

static void test_kvset_hybrid_and_shared_layers(void **state) {
    (void)state;
    /* Attention every 4th layer (Qwen3-Next style): 12 of 48 layers cache. */
    mfl_kvset_t kv;
    mfl_kvset_init(&kv, "qwen3next");
    mfl_kvset_set(&kv, MFL_KV_CONTEXT_LENGTH, 262144);
    mfl_kvset_set(&kv, MFL_KV_BLOCK_COUNT, 48);
    mfl_kvset_set(&kv, MFL_KV_EMBEDDING_LENGTH, 2048);
    mfl_kvset_set(&kv, MFL_KV_HEAD_COUNT, 16);
    mfl_kvset_set(&kv, MFL_KV_HEAD_COUNT_KV, 2);
    mfl_kvset_set(&kv, MFL_KV_KEY_LENGTH, 256);
    mfl_kvset_set(&kv, MFL_KV_VALUE_LENGTH, 256);
    mfl_kvset_set(&kv, MFL_KV_FULL_ATTENTION_INTERVAL, 4);
    mfl_model_t m;
    mfl_model_init(&m);
    assert_int_equal(mfl_model_from_kvset(&kv, &m), 0);
    assert_int_equal(m.kv_heads_sum, 12 * 2);
    /* A per-layer array with zeros for the recurrent layers says the same. */
    static uint32_t per_layer[8] = {0, 0, 0, 4, 0, 0, 0, 4};
    mfl_kvset_init(&kv, "hybrid");
    mfl_kvset_set(&kv, MFL_KV_CONTEXT_LENGTH, 8192);
    mfl_kvset_set(&kv, MFL_KV_BLOCK_COUNT, 8);
    mfl_kvset_set(&kv, MFL_KV_EMBEDDING_LENGTH, 1024);
    mfl_kvset_set(&kv, MFL_KV_HEAD_COUNT, 8);
    mfl_kvset_set_array(&kv, MFL_KV_HEAD_COUNT_KV, per_layer, 8);
    mfl_model_init(&m);
    assert_int_equal(mfl_model_from_kvset(&kv, &m), 0);
    assert_int_equal(m.kv_heads_sum, 8);
    assert_int_equal(m.n_global_layers, 2);
    assert_int_equal(m.key_length, 128); /* 1024 / 8 */
    /* Shared-KV trailing layers (gemma3n) hold no cache. */
    mfl_kvset_init(&kv, "gemma3n");
    mfl_kvset_set(&kv, MFL_KV_CONTEXT_LENGTH, 32768);
    mfl_kvset_set(&kv, MFL_KV_BLOCK_COUNT, 35);
    mfl_kvset_set(&kv, MFL_KV_EMBEDDING_LENGTH, 2048);
    mfl_kvset_set(&kv, MFL_KV_HEAD_COUNT, 8);
    mfl_kvset_set(&kv, MFL_KV_HEAD_COUNT_KV, 2);
    mfl_kvset_set(&kv, MFL_KV_SHARED_KV_LAYERS, 15);
    mfl_model_init(&m);
    assert_int_equal(mfl_model_from_kvset(&kv, &m), 0);
    assert_int_equal(m.kv_heads_sum, 20 * 2);
    /* No architecture: an error, not a guess. */
    mfl_kvset_init(&kv, NULL);
    mfl_model_init(&m);
    assert_int_equal(mfl_model_from_kvset(&kv, &m), MFL_EINVAL);
    assert_true(m.error[0] != '\0');
}

static void test_memory_kv_type_names(void **state) {
    (void)state;
    mfl_kv_type_t t;
    assert_int_equal(mfl_kv_type_parse("Q8_0", &t), 0);
    assert_int_equal(t, MFL_KV_Q8_0);
    assert_int_equal(mfl_kv_type_parse("", &t), 0);
    assert_int_equal(t, MFL_KV_F16);
    assert_int_equal(mfl_kv_type_parse("q5_1", &t), MFL_EINVAL);
    assert_string_equal(mfl_kv_type_name(MFL_KV_Q4_0), "q4_0");
    assert_int_equal(mfl_ollama_default_ctx(mfl_version_default(), 48ull << 30, NULL, NULL),
                     262144);
    assert_int_equal(mfl_ollama_default_ctx(mfl_version_default(), 24ull << 30, NULL, NULL), 32768);
    assert_int_equal(mfl_ollama_default_ctx(mfl_version_default(), 0, NULL, NULL), 4096);
}

static void test_table_exact_tags(void **state) {
    (void)state;
    static const struct {
        const char *name, *family, *id;
    } cases[] = {
        {"qwen3-coder:30b", "qwen3-coder", "30b-a3b"},
        {"Qwen3-Coder:30B", "qwen3-coder", "30b-a3b"},
        {"qwen3-coder:30b-a3b-q4_K_M", "qwen3-coder", "30b-a3b"},
        {"registry.ollama.ai/library/qwen3-coder:30b", "qwen3-coder", "30b-a3b"},
        {"https://registry.ollama.ai/library/qwen3-coder:30b", "qwen3-coder", "30b-a3b"},
        {"hf.co/unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF:Q4_K_M", "qwen3-coder", "30b-a3b"},
        {"hf.co/unsloth/qwen3-coder-30b-a3b-instruct-gguf", "qwen3-coder", "30b-a3b"},
        {"qwen3:30b-a3b-instruct-2507-q4_K_M", "qwen3", "30b-a3b-instruct-2507"},
        {"qwen3:8b", "qwen3", "8b"},
        /* The bare size is the 2507 thinking release (one digest), not the
         * original 30b-a3b of 40,960 tokens. */
        {"qwen3:30b", "qwen3", "30b-a3b-thinking-2507"},
        {"qwen3:30b-a3b-q4_K_M", "qwen3", "30b-a3b"},
        {"phi3:medium", "phi3", "14b-medium-128k-instruct"},
        {"gemma3n:e4b", "gemma3n", "e4b"},
        {"llama3", "llama3", "8b-instruct"},
        {"llama3.2", "llama3.2", "3b-instruct"},
        {"command-r:35b-v0.1-q8_0", "command-r", "35b-v0.1"},
        {"command-r:35b-08-2024-q8_0", "command-r", "35b-08-2024"},
        {"nomic-embed-text", "nomic-embed-text", "v1.5"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const mfl_table_entry_t *e = mfl_table_find(cases[i].name, strlen(cases[i].name), NULL);
        assert_non_null(e);
        assert_string_equal(e->family, cases[i].family);
        assert_string_equal(e->id, cases[i].id);
        mfl_model_t m;
        assert_true(mfl_table_lookup(cases[i].name, strlen(cases[i].name), &m));
        assert_int_equal(m.confidence, MFL_CONF_EXACT);
        assert_int_equal(m.native_ctx, e->ctx);
    }
    /* Never a word stripped: unlisted tags are not found exactly. */
    assert_null(mfl_table_find("qwen3:30b-a3b-instruct-2507", 27, NULL));
    assert_null(mfl_table_find("qwen3:30b-a3b-instruct", 22, NULL));
    assert_null(mfl_table_find("v-128k", 6, NULL));
    assert_null(mfl_table_find("someone/qwen3-coder:30b", 23, NULL));
    assert_null(mfl_table_find("-bad:name", 9, NULL));
    /* Every tag of every entry finds its entry. */
    for (size_t i = 0; i < mfl_table_count(); i++) {
        const mfl_table_entry_t *e = mfl_table_at(i);
        for (size_t k = 0; k < e->n_tags; k++) {
            char name[200];
            snprintf(name, sizeof name, "%s:%s", e->family, e->tags[k].tag);
            const mfl_data_tag_t *t;
            assert_ptr_equal(mfl_table_find(name, strlen(name), &t), e);
            assert_ptr_equal(t, &e->tags[k]);
        }
    }
}

static void test_table_quantisation_variants_are_exact_shapes(void **state) {
    (void)state;
    mfl_model_t m;
    /* A listed tag without a size: the size of a listed download of the
     * release, scaled to the tag's quantisation (here the same, Q4_K_M). */
    assert_true(mfl_table_lookup("qwen3-coder:30b-a3b-q4_K_M", 26, &m));
    assert_int_equal(m.confidence, MFL_CONF_EXACT);
    assert_int_equal(m.file_type, 15);
    assert_int_equal(m.weight_bytes, 19000000000ull);
    assert_non_null(strstr(m.weights_note, "scaled from the qwen3-coder:latest download"));
    /* A release with no sized download: estimated from its parameter count
     * (no entry of the data is like this today, so a made-up one). */
    static const mfl_data_tag_t fake_tags[] = {{"8b-q8_0", "Q8_0", 0}};
    static const mfl_data_kv_t fake_kv[] = {{"context_length", 8192, NULL, 0},
                                            {"block_count", 32, NULL, 0}};
    const mfl_table_entry_t fake = {.family = "fake",
                                    .id = "8b",
                                    .display = "Fake 8B",
                                    .arch = "llama",
                                    .ctx = 8192,
                                    .source = "https://example.invalid",
                                    .checked = "2026-01-01",
                                    .params = 8000000000ull,
                                    .kv = fake_kv,
                                    .n_kv = 2,
                                    .tags = fake_tags,
                                    .n_tags = 1};
    mfl_table_entry_to_model(&fake, &fake_tags[0], &m);
    assert_int_equal(m.file_type, 7);
    assert_true(m.weight_bytes > 8e9 && m.weight_bytes < 9e9);
    assert_non_null(strstr(m.weights_note, "8.0B parameters"));
    /* Only the quantisation differs from a listed tag: exact shape, scaled.
     * llama3.3's Q4_K_M is its `latest` (one name per digest in the data),
     * so 70b-instruct-q4_K_M is not listed itself. */
    assert_true(mfl_table_lookup("llama3.3:70b-instruct-q4_K_M", 28, &m));
    assert_int_equal(m.confidence, MFL_CONF_EXACT);
    assert_int_equal(m.kv_heads_sum, 80 * 8);
    assert_int_equal(m.file_type, 15);
    assert_true(m.weight_bytes > 40e9 && m.weight_bytes < 45e9);
    assert_non_null(strstr(m.weights_note, "scaled from the llama3.3:70b-instruct-q2_K"));
    assert_true(mfl_table_lookup("qwen3-coder:30b-a3b-fp16", 24, &m));
    assert_int_equal(m.confidence, MFL_CONF_EXACT);
    assert_int_equal(m.native_ctx, 262144);
    assert_int_equal(m.file_type, 1);
    /* hf.co with a quantisation tag. */
    assert_true(mfl_table_lookup("hf.co/unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF:Q8_0", 52, &m));
    assert_int_equal(m.confidence, MFL_CONF_EXACT);
    assert_int_equal(m.file_type, 7);
    /* An hf.co repository the data does not list: not found. */
    assert_false(mfl_table_lookup("hf.co/someone/Qwen3-Coder-30B-GGUF:Q4_K_M", 42, &m));
    /* Sized tags give their own size. */
    assert_true(mfl_table_lookup("command-r:35b-v0.1-q6_K", 23, &m));
    assert_int_equal(m.weight_bytes, 29000000000ull);
    assert_int_equal(m.weights_note[0], '\0');
    /* Only a bare alias has that base ("8b"; the release's quantisations are
     * "8b-instruct-q8_0" ...): the library can serve "8b-q8_0" from another
     * release (qwen:7b-q4_0 was Qwen 1 next to Qwen1.5's "7b"), so the match
     * is named as an assumption and never lowers num_ctx. */
    assert_true(mfl_table_lookup("llama3:8b-q8_0", 14, &m));
    assert_int_equal(m.confidence, MFL_CONF_ASSUMED);
    assert_int_equal(m.native_ctx, 8192);
    assert_int_equal(m.file_type, 7);
    assert_non_null(strstr(m.assumed, "names its quantisations otherwise"));
    assert_non_null(strstr(m.source_detail, "assumed to be the llama3:8b GGUF at Q8_0"));
}

/* Tag by tag, the releases the library serves under one name (issue 12's
 * second round of data, sources in lint/data/models/SOURCES-O.md to -T.md):
 * the native context, whether it is exact, and the KV bytes a token on the
 * full-context layers. Among them the releases a quantisation suffix used to
 * merge (qwen:7b-q4_0 is the first Qwen, orca-mini:7b-q4_0 Orca Mini v1),
 * contexts the tags page shows (dolphin-llama3:8b-256k, qwen2:7b-text),
 * hybrids (nemotron-3-super, qwen3-coder-next, lfm2.5), MLA (glm-4.7-flash)
 * and 2024 DeepSeek files without the MLA keys. */
static void test_table_release_by_release(void **state) {
    (void)state;
    static const struct {
        const char *name;
        uint64_t ctx;
        mfl_confidence_t conf;
        uint64_t kv_per_token;
    } cases[] = {
        {"granite-code:3b-base", 2048, MFL_CONF_EXACT, 327680},
        {"granite-code:34b", 8192, MFL_CONF_EXACT, 45056},
        {"codellama:70b", 2048, MFL_CONF_ASSUMED, 327680},
        {"codellama:70b-instruct-q6_K", 4096, MFL_CONF_EXACT, 327680},
        {"deepseek-coder-v2:16b-lite-instruct-q4_K_M", 163840, MFL_CONF_EXACT, 276480},
        {"stablelm2:1.6b-fp16", 4096, MFL_CONF_EXACT, 196608},
        {"orca-mini:7b-q4_0", 2048, MFL_CONF_EXACT, 524288},
        {"dolphin-llama3:8b-256k", 256000, MFL_CONF_EXACT, 131072},
        {"llava:7b-v1.5-q4_0", 4096, MFL_CONF_EXACT, 524288},
        {"mixtral:text", 32768, MFL_CONF_EXACT, 131072},
        {"llama2-uncensored:latest", 2048, MFL_CONF_ASSUMED, 524288},
        {"nemotron-3-super:120b-a12b-q8_0", 262144, MFL_CONF_EXACT, 8192},
        {"qwen3-coder-next", 262144, MFL_CONF_EXACT, 24576},
        {"lfm2.5-thinking:1.2b", 128000, MFL_CONF_ASSUMED, 12288},
        {"qwen3-vl:235b-a22b-thinking-q8_0", 262144, MFL_CONF_EXACT, 192512},
        {"qwen3.5:27b-mlx", 262144, MFL_CONF_ASSUMED, 65536},
        {"gemma4:26b-mlx", 262144, MFL_CONF_EXACT, 20480},
        {"gemma4:e2b-it-qat", 131072, MFL_CONF_EXACT, 6144},
        {"qwen3.6:27b-mtp-q4_K_M", 262144, MFL_CONF_EXACT, 69632},
        {"shieldgemma:2b", 8192, MFL_CONF_EXACT, 53248},
        {"r1-1776:671b", 163840, MFL_CONF_ASSUMED, 4997120},
        {"deepseek-v2:16b-lite-chat-q4_K_M", 163840, MFL_CONF_EXACT, 276480},
        {"deepseek-v2:236b", 163840, MFL_CONF_ASSUMED, 4915200},
        {"deepseek-r1:671b", 163840, MFL_CONF_ASSUMED, 4997120},
        {"deepseek-r1:671b-q4_K_M", 163840, MFL_CONF_EXACT, 4997120},
        {"qwen3-coder:480b-a35b-q8_0", 262144, MFL_CONF_EXACT, 253952},
        {"glm-4.7-flash:q8_0", 202752, MFL_CONF_EXACT, 102272},
        {"glm-ocr", 131072, MFL_CONF_EXACT, 65536},
        {"qwen:14b-chat-q4_0", 8192, MFL_CONF_EXACT, 819200},
        {"qwen:7b-q4_0", 32768, MFL_CONF_EXACT, 524288},
        {"qwen2:7b-text", 131072, MFL_CONF_EXACT, 57344},
        {"internlm2:1m", 262144, MFL_CONF_EXACT, 131072},
        {"mistral:text", 16384, MFL_CONF_ASSUMED, 131072},
        {"qwq:latest", 40960, MFL_CONF_ASSUMED, 262144},
        /* Round 3 (SOURCES-U.md to -W.md): new families. */
        {"falcon:40b", 2048, MFL_CONF_EXACT, 122880},
        {"deepseek-llm:67b-chat-q4_K_M", 4096, MFL_CONF_EXACT, 389120},
        {"llama3-gradient:70b", 1048576, MFL_CONF_EXACT, 327680},
        {"yarn-mistral:7b-64k-q8_0", 32768, MFL_CONF_EXACT, 131072},
        {"yarn-mistral:7b-128k", 131072, MFL_CONF_EXACT, 131072},
        {"wizard-math:13b", 4096, MFL_CONF_ASSUMED, 819200},
        {"granite4.1:8b", 131072, MFL_CONF_EXACT, 163840},
        {"codebooga:latest", 16384, MFL_CONF_EXACT, 196608},
        {"rnj-1", 32768, MFL_CONF_EXACT, 131072},
        {"olmo-3.1:32b-instruct", 65536, MFL_CONF_EXACT, 65536},
        {"olmo-3.1", 65536, MFL_CONF_ASSUMED, 65536},
        {"ornith:9b-q4_K_M", 262144, MFL_CONF_ASSUMED, 32768},
        {"nemotron-3-nano:30b", 1048576, MFL_CONF_EXACT, 6144},
        {"devstral-small-2:24b", 393216, MFL_CONF_EXACT, 163840},
        {"deepseek-v2.5", 163840, MFL_CONF_EXACT, 4915200},
        {"lfm2", 32768, MFL_CONF_ASSUMED, 20480},
        {"qwen3-next:80b-a3b-instruct-q8_0", 262144, MFL_CONF_EXACT, 24576},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        mfl_model_t m;
        print_message("%s\n", cases[i].name);
        assert_true(mfl_table_lookup(cases[i].name, strlen(cases[i].name), &m));
        assert_int_equal(m.native_ctx, cases[i].ctx);
        assert_int_equal(m.confidence, cases[i].conf);
        mfl_info_t info;
        assert_int_equal(mfl_info_compute(&m, 4096, MFL_CTX_SRC_PARAMETER, NULL, &info), 0);
        assert_true(info.has_mem);
        assert_int_equal(info.mem.kv_per_token, cases[i].kv_per_token);
    }
}

static void test_table_assumed_and_unknown(void **state) {
    (void)state;
    mfl_model_t m;
    /* Every llama3.2 release in the data has 131,072 tokens: the context is
     * assumed for an unlisted tag, but not the shape (the tag names no size,
     * and the 1b and 3b releases differ). */
    assert_true(mfl_table_lookup("llama3.2:text", 13, &m));
    assert_int_equal(m.confidence, MFL_CONF_ASSUMED);
    assert_int_equal(m.native_ctx, 131072);
    assert_int_equal(m.n_layers, 0);
    assert_int_equal(m.weight_bytes, 0);
    assert_non_null(strstr(m.assumed, "assumed"));
    assert_non_null(strstr(m.assumed, "pull the model"));
    mfl_mem_t e;
    assert_int_equal(mfl_mem_estimate(&m, 8192, NULL, &e), MFL_EINVAL);
    /* The same size: shape assumed too, with the weights of the release's
     * default quantisation (Q4_K_M), not of another listed file (Q8_0). */
    assert_true(mfl_table_lookup("qwen3-coder:30b-a3b", 19, &m));
    assert_int_equal(m.confidence, MFL_CONF_ASSUMED);
    assert_int_equal(m.native_ctx, 262144);
    assert_int_equal(m.n_layers, 48);
    assert_int_equal(m.file_type, 15);
    assert_true(m.weight_bytes < 20e9);
    /* The releases a tag could be disagree: nothing is assumed. */
    assert_true(mfl_table_lookup("qwen3:30b-a3b-instruct-2507", 27, &m));
    assert_int_equal(m.confidence, MFL_CONF_UNKNOWN);
    assert_int_equal(m.native_ctx, 0);
    assert_non_null(strstr(m.assumed, "40,960"));
    assert_non_null(strstr(m.assumed, "262,144"));
    assert_true(mfl_table_lookup("qwen3:30b-a3b-thinking-2507", 27, &m));
    assert_int_equal(m.confidence, MFL_CONF_UNKNOWN);
    /* An entry with figures inferred rather than read (granite4's hybrid
     * KV arrays, Magistral's shape) is assumed, and says which. */
    assert_true(mfl_table_lookup("granite4:tiny-h", 15, &m));
    assert_int_equal(m.confidence, MFL_CONF_ASSUMED);
    assert_int_equal(m.native_ctx, 1048576);
    assert_non_null(strstr(m.assumed, "attention.head_count_kv"));
    assert_true(mfl_table_lookup("magistral:24b", 13, &m));
    assert_int_equal(m.confidence, MFL_CONF_ASSUMED);
    assert_non_null(strstr(m.assumed, "block_count"));
    /* v0.1 and 08-2024 agree on the context but not on the KV heads: for a
     * tag neither lists, the context is assumed, the shape is not. (The
     * bare size `35b` is listed: it is the 08-2024 release.) */
    assert_true(mfl_table_lookup("command-r:35b-instruct", 22, &m));
    assert_int_equal(m.confidence, MFL_CONF_ASSUMED);
    assert_int_equal(m.native_ctx, 131072);
    assert_int_equal(m.kv_heads_sum, 0);
    assert_true(mfl_table_lookup("command-r:35b", 13, &m));
    assert_int_equal(m.confidence, MFL_CONF_EXACT);
    assert_int_equal(m.kv_heads_sum, 40 * 8);
    /* A size the data does not list may be another model (deepseek-r1's 8b
     * is a distill of another architecture): nothing is assumed, although
     * every listed llama3.2 release agrees on the context. */
    assert_true(mfl_table_lookup("llama3.2:8b", 11, &m));
    assert_int_equal(m.confidence, MFL_CONF_UNKNOWN);
    assert_int_equal(m.native_ctx, 0);
    assert_non_null(strstr(m.assumed, "no 8b release"));
    /* Three 7b releases of vicuna (v1.5 at 4,096, v1.5-16k, LLaMA-1 at
     * 2,048) and the bare size not listed: nothing is assumed. */
    assert_true(mfl_table_lookup("vicuna:7b", 9, &m));
    assert_int_equal(m.confidence, MFL_CONF_UNKNOWN);
    assert_int_equal(m.native_ctx, 0);
    /* deepseek-r1:8b is listed now, as the 0528 Qwen3 distill. */
    assert_true(mfl_table_lookup("deepseek-r1:8b", 14, &m));
    assert_int_equal(m.confidence, MFL_CONF_EXACT);
    assert_int_equal(m.n_layers, 36);
    /* A tag the data does not list (phi3:14b-instruct; the medium-4k
     * release has 4,096 tokens, medium-128k 131,072): unknown. */
    assert_true(mfl_table_lookup("phi3:14b-instruct", 17, &m));
    assert_int_equal(m.confidence, MFL_CONF_UNKNOWN);
    assert_non_null(strstr(m.assumed, "4,096"));
    assert_non_null(strstr(m.assumed, "131,072"));
    /* A size that only the entry's id names: context and shape are assumed
     * (nemotron lists only the tag `latest`, entry 70b-instruct). */
    assert_true(mfl_table_lookup("nemotron:70b", 12, &m));
    assert_int_equal(m.confidence, MFL_CONF_ASSUMED);
    assert_int_equal(m.native_ctx, 131072);
    assert_int_equal(m.n_layers, 80);
    /* Not a known family, not the library, not a name. */
    assert_false(mfl_table_lookup("qwen9.9:4b", 10, &m));
    assert_false(mfl_table_lookup("someone/qwen3-coder:30b", 23, &m));
    assert_false(mfl_table_lookup("-bad:name", 9, &m));
}

static void test_table_every_entry_has_provenance(void **state) {
    (void)state;
    assert_true(mfl_table_count() >= 10);
    for (size_t i = 0; i < mfl_table_count(); i++) {
        const mfl_table_entry_t *e = mfl_table_at(i);
        assert_non_null(e->source);
        assert_true(strncmp(e->source, "http", 4) == 0);
        assert_non_null(e->checked);
        assert_int_equal(strlen(e->checked), 10); /* YYYY-MM-DD */
        assert_true(e->checked[4] == '-' && e->checked[7] == '-');
        assert_non_null(e->tags_source);
        assert_true(strncmp(e->tags_source, "http", 4) == 0);
        assert_true(e->n_tags > 0);
        assert_true(e->ctx > 0);
        /* Read like a GGUF: the entry's keys give a model with a shape. */
        mfl_model_t m;
        mfl_table_entry_to_model(e, NULL, &m);
        assert_int_equal(m.gguf_ctx, e->ctx);
        /* The native context is the GGUF's unless a note says why not
         * (mfl_model_apply_notes: Mistral-Nemo's 1,024,000). */
        if (m.ctx_note[0] && m.native_ctx != e->ctx)
            assert_true(m.native_ctx < e->ctx);
        else
            assert_int_equal(m.native_ctx, e->ctx);
        assert_true(m.n_layers > 0);
        assert_true(m.kv_heads_sum > 0);
        assert_true(m.key_length > 0);
    }
}

static void test_gguf_notes_for_overstated_contexts(void **state) {
    (void)state;
    mfl_model_t m;
    mfl_model_init(&m);
    snprintf(m.name, sizeof m.name, "Mistral-Nemo-Instruct-2407");
    m.native_ctx = m.gguf_ctx = 1024000;
    assert_true(mfl_model_apply_notes(&m));
    assert_int_equal(m.native_ctx, 131072);
    assert_int_equal(m.gguf_ctx, 1024000);
    assert_non_null(strstr(m.ctx_note, "1,024,000"));
    /* The built-in data's Mistral-Nemo (its GGUF says 1,024,000) gets the
     * same note as the GGUF read from disk or the store. */
    assert_true(mfl_table_lookup("mistral-nemo", 12, &m));
    assert_int_equal(m.confidence, MFL_CONF_EXACT);
    assert_int_equal(m.gguf_ctx, 1024000);
    assert_int_equal(m.native_ctx, 131072);
    assert_non_null(strstr(m.ctx_note, "1,024,000"));
}

static void test_size_parse_units(void **state) {
    (void)state;
    uint64_t v;
    char err[256];
    assert_int_equal(mfl_size_parse("24GiB", &v, err, sizeof err), 0);
    assert_int_equal(v, 24ull << 30);
    assert_int_equal(mfl_size_parse("64 GB", &v, err, sizeof err), 0);
    assert_int_equal(v, 64000000000ull);
    assert_int_equal(mfl_size_parse("512mib", &v, err, sizeof err), 0);
    assert_int_equal(v, 512ull << 20);
    assert_int_equal(mfl_size_parse("1.5TB", &v, err, sizeof err), 0);
    assert_int_equal(v, 1500000000000ull);
    assert_int_equal(mfl_size_parse("18.6GB", &v, err, sizeof err), 0);
    assert_int_equal(v, 18600000000ull);
    /* A bare number is not a size: a suggestion, not bytes. */
    assert_int_equal(mfl_size_parse("24", &v, err, sizeof err), MFL_EINVAL);
    assert_non_null(strstr(err, "did you mean 24GiB?"));
    /* Ambiguous or unknown units. */
    assert_int_equal(mfl_size_parse("17G", &v, err, sizeof err), MFL_EINVAL);
    assert_non_null(strstr(err, "GiB"));
    assert_int_equal(mfl_size_parse("-3GB", &v, err, sizeof err), MFL_EINVAL);
    assert_int_equal(mfl_size_parse("", &v, err, sizeof err), MFL_EINVAL);
    assert_int_equal(mfl_size_parse("99999999999999999999TiB", &v, err, sizeof err), MFL_EINVAL);
    assert_int_equal(mfl_size_parse(NULL, &v, NULL, 0), MFL_EINVAL);
}

static void test_hardware_memory_is_binary(void **state) {
    (void)state;
    mfl_budget_t b = {0};
    const mfl_hw_profile_t *mac = mfl_hw_find("mac-studio-m2-ultra-64");
    assert_non_null(mac);
    assert_int_equal(mac->memory_bytes, 64ull << 30);
    mfl_hw_apply(mac, &b);
    assert_int_equal(b.memory_budget, 48ull << 30);    /* 75 % of 64 GiB */
    assert_int_equal(b.runtime_reserve, 512ull << 20); /* Metal */
    assert_int_equal(mfl_ollama_default_ctx(mfl_version_default(), b.memory_budget, NULL, NULL),
                     262144);
    mfl_hw_apply(mfl_hw_find("rtx-4090"), &b);
    assert_int_equal(b.memory_budget, 24ull << 30);
    assert_int_equal(b.runtime_reserve, 457ull << 20);
    assert_int_equal(mfl_ollama_default_ctx(mfl_version_default(), b.memory_budget, NULL, NULL),
                     32768);
    b.runtime_reserve = 0;
    assert_int_equal(mfl_runtime_reserve(&b), 512ull << 20); /* unknown device: the larger */
}

static void test_name_parse(void **state) {
    (void)state;
    mfl_name_t n;
    char buf[600];
    assert_int_equal(mfl_name_parse("localhost:5000/ns/m:t", 21, &n), 0);
    assert_string_equal(n.host, "localhost:5000");
    assert_string_equal(n.ns, "ns");
    assert_string_equal(n.model, "m");
    assert_string_equal(n.tag, "t");
    assert_int_equal(mfl_name_parse("someuser/mymodel", 16, &n), 0);
    assert_string_equal(mfl_name_short(&n, buf, sizeof buf), "someuser/mymodel:latest");
    assert_int_equal(mfl_name_parse("qwen3:8b", 8, &n), 0);
    assert_string_equal(mfl_name_short(&n, buf, sizeof buf), "qwen3:8b");
    assert_int_equal(mfl_name_parse("host/name:space/model:tag", 25, &n), MFL_EINVAL);
    assert_int_equal(mfl_name_parse("-mm:tt", 6, &n), MFL_EINVAL);
    assert_int_equal(mfl_name_parse("a/b/c/d", 7, &n), MFL_EINVAL);
    assert_int_equal(mfl_name_parse("m@sha256:00", 11, &n), MFL_EINVAL);
    assert_int_equal(mfl_name_parse("./model.gguf", 12, &n), MFL_EINVAL);
    assert_int_equal(mfl_name_parse("m:", 2, &n), MFL_EINVAL);
}

static void test_hardware_profiles(void **state) {
    (void)state;
    const mfl_hw_profile_t *hw = mfl_hw_find("DGX-Spark-128");
    assert_non_null(hw);
    assert_true(hw->bandwidth_gbps == 273);
    assert_null(mfl_hw_find("mac-studio-m3-ultra-192")); /* no such option */
    assert_non_null(mfl_hw_find("mac-studio-m3-ultra-512"));
    for (size_t i = 0; i < mfl_hw_count(); i++) {
        assert_ptr_equal(mfl_hw_find(mfl_hw_at(i)->id), mfl_hw_at(i));
        assert_true(mfl_hw_at(i)->usable_share > 0 && mfl_hw_at(i)->usable_share <= 1);
    }
}

static size_t scan(const char *s, mfl_label_t *l) { return mfl_label_scan(s, strlen(s), l, 8); }

static void test_labels(void **state) {
    (void)state;
    mfl_label_t l[8];
    assert_int_equal(scan("v-128k", l), 1);
    assert_true(mfl_label_agrees(&l[0], 131072));
    assert_true(mfl_label_agrees(&l[0], 128000));
    assert_false(mfl_label_agrees(&l[0], 262144));
    assert_int_equal(l[0].start, 2);
    assert_int_equal(l[0].end, 6);
    assert_int_equal(scan("30b-262k", l), 1);
    assert_true(mfl_label_agrees(&l[0], 262144));
    assert_int_equal(scan("qwen3-coder-256K.modelfile", l), 1);
    assert_true(mfl_label_agrees(&l[0], 262144));
    assert_int_equal(scan("qwen3-coder-q4-200k", l), 1);
    assert_false(mfl_label_agrees(&l[0], 262144));
    assert_int_equal(scan("# 128k context", l), 1);
    assert_int_equal(scan("ctx8192", l), 1);
    assert_int_equal(l[0].values[0], 8192);
    assert_int_equal(scan("ctx-32k", l), 1);
    assert_true(mfl_label_agrees(&l[0], 32768));
    assert_int_equal(scan("Qwen2.5-7B-Instruct-1M", l), 1);
    assert_true(mfl_label_agrees(&l[0], 1010000));
    assert_true(mfl_label_agrees(&l[0], 1048576));
    assert_int_equal(scan("1.5m", l), 1);
    assert_true(mfl_label_agrees(&l[0], 1500000));
    assert_int_equal(scan("Phi-3-mini-4k-instruct", l), 1);
    assert_true(mfl_label_agrees(&l[0], 4096));
    /* Never labels: quants, sizes, versions, parameter counts. */
    assert_int_equal(scan("qwen3-coder:30b-a3b-q4_K_M", l), 0);
    assert_int_equal(scan("mixtral:8x7b-instruct-v0.1-q8_0", l), 0);
    assert_int_equal(scan("gemma3n:e4b", l), 0);
    assert_int_equal(scan("smollm:360m", l), 0);
    assert_int_equal(scan("llama3.1:8b", l), 0);
    assert_int_equal(scan("qwen2.5:7b-k", l), 0);
    assert_int_equal(scan("v2.5k", l), 0);
}

static void test_info_text_shows_the_figures(void **state) {
    (void)state;
    mfl_model_t m = qwen();
    mfl_budget_t b = {0};
    mfl_hw_apply(mfl_hw_find("mac-studio-m2-ultra-64"), &b);
    b.prefill_rate = 400;
    b.client_timeout = 300;
    mfl_info_t info;
    assert_int_equal(mfl_info_compute(&m, 131072, MFL_CTX_SRC_PARAMETER, &b, &info), 0);
    assert_true(info.fits);
    assert_int_equal(info.max_fit_ctx, 262144);
    assert_int_equal(info.kv_native, 25769803776ull);
    char *md = mfl_info_format(&info, true);
    assert_non_null(md);
    assert_non_null(strstr(md, "262,144"));
    assert_non_null(strstr(md, "131,072"));
    assert_non_null(strstr(md, "24.00 GiB"));
    assert_non_null(strstr(md, "PARAMETER num_ctx"));
    assert_non_null(strstr(md, "longer than the client timeout"));
    /* Bold labels in a list: no table (Neovim's and eglot's hovers show
     * tables raw). */
    assert_non_null(strstr(md, "- **Native context:** 262,144 tokens"));
    assert_null(strstr(md, "|"));
    mfl_free(md);
    char *txt = mfl_info_text(&m, 1000000, MFL_CTX_SRC_PARAMETER, NULL, false);
    assert_non_null(txt);
    assert_non_null(strstr(txt, "clamps it to 262,144"));
    assert_null(strstr(txt, "|"));
    mfl_free(txt);
    assert_null(mfl_info_text(NULL, 0, MFL_CTX_SRC_DEFAULT, NULL, false));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_memory_qwen3_coder_kv_at_native),
        cmocka_unit_test(test_memory_qwen3_coder_total_fits_64_gb),
        cmocka_unit_test(test_memory_largest_fit_is_a_multiple_of_1024),
        cmocka_unit_test(test_memory_decode_and_prefill),
        cmocka_unit_test(test_memory_sliding_window_counts_global_layers),
        cmocka_unit_test(test_memory_kv_type_names),
        cmocka_unit_test(test_table_exact_tags),
        cmocka_unit_test(test_table_quantisation_variants_are_exact_shapes),
        cmocka_unit_test(test_table_release_by_release),
        cmocka_unit_test(test_table_assumed_and_unknown),
        cmocka_unit_test(test_table_every_entry_has_provenance),
        cmocka_unit_test(test_gguf_notes_for_overstated_contexts),
        cmocka_unit_test(test_size_parse_units),
        cmocka_unit_test(test_hardware_memory_is_binary),
        cmocka_unit_test(test_memory_deepseek_without_mla_keys_caches_full_kv),
        cmocka_unit_test(test_kvset_hybrid_and_shared_layers),
        cmocka_unit_test(test_kvset_llama4_chunked_by_target),
        cmocka_unit_test(test_kvset_swa_head_size_and_mtp_layers),
        cmocka_unit_test(test_name_parse),
        cmocka_unit_test(test_hardware_profiles),
        cmocka_unit_test(test_labels),
        cmocka_unit_test(test_info_text_shows_the_figures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

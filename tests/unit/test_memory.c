/* SPDX-License-Identifier: MIT */
/* Memory and time estimates, the model table, names, hardware profiles,
 * context labels and the info text; the Qwen3-Coder-30B story in numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
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
    assert_int_equal(mfl_mem_kv_bytes(&m, 262144, 1, MFL_KV_F16), 25769803776ull); /* 24 GiB */
    assert_int_equal(mfl_mem_kv_bytes(&m, 262144, 1, MFL_KV_Q8_0), 13690208256ull); /* 12.75 GiB */
    assert_int_equal(mfl_mem_kv_bytes(&m, 262144, 1, MFL_KV_Q4_0), 7247757312ull); /* 6.75 GiB */
    assert_int_equal(mfl_mem_kv_bytes(&m, 1, 1, MFL_KV_F16), 98304);              /* 96 KiB */
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
    assert_true(mfl_table_lookup("gemma3:27b", 10, &m));
    assert_int_equal(m.n_global_layers, 10);
    /* Globals: 10 x 16 x 256 x 2 B per token; windowed: 52 layers x (1024+512) tokens. */
    uint64_t want = 131072ull * 10 * 16 * 256 * 2 + 1536ull * 52 * 16 * 256 * 2;
    assert_int_equal(mfl_mem_kv_bytes(&m, 131072, 1, MFL_KV_F16), want);
    mfl_model_t g;
    assert_true(mfl_table_lookup("gpt-oss:20b", 11, &g));
    assert_int_equal(g.n_global_layers, 12);
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
    assert_int_equal(mfl_ctx_default_for_memory(48ull << 30), 262144);
    assert_int_equal(mfl_ctx_default_for_memory(24ull << 30), 32768);
    assert_int_equal(mfl_ctx_default_for_memory(0), 4096);
}

static void test_table_names_and_aliases(void **state) {
    (void)state;
    static const struct {
        const char *name, *key;
    } cases[] = {
        {"qwen3-coder", "qwen3-coder:30b"},
        {"Qwen3-Coder:LATEST", "qwen3-coder:30b"},
        {"qwen3-coder:30b-a3b-q4_K_M", "qwen3-coder:30b"},
        {"registry.ollama.ai/library/qwen3-coder:30b", "qwen3-coder:30b"},
        {"https://registry.ollama.ai/library/qwen3-coder:30b", "qwen3-coder:30b"},
        {"hf.co/unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF:Q4_K_M", "qwen3-coder:30b"},
        {"hf.co/unsloth/qwen3-coder-30b-a3b-instruct-gguf", "qwen3-coder:30b"},
        {"qwen2.5-coder:7b-instruct-q8_0", "qwen2.5-coder:7b"},
        {"mistral-nemo", "mistral-nemo:12b"},
        {"llama3.2", "llama3.2:3b"},
        {"codestral:22b-v0.1-q3_K_M", "codestral:22b"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const mfl_table_entry_t *e = mfl_table_find(cases[i].name, strlen(cases[i].name));
        assert_non_null(e);
        assert_string_equal(e->name, cases[i].key);
    }
    assert_null(mfl_table_find("v-128k", 6));
    assert_null(mfl_table_find("codestral:22b-x1-q3_K_M", 23));
    assert_null(mfl_table_find("someone/qwen3-coder:30b", 23));
    assert_null(mfl_table_find("-bad:name", 9));
    /* A q8_0 tag scales the weights. */
    mfl_model_t m;
    assert_true(mfl_table_lookup("qwen3-coder:30b-a3b-q8_0", 24, &m));
    assert_int_equal(m.file_type, 7);
    assert_true(m.weight_bytes > 30e9);
    /* Mistral-Nemo's note. */
    assert_true(mfl_table_lookup("mistral-nemo:12b", 16, &m));
    assert_int_equal(m.native_ctx, 131072);
    assert_int_equal(m.gguf_ctx, 1024000);
    assert_non_null(strstr(m.ctx_note, "1,024,000"));
    /* Every entry's name parses and finds itself. */
    for (size_t i = 0; i < mfl_table_count(); i++) {
        const mfl_table_entry_t *e = mfl_table_at(i);
        assert_ptr_equal(mfl_table_find(e->name, strlen(e->name)), e);
    }
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

static size_t scan(const char *s, mfl_label_t *l) {
    return mfl_label_scan(s, strlen(s), l, 8);
}

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
        cmocka_unit_test(test_table_names_and_aliases),
        cmocka_unit_test(test_name_parse),
        cmocka_unit_test(test_hardware_profiles),
        cmocka_unit_test(test_labels),
        cmocka_unit_test(test_info_text_shows_the_figures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

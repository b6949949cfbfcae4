/* SPDX-License-Identifier: MIT */
/* GGUF header reader: versions, byte orders, per-layer arrays, SWA, MLA and
 * every kind of malformed or truncated header. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "gguf_builder.h"
#include "mfl_knowledge.h"

static int parse(gguf_builder_t *b, mfl_model_t *m) {
    size_t len;
    const uint8_t *p = gb_data(b, &len);
    mfl_model_init(m);
    return mfl_gguf_parse(p, len, len, m);
}

static void check_qwen(const mfl_model_t *m) {
    assert_string_equal(m->arch, "qwen3moe");
    assert_string_equal(m->name, "Qwen3 Coder 30B A3B Instruct");
    assert_string_equal(m->basename, "Qwen3-Coder");
    assert_string_equal(m->size_label, "30B-A3B");
    assert_int_equal(m->native_ctx, 262144);
    assert_int_equal(m->gguf_ctx, 262144);
    assert_int_equal(m->n_layers, 48);
    assert_int_equal(m->n_head, 32);
    assert_int_equal(m->n_kv_head_max, 4);
    assert_int_equal(m->kv_heads_sum, 48 * 4);
    assert_int_equal(m->n_global_layers, 48);
    assert_int_equal(m->key_length, 128);
    assert_int_equal(m->value_length, 128);
    assert_int_equal(m->expert_count, 128);
    assert_int_equal(m->expert_used_count, 8);
    assert_int_equal(m->file_type, 15);
    assert_int_equal(m->vocab_size, 1000);
    assert_string_equal(mfl_gguf_file_type_name(m->file_type), "Q4_K_M");
}

static void test_gguf_reads_v3_little_endian(void **state) {
    (void)state;
    gguf_builder_t *b = gb_qwen3_coder_30b();
    mfl_model_t m;
    assert_int_equal(parse(b, &m), 0);
    assert_string_equal(m.error, "");
    assert_int_equal(m.gguf_version, 3);
    check_qwen(&m);
    gb_free(b);
}

static void build_v(gguf_builder_t *b) {
    gb_str(b, "general.architecture", "qwen3moe");
    gb_str(b, "general.name", "Qwen3 Coder 30B A3B Instruct");
    gb_str(b, "general.basename", "Qwen3-Coder");
    gb_str(b, "general.size_label", "30B-A3B");
    gb_u32(b, "general.file_type", 15);
    gb_u64(b, "qwen3moe.context_length", 262144); /* uint64 is fine too */
    gb_u32(b, "qwen3moe.block_count", 48);
    gb_u32(b, "qwen3moe.embedding_length", 2048);
    gb_u32(b, "qwen3moe.attention.head_count", 32);
    gb_u32(b, "qwen3moe.attention.head_count_kv", 4);
    gb_u32(b, "qwen3moe.attention.key_length", 128);
    gb_u32(b, "qwen3moe.attention.value_length", 128);
    gb_u32(b, "qwen3moe.expert_count", 128);
    gb_u32(b, "qwen3moe.expert_used_count", 8);
    gb_arr_str(b, "tokenizer.ggml.tokens", "t", 1000);
}

static void test_gguf_reads_v2_and_big_endian(void **state) {
    (void)state;
    mfl_model_t m;
    gguf_builder_t *b = gb_new(2, false);
    build_v(b);
    assert_int_equal(parse(b, &m), 0);
    assert_int_equal(m.gguf_version, 2);
    check_qwen(&m);
    gb_free(b);
    b = gb_new(3, true);
    build_v(b);
    assert_int_equal(parse(b, &m), 0);
    assert_int_equal(m.gguf_version, 3);
    check_qwen(&m);
    gb_free(b);
}

static void test_gguf_rejects_v1_and_other_files(void **state) {
    (void)state;
    mfl_model_t m;
    gguf_builder_t *b = gb_new(1, false);
    gb_str(b, "general.architecture", "llama");
    assert_int_equal(parse(b, &m), MFL_EUNSUPPORTED);
    assert_non_null(strstr(m.error, "v1"));
    gb_free(b);
    mfl_model_init(&m);
    assert_int_equal(mfl_gguf_parse("PK\3\4 zip file", 14, 14, &m), MFL_EUNSUPPORTED);
    assert_non_null(strstr(m.error, "not a GGUF"));
    mfl_model_init(&m);
    assert_int_equal(mfl_gguf_parse("GGUF\x07\0\0\0", 8, 8, &m), MFL_EINVAL);
    mfl_model_init(&m);
    assert_int_equal(mfl_gguf_parse(NULL, 0, 0, &m), MFL_ETRUNCATED);
}

static void test_gguf_every_truncation_is_an_error_not_a_crash(void **state) {
    (void)state;
    gguf_builder_t *b = gb_qwen3_coder_30b();
    size_t len;
    const uint8_t *p = gb_data(b, &len);
    for (size_t n = 0; n < len; n++) {
        /* A private copy, so ASan sees any read past n. */
        uint8_t *copy = malloc(n ? n : 1);
        memcpy(copy, p, n);
        mfl_model_t m;
        mfl_model_init(&m);
        int rc = mfl_gguf_parse(copy, n, n, &m);
        assert_true(rc == MFL_EINVAL || rc == MFL_EUNSUPPORTED || rc == MFL_ETRUNCATED);
        assert_true(m.error[0] != '\0');
        if (n >= 8) assert_non_null(strstr(m.error, "truncated"));
        mfl_model_init(&m);
        /* With the whole file bigger than the buffer the caller may read more. */
        if (n >= 8) assert_int_equal(mfl_gguf_parse(copy, n, len + 100, &m), MFL_ETRUNCATED);
        free(copy);
    }
    gb_free(b);
}

static void test_gguf_rejects_implausible_counts_quickly(void **state) {
    (void)state;
    mfl_model_t m;
    gguf_builder_t *b = gb_new(3, false);
    gb_set_kv_count(b, 1ull << 60);
    assert_int_equal(parse(b, &m), MFL_EINVAL);
    assert_non_null(strstr(m.error, "implausible"));
    gb_free(b);

    /* A string length of 2^60. */
    b = gb_new(3, false);
    gb_set_kv_count(b, 1);
    gb_raw_u64(b, 1ull << 60);
    assert_int_equal(parse(b, &m), MFL_EINVAL);
    gb_free(b);

    /* An array of 2^40 uint32 elements. */
    b = gb_new(3, false);
    gb_set_kv_count(b, 1);
    gb_raw_key(b, "x.y");
    gb_raw_u32(b, GB_ARR);
    gb_raw_u32(b, GB_U32);
    gb_raw_u64(b, 1ull << 40);
    assert_int_equal(parse(b, &m), MFL_EINVAL);
    gb_free(b);

    /* 60 Mi elements claimed, but the buffer holds far fewer. */
    b = gb_new(3, false);
    gb_set_kv_count(b, 1);
    gb_raw_key(b, "x.y");
    gb_raw_u32(b, GB_ARR);
    gb_raw_u32(b, GB_STR);
    gb_raw_u64(b, 60ull << 20);
    gb_pad(b, 64);
    assert_int_equal(parse(b, &m), MFL_EINVAL);
    gb_free(b);

    /* Nested arrays are malformed. */
    b = gb_new(3, false);
    gb_set_kv_count(b, 1);
    gb_raw_key(b, "x.y");
    gb_raw_u32(b, GB_ARR);
    gb_raw_u32(b, GB_ARR);
    gb_raw_u64(b, 1);
    assert_int_equal(parse(b, &m), MFL_EINVAL);
    gb_free(b);

    /* An unknown value type. */
    b = gb_new(3, false);
    gb_set_kv_count(b, 1);
    gb_raw_key(b, "x.y");
    gb_raw_u32(b, 99);
    assert_int_equal(parse(b, &m), MFL_EINVAL);
    gb_free(b);

    /* Implausible block count. */
    b = gb_new(3, false);
    gb_str(b, "general.architecture", "llama");
    gb_u64(b, "llama.block_count", 1ull << 40);
    assert_int_equal(parse(b, &m), MFL_EINVAL);
    gb_free(b);
}

static void test_gguf_duplicate_and_missing_keys(void **state) {
    (void)state;
    mfl_model_t m;
    gguf_builder_t *b = gb_new(3, false);
    gb_str(b, "general.architecture", "llama");
    gb_u32(b, "llama.context_length", 8192);
    gb_u32(b, "llama.context_length", 4096);
    assert_int_equal(parse(b, &m), MFL_EINVAL);
    assert_non_null(strstr(m.error, "duplicate"));
    gb_free(b);

    b = gb_new(3, false);
    gb_u32(b, "llama.context_length", 8192);
    assert_int_equal(parse(b, &m), MFL_EINVAL);
    assert_non_null(strstr(m.error, "architecture"));
    gb_free(b);
}

static void test_gguf_key_order_and_foreign_prefixes(void **state) {
    (void)state;
    mfl_model_t m;
    gguf_builder_t *b = gb_new(3, false);
    gb_u32(b, "clip.context_length", 77);      /* a projector's keys */
    gb_u32(b, "llama.context_length", 131072); /* before the architecture */
    gb_u32(b, "llama.block_count", 32);
    gb_u32(b, "llama.embedding_length", 4096);
    gb_u32(b, "llama.attention.head_count", 32); /* no head_count_kv: MHA */
    gb_i32(b, "llama.rope.dimension_count", -1); /* negative: ignored */
    gb_f32(b, "llama.rope.freq_base", 500000.0f);
    gb_str(b, "tokenizer.chat_template", "{{ .Prompt }}");
    gb_str(b, "general.architecture", "llama");
    assert_int_equal(parse(b, &m), 0);
    assert_int_equal(m.native_ctx, 131072);
    assert_int_equal(m.n_layers, 32);
    assert_int_equal(m.kv_heads_sum, 32 * 32);
    assert_int_equal(m.key_length, 128); /* 4096 / 32 */
    assert_int_equal(m.value_length, 128);
    assert_string_equal(m.name, "llama");
    gb_free(b);
}

static void test_gguf_per_layer_heads_with_recurrent_layers(void **state) {
    (void)state;
    mfl_model_t m;
    uint32_t kv[8] = {0, 0, 0, 8, 0, 0, 0, 8};
    gguf_builder_t *b = gb_new(3, false);
    gb_str(b, "general.architecture", "hybrid");
    gb_u32(b, "hybrid.block_count", 8);
    gb_u32(b, "hybrid.context_length", 65536);
    gb_u32(b, "hybrid.embedding_length", 2048);
    gb_u32(b, "hybrid.attention.head_count", 16);
    gb_arr_u32(b, "hybrid.attention.head_count_kv", kv, 8);
    gb_u32(b, "hybrid.attention.key_length", 128);
    gb_u32(b, "hybrid.attention.value_length", 128);
    assert_int_equal(parse(b, &m), 0);
    assert_int_equal(m.kv_heads_sum, 16);
    assert_int_equal(m.n_global_layers, 2);
    assert_int_equal(m.n_kv_head_max, 8);
    gb_free(b);
}

static void test_gguf_sliding_window_patterns(void **state) {
    (void)state;
    mfl_model_t m;
    /* gemma3: no pattern key, every 6th layer global. */
    gguf_builder_t *b = gb_new(3, false);
    gb_str(b, "general.architecture", "gemma3");
    gb_u32(b, "gemma3.block_count", 62);
    gb_u32(b, "gemma3.context_length", 131072);
    gb_u32(b, "gemma3.attention.head_count", 32);
    gb_u32(b, "gemma3.attention.head_count_kv", 16);
    gb_u32(b, "gemma3.attention.key_length", 128);
    gb_u32(b, "gemma3.attention.value_length", 128);
    gb_u32(b, "gemma3.attention.sliding_window", 1024);
    assert_int_equal(parse(b, &m), 0);
    assert_int_equal(m.n_global_layers, 10);
    assert_int_equal(m.n_swa_layers, 52);
    assert_int_equal(m.kv_heads_sum_swa, 52 * 16);
    gb_free(b);

    /* A per-layer bool array wins. */
    bool pat[4] = {true, false, true, false};
    b = gb_new(3, false);
    gb_str(b, "general.architecture", "gpt-oss");
    gb_u32(b, "gpt-oss.block_count", 4);
    gb_u32(b, "gpt-oss.context_length", 131072);
    gb_u32(b, "gpt-oss.attention.head_count", 64);
    gb_u32(b, "gpt-oss.attention.head_count_kv", 8);
    gb_u32(b, "gpt-oss.attention.key_length", 64);
    gb_u32(b, "gpt-oss.attention.value_length", 64);
    gb_u32(b, "gpt-oss.attention.sliding_window", 128);
    gb_arr_bool(b, "gpt-oss.attention.sliding_window_pattern", pat, 4);
    assert_int_equal(parse(b, &m), 0);
    assert_int_equal(m.n_swa_layers, 2);
    assert_int_equal(m.n_global_layers, 2);
    gb_free(b);

    /* gemma3n: trailing shared-KV layers have no cache. */
    b = gb_new(3, false);
    gb_str(b, "general.architecture", "gemma3n");
    gb_u32(b, "gemma3n.block_count", 35);
    gb_u32(b, "gemma3n.context_length", 32768);
    gb_u32(b, "gemma3n.attention.head_count", 8);
    gb_u32(b, "gemma3n.attention.head_count_kv", 2);
    gb_u32(b, "gemma3n.attention.key_length", 256);
    gb_u32(b, "gemma3n.attention.value_length", 256);
    gb_u32(b, "gemma3n.attention.sliding_window", 512);
    gb_u32(b, "gemma3n.attention.shared_kv_layers", 15);
    assert_int_equal(parse(b, &m), 0);
    assert_int_equal(m.n_swa_layers + m.n_global_layers, 20);
    assert_int_equal(m.n_global_layers, 4);
    gb_free(b);
    /* llama.cpp's converter writes the count as a float32: the same;
     * a fraction is no count and is ignored (every layer caches). */
    for (int frac = 0; frac < 2; frac++) {
        b = gb_new(3, false);
        gb_str(b, "general.architecture", "gemma3n");
        gb_u32(b, "gemma3n.block_count", 35);
        gb_u32(b, "gemma3n.context_length", 32768);
        gb_u32(b, "gemma3n.attention.head_count", 8);
        gb_u32(b, "gemma3n.attention.head_count_kv", 2);
        gb_u32(b, "gemma3n.attention.key_length", 256);
        gb_u32(b, "gemma3n.attention.value_length", 256);
        gb_u32(b, "gemma3n.attention.sliding_window", 512);
        gb_f32(b, "gemma3n.attention.shared_kv_layers", frac ? 15.5f : 15.0f);
        assert_int_equal(parse(b, &m), 0);
        assert_int_equal(m.n_swa_layers + m.n_global_layers, frac ? 35 : 20);
        gb_free(b);
    }
}

static void test_gguf_mla_only_with_mla_keys(void **state) {
    (void)state;
    mfl_model_t m;
    gguf_builder_t *b = gb_new(3, false);
    gb_str(b, "general.architecture", "deepseek2");
    gb_u32(b, "deepseek2.block_count", 61);
    gb_u32(b, "deepseek2.context_length", 163840);
    gb_u32(b, "deepseek2.attention.head_count", 128);
    gb_u32(b, "deepseek2.attention.head_count_kv", 1);
    gb_u32(b, "deepseek2.attention.key_length", 576);
    gb_u32(b, "deepseek2.attention.value_length", 512);
    gb_u32(b, "deepseek2.attention.key_length_mla", 192);
    gb_u32(b, "deepseek2.attention.value_length_mla", 128);
    gb_u32(b, "deepseek2.attention.kv_lora_rank", 512);
    assert_int_equal(parse(b, &m), 0);
    assert_true(m.mla);
    assert_int_equal(m.kv_heads_sum, 61);
    assert_int_equal(m.key_length, 576);
    assert_int_equal(m.value_length, 512);
    uint64_t latent = mfl_mem_kv_bytes(&m, 1, 1, MFL_KV_F16);
    assert_int_equal(latent, 61 * (576 + 512) * 2);
    gb_free(b);

    /* A blob without the MLA lengths (the library's deepseek-r1:671b): Ollama
     * caches full K (192) and V (128) for each of the 128 KV heads, whatever
     * kv_lora_rank says: 37 times the latent. */
    b = gb_new(3, false);
    gb_str(b, "general.architecture", "deepseek2");
    gb_u32(b, "deepseek2.block_count", 61);
    gb_u32(b, "deepseek2.context_length", 163840);
    gb_u32(b, "deepseek2.attention.head_count", 128);
    gb_u32(b, "deepseek2.attention.head_count_kv", 128);
    gb_u32(b, "deepseek2.attention.key_length", 192);
    gb_u32(b, "deepseek2.attention.value_length", 128);
    gb_u32(b, "deepseek2.attention.kv_lora_rank", 512);
    gb_u32(b, "deepseek2.rope.dimension_count", 64);
    assert_int_equal(parse(b, &m), 0);
    assert_false(m.mla);
    assert_int_equal(m.kv_heads_sum, 61 * 128);
    assert_int_equal(mfl_mem_kv_bytes(&m, 1, 1, MFL_KV_F16), 61ull * 128 * (192 + 128) * 2);
    gb_free(b);
}

static void test_gguf_notes_fix_mistral_nemo(void **state) {
    (void)state;
    mfl_model_t m;
    gguf_builder_t *b = gb_new(3, false);
    gb_str(b, "general.architecture", "llama");
    gb_str(b, "general.name", "Mistral Nemo Instruct 2407");
    gb_u32(b, "llama.context_length", 1024000);
    assert_int_equal(parse(b, &m), 0);
    assert_true(mfl_model_apply_notes(&m));
    assert_int_equal(m.native_ctx, 131072);
    assert_int_equal(m.gguf_ctx, 1024000);
    assert_non_null(strstr(m.ctx_note, "1,024,000"));
    gb_free(b);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gguf_reads_v3_little_endian),
        cmocka_unit_test(test_gguf_reads_v2_and_big_endian),
        cmocka_unit_test(test_gguf_rejects_v1_and_other_files),
        cmocka_unit_test(test_gguf_every_truncation_is_an_error_not_a_crash),
        cmocka_unit_test(test_gguf_rejects_implausible_counts_quickly),
        cmocka_unit_test(test_gguf_duplicate_and_missing_keys),
        cmocka_unit_test(test_gguf_key_order_and_foreign_prefixes),
        cmocka_unit_test(test_gguf_per_layer_heads_with_recurrent_layers),
        cmocka_unit_test(test_gguf_sliding_window_patterns),
        cmocka_unit_test(test_gguf_mla_only_with_mla_keys),
        cmocka_unit_test(test_gguf_notes_fix_mistral_nemo),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

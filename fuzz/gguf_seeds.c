/* SPDX-License-Identifier: MIT */
/* Writes GGUF seed headers for fuzz_gguf (8-byte claimed file size, then
 * the header) into the folder given as argv[1]. Built only by hand:
 *   cc -Ilint/include -Itests/unit fuzz/gguf_seeds.c tests/unit/gguf_builder.c */
#include "gguf_builder.h"

#include <stdio.h>
#include <string.h>

static void put(const char *dir, const char *name, gguf_builder_t *b) {
    char path[4096];
    size_t len;
    const uint8_t *d = gb_data(b, &len);
    uint64_t size = (uint64_t)len + 4096;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (f == NULL) return;
    fwrite(&size, 8, 1, f);
    fwrite(d, 1, len, f);
    fclose(f);
    gb_free(b);
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : ".";
    put(dir, "qwen3moe", gb_qwen3_coder_30b());
    for (int v = 1; v <= 3; v++) {
        for (int be = 0; be < 2; be++) {
            gguf_builder_t *b = gb_new((uint32_t)v, be);
            gb_str(b, "general.architecture", "gemma3");
            gb_str(b, "general.basename", "gemma-3");
            gb_str(b, "general.size_label", "4B");
            gb_u32(b, "gemma3.context_length", 131072);
            gb_u32(b, "gemma3.block_count", 6);
            gb_u32(b, "gemma3.attention.head_count", 8);
            uint32_t kv[6] = {4, 4, 4, 4, 4, 1};
            gb_arr_u32(b, "gemma3.attention.head_count_kv", kv, 6);
            gb_u32(b, "gemma3.attention.key_length", 256);
            gb_u32(b, "gemma3.attention.sliding_window", 1024);
            bool pat[6] = {true, true, true, true, true, false};
            gb_arr_bool(b, "gemma3.attention.sliding_window_pattern", pat, 6);
            gb_arr_str(b, "tokenizer.ggml.tokens", "tok", 3);
            gb_f32(b, "gemma3.rope.freq_base", 10000.0f);
            gb_u64(b, "gemma3.rope.scaling.original_context_length", 8192);
            gb_u32(b, "general.file_type", 15);
            char name[32];
            snprintf(name, sizeof name, "gemma3-v%d%s", v, be ? "-be" : "");
            put(dir, name, b);
        }
    }
    gguf_builder_t *b = gb_new(3, false);
    gb_str(b, "general.architecture", "deepseek2");
    gb_u32(b, "deepseek2.context_length", 163840);
    gb_u32(b, "deepseek2.block_count", 4);
    gb_u32(b, "deepseek2.attention.kv_lora_rank", 512);
    gb_u32(b, "deepseek2.attention.key_length_mla", 192);
    gb_u32(b, "deepseek2.attention.value_length_mla", 128);
    gb_u32(b, "deepseek2.expert_count", 64);
    gb_u32(b, "deepseek2.expert_used_count", 6);
    gb_str(b, "general.type", "adapter");
    gb_u32(b, "deepseek2.pooling_type", 1);
    put(dir, "deepseek2", b);
    b = gb_new(3, false);
    gb_str(b, "general.architecture", "llama");
    gb_set_kv_count(b, UINT64_MAX);
    gb_raw_key(b, "llama.context_length");
    gb_raw_u32(b, 10);
    gb_raw_u64(b, UINT64_MAX);
    put(dir, "bogus", b);
    return 0;
}

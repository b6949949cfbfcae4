/* SPDX-License-Identifier: MIT */
/* A tiny GGUF writer for tests (see gguf_builder.h). */
#include "gguf_builder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct gguf_builder {
    uint8_t *p;
    size_t len, cap;
    uint32_t version;
    bool be;
    uint64_t n_kv;
    bool kv_overridden;
};

static void grow(gguf_builder_t *b, size_t n) {
    if (b->len + n <= b->cap) return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n) cap *= 2;
    uint8_t *q = realloc(b->p, cap);
    if (q == NULL) abort();
    b->p = q;
    b->cap = cap;
}

static void put_uint(gguf_builder_t *b, uint64_t v, unsigned size) {
    grow(b, size);
    for (unsigned i = 0; i < size; i++) {
        unsigned shift = b->be ? 8 * (size - 1 - i) : 8 * i;
        b->p[b->len++] = (uint8_t)(v >> shift);
    }
}

static void put_len(gguf_builder_t *b, uint64_t n) { put_uint(b, n, b->version == 1 ? 4 : 8); }

static void put_string(gguf_builder_t *b, const char *s) {
    size_t n = strlen(s);
    put_len(b, n);
    gb_raw(b, s, n);
}

static void patch_kv(gguf_builder_t *b) {
    size_t save = b->len;
    unsigned cs = b->version == 1 ? 4 : 8;
    b->len = 8 + cs;
    put_uint(b, b->n_kv, cs);
    b->len = save;
}

gguf_builder_t *gb_new(uint32_t version, bool big_endian) {
    gguf_builder_t *b = calloc(1, sizeof *b);
    if (b == NULL) abort();
    b->version = version;
    b->be = big_endian;
    gb_raw(b, "GGUF", 4);
    put_uint(b, version, 4);
    put_len(b, 0); /* tensors */
    put_len(b, 0); /* key/values, patched */
    return b;
}

void gb_free(gguf_builder_t *b) {
    if (b) {
        free(b->p);
        free(b);
    }
}

static void key(gguf_builder_t *b, const char *k, uint32_t type) {
    put_string(b, k);
    put_uint(b, type, 4);
    b->n_kv++;
    if (!b->kv_overridden) patch_kv(b);
}

void gb_str(gguf_builder_t *b, const char *k, const char *val) {
    key(b, k, GB_STR);
    put_string(b, val);
}

void gb_u32(gguf_builder_t *b, const char *k, uint32_t val) {
    key(b, k, GB_U32);
    put_uint(b, val, 4);
}

void gb_u64(gguf_builder_t *b, const char *k, uint64_t val) {
    key(b, k, GB_U64);
    put_uint(b, val, 8);
}

void gb_i32(gguf_builder_t *b, const char *k, int32_t val) {
    key(b, k, GB_I32);
    put_uint(b, (uint32_t)val, 4);
}

void gb_f32(gguf_builder_t *b, const char *k, float val) {
    uint32_t u;
    memcpy(&u, &val, 4);
    key(b, k, GB_F32);
    put_uint(b, u, 4);
}

static void arr_head(gguf_builder_t *b, const char *k, uint32_t elem, size_t n) {
    key(b, k, GB_ARR);
    put_uint(b, elem, 4);
    put_len(b, n);
}

void gb_arr_u32(gguf_builder_t *b, const char *k, const uint32_t *vals, size_t n) {
    arr_head(b, k, GB_U32, n);
    for (size_t i = 0; i < n; i++) put_uint(b, vals[i], 4);
}

void gb_arr_i32(gguf_builder_t *b, const char *k, const int32_t *vals, size_t n) {
    arr_head(b, k, GB_I32, n);
    for (size_t i = 0; i < n; i++) put_uint(b, (uint32_t)vals[i], 4);
}

void gb_arr_bool(gguf_builder_t *b, const char *k, const bool *vals, size_t n) {
    arr_head(b, k, GB_BOOL, n);
    for (size_t i = 0; i < n; i++) put_uint(b, vals[i] ? 1 : 0, 1);
}

void gb_arr_str(gguf_builder_t *b, const char *k, const char *each, size_t n) {
    arr_head(b, k, GB_STR, n);
    for (size_t i = 0; i < n; i++) put_string(b, each);
}

void gb_raw(gguf_builder_t *b, const void *p, size_t n) {
    grow(b, n);
    memcpy(b->p + b->len, p, n);
    b->len += n;
}

void gb_raw_u32(gguf_builder_t *b, uint32_t v) { put_uint(b, v, 4); }

void gb_raw_u64(gguf_builder_t *b, uint64_t v) { put_uint(b, v, 8); }

void gb_raw_key(gguf_builder_t *b, const char *k) { put_string(b, k); }

void gb_set_kv_count(gguf_builder_t *b, uint64_t n) {
    b->kv_overridden = true;
    b->n_kv = n;
    patch_kv(b);
}

void gb_pad(gguf_builder_t *b, size_t n) {
    grow(b, n);
    memset(b->p + b->len, 0, n);
    b->len += n;
}

const uint8_t *gb_data(gguf_builder_t *b, size_t *len) {
    *len = b->len;
    return b->p;
}

int gb_write_file(gguf_builder_t *b, const char *path) {
    FILE *f = fopen(path, "wb");
    if (f == NULL) return -1;
    size_t w = fwrite(b->p, 1, b->len, f);
    return fclose(f) == 0 && w == b->len ? 0 : -1;
}

gguf_builder_t *gb_qwen3_coder_30b(void) {
    gguf_builder_t *b = gb_new(3, false);
    gb_str(b, "general.architecture", "qwen3moe");
    gb_str(b, "general.name", "Qwen3 Coder 30B A3B Instruct");
    gb_str(b, "general.basename", "Qwen3-Coder");
    gb_str(b, "general.size_label", "30B-A3B");
    gb_u32(b, "general.file_type", 15);
    gb_u32(b, "qwen3moe.context_length", 262144);
    gb_u32(b, "qwen3moe.block_count", 48);
    gb_u32(b, "qwen3moe.embedding_length", 2048);
    gb_u32(b, "qwen3moe.attention.head_count", 32);
    gb_u32(b, "qwen3moe.attention.head_count_kv", 4);
    gb_u32(b, "qwen3moe.attention.key_length", 128);
    gb_u32(b, "qwen3moe.attention.value_length", 128);
    gb_u32(b, "qwen3moe.expert_count", 128);
    gb_u32(b, "qwen3moe.expert_used_count", 8);
    gb_f32(b, "qwen3moe.rope.freq_base", 1e7f);
    gb_arr_str(b, "tokenizer.ggml.tokens", "tok", 1000);
    gb_arr_i32(b, "tokenizer.ggml.token_type", (const int32_t[]){1, 1, 1}, 3);
    return b;
}

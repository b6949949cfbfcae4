/* SPDX-License-Identifier: MIT */
/* A tiny GGUF writer for tests: builds headers (no tensor data) in memory,
 * v1/v2/v3, little- or big-endian, so tests never need real weights. */
#ifndef GGUF_BUILDER_H
#define GGUF_BUILDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct gguf_builder gguf_builder_t;

/* GGUF value type ids (docs/gguf.md). */
enum {
    GB_U8 = 0,
    GB_I8,
    GB_U16,
    GB_I16,
    GB_U32,
    GB_I32,
    GB_F32,
    GB_BOOL,
    GB_STR,
    GB_ARR,
    GB_U64,
    GB_I64,
    GB_F64
};

/* Returns a new builder (gb_free). version 1 writes 32-bit counts. */
gguf_builder_t *gb_new(uint32_t version, bool big_endian);
void gb_free(gguf_builder_t *b);

void gb_str(gguf_builder_t *b, const char *key, const char *val);
void gb_u32(gguf_builder_t *b, const char *key, uint32_t val);
void gb_u64(gguf_builder_t *b, const char *key, uint64_t val);
void gb_i32(gguf_builder_t *b, const char *key, int32_t val);
void gb_f32(gguf_builder_t *b, const char *key, float val);
void gb_arr_u32(gguf_builder_t *b, const char *key, const uint32_t *vals, size_t n);
void gb_arr_i32(gguf_builder_t *b, const char *key, const int32_t *vals, size_t n);
void gb_arr_bool(gguf_builder_t *b, const char *key, const bool *vals, size_t n);
/* An array of n strings, all equal to `each` (a vocabulary stand-in). */
void gb_arr_str(gguf_builder_t *b, const char *key, const char *each, size_t n);
/* Raw bytes appended to the key/value section (for malformed headers); the
 * key/value count is not changed. */
void gb_raw(gguf_builder_t *b, const void *p, size_t n);
void gb_raw_u32(gguf_builder_t *b, uint32_t v);
void gb_raw_u64(gguf_builder_t *b, uint64_t v);
void gb_raw_key(gguf_builder_t *b, const char *key);
/* Overrides the key/value count written in the header (0xffff...: bogus). */
void gb_set_kv_count(gguf_builder_t *b, uint64_t n);
/* Appends `n` bytes of zero "tensor data" after the header. */
void gb_pad(gguf_builder_t *b, size_t n);

/* The bytes so far (borrowed, valid until the next call on b). */
const uint8_t *gb_data(gguf_builder_t *b, size_t *len);
/* Writes the bytes to a file. Returns 0 or -1. */
int gb_write_file(gguf_builder_t *b, const char *path);

/* A Qwen3-Coder-30B-A3B-shaped header (qwen3moe, 48 layers, 32/4 heads,
 * head dim 128, 262144 context, 128 experts, 8 used). */
gguf_builder_t *gb_qwen3_coder_30b(void);

#endif

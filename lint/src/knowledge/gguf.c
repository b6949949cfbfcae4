/* SPDX-License-Identifier: MIT */
/* A bounded GGUF header reader (ggml's gguf.cpp layout, v2/v3): walks the key/value section of
 * a v2/v3 file held in memory, little- or big-endian, keeps the few keys the
 * linter needs and skips the rest (tokenizer arrays included) without
 * allocating. Every length is checked against the bytes left first. */
#include "mfl_knowledge.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define MAX_STRING (16ull << 20)
#define MAX_ARRAY (64ull << 20)
#define MAX_KV 65536ull
#define MAX_TENSORS (1ull << 24)
#define MAX_RECORDS 96

enum { T_U8, T_I8, T_U16, T_I16, T_U32, T_I32, T_F32, T_BOOL, T_STR, T_ARR, T_U64, T_I64, T_F64 };

static const unsigned type_size[] = {1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8};

typedef struct {
    uint32_t type; /* value type; for arrays T_ARR */
    uint64_t u;    /* integer value (scalars) */
    bool is_int;
    const uint8_t *p; /* arrays: first element; strings: bytes */
    uint32_t elem;    /* arrays: element type */
    uint64_t n;       /* arrays: count; strings: length */
} value_t;

typedef struct {
    int field; /* an mfl_kv_key_t */
    char prefix[64];
    value_t v;
} record_t;

/* The keys that may be per-layer arrays, and their decoded buffers. */
enum { ARR_HEADS, ARR_HEADS_KV, ARR_SWA_PATTERN, ARR__COUNT };

typedef struct {
    const uint8_t *buf;
    size_t len;
    size_t pos;
    bool be;
    uint64_t file_size;
    mfl_model_t *out;
    int err;
    record_t rec[MAX_RECORDS];
    size_t n_rec;
    uint32_t arrays[ARR__COUNT][MFL_KV_MAX_LAYERS];
} reader_t;

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int
fail(reader_t *r, int code, const char *fmt, ...) {
    if (r->err == 0) {
        va_list ap;
        r->err = code;
        va_start(ap, fmt);
        vsnprintf(r->out->error, sizeof r->out->error, fmt, ap);
        va_end(ap);
    }
    return code;
}

static int truncated(reader_t *r, uint64_t need) {
    if (r->file_size == 0 || r->len < r->file_size)
        return fail(r, MFL_ETRUNCATED,
                    "GGUF header continues past the %llu bytes read (needs %llu more)",
                    (unsigned long long)r->len, (unsigned long long)need);
    return fail(r, MFL_EINVAL,
                "truncated GGUF file: it ends inside the header (byte %llu of %llu needed)",
                (unsigned long long)r->len, (unsigned long long)(r->pos + need));
}

static bool have(reader_t *r, uint64_t n) {
    if (r->err) return false;
    if (n > r->len - r->pos) {
        truncated(r, n - (r->len - r->pos));
        return false;
    }
    return true;
}

static uint64_t load(const reader_t *r, const uint8_t *p, unsigned size) {
    uint64_t v = 0;
    for (unsigned i = 0; i < size; i++) {
        unsigned shift = r->be ? 8 * (size - 1 - i) : 8 * i;
        v |= (uint64_t)p[i] << shift;
    }
    return v;
}

static bool read_uint(reader_t *r, unsigned size, uint64_t *v) {
    if (!have(r, size)) return false;
    *v = load(r, r->buf + r->pos, size);
    r->pos += size;
    return true;
}

static bool read_string(reader_t *r, const uint8_t **s, uint64_t *n) {
    if (!read_uint(r, 8, n)) return false;
    if (*n > MAX_STRING) {
        fail(r, MFL_EINVAL, "GGUF string of %llu bytes at offset %llu is implausibly long",
             (unsigned long long)*n, (unsigned long long)r->pos);
        return false;
    }
    if (!have(r, *n)) return false;
    *s = r->buf + r->pos;
    r->pos += (size_t)*n;
    return true;
}

/* Integer types only; a negative signed value is reported as not an int. */
static bool decode_int(const reader_t *r, uint32_t type, const uint8_t *p, uint64_t *v) {
    if (type >= sizeof type_size / sizeof type_size[0] || type == T_F32 || type == T_F64 ||
        type == T_STR || type == T_ARR)
        return false;
    unsigned size = type_size[type];
    uint64_t u = load(r, p, size);
    bool is_signed = type == T_I8 || type == T_I16 || type == T_I32 || type == T_I64;
    if (is_signed && size < 8 && (u >> (8 * size - 1)) & 1) return false;
    if (is_signed && size == 8 && (u >> 63)) return false;
    *v = u;
    return true;
}

static bool read_value(reader_t *r, uint32_t type, value_t *v) {
    memset(v, 0, sizeof *v);
    v->type = type;
    if (type == T_STR) return read_string(r, &v->p, &v->n);
    if (type == T_ARR) {
        uint64_t elem, n;
        if (!read_uint(r, 4, &elem) || !read_uint(r, 8, &n)) return false;
        if (elem == T_ARR || elem > T_F64) {
            fail(r, MFL_EINVAL, "GGUF array at offset %llu has invalid element type %llu",
                 (unsigned long long)r->pos, (unsigned long long)elem);
            return false;
        }
        if (n > MAX_ARRAY) {
            fail(r, MFL_EINVAL, "GGUF array of %llu elements at offset %llu is implausibly long",
                 (unsigned long long)n, (unsigned long long)r->pos);
            return false;
        }
        v->elem = (uint32_t)elem;
        v->n = n;
        v->p = r->buf + r->pos;
        if (elem == T_STR) {
            /* Strings have varying lengths: walk them, each length checked. */
            for (uint64_t i = 0; i < n; i++) {
                const uint8_t *s;
                uint64_t sl;
                if (!read_string(r, &s, &sl)) return false;
            }
            return true;
        }
        /* n <= 64 Mi and size <= 8, so the product cannot overflow. */
        uint64_t bytes = n * type_size[elem];
        if (!have(r, bytes)) return false;
        r->pos += (size_t)bytes;
        return true;
    }
    if (type > T_F64) {
        fail(r, MFL_EINVAL, "GGUF value at offset %llu has invalid type %llu",
             (unsigned long long)r->pos, (unsigned long long)type);
        return false;
    }
    if (!have(r, type_size[type])) return false;
    v->p = r->buf + r->pos;
    v->is_int = decode_int(r, type, v->p, &v->u);
    r->pos += type_size[type];
    return true;
}

/* Copies a GGUF string into a fixed field, replacing control bytes. */
static void copy_text(char *dst, size_t dstsz, const value_t *v) {
    if (v->type != T_STR) {
        return;
    }
    size_t n = v->n < dstsz - 1 ? (size_t)v->n : dstsz - 1;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = v->p[i];
        dst[i] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
    }
    dst[n] = '\0';
}

static bool key_is(const uint8_t *k, uint64_t kl, const char *lit) {
    size_t n = strlen(lit);
    return kl == n && memcmp(k, lit, n) == 0;
}

static void record(reader_t *r, const uint8_t *key, uint64_t kl, const value_t *v) {
    if (key_is(key, kl, "general.architecture")) {
        copy_text(r->out->arch, sizeof r->out->arch, v);
        return;
    }
    if (key_is(key, kl, "general.name")) {
        copy_text(r->out->name, sizeof r->out->name, v);
        return;
    }
    if (key_is(key, kl, "general.basename")) {
        copy_text(r->out->basename, sizeof r->out->basename, v);
        return;
    }
    if (key_is(key, kl, "general.size_label")) {
        copy_text(r->out->size_label, sizeof r->out->size_label, v);
        return;
    }
    if (key_is(key, kl, "general.type")) {
        copy_text(r->out->general_type, sizeof r->out->general_type, v);
        return;
    }
    if (key_is(key, kl, "general.file_type")) {
        if (v->is_int && v->u <= UINT32_MAX) r->out->file_type = (uint32_t)v->u;
        return;
    }
    if (key_is(key, kl, "tokenizer.ggml.tokens")) {
        if (v->type == T_ARR) r->out->vocab_size = v->n;
        return;
    }
    if (kl > 8 && memcmp(key, "general.", 8) == 0) return;
    if (kl > 10 && memcmp(key, "tokenizer.", 10) == 0) return;
    /* "<arch>.<suffix>": the arch is everything before the first dot. */
    const uint8_t *dot = memchr(key, '.', (size_t)kl);
    if (dot == NULL || dot == key || (size_t)(dot - key) >= sizeof r->rec[0].prefix) return;
    const uint8_t *suffix = dot + 1;
    uint64_t sl = kl - (uint64_t)(suffix - key);
    int f = mfl_kvset_key((const char *)suffix, (size_t)sl);
    if (f < 0) return;
    size_t pl = (size_t)(dot - key);
    for (size_t i = 0; i < r->n_rec; i++) {
        if (r->rec[i].field == f && strlen(r->rec[i].prefix) == pl &&
            memcmp(r->rec[i].prefix, key, pl) == 0) {
            fail(r, MFL_EINVAL, "duplicate GGUF key '%.*s'", (int)kl, (const char *)key);
            return;
        }
    }
    if (r->n_rec == MAX_RECORDS) return;
    record_t *rec = &r->rec[r->n_rec++];
    rec->field = f;
    memcpy(rec->prefix, key, pl);
    rec->prefix[pl] = '\0';
    rec->v = *v;
}

/* Decodes an integer or bool array into buf (at most MFL_KV_MAX_LAYERS
 * elements; a negative or non-integer element reads as 0). Returns the
 * count kept. */
static uint32_t decode_array(const reader_t *r, const value_t *v, uint32_t *buf) {
    uint64_t n = v->n < MFL_KV_MAX_LAYERS ? v->n : MFL_KV_MAX_LAYERS;
    for (uint64_t i = 0; i < n; i++) {
        uint64_t x = 0;
        if (!decode_int(r, v->elem, v->p + i * type_size[v->elem], &x) || x > UINT32_MAX) x = 0;
        buf[i] = (uint32_t)x;
    }
    return (uint32_t)n;
}

/* Hands the keys of the file's architecture to the one interpretation of
 * GGUF keys (mfl_model_from_kvset). */
static int finish(reader_t *r) {
    mfl_model_t *m = r->out;
    if (m->arch[0] == '\0') return fail(r, MFL_EINVAL, "GGUF has no general.architecture key");
    mfl_kvset_t kv;
    mfl_kvset_init(&kv, m->arch);
    for (size_t i = 0; i < r->n_rec; i++) {
        const record_t *rec = &r->rec[i];
        if (strcmp(rec->prefix, m->arch) != 0) continue;
        const value_t *v = &rec->v;
        if (v->type == T_ARR) {
            int slot = rec->field == MFL_KV_HEAD_COUNT               ? ARR_HEADS
                       : rec->field == MFL_KV_HEAD_COUNT_KV          ? ARR_HEADS_KV
                       : rec->field == MFL_KV_SLIDING_WINDOW_PATTERN ? ARR_SWA_PATTERN
                                                                     : -1;
            if (slot < 0 || v->elem == T_STR || v->elem == T_F32 || v->elem == T_F64) continue;
            uint32_t n = decode_array(r, v, r->arrays[slot]);
            mfl_kvset_set_array(&kv, (mfl_kv_key_t)rec->field, r->arrays[slot], n);
        } else if (v->is_int) {
            mfl_kvset_set(&kv, (mfl_kv_key_t)rec->field, v->u);
        } else if (rec->field == MFL_KV_SHARED_KV_LAYERS && v->type == T_F32) {
            /* llama.cpp's converter writes gemma3n's count as a float32
             * (Ollama's own files: uint32); a whole number is the count. */
            uint32_t bits = (uint32_t)load(r, v->p, 4);
            float f;
            memcpy(&f, &bits, sizeof f);
            if (f >= 0 && f <= 1e6f && f == (float)(uint32_t)f)
                mfl_kvset_set(&kv, MFL_KV_SHARED_KV_LAYERS, (uint64_t)(uint32_t)f);
        } else if (rec->field == MFL_KV_POOLING_TYPE) {
            mfl_kvset_set(&kv, MFL_KV_POOLING_TYPE, 0); /* present is what counts */
        }
    }
    if (kv.v[MFL_KV_BLOCK_COUNT].u > MFL_KV_MAX_LAYERS)
        return fail(r, MFL_EINVAL, "GGUF block_count %llu is implausible (max %u)",
                    (unsigned long long)kv.v[MFL_KV_BLOCK_COUNT].u, MFL_KV_MAX_LAYERS);
    int rc = mfl_model_from_kvset(&kv, m);
    if (rc) {
        char why[sizeof m->error];
        memcpy(why, m->error, sizeof why);
        m->error[0] = '\0';
        return fail(r, rc, "GGUF: %s", why);
    }
    if (m->name[0] == '\0')
        snprintf(m->name, sizeof m->name, "%s", m->basename[0] ? m->basename : m->arch);
    return 0;
}

static bool detect(reader_t *r, uint32_t *version) {
    if (r->len < 8) {
        if (r->len >= 4 && memcmp(r->buf, "GGUF", 4) != 0 && memcmp(r->buf, "FUGG", 4) != 0) {
            fail(r, MFL_EUNSUPPORTED, "not a GGUF file (no GGUF magic)");
            return false;
        }
        truncated(r, 8 - r->len);
        return false;
    }
    if (memcmp(r->buf, "GGUF", 4) != 0 && memcmp(r->buf, "FUGG", 4) != 0) {
        fail(r, MFL_EUNSUPPORTED, "not a GGUF file (no GGUF magic)");
        return false;
    }
    r->be = false;
    uint64_t v = load(r, r->buf + 4, 4);
    if (v < 1 || v > 3) {
        r->be = true;
        v = load(r, r->buf + 4, 4);
    }
    if (v < 1 || v > 3) {
        fail(r, MFL_EINVAL, "unknown GGUF version (bytes %02x %02x %02x %02x)", r->buf[4],
             r->buf[5], r->buf[6], r->buf[7]);
        return false;
    }
    if (v == 1) {
        fail(r, MFL_EUNSUPPORTED, "GGUF v1 (2023) is not supported; re-convert the model");
        return false;
    }
    *version = (uint32_t)v;
    r->pos = 8;
    return true;
}

int mfl_gguf_parse(const void *buf, size_t len, uint64_t file_size, mfl_model_t *out) {
    static reader_t zero;
    reader_t *r = mfl_malloc(sizeof *r);
    if (r == NULL) return MFL_ENOMEM;
    *r = zero;
    r->buf = buf;
    r->len = buf ? len : 0;
    r->file_size = file_size;
    r->out = out;
    out->error[0] = '\0';
    out->weight_bytes = file_size;

    uint32_t version;
    uint64_t n_tensors, n_kv;
    int rc;
    if (!detect(r, &version)) goto out;
    out->gguf_version = version;
    if (!read_uint(r, 8, &n_tensors) || !read_uint(r, 8, &n_kv)) goto out;
    if (n_tensors > MAX_TENSORS) {
        fail(r, MFL_EINVAL, "GGUF tensor count %llu is implausible", (unsigned long long)n_tensors);
        goto out;
    }
    if (n_kv > MAX_KV) {
        fail(r, MFL_EINVAL, "GGUF key/value count %llu is implausible (max %llu)",
             (unsigned long long)n_kv, MAX_KV);
        goto out;
    }
    for (uint64_t i = 0; i < n_kv; i++) {
        const uint8_t *key;
        uint64_t kl, type;
        value_t v;
        if (!read_string(r, &key, &kl) || !read_uint(r, 4, &type)) goto out;
        if (kl == 0) {
            fail(r, MFL_EINVAL, "GGUF key %llu is empty (offset %llu)", (unsigned long long)i,
                 (unsigned long long)r->pos);
            goto out;
        }
        if (!read_value(r, (uint32_t)(type > UINT32_MAX ? UINT32_MAX : type), &v)) goto out;
        record(r, key, kl, &v);
        if (r->err) goto out;
    }
    finish(r);
out:
    rc = r->err;
    mfl_free(r);
    return rc;
}

const char *mfl_gguf_file_type_name(uint32_t ft) {
    static const char *const names[] = {
        "F32",    "F16",       "Q4_0",    "Q4_1",   "MXFP4", /* 4: Ollama's gpt-oss */
        NULL,     NULL,        "Q8_0",    "Q5_0",   "Q5_1",   "Q2_K",  "Q3_K_S",  "Q3_K_M",
        "Q3_K_L", "Q4_K_S",    "Q4_K_M",  "Q5_K_S", "Q5_K_M", "Q6_K",  "IQ2_XXS", "IQ2_XS",
        "Q2_K_S", "IQ3_XS",    "IQ3_XXS", "IQ1_S",  "IQ4_NL", "IQ3_S", "IQ3_M",   "IQ2_S",
        "IQ2_M",  "IQ4_XS",    "IQ1_M",   "BF16",   NULL,     NULL,    NULL,      "TQ1_0",
        "TQ2_0",  "MXFP4_MOE", "NVFP4",   "Q1_0",
    };
    if (ft < sizeof names / sizeof names[0] && names[ft]) return names[ft];
    return "unknown";
}

void mfl_model_init(mfl_model_t *m) {
    memset(m, 0, sizeof *m);
    m->file_type = UINT32_MAX;
}

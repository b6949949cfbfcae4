/* SPDX-License-Identifier: MIT */
/* Model knowledge: GGUF header parsing, the built-in model table, hardware
 * profiles, memory and time estimates, context-size labels and the text shown
 * by `modelfile-lint info` and the language server's hover. Pure code: no I/O
 * and no JSON (lint/io/env.c does the reading). */
#ifndef MFL_KNOWLEDGE_H
#define MFL_KNOWLEDGE_H

#include "mfl.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The buffer ended before the GGUF key/value section did. The caller may
 * retry with a longer prefix of the file. */
#define MFL_ETRUNCATED (-1002)
/* A well-formed file in a format we do not read (GGUF v1, not GGUF). */
#define MFL_EUNSUPPORTED (-1003)

/* ---- model names ---------------------------------------------------------- */

/* An Ollama model name split into its parts, with defaults filled in
 * (host registry.ollama.ai, namespace library, tag latest). Case is kept. */
typedef struct {
    char host[351];
    char ns[81];
    char model[81];
    char tag[81];
} mfl_name_t;

/* Parses `s[0..len)` as Ollama's ParseName does (types/model/name.go): the
 * tag is cut at the last ':' after the last '/', then model, namespace and
 * host are taken from the right; a "scheme://" prefix is dropped. Returns 0,
 * or MFL_EINVAL for an invalid name (empty part, bad character, too long,
 * four or more path parts, '@'). *out is always initialised. */
int mfl_name_parse(const char *s, size_t len, mfl_name_t *out);

/* Writes the short display form ("qwen3:8b", "ns/m:latest",
 * "hf.co/u/r:Q4_K_M") into buf (always NUL-terminated when bufsize > 0).
 * Returns buf. */
char *mfl_name_short(const mfl_name_t *n, char *buf, size_t bufsize);

/* ---- GGUF ----------------------------------------------------------------------- */

/* Reads the GGUF header in buf[0..len) (a prefix of the file; file_size is
 * the whole file's size, or 0 if unknown) and fills *out: architecture,
 * names, native context, layers, heads (scalar or per-layer arrays), head
 * dimensions, sliding window and pattern, MLA keys, experts, vocabulary size.
 * Fields not in the file stay 0; weight_bytes is set to file_size. The
 * source fields of *out are left alone. Every length is checked against
 * the buffer; counts are capped (64 Mi array elements, 16 MiB strings, 65536
 * keys). Returns 0; MFL_ETRUNCATED if the buffer ends inside the key/value
 * section (out->error says so); MFL_EUNSUPPORTED for GGUF v1 or a file that
 * is not GGUF; MFL_EINVAL for a malformed header (out->error says why). The
 * buffer is borrowed and never kept. */
int mfl_gguf_parse(const void *buf, size_t len, uint64_t file_size, mfl_model_t *out);

/* The name of a general.file_type value ("Q4_K_M"), or "unknown". Static. */
const char *mfl_gguf_file_type_name(uint32_t file_type);

/* Resets *m to "nothing known": zeros, file_type UINT32_MAX. */
void mfl_model_init(mfl_model_t *m);

/* Applies the per-model notes of the built-in data to a model read from a
 * GGUF or the store (for example Mistral-Nemo's 1,024,000-token
 * context_length, advertised as 128k): may lower native_ctx and fills
 * ctx_note. Returns true if a note applied. */
bool mfl_model_apply_notes(mfl_model_t *m);

/* ---- one interpretation of GGUF keys ------------------------------------------------
 * Every source of model figures (a GGUF header, the built-in data, the
 * config file's models, a safetensors folder's config.json) fills a key/value
 * set with the GGUF keys (without the "<arch>." prefix) and hands it to
 * mfl_model_from_kvset, the one place that turns keys into the per-layer
 * sums of mfl_model_t: per-layer head counts (0 KV heads: a layer without
 * attention), sliding-window patterns, shared-KV layers, hybrid models with
 * attention every n-th layer, and MLA only when the set has both
 * key_length_mla and value_length_mla (a DeepSeek blob without them caches
 * full K and V per head). */

typedef enum {
    MFL_KV_CONTEXT_LENGTH,
    MFL_KV_BLOCK_COUNT,
    MFL_KV_EMBEDDING_LENGTH,
    MFL_KV_HEAD_COUNT,
    MFL_KV_HEAD_COUNT_KV,
    MFL_KV_KEY_LENGTH,
    MFL_KV_VALUE_LENGTH,
    MFL_KV_KEY_LENGTH_MLA,
    MFL_KV_VALUE_LENGTH_MLA,
    MFL_KV_KV_LORA_RANK,
    MFL_KV_SLIDING_WINDOW,
    MFL_KV_SLIDING_WINDOW_PATTERN,
    MFL_KV_SHARED_KV_LAYERS,
    MFL_KV_FULL_ATTENTION_INTERVAL,
    MFL_KV_EXPERT_COUNT,
    MFL_KV_EXPERT_USED_COUNT,
    MFL_KV_ROPE_ORIG_CTX,
    MFL_KV_POOLING_TYPE,
    MFL_KV_ROPE_DIMENSION_COUNT,
    MFL_KV_CHUNK_SIZE, /* llama4: chunked attention, see kvset.c */
    MFL_KV_KEY_LENGTH_SWA,
    MFL_KV_VALUE_LENGTH_SWA,
    MFL_KV_NEXTN_PREDICT_LAYERS,
    MFL_KV__COUNT
} mfl_kv_key_t;

#define MFL_KV_MAX_LAYERS 4096u

typedef struct {
    bool set;
    bool is_array;
    uint64_t u;        /* scalar */
    const uint32_t *a; /* array (borrowed; per layer) */
    uint32_t n;
} mfl_kv_value_t;

typedef struct {
    char arch[64];
    mfl_kv_value_t v[MFL_KV__COUNT];
} mfl_kvset_t;

/* An empty set for architecture arch (may be NULL: set later). */
void mfl_kvset_init(mfl_kvset_t *kv, const char *arch);
/* The key of a GGUF key suffix ("attention.head_count_kv"), or -1. */
int mfl_kvset_key(const char *suffix, size_t len);
/* The suffix of a key ("context_length"). Static. */
const char *mfl_kvset_key_name(mfl_kv_key_t key);
void mfl_kvset_set(mfl_kvset_t *kv, mfl_kv_key_t key, uint64_t value);
/* a is borrowed: it must outlive mfl_model_from_kvset. */
void mfl_kvset_set_array(mfl_kvset_t *kv, mfl_kv_key_t key, const uint32_t *a, uint32_t n);
void mfl_kvset_unset(mfl_kvset_t *kv, mfl_kv_key_t key);

/* Fills the shape fields of *m (arch, native and GGUF context, layers,
 * heads, KV head sums, head dimensions, windows, MLA, experts, embedding
 * flag) from kv. The other fields of *m are left alone. Returns 0, or
 * MFL_EINVAL with m->error set (no architecture, implausible block count). */
int mfl_model_from_kvset(const mfl_kvset_t *kv, mfl_model_t *m);

/* ---- the built-in model data ----------------------------------------------------------
 * Generated from lint/data/models/<family>.toml (tools/gen-models.py) into
 * lint/src/knowledge/models_data.c. One entry per GGUF Ollama ships; every
 * figure has a source and a date (docs/models.md). */

typedef enum { MFL_KIND_TEXT = 0, MFL_KIND_VISION, MFL_KIND_EMBEDDING } mfl_model_kind_t;

typedef struct {
    const char *key;       /* GGUF key without "<arch>." */
    uint64_t value;        /* scalar, when array is NULL */
    const uint32_t *array; /* per-layer values (booleans as 0/1) */
    uint32_t n;
} mfl_data_kv_t;

typedef struct {
    const char *tag;     /* "30b-a3b-q4_K_M" */
    const char *quant;   /* "Q4_K_M", or NULL */
    uint64_t size_bytes; /* the download size the tags page shows; 0: unknown */
} mfl_data_tag_t;

typedef struct {
    const char *family; /* "qwen3-coder" */
    const char *id;     /* "30b-a3b" */
    const char *display;
    mfl_model_kind_t kind;
    const char *arch;
    uint64_t ctx;                   /* context_length */
    const char *source;             /* where the GGUF keys were read */
    const char *checked;            /* YYYY-MM-DD */
    const char *inferred;           /* NULL, or the keys inferred from a related
                                       release ("attention.head_count_kv"): the
                                       entry resolves as assumed */
    const char *note, *family_note; /* NULL or shown to users */
    const char *tags_source, *tags_checked;
    uint64_t params, active_params; /* 0: unknown */
    const mfl_data_kv_t *kv;
    size_t n_kv;
    const mfl_data_tag_t *tags;
    size_t n_tags;
    const char *const *hf; /* "hf.co/user/repo" of this very GGUF */
    size_t n_hf;
} mfl_table_entry_t;

/* A library family that runs only on ollama.com (lint/data/cloud.toml): its
 * tags page lists no download, only these tags. */
typedef struct {
    const char *family;      /* "glm-5" */
    const char *const *tags; /* "cloud", "1t-cloud", or (Gemini) "latest" */
    size_t n_tags;
    const char *source, *checked; /* the tags page read, YYYY-MM-DD */
} mfl_cloud_family_t;

/* The cloud-only family a FROM value names without a cloud tag (`glm-5`,
 * `glm-5:local`): a library name whose family is listed. `suffixes`: read
 * :cloud/:local as Ollama 0.18.0 and later do (MFL_FACT_CLOUD_REFS). NULL for
 * an invalid name and for a cloud name (`cloud`, `*-cloud`: that is the
 * cloud model itself). Returns a borrowed entry. */
const mfl_cloud_family_t *mfl_table_cloud_family(const char *from, size_t len, bool suffixes);

/* Number of cloud-only families and family i (borrowed, static). */
size_t mfl_table_cloud_count(void);
const mfl_cloud_family_t *mfl_table_cloud_at(size_t i);

/* Writes the name to use instead into buf (`glm-5:cloud`, `kimi-k2:1t-cloud`):
 * the first listed tag that is a cloud name (returns true), else
 * `<family>:cloud`, which only Ollama 0.18.0 and later read as a cloud
 * suffix (returns false). */
bool mfl_cloud_family_name(const mfl_cloud_family_t *c, char *buf, size_t n);

/* The advice for a FROM of a cloud-only family, one sentence without a final
 * stop: "runs only on ollama.com: ... write `FROM glm-5:cloud`". Code in
 * backticks when markdown. MF300, `info` and the hover say it alike. */
void mfl_cloud_family_advice(const mfl_cloud_family_t *c, bool markdown, char *buf, size_t n);

/* Number of entries and entry i (borrowed, static). */
size_t mfl_table_count(void);
const mfl_table_entry_t *mfl_table_at(size_t i);

/* The entry serving exactly this name: "family:tag" with a listed tag
 * (Ollama's defaults applied: registry.ollama.ai, library, latest; case
 * ignored), or an hf.co repository listed in the data. *tag receives the
 * matched tag (NULL for hf.co). Returns a borrowed entry, or NULL. Never
 * strips words from a tag. */
const mfl_table_entry_t *mfl_table_find(const char *name, size_t len, const mfl_data_tag_t **tag);

/* Fills the model's key/value set from an entry (the arrays are the entry's,
 * static). */
void mfl_table_entry_kvset(const mfl_table_entry_t *e, mfl_kvset_t *kv);

/* Fills *out from an entry (source MFL_SOURCE_TABLE, exact), weights from
 * tag (or the entry's first sized tag when tag is NULL). */
void mfl_table_entry_to_model(const mfl_table_entry_t *e, const mfl_data_tag_t *tag,
                              mfl_model_t *out);

/* Resolves a FROM name against the data, tag by tag:
 *  - "family:tag" with a listed tag: exact;
 *  - "family:<listed tag>-<quant>", or a tag that differs from a listed one
 *    only in its quantisation suffix: exact shape, the weights scaled to
 *    that quantisation (weights_note says so);
 *  - hf.co/<user>/<repo>[:quant]: exact only for repositories in the data;
 *  - any other tag of a known family: ASSUMED when every entry it could be
 *    (the entries whose tags share its base, else the whole family) agrees
 *    on the native context; the shape and weights are assumed only when one
 *    entry remains and it shares the tag's size. Otherwise UNKNOWN, with the
 *    differing figures in out->assumed.
 * Returns true when *out was filled (its confidence says how), false when
 * the name is no known family. */
bool mfl_table_lookup(const char *name, size_t len, mfl_model_t *out);

/* The file_type id of a quantisation name ("Q4_K_M", "q8_0", "fp16"), or
 * UINT32_MAX. Case-insensitive. */
uint32_t mfl_quant_parse(const char *s, size_t len);

/* ---- sizes ---------------------------------------------------------------------------- */

/* Parses a size as every setting takes it (CLI flags, config file, editor
 * settings): a number and a unit, "24GiB", "64 GB", "512MiB", "1.5TB".
 * GB = 10^9, GiB = 2^30 (likewise K/M/T). A bare number is rejected: err
 * then suggests the binary unit ("did you mean 24GiB?"), as memory is sold
 * in GiB. Returns 0, or MFL_EINVAL with a message in err. */
int mfl_size_parse(const char *s, uint64_t *out, char *err, size_t errsz);

/* ---- the model behind FROM --------------------------------------------------------------
 * Ollama's rule (parser/parser.go CreateRequest, server/create.go): every
 * FROM whose path does not exist is a model name, and the last name wins;
 * FROM paths (files, folders) are merged, and they count only when no name
 * is given: a name makes the server ignore the files, which are still hashed
 * and uploaded. The rules, `modelfile-lint info`, the hover and the
 * completion all ask this one function. */

typedef struct mfl_from_s {
    const mfl_instr_t *from;       /* the FROM that builds the model, or NULL */
    bool is_name;                  /* from is a model name (else a path) */
    mfl_path_kind_t kind;          /* from's path kind (MISSING for a name) */
    const mfl_instr_t *last_name;  /* the last FROM name, or NULL */
    const mfl_instr_t *first_path; /* the first FROM path, or NULL */
    size_t n_names, n_paths;
} mfl_from_t;

/* Picks the FROM Ollama builds from. env may be NULL (or lack path_kind):
 * then a value that looks like a path (./, /, ~, *.gguf) is a path. */
void mfl_from_pick(const mfl_doc_t *doc, const mfl_env_t *env, const char *base_dir,
                   mfl_from_t *out);
/* True if FROM instruction in is a model name (its path does not exist). */
bool mfl_from_is_name(const mfl_instr_t *in, const mfl_env_t *env, const char *base_dir);

/* mfl_from_pick, then the model behind it through env->resolve_model.
 * Returns true and fills *model (mfl_model_init'ed first) when it was
 * found; from may be NULL. */
bool mfl_from_resolve(const mfl_doc_t *doc, const mfl_env_t *env, const char *base_dir,
                      mfl_from_t *from, mfl_model_t *model);
/* The KV layout the target Ollama release allocates for a resolved model,
 * where releases differ (MFL_FACT_KV_LLAMA4_CHUNKED: before it, Llama 4's
 * chunked layers cache the whole context). Every resolver's caller with a
 * target (rules, `info`, the server) applies it. */
void mfl_model_for_target(mfl_model_t *m, mfl_version_t target);

/* ---- hardware profiles ---------------------------------------------------------- */

typedef struct {
    const char *id;        /* "mac-studio-m2-ultra-64" */
    const char *device;    /* "Mac Studio M2 Ultra (64 GB)" */
    uint64_t memory_bytes; /* installed memory, binary as sold (64 GB = 64 GiB) */
    double usable_share;   /* fraction the GPU may use for the model */
    double bandwidth_gbps; /* GB/s (10^9 bytes) */
    bool metal;            /* Apple GPU: Ollama's 512 MiB reserve, else 457 MiB */
} mfl_hw_profile_t;

size_t mfl_hw_count(void);
/* Borrowed, static. */
const mfl_hw_profile_t *mfl_hw_at(size_t i);
/* By id, case-insensitive. Returns a borrowed static profile, or NULL. */
const mfl_hw_profile_t *mfl_hw_find(const char *id);
/* Fills memory_budget (memory × usable share), bandwidth, hardware and the
 * runtime reserve from a profile; leaves the other budget fields alone. */
void mfl_hw_apply(const mfl_hw_profile_t *hw, mfl_budget_t *b);

/* ---- memory and time ----------------------------------------------------------- */

typedef enum { MFL_KV_F16 = 0, MFL_KV_Q8_0, MFL_KV_Q4_0, MFL_KV_F32 } mfl_kv_type_t;

/* "f16", "q8_0", "q4_0", "f32" (case-insensitive; NULL or "" is f16).
 * Returns 0, or MFL_EINVAL (then *out is f16). */
int mfl_kv_type_parse(const char *s, mfl_kv_type_t *out);
const char *mfl_kv_type_name(mfl_kv_type_t t);

/* Ollama's per-GPU reserve, ml/device.go MinimumMemory at v0.33.0-rc2: 512 MiB
 * on Metal, 457 MiB elsewhere. */
#define MFL_RESERVE_METAL (512ull << 20)
#define MFL_RESERVE_OTHER (457ull << 20)
/* The reserve of a budget: its runtime_reserve, else the larger one. */
uint64_t mfl_runtime_reserve(const mfl_budget_t *b);
#define MFL_DEFAULT_NUM_BATCH 512u

typedef struct {
    uint64_t ctx; /* num_ctx used (clamped to native when known) */
    uint32_t num_parallel;
    mfl_kv_type_t kv_type;
    uint64_t kv_per_token; /* bytes per context token on full-context layers */
    uint64_t kv_bytes;     /* whole cache at ctx × num_parallel */
    uint64_t kv_swa_bytes; /* the part held by windowed layers (in kv_bytes) */
    uint64_t weights;      /* weight_bytes */
    uint64_t compute;      /* compute-graph heuristic (flash attention on) */
    uint64_t runtime;      /* mfl_runtime_reserve(budget) */
    uint64_t total;        /* weights + kv + compute + runtime */
    bool kv_upper_bound;   /* MLA: the figure is an upper bound */
} mfl_mem_t;

/* KV-cache bytes for ctx tokens of context on each of num_parallel slots
 * (0 -> 1): GQA, per-layer heads, sliding windows and MLA (the latent cache
 * only when the GGUF has the *_mla keys, as Ollama), exact block sizes for q8_0 (34/32 B) and q4_0 (18/32 B). Returns 0
 * when the model's shape is unknown. */
uint64_t mfl_mem_kv_bytes(const mfl_model_t *m, uint64_t ctx, uint32_t num_parallel,
                          mfl_kv_type_t t);

/* Full estimate at num_ctx with the budget's cache type and parallel slots
 * (budget may be NULL: f16, 1 slot). num_ctx is clamped to the native
 * context when that is known. Returns 0, or MFL_EINVAL when m is NULL or
 * its shape is unknown (no layers or heads). */
int mfl_mem_estimate(const mfl_model_t *m, uint64_t num_ctx, const mfl_budget_t *b, mfl_mem_t *out);

/* The largest context, a multiple of 1024 and at most the native context,
 * whose total fits b->memory_budget. Returns 0 when nothing fits, the budget
 * is unset or the shape is unknown. */
uint64_t mfl_mem_max_ctx(const mfl_model_t *m, const mfl_budget_t *b);

/* Bytes of weights read per generated token: weight_bytes scaled by
 * params_active / params_total for mixture-of-experts models. */
uint64_t mfl_mem_active_weight_bytes(const mfl_model_t *m);

/* Upper bound on decode tokens/s when `filled` tokens are in the context:
 * bandwidth / (active weights + KV read per token). 0 when unknown. */
double mfl_mem_decode_tps(const mfl_model_t *m, uint64_t filled, const mfl_budget_t *b);

/* Seconds to prefill `tokens` at the budget's prefill rate; 0 when unset. */
double mfl_mem_prefill_seconds(uint64_t tokens, const mfl_budget_t *b);

/* Formats a byte count as "24.0 GiB (25.8 GB)" into buf. Returns buf. */
char *mfl_fmt_bytes(uint64_t n, char *buf, size_t bufsize);

/* ---- effective num_ctx ---------------------------------------------------------- */

typedef enum {
    MFL_CTX_SRC_PARAMETER = 0, /* PARAMETER num_ctx in this Modelfile */
    MFL_CTX_SRC_INHERITED,     /* the FROM model's params layer */
    MFL_CTX_SRC_SERVER_ENV,    /* OLLAMA_CONTEXT_LENGTH (budget.server_default_ctx) */
    MFL_CTX_SRC_DEFAULT        /* Ollama's VRAM-tiered default */
} mfl_ctx_source_t;

/* Where a model's figures came from ("GGUF file", "Ollama store",
 * "built-in table", "config file"). Static. */
const char *mfl_source_name(mfl_source_t s);

/* One-line description of a source ("PARAMETER num_ctx"). Static. */
const char *mfl_ctx_source_name(mfl_ctx_source_t s);

/* ---- context-size labels --------------------------------------------------------- */

typedef struct {
    uint32_t start, end; /* byte offsets of the label in the scanned text */
    double number;       /* 128 for "128k" */
    char unit;           /* 'k', 'm' or 0 for a raw count ("ctx8192") */
    uint64_t values[3];  /* the token counts it may mean */
    uint32_t n_values;
} mfl_label_t;

/* Finds context-size labels in s[0..len) ("128k", "262K", "ctx8192",
 * "ctx-32k", "1m"); quant tags (q4_K_M), sizes (30b, a3b, 8x7b) and versions
 * are never labels. Writes at most max labels and returns how many were
 * found (may exceed max). */
size_t mfl_label_scan(const char *s, size_t len, mfl_label_t *out, size_t max);

/* True if ctx is within 3 % of one of the label's values. */
bool mfl_label_agrees(const mfl_label_t *l, uint64_t ctx);

/* ---- info / hover ---------------------------------------------------------------- */

typedef struct {
    const mfl_model_t *model; /* borrowed */
    uint64_t native_ctx;
    uint64_t num_ctx;  /* effective, before clamping */
    uint64_t used_ctx; /* after clamping to native */
    mfl_ctx_source_t ctx_source;
    bool clamped;
    bool has_mem;
    mfl_mem_t mem;      /* at used_ctx */
    uint64_t kv_native; /* KV at the native context (same cache type) */
    uint64_t budget;    /* 0: none */
    bool fits;
    uint64_t max_fit_ctx;    /* 0: unknown */
    double decode_tps_empty; /* 0: unknown */
    double decode_tps_full;
    double prefill_seconds; /* for used_ctx tokens; 0 unknown */
    double client_timeout;
} mfl_info_t;

/* Computes every figure shown by `info` and the hover. model and b are
 * borrowed (b may be NULL); info->model points at model. Returns 0, or
 * MFL_EINVAL when model is NULL. */
int mfl_info_compute(const mfl_model_t *model, uint64_t num_ctx, mfl_ctx_source_t src,
                     const mfl_budget_t *b, mfl_info_t *info);

/* Renders info as Markdown (hover) or plain text (CLI). Returns a new
 * string; free with mfl_free(). NULL when out of memory. */
char *mfl_info_format(const mfl_info_t *info, bool markdown);

/* The effective num_ctx of doc when it is built on `model` (may be NULL)
 * and run by Ollama release v: the last PARAMETER num_ctx, else the num_ctx
 * the model's params carry, else OLLAMA_CONTEXT_LENGTH (b->server_default_ctx,
 * from the release that reads it), else Ollama's default at v for
 * b->memory_budget of GPU memory (mfl_ollama_default_ctx). The one place that
 * knows the precedence (spec section 4), used by the MF3xx rules, `info` and
 * the hover. Returns false, with *ctx 0, when the PARAMETER's value is not a
 * positive integer. */
bool mfl_doc_effective_ctx(const mfl_doc_t *doc, const mfl_model_t *model, const mfl_budget_t *b,
                           mfl_version_t v, uint64_t *ctx, mfl_ctx_source_t *src);

/* The info text for a document (mfl_doc_effective_ctx + mfl_info_text).
 * Returns a new string (mfl_free), or NULL when out of memory, when the
 * model is NULL, or when num_ctx is invalid. */
char *mfl_info_for_doc(const mfl_doc_t *doc, const mfl_model_t *model, const mfl_budget_t *b,
                       mfl_version_t v, bool markdown);

/* The info text for a FROM that names a cloud model at release v (a :cloud
 * suffix or a -cloud tag, MFL_FACT_CLOUD_REFS): it runs remotely, so the
 * context figures do not apply. NULL when pick is not a cloud name (or out of
 * memory); else a new string (mfl_free). `info` and the hover show it. */
char *mfl_info_cloud_text(const mfl_from_t *pick, mfl_version_t v, bool markdown);

/* Both steps at once. Returns a new string (mfl_free), or NULL. */
char *mfl_info_text(const mfl_model_t *model, uint64_t num_ctx, mfl_ctx_source_t src,
                    const mfl_budget_t *b, bool markdown);

#ifdef __cplusplus
}
#endif
#endif

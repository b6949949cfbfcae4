/* SPDX-License-Identifier: MIT */
/* FROM ./folder: the files Ollama's client collects (parser/parser.go
 * filesForModel) and the config.json its converter reads (convert/convert.go
 * LoadModelMetadata), mapped to GGUF keys the way the converters map them,
 * into the core's key/value set (mfl_model_from_kvset). A folder Ollama
 * cannot import gets Ollama's own message in out->import_error. */
#define _POSIX_C_SOURCE 200809L
#include "mfl_io_env.h"
#include "mfl_knowledge.h"

#include "mfl_os.h"

#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CONFIG (4u << 20)
#define MAX_FILES 4096

/* The architectures Ollama v0.33.0-rc2 converts (convert/convert.go,
 * LoadModelMetadata at fb30760), and the GGUF architecture each becomes. */
static const struct {
    const char *hf;
    const char *arch;
    bool vision;
} supported[] = {
    {"LlamaForCausalLM", "llama", false},
    {"MllamaForConditionalGeneration", "mllama", true},
    {"Llama4ForConditionalGeneration", "llama4", true},
    {"Mistral3ForConditionalGeneration", "mistral3", true},
    {"Ministral3ForCausalLM", "mistral3", false},
    {"MixtralForCausalLM", "llama", false},
    {"GemmaForCausalLM", "gemma", false},
    {"Gemma2ForCausalLM", "gemma2", false},
    {"Gemma3ForCausalLM", "gemma3", false},
    {"Gemma3ForConditionalGeneration", "gemma3", true},
    {"Gemma3TextModel", "gemma-embedding", false},
    {"Gemma3nForConditionalGeneration", "gemma3n", true},
    {"Gemma4ForCausalLM", "gemma4", false},
    {"Gemma4ForConditionalGeneration", "gemma4", true},
    {"Phi3ForCausalLM", "phi3", false},
    {"Qwen2ForCausalLM", "qwen2", false},
    {"Qwen2_5_VLForConditionalGeneration", "qwen25vl", true},
    {"Qwen3VLForConditionalGeneration", "qwen3vl", true},
    {"Qwen3VLMoeForConditionalGeneration", "qwen3vlmoe", true},
    {"Olmo3ForCausalLM", "olmo3", false},
    {"BertModel", "bert", false},
    {"NomicBertModel", "nomic-bert", false},
    {"NomicBertMoEModel", "nomic-bert-moe", false},
    {"CohereForCausalLM", "command-r", false},
    {"GptOssForCausalLM", "gpt-oss", false},
    {"DeepseekOCRForCausalLM", "deepseekocr", true},
    {"DeepseekV3ForCausalLM", "deepseek2", false},
    {"Glm4MoeLiteForCausalLM", "glm4moelite", false},
    {"LagunaForCausalLM", "laguna", false},
    {"GlmOcrForConditionalGeneration", "glmocr", true},
    {"Lfm2ForCausalLM", "lfm2", false},
    {"Lfm2MoeForCausalLM", "lfm2moe", false},
    {"Lfm2VlForConditionalGeneration", "lfm2", true},
    {"Qwen3NextForCausalLM", "qwen3next", false},
    {"Qwen3_5ForConditionalGeneration", "qwen35", true},
    {"Qwen3_5MoeForConditionalGeneration", "qwen35moe", true},
    {"NemotronH_Nano_VL_V2", "nemotron_h", true},
    {"NemotronH_Nano_Omni_Reasoning_V3", "nemotron_h", true},
    {"NemotronHForCausalLM", "nemotron_h", false},
};

/* snprintf into a fixed field, where truncation is acceptable. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void
setf(char *dst, size_t dstsz, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(dst, dstsz, fmt, ap);
    va_end(ap);
}

typedef struct {
    char **names;
    size_t n;
} list_t;

static void list_free(list_t *l) {
    for (size_t i = 0; i < l->n; i++) free(l->names[i]);
    free(l->names);
    l->names = NULL;
    l->n = 0;
}

static int cmp_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The regular files (or links to them) of dir matching pattern, sorted. */
static void glob_dir(const char *dir, const char *pattern, list_t *out) {
    mfl_os_dir_t *d = mfl_os_opendir(dir);
    if (!d) return;
    mfl_ftype_t type;
    for (const char *name; (name = mfl_os_readdir(d, &type)) != NULL && out->n < MAX_FILES;) {
        /* Go's filepath.Glob, like fnmatch with FNM_PERIOD: a leading dot
         * is matched only by a leading dot. */
        if (name[0] == '.' || mfl_os_fnmatch(pattern, name, false) != 0) continue;
        char path[MFL_OS_MAX_PATH];
        mfl_os_stat_t st;
        if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path ||
            mfl_os_stat(path, &st) != 0 || st.type != MFL_FT_FILE)
            continue;
        char **nn = realloc(out->names, (out->n + 1) * sizeof *nn);
        if (!nn) break;
        out->names = nn;
        if ((out->names[out->n] = strdup(name)) != NULL) out->n++;
    }
    mfl_os_closedir(d);
    if (out->n > 1) qsort(out->names, out->n, sizeof *out->names, cmp_name);
}

/* The first four bytes of dir/name. */
static bool magic(const char *dir, const char *name, const char *want) {
    char path[MFL_OS_MAX_PATH], buf[4];
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path) return false;
    mfl_os_stat_t st;
    int fd = mfl_os_open_read(path, &st);
    if (fd < 0) return false;
    long long n = mfl_os_read(fd, buf, 4);
    mfl_os_close(fd);
    return n == 4 && memcmp(buf, want, 4) == 0;
}

/* Keeps the files whose first bytes are `want` (zip archives, GGUF). */
static void keep_magic(const char *dir, list_t *l, const char *want) {
    size_t k = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (magic(dir, l->names[i], want))
            l->names[k++] = l->names[i];
        else
            free(l->names[i]);
    }
    l->n = k;
}

static uint64_t total_size(const char *dir, const list_t *l) {
    uint64_t sum = 0;
    for (size_t i = 0; i < l->n; i++) {
        char path[MFL_OS_MAX_PATH];
        mfl_os_stat_t st;
        if (snprintf(path, sizeof path, "%s/%s", dir, l->names[i]) < (int)sizeof path &&
            mfl_os_stat(path, &st) == 0)
            sum += st.size;
    }
    return sum;
}

/* An unsigned integer member of o (or of its text_config), 0 if absent. */
static uint64_t uint_of(json_t *o, const char *key) {
    json_t *v = json_object_get(o, key);
    if (json_is_integer(v) && json_integer_value(v) > 0) return (uint64_t)json_integer_value(v);
    if (json_is_real(v) && json_real_value(v) > 0 && json_real_value(v) < 1e15)
        return (uint64_t)json_real_value(v);
    return 0;
}

static uint64_t first_of(json_t *o, const char *a, const char *b, const char *c) {
    uint64_t v = uint_of(o, a);
    if (!v && b) v = uint_of(o, b);
    if (!v && c) v = uint_of(o, c);
    return v;
}

/* Maps config.json to GGUF keys as Ollama's converters do: the common keys,
 * text_config for multimodal models, and the per-architecture rules that
 * change a figure (gemma3's defaults, deepseek2's head dimensions, gpt-oss's
 * context, sliding-window patterns). arrays holds the per-layer pattern. */
static void map_config(json_t *root, const char *hf, const char *arch, mfl_kvset_t *kv,
                       uint32_t *arrays) {
    json_t *text = json_object_get(root, "text_config");
    json_t *t = json_is_object(text) ? text : root;
    mfl_kvset_init(kv, arch);
    uint64_t ctx = first_of(root, "max_position_embeddings", "n_ctx", "n_positions");
    if (!ctx && t != root) ctx = first_of(t, "max_position_embeddings", "n_ctx", NULL);
    uint64_t blocks = first_of(t, "num_hidden_layers", "n_layers", "n_layer");
    uint64_t embd = first_of(t, "hidden_size", "n_embd", NULL);
    uint64_t heads = first_of(t, "num_attention_heads", "n_head", NULL);
    uint64_t kvh = first_of(t, "num_key_value_heads", "n_head_kv", NULL);
    uint64_t hd = uint_of(t, "head_dim");
    uint64_t swa = uint_of(t, "sliding_window");
    uint64_t experts = first_of(t, "num_experts", "num_local_experts", "n_routed_experts");
    uint64_t used = uint_of(t, "num_experts_per_tok");
    json_t *rope = json_object_get(t, "rope_scaling");
    uint64_t orig = json_is_object(rope) ? uint_of(rope, "original_max_position_embeddings") : 0;

    if (strcmp(arch, "gemma3") == 0 && strcmp(hf, "Gemma3ForConditionalGeneration") == 0) {
        /* convert_gemma3.go: the multimodal path's defaults. */
        ctx = uint_of(root, "max_position_embeddings");
        if (!ctx) ctx = 131072;
        if (blocks == 34)
            heads = 8, kvh = 4;
        else if (blocks == 48)
            heads = 16, kvh = 8;
        else if (blocks == 62)
            heads = 32, kvh = 16;
        if (!hd) hd = 256;
    }
    if (strcmp(arch, "deepseek2") == 0) {
        /* convert_deepseek2.go: full per-head K and V, no MLA keys. */
        uint64_t nope = uint_of(t, "qk_nope_head_dim"), rp = uint_of(t, "qk_rope_head_dim");
        if (nope + rp) mfl_kvset_set(kv, MFL_KV_KEY_LENGTH, nope + rp);
        if (uint_of(t, "v_head_dim"))
            mfl_kvset_set(kv, MFL_KV_VALUE_LENGTH, uint_of(t, "v_head_dim"));
        if (uint_of(t, "kv_lora_rank"))
            mfl_kvset_set(kv, MFL_KV_KV_LORA_RANK, uint_of(t, "kv_lora_rank"));
        if (rp) mfl_kvset_set(kv, MFL_KV_ROPE_DIMENSION_COUNT, rp);
    }
    if (strcmp(arch, "gpt-oss") == 0 && !ctx) {
        double f = json_number_value(json_object_get(t, "rope_scaling_factor"));
        uint64_t init = uint_of(t, "initial_context_length");
        if (f > 0 && init) ctx = (uint64_t)(f * (double)init);
    }
    if (ctx) mfl_kvset_set(kv, MFL_KV_CONTEXT_LENGTH, ctx);
    if (blocks) mfl_kvset_set(kv, MFL_KV_BLOCK_COUNT, blocks);
    if (embd) mfl_kvset_set(kv, MFL_KV_EMBEDDING_LENGTH, embd);
    if (heads) mfl_kvset_set(kv, MFL_KV_HEAD_COUNT, heads);
    if (kvh) mfl_kvset_set(kv, MFL_KV_HEAD_COUNT_KV, kvh);
    if (hd && !kv->v[MFL_KV_KEY_LENGTH].set) {
        mfl_kvset_set(kv, MFL_KV_KEY_LENGTH, hd);
        mfl_kvset_set(kv, MFL_KV_VALUE_LENGTH, hd);
    }
    if (swa && (strstr(arch, "gemma") || strcmp(arch, "gpt-oss") == 0 || strcmp(arch, "phi3") == 0))
        mfl_kvset_set(kv, MFL_KV_SLIDING_WINDOW, swa);
    if (experts) mfl_kvset_set(kv, MFL_KV_EXPERT_COUNT, experts);
    if (used) mfl_kvset_set(kv, MFL_KV_EXPERT_USED_COUNT, used);
    if (orig) mfl_kvset_set(kv, MFL_KV_ROPE_ORIG_CTX, orig);
    if (strcmp(arch, "bert") == 0 || strncmp(arch, "nomic-bert", 10) == 0 ||
        strcmp(arch, "gemma-embedding") == 0)
        mfl_kvset_set(kv, MFL_KV_POOLING_TYPE, 1);
    /* Which layers use the window: layer_types, else a pattern n (every
     * n-th layer global), as convert_gemma3.go writes them. */
    json_t *types = json_object_get(t, "layer_types");
    uint64_t pat = uint_of(t, "sliding_window_pattern");
    if (kv->v[MFL_KV_SLIDING_WINDOW].set && blocks && blocks <= MFL_KV_MAX_LAYERS &&
        (json_is_array(types) || pat)) {
        for (uint32_t i = 0; i < blocks; i++) {
            const char *lt = json_string_value(json_array_get(types, i));
            if (json_is_array(types))
                arrays[i] = lt && strcmp(lt, "sliding_attention") == 0;
            else
                arrays[i] = (i + 1) % pat != 0;
        }
        mfl_kvset_set_array(kv, MFL_KV_SLIDING_WINDOW_PATTERN, arrays, (uint32_t)blocks);
    }
}

/* Reads dir/config.json; fills import_error with Ollama's message when the
 * converter would stop. */
static void read_config(const char *dir, const list_t *weights, mfl_model_t *out, char *sig,
                        size_t sigsz) {
    char path[MFL_OS_MAX_PATH];
    snprintf(path, sizeof path, "%s/config.json", dir);
    mfl_os_stat_t st;
    if (mfl_os_stat(path, &st) != 0 || st.type != MFL_FT_FILE) {
        /* os.DirFS's error for a missing file, as `ollama create` prints it. */
        setf(out->import_error, sizeof out->import_error,
             "open config.json: no such file or directory");
        return;
    }
    setf(sig, sigsz, "%s", path);
    if (st.size > MAX_CONFIG) {
        setf(out->error, sizeof out->error, "%s is larger than 4 MiB; not read", path);
        return;
    }
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (!json_is_object(root)) {
        setf(out->import_error, sizeof out->import_error, "parse config.json: %s",
             root ? "not a JSON object" : je.text);
        json_decref(root);
        return;
    }
    json_t *archs = json_object_get(root, "architectures");
    const char *hf = json_string_value(json_array_get(archs, 0));
    if (!json_is_array(archs) || json_array_size(archs) < 1 || hf == NULL) {
        setf(out->import_error, sizeof out->import_error, "unknown architecture");
        json_decref(root);
        return;
    }
    const char *arch = NULL;
    for (size_t i = 0; i < sizeof supported / sizeof supported[0]; i++)
        if (strcmp(hf, supported[i].hf) == 0) {
            arch = supported[i].arch;
            out->is_vision = supported[i].vision;
        }
    if (arch == NULL) {
        setf(out->import_error, sizeof out->import_error, "unsupported architecture \"%s\"", hf);
        json_decref(root);
        return;
    }
    uint32_t arrays[MFL_KV_MAX_LAYERS];
    mfl_kvset_t kv;
    map_config(root, hf, arch, &kv, arrays);
    char name[sizeof out->name];
    snprintf(name, sizeof name, "%s", out->name);
    if (mfl_model_from_kvset(&kv, out) != 0) {
        json_decref(root);
        return;
    }
    setf(out->name, sizeof out->name, "%s (%s)", name, hf);
    json_decref(root); /* hf and the strings kv points at belong to root */
    out->weight_bytes = total_size(dir, weights);
    setf(out->weights_note, sizeof out->weights_note,
         "the size of the weight files: Ollama imports them unquantised unless "
         "`ollama create -q` is given");
}

bool mfl_io_read_model_dir(const char *dir, mfl_model_t *out, char *sig, size_t sigsz) {
    mfl_model_init(out);
    out->source = MFL_SOURCE_SAFETENSORS;
    out->confidence = MFL_CONF_EXACT;
    setf(out->source_detail, sizeof out->source_detail, "%s/config.json", dir);
    const char *slash = mfl_os_last_sep(dir);
    setf(out->name, sizeof out->name, "%s", slash && slash[1] ? slash + 1 : dir);
    if (sig && sigsz) sig[0] = '\0';
    char dummy[8];
    if (!sig) {
        sig = dummy;
        sigsz = sizeof dummy;
    }
    /* filesForModel's order: the first kind that matches is the model. */
    list_t l = {0};
    glob_dir(dir, "model*.safetensors", &l);
    if (l.n == 0) glob_dir(dir, "consolidated*.safetensors", &l);
    if (l.n == 0) {
        glob_dir(dir, "pytorch_model*.bin", &l);
        keep_magic(dir, &l, "PK\x03\x04");
    }
    if (l.n == 0) {
        glob_dir(dir, "consolidated*.pth", &l);
        keep_magic(dir, &l, "PK\x03\x04");
    }
    if (l.n > 0) {
        read_config(dir, &l, out, sig, sigsz);
        list_free(&l);
        return true;
    }
    glob_dir(dir, "*.gguf", &l);
    if (l.n == 0) glob_dir(dir, "*.bin", &l);
    keep_magic(dir, &l, "GGUF");
    if (l.n > 0) {
        char path[MFL_OS_MAX_PATH];
        snprintf(path, sizeof path, "%s/%s", dir, l.names[0]);
        setf(sig, sigsz, "%s", path);
        out->source = MFL_SOURCE_GGUF;
        setf(out->source_detail, sizeof out->source_detail, "%s", path);
        if (mfl_io_read_gguf(path, out) == 0) mfl_model_apply_notes(out);
        list_free(&l);
        return true;
    }
    list_free(&l);
    setf(out->import_error, sizeof out->import_error, "%s", MFL_NO_MODEL_FILES_TEXT);
    return true;
}

/* SPDX-License-Identifier: MIT */
/* The mfl_env_t used by the CLI and the language server: Ollama's path
 * expansion, GGUF sniffing, and FROM resolution through a local GGUF file,
 * the local Ollama store, the config file's models and the built-in model data. */
#ifndef MFL_IO_ENV_H
#define MFL_IO_ENV_H

#include "mfl.h"

#include <jansson.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Not thread-safe (it caches): use one env per thread. It reads the working
 * directory once, for relative folders: do not chdir while using one. */
typedef struct mfl_io_env mfl_io_env_t;

/* Bytes of a GGUF file read first, and at most: the header keys come before
 * the tokenizer arrays, which are skipped without being read. */
#define MFL_IO_GGUF_PREFIX (4u << 20)
#define MFL_IO_GGUF_MAX (64u << 20)

/* Returns a new environment (free with mfl_io_env_free), or NULL when out
 * of memory. By default the store is searched in $OLLAMA_MODELS,
 * ~/.ollama/models and /usr/share/ollama/.ollama/models. */
mfl_io_env_t *mfl_io_env_new(void);

/* Frees env and its cache. No operation is performed if env is NULL. */
void mfl_io_env_free(mfl_io_env_t *env);

/* The mfl_env_t to pass in mfl_lint_opts_t. Returns a borrowed pointer,
 * valid until mfl_io_env_free(env). */
const mfl_env_t *mfl_io_env_get(mfl_io_env_t *env);

/* Sets the Ollama models directory (the CLI's --ollama-models DIR; the
 * folder holding manifests/ and blobs/). When set, only this directory is
 * searched. NULL restores the default search. Copies dir. Clears the
 * cache. Returns 0, MFL_EINVAL (too long) or MFL_ENOMEM. */
int mfl_io_env_set_store_dir(mfl_io_env_t *env, const char *dir);

/* Calls cb with each store root the env searches, in order (the folders
 * holding manifests/ and blobs/; they need not exist). */
void mfl_io_env_foreach_store(const mfl_io_env_t *env, void (*cb)(void *ud, const char *root),
                              void *ud);

/* Calls cb with the short name ("qwen3-coder:30b", "ns/model:tag",
 * "host/ns/model:tag") of every model in the store(s) the env searches.
 * Returns how many. Unreadable folders are skipped. */
size_t mfl_io_env_list_models(const mfl_io_env_t *env, void (*cb)(void *ud, const char *name),
                              void *ud);

/* Adds models from the config file's "models" object (borrowed, not kept).
 * Each key is an Ollama model name (matched as FROM names are: default
 * host, namespace and tag, any case); each value is an object:
 *
 *   "like"              an exact built-in tag whose figures are the defaults
 *   "display"           display name ("name" too, in the object form)
 *   "arch"              architecture ("llama", "qwen3moe", ...)
 *   "context_length"    native context in tokens (required unless "like")
 *   "gguf_context_length"  what the GGUF says, when it differs
 *   "note"              shown in the hover and messages
 *   "block_count", "head_count", "head_count_kv", "head_dim",
 *   "value_length", "embedding_length", "sliding_window",
 *   "sliding_window_pattern" (every n-th layer global),
 *   "expert_count", "expert_used_count"      integers
 *   "params", "active_params"                numbers (parameters)
 *   "weights"           bytes as a number, or a string "18.6GB" / "17GiB"
 *
 * Example: {"my-coder": {"like": "qwen3-coder:30b"},
 *           "corp/llm:7b": {"arch": "llama", "context_length": 32768,
 *                            "block_count": 32, "head_count": 32,
 *                            "head_count_kv": 8, "head_dim": 128,
 *                            "weights": "4.9GB"}}
 *
 * The array form [{"name": "my-coder", "like": ...}, ...] is the same with
 * the model name in "name".
 *
 * Config models are consulted after a local GGUF and the store, and before
 * the built-in model data. Returns 0, or MFL_EINVAL with "models.<name>.<key>:
 * message" in err (nothing is added then), or MFL_ENOMEM. */
int mfl_io_env_add_models_json(mfl_io_env_t *env, const json_t *models, char *err, size_t errsz);

/* Checks a config file's "models" section entry by entry, as
 * mfl_io_env_add_models_json reads it. Returns 0, or MFL_EINVAL with
 * "models.<name>.<key>: message" in err, or MFL_ENOMEM. */
int mfl_io_models_validate(const json_t *models, char *err, size_t errsz);

/* FROM ./folder: the model Ollama would import from it (parser/parser.go
 * filesForModel's order, convert/convert.go's config.json). Always fills
 * *out (source MFL_SOURCE_SAFETENSORS, or MFL_SOURCE_GGUF for a folder of
 * GGUF files); out->import_error holds Ollama's message when it cannot
 * import the folder. sig (sigsz) receives the file the answer depends on
 * ("" if none). Returns true. */
bool mfl_io_read_model_dir(const char *dir, mfl_model_t *out, char *sig, size_t sigsz);

/* Forgets every cached resolution (the LSP calls it when the store or the
 * config changes). */
void mfl_io_env_clear_cache(mfl_io_env_t *env);

/* Reads the GGUF header of a regular file into *out (bounded prefix; see
 * MFL_IO_GGUF_PREFIX). Returns 0, or a negative MFL_E* code with out->error
 * filled. Never opens devices or FIFOs. */
int mfl_io_read_gguf(const char *path, mfl_model_t *out);

/* The parts of an Ollama manifest that FROM resolution reads. */
typedef struct {
    bool has_model;       /* a layer of type application/vnd.ollama.image.model */
    char *model_digest;   /* its digest ("sha256:<hex>"), or NULL if not a string */
    char *params_digest;  /* the last params layer's digest, or NULL */
    uint64_t extra_bytes; /* projector and draft layers, added to the weights */
} mfl_io_manifest_t;

/* Parses a manifest already in memory (json[0..len), any bytes). Returns 0
 * and fills *out (free its strings with mfl_io_manifest_cleanup), MFL_EINVAL
 * with the reason in err when it is not JSON or has no "layers" array (*out
 * then holds nothing to free), or MFL_ENOMEM. */
int mfl_io_parse_manifest(const char *json, size_t len, mfl_io_manifest_t *out, char *err,
                          size_t errsz);
void mfl_io_manifest_cleanup(mfl_io_manifest_t *m);

/* Reads "num_ctx" from a params layer (a JSON object) in memory. Returns 1
 * and sets *num_ctx when it holds an integer (or an integral number within
 * int64_t), else 0. */
int mfl_io_parse_params(const char *json, size_t len, int64_t *num_ctx);

#ifdef __cplusplus
}
#endif
#endif

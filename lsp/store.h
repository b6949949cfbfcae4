/* SPDX-License-Identifier: MIT */
/* The names of the models in the local Ollama store, for completion after
 * FROM. */
#ifndef LSP_STORE_H
#define LSP_STORE_H

#include <stddef.h>

/* Calls cb with the short name ("qwen3:8b", "user/m:v2", "hf.co/u/r:Q4_K_M")
 * of every manifest under manifests/<host>/<namespace>/<model>/<tag> of
 * $OLLAMA_MODELS, or else ~/.ollama/models and
 * /usr/share/ollama/.ollama/models. Returns how many were found. */
size_t lsp_store_list(void (*cb)(void *ud, const char *name), void *ud);

#endif

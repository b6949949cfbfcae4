/* SPDX-License-Identifier: MIT */
/* The built-in model table (models.md §4) and Ollama model-name handling.
 * The table is static const data: nothing runs at start-up, and a lookup
 * builds the canonical key only of the entries whose model name matches
 * (see find_entry). The GGUF, when it can be read, always wins over these
 * figures. */
#include "mfl_knowledge.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define B(x) ((uint64_t)((x) * 1e9))
#define GB(x) ((uint64_t)((x) * 1e9))

enum { FT_F16 = 1, FT_Q4_0 = 2, FT_MXFP4 = 4, FT_Q8_0 = 7, FT_Q4_K_M = 15 };

/* name, display, arch, native ctx, layers, Q heads, KV heads, head dim,
 * embedding, params total/active (billions), weights (GB), file type. */
#define M(nm, disp, ar, cx, L, H, KV, HD, EMB, PT, PA, W, FT)                            \
    .name = nm, .display = disp, .arch = ar, .ctx = cx, .n_layers = L, .n_head = H,      \
    .n_kv_head = KV, .head_dim = HD, .embedding_length = EMB, .params_total = B(PT),     \
    .params_active = B(PA), .weight_bytes = GB(W), .file_type = FT

#define QWEN3_YARN "The GGUF holds 40960 (32768 + 8192 output budget); 131072 needs YaRN rope overrides that num_ctx does not set."
#define QWEN25_YARN "Native 32768; the \"128K\" on the model card needs YaRN rope overrides that num_ctx does not set."
#define GEMMA3_SWA "5 of every 6 layers use a sliding window; only the global layers grow with num_ctx."

static const mfl_table_entry_t table[] = {
    {M("qwen3-coder:30b", "Qwen3-Coder 30B-A3B Instruct", "qwen3moe", 262144, 48, 32, 4, 128, 2048, 30.5, 3.3, 18.6, FT_Q4_K_M),
     .expert_count = 128, .expert_used_count = 8,
     .note = "Native 262,144 tokens; \"1M\" on the model card needs YaRN rope overrides."},
    {M("qwen3-coder:480b", "Qwen3-Coder 480B-A35B Instruct", "qwen3moe", 262144, 62, 96, 8, 128, 6144, 480, 35, 290, FT_Q4_K_M),
     .expert_count = 160, .expert_used_count = 8},
    {M("qwen3:0.6b", "Qwen3 0.6B", "qwen3", 40960, 28, 16, 8, 128, 1024, 0.6, 0.6, 0.52, FT_Q4_K_M), .note = QWEN3_YARN},
    {M("qwen3:1.7b", "Qwen3 1.7B", "qwen3", 40960, 28, 16, 8, 128, 2048, 1.7, 1.7, 1.4, FT_Q4_K_M), .note = QWEN3_YARN},
    {M("qwen3:4b", "Qwen3 4B", "qwen3", 40960, 36, 32, 8, 128, 2560, 4.0, 4.0, 2.5, FT_Q4_K_M),
     .note = "40960 for the original 4B; the 2507 variants hold 262144. The pulled blob decides."},
    {M("qwen3:8b", "Qwen3 8B", "qwen3", 40960, 36, 32, 8, 128, 4096, 8.2, 8.2, 5.2, FT_Q4_K_M), .note = QWEN3_YARN},
    {M("qwen3:14b", "Qwen3 14B", "qwen3", 40960, 40, 40, 8, 128, 5120, 14.8, 14.8, 9.3, FT_Q4_K_M), .note = QWEN3_YARN},
    {M("qwen3:32b", "Qwen3 32B", "qwen3", 40960, 64, 64, 8, 128, 5120, 32.8, 32.8, 20, FT_Q4_K_M), .note = QWEN3_YARN},
    {M("qwen3:30b", "Qwen3 30B-A3B", "qwen3moe", 40960, 48, 32, 4, 128, 2048, 30.5, 3.3, 19, FT_Q4_K_M),
     .expert_count = 128, .expert_used_count = 8,
     .note = "40960 for the original 30B-A3B; the 2507 tags hold 262144. The pulled blob decides."},
    {M("qwen3:235b", "Qwen3 235B-A22B", "qwen3moe", 40960, 94, 64, 4, 128, 4096, 235, 22, 142, FT_Q4_K_M),
     .expert_count = 128, .expert_used_count = 8,
     .note = "40960 for the original 235B-A22B; the 2507 tags hold 262144. The pulled blob decides."},
    {M("qwen2.5:0.5b", "Qwen2.5 0.5B Instruct", "qwen2", 32768, 24, 14, 2, 64, 896, 0.49, 0.49, 0.4, FT_Q4_K_M)},
    {M("qwen2.5:1.5b", "Qwen2.5 1.5B Instruct", "qwen2", 32768, 28, 12, 2, 128, 1536, 1.5, 1.5, 1.0, FT_Q4_K_M)},
    {M("qwen2.5:3b", "Qwen2.5 3B Instruct", "qwen2", 32768, 36, 16, 2, 128, 2048, 3.1, 3.1, 1.9, FT_Q4_K_M)},
    {M("qwen2.5:7b", "Qwen2.5 7B Instruct", "qwen2", 32768, 28, 28, 4, 128, 3584, 7.6, 7.6, 4.7, FT_Q4_K_M), .note = QWEN25_YARN},
    {M("qwen2.5:14b", "Qwen2.5 14B Instruct", "qwen2", 32768, 48, 40, 8, 128, 5120, 14.8, 14.8, 9.0, FT_Q4_K_M), .note = QWEN25_YARN},
    {M("qwen2.5:32b", "Qwen2.5 32B Instruct", "qwen2", 32768, 64, 40, 8, 128, 5120, 32.8, 32.8, 20, FT_Q4_K_M), .note = QWEN25_YARN},
    {M("qwen2.5:72b", "Qwen2.5 72B Instruct", "qwen2", 32768, 80, 64, 8, 128, 8192, 72.7, 72.7, 47, FT_Q4_K_M), .note = QWEN25_YARN},
    {M("qwen2.5-coder:0.5b", "Qwen2.5-Coder 0.5B Instruct", "qwen2", 32768, 24, 14, 2, 64, 896, 0.49, 0.49, 0.4, FT_Q4_K_M)},
    {M("qwen2.5-coder:1.5b", "Qwen2.5-Coder 1.5B Instruct", "qwen2", 32768, 28, 12, 2, 128, 1536, 1.5, 1.5, 1.0, FT_Q4_K_M)},
    {M("qwen2.5-coder:3b", "Qwen2.5-Coder 3B Instruct", "qwen2", 32768, 36, 16, 2, 128, 2048, 3.1, 3.1, 1.93, FT_Q4_K_M)},
    {M("qwen2.5-coder:7b", "Qwen2.5-Coder 7B Instruct", "qwen2", 32768, 28, 28, 4, 128, 3584, 7.6, 7.6, 4.7, FT_Q4_K_M), .note = QWEN25_YARN},
    {M("qwen2.5-coder:14b", "Qwen2.5-Coder 14B Instruct", "qwen2", 32768, 48, 40, 8, 128, 5120, 14.8, 14.8, 9.0, FT_Q4_K_M), .note = QWEN25_YARN},
    {M("qwen2.5-coder:32b", "Qwen2.5-Coder 32B Instruct", "qwen2", 32768, 64, 40, 8, 128, 5120, 32.8, 32.8, 19.9, FT_Q4_K_M), .note = QWEN25_YARN},
    {M("llama3.1:8b", "Llama 3.1 8B Instruct", "llama", 131072, 32, 32, 8, 128, 4096, 8.0, 8.0, 4.9, FT_Q4_K_M)},
    {M("llama3.1:70b", "Llama 3.1 70B Instruct", "llama", 131072, 80, 64, 8, 128, 8192, 70.6, 70.6, 43, FT_Q4_K_M)},
    {M("llama3.1:405b", "Llama 3.1 405B Instruct", "llama", 131072, 126, 128, 8, 128, 16384, 405, 405, 231, FT_Q4_K_M)},
    {M("llama3.2:1b", "Llama 3.2 1B Instruct", "llama", 131072, 16, 32, 8, 64, 2048, 1.24, 1.24, 1.3, FT_Q8_0)},
    {M("llama3.2:3b", "Llama 3.2 3B Instruct", "llama", 131072, 28, 24, 8, 128, 3072, 3.2, 3.2, 2.0, FT_Q4_K_M)},
    {M("llama3.3:70b", "Llama 3.3 70B Instruct", "llama", 131072, 80, 64, 8, 128, 8192, 70.6, 70.6, 43, FT_Q4_K_M)},
    {M("gemma2:2b", "Gemma 2 2B", "gemma2", 8192, 26, 8, 4, 256, 2304, 2.6, 2.6, 1.6, FT_Q4_0), .sliding_window = 4096, .swa_pattern = 2},
    {M("gemma2:9b", "Gemma 2 9B", "gemma2", 8192, 42, 16, 8, 256, 3584, 9.2, 9.2, 5.5, FT_Q4_0), .sliding_window = 4096, .swa_pattern = 2},
    {M("gemma2:27b", "Gemma 2 27B", "gemma2", 8192, 46, 32, 16, 128, 4608, 27.2, 27.2, 16, FT_Q4_0), .sliding_window = 4096, .swa_pattern = 2},
    {M("gemma3:1b", "Gemma 3 1B", "gemma3", 32768, 26, 4, 1, 256, 1152, 1.0, 1.0, 0.815, FT_Q4_K_M), .sliding_window = 512, .swa_pattern = 6, .note = GEMMA3_SWA},
    {M("gemma3:4b", "Gemma 3 4B", "gemma3", 131072, 34, 8, 4, 256, 2560, 4.3, 4.3, 3.3, FT_Q4_K_M), .sliding_window = 1024, .swa_pattern = 6, .note = GEMMA3_SWA},
    {M("gemma3:12b", "Gemma 3 12B", "gemma3", 131072, 48, 16, 8, 256, 3840, 12.2, 12.2, 8.1, FT_Q4_K_M), .sliding_window = 1024, .swa_pattern = 6, .note = GEMMA3_SWA},
    {M("gemma3:27b", "Gemma 3 27B", "gemma3", 131072, 62, 32, 16, 128, 5376, 27.4, 27.4, 17, FT_Q4_K_M), .sliding_window = 1024, .swa_pattern = 6, .note = GEMMA3_SWA},
    {M("gemma3n:e2b", "Gemma 3n E2B", "gemma3n", 32768, 30, 8, 2, 256, 2048, 5.0, 2.0, 5.6, FT_Q4_K_M), .sliding_window = 512, .swa_pattern = 5, .shared_kv_layers = 10},
    {M("gemma3n:e4b", "Gemma 3n E4B", "gemma3n", 32768, 35, 8, 2, 256, 2048, 8.0, 4.0, 7.5, FT_Q4_K_M), .sliding_window = 512, .swa_pattern = 5, .shared_kv_layers = 15},
    {M("mistral:7b", "Mistral 7B Instruct v0.3", "llama", 32768, 32, 32, 8, 128, 4096, 7.25, 7.25, 4.1, FT_Q4_K_M)},
    {M("mistral-nemo:12b", "Mistral-Nemo 12B Instruct", "llama", 131072, 40, 32, 8, 128, 5120, 12.2, 12.2, 7.1, FT_Q4_K_M),
     .gguf_ctx = 1024000,
     .note = "The GGUF says 1,024,000 (max_position_embeddings) but the model is trained and advertised for 128k (131072)."},
    {M("mistral-small:22b", "Mistral Small 22B (2409)", "llama", 32768, 56, 48, 8, 128, 6144, 22.2, 22.2, 13, FT_Q4_K_M)},
    {M("mistral-small:24b", "Mistral Small 24B (2501)", "llama", 32768, 40, 32, 8, 128, 5120, 23.6, 23.6, 14, FT_Q4_K_M)},
    {M("mixtral:8x7b", "Mixtral 8x7B Instruct", "llama", 32768, 32, 32, 8, 128, 4096, 46.7, 12.9, 26, FT_Q4_0), .expert_count = 8, .expert_used_count = 2},
    {M("mixtral:8x22b", "Mixtral 8x22B Instruct", "llama", 65536, 56, 48, 8, 128, 6144, 141, 39, 80, FT_Q4_0), .expert_count = 8, .expert_used_count = 2},
    {M("devstral:24b", "Devstral 24B", "llama", 131072, 40, 32, 8, 128, 5120, 23.6, 23.6, 14, FT_Q4_K_M)},
    {M("codestral:22b", "Codestral 22B", "llama", 32768, 56, 48, 8, 128, 6144, 22.2, 22.2, 13, FT_Q4_0)},
    {M("phi3:3.8b", "Phi-3 Mini 4k", "phi3", 4096, 32, 32, 32, 96, 3072, 3.8, 3.8, 2.3, FT_Q4_0)},
    {M("phi3:3.8b-mini-128k-instruct", "Phi-3 Mini 128k", "phi3", 131072, 32, 32, 32, 96, 3072, 3.8, 3.8, 2.3, FT_Q4_0)},
    {M("phi3:14b", "Phi-3 Medium 4k", "phi3", 4096, 40, 40, 10, 128, 5120, 14, 14, 7.9, FT_Q4_0)},
    {M("phi4:14b", "Phi-4 14B", "phi3", 16384, 40, 40, 10, 128, 5120, 14.7, 14.7, 9.1, FT_Q4_K_M)},
    {M("phi4-mini:3.8b", "Phi-4 Mini 3.8B", "phi3", 131072, 32, 24, 8, 128, 3072, 3.8, 3.8, 2.5, FT_Q4_K_M)},
    {M("deepseek-r1:1.5b", "DeepSeek-R1 Distill Qwen 1.5B", "qwen2", 131072, 28, 12, 2, 128, 1536, 1.8, 1.8, 1.1, FT_Q4_K_M)},
    {M("deepseek-r1:7b", "DeepSeek-R1 Distill Qwen 7B", "qwen2", 131072, 28, 28, 4, 128, 3584, 7.6, 7.6, 4.7, FT_Q4_K_M)},
    {M("deepseek-r1:8b", "DeepSeek-R1-0528 Qwen3 8B", "qwen3", 131072, 36, 32, 8, 128, 4096, 8.2, 8.2, 5.2, FT_Q4_K_M)},
    {M("deepseek-r1:14b", "DeepSeek-R1 Distill Qwen 14B", "qwen2", 131072, 48, 40, 8, 128, 5120, 14.8, 14.8, 9.0, FT_Q4_K_M)},
    {M("deepseek-r1:32b", "DeepSeek-R1 Distill Qwen 32B", "qwen2", 131072, 64, 40, 8, 128, 5120, 32.8, 32.8, 20, FT_Q4_K_M)},
    {M("deepseek-r1:70b", "DeepSeek-R1 Distill Llama 70B", "llama", 131072, 80, 64, 8, 128, 8192, 70.6, 70.6, 43, FT_Q4_K_M)},
    {M("deepseek-r1:671b", "DeepSeek-R1 671B", "deepseek2", 163840, 61, 128, 1, 576, 7168, 671, 37, 404, FT_Q4_K_M),
     .mla = true, .mla_v = 512, .expert_count = 256, .expert_used_count = 8,
     .note = "MLA: the cache holds the compressed latent (576 + 512 per layer per token); an upper bound."},
    {M("deepseek-coder-v2:16b", "DeepSeek-Coder-V2 Lite 16B", "deepseek2", 163840, 27, 16, 1, 576, 2048, 15.7, 2.4, 8.9, FT_Q4_0),
     .mla = true, .mla_v = 512, .expert_count = 64, .expert_used_count = 6},
    {M("deepseek-coder-v2:236b", "DeepSeek-Coder-V2 236B", "deepseek2", 163840, 60, 128, 1, 576, 5120, 236, 21, 133, FT_Q4_0),
     .mla = true, .mla_v = 512, .expert_count = 160, .expert_used_count = 6},
    {M("gpt-oss:20b", "gpt-oss 20B", "gpt-oss", 131072, 24, 64, 8, 64, 2880, 20.9, 3.6, 14, FT_MXFP4),
     .sliding_window = 128, .swa_pattern = 2, .expert_count = 32, .expert_used_count = 4,
     .note = "Every other layer uses a 128-token sliding window; only the 12 full-attention layers grow with num_ctx."},
    {M("gpt-oss:120b", "gpt-oss 120B", "gpt-oss", 131072, 36, 64, 8, 64, 2880, 116.8, 5.1, 65, FT_MXFP4),
     .sliding_window = 128, .swa_pattern = 2, .expert_count = 128, .expert_used_count = 4},
    {M("granite3.3:2b", "Granite 3.3 2B", "granite", 131072, 40, 32, 8, 64, 2048, 2.5, 2.5, 1.5, FT_Q4_K_M)},
    {M("granite3.3:8b", "Granite 3.3 8B", "granite", 131072, 40, 32, 8, 128, 4096, 8.2, 8.2, 4.9, FT_Q4_K_M)},
    /* Older library models still common in Modelfiles (shapes from their
     * model cards and config.json; not in models.md). */
    {M("llama2:7b", "Llama 2 7B Chat", "llama", 4096, 32, 32, 32, 128, 4096, 6.7, 6.7, 3.8, FT_Q4_0)},
    {M("llama2:13b", "Llama 2 13B Chat", "llama", 4096, 40, 40, 40, 128, 5120, 13.0, 13.0, 7.4, FT_Q4_0)},
    {M("nous-hermes:7b", "Nous Hermes Llama 2 7B", "llama", 4096, 32, 32, 32, 128, 4096, 6.7, 6.7, 3.8, FT_Q4_0)},
    {M("nous-hermes:13b", "Nous Hermes Llama 2 13B", "llama", 4096, 40, 40, 40, 128, 5120, 13.0, 13.0, 7.4, FT_Q4_0)},
    {M("codellama:7b", "Code Llama 7B", "llama", 16384, 32, 32, 32, 128, 4096, 6.7, 6.7, 3.8, FT_Q4_0)},
    {M("codellama:13b", "Code Llama 13B", "llama", 16384, 40, 40, 40, 128, 5120, 13.0, 13.0, 7.4, FT_Q4_0)},
    {M("gemma:2b", "Gemma 2B", "gemma", 8192, 18, 8, 1, 256, 2048, 2.5, 2.5, 1.7, FT_Q4_0)},
    {M("gemma:7b", "Gemma 7B", "gemma", 8192, 28, 16, 16, 256, 3072, 8.5, 8.5, 5.0, FT_Q4_0)},
    {M("granite3.2:8b", "Granite 3.2 8B", "granite", 131072, 40, 32, 8, 128, 4096, 8.2, 8.2, 4.9, FT_Q4_K_M)},
    {M("wizardlm2:7b", "WizardLM-2 7B", "llama", 32768, 32, 32, 8, 128, 4096, 7.24, 7.24, 4.1, FT_Q4_0)},
    {M("deepseek-coder:1.3b", "DeepSeek Coder 1.3B", "llama", 16384, 24, 16, 16, 128, 2048, 1.3, 1.3, 0.78, FT_Q4_0)},
    {M("deepseek-coder:6.7b", "DeepSeek Coder 6.7B", "llama", 16384, 32, 32, 32, 128, 4096, 6.7, 6.7, 3.8, FT_Q4_0)},
    {M("command-r:35b", "Command R 35B (08-2024)", "command-r", 131072, 40, 64, 8, 128, 8192, 32, 32, 19, FT_Q4_K_M)},
    {M("nomic-embed-text:v1.5", "nomic-embed-text v1.5", "nomic-bert", 2048, 12, 12, 12, 64, 768, 0.137, 0.137, 0.274, FT_F16),
     .embedding = true},
};

typedef struct {
    const char *alias;  /* a tag of "*" matches any tag (hf.co repositories) */
    const char *target;
} alias_t;

static const alias_t aliases[] = {
    {"qwen3-coder:latest", "qwen3-coder:30b"},
    {"qwen3-coder:30b-a3b", "qwen3-coder:30b"},
    {"qwen3-coder:480b-a35b", "qwen3-coder:480b"},
    {"qwen3:latest", "qwen3:8b"},
    {"qwen3:30b-a3b", "qwen3:30b"},
    {"qwen3:235b-a22b", "qwen3:235b"},
    {"qwen2.5:latest", "qwen2.5:7b"},
    {"qwen2.5-coder:latest", "qwen2.5-coder:7b"},
    {"llama3.1:latest", "llama3.1:8b"},
    {"llama3.2:latest", "llama3.2:3b"},
    {"llama3.3:latest", "llama3.3:70b"},
    {"gemma2:latest", "gemma2:9b"},
    {"gemma3:latest", "gemma3:4b"},
    {"gemma3n:latest", "gemma3n:e4b"},
    {"mistral:latest", "mistral:7b"},
    {"mistral-nemo:latest", "mistral-nemo:12b"},
    {"mistral-small:latest", "mistral-small:24b"},
    {"mixtral:latest", "mixtral:8x7b"},
    {"devstral:latest", "devstral:24b"},
    {"codestral:latest", "codestral:22b"},
    {"phi3:latest", "phi3:3.8b"},
    {"phi3:mini", "phi3:3.8b"},
    {"phi3:medium", "phi3:14b"},
    {"phi4:latest", "phi4:14b"},
    {"phi4-mini:latest", "phi4-mini:3.8b"},
    {"deepseek-r1:latest", "deepseek-r1:8b"},
    {"deepseek-coder-v2:latest", "deepseek-coder-v2:16b"},
    {"deepseek-coder-v2:lite", "deepseek-coder-v2:16b"},
    {"gpt-oss:latest", "gpt-oss:20b"},
    {"granite3.3:latest", "granite3.3:8b"},
    {"command-r:latest", "command-r:35b"},
    {"llama2:latest", "llama2:7b"},
    {"nous-hermes:latest", "nous-hermes:7b"},
    {"codellama:latest", "codellama:7b"},
    {"gemma:latest", "gemma:7b"},
    {"granite3.2:latest", "granite3.2:8b"},
    {"wizardlm2:latest", "wizardlm2:7b"},
    {"deepseek-coder:latest", "deepseek-coder:1.3b"},
    {"nomic-embed-text:latest", "nomic-embed-text:v1.5"},
    {"hf.co/unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF:*", "qwen3-coder:30b"},
    {"hf.co/bartowski/Qwen_Qwen3-Coder-30B-A3B-Instruct-GGUF:*", "qwen3-coder:30b"},
    {"hf.co/lmstudio-community/Qwen3-Coder-30B-A3B-Instruct-GGUF:*", "qwen3-coder:30b"},
    {"hf.co/prithivMLmods/Qwen3-Coder-30B-A3B-Instruct-GGUF:*", "qwen3-coder:30b"},
    {"hf.co/Qwen/Qwen3-8B-GGUF:*", "qwen3:8b"},
    {"hf.co/Qwen/Qwen2.5-Coder-7B-Instruct-GGUF:*", "qwen2.5-coder:7b"},
    {"hf.co/Qwen/Qwen2.5-Coder-32B-Instruct-GGUF:*", "qwen2.5-coder:32b"},
    {"hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:*", "llama3.2:1b"},
    {"hf.co/bartowski/Llama-3.2-3B-Instruct-GGUF:*", "llama3.2:3b"},
    {"hf.co/bartowski/Meta-Llama-3.1-8B-Instruct-GGUF:*", "llama3.1:8b"},
    {"hf.co/unsloth/gpt-oss-20b-GGUF:*", "gpt-oss:20b"},
    {"hf.co/ggml-org/gpt-oss-20b-GGUF:*", "gpt-oss:20b"},
    {"hf.co/bartowski/Mistral-Nemo-Instruct-2407-GGUF:*", "mistral-nemo:12b"},
    {"hf.co/unsloth/gemma-3-27b-it-GGUF:*", "gemma3:27b"},
    {"hf.co/unsloth/gemma-3-12b-it-GGUF:*", "gemma3:12b"},
    {"hf.co/unsloth/Devstral-Small-2505-GGUF:*", "devstral:24b"},
};

/* Model names are parsed by lint/src/names.c (mfl_name_parse). */

/* ---- quantisation names -------------------------------------------------------- */

static const struct {
    const char *name;
    uint32_t ft;
    double bpw; /* approximate bits per weight of a whole model file */
} quants[] = {
    {"f32", 0, 32},      {"f16", 1, 16},      {"fp16", 1, 16},     {"bf16", 32, 16},
    {"q4_0", 2, 4.55},   {"q4_1", 3, 5.0},    {"q8_0", 7, 8.5},    {"q5_0", 8, 5.5},
    {"q5_1", 9, 6.0},    {"q2_k", 10, 3.0},   {"q3_k_s", 11, 3.5}, {"q3_k_m", 12, 3.9},
    {"q3_k_l", 13, 4.3}, {"q4_k_s", 14, 4.6}, {"q4_k_m", 15, 4.85}, {"q5_k_s", 16, 5.5},
    {"q5_k_m", 17, 5.7}, {"q6_k", 18, 6.6},   {"iq4_xs", 30, 4.3}, {"iq4_nl", 25, 4.5},
    {"iq3_m", 27, 3.7},  {"iq2_m", 29, 2.7},  {"mxfp4", 4, 4.25},
};

static int quant_index(const char *s, size_t len) {
    for (size_t i = 0; i < sizeof quants / sizeof quants[0]; i++) {
        size_t n = strlen(quants[i].name);
        if (n != len)
            continue;
        size_t k = 0;
        while (k < n && tolower((unsigned char)s[k]) == quants[i].name[k])
            k++;
        if (k == n)
            return (int)i;
    }
    return -1;
}

uint32_t mfl_quant_parse(const char *s, size_t len) {
    int i = quant_index(s, len);
    return i < 0 ? UINT32_MAX : quants[i].ft;
}

static double quant_bpw(uint32_t ft) {
    for (size_t i = 0; i < sizeof quants / sizeof quants[0]; i++)
        if (quants[i].ft == ft)
            return quants[i].bpw;
    return 0;
}

/* ---- lookup ------------------------------------------------------------------------ */

/* "host/ns/model:tag", lower case, from a parsed name. */
static void canon(const mfl_name_t *n, char *buf, size_t bufsize) {
    /* snprintf(buf, bufsize, "%s/%s/%s:%s", ...) lower-cased, without the
     * cost of printf. */
    const char *parts[7] = {n->host, "/", n->ns, "/", n->model, ":", n->tag};
    size_t len = 0;
    if (bufsize == 0)
        return;
    for (size_t k = 0; k < 7; k++)
        for (const char *p = parts[k]; *p && len + 1 < bufsize; p++)
            buf[len++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p); /* ASCII, as Ollama folds */
    buf[len] = '\0';
}

static bool canon_str(const char *name, char *buf, size_t bufsize) {
    mfl_name_t n;
    if (mfl_name_parse(name, strlen(name), &n) != 0)
        return false;
    canon(&n, buf, bufsize);
    return true;
}

/* Lookups compare canonical keys, but only for the entries whose model part
 * matches the query's: nothing is computed ahead (a process that lints one
 * file pays for the one or two names it looks up), and no key is built for
 * the rest of the table. */
#define N_TABLE (sizeof table / sizeof table[0])
#define N_ALIASES (sizeof aliases / sizeof aliases[0])

/* The model part of a name, split as mfl_name_parse splits it: after the
 * last '/', before the tag's ':' (the last ':' after that '/'). */
static void model_part(const char *s, size_t len, const char **m, size_t *ml) {
    size_t start = 0, end = len;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '/')
            start = i + 1;
    for (size_t i = start; i < len; i++)
        if (s[i] == ':')
            end = i;
    *m = s + start;
    *ml = end - start;
}

/* True if name's model part is km (canonical, so lower case). */
static bool model_is(const char *name, size_t len, const char *km, size_t kml) {
    const char *m;
    size_t ml;
    model_part(name, len, &m, &ml);
    if (ml != kml)
        return false;
    for (size_t i = 0; i < ml; i++)
        if ((m[i] >= 'A' && m[i] <= 'Z' ? m[i] + 32 : m[i]) != km[i])
            return false;
    return true;
}

static const mfl_table_entry_t *find_entry(const char *key) {
    const char *km;
    size_t kml;
    model_part(key, strlen(key), &km, &kml);
    for (size_t i = 0; i < N_TABLE; i++) {
        char c[600];
        if (model_is(table[i].name, strlen(table[i].name), km, kml) &&
            canon_str(table[i].name, c, sizeof c) && strcmp(c, key) == 0)
            return &table[i];
    }
    return NULL;
}

/* key is canonical "host/ns/model:tag"; alias tags "*" match any tag. */
static const mfl_table_entry_t *find_exact(const char *key) {
    const mfl_table_entry_t *e = find_entry(key);
    if (e)
        return e;
    const char *colon = strrchr(key, ':');
    size_t base_len = colon ? (size_t)(colon - key) : strlen(key);
    const char *km;
    size_t kml;
    model_part(key, strlen(key), &km, &kml);
    for (size_t i = 0; i < N_ALIASES; i++) {
        const char *a = aliases[i].alias;
        size_t al = strlen(a);
        bool any = al >= 2 && strcmp(a + al - 2, ":*") == 0;
        if (!model_is(a, any ? al - 2 : al, km, kml))
            continue;
        char ak[600];
        if (any) {
            char tmp[400];
            snprintf(tmp, sizeof tmp, "%.*s:x", (int)(al - 2), a);
            if (!canon_str(tmp, ak, sizeof ak))
                continue;
            ak[strlen(ak) - 2] = '\0';
            if (strlen(ak) != base_len || strncmp(ak, key, base_len) != 0)
                continue;
        } else if (!canon_str(a, ak, sizeof ak) || strcmp(ak, key) != 0) {
            continue;
        }
        char c[600];
        if (canon_str(aliases[i].target, c, sizeof c))
            return find_entry(c);
    }
    return NULL;
}

static bool is_variant_word(const char *s, size_t n) {
    static const char *const words[] = {"instruct", "it", "chat", "text", "base"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == n && strncmp(words[i], s, n) == 0)
            return true;
    /* A release ("v0.1", "v2") or a date ("2501", "2407"). */
    size_t i = n && s[0] == 'v' ? 1 : 0;
    bool digits = i < n;
    for (; i < n; i++)
        if (!(s[i] >= '0' && s[i] <= '9') && !(s[i] == '.' && s[0] == 'v'))
            digits = false;
    return digits && (s[0] == 'v' || n == 4 || n == 6);
}

/* Finds the entry; *quant receives a quantisation named by the tag (its
 * last '-' token, or the whole hf.co tag), UINT32_MAX if none. */
static const mfl_table_entry_t *lookup(const char *name, size_t len, uint32_t *quant) {
    mfl_name_t n;
    char key[600];
    *quant = UINT32_MAX;
    if (mfl_name_parse(name, len, &n) != 0)
        return NULL;
    canon(&n, key, sizeof key);
    const char *colon = strrchr(key, ':');
    char *tag = key + (colon - key) + 1;
    *quant = mfl_quant_parse(tag, strlen(tag));
    const mfl_table_entry_t *e = find_exact(key);
    if (e)
        return e;
    /* Drop trailing "-q4_K_M", "-instruct", "-fp16", ... one token at a time. */
    for (;;) {
        char *dash = strrchr(tag, '-');
        if (dash == NULL)
            break;
        uint32_t q = mfl_quant_parse(dash + 1, strlen(dash + 1));
        if (q == UINT32_MAX && !is_variant_word(dash + 1, strlen(dash + 1)))
            break;
        if (q != UINT32_MAX && *quant == UINT32_MAX)
            *quant = q;
        *dash = '\0';
        if ((e = find_exact(key)) != NULL)
            return e;
    }
    return NULL;
}

const mfl_table_entry_t *mfl_table_find(const char *name, size_t len) {
    uint32_t q;
    return lookup(name, len, &q);
}

size_t mfl_table_count(void) {
    return sizeof table / sizeof table[0];
}

const mfl_table_entry_t *mfl_table_at(size_t i) {
    return i < mfl_table_count() ? &table[i] : NULL;
}

void mfl_table_entry_to_model(const mfl_table_entry_t *e, mfl_model_t *m) {
    mfl_model_init(m);
    m->source = MFL_SOURCE_TABLE;
    snprintf(m->source_detail, sizeof m->source_detail, "%s", e->name);
    snprintf(m->name, sizeof m->name, "%s", e->display);
    snprintf(m->arch, sizeof m->arch, "%s", e->arch);
    m->native_ctx = e->ctx;
    m->gguf_ctx = e->gguf_ctx ? e->gguf_ctx : e->ctx;
    if (e->note)
        snprintf(m->ctx_note, sizeof m->ctx_note, "%s", e->note);
    m->n_layers = e->n_layers;
    m->n_head = e->n_head;
    m->n_kv_head_max = e->n_kv_head;
    m->key_length = e->head_dim;
    m->value_length = e->mla ? e->mla_v : e->head_dim;
    m->mla = e->mla;
    m->embedding_length = e->embedding_length;
    m->n_shared_kv_layers = e->shared_kv_layers;
    m->sliding_window = e->sliding_window;
    uint32_t cached = e->n_layers > e->shared_kv_layers ? e->n_layers - e->shared_kv_layers : 0;
    for (uint32_t i = 0; i < cached; i++) {
        uint32_t p = e->swa_pattern;
        bool swa = e->sliding_window && p && (i % p) < p - 1;
        m->kv_heads_sum += e->n_kv_head;
        if (swa) {
            m->n_swa_layers++;
            m->kv_heads_sum_swa += e->n_kv_head;
        } else {
            m->n_global_layers++;
        }
    }
    m->expert_count = e->expert_count;
    m->expert_used_count = e->expert_used_count;
    m->params_total = e->params_total;
    m->params_active = e->params_active;
    m->weight_bytes = e->weight_bytes;
    m->file_type = e->file_type;
    m->is_embedding = e->embedding;
}

bool mfl_table_lookup(const char *name, size_t len, mfl_model_t *out) {
    uint32_t q;
    const mfl_table_entry_t *e = lookup(name, len, &q);
    if (e == NULL)
        return false;
    mfl_table_entry_to_model(e, out);
    if (q != UINT32_MAX && q != e->file_type) {
        double from = quant_bpw(e->file_type), to = quant_bpw(q);
        if (from > 0 && to > 0)
            out->weight_bytes = (uint64_t)((double)e->weight_bytes * to / from);
        out->file_type = q;
    }
    return true;
}

/* ---- notes for GGUF-read models ------------------------------------------------- */

static bool contains_ci(const char *hay, const char *needle) {
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t k = 0;
        while (k < n && hay[k] && tolower((unsigned char)hay[k]) == needle[k])
            k++;
        if (k == n)
            return true;
    }
    return false;
}

bool mfl_model_apply_notes(mfl_model_t *m) {
    /* Mistral-Nemo and its relatives (Pixtral's text model) store
     * max_position_embeddings 1,024,000 but were trained for 128k. */
    if (m->gguf_ctx == 1024000 &&
        (contains_ci(m->name, "nemo") || contains_ci(m->basename, "nemo") ||
         contains_ci(m->name, "pixtral") || contains_ci(m->basename, "pixtral"))) {
        m->native_ctx = 131072;
        snprintf(m->ctx_note, sizeof m->ctx_note,
                 "The GGUF says 1,024,000 (max_position_embeddings) but the model is trained "
                 "and advertised for 128k (131072).");
        return true;
    }
    return false;
}

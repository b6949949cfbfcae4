/* SPDX-License-Identifier: MIT */
/* The target Ollama version and the one table of behaviour that changed
 * across Ollama releases (versions.c). Every rule whose answer depends on the
 * release asks this table: which keywords the parser knows, when a PARAMETER
 * was added, deprecated, removed or refused, when ADAPTER was dropped, what
 * TEMPLATE may use, what `ollama create` does with names, paths and empty
 * values, and Ollama's default num_ctx. Each fact names the release that
 * changed it and where that was read (a tag and file of Ollama's repository,
 * or, for releases newer than the snapshot, the report it comes from). */
#ifndef MFL_VERSIONS_H
#define MFL_VERSIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A release as one ordered number: major, minor, patch and a pre-release
 * rank (-rcN is N; a final release is 0xFFFF, after all its rcs). */
typedef uint64_t mfl_version_t;

#define MFL_OLLAMA_VERSION_RC(a, b, c, rc)                                         \
    ((((uint64_t)(a)) << 48) | (((uint64_t)(b)) << 32) | (((uint64_t)(c)) << 16) | \
     ((uint64_t)(rc)&0xFFFFu))
#define MFL_OLLAMA_VERSION(a, b, c) MFL_OLLAMA_VERSION_RC(a, b, c, 0xFFFFu)

/* The oldest target accepted: 0.1.34, the parser rewrite that
 * lint/src/ollama_parse.c mirrors. Older releases parsed Modelfiles
 * differently and are not modelled. */
#define MFL_OLLAMA_VERSION_OLDEST MFL_OLLAMA_VERSION(0, 1, 34)

/* The default target: the newest Ollama release the project knows. */
mfl_version_t mfl_version_default(void);

/* Parses "0.34.1", "v0.34.1" or "0.33.0-rc2" (the whole string). Returns 0,
 * or MFL_EINVAL with a reason in *why (static) for anything else, including
 * releases older than MFL_OLLAMA_VERSION_OLDEST. */
int mfl_version_parse(const char *s, size_t n, mfl_version_t *out, const char **why);

/* "0.34.1" / "0.33.0-rc2" into buf (always NUL-terminated). Returns buf. */
char *mfl_version_format(mfl_version_t v, char *buf, size_t n);

/* One behaviour that changed in a release. */
typedef enum {
    MFL_FACT_NONE = 0,
    /* keywords the parser accepts */
    MFL_FACT_KW_RENDERER_PARSER,
    MFL_FACT_KW_REQUIRES,
    MFL_FACT_KW_DRAFT,
    MFL_FACT_DRAFT_CREATE, /* DRAFT without --experimental; same-path and remote checks */
    /* create (client-side CreateRequest, JSON /api/create) */
    MFL_FACT_JSON_CREATE,
    MFL_FACT_CLOUD_REFS,
    MFL_FACT_ADAPTER_REFUSED,
    /* parameters */
    MFL_FACT_P_EMBEDDING_ONLY_REMOVED,
    MFL_FACT_P_ROPE_GQA_REMOVED,
    MFL_FACT_P_MIN_P,
    MFL_FACT_P_NUMA_REMOVED,
    MFL_FACT_P_TFS_Z_REMOVED,
    MFL_FACT_P_PENALIZE_NEWLINE_DEPRECATED,
    MFL_FACT_P_RUNNER_OPTIONS_DEPRECATED,
    MFL_FACT_P_DRAFT_NUM_PREDICT,
    MFL_FACT_P_TYPICAL_P_REFUSED,
    /* templates */
    MFL_FACT_T_MESSAGES,
    MFL_FACT_T_FUNCS,
    MFL_FACT_T_ELSE_WITH,
    MFL_FACT_T_THINK,
    MFL_FACT_T_CURRENT_DATE,
    MFL_FACT_T_TO_TS_TYPE,
    MFL_FACT_T_UNDEFINED_TEMPLATE,
    MFL_FACT_T_YESTERDAY_DATE,
    MFL_FACT_RENDERER_USED,
    /* the default context */
    MFL_FACT_CTX_ENV_DEFAULT,
    MFL_FACT_CTX_4096,
    MFL_FACT_CTX_GPTOSS_FLOOR,
    MFL_FACT_CTX_GPTOSS_LOW_VRAM,
    MFL_FACT_CTX_QWEN3VL_FLOOR,
    MFL_FACT_CTX_VRAM_TIERS,
    /* memory */
    MFL_FACT_KV_LLAMA4_CHUNKED,
    MFL_FACT__COUNT
} mfl_fact_t;

typedef struct {
    mfl_fact_t id;
    const char *key;     /* stable kebab-case name, "adapter-refused" */
    mfl_version_t since; /* the first release with the new behaviour */
    bool exact;          /* false: the earliest release known to have it */
    const char *what;    /* the behaviour from `since` on, one line */
    const char *before;  /* the behaviour before `since`, one line */
    const char *source;  /* where it was read */
} mfl_fact_info_t;

/* The fact's entry; NULL for MFL_FACT_NONE or out of range. */
const mfl_fact_info_t *mfl_fact(mfl_fact_t f);
/* True if target has the behaviour of f (target >= f's release). MFL_FACT_NONE:
 * always true. */
bool mfl_version_has(mfl_version_t target, mfl_fact_t f);
/* The release of f, formatted ("0.34.1"), into buf. Returns buf. */
char *mfl_fact_release(mfl_fact_t f, char *buf, size_t n);

/* ---- keywords ---------------------------------------------------------- */

/* Ollama's error for an unknown keyword at target v, without the
 * "(line N): " prefix: `command must be one of "from", ...`. Static. */
const char *mfl_invalid_command_text(mfl_version_t v);

/* ---- parameters -------------------------------------------------------- */

typedef enum {
    MFL_PLIFE_ACTIVE = 0,
    MFL_PLIFE_NOT_YET,    /* not an option yet: "unknown parameter 'X'" */
    MFL_PLIFE_DEPRECATED, /* "warning: parameter X is deprecated", dropped */
    MFL_PLIFE_REMOVED,    /* "unknown parameter 'X'" */
    MFL_PLIFE_REFUSED     /* create fails with a message of its own */
} mfl_param_life_t;

/* The state of PARAMETER name[0..n) at target v, and the fact that decided
 * it (*why, MFL_FACT_NONE when always so). Names outside the table are
 * MFL_PLIFE_ACTIVE: the caller knows whether they are parameters at all. */
mfl_param_life_t mfl_param_life(const char *name, size_t n, mfl_version_t v, mfl_fact_t *why);
/* The state at the newest known release, and the fact behind it. */
mfl_param_life_t mfl_param_life_now(const char *name, size_t n, mfl_fact_t *why);
/* typical_p's create-time error from MFL_FACT_P_TYPICAL_P_REFUSED on. */
#define MFL_TYPICAL_P_REFUSED_TEXT                                                          \
    "typical_p is deprecated and cannot be set as a model parameter; pass it as a request " \
    "option instead"
#define MFL_ADAPTER_REFUSED_TEXT "LoRA adapters are no longer supported"

/* ---- the default context ----------------------------------------------- */

/* Ollama's num_ctx at target v when neither the request, the Modelfile nor
 * OLLAMA_CONTEXT_LENGTH sets one, on a server whose GPUs hold vram_bytes
 * in total (after OLLAMA_GPU_OVERHEAD; 0: CPU only), for a model of GGUF
 * family `family` (general.architecture; NULL: unknown). *floor, if not NULL,
 * is set when a per-family minimum (gpt-oss, qwen3-vl: 8192) applied; that
 * minimum also raises an explicit num_ctx in those releases. */
uint64_t mfl_ollama_default_ctx(mfl_version_t v, uint64_t vram_bytes, const char *family,
                                bool *floor);

/* ---- rules ------------------------------------------------------------- */

struct mfl_rule;
/* The Ollama releases a rule applies to, as text ("all releases",
 * "0.18.0 and later", "0.18.0 to 0.34.0", plus the rule's note), from its
 * since/until facts. Returns buf. */
char *mfl_rule_versions_text(const struct mfl_rule *r, char *buf, size_t n);
/* True if the rule applies at target v. */
bool mfl_rule_applies(const struct mfl_rule *r, mfl_version_t v);

#ifdef __cplusplus
}
#endif
#endif

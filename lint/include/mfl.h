/* SPDX-License-Identifier: MIT */
/* The public API of the modelfile-lint core: documents, lint, fixes, rules.
 * The core does no I/O and no JSON. Whatever it needs from the outside world
 * (does a path exist, what model sits behind FROM) comes through mfl_env_t,
 * which the CLI and the language server fill in from lint/io. All offsets are
 * byte offsets into the document's (decoded, UTF-8) text. */
#ifndef MFL_H
#define MFL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mfl_versions.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- errors and allocation ------------------------------------------- */

/* Every function that can fail returns 0 (or a non-negative answer) on
 * success and one of these negative codes on failure, as libuv does;
 * mfl_strerror(code) says what the code means. Where a file is involved, the
 * function also writes "path: reason" into the caller's err buffer. The
 * values of the first ones are the negated errno values on Linux. */
#define MFL_ENOENT (-2) /* no such file or folder; a key that is absent */
#define MFL_EIO (-5)    /* a read, write or other system call failed */
#define MFL_ENOMEM (-12)
#define MFL_EACCES (-13) /* permission denied, or a read-only file */
#define MFL_EINVAL (-22)
#define MFL_EFBIG (-27)        /* a file over the size limit */
#define MFL_ENAMETOOLONG (-36) /* a path that does not fit the buffer */
#define MFL_ENOCONVERGE (-1001)
/* MFL_ETRUNCATED (-1002) and MFL_EUNSUPPORTED (-1003): mfl_knowledge.h. */
#define MFL_ECHANGED (-1004) /* the file changed on disk since it was read */
#define MFL_ENOTREG (-1005)  /* a folder, device or FIFO where a file is needed */

/* A static English sentence for an MFL_E* code (0 too); never NULL, also for
 * a code it does not know. */
const char *mfl_strerror(int code);

/* Replaces malloc/realloc/free for the core. The CLI and the language server
 * route jansson through the same functions (json_set_alloc_funcs).
 * Call before any other function. Returns 0, or MFL_EINVAL if any is NULL. */
int mfl_set_allocator(void *(*malloc_fn)(size_t), void *(*realloc_fn)(void *, size_t),
                      void (*free_fn)(void *));
void *mfl_malloc(size_t n);
void *mfl_calloc(size_t n, size_t size);
void *mfl_realloc(void *p, size_t n);
void mfl_free(void *p);
/* Returns a new NUL-terminated copy of s[0..n); free with mfl_free(). */
char *mfl_strndup(const char *s, size_t n);

/* ---- ranges ------------------------------------------------------------ */

typedef struct {
    uint32_t start, end; /* half-open byte range */
} mfl_range_t;

/* ---- documents ----------------------------------------------------------- */

typedef enum {
#define MFL_INSTRUCTION(id, keyword, command, node, summary, meaning, repeats) MFL_INSTR_##id,
#include "mfl_instructions.def"
#undef MFL_INSTRUCTION
    MFL_INSTR_UNKNOWN, /* a line whose keyword is not one of the table's */
    MFL_INSTR__COUNT
} mfl_instr_kind_t;

typedef enum { MFL_QUOTE_NONE = 0, MFL_QUOTE_SINGLE = 1, MFL_QUOTE_TRIPLE = 3 } mfl_quote_t;

/* One instruction, lowered from the tree. Rules read only this. */
typedef struct {
    mfl_instr_kind_t kind;
    mfl_range_t range;   /* keyword start .. end of the value (or last token) */
    mfl_range_t keyword; /* the keyword as written */
    mfl_range_t name;    /* PARAMETER name or MESSAGE role; empty if absent */
    mfl_range_t value;   /* the value with its quotes; empty if absent */
    mfl_range_t content; /* between the quotes (== value when bare) */
    mfl_quote_t quote;
    bool has_sep;       /* a space or tab follows the keyword */
    bool has_name;      /* PARAMETER/MESSAGE: a name/role token is present */
    bool has_value_sep; /* PARAMETER/MESSAGE: a space or tab follows the name */
    bool terminated;    /* false: a quote that never closes (runs to EOF) */
    /* The name or role as Ollama stores it; NUL-terminated, owned by the doc. */
    const char *name_text;
    size_t name_len;
    /* The value exactly as Ollama computes it (trimmed, unquoted, with the
     * characters Ollama drops removed); NUL-terminated, owned by the doc. For
     * MESSAGE this is the content, without the "role: " prefix. */
    const char *value_text;
    size_t value_len;
    uint32_t line; /* 0-based line of the keyword */
} mfl_instr_t;

typedef enum {
    MFL_ENC_UTF8 = 0,
    MFL_ENC_UTF8_BOM,
    MFL_ENC_UTF16LE, /* with BOM */
    MFL_ENC_UTF16BE  /* with BOM */
} mfl_encoding_t;

typedef struct mfl_doc mfl_doc_t;

/* Decodes (BOM, UTF-16) and parses src. Parsing never fails on input: any
 * byte string gives a document. Returns a new document, free with
 * mfl_doc_free(), or NULL when out of memory. */
mfl_doc_t *mfl_doc_new(const char *src, size_t len);
/* The same document from the byte-level front end, without building a
 * tree-sitter tree (several times faster; for batch linting). The result is
 * identical (tests/unit/test_frontends.c and fuzz/fuzz_frontends.c check
 * it); mfl_doc_edit() and mfl_doc_sexp() build the tree when first needed. */
mfl_doc_t *mfl_doc_new_batch(const char *src, size_t len);
/* mfl_doc_new_batch() that takes buf (from mfl_malloc, len + 1 bytes at
 * least) instead of copying it: a UTF-8 file without a BOM becomes the
 * document's text as it is. buf is the document's, or freed, whatever the
 * result (NULL only when out of memory or past 4 GiB). */
mfl_doc_t *mfl_doc_new_batch_take(char *buf, size_t len);
/* Same, over text that is already decoded (the text of another document or
 * of mfl_fix_all): no BOM or UTF-16 detection, so offsets stay the same. */
mfl_doc_t *mfl_doc_new_decoded(const char *text, size_t len);
void mfl_doc_free(mfl_doc_t *doc);
/* Documents are parsed with one tree-sitter parser per thread, made on first
 * use. Frees the calling thread's parser; call it before a thread that
 * parsed exits (the next parse in the thread makes a new one). */
void mfl_thread_cleanup(void);

/* Replaces text[start, old_end) with new_text and reparses incrementally.
 * Offsets refer to the decoded text. Returns 0, MFL_EINVAL for a bad range,
 * MFL_ENOMEM. On failure the document is unchanged. */
int mfl_doc_edit(mfl_doc_t *doc, uint32_t start, uint32_t old_end, const char *new_text,
                 size_t new_len);

/* The decoded UTF-8 text (without a BOM). Borrowed, valid until the next
 * mfl_doc_edit() or mfl_doc_free(). Always NUL-terminated. */
const char *mfl_doc_text(const mfl_doc_t *doc, size_t *len);
mfl_encoding_t mfl_doc_encoding(const mfl_doc_t *doc);
/* Re-encodes text in the document's original encoding (BOM, UTF-16).
 * Returns 0 and a new buffer in *out (free with mfl_free), or MFL_ENOMEM. */
int mfl_doc_encode(const mfl_doc_t *doc, const char *text, size_t len, char **out, size_t *out_len);

size_t mfl_doc_instr_count(const mfl_doc_t *doc);
/* Borrowed, valid until the next mfl_doc_edit() or mfl_doc_free(). */
const mfl_instr_t *mfl_doc_instr(const mfl_doc_t *doc, size_t i);

size_t mfl_doc_comment_count(const mfl_doc_t *doc);
/* The range of comment i, from '#' to the end of its line. */
mfl_range_t mfl_doc_comment(const mfl_doc_t *doc, size_t i);

/* Syntax errors found while lowering (Ollama's parser errors, each at the
 * exact place, plus recovery so that later lines are still read). */
typedef enum {
    MFL_SYN_INVALID_COMMAND,    /* unknown keyword, or keyword not followed by a space */
    MFL_SYN_MISSING_ARGUMENT,   /* keyword at end of input / PARAMETER without name */
    MFL_SYN_BAD_PARAMETER_NAME, /* a character outside [A-Za-z0-9_] in a name */
    MFL_SYN_MISSING_VALUE,      /* PARAMETER name / MESSAGE role with no value */
    MFL_SYN_BAD_ROLE_CHAR,      /* a non-letter in a MESSAGE role */
    MFL_SYN_INVALID_ROLE,       /* role not system/user/assistant */
    MFL_SYN_UNTERMINATED,       /* quote that never closes */
    MFL_SYN_TREE_ERROR          /* tree-sitter ERROR/MISSING node (should not happen) */
} mfl_syntax_kind_t;

typedef struct {
    mfl_syntax_kind_t kind;
    mfl_range_t range;
    size_t instr; /* index of the instruction it belongs to, or SIZE_MAX */
} mfl_syntax_error_t;

size_t mfl_doc_syntax_error_count(const mfl_doc_t *doc);
const mfl_syntax_error_t *mfl_doc_syntax_error(const mfl_doc_t *doc, size_t i);

/* 0-based line and byte column of a byte offset (clamped to the text). */
void mfl_doc_position(const mfl_doc_t *doc, uint32_t offset, uint32_t *line, uint32_t *byte_col);
/* Byte offset of a 0-based line and byte column (clamped to the line end). */
uint32_t mfl_doc_offset(const mfl_doc_t *doc, uint32_t line, uint32_t byte_col);
uint32_t mfl_doc_line_count(const mfl_doc_t *doc);
/* Byte range of line `line` without its line break. */
mfl_range_t mfl_doc_line_range(const mfl_doc_t *doc, uint32_t line);

/* Bytes of a range, borrowed from the document text (clamped to it). */
const char *mfl_doc_slice(const mfl_doc_t *doc, mfl_range_t r, size_t *len);

/* The tree as an S-expression (tree-sitter's ts_node_string), for tests and
 * `modelfile-lint parse --format sexp`. Returns a new string; mfl_free(). */
char *mfl_doc_sexp(const mfl_doc_t *doc);

/* ---- tree-sitter queries ----------------------------------------------------
 * What an editor with tree-sitter does with the grammar's queries (.scm), for hosts
 * without one (the web playground highlights with highlights.scm this way):
 * a query is compiled for the Modelfile grammar and run over a document. */
typedef struct mfl_query mfl_query_t;

/* Compiles a query. Returns NULL when src does not compile, with *err_offset
 * (may be NULL) the byte offset of the error, or when out of memory
 * (*err_offset UINT32_MAX). */
mfl_query_t *mfl_query_new(const char *src, size_t len, uint32_t *err_offset);
void mfl_query_free(mfl_query_t *q);

typedef struct {
    const char *name; /* capture name without '@' ("string.special"), borrowed from the query */
    size_t name_len;
    uint32_t pattern;  /* index of the pattern in the query (later ones are more specific) */
    mfl_range_t range; /* bytes of the captured node */
} mfl_capture_t;

/* Tests a #match? / #not-match? predicate: does text[0, len) match the
 * regular expression re (NUL-terminated)? The core has no regex engine. */
typedef bool (*mfl_regex_fn)(void *ud, const char *re, const char *text, size_t len);

/* Calls fn for every capture of q's matches in doc that overlap the bytes
 * [within.start, within.end), in document order. #eq? and #not-eq? are
 * evaluated here, #match? and #not-match? through regex (NULL: a match with
 * one is dropped); other predicates and directives (#set!) are ignored. A
 * nonzero return of fn stops the run and is returned; else 0, or MFL_ENOMEM. */
int mfl_query_run(const mfl_query_t *q, const mfl_doc_t *doc, mfl_range_t within,
                  mfl_regex_fn regex, void *regex_ud, int (*fn)(void *ud, const mfl_capture_t *c),
                  void *ud);

/* Ollama's internal command name for an instruction kind ("model" for FROM;
 * NULL for PARAMETER, whose name is the parameter's own, and UNKNOWN). */
const char *mfl_instr_command_name(mfl_instr_kind_t kind);
/* Upper-case keyword ("FROM"); "?" for UNKNOWN. */
const char *mfl_instr_keyword(mfl_instr_kind_t kind);

/* ---- the reference parser -------------------------------------------------
 * A line-for-line port of Ollama's ParseFile state machine, used to check the
 * tree-sitter front end (differential tests, fuzzing) and to quote the exact
 * error Ollama would print. Works on raw bytes (it decodes BOM/UTF-16 like
 * Ollama). */
typedef struct {
    char *name; /* "model", "template", the parameter name, "message", ... */
    char *args; /* MESSAGE: "role: content" */
    size_t args_len;
} mfl_ollama_command_t;

typedef struct {
    mfl_ollama_command_t *commands;
    size_t n_commands;
    char *error; /* NULL on success; else Ollama's exact error text */
} mfl_ollama_parse_t;

/* Returns 0 and fills *out (free with mfl_ollama_parse_cleanup), or
 * MFL_ENOMEM. A Modelfile error is not a failure: it is out->error. */
int mfl_ollama_parse(const char *src, size_t len, mfl_ollama_parse_t *out);
void mfl_ollama_parse_cleanup(mfl_ollama_parse_t *p);

/* ---- rules, diagnostics, fixes ------------------------------------------- */

typedef enum {
    MFL_SEVERITY_ERROR = 0,
    MFL_SEVERITY_WARNING = 1,
    MFL_SEVERITY_INFO = 2,
    MFL_SEVERITY_HINT = 3,
    MFL_SEVERITY_OFF = 4 /* config only: the rule is disabled */
} mfl_severity_t;

typedef enum { MFL_FIXABLE_NONE, MFL_FIXABLE_SOMETIMES, MFL_FIXABLE_ALWAYS } mfl_fixable_t;
typedef enum { MFL_FIX_SAFE, MFL_FIX_UNSAFE } mfl_applicability_t;

typedef struct mfl_ctx mfl_ctx_t;

typedef struct mfl_rule {
    const char *code; /* "MF001" */
    const char *name; /* "missing-from" (kebab-case) */
    mfl_severity_t severity;
    mfl_fixable_t fixable;
    bool default_off;     /* style rules: enabled only when selected */
    const char *category; /* "syntax", "parameter", "context", ... */
    const char *summary;  /* one line */
    const char *doc;      /* Markdown: What it does / Why is this bad? / Example */
    void (*check)(mfl_ctx_t *ctx);
    /* The Ollama releases the rule applies to (mfl_versions.h): from the
     * release of `since` (MFL_FACT_NONE: from the oldest), before the release
     * of `until` (MFL_FACT_NONE: to the newest). The driver runs the rule
     * only when the target is in range; a rule whose findings differ by
     * release inside the range asks the table itself and says so in
     * versions_note (NULL: nothing to add). */
    mfl_fact_t since, until;
    const char *versions_note;
} mfl_rule_t;

/* All rules, sorted by code. Borrowed, static. */
size_t mfl_rule_count(void);
const mfl_rule_t *mfl_rule_at(size_t i);
/* By code ("MF001", case-insensitive) or name ("missing-from"); NULL if none. */
const mfl_rule_t *mfl_rule_find(const char *code_or_name);
/* The rule's documentation URL (docs/rules.md anchor). Static storage per rule. */
const char *mfl_rule_url(const mfl_rule_t *rule, char *buf, size_t bufsize);

typedef struct {
    mfl_range_t range;
    char *text; /* insert: start == end; delete: text "" */
} mfl_edit_t;

typedef struct {
    char *title;
    mfl_applicability_t applicability;
    size_t n_edits;
    mfl_edit_t *edits; /* sorted by start, non-overlapping */
} mfl_fix_t;

typedef struct {
    mfl_range_t range;
    char *message;
} mfl_related_t;

typedef struct {
    const mfl_rule_t *rule;
    mfl_severity_t severity; /* after config overrides */
    mfl_range_t range;
    char *message;
    mfl_fix_t *fix; /* NULL if none */
    size_t n_related;
    mfl_related_t *related;
} mfl_diag_t;

typedef struct {
    mfl_diag_t *diags; /* sorted by (range.start, code) */
    size_t n_diags;
} mfl_result_t;

void mfl_result_free(mfl_result_t *res);

/* ---- model knowledge (filled in by lint/io through mfl_env_t) ------------ */

typedef enum {
    MFL_SOURCE_NONE = 0,
    MFL_SOURCE_GGUF,       /* a local GGUF file named by FROM */
    MFL_SOURCE_STORE,      /* the local Ollama model store */
    MFL_SOURCE_TABLE,      /* the built-in model data (lint/data/models) */
    MFL_SOURCE_CONFIG,     /* the config file's models section */
    MFL_SOURCE_SAFETENSORS /* a FROM folder's config.json (Hugging Face model) */
} mfl_source_t;

/* How sure the figures of a model are: exact for the tag, or a guess. */
typedef enum {
    MFL_CONF_EXACT = 0, /* read from the GGUF, the store, a config.json or the
                           config file, or the exact tag is in the data */
    MFL_CONF_ASSUMED,   /* a family guess: only figures every release the name
                           could mean agrees on; never lowers num_ctx */
    MFL_CONF_UNKNOWN    /* the family is known but its releases disagree:
                           nothing is assumed (model->assumed says why) */
} mfl_confidence_t;

typedef struct {
    mfl_source_t source;
    char source_detail[512]; /* a path, a manifest, a table key */
    char name[256];          /* display name */
    char arch[64];
    uint64_t native_ctx; /* 0: unknown */
    char ctx_note[256];  /* why native_ctx differs from the GGUF value, if it does */
    uint32_t n_layers;
    uint32_t n_head;
    uint64_t kv_heads_sum; /* sum over attention layers of KV heads */
    uint32_t n_kv_head_max;
    uint32_t key_length, value_length;
    uint32_t key_length_swa, value_length_swa; /* windowed layers' head size when
                                                  it differs (gemma4); 0: the same */
    uint32_t sliding_window;                   /* 0: none */
    uint32_t n_swa_layers;                     /* layers that use the window */
    uint32_t n_global_layers;                  /* attention layers over the full context */
    bool mla;
    uint32_t expert_count, expert_used_count;
    uint32_t file_type;                   /* general.file_type, UINT32_MAX if unknown */
    uint64_t weight_bytes;                /* file size, or table figure */
    uint64_t params_total, params_active; /* 0: unknown */
    /* Parameters inherited from the store model's params layer. */
    bool has_inherited_num_ctx;
    int64_t inherited_num_ctx;
    char inherited_from[256];
    char error[256]; /* non-empty: a corrupt GGUF or manifest, with the reason */
    /* Model knowledge (see mfl_knowledge.h). */
    uint64_t gguf_ctx;         /* context_length as stored (before ctx_note) */
    uint64_t kv_heads_sum_swa; /* the part of kv_heads_sum on windowed layers */
    uint32_t embedding_length;
    uint64_t vocab_size; /* tokenizer.ggml.tokens count; 0 unknown */
    uint32_t key_length_mla, value_length_mla, kv_lora_rank;
    uint32_t n_shared_kv_layers; /* gemma3n: trailing layers without a cache */
    bool is_embedding;           /* <arch>.pooling_type present */
    uint32_t gguf_version;       /* 0: not read from a GGUF */
    uint64_t rope_orig_ctx;      /* rope.scaling.original_context_length */
    char basename[128];          /* general.basename */
    char size_label[64];         /* general.size_label */
    char general_type[32];       /* general.type ("model", "adapter", ...) */
    /* Tag-exact knowledge. */
    mfl_confidence_t confidence;
    char assumed[384];      /* ASSUMED/UNKNOWN: what was assumed and how to
                                   make it exact */
    char weights_note[160]; /* how weight_bytes was obtained when it is not
                                   a file size ("scaled from ... to Q8_0") */
    bool is_vision;         /* accepts images: Ollama raises num_ctx < 2048 */
    char checked[16];       /* TABLE: the date the figures were read */
    char import_error[256]; /* SAFETENSORS: Ollama's own error when it
                                   cannot import the folder ("" if it can) */
} mfl_model_t;

/* `ollama create`'s error for a folder with no model file in it
 * (parser.ErrModelNotFound): MF217 reports it, import_error may hold it. */
#define MFL_NO_MODEL_FILES_TEXT "no Modelfile or safetensors files found"

typedef enum {
    MFL_PATH_MISSING = 0,
    MFL_PATH_FILE,
    MFL_PATH_DIR,
    MFL_PATH_DEVICE, /* char/block device, FIFO, socket */
    MFL_PATH_ERROR
} mfl_path_kind_t;

/* Everything the core may ask of the outside world. Any callback may be
 * NULL: the rules that need it then stay silent. */
typedef struct {
    void *ud;
    /* Resolve `path` (a FROM/ADAPTER/DRAFT argument) as Ollama does (~, ~user,
     * relative to base_dir). Writes the absolute path to abs (bufsize) and
     * returns its kind, following symlinks (lstat info in *is_symlink). */
    mfl_path_kind_t (*path_kind)(void *ud, const char *base_dir, const char *path, char *abs,
                                 size_t bufsize, bool *is_symlink);
    /* True if the first four bytes of the file are "GGUF". */
    bool (*is_gguf)(void *ud, const char *abs_path);
    /* Fill *out for the model behind a FROM value. Returns true if found. */
    bool (*resolve_model)(void *ud, const char *base_dir, const char *from, mfl_model_t *out);
    /* The canonical path of an existing abs_path (every symlink resolved,
     * nothing opened), written to out (outsz). Returns false if it cannot
     * be resolved. Used to see where a symlink leads (MF402). */
    bool (*real_path)(void *ud, const char *abs_path, char *out, size_t outsz);
    /* Optional: resolve_model for a FROM value whose path the caller has
     * already looked up with path_kind (kind and abs as it answered), so the
     * file system is asked once. NULL: the core calls resolve_model. */
    bool (*resolve_model_at)(void *ud, const char *base_dir, const char *from, mfl_path_kind_t kind,
                             const char *abs, mfl_model_t *out);
    /* Optional: calls fn with the name of every entry of folder abs_dir
     * (neither "." nor ".."). Returns false if the folder cannot be read.
     * Used to see what `ollama create` finds in a FROM folder (MF217). */
    bool (*list_dir)(void *ud, const char *abs_dir, void (*fn)(void *fud, const char *name),
                     void *fud);
} mfl_env_t;

/* ---- configuration ------------------------------------------------------- */

typedef struct mfl_config mfl_config_t;

/* Returns a new config with every rule at its default; mfl_config_free(). */
mfl_config_t *mfl_config_new(void);
void mfl_config_free(mfl_config_t *cfg);
/* Returns a new copy of cfg (mfl_config_free), NULL when out of memory. */
mfl_config_t *mfl_config_clone(const mfl_config_t *cfg);
/* Severity override; MFL_SEVERITY_OFF disables. Returns MFL_EINVAL for an
 * unknown code or name. */
int mfl_config_set_severity(mfl_config_t *cfg, const char *code_or_name, mfl_severity_t sev);
/* Enable a default-off rule at its default severity. */
int mfl_config_enable(mfl_config_t *cfg, const char *code_or_name);
/* --select: only these rules (comma-separated codes or prefixes like "MF1"). */
int mfl_config_select(mfl_config_t *cfg, const char *list);
/* --ignore: disable these (comma-separated codes, names or prefixes). */
int mfl_config_ignore(mfl_config_t *cfg, const char *list);
/* The effective severity for a rule, MFL_SEVERITY_OFF when disabled. */
mfl_severity_t mfl_config_severity(const mfl_config_t *cfg, const mfl_rule_t *rule);
/* The target Ollama release (mfl_versions.h); a new config targets
 * mfl_version_default(). */
void mfl_config_set_ollama_version(mfl_config_t *cfg, mfl_version_t v);
mfl_version_t mfl_config_ollama_version(const mfl_config_t *cfg);

/* Model, hardware and time settings. Units: bytes, tokens/s,
 * seconds, bytes/s. 0 means unset. */
typedef struct {
    uint64_t memory_budget;      /* usable bytes for weights + KV + overhead */
    char hardware[64];           /* a profile name, informative */
    double bandwidth;            /* bytes per second */
    double prefill_rate;         /* tokens per second */
    double client_timeout;       /* seconds */
    uint32_t num_parallel;       /* 0 -> 1 */
    char kv_cache_type[16];      /* "f16" (default), "q8_0", "q4_0" */
    uint64_t server_default_ctx; /* OLLAMA_CONTEXT_LENGTH, 0 unknown */
    uint64_t runtime_reserve;    /* Ollama's per-GPU reserve (ml/device.go
                                  MinimumMemory): 512 MiB on Metal, 457 MiB
                                  elsewhere; 0: the device is unknown (the
                                  larger, 512 MiB, is assumed) */
} mfl_budget_t;

mfl_budget_t *mfl_config_budget(mfl_config_t *cfg);
const mfl_budget_t *mfl_config_budget_const(const mfl_config_t *cfg);

/* ---- lint and fix ------------------------------------------------------------ */

typedef struct {
    const char *path;           /* display path; the file name feeds label rules */
    const char *base_dir;       /* folder FROM paths are relative to; NULL: none */
    const mfl_config_t *config; /* NULL: defaults */
    const mfl_env_t *env;       /* NULL: no I/O-backed rules */
} mfl_lint_opts_t;

/* Lints a parsed document. Returns 0 and a new result in *out
 * (mfl_result_free), or MFL_ENOMEM. */
int mfl_lint(const mfl_doc_t *doc, const mfl_lint_opts_t *opts, mfl_result_t **out);

/* Applies non-overlapping fixes to text (fixes sorted by first edit; a fix
 * overlapping one already applied is skipped). Returns the number applied,
 * and a new buffer in *out, or MFL_ENOMEM / MFL_EINVAL (edit out of range). */
int mfl_fix_apply(const char *text, size_t len, const mfl_fix_t *const *fixes, size_t n_fixes,
                  char **out, size_t *out_len);

typedef struct {
    bool unsafe;           /* also apply unsafe fixes */
    const char *only_code; /* NULL: all rules; else only this rule's fixes */
    size_t max_passes;     /* 0: 10 */
} mfl_fix_opts_t;

typedef struct {
    size_t applied; /* fixes applied over all passes */
    size_t passes;
    char rules[256]; /* on MFL_ENOCONVERGE: the codes still fixing */
    /* The one fix-all safety policy: the fixed text never has
     * more errors (diagnostics at error severity) nor more syntax errors
     * than the input. A pass that would break that is undone; the rules
     * whose fixes break it on their own (all of the pass's, if only
     * together) are refused from then on, and the other fixes of the pass
     * are kept when they still keep the count. `stopped` is set,
     * `stop_rules` names the refused rules and errors_rejected the errors
     * the refused pass would have left. */
    bool stopped;
    size_t errors_before, errors_after, errors_rejected;
    char stop_rules[256];
} mfl_fix_report_t;

/* Lints, applies fixes, re-lints, repeats until nothing changes, keeping
 * only passes after which the text has no more errors and syntax errors
 * than the input, and refusing the fixes that would add one (see
 * mfl_fix_report_t). Returns 0 with the fixed (decoded)
 * text in *out, MFL_ENOCONVERGE (out still set to the last text, which a
 * front end must not use: the CLI writes nothing, the server offers no
 * fix-all), or MFL_ENOMEM. */
int mfl_fix_all(const char *text, size_t len, const mfl_lint_opts_t *opts,
                const mfl_fix_opts_t *fopts, char **out, size_t *out_len, mfl_fix_report_t *report);

/* ---- formatting and suppression edits --------------------------------------
 * Editor-independent edits, built once here so that the CLI and the language
 * server cannot disagree: `modelfile-lint format` and textDocument/formatting
 * both call mfl_format; the server's "suppress" quick fix calls
 * mfl_suppress_edit, whose comment is the one the linter's suppression parser
 * reads. Offsets are in the decoded text (mfl_doc_text). */

/* Frees an array of n edits and their texts (NULL is fine). */
void mfl_edits_free(mfl_edit_t *edits, size_t n);

/* The formatter: upper-case keywords, one space between a keyword and its
 * argument, no trailing spaces or tabs. Quoted values and comments are
 * never touched, nor anything from the first syntax error on (Ollama's
 * error would change). Invariants (checked by fuzz/fuzz_lint.c on every input and
 * by tests/cli/run.sh on the corpus): Ollama's parser (mfl_ollama_parse)
 * reads the same commands from the formatted text, and formatting it again
 * gives no edit. Returns 0 and a new array of *n edits in *edits, sorted by
 * start and non-overlapping (free with mfl_edits_free; NULL when *n is 0),
 * or MFL_ENOMEM. */
int mfl_format(const mfl_doc_t *doc, mfl_edit_t **edits, size_t *n);
/* The text mfl_format's edits make: 0 and a new NUL-terminated buffer in
 * *out (mfl_free), or MFL_ENOMEM. */
int mfl_format_text(const mfl_doc_t *doc, char **out, size_t *out_len);

/* The index of the instruction whose range holds off (end inclusive), or
 * SIZE_MAX. The one lookup the suppression matcher, hover, completion and
 * the code actions use. */
size_t mfl_doc_instr_at(const mfl_doc_t *doc, uint32_t off);

/* The edit that suppresses rule `code` for instruction `instr`, in the
 * syntax the linter reads: a "# modelfile-lint: ignore=CODE" line above it
 * (with its indentation and line break), or ",CODE" appended to the
 * suppression comment already on the line above. Returns 0 and *out (free
 * out->text with mfl_free), 1 when that comment already names the code,
 * MFL_EINVAL for a bad index or code, MFL_ENOMEM. */
int mfl_suppress_edit(const mfl_doc_t *doc, size_t instr, const char *code, mfl_edit_t *out);

#ifdef __cplusplus
}
#endif
#endif

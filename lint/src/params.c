/* SPDX-License-Identifier: MIT */
/* The PARAMETER table and Ollama's value converters (see mfl_params.h). */
#include "mfl_params.h"

#include "internal.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NOLIM false, false, false, 0, 0
#define LIM(a, b, c, d, e) a, b, c, d, e
#define P_ACTIVE(n, t, g, d, k, lim, s) \
    { n, t, g, d, k, lim, s }
/* Deprecated or removed: versions.c says since when. */
#define P_OLD(n, t, g, s) \
    { n, t, g, "", MFL_PARAM_SAMPLE, NOLIM, s }

static const mfl_param_t params[] = {
    P_ACTIVE("num_ctx", MFL_PARAM_INT, "int", "VRAM tier (4096 / 32768 / 262144)", MFL_PARAM_LOAD,
             LIM(true, false, false, 4, 0), "Context window in tokens"),
    P_ACTIVE("num_batch", MFL_PARAM_INT, "int", "512 (scheduler picks 256-2048)", MFL_PARAM_LOAD,
             LIM(true, false, false, 0, 0), "Prompt-processing batch size"),
    P_ACTIVE("num_gpu", MFL_PARAM_INT, "int", "-1 (auto)", MFL_PARAM_LOAD, NOLIM,
             "Layers offloaded to the GPU; 0 = CPU only"),
    P_ACTIVE("main_gpu", MFL_PARAM_INT, "*int", "unset", MFL_PARAM_LOAD, NOLIM,
             "When set: no split, use this GPU index"),
    P_ACTIVE("use_mmap", MFL_PARAM_BOOL, "*bool", "unset (auto)", MFL_PARAM_LOAD, NOLIM,
             "false disables memory-mapped loading"),
    P_ACTIVE("num_thread", MFL_PARAM_INT, "int", "0 (runtime decides)", MFL_PARAM_LOAD,
             LIM(true, false, false, 0, 0), "CPU threads"),
    P_ACTIVE("draft_num_predict", MFL_PARAM_INT, "int", "4 with a DRAFT, else 0", MFL_PARAM_LOAD,
             LIM(true, false, false, 0, 0), "Max speculative draft tokens per step; 0 disables"),
    P_ACTIVE("num_keep", MFL_PARAM_INT, "int", "4", MFL_PARAM_SAMPLE, NOLIM,
             "Tokens kept from the prompt start on context shift"),
    P_ACTIVE("seed", MFL_PARAM_INT, "int", "-1 (random)", MFL_PARAM_SAMPLE, NOLIM, "RNG seed"),
    P_ACTIVE("num_predict", MFL_PARAM_INT, "int", "-1 (until stop)", MFL_PARAM_SAMPLE,
             LIM(true, false, false, -2, 0),
             "Max tokens to generate (-1 unlimited, -2 fill context)"),
    P_ACTIVE("top_k", MFL_PARAM_INT, "int", "40", MFL_PARAM_SAMPLE, LIM(true, false, false, 0, 0),
             "Top-k sampling"),
    P_ACTIVE("top_p", MFL_PARAM_FLOAT, "float32", "0.9", MFL_PARAM_SAMPLE,
             LIM(true, true, false, 0, 1), "Nucleus sampling"),
    P_ACTIVE("min_p", MFL_PARAM_FLOAT, "float32", "0.0", MFL_PARAM_SAMPLE,
             LIM(true, true, false, 0, 1), "Minimum probability relative to the top token"),
    P_ACTIVE("typical_p", MFL_PARAM_FLOAT, "float32", "1.0 (off)", MFL_PARAM_SAMPLE,
             LIM(true, true, false, 0, 1), "Locally typical sampling"),
    P_ACTIVE("repeat_last_n", MFL_PARAM_INT, "int", "64 (0 off, -1 num_ctx)", MFL_PARAM_SAMPLE,
             LIM(true, false, false, -1, 0), "Window for repeat penalties"),
    P_ACTIVE("temperature", MFL_PARAM_FLOAT, "float32", "0.8", MFL_PARAM_SAMPLE,
             LIM(true, true, false, 0, 2), "Sampling temperature"),
    P_ACTIVE("repeat_penalty", MFL_PARAM_FLOAT, "float32", "1.0", MFL_PARAM_SAMPLE,
             LIM(true, false, true, 0, 0), "Repetition penalty (1.0 off)"),
    P_ACTIVE("presence_penalty", MFL_PARAM_FLOAT, "float32", "0.0", MFL_PARAM_SAMPLE, NOLIM,
             "Presence penalty"),
    P_ACTIVE("frequency_penalty", MFL_PARAM_FLOAT, "float32", "0.0", MFL_PARAM_SAMPLE, NOLIM,
             "Frequency penalty"),
    P_ACTIVE("stop", MFL_PARAM_STRINGS, "[]string", "none (from the model)", MFL_PARAM_SAMPLE,
             NOLIM, "Stop sequence; repeat the line for several"),
    P_OLD("penalize_newline", MFL_PARAM_BOOL, "bool", "Ignored"),
    P_OLD("low_vram", MFL_PARAM_BOOL, "bool", "Ignored"),
    P_OLD("f16_kv", MFL_PARAM_BOOL, "bool", "Ignored"),
    P_OLD("logits_all", MFL_PARAM_BOOL, "bool", "Ignored"),
    P_OLD("vocab_only", MFL_PARAM_BOOL, "bool", "Ignored"),
    P_OLD("use_mlock", MFL_PARAM_BOOL, "bool", "Ignored"),
    P_OLD("mirostat", MFL_PARAM_INT, "int", "Ignored"),
    P_OLD("mirostat_tau", MFL_PARAM_FLOAT, "float32", "Ignored"),
    P_OLD("mirostat_eta", MFL_PARAM_FLOAT, "float32", "Ignored"),
    P_OLD("numa", MFL_PARAM_BOOL, "bool", "Rejected"),
    P_OLD("num_gqa", MFL_PARAM_INT, "int", "Rejected"),
    P_OLD("rope_frequency_base", MFL_PARAM_FLOAT, "float32", "Rejected"),
    P_OLD("rope_frequency_scale", MFL_PARAM_FLOAT, "float32", "Rejected"),
    P_OLD("embedding_only", MFL_PARAM_BOOL, "bool", "Rejected"),
    P_OLD("tfs_z", MFL_PARAM_FLOAT, "float32", "Rejected"),
};

static const struct {
    const char *from, *to;
} aliases[] = {
    {"batch_size", "num_batch"},
    {"n_batch", "num_batch"},
    {"num_gpu_layers", "num_gpu"},
    {"n_gpu_layers", "num_gpu"},
    {"gpu_layers", "num_gpu"},
    {"ngl", "num_gpu"},
    {"context_length", "num_ctx"},
    {"ctx_size", "num_ctx"},
    {"n_ctx", "num_ctx"},
    {"context_size", "num_ctx"},
    {"context_window", "num_ctx"},
    {"num_context", "num_ctx"},
    {"max_context", "num_ctx"},
    {"ctx_len", "num_ctx"},
    {"max_tokens", "num_predict"},
    {"max_new_tokens", "num_predict"},
    {"n_predict", "num_predict"},
    {"max_length", "num_predict"},
    {"repetition_penalty", "repeat_penalty"},
    {"rep_pen", "repeat_penalty"},
    {"repeat_penality", "repeat_penalty"},
    {"n_threads", "num_thread"},
    {"num_threads", "num_thread"},
    {"threads", "num_thread"},
    {"n_keep", "num_keep"},
    {"temp", "temperature"},
    {"stop_sequence", "stop"},
    {"stop_sequences", "stop"},
    {"stops", "stop"},
    {"mmap", "use_mmap"},
    {"random_seed", "seed"},
    {"n_draft", "draft_num_predict"},
    {"draft_max", "draft_num_predict"},
    {"topk", "top_k"},
    {"topp", "top_p"},
};

static const struct {
    const char *name, *note;
} not_params[] = {
    {"keep_alive", "keep_alive is a request option (or the OLLAMA_KEEP_ALIVE server setting), "
                   "not a Modelfile parameter"},
    {"num_parallel", "set OLLAMA_NUM_PARALLEL on the server instead"},
    {"flash_attention", "set OLLAMA_FLASH_ATTENTION on the server instead"},
    {"kv_cache_type", "set OLLAMA_KV_CACHE_TYPE on the server instead"},
    {"think", "think is a request option, not a Modelfile parameter"},
    {"format", "format is a request option, not a Modelfile parameter"},
};

size_t mfl_param_count(void) { return sizeof params / sizeof params[0]; }

mfl_param_status_t mfl_param_status(const mfl_param_t *p) {
    switch (mfl_param_life_now(p->name, strlen(p->name), NULL)) {
    case MFL_PLIFE_DEPRECATED: return MFL_PARAM_DEPRECATED;
    case MFL_PLIFE_REMOVED: return MFL_PARAM_REMOVED;
    case MFL_PLIFE_REFUSED: return MFL_PARAM_REFUSED;
    default: return MFL_PARAM_ACTIVE;
    }
}

const char *mfl_param_changed_in(const mfl_param_t *p, char *buf, size_t n) {
    mfl_fact_t why;
    mfl_param_life_now(p->name, strlen(p->name), &why);
    return mfl_fact_release(why, buf, n);
}

const mfl_param_t *mfl_param_at(size_t i) { return i < mfl_param_count() ? &params[i] : NULL; }

/* The first byte settles almost every comparison before strlen runs. */
static bool eq(const char *a, size_t n, const char *b) {
    return n ? b[0] == a[0] && strlen(b) == n && memcmp(a, b, n) == 0 : b[0] == '\0';
}

/* An open-addressing index over the table, built once: six rules look up
 * every PARAMETER, and a linear search was a visible share of a lint run. */
#define INDEX_SIZE 256                  /* a power of two, over twice the table */
static uint8_t param_index[INDEX_SIZE]; /* table position + 1; 0: empty */
_Static_assert(sizeof params / sizeof params[0] < INDEX_SIZE / 2,
               "the parameter index is too small");
static mfl_once_t param_index_once = MFL_ONCE_INIT;

static size_t name_hash(const char *s, size_t n) {
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h & (INDEX_SIZE - 1);
}

static void build_param_index(void) {
    for (size_t i = 0; i < mfl_param_count(); i++) {
        size_t h = name_hash(params[i].name, strlen(params[i].name));
        while (param_index[h]) h = (h + 1) & (INDEX_SIZE - 1);
        param_index[h] = (uint8_t)(i + 1);
    }
}

const mfl_param_t *mfl_param_find(const char *name, size_t len) {
    mfl_once(&param_index_once, build_param_index);
    for (size_t h = name_hash(name, len); param_index[h]; h = (h + 1) & (INDEX_SIZE - 1)) {
        const mfl_param_t *p = &params[param_index[h] - 1];
        if (eq(name, len, p->name)) return p;
    }
    return NULL;
}

const char *mfl_param_alias(const char *name, size_t len) {
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (eq(name, len, aliases[i].from)) return aliases[i].to;
    return NULL;
}

const char *mfl_param_not_a_parameter(const char *name, size_t len) {
    for (size_t i = 0; i < sizeof not_params / sizeof not_params[0]; i++)
        if (eq(name, len, not_params[i].name)) return not_params[i].note;
    return NULL;
}

const char *mfl_param_suggest(const char *name, size_t len) {
    const char *best = NULL;
    size_t bestd = 3;
    for (size_t i = 0; i < mfl_param_count(); i++) {
        if (mfl_param_status(&params[i]) != MFL_PARAM_ACTIVE) continue;
        size_t pl = strlen(params[i].name);
        if (pl == len && strncasecmp_ascii(name, params[i].name, len) == 0) return params[i].name;
        size_t max = len <= 4 ? 1 : 2;
        size_t d = mfl__edit_distance(name, len, params[i].name, pl, max);
        if (d <= max && d < bestd) {
            bestd = d;
            best = params[i].name;
        }
    }
    return best;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static bool is_hex(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool mfl_param_parse_int(const char *s, size_t n, int64_t *out) {
    size_t i = 0;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    if (i == n) return false;
    uint64_t v = 0, lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    for (; i < n; i++) {
        if (!is_digit(s[i])) return false;
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (lim - d) / 10) return false;
        v = v * 10 + d;
    }
    if (out) *out = neg ? (v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v) : (int64_t)v;
    return true;
}

/* Go's special(): [+-]inf, [+-]infinity, nan (case-insensitive, whole string). */
static bool special(const char *s, size_t n, double *out) {
    size_t i = 0;
    double sign = 1;
    if (n && (s[0] == '+' || s[0] == '-')) {
        sign = s[0] == '-' ? -1 : 1;
        i = 1;
    }
    if ((n - i == 3 || n - i == 8) && strncasecmp_ascii(s + i, "infinity", n - i) == 0) {
        *out = sign * (double)INFINITY;
        return true;
    }
    if (n == 3 && strncasecmp_ascii(s, "nan", 3) == 0) {
        *out = (double)NAN;
        return true;
    }
    return false;
}

static char lower(char c) { return (char)(c | ('x' - 'X')); }

/* Go's underscoreOK: underscores only between digits or after a base prefix. */
static bool underscore_ok(const char *s, size_t n) {
    char saw = '^';
    size_t i = 0;
    if (n >= 1 && (s[0] == '-' || s[0] == '+')) {
        s++;
        n--;
    }
    bool hex = false;
    if (n >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
        i = 2;
        saw = '0';
        hex = lower(s[1]) == 'x';
    }
    for (; i < n; i++) {
        if (is_digit(s[i]) || (hex && lower(s[i]) >= 'a' && lower(s[i]) <= 'f')) {
            saw = '0';
            continue;
        }
        if (s[i] == '_') {
            if (saw != '0') return false;
            saw = '_';
            continue;
        }
        if (saw == '_') return false;
        saw = '!';
    }
    return saw != '_';
}

/* Go's readFloat syntax (decimal, or 0x hex with a p exponent), over the
 * whole string; copies the number without underscores to buf for strtof. */
static bool float_syntax(const char *s, size_t n, char *buf, size_t bufsize) {
    size_t i = 0, o = 0;
    if (n + 1 > bufsize) return false;
    if (i < n && (s[i] == '+' || s[i] == '-')) buf[o++] = s[i++];
    bool hex = false, underscores = false, digits = false, dot = false;
    if (i + 2 < n && s[i] == '0' && lower(s[i + 1]) == 'x') {
        hex = true;
        buf[o++] = s[i++];
        buf[o++] = s[i++];
    }
    for (; i < n; i++) {
        char c = s[i];
        if (c == '_') {
            underscores = true;
            continue;
        }
        if (c == '.') {
            if (dot) break;
            dot = true;
        } else if (hex ? is_hex(c) : is_digit(c)) {
            digits = true;
        } else {
            break;
        }
        buf[o++] = c;
    }
    if (!digits) return false;
    if (i < n && lower(s[i]) == (hex ? 'p' : 'e')) {
        buf[o++] = s[i++];
        if (i < n && (s[i] == '+' || s[i] == '-')) buf[o++] = s[i++];
        if (i >= n || !is_digit(s[i])) return false;
        for (; i < n && (is_digit(s[i]) || s[i] == '_'); i++) {
            if (s[i] == '_')
                underscores = true;
            else
                buf[o++] = s[i];
        }
    } else if (hex) {
        return false; /* a hex mantissa needs a p exponent */
    }
    if (i != n) return false;
    if (underscores && !underscore_ok(s, i)) return false;
    buf[o] = '\0';
    return true;
}

bool mfl__go_parse_float(const char *s, size_t n, int bits, double *out) {
    double v;
    if (special(s, n, &v)) {
        if (out) *out = v;
        return true;
    }
    /* Go reads a number of any length (strconv rounds the decimal); so do
     * strtof and strtod, on a copy without underscores, on the heap when
     * long. */
    char stack[512], *buf = n < sizeof stack ? stack : mfl_malloc(n + 1);
    if (!buf) return false;
    bool ok = float_syntax(s, n, buf, n + 1);
    double d = 0;
    if (ok) {
        errno = 0;
        d = bits == 32 ? (double)strtof(buf, NULL) : strtod(buf, NULL);
        ok = !isinf(d); /* out of range: Go returns ErrRange */
    }
    if (buf != stack) mfl_free(buf);
    if (ok && out) *out = d;
    return ok;
}

bool mfl_param_parse_float(const char *s, size_t n, double *out) {
    return mfl__go_parse_float(s, n, 32, out);
}

bool mfl_param_parse_bool(const char *s, size_t n, bool *out) {
    static const char *const t[] = {"1", "t", "T", "TRUE", "true", "True"};
    static const char *const f[] = {"0", "f", "F", "FALSE", "false", "False"};
    for (size_t i = 0; i < 6; i++) {
        if (eq(s, n, t[i])) {
            if (out) *out = true;
            return true;
        }
        if (eq(s, n, f[i])) {
            if (out) *out = false;
            return true;
        }
    }
    return false;
}

const char *mfl_param_type_word(mfl_param_type_t t) {
    switch (t) {
    case MFL_PARAM_INT: return "int";
    case MFL_PARAM_FLOAT: return "float";
    case MFL_PARAM_BOOL: return "bool";
    default: return "string";
    }
}

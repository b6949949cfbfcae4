/* SPDX-License-Identifier: MIT */
/* The target Ollama version and the table of behaviour that changed across
 * releases (see mfl_versions.h). Releases were dated with the snapshot of
 * Ollama's repository (tags up to v0.33.0-rc2, HEAD fb3076099): "first in
 * vX" means the first final release tag whose file has the change (`git
 * show vX:<file>`; release candidates are not releases). Two facts are newer
 * than the snapshot; their release comes from reports on Ollama's tracker
 * and is the earliest release known to have them (exact = false). */
#include "mfl_versions.h"

#include "internal.h"

#include <stdio.h>
#include <string.h>

/* The newest release the project knows: 0.34.1 (issues ollama/ollama#18542
 * and #18480 report it; the snapshot's newest release tag is v0.32.15, its
 * newest tag v0.33.0-rc2 a release candidate). */
#define NEWEST MFL_OLLAMA_VERSION(0, 34, 1)

mfl_version_t mfl_version_default(void) { return NEWEST; }

static const mfl_fact_info_t facts[] = {
    {MFL_FACT_NONE, "none", 0, true, "", "", ""},
    {MFL_FACT_KW_RENDERER_PARSER, "keyword-renderer-parser", MFL_OLLAMA_VERSION(0, 12, 0), true,
     "RENDERER and PARSER are instructions",
     "RENDERER and PARSER are unknown keywords (\"command must be one of ...\")",
     "parser/parser.go, first in v0.12.0 (commit 47991940d)"},
    {MFL_FACT_KW_REQUIRES, "keyword-requires", MFL_OLLAMA_VERSION(0, 14, 0), true,
     "REQUIRES is an instruction", "REQUIRES is an unknown keyword",
     "parser/parser.go, first in v0.14.0 (commit 8852220f5)"},
    {MFL_FACT_KW_DRAFT, "keyword-draft", MFL_OLLAMA_VERSION(0, 23, 1), true,
     "DRAFT is an instruction", "DRAFT is an unknown keyword",
     "parser/parser.go, first in v0.23.1 (commit 15e6076d7)"},
    {MFL_FACT_DRAFT_CREATE, "draft-create", MFL_OLLAMA_VERSION(0, 30, 0), true,
     "ollama create imports DRAFT files; a DRAFT that is the same path as a FROM (after "
     "symlinks) and a DRAFT with a remote FROM are errors",
     "ollama create fails on any DRAFT with \"DRAFT requires --experimental\" (0.23.1 to 0.24.0)",
     "parser/parser.go (req.DraftFiles, rejectMatchingLocalPath, canonicalLocalPath) and "
     "server/create.go (errRemoteDraftUnsupported), first in v0.30.0; v0.24.0 is the release "
     "before it"},
    {MFL_FACT_JSON_CREATE, "json-create", MFL_OLLAMA_VERSION(0, 5, 5), true,
     "the client turns the Modelfile into a JSON create request: files are classified by name "
     "and GGUF magic (\"unknown type\", \"supplied file was not in GGUF format\"), folders by "
     "their files (\"no Modelfile or safetensors files found\"), an empty TEMPLATE or SYSTEM is "
     "skipped, deprecated parameters are dropped with a warning",
     "the server ran the Modelfile commands itself; an empty SYSTEM or TEMPLATE replaced the base "
     "model's",
     "parser/parser.go CreateRequest and server/create.go, first in v0.5.5 (commit 86a622cbd, "
     "\"Update the /api/create endpoint to use JSON\")"},
    {MFL_FACT_CLOUD_REFS, "cloud-refs", MFL_OLLAMA_VERSION(0, 18, 0), true,
     "FROM names take a :cloud or :local suffix (any case; also a -cloud tag), stripped before "
     "the name is checked; a cloud FROM makes a remote model (ADAPTER ignored, DRAFT refused)",
     "a :cloud or :local suffix is part of the tag (`x:8b:cloud` is an invalid name)",
     "internal/modelref/modelref.go and server/create.go parseAndValidateModelRef, first in "
     "v0.18.0 (commit 4eab60c1e; v0.17.6 had it only between a commit and its revert)"},
    {MFL_FACT_ADAPTER_REFUSED, "adapter-refused", MFL_OLLAMA_VERSION(0, 34, 1), false,
     "ollama create refuses any ADAPTER: \"" MFL_ADAPTER_REFUSED_TEXT "\"",
     "ADAPTER applies a LoRA adapter (GGUF or safetensors)",
     "server/create.go errAdaptersUnsupported (ollama/ollama at 0029bb5a, newer than the "
     "snapshot); release from generative-computing/mellea#1651 (\"as of v0.34.1\", "
     "ollama/ollama#14969)"},
    {MFL_FACT_P_EMBEDDING_ONLY_REMOVED, "param-embedding-only-removed",
     MFL_OLLAMA_VERSION(0, 1, 28), true, "embedding_only is not an option",
     "embedding_only is an option", "api/types.go, gone in v0.1.28 (commit 3b4bab3dc)"},
    {MFL_FACT_P_ROPE_GQA_REMOVED, "param-rope-gqa-removed", MFL_OLLAMA_VERSION(0, 1, 35), true,
     "num_gqa, rope_frequency_base and rope_frequency_scale are not options", "they are options",
     "api/types.go, gone in v0.1.35 (commit d5eec16d2)"},
    {MFL_FACT_P_MIN_P, "param-min-p", MFL_OLLAMA_VERSION(0, 3, 1), true, "min_p is an option",
     "min_p is an unknown parameter", "api/types.go, first in v0.3.1 (commit f3d7a481b)"},
    {MFL_FACT_P_NUMA_REMOVED, "param-numa-removed", MFL_OLLAMA_VERSION(0, 3, 4), true,
     "numa is not an option", "numa is an option",
     "api/types.go, gone in v0.3.4 (commit f457d6340)"},
    {MFL_FACT_P_TFS_Z_REMOVED, "param-tfs-z-removed", MFL_OLLAMA_VERSION(0, 5, 2), true,
     "tfs_z is not an option", "tfs_z is an option",
     "api/types.go, gone in v0.5.2 (commit 527cc9789)"},
    {MFL_FACT_P_PENALIZE_NEWLINE_DEPRECATED, "param-penalize-newline-deprecated",
     MFL_OLLAMA_VERSION(0, 5, 5), true,
     "penalize_newline is dropped with \"warning: parameter penalize_newline is deprecated\"",
     "penalize_newline is an option",
     "parser/parser.go deprecatedParameters and api/types.go, both v0.5.5 (commit 1deafd825)"},
    {MFL_FACT_P_RUNNER_OPTIONS_DEPRECATED, "param-runner-options-deprecated",
     MFL_OLLAMA_VERSION(0, 7, 0), true,
     "low_vram, f16_kv, logits_all, vocab_only, use_mlock, mirostat, mirostat_tau and "
     "mirostat_eta are dropped with \"warning: parameter <name> is deprecated\"",
     "they are options",
     "parser/parser.go deprecatedParameters and api/types.go, both v0.7.0 (commit fa9973cd7)"},
    {MFL_FACT_P_DRAFT_NUM_PREDICT, "param-draft-num-predict", MFL_OLLAMA_VERSION(0, 30, 0), true,
     "draft_num_predict is an option", "draft_num_predict is an unknown parameter",
     "api/types.go, first in v0.30.0"},
    {MFL_FACT_P_TYPICAL_P_REFUSED, "param-typical-p-refused", MFL_OLLAMA_VERSION(0, 34, 1), false,
     "ollama create refuses PARAMETER typical_p: \"" MFL_TYPICAL_P_REFUSED_TEXT "\"",
     "typical_p is an option",
     "server/create.go errTypicalPDeprecated (ollama/ollama at 0029bb5a, newer than the "
     "snapshot); ollama/ollama#18448 merged 2026-09-14, reported in 0.34.1 by ollama/ollama#18542"},
    {MFL_FACT_T_MESSAGES, "template-messages", MFL_OLLAMA_VERSION(0, 2, 2), true,
     "a TEMPLATE that uses .Messages gets the whole conversation", ".Messages is not template data",
     "template/template.go, first in v0.2.2 (commit 269ed6e6a)"},
    {MFL_FACT_T_FUNCS, "template-funcs", MFL_OLLAMA_VERSION(0, 2, 6), true,
     "TEMPLATE may call json and use .Tools and .Suffix; create walks every {{ template }} "
     "pipeline",
     "json is not defined; .Tools and .Suffix are not template data",
     "template/template.go (funcs, Identifiers), first in v0.2.6 (commit d02bbebb1)"},
    {MFL_FACT_T_ELSE_WITH, "template-else-with", MFL_OLLAMA_VERSION(0, 5, 2), true,
     "{{ else with }} is accepted (built with Go 1.23 or later)",
     "{{ else with }} fails: unexpected <with> in else (Go 1.22 and earlier)",
     "go.mod requires Go 1.23.4 from v0.5.2 (commit a37f4a86a); releases build with "
     "go-version-file: go.mod"},
    {MFL_FACT_T_THINK, "template-think", MFL_OLLAMA_VERSION(0, 9, 0), true,
     ".Think and .IsThinkSet are template data", "they are not",
     "template/template.go, first in v0.9.0 (commit 5f57b0ef4)"},
    {MFL_FACT_T_CURRENT_DATE, "template-current-date", MFL_OLLAMA_VERSION(0, 11, 0), true,
     "currentDate is defined and .ThinkLevel is template data", "they are not",
     "template/template.go, first in v0.11.0 (commit d55206841)"},
    {MFL_FACT_T_TO_TS_TYPE, "template-to-ts-type", MFL_OLLAMA_VERSION(0, 11, 3), true,
     "toTypeScriptType is defined", "it is not",
     "template/template.go, first in v0.11.3 (commit 30f8a68c4)"},
    {MFL_FACT_T_UNDEFINED_TEMPLATE, "template-undefined-template", MFL_OLLAMA_VERSION(0, 12, 4),
     true, "a {{ template }} without a pipeline fails create with \"undefined template specified\"",
     "the server crashes (nil pointer dereference) on it (0.2.6 to 0.12.3)",
     "template/template.go Identifiers, first in v0.12.4 (commit 1ed2881ef, \"fix crash in "
     "improperly defined templates\")"},
    {MFL_FACT_T_YESTERDAY_DATE, "template-yesterday-date", MFL_OLLAMA_VERSION(0, 13, 3), true,
     "yesterdayDate is defined", "it is not",
     "template/template.go, first in v0.13.3 (commit 48e78e9be)"},
    {MFL_FACT_RENDERER_USED, "renderer-used", MFL_OLLAMA_VERSION(0, 12, 0), true,
     "with a RENDERER, chat prompts are rendered by it, not by TEMPLATE", "no renderers",
     "server/prompt.go renderPrompt, first in v0.12.0"},
    {MFL_FACT_CTX_ENV_DEFAULT, "ctx-env-default", MFL_OLLAMA_VERSION(0, 5, 13), true,
     "OLLAMA_CONTEXT_LENGTH sets the default num_ctx (2048 when unset)",
     "num_ctx defaults to 2048 (api.DefaultOptions)",
     "envconfig/config.go, first in v0.5.13 (commit 314573bfe)"},
    {MFL_FACT_CTX_4096, "ctx-4096", MFL_OLLAMA_VERSION(0, 6, 7), true,
     "the default num_ctx is 4096", "the default num_ctx is 2048",
     "envconfig/config.go, first in v0.6.7 (commit 44b466eeb)"},
    {MFL_FACT_CTX_GPTOSS_FLOOR, "ctx-gptoss-floor", MFL_OLLAMA_VERSION(0, 11, 0), true,
     "gpt-oss models run with num_ctx at least 8192", "no per-family minimum",
     "server/routes.go scheduleRunner, first in v0.11.0 (commit f5fd7cc19)"},
    {MFL_FACT_CTX_GPTOSS_LOW_VRAM, "ctx-gptoss-low-vram", MFL_OLLAMA_VERSION(0, 11, 4), true,
     "the 8192 minimum applies only with 20 GiB of VRAM or more", "it always applies",
     "server/routes.go lowVRAMThreshold, first in v0.11.4 (commit f2e9c9aff)"},
    {MFL_FACT_CTX_QWEN3VL_FLOOR, "ctx-qwen3vl-floor", MFL_OLLAMA_VERSION(0, 12, 7), true,
     "the 8192 minimum also applies to qwen3-vl (family gptoss, gpt-oss, qwen3vl, qwen3vlmoe)",
     "only gpt-oss", "server/routes.go, first in v0.12.7 (commit 7d25b9e19)"},
    {MFL_FACT_CTX_VRAM_TIERS, "ctx-vram-tiers", MFL_OLLAMA_VERSION(0, 15, 5), true,
     "the default num_ctx is 262144 with 47 GiB of VRAM or more, 32768 with 23 GiB or more, "
     "else 4096; no per-family minimum",
     "4096, with the per-family minimum",
     "server/routes.go defaultNumCtx, first in v0.15.5 (commit 0334ffa62); the minimum is gone "
     "in v0.15.5"},
    {MFL_FACT_KV_LLAMA4_CHUNKED, "kv-llama4-chunked", MFL_OLLAMA_VERSION_RC(0, 30, 0, 32), true,
     "llama.cpp runs Llama 4: 3 of every 4 layers cache one 8,192-token chunk (a sliding window)",
     "Ollama's own engine runs Llama 4 and caches the whole context on every layer",
     "commit 9db4bdbad (\"Remove CGO engines, use llama-server exclusively for GGML models\", "
     "first tagged v0.30.0-rc32) removes model/models/llama4, whose ChunkedAttentionCache "
     "(kvcache/causal.go) sets no memory size; llama.cpp's src/llama-model.cpp sets "
     "LLAMA_SWA_TYPE_CHUNKED, n_swa 8192 and swa pattern 4 for the architecture"},
};

_Static_assert(sizeof facts / sizeof facts[0] == MFL_FACT__COUNT, "one entry per fact");

const mfl_fact_info_t *mfl_fact(mfl_fact_t f) {
    if ((unsigned)f >= MFL_FACT__COUNT || f == MFL_FACT_NONE) return NULL;
    return &facts[f];
}

bool mfl_version_has(mfl_version_t target, mfl_fact_t f) {
    const mfl_fact_info_t *fi = mfl_fact(f);
    return !fi || target >= fi->since;
}

char *mfl_version_format(mfl_version_t v, char *buf, size_t n) {
    unsigned a = (unsigned)(v >> 48) & 0xFFFF, b = (unsigned)(v >> 32) & 0xFFFF,
             c = (unsigned)(v >> 16) & 0xFFFF, rc = (unsigned)v & 0xFFFF;
    if (n == 0) return buf;
    if (rc == 0xFFFF)
        snprintf(buf, n, "%u.%u.%u", a, b, c);
    else
        snprintf(buf, n, "%u.%u.%u-rc%u", a, b, c, rc);
    return buf;
}

char *mfl_fact_release(mfl_fact_t f, char *buf, size_t n) {
    const mfl_fact_info_t *fi = mfl_fact(f);
    if (!fi) {
        if (n) buf[0] = '\0';
        return buf;
    }
    return mfl_version_format(fi->since, buf, n);
}

/* A decimal number of at most 5 digits without a leading zero (except "0"). */
static bool number(const char *s, size_t n, size_t *i, unsigned *out) {
    size_t st = *i;
    unsigned v = 0;
    while (*i < n && s[*i] >= '0' && s[*i] <= '9' && *i - st < 5)
        v = v * 10 + (unsigned)(s[(*i)++] - '0');
    if (*i == st || (*i < n && s[*i] >= '0' && s[*i] <= '9')) return false;
    if (*i - st > 1 && s[st] == '0') return false;
    *out = v;
    return v <= 0xFFFE;
}

int mfl_version_parse(const char *s, size_t n, mfl_version_t *out, const char **why) {
    static const char bad[] = "expected a release such as 0.34.1 (X.Y.Z, optionally with a "
                              "leading v or a -rcN suffix)";
    size_t i = 0;
    unsigned p[3], rc = 0xFFFF;
    if (why) *why = bad;
    if (i < n && s[i] == 'v') i++;
    for (int k = 0; k < 3; k++) {
        if (k && (i >= n || s[i++] != '.')) return MFL_EINVAL;
        if (!number(s, n, &i, &p[k])) return MFL_EINVAL;
    }
    if (i < n) {
        if (n - i < 4 || memcmp(s + i, "-rc", 3) != 0) return MFL_EINVAL;
        i += 3;
        if (!number(s, n, &i, &rc) || i != n) return MFL_EINVAL;
    }
    mfl_version_t v = MFL_OLLAMA_VERSION_RC(p[0], p[1], p[2], rc);
    if (v < MFL_OLLAMA_VERSION_OLDEST) {
        if (why)
            *why = "releases before 0.1.34 parsed Modelfiles with another parser and are "
                   "not modelled; the oldest target is 0.1.34";
        return MFL_EINVAL;
    }
    if (out) *out = v;
    if (why) *why = NULL;
    return 0;
}

/* ---- keywords ------------------------------------------------------------- */

const char *mfl_invalid_command_text(mfl_version_t v) {
    if (mfl_version_has(v, MFL_FACT_KW_DRAFT))
        return "command must be one of \"from\", \"license\", \"template\", \"system\", "
               "\"adapter\", \"draft\", \"renderer\", \"parser\", \"parameter\", \"message\", or "
               "\"requires\"";
    if (mfl_version_has(v, MFL_FACT_KW_REQUIRES))
        return "command must be one of \"from\", \"license\", \"template\", \"system\", "
               "\"adapter\", \"renderer\", \"parser\", \"parameter\", \"message\", or \"requires\"";
    if (mfl_version_has(v, MFL_FACT_KW_RENDERER_PARSER))
        return "command must be one of \"from\", \"license\", \"template\", \"system\", "
               "\"adapter\", \"renderer\", \"parser\", \"parameter\", or \"message\"";
    return "command must be one of \"from\", \"license\", \"template\", \"system\", \"adapter\", "
           "\"parameter\", or \"message\"";
}

/* ---- parameters ------------------------------------------------------------ */

static const struct {
    const char *name;
    mfl_fact_t added, deprecated, removed, refused;
} plife[] = {
    {"min_p", MFL_FACT_P_MIN_P, 0, 0, 0},
    {"draft_num_predict", MFL_FACT_P_DRAFT_NUM_PREDICT, 0, 0, 0},
    {"typical_p", 0, 0, 0, MFL_FACT_P_TYPICAL_P_REFUSED},
    {"penalize_newline", 0, MFL_FACT_P_PENALIZE_NEWLINE_DEPRECATED, 0, 0},
    {"low_vram", 0, MFL_FACT_P_RUNNER_OPTIONS_DEPRECATED, 0, 0},
    {"f16_kv", 0, MFL_FACT_P_RUNNER_OPTIONS_DEPRECATED, 0, 0},
    {"logits_all", 0, MFL_FACT_P_RUNNER_OPTIONS_DEPRECATED, 0, 0},
    {"vocab_only", 0, MFL_FACT_P_RUNNER_OPTIONS_DEPRECATED, 0, 0},
    {"use_mlock", 0, MFL_FACT_P_RUNNER_OPTIONS_DEPRECATED, 0, 0},
    {"mirostat", 0, MFL_FACT_P_RUNNER_OPTIONS_DEPRECATED, 0, 0},
    {"mirostat_tau", 0, MFL_FACT_P_RUNNER_OPTIONS_DEPRECATED, 0, 0},
    {"mirostat_eta", 0, MFL_FACT_P_RUNNER_OPTIONS_DEPRECATED, 0, 0},
    {"numa", 0, 0, MFL_FACT_P_NUMA_REMOVED, 0},
    {"num_gqa", 0, 0, MFL_FACT_P_ROPE_GQA_REMOVED, 0},
    {"rope_frequency_base", 0, 0, MFL_FACT_P_ROPE_GQA_REMOVED, 0},
    {"rope_frequency_scale", 0, 0, MFL_FACT_P_ROPE_GQA_REMOVED, 0},
    {"embedding_only", 0, 0, MFL_FACT_P_EMBEDDING_ONLY_REMOVED, 0},
    {"tfs_z", 0, 0, MFL_FACT_P_TFS_Z_REMOVED, 0},
};

mfl_param_life_t mfl_param_life(const char *name, size_t n, mfl_version_t v, mfl_fact_t *why) {
    if (why) *why = MFL_FACT_NONE;
    for (size_t i = 0; i < sizeof plife / sizeof plife[0]; i++) {
        if (strlen(plife[i].name) != n || memcmp(plife[i].name, name, n) != 0) continue;
        mfl_fact_t f;
        mfl_param_life_t st = MFL_PLIFE_ACTIVE;
        if ((f = plife[i].refused) && mfl_version_has(v, f))
            st = MFL_PLIFE_REFUSED;
        else if ((f = plife[i].removed) && mfl_version_has(v, f))
            st = MFL_PLIFE_REMOVED;
        else if ((f = plife[i].deprecated) && mfl_version_has(v, f))
            st = MFL_PLIFE_DEPRECATED;
        else if ((f = plife[i].added) && !mfl_version_has(v, f))
            st = MFL_PLIFE_NOT_YET;
        else
            f = MFL_FACT_NONE;
        if (why) *why = f;
        return st;
    }
    return MFL_PLIFE_ACTIVE;
}

mfl_param_life_t mfl_param_life_now(const char *name, size_t n, mfl_fact_t *why) {
    return mfl_param_life(name, n, NEWEST, why);
}

/* ---- the default context ---------------------------------------------------- */

#define GIB(x) ((uint64_t)(x) << 30)

static bool family_is(const char *family, const char *const *list) {
    if (!family) return false;
    for (size_t i = 0; list[i]; i++)
        if (strcmp(family, list[i]) == 0) return true;
    return false;
}

uint64_t mfl_ollama_default_ctx(mfl_version_t v, uint64_t vram, const char *family, bool *floor) {
    if (floor) *floor = false;
    if (mfl_version_has(v, MFL_FACT_CTX_VRAM_TIERS))
        return vram >= GIB(47) ? 262144 : vram >= GIB(23) ? 32768 : 4096;
    uint64_t ctx = mfl_version_has(v, MFL_FACT_CTX_4096) ? 4096 : 2048;
    if (mfl_version_has(v, MFL_FACT_CTX_GPTOSS_FLOOR)) {
        /* "gptoss" is the GGUF architecture; the table spells it "gpt-oss". */
        static const char *const gptoss[] = {"gptoss", "gpt-oss", NULL};
        static const char *const with_vl[] = {"gptoss", "gpt-oss", "qwen3vl", "qwen3vlmoe", NULL};
        bool fam =
            family_is(family, mfl_version_has(v, MFL_FACT_CTX_QWEN3VL_FLOOR) ? with_vl : gptoss);
        bool enough = !mfl_version_has(v, MFL_FACT_CTX_GPTOSS_LOW_VRAM) || vram >= GIB(20);
        if (fam && enough && ctx < 8192) {
            ctx = 8192;
            if (floor) *floor = true;
        }
    }
    return ctx;
}

/* ---- rules ------------------------------------------------------------------ */

bool mfl_rule_applies(const mfl_rule_t *r, mfl_version_t v) {
    if (r->since && !mfl_version_has(v, r->since)) return false;
    if (r->until && mfl_version_has(v, r->until)) return false;
    return true;
}

char *mfl_rule_versions_text(const mfl_rule_t *r, char *buf, size_t n) {
    char a[48] = "", b[48] = "";
    const mfl_fact_info_t *s = mfl_fact(r->since), *u = mfl_fact(r->until);
    if (s) mfl_version_format(s->since, a, sizeof a);
    if (u) mfl_version_format(u->since, b, sizeof b);
    const char *note = r->versions_note;
    const char *sep = note ? "; " : "";
    if (!note) note = "";
    if (s && u)
        snprintf(buf, n, ">= %s, < %s%s%s", a, b, sep, note);
    else if (s)
        snprintf(buf, n, ">= %s%s%s", a, sep, note);
    else if (u)
        snprintf(buf, n, "< %s%s%s", b, sep, note);
    else
        snprintf(buf, n, "%s", *note ? note : "all");
    return buf;
}

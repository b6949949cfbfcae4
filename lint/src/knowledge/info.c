/* SPDX-License-Identifier: MIT */
/* The facts shown by `modelfile-lint info` and by the language server's hover
 * on FROM and num_ctx: where the model facts come from, native and effective
 * context, memory against the budget, decode and prefill times. */
#include "mfl_knowledge.h"
#include "ctx_rules.h"
#include "mfl_names.h"
#include "mfl_versions.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int mfl_info_compute(const mfl_model_t *model, uint64_t num_ctx, mfl_ctx_source_t src,
                     const mfl_budget_t *b, mfl_info_t *info) {
    memset(info, 0, sizeof *info);
    if (model == NULL) return MFL_EINVAL;
    info->model = model;
    info->native_ctx = model->native_ctx;
    info->num_ctx = num_ctx;
    info->ctx_source = src;
    info->used_ctx = num_ctx;
    if (model->native_ctx && num_ctx > model->native_ctx) {
        info->used_ctx = model->native_ctx;
        info->clamped = true;
    }
    if (model->is_vision && info->used_ctx < 2048) info->used_ctx = 2048;
    info->has_mem = mfl_mem_estimate(model, info->used_ctx, b, &info->mem) == 0;
    if (info->has_mem) {
        info->kv_native =
            mfl_mem_kv_bytes(model, model->native_ctx, info->mem.num_parallel, info->mem.kv_type);
        info->budget = b ? b->memory_budget : 0;
        info->fits = info->budget == 0 || info->mem.total <= info->budget;
        info->max_fit_ctx = mfl_mem_max_ctx(model, b);
        info->decode_tps_empty = mfl_mem_decode_tps(model, 0, b);
        info->decode_tps_full = mfl_mem_decode_tps(model, info->used_ctx, b);
    }
    info->prefill_seconds = mfl_mem_prefill_seconds(info->used_ctx, b);
    info->client_timeout = b ? b->client_timeout : 0;
    return 0;
}

/* ---- a tiny string builder ---------------------------------------------------- */

typedef struct {
    char *p;
    size_t len, cap;
    bool oom;
} sb_t;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
sb_printf(sb_t *sb, const char *fmt, ...) {
    if (sb->oom) return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(sb->p ? sb->p + sb->len : NULL, sb->p ? sb->cap - sb->len : 0, fmt, ap);
        va_end(ap);
        if (n < 0) {
            sb->oom = true;
            return;
        }
        if (sb->p && sb->len + (size_t)n < sb->cap) {
            sb->len += (size_t)n;
            return;
        }
        size_t cap = (sb->cap ? sb->cap * 2 : 1024) + (size_t)n;
        char *q = mfl_realloc(sb->p, cap);
        if (q == NULL) {
            sb->oom = true;
            return;
        }
        sb->p = q;
        sb->cap = cap;
    }
}

const char *mfl_source_name(mfl_source_t s) {
    switch (s) {
    case MFL_SOURCE_GGUF: return "GGUF file";
    case MFL_SOURCE_STORE: return "Ollama store";
    case MFL_SOURCE_TABLE: return "built-in data";
    case MFL_SOURCE_CONFIG: return "config file";
    case MFL_SOURCE_SAFETENSORS: return "config.json of the folder";
    case MFL_SOURCE_NONE: break;
    }
    return "unknown";
}

/* One "label: value" row, as a Markdown table row or a plain line. */
#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static void
row(sb_t *sb, bool md, const char *label, const char *fmt, ...) {
    char val[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(val, sizeof val, fmt, ap);
    va_end(ap);
    if (md) /* a list, not a table: hovers in Neovim and eglot show tables raw */
        sb_printf(sb, "- **%s:** %s\n", label, val);
    else
        sb_printf(sb, "  %-18s %s\n", label, val);
}

static void format_memory(sb_t *sb, const mfl_info_t *in, bool md) {
    const mfl_mem_t *m = &in->mem;
    char a[64], b[64], c[64], t1[32], t2[32];
    row(sb, md, "Weights", "%s%s%s%s", mfl_fmt_bytes(m->weights, a, sizeof a),
        in->model->weights_note[0] ? " (" : "", in->model->weights_note,
        in->model->weights_note[0] ? ")" : "");
    row(sb, md, "KV per token", "%.1f KiB (%s cache, full-context layers%s)",
        (double)m->kv_per_token / 1024.0, mfl_kv_type_name(m->kv_type),
        in->model->n_swa_layers ? "; windowed layers are capped" : "");
    row(sb, md, "KV at num_ctx", "%s at %s tokens%s%s", mfl_fmt_bytes(m->kv_bytes, a, sizeof a),
        mfl__ctx_tokens(in->used_ctx, t1, sizeof t1),
        m->num_parallel > 1 ? " x parallel slots" : "",
        m->kv_upper_bound ? " (upper bound, MLA)" : "");
    if (in->native_ctx)
        row(sb, md, "KV at native", "%s at %s tokens", mfl_fmt_bytes(in->kv_native, a, sizeof a),
            mfl__ctx_tokens(in->native_ctx, t2, sizeof t2));
    row(sb, md, "Total", "%s = weights + KV + compute %s + runtime %s",
        mfl_fmt_bytes(m->total, a, sizeof a), mfl_fmt_bytes(m->compute, b, sizeof b),
        mfl_fmt_bytes(m->runtime, c, sizeof c));
    if (in->budget) {
        if (in->fits)
            row(sb, md, "Budget", "%s: fits, %s to spare", mfl_fmt_bytes(in->budget, a, sizeof a),
                mfl_fmt_bytes(in->budget - m->total, b, sizeof b));
        else
            row(sb, md, "Budget", "%s: over by %s", mfl_fmt_bytes(in->budget, a, sizeof a),
                mfl_fmt_bytes(m->total - in->budget, b, sizeof b));
        if (in->max_fit_ctx)
            row(sb, md, "Largest fit", "%s tokens",
                mfl__ctx_tokens(in->max_fit_ctx, t1, sizeof t1));
        else
            row(sb, md, "Largest fit", "none: the weights alone do not fit");
    }
    if (in->decode_tps_empty > 0)
        row(sb, md, "Decode (ceiling)",
            "<= %.0f tok/s at an empty context, <= %.0f tok/s with %s tokens in it",
            in->decode_tps_empty, in->decode_tps_full,
            mfl__ctx_tokens(in->used_ctx, t1, sizeof t1));
}

char *mfl_info_format(const mfl_info_t *in, bool md) {
    sb_t sb = {0};
    const mfl_model_t *mod = in->model;
    char t1[32], t2[32];
    const char *ft = mod->file_type == UINT32_MAX ? NULL : mfl_gguf_file_type_name(mod->file_type);
    if (md)
        sb_printf(&sb, "**%s** (`%s`%s%s)\n\n", mod->name[0] ? mod->name : "unknown model",
                  mod->arch[0] ? mod->arch : "?", ft ? ", " : "", ft ? ft : "");
    else
        sb_printf(&sb, "%s (%s%s%s)\n", mod->name[0] ? mod->name : "unknown model",
                  mod->arch[0] ? mod->arch : "?", ft ? ", " : "", ft ? ft : "");
    row(&sb, md, "Source", "%s%s%s", mfl_source_name(mod->source),
        mod->source_detail[0] ? ": " : "", mod->source_detail);
    if (mod->confidence == MFL_CONF_EXACT)
        row(&sb, md, "Figures", "exact%s%s%s", mod->checked[0] ? " (checked " : "", mod->checked,
            mod->checked[0] ? ")" : "");
    else
        row(&sb, md, "Figures", "%s", mod->assumed);
    if (mod->error[0]) row(&sb, md, "Error", "%s", mod->error);
    if (mod->import_error[0]) row(&sb, md, "Import", "ollama create fails: %s", mod->import_error);
    if (in->native_ctx)
        row(&sb, md, "Native context", "%s tokens%s%s",
            mfl__ctx_tokens(in->native_ctx, t1, sizeof t1),
            mod->confidence == MFL_CONF_EXACT ? "" : " (assumed)",
            mod->gguf_ctx && mod->gguf_ctx != in->native_ctx ? " (GGUF value differs, see note)"
                                                             : "");
    else
        row(&sb, md, "Native context", "unknown");
    if (mod->has_inherited_num_ctx)
        row(&sb, md, "Inherited num_ctx", "%lld from %s", (long long)mod->inherited_num_ctx,
            mod->inherited_from[0] ? mod->inherited_from : "the FROM model");
    if (in->num_ctx)
        row(&sb, md, "num_ctx", "%s (%s)%s%s%s", mfl__ctx_tokens(in->num_ctx, t1, sizeof t1),
            mfl_ctx_source_name(in->ctx_source), in->clamped ? "; Ollama clamps it to " : "",
            in->clamped ? mfl__ctx_tokens(in->used_ctx, t2, sizeof t2) : "",
            in->clamped && mod->confidence != MFL_CONF_EXACT
                ? " if the assumed native context is right"
                : "");
    else
        row(&sb, md, "num_ctx", "not set (%s)", mfl_ctx_source_name(in->ctx_source));
    if (mod->is_embedding)
        row(&sb, md, "Kind",
            "embedding model: num_ctx is the longest input embedded whole "
            "(longer inputs are truncated)");
    else if (mod->is_vision)
        row(&sb, md, "Kind", "vision model: Ollama raises a num_ctx below 2,048 to 2,048");
    if (mod->n_layers)
        row(&sb, md, "Shape", "%u layers, %u heads, %u KV heads, head dim %u/%u%s", mod->n_layers,
            mod->n_head, mod->n_kv_head_max, mod->key_length, mod->value_length,
            mod->n_swa_layers ? ", sliding window on some layers" : "");
    if (in->has_mem) format_memory(&sb, in, md);
    if (in->prefill_seconds > 0)
        row(&sb, md, "Prefill", "%.0f s for %s tokens%s", in->prefill_seconds,
            mfl__ctx_tokens(in->used_ctx, t1, sizeof t1),
            in->client_timeout > 0 && in->prefill_seconds > in->client_timeout
                ? " (longer than the client timeout)"
                : "");
    if (mod->ctx_note[0]) sb_printf(&sb, md ? "\n*Note:* %s\n" : "  Note: %s\n", mod->ctx_note);
    if (sb.oom) {
        mfl_free(sb.p);
        return NULL;
    }
    return sb.p;
}

char *mfl_info_text(const mfl_model_t *model, uint64_t num_ctx, mfl_ctx_source_t src,
                    const mfl_budget_t *b, bool markdown) {
    mfl_info_t info;
    if (mfl_info_compute(model, num_ctx, src, b, &info) != 0) return NULL;
    return mfl_info_format(&info, markdown);
}

/* ---- cloud models ------------------------------------------------------------- */

void mfl_cloud_family_advice(const mfl_cloud_family_t *c, bool markdown, char *buf, size_t n) {
    char name[256];
    bool listed = mfl_cloud_family_name(c, name, sizeof name);
    const char *q = markdown ? "`" : "";
    snprintf(buf, n,
             "runs only on ollama.com: the Ollama library has no weights to pull for it, only "
             "cloud tags. %sollama create%s makes a remote model only from a cloud name: write "
             "%sFROM %s%s%s",
             q, q, q, name, q, listed ? "" : " (Ollama 0.18.0 and later read the :cloud suffix)");
}

char *mfl_info_cloud_text(const mfl_from_t *pick, mfl_version_t v, bool markdown) {
    if (!pick || !pick->is_name || !pick->from) return NULL;
    const char *from = pick->from->value_text;
    bool suffixes = mfl_version_has(v, MFL_FACT_CLOUD_REFS);
    const mfl_cloud_family_t *cf = mfl_table_cloud_family(from, pick->from->value_len, suffixes);
    mfl_ref_t ref;
    bool cloud = suffixes && mfl_ref_parse(from, pick->from->value_len, true, &ref) == MFL_REF_OK &&
                 mfl_ref_is_cloud(&ref);
    if (!cf && !cloud) return NULL;
    sb_t sb = {0};
    const char *q = markdown ? "`" : "";
    if (cf) {
        char advice[512];
        mfl_cloud_family_advice(cf, markdown, advice, sizeof advice);
        sb_printf(&sb,
                  "%s%s%s %s. Its context is the service's: num_ctx, the memory budget and the "
                  "context checks do not apply to it.\n",
                  q, from, q, advice);
    } else {
        sb_printf(&sb,
                  "%s%s%s is a cloud model: %sollama create%s makes a remote model that runs on "
                  "ollama.com, not on this machine. Its context is the service's: num_ctx, the "
                  "memory budget and the context checks do not apply to it.\n",
                  q, from, q, q, q);
    }
    if (sb.oom) {
        mfl_free(sb.p);
        return NULL;
    }
    return sb.p;
}

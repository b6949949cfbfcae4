/* SPDX-License-Identifier: MIT */
/* Facts shared by the MF3xx context rules (see ctx_rules.h). */
#define _POSIX_C_SOURCE 200809L /* strnlen */
#include "ctx_rules.h"

#include <stdio.h>
#include <string.h>

static bool parse_uint(const char *s, size_t n, uint64_t *out) {
    uint64_t v = 0;
    size_t i = 0;
    if (n && s[0] == '+') i++;
    if (i == n) return false;
    for (; i < n; i++) {
        if (s[i] < '0' || s[i] > '9' || v > (UINT64_MAX - 9) / 10) return false;
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    *out = v;
    return v > 0;
}

bool mfl_doc_effective_ctx(const mfl_doc_t *doc, const mfl_model_t *model, const mfl_budget_t *b,
                           mfl_version_t v, uint64_t *ctx, mfl_ctx_source_t *src) {
    static const mfl_budget_t none;
    if (!b) b = &none;
    const mfl_instr_t *p = mfl_doc_last_param(doc, "num_ctx");
    *ctx = 0;
    *src = MFL_CTX_SRC_DEFAULT;
    if (p) {
        *src = MFL_CTX_SRC_PARAMETER;
        return p->value_text && parse_uint(p->value_text, p->value_len, ctx);
    }
    if (model && model->has_inherited_num_ctx && model->inherited_num_ctx > 0) {
        *ctx = (uint64_t)model->inherited_num_ctx;
        *src = MFL_CTX_SRC_INHERITED;
    } else if (b->server_default_ctx && mfl_version_has(v, MFL_FACT_CTX_ENV_DEFAULT)) {
        *ctx = b->server_default_ctx;
        *src = MFL_CTX_SRC_SERVER_ENV;
    } else {
        *ctx = mfl_ollama_default_ctx(v, b->memory_budget, model ? model->arch : NULL, NULL);
    }
    return true;
}

char *mfl_info_for_doc(const mfl_doc_t *doc, const mfl_model_t *model, const mfl_budget_t *b,
                       mfl_version_t v, bool markdown) {
    uint64_t ctx;
    mfl_ctx_source_t src;
    if (!model || !mfl_doc_effective_ctx(doc, model, b, v, &ctx, &src)) return NULL;
    return mfl_info_text(model, ctx, src, b, markdown);
}

static void gather(mfl_ctx_t *ctx, mfl_ctx_facts_t *f) {
    memset(f, 0, sizeof *f);
    const mfl_from_t *pick = mfl__ctx_from(ctx);
    f->from = pick->from;
    f->budget = mfl_ctx_budget(ctx);
    f->model = mfl_ctx_model(ctx);
    if (f->model && (f->model->error[0] || f->model->import_error[0] ||
                     f->model->confidence == MFL_CONF_UNKNOWN))
        f->model = NULL;
    if (f->model) {
        f->native = f->model->native_ctx;
        f->exact = f->model->confidence == MFL_CONF_EXACT;
    }
    if (f->from && f->from->value_text) {
        size_t n = strnlen(f->from->value_text, sizeof f->model_name - 1);
        memcpy(f->model_name, f->from->value_text, n);
        f->model_name[n] = '\0';
    }
    f->param = mfl_doc_last_param(ctx->doc, "num_ctx");
    uint64_t c;
    mfl_ctx_source_t src;
    bool ok = mfl_doc_effective_ctx(ctx->doc, f->model, f->budget, mfl_ctx_version(ctx), &c, &src);
    if (f->param) {
        f->param_valid = ok;
        f->param_value = c;
    }
    if (!ok) return; /* an invalid value: the MF1xx rules report it */
    /* Without a known memory size the server's default is unknown. */
    if (src == MFL_CTX_SRC_DEFAULT && f->budget->memory_budget == 0) return;
    f->has_ctx = true;
    f->ctx = c;
    f->ctx_source = src;
    f->explicit_ctx = src == MFL_CTX_SRC_PARAMETER || src == MFL_CTX_SRC_INHERITED;
}

struct facts_memo {
    bool done;
    mfl_ctx_facts_t facts;
};
static const mfl_memo_key_t facts_key = {sizeof(struct facts_memo), NULL};

void mfl__ctx_facts(mfl_ctx_t *ctx, mfl_ctx_facts_t *f) {
    /* Every MF3xx rule asks; the facts are gathered once a run. */
    struct facts_memo *m = mfl__ctx_memo(ctx, &facts_key);
    if (!m) {
        gather(ctx, f);
        return;
    }
    if (!m->done) {
        m->done = true;
        gather(ctx, &m->facts);
    }
    *f = m->facts;
}

uint64_t mfl__ctx_prefill_cap(const mfl_budget_t *b) {
    if (b == NULL || b->prefill_rate <= 0 || b->client_timeout <= 0) return 0;
    double tokens = b->prefill_rate * b->client_timeout;
    if (!(tokens < 1e15)) return 0;
    uint64_t cap = (uint64_t)tokens / 1024 * 1024;
    return cap ? cap : 1024;
}

uint64_t mfl__ctx_target(const mfl_ctx_facts_t *f) {
    if (f->model == NULL || f->native == 0) return 0;
    uint64_t t = f->native;
    mfl_mem_t e;
    /* A model whose memory cannot be estimated (an assumed shape) is not
     * capped by the budget: its raise is simply never called safe. */
    if (f->budget->memory_budget && mfl_mem_estimate(f->model, t, f->budget, &e) == 0) {
        uint64_t fit = mfl_mem_max_ctx(f->model, f->budget);
        if (fit == 0) return 0; /* the weights alone do not fit */
        if (fit < t) t = fit;
    }
    uint64_t cap = mfl__ctx_prefill_cap(f->budget);
    if (cap && cap < t) t = cap;
    return t;
}

bool mfl__ctx_raise_is_safe(const mfl_ctx_facts_t *f) {
    mfl_mem_t e;
    return f->model && f->exact && f->budget->memory_budget &&
           mfl_mem_estimate(f->model, f->native, f->budget, &e) == 0;
}

const char *mfl__ctx_how_to_budget(void) {
    return "give the memory budget with --hardware NAME (see --list-hardware), --memory SIZE, or "
           "\"hardware\"/\"memory\" in .modelfile-lint.json";
}

void mfl__diag_soften(mfl_ctx_t *ctx, mfl_diag_t *d, mfl_severity_t sev) {
    if (d && !mfl__config_severity_is_explicit(ctx->opts->config, ctx->rule) && d->severity < sev)
        d->severity = sev;
}

const char *mfl__ctx_assumed(const mfl_ctx_facts_t *f) {
    return f->model && f->model->confidence == MFL_CONF_ASSUMED && f->model->assumed[0]
               ? f->model->assumed
               : NULL;
}

mfl_range_t mfl__ctx_range(const mfl_ctx_facts_t *f) {
    if (f->param) return f->param->value;
    if (f->from)
        return f->from->value.end > f->from->value.start ? f->from->value : f->from->keyword;
    mfl_range_t r = {0, 0};
    return r;
}

int mfl__ctx_insert_param(mfl_ctx_t *ctx, mfl_fix_t *fix, const mfl_ctx_facts_t *f,
                          uint64_t value) {
    if (f->from == NULL) return MFL_EINVAL;
    mfl_range_t lines = mfl_doc_instr_lines(ctx->doc, f->from);
    size_t len;
    const char *text = mfl_doc_text(ctx->doc, &len);
    bool at_line_start = lines.end == 0 || text[lines.end - 1] == '\n';
    char buf[64];
    int n = snprintf(buf, sizeof buf, "%sPARAMETER num_ctx %llu%s", at_line_start ? "" : "\n",
                     (unsigned long long)value, at_line_start ? "\n" : "");
    mfl_range_t at = {lines.end, lines.end};
    return mfl_fix_edit(ctx, fix, at, buf, (size_t)n);
}

int mfl__ctx_set_param(mfl_ctx_t *ctx, mfl_fix_t *fix, const mfl_ctx_facts_t *f, uint64_t value) {
    char text[32];
    int n = snprintf(text, sizeof text, "%llu", (unsigned long long)value);
    return f->param ? mfl_fix_edit(ctx, fix, f->param->value, text, (size_t)n) : 0;
}

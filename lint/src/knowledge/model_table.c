/* SPDX-License-Identifier: MIT */
/* Ollama model-name handling and lookups in the built-in model data
 * (generated from lint/data/models into models_data.c): exact tags only,
 * quantisation variants of a listed tag, hf.co repositories listed in the
 * data, and otherwise at most an assumption every candidate release agrees
 * on. The data is static const: nothing runs at start-up. The GGUF, when it
 * can be read, always wins over these figures. */
#include "mfl_knowledge.h"
#include "mfl_names.h"
#include "internal.h"
#include "ctx_rules.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Model names are parsed by lint/src/names.c (mfl_name_parse, the one
 * name parser; see mfl_names.h). */

/* How any assumed figure becomes exact: every "assumed" message ends with it. */
static const char how[] =
    "pull the model so its GGUF is read from the Ollama store, or describe it in the "
    "config's \"models\"";

/* ---- quantisation names -------------------------------------------------------- */

static const struct {
    const char *name;
    uint32_t ft;
    double bpw; /* approximate bits per weight of a whole model file */
} quants[] = {
    {"f32", 0, 32},      {"f16", 1, 16},      {"fp16", 1, 16},      {"bf16", 32, 16},
    {"q4_0", 2, 4.55},   {"q4_1", 3, 5.0},    {"q8_0", 7, 8.5},     {"q5_0", 8, 5.5},
    {"q5_1", 9, 6.0},    {"q2_k", 10, 3.0},   {"q3_k_s", 11, 3.5},  {"q3_k_m", 12, 3.9},
    {"q3_k_l", 13, 4.3}, {"q4_k_s", 14, 4.6}, {"q4_k_m", 15, 4.85}, {"q5_k_s", 16, 5.5},
    {"q5_k_m", 17, 5.7}, {"q6_k", 18, 6.6},   {"iq4_xs", 30, 4.3},  {"iq4_nl", 25, 4.5},
    {"iq3_m", 27, 3.7},  {"iq2_m", 29, 2.7},  {"mxfp4", 4, 4.25},
};

static int quant_index(const char *s, size_t len) {
    for (size_t i = 0; i < sizeof quants / sizeof quants[0]; i++) {
        size_t n = strlen(quants[i].name);
        if (n != len) continue;
        size_t k = 0;
        while (k < n && tolower((unsigned char)s[k]) == quants[i].name[k]) k++;
        if (k == n) return (int)i;
    }
    return -1;
}

uint32_t mfl_quant_parse(const char *s, size_t len) {
    int i = quant_index(s, len);
    return i < 0 ? UINT32_MAX : quants[i].ft;
}

static double quant_bpw(uint32_t ft) {
    for (size_t i = 0; i < sizeof quants / sizeof quants[0]; i++)
        if (quants[i].ft == ft) return quants[i].bpw;
    return 0;
}

/* ---- the built-in data ------------------------------------------------------------------ */

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

extern const mfl_table_entry_t mfl__table[];
extern const size_t mfl__table_count;

size_t mfl_table_count(void) { return mfl__table_count; }

const mfl_table_entry_t *mfl_table_at(size_t i) {
    return i < mfl__table_count ? &mfl__table[i] : NULL;
}

/* a[0..an) equals the NUL-terminated b, ASCII case folded (as Ollama folds names). */
static bool ieq(const char *a, size_t an, const char *b) {
    size_t bn = strlen(b);
    if (an != bn) return false;
    for (size_t i = 0; i < an; i++)
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i])) return false;
    return true;
}

static bool is_library(const mfl_name_t *n) {
    return ieq(n->host, strlen(n->host), "registry.ollama.ai") &&
           ieq(n->ns, strlen(n->ns), "library");
}

static bool is_hf(const mfl_name_t *n) {
    return ieq(n->host, strlen(n->host), "hf.co") ||
           ieq(n->host, strlen(n->host), "huggingface.co");
}

/* The quantisation a tag ends with ("30b-a3b-q8_0" -> Q8_0, base "30b-a3b").
 * Returns its file type, or UINT32_MAX (then *base_len is the whole tag). */
static uint32_t tag_quant(const char *tag, size_t *base_len) {
    size_t n = strlen(tag);
    const char *dash = strrchr(tag, '-');
    *base_len = n;
    if (dash == NULL) return UINT32_MAX;
    uint32_t q = mfl_quant_parse(dash + 1, strlen(dash + 1));
    if (q != UINT32_MAX) *base_len = (size_t)(dash - tag);
    return q;
}

/* The size part of a tag: its first '-' token ("30b" of "30b-a3b-q8_0"). */
static size_t size_token(const char *tag, size_t n) {
    const char *dash = memchr(tag, '-', n);
    return dash ? (size_t)(dash - tag) : n;
}

static uint32_t data_quant(const mfl_data_tag_t *t) {
    return t && t->quant ? mfl_quant_parse(t->quant, strlen(t->quant)) : UINT32_MAX;
}

static void fmt_count(uint64_t n, char *buf, size_t bufsize) {
    if (n >= 1000000000ull)
        snprintf(buf, bufsize, "%.1fB", (double)n / 1e9);
    else
        snprintf(buf, bufsize, "%.0fM", (double)n / 1e6);
}

/* Weights of entry e served as tag t (may be NULL) at quantisation want
 * (UINT32_MAX: t's own): the tag's download size when it is that very
 * file, else another size of the entry scaled by bits per weight, else the
 * parameter count at that quantisation. weights_note says how. */
static void set_weights(const mfl_table_entry_t *e, const mfl_data_tag_t *t, uint32_t want,
                        mfl_model_t *m) {
    uint32_t tq = data_quant(t);
    if (want == UINT32_MAX) want = tq;
    m->file_type = want;
    m->weights_note[0] = '\0';
    m->weight_bytes = 0;
    if (t && t->size_bytes && (want == tq || tq == UINT32_MAX) &&
        (want == UINT32_MAX || want == tq)) {
        m->weight_bytes = t->size_bytes;
        return;
    }
    const mfl_data_tag_t *ref = NULL;
    if (t && t->size_bytes && tq != UINT32_MAX) ref = t;
    for (size_t i = 0; ref == NULL && i < e->n_tags; i++)
        if (e->tags[i].size_bytes && data_quant(&e->tags[i]) != UINT32_MAX) ref = &e->tags[i];
    if (ref && want != UINT32_MAX && quant_bpw(want) > 0 && quant_bpw(data_quant(ref)) > 0) {
        m->weight_bytes =
            (uint64_t)((double)ref->size_bytes * quant_bpw(want) / quant_bpw(data_quant(ref)));
        setf(m->weights_note, sizeof m->weights_note,
             "scaled from the %s:%s download (%.1f GB, %s) to %s", e->family, ref->tag,
             (double)ref->size_bytes / 1e9, ref->quant, mfl_gguf_file_type_name(want));
        return;
    }
    if (e->params && want != UINT32_MAX && quant_bpw(want) > 0) {
        char p[32];
        fmt_count(e->params, p, sizeof p);
        m->weight_bytes = (uint64_t)((double)e->params * quant_bpw(want) / 8.0);
        setf(m->weights_note, sizeof m->weights_note,
             "estimated from %s parameters at %s (about %.2f bits per weight)", p,
             mfl_gguf_file_type_name(want), quant_bpw(want));
        return;
    }
    setf(m->weights_note, sizeof m->weights_note, "unknown: the data gives no size for this tag");
}

void mfl_table_entry_kvset(const mfl_table_entry_t *e, mfl_kvset_t *kv) {
    mfl_kvset_init(kv, e->arch);
    for (size_t i = 0; i < e->n_kv; i++) {
        const mfl_data_kv_t *d = &e->kv[i];
        int k = mfl_kvset_key(d->key, strlen(d->key));
        if (k < 0) continue;
        if (d->array)
            mfl_kvset_set_array(kv, (mfl_kv_key_t)k, d->array, d->n);
        else
            mfl_kvset_set(kv, (mfl_kv_key_t)k, d->value);
    }
}

void mfl_table_entry_to_model(const mfl_table_entry_t *e, const mfl_data_tag_t *t, mfl_model_t *m) {
    mfl_model_init(m);
    mfl_kvset_t kv;
    mfl_table_entry_kvset(e, &kv);
    mfl_model_from_kvset(&kv, m);
    m->source = MFL_SOURCE_TABLE;
    m->confidence = MFL_CONF_EXACT;
    setf(m->source_detail, sizeof m->source_detail, "%s:%s, from %s", e->family, t ? t->tag : e->id,
         e->source);
    setf(m->checked, sizeof m->checked, "%s", e->checked);
    setf(m->name, sizeof m->name, "%s", e->display);
    if (e->family_note) setf(m->ctx_note, sizeof m->ctx_note, "%s", e->family_note);
    m->params_total = e->params;
    m->params_active = e->active_params ? e->active_params : e->params;
    m->is_embedding = m->is_embedding || e->kind == MFL_KIND_EMBEDDING;
    m->is_vision = e->kind == MFL_KIND_VISION;
    const char *asked = t ? t->tag : e->id;
    if (t == NULL)
        for (size_t i = 0; i < e->n_tags && t == NULL; i++)
            if (e->tags[i].size_bytes) t = &e->tags[i];
    set_weights(e, t, UINT32_MAX, m);
    /* Figures inferred (from a related release, from other layers) are a guess: named as such,
     * they never lower num_ctx nor make a raise safe. */
    if (e->inferred) {
        m->confidence = MFL_CONF_ASSUMED;
        setf(m->assumed, sizeof m->assumed,
             "assumed: the built-in data infers %s of %s:%s instead of reading it from the "
             "GGUF (see docs/models.md); to make it exact, %s",
             e->inferred, e->family, asked, how);
    }
    /* The same notes as for a GGUF read from disk or the store (Mistral-Nemo's
     * 1,024,000), so a model's figures do not depend on where they came from. */
    mfl_model_apply_notes(m);
}

static bool family_is(const mfl_table_entry_t *e, const mfl_name_t *n) {
    return ieq(n->model, strlen(n->model), e->family);
}

const mfl_table_entry_t *mfl_table_find(const char *name, size_t len, const mfl_data_tag_t **tag) {
    mfl_name_t n;
    if (tag) *tag = NULL;
    if (mfl_name_parse(name, len, &n) != 0) return NULL;
    if (is_hf(&n)) {
        char repo[200];
        snprintf(repo, sizeof repo, "hf.co/%s/%s", n.ns, n.model);
        for (size_t i = 0; i < mfl__table_count; i++)
            for (size_t k = 0; k < mfl__table[i].n_hf; k++)
                if (ieq(repo, strlen(repo), mfl__table[i].hf[k])) return &mfl__table[i];
        return NULL;
    }
    if (!is_library(&n)) return NULL;
    for (size_t i = 0; i < mfl__table_count; i++) {
        const mfl_table_entry_t *e = &mfl__table[i];
        if (!family_is(e, &n)) continue;
        for (size_t k = 0; k < e->n_tags; k++)
            if (ieq(n.tag, strlen(n.tag), e->tags[k].tag)) {
                if (tag) *tag = &e->tags[k];
                return e;
            }
    }
    return NULL;
}

extern const mfl_cloud_family_t mfl__cloud[];
extern const size_t mfl__cloud_count;

size_t mfl_table_cloud_count(void) { return mfl__cloud_count; }

const mfl_cloud_family_t *mfl_table_cloud_at(size_t i) {
    return i < mfl__cloud_count ? &mfl__cloud[i] : NULL;
}

const mfl_cloud_family_t *mfl_table_cloud_family(const char *from, size_t len, bool suffixes) {
    mfl_ref_t ref;
    if (mfl_ref_parse(from, len, suffixes, &ref) != MFL_REF_OK || mfl_ref_is_cloud(&ref))
        return NULL;
    const mfl_name_t *n = &ref.name;
    if (!is_library(n) || mfl_is_cloud_tag(n->tag, strlen(n->tag))) return NULL;
    for (size_t i = 0; i < mfl__cloud_count; i++)
        if (ieq(n->model, strlen(n->model), mfl__cloud[i].family)) return &mfl__cloud[i];
    return NULL;
}

bool mfl_cloud_family_name(const mfl_cloud_family_t *c, char *buf, size_t n) {
    for (size_t k = 0; k < c->n_tags; k++)
        if (mfl_is_cloud_tag(c->tags[k], strlen(c->tags[k]))) {
            snprintf(buf, n, "%s:%s", c->family, c->tags[k]);
            return true;
        }
    snprintf(buf, n, "%s:cloud", c->family);
    return false;
}

/* The entry with a tag whose base (the tag without a trailing quantisation)
 * is base[0..bl), or NULL; *t receives that tag. */
static bool has_base(const mfl_table_entry_t *e, const char *base, size_t bl,
                     const mfl_data_tag_t **t) {
    /* Of several tags with that base (30b-a3b-q8_0, 30b-a3b-q4_K_M), the one
     * in Ollama's default quantisation (Q4_K_M, else Q4_0) stands for the
     * unquantised name; else the first. */
    const mfl_data_tag_t *best = NULL;
    int best_rank = 3;
    for (size_t k = 0; k < e->n_tags; k++) {
        size_t tb;
        tag_quant(e->tags[k].tag, &tb);
        if (tb != bl || strncasecmp_ascii(e->tags[k].tag, base, bl) != 0) continue;
        uint32_t q = data_quant(&e->tags[k]);
        int rank = q == 15 ? 0 : q == 2 ? 1 : 2; /* general.file_type Q4_K_M, Q4_0 */
        if (rank < best_rank) {
            best = &e->tags[k];
            best_rank = rank;
        }
    }
    if (best && t) *t = best;
    return best != NULL;
}

static bool has_size(const mfl_table_entry_t *e, const char *tag, size_t sl) {
    for (size_t k = 0; k < e->n_tags; k++) {
        const char *t = e->tags[k].tag;
        if (size_token(t, strlen(t)) == sl && strncasecmp_ascii(t, tag, sl) == 0) return true;
    }
    return size_token(e->id, strlen(e->id)) == sl && strncasecmp_ascii(e->id, tag, sl) == 0;
}

/* "8b", "1.5b", "e2b", "270m", "8x7b": a parameter count, which in Ollama's
 * library separates releases that may be different models (distills of
 * other architectures, other generations). */
static bool size_like(const char *t, size_t n) {
    size_t i = 0;
    if (i < n && (t[i] == 'e' || t[i] == 'E')) i++;
    size_t digits = 0;
    for (; i + 1 < n; i++) {
        if (isdigit((unsigned char)t[i]))
            digits++;
        else if (t[i] != '.' && t[i] != 'x')
            return false;
    }
    return digits > 0 && i + 1 == n && strchr("bBmM", t[n - 1]) != NULL;
}

/* An assumption (or the refusal to make one) for a tag of a known family
 * that the data does not list. */
static void assume(const mfl_name_t *n, const char *shown, size_t first, size_t count,
                   mfl_model_t *out) {
    size_t bl;
    tag_quant(n->tag, &bl);
    const mfl_table_entry_t *cand[64] = {&mfl__table[first]};
    size_t nc = 0;
    for (size_t i = first; i < first + count && nc < 64; i++)
        if (has_base(&mfl__table[i], n->tag, bl, NULL)) cand[nc++] = &mfl__table[i];
    size_t sl = size_token(n->tag, strlen(n->tag));
    if (nc == 0)
        for (size_t i = first; i < first + count && nc < 64; i++)
            if (has_size(&mfl__table[i], n->tag, sl)) cand[nc++] = &mfl__table[i];
    if (nc == 0 && size_like(n->tag, sl)) {
        /* A size the data does not list may be another model altogether. */
        mfl_model_init(out);
        out->source = MFL_SOURCE_TABLE;
        out->confidence = MFL_CONF_UNKNOWN;
        setf(out->name, sizeof out->name, "%s", shown);
        setf(out->source_detail, sizeof out->source_detail, "%s (not listed)", shown);
        setf(out->assumed, sizeof out->assumed,
             "`%s` is not in the built-in data, which lists no %.*s release of %s (other "
             "sizes of one name can be other models): nothing is assumed; %s",
             shown, (int)sl, n->tag, mfl__table[first].family, how);
        return;
    }
    if (nc == 0)
        for (size_t i = first; i < first + count && nc < 64; i++) cand[nc++] = &mfl__table[i];
    /* Every release the data knows of the family must agree, not only the
     * candidates: the data is partial, and releases of one name that differ
     * (dates, -instruct/-thinking, distills) must not be merged. */
    bool agree = true;
    for (size_t i = first + 1; i < first + count; i++)
        agree = agree && mfl__table[i].ctx == mfl__table[first].ctx;
    if (!agree) {
        /* Name the releases of the same size first: they are the ones the
         * tag most likely means. */
        nc = 0;
        for (int pass = 0; pass < 2; pass++)
            for (size_t i = first; i < first + count && nc < 64; i++)
                if (has_size(&mfl__table[i], n->tag, sl) == (pass == 0))
                    cand[nc++] = &mfl__table[i];
    }
    /* The releases named in the message: with agreement up to three
     * candidates ("and N more"); without, one release per context value
     * (up to four), so the message stays whole. */
    char list[256] = "";
    size_t ll = 0, shown_n = 0;
    for (size_t i = 0; i < nc; i++) {
        bool dup = false;
        for (size_t j = 0; !agree && j < i; j++) dup = dup || cand[j]->ctx == cand[i]->ctx;
        if (dup) continue;
        if (shown_n == (agree ? 3u : 4u)) {
            size_t more = 0;
            for (size_t k = i; k < nc; k++) {
                bool d2 = false;
                for (size_t j = 0; !agree && j < k; j++) d2 = d2 || cand[j]->ctx == cand[k]->ctx;
                more += !d2;
            }
            int w = snprintf(list + ll, sizeof list - ll, " and %zu more", more);
            if (w > 0 && (size_t)w < sizeof list - ll) ll += (size_t)w;
            break;
        }
        char tok[32], item[160];
        mfl__ctx_tokens(cand[i]->ctx, tok, sizeof tok);
        int w = agree ? snprintf(item, sizeof item, "%s%s:%s", shown_n ? ", " : "", cand[i]->family,
                                 cand[i]->tags[0].tag)
                      : snprintf(item, sizeof item, "%s%s:%s has %s tokens", shown_n ? ", " : "",
                                 cand[i]->family, cand[i]->tags[0].tag, tok);
        if (w < 0 || (size_t)w >= sizeof list - ll) break; /* never a cut-off name */
        memcpy(list + ll, item, (size_t)w + 1);
        ll += (size_t)w;
        shown_n++;
    }
    if (!agree) {
        mfl_model_init(out);
        out->source = MFL_SOURCE_TABLE;
        out->confidence = MFL_CONF_UNKNOWN;
        setf(out->name, sizeof out->name, "%s", shown);
        setf(out->source_detail, sizeof out->source_detail, "%s (not listed)", shown);
        setf(out->assumed, sizeof out->assumed,
             "`%s` is not in the built-in data and the %s releases it could be differ "
             "(%s): nothing is assumed; %s",
             shown, cand[0]->family, list, how);
        return;
    }
    bool shape = nc == 1 && has_size(cand[0], n->tag, size_token(n->tag, strlen(n->tag)));
    const mfl_data_tag_t *t = NULL;
    has_base(cand[0], n->tag, bl, &t);
    mfl_table_entry_to_model(cand[0], t, out);
    if (!shape) {
        /* Only the context is agreed on: the shape stays unknown. */
        out->n_layers = out->n_head = out->n_kv_head_max = 0;
        out->kv_heads_sum = out->kv_heads_sum_swa = 0;
        out->n_swa_layers = out->n_global_layers = 0;
        out->key_length = out->value_length = 0;
        out->weight_bytes = 0;
        out->params_total = out->params_active = 0;
        out->expert_count = out->expert_used_count = 0;
        out->weights_note[0] = '\0';
        setf(out->name, sizeof out->name, "%s", shown);
    }
    out->confidence = MFL_CONF_ASSUMED;
    setf(out->source_detail, sizeof out->source_detail, "%s, assumed from %s", shown, list);
    char tok[32];
    mfl__ctx_tokens(out->native_ctx, tok, sizeof tok);
    setf(out->assumed, sizeof out->assumed,
         "assumed: `%s` is not in the built-in data; every %s release it could be (%s) "
         "has a native context of %s tokens%s; to make it exact, %s",
         shown, cand[0]->family, list, tok, shape ? " and this shape" : "", how);
}

bool mfl_table_lookup(const char *name, size_t len, mfl_model_t *out) {
    mfl_name_t n;
    if (mfl_name_parse(name, len, &n) != 0) return false;
    char shown[256];
    mfl_name_short(&n, shown, sizeof shown);
    const mfl_data_tag_t *t;
    const mfl_table_entry_t *e = mfl_table_find(name, len, &t);
    if (e && is_hf(&n)) {
        mfl_table_entry_to_model(e, NULL, out);
        set_weights(e, NULL, mfl_quant_parse(n.tag, strlen(n.tag)), out);
        setf(out->source_detail, sizeof out->source_detail, "%s, the GGUF of %s:%s (%s)", shown,
             e->family, e->tags[0].tag, e->source);
        return true;
    }
    if (e) {
        mfl_table_entry_to_model(e, t, out);
        return true;
    }
    if (!is_library(&n)) return false;
    size_t first = SIZE_MAX, count = 0;
    for (size_t i = 0; i < mfl__table_count; i++) {
        if (!family_is(&mfl__table[i], &n)) continue;
        if (first == SIZE_MAX) first = i;
        count++;
    }
    if (count == 0) return false;
    /* A listed tag with another quantisation ("30b-q8_0" of "30b", or
     * "30b-a3b-fp16" of "30b-a3b-q4_K_M"): only the quantisation differs,
     * so the GGUF's shape is the entry's. */
    size_t bl;
    uint32_t q = tag_quant(n.tag, &bl);
    /* Only a release whose own quantisation tags carry that base names it
     * ("8b-q8_0" listed: "8b-q4_K_M" is the same release). A bare alias
     * ("1.8b-text") whose release names its quantisations otherwise
     * ("1.8b-text-v1.5-q2_K") says nothing of "1.8b-text-q2_K", which Ollama's
     * library can serve from another release (Qwen 1 next to Qwen1.5): that
     * match is an assumption. */
    const mfl_table_entry_t *hit = NULL;
    const mfl_data_tag_t *hit_t = NULL;
    bool via_alias = false;
    for (size_t i = first; q != UINT32_MAX && i < first + count && !(hit && !via_alias); i++) {
        const mfl_table_entry_t *c = &mfl__table[i];
        for (size_t k = 0; k < c->n_tags; k++) {
            size_t tb;
            uint32_t tq = tag_quant(c->tags[k].tag, &tb);
            if (tb != bl || strncasecmp_ascii(c->tags[k].tag, n.tag, bl) != 0) continue;
            if (tq == UINT32_MAX && hit) continue; /* keep the first alias */
            hit = c;
            hit_t = &c->tags[k];
            via_alias = tq == UINT32_MAX;
            if (!via_alias) break;
        }
    }
    if (hit) {
        mfl_table_entry_to_model(hit, hit_t, out);
        set_weights(hit, hit_t, q, out);
        setf(out->source_detail, sizeof out->source_detail, "%s, %sthe %s:%s GGUF at %s (%s)",
             shown, via_alias ? "assumed to be " : "", hit->family, hit_t->tag,
             mfl_gguf_file_type_name(q), hit->source);
        if (via_alias && out->confidence != MFL_CONF_ASSUMED) {
            out->confidence = MFL_CONF_ASSUMED;
            setf(out->assumed, sizeof out->assumed,
                 "assumed: `%s` is not in the built-in data; %s:%s is, but that release names its "
                 "quantisations otherwise, so `%s` may be another release's file; to make it "
                 "exact, %s",
                 shown, hit->family, hit_t->tag, shown, how);
        }
        return true;
    }
    assume(&n, shown, first, count, out);
    return true;
}

/* ---- notes for GGUF-read models ------------------------------------------------- */

static bool contains_ci(const char *hay, const char *needle) {
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t k = 0;
        while (k < n && hay[k] && tolower((unsigned char)hay[k]) == needle[k]) k++;
        if (k == n) return true;
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

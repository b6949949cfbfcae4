/* SPDX-License-Identifier: MIT */
/* textDocument/hover: keywords, parameters, rule codes in comments and the
 * context arithmetic behind FROM and num_ctx. */
#include "handlers.h"

#include "docs.h"
#include "knowledge.h"
#include "mfl_knowledge.h"
#include "mfl_params.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Markdown with the context arithmetic (native context, KV cache, memory
 * against the budget, prefill, speed). Returns a new string or NULL. */
static char *context_text(lsp_server_t *s, lsp_doc_t *d, bool markdown) {
    mfl_model_t m;
    mfl_version_t version = lsp_doc_version(s, d);
    if (!lsp_doc_model(s, d, &m)) {
        mfl_from_t pick;
        mfl_from_pick(d->doc, s->env, d->dir, &pick);
        return mfl_info_cloud_text(&pick, version, markdown);
    }
    mfl_budget_t budget;
    return mfl_info_for_doc(d->doc, &m, lsp_doc_budget(s, d, &budget), version, markdown);
}

/* ---- hover ---------------------------------------------------------------------------- */

/* The valid values of a parameter, in words. */
static void param_range(const mfl_param_t *p, char *buf, size_t n) {
    if (p->type == MFL_PARAM_BOOL)
        snprintf(buf, n, "true or false (1, t, T, TRUE, True, 0, f, F, FALSE, False)");
    else if (p->type == MFL_PARAM_STRINGS)
        snprintf(buf, n, "any string; repeat the line for several");
    else if (p->has_min && p->has_max)
        snprintf(buf, n, "%s%g to %g", p->min_exclusive ? "above " : "", p->min, p->max);
    else if (p->has_min)
        snprintf(buf, n, "%s %g", p->min_exclusive ? "above" : "at least", p->min);
    else if (p->has_max)
        snprintf(buf, n, "at most %g", p->max);
    else
        snprintf(buf, n, "any %s", mfl_param_type_word(p->type));
}

/* A parameter's hover / completion text, as Markdown (bold labels and a
 * list: tables with empty headers read badly in Neovim's and eglot's hovers)
 * or as plain text. */
char *lsp_param_text(const mfl_param_t *p, bool md) {
    char buf[1024], range[128], status[192] = "", since[32];
    const char *b = md ? "**" : "";
    const char *li = md ? "- " : "";
    param_range(p, range, sizeof(range));
    mfl_param_changed_in(p, since, sizeof(since));
    if (mfl_param_status(p) == MFL_PARAM_DEPRECATED)
        snprintf(status, sizeof(status),
                 "\n\n%sDeprecated%s (removed in Ollama %s): accepted with a "
                 "warning and ignored.",
                 b, b, since);
    else if (mfl_param_status(p) == MFL_PARAM_REMOVED)
        snprintf(status, sizeof(status), "\n\n%sRemoved%s (Ollama %s): `ollama create` rejects it.",
                 b, b, since);
    else if (mfl_param_status(p) == MFL_PARAM_REFUSED)
        snprintf(status, sizeof(status),
                 "\n\n%sRefused%s (Ollama %s): `ollama create` rejects it; "
                 "pass it as a request option.",
                 b, b, since);
    snprintf(buf, sizeof(buf),
             "%sPARAMETER %s%s (%s, %s option)\n\n%s.%s\n\n"
             "%s%sDefault:%s %s\n%s%sValid:%s %s\n%s%sApplies:%s %s\n",
             b, p->name, b, p->go_type, p->kind == MFL_PARAM_LOAD ? "load-time" : "sampling",
             p->summary, status, li, b, b,
             p->default_text && *p->default_text ? p->default_text : "none", li, b, b, range, li, b,
             b,
             p->kind == MFL_PARAM_LOAD ? "when the model loads (changing it reloads the model)"
                                       : "per request");
    return mfl_strndup(buf, strlen(buf));
}

/* A rule's hover text: Markdown gets the rule's documentation (Markdown in
 * the rule's metadata); plain text its summary and where to read the rest. */
static char *rule_text(const mfl_rule_t *rule, bool md) {
    static const char *const sev[] = {"error", "warning", "info", "hint", "off"};
    char head[1024], url[256];
    if (md)
        snprintf(head, sizeof(head), "**%s** `%s`\n\n", rule->code, rule->name);
    else
        snprintf(head, sizeof(head),
                 "%s %s: %s\n\nSeverity: %s by default%s.\nDocumentation: %s (or "
                 "`modelfile-lint --explain %s`)\n",
                 rule->code, rule->name, rule->summary ? rule->summary : "",
                 (unsigned)rule->severity < 5 ? sev[rule->severity] : "?",
                 rule->default_off ? ", off unless selected" : "",
                 mfl_rule_url(rule, url, sizeof url), rule->code);
    const char *body = md && rule->doc ? rule->doc : "";
    size_t hl = strlen(head), dl = strlen(body);
    char *t = mfl_malloc(hl + dl + 1);
    if (t) {
        memcpy(t, head, hl);
        memcpy(t + hl, body, dl + 1);
    }
    return t;
}

/* The rule code (MFxxx) under off inside a comment, if any. */
static const mfl_rule_t *rule_in_comment(const mfl_doc_t *doc, uint32_t off) {
    size_t len;
    const char *text = mfl_doc_text(doc, &len);
    for (size_t i = 0; i < mfl_doc_comment_count(doc); i++) {
        mfl_range_t c = mfl_doc_comment(doc, i);
        if (off < c.start || off > c.end) continue;
        uint32_t a = off, b = off;
        while (a > c.start && isalnum((unsigned char)text[a - 1])) a--;
        while (b < c.end && isalnum((unsigned char)text[b])) b++;
        char code[16];
        if (b - a == 0 || b - a >= sizeof(code)) return NULL;
        memcpy(code, text + a, b - a);
        code[b - a] = '\0';
        return strncasecmp(code, "MF", 2) == 0 ? mfl_rule_find(code) : NULL;
    }
    return NULL;
}

json_t *lsp_on_hover(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    uint32_t off;
    lsp_doc_t *d = lsp_doc_at(s, params, &off, err);
    if (!d) return NULL;
    char *md = NULL;
    mfl_range_t r = {off, off};
    const mfl_instr_t *in = lsp_instr_at(d->doc, off);
    const mfl_rule_t *rule = in ? NULL : rule_in_comment(d->doc, off);
    bool md_ok = s->caps.hover_markdown;
    if (rule) {
        md = rule_text(rule, md_ok);
    } else if (in && lsp_in_range(in->keyword, off)) {
        const lsp_keyword_doc_t *k = lsp_docs_keyword(in->kind);
        r = in->keyword;
        if (k) md = lsp_docs_keyword_text(k, md_ok);
    } else if (in && in->kind == MFL_INSTR_PARAMETER && in->has_name &&
               (lsp_in_range(in->name, off) ||
                (in->name_text && strcmp(in->name_text, "num_ctx") == 0 &&
                 lsp_in_range(in->value, off)))) {
        const mfl_param_t *p = mfl_param_find(in->name_text, in->name_len);
        r = lsp_in_range(in->name, off) ? in->name : in->value;
        char *base = p ? lsp_param_text(p, md_ok) : NULL;
        char *ctx = p && strcmp(p->name, "num_ctx") == 0 ? context_text(s, d, md_ok) : NULL;
        if (base && ctx) {
            size_t a = strlen(base), b = strlen(ctx);
            md = mfl_malloc(a + b + 8);
            if (md) snprintf(md, a + b + 8, md_ok ? "%s\n---\n\n%s" : "%s\n%s", base, ctx);
            mfl_free(base);
        } else {
            md = base;
        }
        mfl_free(ctx);
    } else if (in && in->kind == MFL_INSTR_FROM && lsp_in_range(in->value, off)) {
        r = in->value;
        md = context_text(s, d, md_ok);
    }
    if (!md) return NULL;
    json_t *h = json_pack("{s:o,s:o}", "contents", lsp_markup(s, md_ok, md), "range",
                          lsp_convert_range_new(d->doc, s->enc, r));
    mfl_free(md);
    return h;
}

/* SPDX-License-Identifier: MIT */
/* MF104 invalid-parameter-value: a value Ollama's converter rejects. */
#include "internal.h"
#include "mfl_params.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool parses(mfl_param_type_t t, const char *s, size_t n) {
    switch (t) {
    case MFL_PARAM_INT: return mfl_param_parse_int(s, n, NULL);
    case MFL_PARAM_FLOAT: return mfl_param_parse_float(s, n, NULL);
    case MFL_PARAM_BOOL: return mfl_param_parse_bool(s, n, NULL);
    default: return true;
    }
}

/* What the parameter takes, with an example of its own: the first number in
 * its default that is a valid value ("40" for top_k, "0.9" for top_p). */
static void expected(const mfl_param_t *p, char *out, size_t outsz) {
    if (p->type == MFL_PARAM_BOOL) {
        snprintf(out, outsz, "true or false");
        return;
    }
    const char *what = p->type == MFL_PARAM_INT ? "a whole number" : "a number";
    for (const char *s = p->default_text; s && *s; s++) {
        if (!((*s >= '0' && *s <= '9') || (*s == '-' && s[1] >= '0' && s[1] <= '9'))) continue;
        if (s > p->default_text && ((s[-1] >= '0' && s[-1] <= '9') || s[-1] == '.')) continue;
        size_t n = 1;
        while (s[n] && ((s[n] >= '0' && s[n] <= '9') || s[n] == '.')) n++;
        if (parses(p->type, s, n)) {
            snprintf(out, outsz, "%s such as %.*s", what, (int)n, s);
            return;
        }
    }
    snprintf(out, outsz, "%s", what);
}

/* `8k` for a count of tokens: 8 x 1024 (the convention of context sizes).
 * Returns the value, or 0. */
static long long token_suffix(const mfl_param_t *p, const char *v, size_t n) {
    static const char *const counts[] = {"num_ctx", "num_predict", "num_batch", "num_keep",
                                         "repeat_last_n"};
    bool count = false;
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++)
        count |= strcmp(p->name, counts[i]) == 0;
    if (!count || n < 2 || n > 12) return 0;
    char c = v[n - 1];
    double mul = c == 'k' || c == 'K' ? 1024.0 : c == 'm' || c == 'M' ? 1048576.0 : 0;
    if (!mul) return 0;
    char num[16];
    memcpy(num, v, n - 1);
    num[n - 1] = '\0';
    for (size_t i = 0; i + 1 < n; i++)
        if (!((num[i] >= '0' && num[i] <= '9') || num[i] == '.')) return 0;
    char *end;
    double x = strtod(num, &end) * mul;
    if (*end || !(x >= 1) || x > 1e12 || x != (double)(long long)x) return 0;
    return (long long)x;
}

static bool is_space(char c) { return c == ' ' || c == '\t'; }

/* `4096 # ctx`: a valid value followed by what was meant as a comment. */
static bool comment_split(const mfl_param_t *p, const char *v, size_t n, size_t *num_end,
                          size_t *hash) {
    for (size_t i = 1; i < n; i++) {
        if (v[i] != '#' || !is_space(v[i - 1])) continue;
        size_t e = i;
        while (e > 0 && is_space(v[e - 1])) e--;
        if (e == 0 || !parses(p->type, v, e)) return false;
        *num_end = e;
        *hash = i;
        return true;
    }
    return false;
}

static void fix_comment(mfl_ctx_t *ctx, mfl_diag_t *d, const mfl_instr_t *in) {
    if (!d || in->quote != MFL_QUOTE_NONE) return;
    size_t n;
    const char *raw = mfl_doc_slice(ctx->doc, in->content, &n);
    size_t hash = 0;
    for (size_t i = 1; i < n && !hash; i++)
        if (raw[i] == '#' && is_space(raw[i - 1])) hash = i;
    if (!hash) return;
    size_t e = hash;
    while (e > 0 && is_space(raw[e - 1])) e--;
    mfl_range_t line = mfl_doc_line_range(ctx->doc, in->line);
    size_t tl;
    const char *text = mfl_doc_text(ctx->doc, &tl);
    bool crlf = line.end < tl && text[line.end] == '\r';
    size_t cl = n - hash;
    while (cl > 0 && is_space(raw[hash + cl - 1])) cl--;
    char *ins = mfl__asprintf("%.*s%.*s%s", (int)(in->keyword.start - line.start),
                              text + line.start, (int)cl, raw + hash, crlf ? "\r\n" : "\n");
    if (!ins) return;
    mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_SAFE, "Move the comment to its own line");
    mfl_range_t at = {line.start, line.start};
    mfl_fix_edit(ctx, f, at, ins, strlen(ins));
    mfl_range_t del = {in->content.start + (uint32_t)e,
                       line.end > in->content.end ? line.end : in->content.end};
    mfl_fix_edit(ctx, f, del, "", 0);
    mfl_free(ins);
}

static void check(mfl_ctx_t *ctx) {
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_PARAMETER || !in->has_name || in->name_len == 0 ||
            !in->has_value_sep)
            continue;
        const mfl_param_t *p = mfl__ctx_param(ctx, in);
        if (!p || mfl__ctx_param_life(ctx, p, NULL) != MFL_PLIFE_ACTIVE ||
            p->type == MFL_PARAM_STRINGS)
            continue;
        const char *v = in->value_text;
        size_t n = in->value_len;
        double fv;
        if (p->type == MFL_PARAM_FLOAT && mfl_param_parse_float(v, n, &fv) && !isfinite(fv)) {
            /* Converted, then refused by the JSON encoder of the request. */
            const char *what = isnan(fv) ? "NaN" : fv > 0 ? "+Inf" : "-Inf";
            mfl_report(ctx, in->value.end > in->value.start ? in->value : in->name,
                       "ollama create fails with \"json: unsupported value: %s\", after hashing "
                       "and uploading every file: `%s` must be a finite number",
                       what, p->name);
            continue;
        }
        if (parses(p->type, v, n)) continue;
        const char *w = mfl_param_type_word(p->type);
        mfl_range_t r = in->value.end > in->value.start ? in->value : in->name;
        size_t num_end, hash;
        if (comment_split(p, v, n, &num_end, &hash)) {
            mfl_diag_t *d = mfl_report(ctx, r,
                                       "ollama create fails with \"invalid %s value [%s]\": "
                                       "Modelfiles have no inline comments, `%s` is part of the "
                                       "value; put the comment on its own line",
                                       w, v, v + hash);
            fix_comment(ctx, d, in);
            continue;
        }
        if (p->type == MFL_PARAM_INT && mfl_param_parse_float(v, n, NULL)) {
            char *end;
            double x = strtod(v, &end);
            if (end == v + n && isfinite(x) && x > -9.2e18 && x < 9.2e18 &&
                x == (double)(long long)x) {
                char num[32];
                snprintf(num, sizeof num, "%lld", (long long)x);
                mfl_diag_t *d = mfl_report(ctx, r,
                                           "ollama create fails with \"invalid int value [%s]\": "
                                           "`%s` takes a whole number, write `%s`",
                                           v, p->name, num);
                mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_SAFE, "Write `%s`", num);
                mfl_fix_edit(ctx, f, in->content, num, strlen(num));
                continue;
            }
        }
        long long tokens = token_suffix(p, v, n);
        if (tokens) {
            char num[32];
            snprintf(num, sizeof num, "%lld", tokens);
            mfl_diag_t *d = mfl_report(ctx, r,
                                       "ollama create fails with \"invalid int value [%s]\": `%s` "
                                       "takes a whole number of tokens; `%s` is %s (%.*s x %s)",
                                       v, p->name, v, num, (int)(n - 1), v,
                                       (v[n - 1] | 0x20) == 'k' ? "1024" : "1048576");
            /* Unsafe: whether 8k means 8192 or 8000 is the author's call. */
            if (in->quote == MFL_QUOTE_NONE) {
                mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_UNSAFE, "Write `%s`", num);
                mfl_fix_edit(ctx, f, in->content, num, strlen(num));
            }
            continue;
        }
        char what[96];
        expected(p, what, sizeof what);
        bool single = n >= 2 && v[0] == '\'' && v[n - 1] == '\'' && parses(p->type, v + 1, n - 2);
        mfl_report(ctx, r, "ollama create fails with \"invalid %s value [%s]\": `%s` takes %s%s", w,
                   v, p->name, what,
                   single ? "; single quotes are not quotes in a Modelfile, they stay in the value"
                          : "");
    }
}

const mfl_rule_t mfl_rule_invalid_parameter_value = {
    .code = "MF104",
    .name = "invalid-parameter-value",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_SOMETIMES,
    .category = "parameter",
    .summary = "A PARAMETER value Ollama cannot convert to the parameter's type",
    .doc = "## What it does\n"
           "Converts each value exactly as Ollama does (Go's strconv): integers are base-10 "
           "64-bit with an optional sign (`4096.0`, `0x10`, `1e3` are rejected); floats are "
           "32-bit (`.5`, `1e-3` and hex floats are accepted, of any length; `1,5` and `1e40` "
           "are not); `use_mmap` takes only `1 t T TRUE true True 0 f F FALSE false False`. "
           "`NaN`, `inf` and `Infinity` convert, but the create request cannot carry them.\n\n"
           "## Why is this bad?\n"
           "`ollama create` stops with `invalid int value [<v>]` (or float, bool). A common "
           "cause is a trailing comment: Modelfiles have no inline comments, so "
           "`PARAMETER num_ctx 4096 # context` is the value `4096 # context`; the fix moves "
           "the comment to its own line. `ollama show --modelfile` used to print large "
           "integers as `1e+06`; the fix writes the integer.\n\n"
           "## Example\n```\nFROM llama3.2\nPARAMETER num_ctx 8192 # context\n```\n\n"
           "Use instead:\n```\nFROM llama3.2\n# context\nPARAMETER num_ctx 8192\n```\n\n"
           "## Fix safety\n"
           "Moving a trailing comment to its own line and writing `1e+06` as `1000000` keep "
           "the value Ollama would have read: safe. A token count with a suffix (`num_ctx 8k`) "
           "becomes 8 x 1024 = 8192, the convention of context sizes; the fix is unsafe "
           "because the author may have meant 8000.\n",
    .check = check,
};

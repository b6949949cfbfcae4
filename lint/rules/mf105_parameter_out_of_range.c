/* SPDX-License-Identifier: MIT */
/* MF105 parameter-out-of-range: a value that converts but makes no sense. */
#include "internal.h"
#include "mfl_params.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *why(const char *name) {
    if (strcmp(name, "num_ctx") == 0) return "Ollama raises a context below 4 tokens to 4";
    if (strcmp(name, "num_predict") == 0) return "use -1 for no limit or -2 to fill the context";
    if (strcmp(name, "repeat_penalty") == 0) return "it must be above 0 (1.0 turns it off)";
    if (strcmp(name, "temperature") == 0)
        return "use 0 for deterministic output, values above 2 give gibberish";
    if (strcmp(name, "top_p") == 0 || strcmp(name, "min_p") == 0 || strcmp(name, "typical_p") == 0)
        return "it is a probability between 0 and 1";
    if (strcmp(name, "top_k") == 0) return "use 0 to turn it off";
    if (strcmp(name, "repeat_last_n") == 0) return "use 0 to turn it off or -1 for num_ctx";
    return NULL;
}

static void check(mfl_ctx_t *ctx) {
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_PARAMETER || !in->has_name || in->name_len == 0 ||
            !in->has_value_sep)
            continue;
        const mfl_param_t *p = mfl__ctx_param(ctx, in);
        if (!p || mfl__ctx_param_life(ctx, p, NULL) != MFL_PLIFE_ACTIVE) continue;
        double x;
        if (p->type == MFL_PARAM_INT) {
            int64_t i;
            if (!mfl_param_parse_int(in->value_text, in->value_len, &i)) continue;
            x = (double)i;
        } else if (p->type == MFL_PARAM_FLOAT) {
            if (!mfl_param_parse_float(in->value_text, in->value_len, &x)) continue;
        } else {
            continue;
        }
        if (isnan(x) || isinf(x)) continue; /* MF104: create fails */
        bool low = p->has_min && (p->min_exclusive ? x <= p->min : x < p->min);
        bool high = p->has_max && x > p->max;
        if (!low && !high) continue;
        const char *reason = why(p->name);
        char lim[64];
        if (p->has_min && p->has_max)
            snprintf(lim, sizeof lim, "outside [%g, %g]", p->min, p->max);
        else if (low)
            snprintf(lim, sizeof lim, "%s %g", p->min_exclusive ? "not above" : "below", p->min);
        else
            snprintf(lim, sizeof lim, "above %g", p->max);
        mfl_report(ctx, in->value, "`%s` %s is %s%s%s", p->name, in->value_text, lim,
                   reason ? ": " : "", reason ? reason : "");
    }
}

const mfl_rule_t mfl_rule_parameter_out_of_range = {
    .code = "MF105",
    .name = "parameter-out-of-range",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_NONE,
    .category = "parameter",
    .summary = "A PARAMETER value that converts but makes no sense",
    .doc = "## What it does\n"
           "Checks values that Ollama accepts but that cannot be meant: `temperature` "
           "outside [0, 2], `top_p`, `min_p` or `typical_p` outside [0, 1], a negative "
           "`top_k`, `num_batch`, `num_thread` or `draft_num_predict`, `num_ctx` below 4, "
           "`repeat_penalty` not above 0, `num_predict` below -2 and `repeat_last_n` below -1 "
           "(NaN and infinity make create fail: MF104).\n\n"
           "## Why is this bad?\n"
           "Ollama does not range-check parameters: the value goes to the sampler as is "
           "(or is silently raised, like `num_ctx` to 4), and the model misbehaves in ways "
           "that are hard to trace back to the Modelfile.\n\n"
           "## Example\n```\nFROM llama3.2\nPARAMETER top_p 90\n```\n\n"
           "Use instead:\n```\nFROM llama3.2\nPARAMETER top_p 0.9\n```\n",
    .check = check,
};

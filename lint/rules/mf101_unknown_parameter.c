/* SPDX-License-Identifier: MIT */
/* MF101 unknown-parameter: a PARAMETER name Ollama does not know. */
#include "internal.h"
#include "mfl_params.h"

#include <string.h>

/* A name cut short by a parser error is MF004's. */
static bool has_syntax_error(const mfl_doc_t *doc, size_t idx) {
    for (size_t i = 0; i < mfl_doc_syntax_error_count(doc); i++)
        if (mfl_doc_syntax_error(doc, i)->instr == idx) return true;
    return false;
}

static void check(mfl_ctx_t *ctx) {
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_PARAMETER || !in->has_name || in->name_len == 0) continue;
        if (has_syntax_error(ctx->doc, in_i)) continue;
        const char *name = in->name_text;
        size_t n = in->name_len;
        const mfl_param_t *known = mfl__ctx_param(ctx, in);
        mfl_fact_t why;
        if (known && mfl__ctx_param_life(ctx, known, &why) == MFL_PLIFE_NOT_YET) {
            char rel[32], tgt[32];
            mfl_report(ctx, in->name,
                       "unknown parameter '%s' (ollama create fails): `%s` was added in Ollama "
                       "%s, after the target %s; remove the line or target a newer release",
                       name, known->name, mfl_fact_release(why, rel, sizeof rel),
                       mfl_version_format(mfl_ctx_version(ctx), tgt, sizeof tgt));
            continue;
        }
        if (known) continue; /* active, deprecated (MF103) or removed (MF102) */
        const char *sugg = mfl_param_suggest(name, n);
        const char *alias = mfl_param_alias(name, n);
        const char *note = mfl_param_not_a_parameter(name, n);
        if (sugg && strlen(sugg) == n && strncasecmp_ascii(sugg, name, n) == 0) {
            mfl_diag_t *d = mfl_report(ctx, in->name,
                                       "unknown parameter `%s` (ollama create fails): parameter "
                                       "names are case-sensitive, write `%s`",
                                       name, sugg);
            mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_SAFE, "Rename to `%s`", sugg);
            mfl_fix_edit(ctx, f, in->name, sugg, strlen(sugg));
        } else if (alias) {
            mfl_diag_t *d = mfl_report(ctx, in->name,
                                       "unknown parameter `%s` (ollama create fails): Ollama "
                                       "calls this `%s`",
                                       name, alias);
            mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_UNSAFE, "Rename to `%s`", alias);
            mfl_fix_edit(ctx, f, in->name, alias, strlen(alias));
        } else if (note) {
            mfl_report(ctx, in->name,
                       "unknown parameter `%s` (ollama create fails): %s; remove "
                       "the line",
                       name, note);
        } else if (sugg) {
            mfl_diag_t *d = mfl_report(ctx, in->name,
                                       "unknown parameter `%s` (ollama create fails): did you "
                                       "mean `%s`?",
                                       name, sugg);
            mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_UNSAFE, "Rename to `%s`", sugg);
            mfl_fix_edit(ctx, f, in->name, sugg, strlen(sugg));
        } else {
            mfl_report(ctx, in->name,
                       "unknown parameter `%s` (ollama create fails): not an "
                       "Ollama parameter; remove the line",
                       name);
        }
    }
}

const mfl_rule_t mfl_rule_unknown_parameter = {
    .code = "MF101",
    .name = "unknown-parameter",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_SOMETIMES,
    .category = "parameter",
    .summary = "A PARAMETER name Ollama does not know",
    .doc = "## What it does\n"
           "Checks every PARAMETER name against Ollama's options (case-sensitive), and "
           "suggests the right name for typos, uppercase variants and names used by other "
           "tools (`batch_size` -> `num_batch`, `n_ctx` -> `num_ctx`, `max_tokens` -> "
           "`num_predict`, `num_gpu_layers` -> `num_gpu`, ...). A parameter newer than the "
           "target release (`min_p` before 0.3.1, `draft_num_predict` before 0.30.0) is unknown "
           "to it.\n\n"
           "## Why is this bad?\n"
           "`ollama create` stops with `unknown parameter '<name>'`. Settings such as "
           "`keep_alive` are request options or server environment variables, not "
           "parameters. Renaming an alias changes what the model does (the value now takes "
           "effect), so that fix is unsafe; lowercasing a name is safe.\n\n"
           "## Example\n```\nFROM llama3.2\nPARAMETER batch_size 512\n```\n\n"
           "Use instead:\n```\nFROM llama3.2\nPARAMETER num_batch 512\n```\n",
    .check = check,
};

/* SPDX-License-Identifier: MIT */
/* MF203 invalid-model-name: FROM is neither a local path nor a valid name. */
#include "internal.h"
#include "mfl_names.h"

#include <string.h>

static void check(mfl_ctx_t *ctx) {
    const mfl_env_t *env = ctx->opts->env;
    if (!env || !env->path_kind) return;
    bool suffixes = mfl_version_has(mfl_ctx_version(ctx), MFL_FACT_CLOUD_REFS);
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_FROM || in->value_len == 0) continue;
        const char *v = in->value_text;
        if (mfl__from_looks_like_path(v, in->value_len)) continue;
        mfl_ref_t ref;
        if (mfl_ref_parse(v, in->value_len, suffixes, &ref) == MFL_REF_OK) continue;
        char abs[4096];
        bool link = false;
        if (env->path_kind(env->ud, ctx->opts->base_dir, v, abs, sizeof abs, &link) !=
            MFL_PATH_MISSING)
            continue;
        if (ref.status == MFL_REF_CONFLICT) {
            mfl_report(ctx, in->value,
                       "ollama create fails with \"invalid model name\": `%s` asks for both "
                       ":local and :cloud (Ollama's reason: \"use either :local or :cloud, not "
                       "both\"); keep one",
                       v);
            continue;
        }
        const char *hash = strstr(v, " #");
        mfl_report(ctx, in->value,
                   "`%s` is not a local file and not a valid model name: ollama create fails "
                   "with \"invalid model name\" (%s)%s",
                   v, ref.why ? ref.why : "see Ollama's name rules",
                   hash ? "; Modelfiles have no inline comments, move the `#` comment to its "
                          "own line"
                        : "");
    }
}

const mfl_rule_t mfl_rule_invalid_model_name = {
    .code = "MF203",
    .name = "invalid-model-name",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_NONE,
    .category = "path",
    .summary = "A FROM that is neither a local path nor a valid model name",
    .doc = "## What it does\n"
           "Checks FROM values that do not name an existing file or folder as `ollama create` "
           "reads a model reference: from Ollama 0.18.0 on, a `:cloud` or `:local` suffix (any "
           "case, and a tag ending in `-cloud`) is cut off first, so `FROM gpt-oss:20b:cloud` is "
           "valid; then the name must follow `[host/][namespace/]model[:tag]`, where the host may "
           "hold letters, digits, `_ - . :`, the namespace `_ -`, the model and tag `_ - .`; each "
           "part starts with a letter, digit or `_`; `@digest` is not accepted, and a name "
           "cannot be both `:local` and `:cloud`.\n\n"
           "## Why is this bad?\n"
           "`ollama create` fails with `invalid model name`. Typical causes are an inline "
           "comment (`FROM llama3 # base`), a space, or a Hugging Face URL pasted with "
           "`https://huggingface.co/...` and extra path segments. Before 0.18.0 a `:cloud` "
           "suffix after a tag (`gpt-oss:20b:cloud`) is part of an invalid tag.\n\n"
           "## Example\n```\nFROM llama3.2 # small and fast\n```\n\n"
           "Use instead:\n```\n# small and fast\nFROM llama3.2\n```\n",
    .check = check,
    .versions_note = "the :cloud/:local suffixes from 0.18.0",
};

/* SPDX-License-Identifier: MIT */
/* MF203 invalid-model-name: FROM is neither a local path nor a valid name. */
#include "internal.h"
#include "mfl_params.h"

#include <string.h>

static void check(mfl_ctx_t *ctx) {
    const mfl_env_t *env = ctx->opts->env;
    if (!env || !env->path_kind) return;
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_FROM || in->value_len == 0) continue;
        const char *v = in->value_text;
        if (mfl__from_looks_like_path(v, in->value_len)) continue;
        const char *why = NULL;
        mfl_name_check_t c = mfl_model_name_check(v, in->value_len, &why);
        if (c == MFL_NAME_OK) continue;
        char abs[4096];
        bool link = false;
        if (env->path_kind(env->ud, ctx->opts->base_dir, v, abs, sizeof abs, &link) !=
            MFL_PATH_MISSING)
            continue;
        if (c == MFL_NAME_LOCAL_AND_CLOUD) {
            mfl_report(ctx, in->value, "ollama create fails with \"use either :local or :cloud, "
                                       "not both\": `%s` asks for both", v);
            continue;
        }
        const char *hash = strstr(v, " #");
        mfl_report(ctx, in->value,
                   "`%s` is not a local file and not a valid model name: ollama create fails "
                   "with \"invalid model name\" (%s)%s", v, why ? why : "see Ollama's name rules",
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
           "Checks FROM values that do not name an existing file or folder against Ollama's "
           "model name grammar: `[host/][namespace/]model[:tag]`, where the host may hold "
           "letters, digits, `_ - . :`, the namespace `_ -`, the model and tag `_ - .`; each "
           "part starts with a letter, digit or `_`; `@digest` is not accepted, and a name "
           "cannot be both `:local` and `:cloud`.\n\n"
           "## Why is this bad?\n"
           "`ollama create` fails with `invalid model name`. Typical causes are an inline "
           "comment (`FROM llama3 # base`), a space, or a Hugging Face URL pasted with "
           "`https://huggingface.co/...` and extra path segments.\n\n"
           "## Example\n```\nFROM llama3.2 # small and fast\n```\n\n"
           "Use instead:\n```\n# small and fast\nFROM llama3.2\n```\n",
    .check = check,
};

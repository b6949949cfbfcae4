/* SPDX-License-Identifier: MIT */
/* MF300 unknown-model: the model behind FROM could not be found or read, so
 * the context rules cannot check num_ctx. */
#include "knowledge/ctx_rules.h"

#include <stdio.h>

static void check(mfl_ctx_t *ctx) {
    const mfl_env_t *env = ctx->opts->env;
    const mfl_instr_t *from = mfl_doc_last(ctx->doc, MFL_INSTR_FROM);
    if (env == NULL || env->resolve_model == NULL || from == NULL || !from->has_sep ||
        from->value_len == 0)
        return;
    /* A FROM path that does not exist or is a folder is the MF2xx rules' business. */
    if (env->path_kind) {
        char abs[4096];
        bool link;
        mfl_path_kind_t k = env->path_kind(env->ud, ctx->opts->base_dir, from->value_text, abs,
                                           sizeof abs, &link);
        const char *v = from->value_text;
        bool pathish = v[0] == '.' || v[0] == '/' || v[0] == '~';
        if (k == MFL_PATH_DIR || k == MFL_PATH_DEVICE || (k != MFL_PATH_FILE && pathish))
            return;
    }
    const mfl_model_t *m = mfl_ctx_model(ctx);
    if (m && m->error[0] == '\0')
        return;
    if (m)
        mfl_report(ctx, from->value, "cannot read model `%s`: %s; context checks skipped",
                   from->value_text, m->error);
    else
        mfl_report(ctx, from->value,
                   "unknown model `%s`: not a local GGUF file, not in the local Ollama store and "
                   "not in the built-in table; context checks skipped (describe it in the "
                   "config's \"models\" section or point --ollama-models at the store)",
                   from->value_text);
}

const mfl_rule_t mfl_rule_unknown_model = {
    .code = "MF300",
    .name = "unknown-model",
    .severity = MFL_SEVERITY_INFO,
    .fixable = MFL_FIXABLE_NONE,
    .category = "context",
    .summary = "The model behind FROM is unknown, so num_ctx cannot be checked",
    .doc = "## What it does\n"
           "Reports, once per file, a FROM whose model the linter cannot find or read: it is not "
           "a local GGUF file, not in the local Ollama store (`OLLAMA_MODELS`, `~/.ollama/models`, "
           "`/usr/share/ollama/.ollama/models` or `--ollama-models DIR`), not in the config's "
           "`models` section and not in the built-in table; or its GGUF or manifest is corrupt.\n\n"
           "## Why is this bad?\n"
           "The context rules (MF301-MF307) need the model's native context and shape. Without "
           "them a `num_ctx` that throws away most of the model's context goes unnoticed. A "
           "corrupt or truncated blob also makes `ollama create` or `ollama run` fail.\n\n"
           "## Example\n```\nFROM my-private-model\nPARAMETER num_ctx 8192\n```\n\n"
           "Use instead: pull the model, or describe it in `.modelfile-lint.json`:\n"
           "```\n{\"models\": {\"my-private-model\": {\"like\": \"qwen3:8b\"}}}\n```\n",
    .check = check,
};

/* SPDX-License-Identifier: MIT */
/* MF300 unknown-model: the model behind FROM could not be found or read, or
 * only its family is known and its releases differ, so the context rules
 * cannot check num_ctx. */
#include "internal.h"
#include "knowledge/ctx_rules.h"

#include <stdio.h>

static void check(mfl_ctx_t *ctx) {
    const mfl_env_t *env = ctx->opts->env;
    if (env == NULL || env->resolve_model == NULL) return;
    const mfl_from_t *pick = mfl__ctx_from(ctx);
    const mfl_instr_t *from = pick->from;
    if (from == NULL) return;
    /* A device is MF401's; a folder Ollama cannot import is MF212's; a
     * path that is not there (Ollama then reads it as a name) is MF202's. */
    if (pick->kind == MFL_PATH_DEVICE || (pick->kind == MFL_PATH_MISSING && !pick->is_name)) return;
    const mfl_model_t *m = mfl_ctx_model(ctx);
    if (m && m->import_error[0]) return;
    if (m && m->error[0]) {
        mfl_report(ctx, from->value, "cannot read model `%s`: %s; context checks skipped",
                   from->value_text, m->error);
        return;
    }
    if (m && m->confidence == MFL_CONF_UNKNOWN) {
        mfl_report(ctx, from->value, "%s; context checks skipped", m->assumed);
        return;
    }
    if (m && m->native_ctx == 0 && pick->kind == MFL_PATH_DIR) {
        mfl_report(ctx, from->value,
                   "`%s`: its config.json gives no context length this linter can read "
                   "(architecture %s); context checks skipped",
                   from->value_text, m->arch[0] ? m->arch : "unknown");
        return;
    }
    if (m) return;
    if (!pick->is_name) return; /* a file that is not there is MF202's */
    if (mfl__ctx_from_is_cloud(ctx))
        return; /* a cloud model runs on ollama.com: no local context to check */
    /* A family the library has only as cloud tags, named without one. */
    const mfl_cloud_family_t *cf = mfl__ctx_from_cloud_family(ctx);
    if (cf) {
        char advice[512];
        mfl_cloud_family_advice(cf, true, advice, sizeof advice);
        mfl_report(ctx, from->value, "`%s` %s. Context checks skipped", from->value_text, advice);
        return;
    }
    mfl_report(ctx, from->value,
               "unknown model `%s`: not a local GGUF file, not in the local Ollama store and "
               "not in the built-in data; context checks skipped (pull it, point "
               "--ollama-models at the store, or describe it in the config's \"models\")",
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
           "a local GGUF file or safetensors folder, not in the local Ollama store "
           "(`OLLAMA_MODELS`, `~/.ollama/models`, `/usr/share/ollama/.ollama/models` or "
           "`--ollama-models DIR`), not in the config's `models` section and not in the built-in "
           "data; or its GGUF or manifest is corrupt; or its tag is not in the built-in data and "
           "the releases of its family it could be differ (say `qwen3:30b-a3b`, which may be the "
           "original release with 40,960 tokens or a 2507 release with 262,144), or its size is "
           "one the data does not list (`deepseek-r1:8b` is a distill of another architecture), "
           "so nothing is assumed. A family the library has only as cloud models (`glm-5`, "
           "`gemini-3-flash-preview`: `lint/data/cloud.toml`) named without a cloud tag is "
           "reported with the cloud name to write instead. A cloud model (a `:cloud` suffix or a "
           "`-cloud` tag, from "
           "Ollama 0.18.0) is not reported: it runs on ollama.com, not on this machine; a "
           "`:local` suffix is cut off before the name is looked up.\n\n"
           "## Why is this bad?\n"
           "The context rules (MF301-MF308) need the model's native context and shape. Without "
           "them a `num_ctx` that throws away most of the model's context goes unnoticed. A "
           "corrupt or truncated blob also makes `ollama create` or `ollama run` fail.\n\n"
           "## Example\n```\nFROM my-private-model\nPARAMETER num_ctx 8192\n```\n\n"
           "Use instead: pull the model, or describe it in `.modelfile-lint.json`:\n"
           "```\n{\"models\": {\"my-private-model\": {\"like\": \"qwen3-coder:30b\"}}}\n```\n",
    .check = check,
};

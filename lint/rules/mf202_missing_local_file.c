/* SPDX-License-Identifier: MIT */
/* MF202 missing-local-file: ADAPTER/DRAFT/path-like FROM that does not exist. */
#include "internal.h"
#include "mfl_names.h"

#include <string.h>

static void check(mfl_ctx_t *ctx) {
    const mfl_env_t *env = ctx->opts->env;
    if (!env || !env->path_kind) return;
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_FROM && in->kind != MFL_INSTR_ADAPTER &&
            in->kind != MFL_INSTR_DRAFT)
            continue;
        if (in->value_len == 0) continue;
        if (in->kind == MFL_INSTR_FROM && !mfl__from_looks_like_path(in->value_text, in->value_len))
            continue;
        /* A Windows drive path cannot be checked from here. */
        if (in->value_len >= 3 && in->value_text[1] == ':' &&
            (in->value_text[2] == '\\' || in->value_text[2] == '/'))
            continue;
        char abs[4096];
        bool link = false;
        if (env->path_kind(env->ud, ctx->opts->base_dir, in->value_text, abs, sizeof abs, &link) !=
            MFL_PATH_MISSING)
            continue;
        const char *kw = mfl_instr_keyword(in->kind);
        if (in->kind == MFL_INSTR_FROM) {
            mfl_ref_t ref;
            bool valid = mfl_ref_parse(in->value_text, in->value_len,
                                       mfl_version_has(mfl_ctx_version(ctx), MFL_FACT_CLOUD_REFS),
                                       &ref) == MFL_REF_OK;
            mfl_report(ctx, in->value,
                       "FROM `%s` looks like a file but does not exist: Ollama then reads it "
                       "as a model name and %s; paths are relative to the Modelfile's folder",
                       in->value_text,
                       valid ? "tries to pull it from the registry (`pull model manifest` error)"
                             : "ollama create fails with \"invalid model name\"");
        } else {
            mfl_report(ctx, in->value,
                       "%s `%s` does not exist: ollama create fails with \"stat <path>: no "
                       "such file or directory\"; paths are relative to the Modelfile's folder",
                       kw, in->value_text);
        }
    }
}

const mfl_rule_t mfl_rule_missing_local_file = {
    .code = "MF202",
    .name = "missing-local-file",
    /* A warning: weights are rarely committed, so in CI and pre-commit the
     * file is often legitimately absent. */
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_NONE,
    .category = "path",
    .summary = "An ADAPTER, DRAFT or path-like FROM that does not exist",
    .doc = "## What it does\n"
           "Resolves ADAPTER and DRAFT paths, and FROM values that look like paths (starting "
           "with `./`, `../`, `/` or `~`, or ending in `.gguf`, `.bin` or `.safetensors`), "
           "relative to the Modelfile's folder as Ollama does, and reports those that do not "
           "exist.\n\n"
           "## Why is this bad?\n"
           "ADAPTER and DRAFT must be local files: `ollama create` fails with `stat <path>: "
           "no such file or directory`. A FROM path that does not exist is silently taken as "
           "a model name: `./model.gguf` then fails with `invalid model name`, and "
           "`models/x.gguf` starts a registry pull. It is a warning rather than an error because "
           "model weights are rarely committed: where the files legitimately live elsewhere "
           "(CI, pre-commit), silence it with `per-path-ignores` or `--ignore MF202`. Windows "
           "drive paths (`C:\\...`) are not checked.\n\n"
           "## Example\n```\nFROM ./mistral-7b.Q4_K_M.gguf\n```\n\n"
           "Use instead (the path of the file, relative to the Modelfile):\n"
           "```\nFROM ./models/mistral-7b.Q4_K_M.gguf\n```\n",
    .check = check,
};

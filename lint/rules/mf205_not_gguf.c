/* SPDX-License-Identifier: MIT */
/* MF205 not-gguf: a *.gguf file that does not start with the GGUF magic. */
#include "internal.h"

#include <string.h>

static void check(mfl_ctx_t *ctx) {
    const mfl_env_t *env = ctx->opts->env;
    if (!env || !env->path_kind || !env->is_gguf) return;
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_FROM && in->kind != MFL_INSTR_ADAPTER &&
            in->kind != MFL_INSTR_DRAFT)
            continue;
        size_t n = in->value_len;
        if (n < 5 || strncasecmp_ascii(in->value_text + n - 5, ".gguf", 5) != 0) continue;
        char abs[4096];
        bool link = false;
        if (env->path_kind(env->ud, ctx->opts->base_dir, in->value_text, abs, sizeof abs, &link) !=
            MFL_PATH_FILE)
            continue;
        if (env->is_gguf(env->ud, abs)) continue;
        mfl_report(ctx, in->value,
                   "ollama create fails with \"supplied file was not in GGUF format\": `%s` does "
                   "not start with the GGUF magic (a Git LFS pointer, an HTML page saved "
                   "instead of the download, or a truncated file?)", in->value_text);
    }
}

const mfl_rule_t mfl_rule_not_gguf = {
    .code = "MF205",
    .name = "not-gguf",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_NONE,
    .category = "path",
    .summary = "A .gguf file named by FROM, ADAPTER or DRAFT that is not GGUF",
    .doc = "## What it does\n"
           "Reads the first four bytes of every existing `*.gguf` file that FROM, ADAPTER or "
           "DRAFT names and checks for the `GGUF` magic.\n\n"
           "## Why is this bad?\n"
           "The server rejects the upload with `supplied file was not in GGUF format`, after "
           "the client has hashed and uploaded the whole file. The usual causes are a Git "
           "LFS pointer file (cloned without `git lfs pull`), an HTML error page saved under "
           "the model's name, or an interrupted download.\n\n"
           "## Example\n```\n# model.gguf is a 134-byte Git LFS pointer\nFROM ./model.gguf\n```\n\n"
           "Use instead: fetch the real file (`git lfs pull`) and keep the same FROM.\n",
    .check = check,
};

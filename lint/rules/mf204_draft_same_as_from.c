/* SPDX-License-Identifier: MIT */
/* MF204 draft-same-as-from: DRAFT naming the same local path as a FROM. */
#include "internal.h"

#include <string.h>

static void check(mfl_ctx_t *ctx) {
    const mfl_env_t *env = ctx->opts->env;
    if (!env || !env->path_kind) return;
    size_t n = mfl_doc_instr_count(ctx->doc);
    for (size_t j = 0; j < n; j++) {
        const mfl_instr_t *dr = mfl_doc_instr(ctx->doc, j);
        if (dr->kind != MFL_INSTR_DRAFT || dr->value_len == 0) continue;
        char dabs[4096];
        bool link = false;
        mfl_path_kind_t dk =
            env->path_kind(env->ud, ctx->opts->base_dir, dr->value_text, dabs, sizeof dabs, &link);
        if (dk != MFL_PATH_FILE && dk != MFL_PATH_DIR) continue;
        for (size_t i = 0; i < n; i++) {
            const mfl_instr_t *fr = mfl_doc_instr(ctx->doc, i);
            if (fr->kind != MFL_INSTR_FROM || fr->value_len == 0) continue;
            char fabs[4096];
            mfl_path_kind_t fk = env->path_kind(env->ud, ctx->opts->base_dir, fr->value_text, fabs,
                                                sizeof fabs, &link);
            if (fk != dk || strcmp(fabs, dabs) != 0) continue;
            mfl_diag_t *d = mfl_report(ctx, dr->value,
                                       "ollama create fails with \"DRAFT must not reference the "
                                       "same local path as FROM\": `%s` is the model itself; "
                                       "the draft must be a separate, smaller model",
                                       dr->value_text);
            mfl_diag_related(ctx, d, fr->value, "the FROM with the same path");
            break;
        }
    }
}

const mfl_rule_t mfl_rule_draft_same_as_from = {
    .code = "MF204",
    .name = "draft-same-as-from",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_NONE,
    .category = "path",
    .summary = "A DRAFT that is the same local path as a FROM",
    .doc = "## What it does\n"
           "Resolves DRAFT and FROM paths relative to the Modelfile's folder and reports a "
           "DRAFT that names the same file or folder as a FROM.\n\n"
           "## Why is this bad?\n"
           "`ollama create` fails with `DRAFT must not reference the same local path as "
           "FROM: <path>`. A draft model for speculative decoding must be a separate, "
           "smaller model with the same tokenizer.\n\n"
           "## Example\n```\nFROM ./model.gguf\nDRAFT ./model.gguf\n```\n\n"
           "Use instead:\n```\nFROM ./model.gguf\nDRAFT ./draft-0.5b.gguf\n```\n",
    .check = check,
};

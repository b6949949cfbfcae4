/* SPDX-License-Identifier: MIT */
/* MF204 draft-same-as-from: DRAFT naming the same local path as a FROM,
 * symlinks resolved as Ollama resolves them. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

/* The path as Ollama compares it (filepath.EvalSymlinks of the absolute
 * path), or abs itself when it cannot be resolved here. */
static void canonical(const mfl_env_t *env, const char *abs, char *out, size_t outsz) {
    if (!env->real_path || !env->real_path(env->ud, abs, out, outsz))
        snprintf(out, outsz, "%s", abs);
}

static void check(mfl_ctx_t *ctx) {
    const mfl_env_t *env = ctx->opts->env;
    if (!env || !env->path_kind) return;
    size_t n = mfl_doc_instr_count(ctx->doc);
    for (size_t j = 0; j < n; j++) {
        const mfl_instr_t *dr = mfl_doc_instr(ctx->doc, j);
        if (dr->kind != MFL_INSTR_DRAFT || dr->value_len == 0) continue;
        char dabs[4096], dcan[4096];
        bool dlink = false;
        mfl_path_kind_t dk =
            env->path_kind(env->ud, ctx->opts->base_dir, dr->value_text, dabs, sizeof dabs, &dlink);
        if (dk != MFL_PATH_FILE && dk != MFL_PATH_DIR) continue;
        canonical(env, dabs, dcan, sizeof dcan);
        for (size_t i = 0; i < n; i++) {
            const mfl_instr_t *fr = mfl_doc_instr(ctx->doc, i);
            if (fr->kind != MFL_INSTR_FROM) continue;
            char fabs[4096], fcan[4096];
            bool flink = false;
            /* An empty FROM is the Modelfile's folder. */
            mfl_path_kind_t fk =
                env->path_kind(env->ud, ctx->opts->base_dir, fr->value_len ? fr->value_text : ".",
                               fabs, sizeof fabs, &flink);
            if (fk != MFL_PATH_FILE && fk != MFL_PATH_DIR) continue;
            canonical(env, fabs, fcan, sizeof fcan);
            if (strcmp(fcan, dcan) != 0) continue;
            /* Ollama names the later of the two, as an absolute path. */
            mfl_diag_t *d = mfl_report(
                ctx, dr->value,
                "ollama create fails with \"DRAFT must not reference the same local path as FROM: "
                "<absolute path of `%s`>\": `%s` is the model itself%s; the draft must be a "
                "separate, smaller model",
                j > i ? dr->value_text : fr->value_text, dr->value_text,
                strcmp(fabs, dabs) != 0 ? " (through a symbolic link)" : "");
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
           "Resolves DRAFT and FROM paths relative to the Modelfile's folder, follows symbolic "
           "links as Ollama does (`filepath.EvalSymlinks`), and reports a DRAFT that is the "
           "same file or folder as a FROM.\n\n"
           "## Why is this bad?\n"
           "`ollama create` fails with `DRAFT must not reference the same local path as "
           "FROM: <path>`, also when one of them reaches the other through a symbolic link. "
           "A draft model for speculative decoding must be a separate, smaller model with the "
           "same tokenizer. Ollama 0.23.1 to 0.24.0 refuse any DRAFT (MF012); before 0.30.0 "
           "there is no such check.\n\n"
           "## Example\n```\nFROM ./model.gguf\nDRAFT ./model.gguf\n```\n\n"
           "Use instead:\n```\nFROM ./model.gguf\nDRAFT ./draft-0.5b.gguf\n```\n",
    .check = check,
    .since = MFL_FACT_DRAFT_CREATE,
};

/* SPDX-License-Identifier: MIT */
/* MF211 ignored-from: a FROM that Ollama does not build from. The last model
 * name wins over earlier names, and any model name makes the server ignore
 * the FROM files (which the client still hashes and uploads). */
#include "knowledge/ctx_rules.h"

static void check(mfl_ctx_t *ctx) {
    const mfl_from_t *pick = mfl__ctx_from(ctx);
    if (!pick->last_name || pick->n_names + pick->n_paths < 2) return;
    const mfl_instr_t *name = pick->last_name;
    const mfl_env_t *env = ctx->opts->env;
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_FROM || in == name || !in->has_sep || in->value_len == 0)
            continue;
        char abs[4096];
        bool link = false;
        mfl_path_kind_t k = env && env->path_kind
                                ? env->path_kind(env->ud, ctx->opts->base_dir, in->value_text, abs,
                                                 sizeof abs, &link)
                                : MFL_PATH_FILE;
        if (k == MFL_PATH_MISSING && !mfl_from_is_name(in, env, ctx->opts->base_dir))
            continue; /* a path that is not there: MF202's */
        if (mfl_from_is_name(in, env, ctx->opts->base_dir)) {
            mfl_diag_t *d = mfl_report(ctx, in->value,
                                       "FROM `%s` is replaced by FROM `%s` on line %u: Ollama "
                                       "uses the last model name, so this one is never used; "
                                       "delete it",
                                       in->value_text, name->value_text, (unsigned)name->line + 1);
            mfl_diag_related(ctx, d, name->value, "the model name Ollama uses");
            mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_SAFE, "Delete the unused FROM");
            mfl_fix_edit(ctx, f, mfl_doc_instr_lines(ctx->doc, in), "", 0);
        } else {
            mfl_diag_t *d = mfl_report(
                ctx, in->value,
                "FROM `%s` is ignored: FROM `%s` on line %u names a model, and Ollama then "
                "builds from that model and ignores FROM files (they are still hashed and "
                "uploaded); keep either the name or the files",
                in->value_text, name->value_text, (unsigned)name->line + 1);
            mfl_diag_related(ctx, d, name->value, "the model name Ollama uses");
        }
    }
}

const mfl_rule_t mfl_rule_ignored_from = {
    .code = "MF211",
    .name = "ignored-from",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_SOMETIMES,
    .category = "instruction",
    .summary = "A FROM that Ollama does not build from",
    .doc = "## What it does\n"
           "Applies Ollama's rule for several FROM lines (`parser/parser.go` CreateRequest and "
           "`server/create.go`): a FROM whose path does not exist is a model name and the last "
           "name wins; FROM paths (GGUF files, folders) are merged, and only when no name is "
           "given. It reports each earlier name (the fix deletes it, which changes nothing "
           "Ollama does) and each FROM file when a name is given.\n\n"
           "## Why is this bad?\n"
           "`FROM qwen3-coder:30b` followed by `FROM ./my-finetune.gguf` builds the library "
           "model, not the fine-tune: the server ignores the files once a name is set, after "
           "the client has hashed and uploaded them. Two names are a leftover of an edit: only "
           "the last one counts.\n\n"
           "## Example\n```\nFROM qwen3-coder:30b\nFROM ./my-finetune.gguf\n```\n\n"
           "Use instead:\n```\nFROM ./my-finetune.gguf\n```\n",
    .check = check,
};

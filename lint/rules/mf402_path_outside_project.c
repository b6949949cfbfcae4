/* SPDX-License-Identifier: MIT */
/* MF402 path-outside-project: a relative FROM, ADAPTER or DRAFT path that
 * leaves the Modelfile's folder through `..` or a symlink. */
#include "rule.h"

#include <string.h>

/* True if path is dir or inside it (both absolute and clean). */
static bool is_under(const char *path, const char *dir) {
    size_t n = strlen(dir);
    if (n == 1 && dir[0] == '/') return true;
    return strncmp(path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

static void check(mfl_ctx_t *ctx) {
    const mfl_env_t *env = ctx->opts->env;
    const char *base = ctx->opts->base_dir;
    if (!env || !env->path_kind || !base) return;
    /* The base and its real path are looked up only when a path needs them. */
    char abs_base[4096], real_base[4096];
    int base_ok = 0, real_base_ok = 0; /* 0: not asked yet, 1: yes, -1: no */
    bool link = false;
    MFL_FOREACH_INSTR(ctx, in) {
        if ((in->kind != MFL_INSTR_FROM && in->kind != MFL_INSTR_ADAPTER &&
             in->kind != MFL_INSTR_DRAFT) ||
            in->value_len == 0)
            continue;
        const char *v = in->value_text;
        /* Absolute and home paths say where they go; only relative ones can
         * look local and not be. */
        if (v[0] == '/' || v[0] == '~' || v[0] == '\\' || (v[0] && v[1] == ':')) continue;
        char abs[4096], real[4096];
        mfl_path_kind_t k = env->path_kind(env->ud, base, v, abs, sizeof abs, &link);
        if (k == MFL_PATH_ERROR) continue;
        /* A FROM that does not exist is a model name, not a path. */
        if (in->kind == MFL_INSTR_FROM && k == MFL_PATH_MISSING) continue;
        if (base_ok == 0)
            /* "." resolved against the base gives the base as an absolute, clean path. */
            base_ok =
                env->path_kind(env->ud, base, ".", abs_base, sizeof abs_base, &link) == MFL_PATH_DIR
                    ? 1
                    : -1;
        if (base_ok < 0) return;
        const char *kw = mfl_instr_keyword(in->kind);
        if (!is_under(abs, abs_base)) {
            mfl_report(ctx, in->value,
                       "%s `%s` climbs out of the Modelfile's folder with `..`: ollama create "
                       "would read and upload a file from outside the project",
                       kw, v);
            continue;
        }
        if (k == MFL_PATH_MISSING || !env->real_path) continue;
        if (real_base_ok == 0)
            real_base_ok = env->real_path(env->ud, abs_base, real_base, sizeof real_base) ? 1 : -1;
        if (real_base_ok > 0 && env->real_path(env->ud, abs, real, sizeof real) &&
            !is_under(real, real_base))
            mfl_report(ctx, in->value,
                       "%s `%s` is inside the project but a symlink leads out of it: ollama "
                       "create would read and upload a file from outside the project",
                       kw, v);
    }
}

const mfl_rule_t mfl_rule_path_outside_project = {
    .code = "MF402",
    .name = "path-outside-project",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_NONE,
    .category = "security",
    .summary = "A relative FROM, ADAPTER or DRAFT path that leaves the project",
    .doc = "## What it does\n"
           "Resolves relative FROM, ADAPTER and DRAFT paths against the Modelfile's folder and "
           "reports those that end up outside it, either through `..` segments or through a "
           "symlink (in the path or as the file itself) that points outside. Absolute and `~` "
           "paths are left alone: they say where they go. A FROM that does not exist is a model "
           "name and is not checked.\n\n"
           "## Why is this bad?\n"
           "`ollama create` reads the named file and uploads it to the Ollama server (which may "
           "be remote). A relative path looks like part of the project under review, so "
           "`ADAPTER ../../.aws/credentials` or a committed symlink to `~/.ssh/id_rsa` in a "
           "pull request can make whoever builds the Modelfile send a private file.\n\n"
           "## Example\n```\nFROM ../../../home/me/models/llama.gguf\n```\n\n"
           "Use instead (say where it is, or keep it in the project):\n"
           "```\nFROM /home/me/models/llama.gguf\n```\n",
    .check = check,
};

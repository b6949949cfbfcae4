/* SPDX-License-Identifier: MIT */
/* MF217 empty-model-folder: a FROM, ADAPTER or DRAFT folder in which
 * `ollama create` finds no model file. */
#include "internal.h"

#include <string.h>

/* filepath.Match for the simple patterns filesForModel uses: a prefix, one
 * `*`, a suffix. */
static bool match(const char *name, const char *prefix, const char *suffix) {
    size_t n = strlen(name), p = strlen(prefix), s = strlen(suffix);
    return n >= p + s && memcmp(name, prefix, p) == 0 && memcmp(name + n - s, suffix, s) == 0;
}

static void seen(void *ud, const char *name) {
    static const char *const pats[][2] = {{"model", ".safetensors"},
                                          {"consolidated", ".safetensors"},
                                          {"pytorch_model", ".bin"},
                                          {"consolidated", ".pth"},
                                          {"", ".gguf"},
                                          {"", ".bin"}};
    for (size_t i = 0; i < sizeof pats / sizeof pats[0]; i++)
        if (match(name, pats[i][0], pats[i][1])) *(bool *)ud = true;
}

static void check(mfl_ctx_t *ctx) {
    const mfl_env_t *env = ctx->opts->env;
    if (!env || !env->path_kind || !env->list_dir) return;
    bool drafts = mfl_version_has(mfl_ctx_version(ctx), MFL_FACT_DRAFT_CREATE);
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_FROM && in->kind != MFL_INSTR_ADAPTER &&
            !(in->kind == MFL_INSTR_DRAFT && drafts))
            continue;
        if (!in->has_sep) continue;
        char abs[4096];
        bool link = false;
        /* Ollama expands an empty FROM to the Modelfile's folder. */
        const char *path = in->value_len ? in->value_text : ".";
        if (env->path_kind(env->ud, ctx->opts->base_dir, path, abs, sizeof abs, &link) !=
            MFL_PATH_DIR)
            continue;
        bool model = false;
        if (!env->list_dir(env->ud, abs, seen, &model) || model) continue;
        const char *kw = mfl_instr_keyword(in->kind);
        mfl_report(ctx, in->value_len ? in->value : in->keyword,
                   "ollama create fails with \"" MFL_NO_MODEL_FILES_TEXT "\": %s%s%s "
                   "is a folder with no model*.safetensors, consolidated*.safetensors, "
                   "pytorch_model*.bin, consolidated*.pth, *.gguf or *.bin file%s",
                   kw, in->value_len ? " " : "", in->value_len ? in->value_text : "",
                   in->value_len ? "" : " (an empty value is the Modelfile's own folder)");
    }
}

const mfl_rule_t mfl_rule_empty_model_folder = {
    .code = "MF217",
    .name = "empty-model-folder",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_NONE,
    .category = "path",
    .summary = "A FROM, ADAPTER or DRAFT folder with no model file in it",
    .doc =
        "## What it does\n"
        "Lists every folder that FROM, ADAPTER or DRAFT names (an empty FROM is the "
        "Modelfile's own folder) and looks for the files `ollama create` imports from a "
        "folder: `model*.safetensors`, `consolidated*.safetensors`, `pytorch_model*.bin`, "
        "`consolidated*.pth`, `*.gguf` or `*.bin`. Whether the files found can be imported "
        "is the model rules' business; this rule reports only a folder with none.\n\n"
        "## Why is this bad?\n"
        "The client fails with `no Modelfile or safetensors files found` before anything "
        "is uploaded: the path points at the wrong folder (a parent, a folder of configs "
        "only, an empty download).\n\n"
        "## Example\n```\n# ./weights holds only config.json and README.md\nFROM ./weights\n```\n\n"
        "Use instead: the folder with the model files, or the GGUF file itself.\n",
    .check = check,
    .since = MFL_FACT_JSON_CREATE,
};

/* SPDX-License-Identifier: MIT */
/* MF212 model-folder-not-importable: FROM names a folder Ollama cannot
 * import (no model files, no config.json, an architecture Ollama does not
 * convert): `ollama create` fails with the message quoted. */
#include "knowledge/ctx_rules.h"

#include <string.h>

static void check(mfl_ctx_t *ctx) {
    const mfl_from_t *pick = mfl__ctx_from(ctx);
    if (!pick->from || pick->is_name || pick->kind != MFL_PATH_DIR) return;
    const mfl_model_t *m = mfl_ctx_model(ctx);
    if (!m || !m->import_error[0]) return;
    /* A folder with no model file at all is MF217's (every FROM, ADAPTER and
     * DRAFT folder, gated by the target release): one report per message. */
    if (strcmp(m->import_error, MFL_NO_MODEL_FILES_TEXT) == 0) return;
    mfl_report(ctx, pick->from->value,
               "ollama create fails with \"%s\": `%s` is not a model "
               "folder Ollama can import",
               m->import_error, pick->from->value_text);
}

const mfl_rule_t mfl_rule_model_folder_not_importable = {
    .code = "MF212",
    .name = "model-folder-not-importable",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_NONE,
    .category = "path",
    .summary = "FROM names a folder Ollama cannot import",
    .doc =
        "## What it does\n"
        "For a FROM folder (and no FROM model name, which would win), looks for the files "
        "Ollama's client collects (`model*.safetensors`, `consolidated*.safetensors`, "
        "`pytorch_model*.bin`, `consolidated*.pth`, `*.gguf`, `*.bin`) and reads "
        "`config.json` the way Ollama's converter does. It reports, with Ollama's own "
        "message, weights without `config.json` (`open config.json: no such file or directory`), "
        "a `config.json` that is not JSON or names no architecture, and an architecture "
        "Ollama does not convert (`unsupported architecture \"...\"`; the list is Ollama "
        "v0.33.0-rc2's `convert/convert.go`). A folder with none of the model files "
        "(`no Modelfile or safetensors files found`) is MF217's.\n\n"
        "## Why is this bad?\n"
        "`ollama create` hashes and uploads every file of the folder before the server finds "
        "out that it cannot convert them.\n\n"
        "## Example\n```\n# ./weights holds model.safetensors but no config.json\nFROM "
        "./weights\n```\n\n"
        "Use instead: point FROM at the folder that holds the model's `config.json` and "
        "weights, or at a GGUF file.\n",
    .check = check,
};

/* SPDX-License-Identifier: MIT */
/* MF205 not-gguf: a FROM, ADAPTER or DRAFT file `ollama create` cannot
 * import: named .gguf but not GGUF, or neither GGUF nor named .gguf or
 * .safetensors ("unknown type"). Folders are MF217's and the model
 * knowledge's. */
#include "internal.h"

#include <string.h>

typedef struct {
    const mfl_instr_t *in;
    bool gguf;  /* starts with the GGUF magic */
    bool named; /* named *.gguf or *.safetensors (Ollama compares case-sensitively) */
    bool dot_gguf;
} file_t;

static bool ends_with(const char *s, size_t n, const char *suf) {
    size_t l = strlen(suf);
    return n >= l && memcmp(s + n - l, suf, l) == 0;
}

/* One of Ollama's file sets (the FROM files, the last ADAPTER, the DRAFT
 * files): a .gguf that is not GGUF fails; a set without anything GGUF-like
 * fails with "unknown type". */
static void check_set(mfl_ctx_t *ctx, const file_t *f, size_t n, const char *what) {
    bool typed = false;
    for (size_t i = 0; i < n; i++) typed = typed || f[i].gguf || f[i].named;
    for (size_t i = 0; i < n; i++) {
        const mfl_instr_t *in = f[i].in;
        if (f[i].dot_gguf && !f[i].gguf)
            mfl_report(ctx, in->value,
                       "ollama create fails with \"supplied file was not in GGUF format\": `%s` "
                       "does not start with the GGUF magic (a Git LFS pointer, an HTML page "
                       "saved instead of the download, or a truncated file?)",
                       in->value_text);
        else if (!typed)
            mfl_report(ctx, in->value,
                       "ollama create fails with \"unknown type\" after uploading it: %s `%s` is "
                       "neither a GGUF file nor named .gguf or .safetensors (Ollama imports only "
                       "those; convert the model to GGUF first)",
                       what, in->value_text);
    }
}

static void check(mfl_ctx_t *ctx) {
    const mfl_env_t *env = ctx->opts->env;
    if (!env || !env->path_kind || !env->is_gguf) return;
    mfl_version_t v = mfl_ctx_version(ctx);
    size_t n = mfl_doc_instr_count(ctx->doc);
    file_t *froms = mfl_calloc(n ? n : 1, sizeof *froms),
           *drafts = mfl_calloc(n ? n : 1, sizeof *drafts);
    file_t adapter = {0};
    size_t nf = 0, nd = 0;
    bool from_dir = false, have_adapter = false;
    if (!froms || !drafts) goto done;
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_FROM && in->kind != MFL_INSTR_ADAPTER &&
            in->kind != MFL_INSTR_DRAFT)
            continue;
        char abs[4096];
        bool link = false;
        mfl_path_kind_t k =
            env->path_kind(env->ud, ctx->opts->base_dir, in->value_text, abs, sizeof abs, &link);
        if (in->kind == MFL_INSTR_ADAPTER) have_adapter = false; /* the last ADAPTER counts */
        if (k == MFL_PATH_DIR && in->kind == MFL_INSTR_FROM) from_dir = true;
        if (k != MFL_PATH_FILE) continue;
        const char *base = strrchr(abs, '/');
        base = base ? base + 1 : abs;
        size_t bl = strlen(base);
        file_t f = {in, env->is_gguf(env->ud, abs),
                    ends_with(base, bl, ".gguf") || ends_with(base, bl, ".safetensors"),
                    ends_with(base, bl, ".gguf")};
        if (in->kind == MFL_INSTR_FROM)
            froms[nf++] = f;
        else if (in->kind == MFL_INSTR_DRAFT)
            drafts[nd++] = f;
        else
            adapter = f, have_adapter = true;
    }
    bool cloud = mfl__ctx_from_is_cloud(ctx);
    /* A FROM name makes the server ignore the FROM files (MF3xx says so). */
    if (!mfl__ctx_from_name(ctx)) {
        if (from_dir) {
            /* With a folder the set is the folder's too: only the .gguf check. */
            for (size_t i = 0; i < nf; i++) froms[i].named = true;
        }
        check_set(ctx, froms, nf, "FROM");
    }
    if (have_adapter && !cloud && !mfl_version_has(v, MFL_FACT_ADAPTER_REFUSED))
        check_set(ctx, &adapter, 1, "ADAPTER");
    if (nd && !cloud && mfl_version_has(v, MFL_FACT_DRAFT_CREATE))
        check_set(ctx, drafts, nd, "DRAFT");
done:
    mfl_free(froms);
    mfl_free(drafts);
}

const mfl_rule_t mfl_rule_not_gguf = {
    .code = "MF205",
    .name = "not-gguf",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_NONE,
    .category = "path",
    .summary = "A FROM, ADAPTER or DRAFT file that Ollama cannot import",
    .doc = "## What it does\n"
           "Reads the first four bytes of every existing file that FROM, ADAPTER or DRAFT "
           "names and classifies it as Ollama's create does: a file named `*.gguf` must start "
           "with the `GGUF` magic, and a set of files (the FROM files, the ADAPTER, the DRAFT "
           "files) must hold a GGUF file or a file named `*.gguf` or `*.safetensors` (names are "
           "compared case-sensitively, as Ollama does). FROM files are not checked when a FROM "
           "names a model (the server then ignores them); ADAPTER and DRAFT are not checked "
           "with a cloud FROM (ignored and refused, see MF216 and MF218). Folders are checked "
           "by MF217 and the model rules.\n\n"
           "## Why is this bad?\n"
           "The server rejects a `.gguf` that is not GGUF with `supplied file was not in GGUF "
           "format`, and anything else (a PyTorch `.bin`, a `.pt`, a zip) with `unknown type`, "
           "after the client has hashed and uploaded the whole file. The usual causes are a Git "
           "LFS pointer file (cloned without `git lfs pull`), an HTML error page saved under "
           "the model's name, an interrupted download, or weights that were never converted "
           "to GGUF. Releases before 0.5.5 imported files another way and are not checked.\n\n"
           "## Example\n```\n# model.gguf is a 134-byte Git LFS pointer\nFROM ./model.gguf\n```\n\n"
           "Use instead: fetch the real file (`git lfs pull`) and keep the same FROM.\n",
    .check = check,
    .since = MFL_FACT_JSON_CREATE,
};

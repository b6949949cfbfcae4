/* SPDX-License-Identifier: MIT */
/* The one resolver of the model behind FROM (see mfl_knowledge.h): Ollama
 * takes the last model name; FROM paths count only when there is none. */
#include "mfl_knowledge.h"
#include "internal.h"

#include <string.h>

static bool usable(const mfl_instr_t *in) {
    return in->kind == MFL_INSTR_FROM && in->has_sep && in->value_text && in->value_len > 0;
}

static mfl_path_kind_t kind_of(const mfl_instr_t *in, const mfl_env_t *env, const char *base_dir) {
    if (env && env->path_kind) {
        char abs[4096];
        bool link = false;
        return env->path_kind(env->ud, base_dir, in->value_text, abs, sizeof abs, &link);
    }
    return mfl__from_looks_like_path(in->value_text, in->value_len) ? MFL_PATH_FILE
                                                                    : MFL_PATH_MISSING;
}

/* A value that looks like a path but does not exist is, for Ollama, a name
 * that fails to parse or pull ("invalid model name"): MF202 reports it. It
 * is treated here as a missing path, so that it neither wins over a real
 * name nor makes the files next to it look ignored. */
static bool is_name_kind(const mfl_instr_t *in, mfl_path_kind_t k) {
    /* A value that cannot be stat'ed (not only a missing one: a WebAssembly
     * page has no folder to look in) is a name unless it looks like a path:
     * Ollama's expansion errors come from paths ("~user/x"). */
    return (k == MFL_PATH_MISSING || k == MFL_PATH_ERROR) &&
           !mfl__from_looks_like_path(in->value_text, in->value_len);
}

bool mfl_from_is_name(const mfl_instr_t *in, const mfl_env_t *env, const char *base_dir) {
    return usable(in) && is_name_kind(in, kind_of(in, env, base_dir));
}

void mfl_from_pick(const mfl_doc_t *doc, const mfl_env_t *env, const char *base_dir,
                   mfl_from_t *out) {
    memset(out, 0, sizeof *out);
    mfl_path_kind_t first_path_kind = MFL_PATH_MISSING;
    for (size_t i = 0; i < mfl_doc_instr_count(doc); i++) {
        const mfl_instr_t *in = mfl_doc_instr(doc, i);
        if (!usable(in)) continue;
        mfl_path_kind_t k = kind_of(in, env, base_dir);
        if (k == MFL_PATH_ERROR && !is_name_kind(in, k))
            continue; /* Ollama stops with the expansion error: no model */
        if (is_name_kind(in, k)) {
            out->last_name = in;
            out->n_names++;
        } else {
            if (!out->first_path) {
                out->first_path = in;
                first_path_kind = k;
            }
            out->n_paths++;
        }
    }
    if (out->last_name) {
        out->from = out->last_name;
        out->is_name = true;
        out->kind = MFL_PATH_MISSING;
    } else if (out->first_path) {
        out->from = out->first_path;
        out->kind = first_path_kind;
    }
}

bool mfl_from_resolve(const mfl_doc_t *doc, const mfl_env_t *env, const char *base_dir,
                      mfl_from_t *from, mfl_model_t *model) {
    mfl_from_t local;
    if (!from) from = &local;
    mfl_from_pick(doc, env, base_dir, from);
    mfl_model_init(model);
    if (!from->from || !env || !env->resolve_model) return false;
    /* A name is looked up as a name, whatever a stat of it said. */
    if (from->is_name && env->resolve_model_at) {
        if (env->resolve_model_at(env->ud, base_dir, from->from->value_text, MFL_PATH_MISSING,
                                  from->from->value_text, model))
            return true;
    } else if (env->resolve_model(env->ud, base_dir, from->from->value_text, model)) {
        return true;
    }
    mfl_model_init(model);
    return false;
}

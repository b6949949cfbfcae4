/* SPDX-License-Identifier: MIT */
/* `modelfile-lint info FILE...`: the context arithmetic for the model behind
 * each FILE's FROM (the same text the language server shows on hover). The
 * budget options are the linter's (options.def), applied the same way over
 * the file's config, so both compute the same memory. */
#include "cli.h"
#include "mfl_io_env.h"
#include "mfl_knowledge.h"
#include "mfl_os.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* A number, or null when the figure is unknown (0 means unset). */
static json_t *num_or_null(double v) { return v > 0 ? json_real(v) : json_null(); }
static json_t *int_or_null(uint64_t v) { return v > 0 ? json_integer((json_int_t)v) : json_null(); }

static json_t *info_json(const char *path, const mfl_instr_t *from, const mfl_model_t *m,
                         const mfl_info_t *info, const char *target) {
    bool budget = info->budget > 0;
    json_t *j = json_pack(
        "{s:s,s:s,s:s,s:s,s:s,s:I,s:I,s:I,s:s,s:b,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,"
        "s:o,s:o}",
        "file", path, "from", from->value_text, "model", m->name, "arch", m->arch, "source",
        m->source_detail, "native_ctx", (json_int_t)info->native_ctx, "num_ctx",
        (json_int_t)info->num_ctx, "used_ctx", (json_int_t)info->used_ctx, "num_ctx_source",
        mfl_ctx_source_name(info->ctx_source), "clamped", info->clamped, "weights_bytes",
        int_or_null(info->has_mem ? info->mem.weights : 0), "kv_bytes_per_token",
        int_or_null(info->has_mem ? info->mem.kv_per_token : 0), "kv_bytes",
        int_or_null(info->has_mem ? info->mem.kv_bytes : 0), "total_bytes",
        int_or_null(info->has_mem ? info->mem.total : 0), "budget_bytes", int_or_null(info->budget),
        "fits", budget && info->has_mem ? json_boolean(info->fits) : json_null(), "max_fit_ctx",
        budget ? int_or_null(info->max_fit_ctx) : json_null(), "decode_tps_upper_bound",
        num_or_null(info->decode_tps_empty), "decode_tps_full_upper_bound",
        num_or_null(info->decode_tps_full), "prefill_seconds", num_or_null(info->prefill_seconds));
    if (!j) return NULL;
    json_object_set_new(j, "confidence",
                        json_string(m->confidence == MFL_CONF_EXACT ? "exact" : "assumed"));
    if (m->confidence != MFL_CONF_EXACT) json_object_set_new(j, "assumed", json_string(m->assumed));
    if (m->weights_note[0]) json_object_set_new(j, "weights_note", json_string(m->weights_note));
    if (m->checked[0]) json_object_set_new(j, "checked", json_string(m->checked));
    json_object_set_new(j, "ollama_version", json_string(target));
    return j;
}

/* One file: 0, 1 (no FROM, unknown model, bad num_ctx) or 2 (I/O, config).
 * *out gets the JSON object for --format json. */
static int info_one(const cli_opts_t *o, const char *path, bool json, bool header, json_t **out) {
    char err[1024], *src;
    size_t len;
    if (mfl_io_read_file(path, CLI_MAX_FILE, &src, &len, err, sizeof err)) {
        fprintf(stderr, "modelfile-lint: %s\n", err);
        return 2;
    }
    /* Settings from the file's config apply, options win. */
    char cfgpath[4096], dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = (char *)mfl_os_last_sep(dir);
    if (slash)
        *slash = '\0';
    else
        strcpy(dir, ".");
    mfl_budget_t b;
    memset(&b, 0, sizeof b);
    mfl_version_t from_config = 0;
    mfl_io_config_t *cfg = NULL;
    if (!o->no_config && mfl_io_config_find(dir, cfgpath, sizeof cfgpath) == 0) {
        cfg = mfl_io_config_load(cfgpath, err, sizeof err);
        if (!cfg) {
            fprintf(stderr, "modelfile-lint: %s\n", err);
            mfl_free(src);
            return 2;
        }
        b = *mfl_config_budget_const(mfl_io_config_core(cfg));
        from_config = mfl_config_ollama_version(mfl_io_config_core(cfg));
    }
    cli_budget_apply(&o->budget, &b);
    mfl_version_t target = cli_target_version(&o->budget, from_config);
    char target_text[32];
    mfl_version_format(target, target_text, sizeof target_text);
    mfl_doc_t *doc = mfl_doc_new(src, len);
    mfl_io_env_t *env = mfl_io_env_new();
    int status = 0;
    if (!doc || !env) {
        fprintf(stderr, "modelfile-lint: out of memory\n");
        status = 2;
        goto done;
    }
    if (o->ollama_models) mfl_io_env_set_store_dir(env, o->ollama_models);
    if (cfg && mfl_io_config_models(cfg))
        mfl_io_env_add_models_json(env, mfl_io_config_models(cfg), err, sizeof err);
    /* The FROM Ollama builds from and its model, as the rules see them. */
    mfl_from_t pick;
    mfl_model_t m;
    const mfl_env_t *e = mfl_io_env_get(env);
    bool found = mfl_from_resolve(doc, e, dir, &pick, &m);
    if (found) mfl_model_for_target(&m, target);
    const mfl_instr_t *from = pick.from;
    if (!from) {
        fprintf(stderr, "modelfile-lint: %s: no FROM instruction\n", path);
        status = 1;
        goto done;
    }
    if (header && !json) printf("%s%s:\n", *out ? "\n" : "", path);
    char *cloud = (!found || m.confidence == MFL_CONF_UNKNOWN)
                      ? mfl_info_cloud_text(&pick, target, false)
                      : NULL;
    if (cloud) {
        /* Not an unknown model: a remote one, with nothing local to compute. */
        cloud[strcspn(cloud, "\n")] = '\0';
        if (json)
            *out = json_pack("{s:s,s:s,s:b,s:s,s:s}", "file", path, "from", from->value_text,
                             "cloud", 1, "note", cloud, "ollama_version", target_text);
        else
            printf("FROM %s\nOllama target: %s\n", cloud, target_text);
        mfl_free(cloud);
        if (json && !*out) status = 2;
        goto done;
    }
    if (!found || m.confidence == MFL_CONF_UNKNOWN) {
        if (json)
            *out = json_pack("{s:s,s:n,s:s,s:s}", "file", path, "model", "from", from->value_text,
                             "error", found ? m.assumed : "unknown model");
        else if (found)
            printf("FROM %s: %s; no figures.\n", from->value_text, m.assumed);
        else
            printf("FROM %s: unknown model (not a local GGUF, not in the Ollama store at the "
                   "configured location, not in the built-in data); no figures.\n",
                   from->value_text);
        status = 1;
        goto done;
    }
    /* The effective num_ctx and its source, by the same precedence the rules use. */
    uint64_t num_ctx = 0;
    mfl_ctx_source_t src_kind = MFL_CTX_SRC_DEFAULT;
    if (!mfl_doc_effective_ctx(doc, &m, &b, target, &num_ctx, &src_kind)) {
        fprintf(stderr, "modelfile-lint: %s: PARAMETER num_ctx is not a positive integer\n", path);
        status = 1;
        goto done;
    }
    mfl_info_t info;
    if (mfl_info_compute(&m, num_ctx, src_kind, &b, &info)) {
        status = 2;
        goto done;
    }
    if (json) {
        *out = info_json(path, from, &m, &info, target_text);
    } else {
        char *t = mfl_info_format(&info, false);
        fputs(t ? t : "", stdout);
        printf("Ollama target: %s\n", target_text);
        mfl_free(t);
        *out = json_true(); /* printed: a blank line before the next header */
    }
done:
    mfl_io_env_free(env);
    mfl_doc_free(doc);
    mfl_io_config_free(cfg);
    mfl_free(src);
    return status;
}

int cli_info_main(int argc, char **argv) {
    cli_opts_t o;
    memset(&o, 0, sizeof o);
    int first, rc = cli_parse_args(argc, argv, INFO, &o, &first);
    if (rc) return rc;
    if (o.help) {
        cli_print_help(stdout, INFO);
        return 0;
    }
    const char *format = o.format_name ? o.format_name : "text";
    bool json = strcmp(format, "json") == 0;
    if (!json && strcmp(format, "text") && strcmp(format, "full")) {
        fprintf(stderr, "modelfile-lint info: --format: expected text or json\n");
        return 2;
    }
    if (first >= argc) {
        fprintf(stderr,
                "modelfile-lint info: no file (usage: modelfile-lint info [OPTIONS] FILE...)\n");
        return 2;
    }
    /* Every file is reported; the exit status is the worst. */
    int status = 0, n = argc - first;
    json_t *arr = json ? json_array() : NULL, *prev = NULL;
    for (int i = first; i < argc; i++) {
        json_t *one = NULL;
        if (!json) one = prev; /* tells info_one whether something was printed */
        int s = info_one(&o, argv[i], json, n > 1, &one);
        if (json && one) json_array_append_new(arr, one);
        if (!json && one) prev = one;
        if (s > status) status = s;
    }
    if (json) {
        json_t *doc = n == 1 ? json_array_get(arr, 0) : arr;
        if (doc) {
            json_dumpf(doc, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
            fputc('\n', stdout);
        }
        json_decref(arr);
    }
    cli_opts_cleanup(&o);
    return status;
}

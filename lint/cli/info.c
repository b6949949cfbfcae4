/* SPDX-License-Identifier: MIT */
/* `modelfile-lint info FILE`: the context arithmetic for the model behind
 * FROM (the same text the language server shows on hover). */
#include "cli.h"
#include "mfl_io_env.h"
#include "mfl_knowledge.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

int cli_info_main(int argc, char **argv) {
    const char *format = "text", *path = NULL, *models = NULL;
    mfl_version_t target = 0;
    mfl_budget_t b;
    memset(&b, 0, sizeof b);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--format") && v) format = argv[++i];
        else if (!strcmp(a, "--memory") && v) {
            char e[256];
            if (mfl_size_parse(argv[++i], &b.memory_budget, e, sizeof e)) {
                fprintf(stderr, "modelfile-lint info: --memory: %s\n", e);
                return 2;
            }
        } else if (!strcmp(a, "--hardware") && v) {
            if (mfl_io_apply_hardware(&b, argv[++i])) {
                fprintf(stderr, "modelfile-lint info: unknown hardware '%s'\n", argv[i]);
                return 2;
            }
        } else if (!strcmp(a, "--prefill-rate") && v) b.prefill_rate = atof(argv[++i]);
        else if (!strcmp(a, "--client-timeout") && v) b.client_timeout = atof(argv[++i]);
        else if (!strcmp(a, "--kv-cache-type") && v) snprintf(b.kv_cache_type, sizeof b.kv_cache_type, "%s", argv[++i]);
        else if (!strcmp(a, "--num-parallel") && v) b.num_parallel = (uint32_t)atoi(argv[++i]);
        else if (!strcmp(a, "--ollama-models") && v) models = argv[++i];
        else if (!strcmp(a, "--ollama-version") && v) {
            const char *why;
            if (mfl_version_parse(argv[i + 1], strlen(argv[i + 1]), &target, &why)) {
                fprintf(stderr, "modelfile-lint info: --ollama-version: '%s': %s\n", argv[i + 1], why);
                return 2;
            }
            i++;
        }
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "usage: modelfile-lint info [--format text|json] [--memory SIZE] "
                            "[--hardware NAME] [--prefill-rate N] [--client-timeout SEC] "
                            "[--kv-cache-type T] [--num-parallel N] [--ollama-models DIR] "
                            "[--ollama-version X.Y.Z] FILE\n");
            return 2;
        } else path = a;
    }
    if (!path) {
        fprintf(stderr, "usage: modelfile-lint info [OPTIONS] FILE\n");
        return 2;
    }
    char err[1024], *src;
    size_t len;
    if (mfl_io_read_file(path, CLI_MAX_FILE, &src, &len, err, sizeof err)) {
        fprintf(stderr, "modelfile-lint: %s\n", err);
        return 2;
    }
    /* Settings from the file's config apply, flags win. */
    char cfgpath[4096], dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash) *slash = '\0';
    else strcpy(dir, ".");
    mfl_io_config_t *cfg = NULL;
    if (mfl_io_config_find(dir, cfgpath, sizeof cfgpath)) {
        cfg = mfl_io_config_load(cfgpath, err, sizeof err);
        if (!cfg) {
            fprintf(stderr, "modelfile-lint: %s\n", err);
            mfl_free(src);
            return 2;
        }
        const mfl_budget_t *cb = mfl_config_budget_const(mfl_io_config_core(cfg));
        if (!b.memory_budget) {
            b.memory_budget = cb->memory_budget;
            if (!b.runtime_reserve) b.runtime_reserve = cb->runtime_reserve;
        }
        if (!b.bandwidth) b.bandwidth = cb->bandwidth;
        if (!b.prefill_rate) b.prefill_rate = cb->prefill_rate;
        if (!b.client_timeout) b.client_timeout = cb->client_timeout;
        if (!b.num_parallel) b.num_parallel = cb->num_parallel;
        if (!b.kv_cache_type[0]) memcpy(b.kv_cache_type, cb->kv_cache_type, sizeof b.kv_cache_type);
        if (!b.server_default_ctx) b.server_default_ctx = cb->server_default_ctx;
        if (!target) target = mfl_config_ollama_version(mfl_io_config_core(cfg));
    }
    if (!target) target = mfl_version_default();
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
    if (models) mfl_io_env_set_store_dir(env, models);
    if (cfg && mfl_io_config_models(cfg)) mfl_io_env_add_models_json(env, mfl_io_config_models(cfg), err, sizeof err);
    /* The FROM Ollama builds from and its model, as the rules see them. */
    mfl_from_t pick;
    mfl_model_t m;
    const mfl_env_t *e = mfl_io_env_get(env);
    bool found = mfl_from_resolve(doc, e, dir, &pick, &m);
    const mfl_instr_t *from = pick.from;
    if (!from) {
        fprintf(stderr, "modelfile-lint: %s: no FROM instruction\n", path);
        status = 1;
        goto done;
    }
    if (!found || m.confidence == MFL_CONF_UNKNOWN) {
        if (!strcmp(format, "json")) {
            json_t *j = json_pack("{s:n,s:s,s:s}", "model", "from", from->value_text, "error",
                                  found ? m.assumed : "unknown model");
            json_dumpf(j, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
            fputc('\n', stdout);
            json_decref(j);
        } else if (found) {
            printf("FROM %s: %s; no figures.\n", from->value_text, m.assumed);
        } else {
            printf("FROM %s: unknown model (not a local GGUF, not in the Ollama store at the "
                   "configured location, not in the built-in data); no figures.\n",
                   from->value_text);
        }
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
    if (!strcmp(format, "json")) {
        json_t *j = json_pack(
            "{s:s,s:s,s:s,s:s,s:I,s:I,s:I,s:s,s:b,s:I,s:I,s:I,s:I,s:I,s:b,s:I,s:f,s:f,s:f}",
            "from", from->value_text, "model", m.name, "arch", m.arch, "source",
            m.source_detail, "native_ctx", (json_int_t)info.native_ctx, "num_ctx",
            (json_int_t)info.num_ctx, "used_ctx", (json_int_t)info.used_ctx, "num_ctx_source",
            mfl_ctx_source_name(info.ctx_source), "clamped", info.clamped, "weights_bytes",
            (json_int_t)info.mem.weights, "kv_bytes_per_token", (json_int_t)info.mem.kv_per_token,
            "kv_bytes", (json_int_t)info.mem.kv_bytes, "total_bytes", (json_int_t)info.mem.total,
            "budget_bytes", (json_int_t)info.budget, "fits", info.fits, "max_fit_ctx",
            (json_int_t)info.max_fit_ctx, "decode_tps_upper_bound", info.decode_tps_empty,
            "decode_tps_full_upper_bound", info.decode_tps_full, "prefill_seconds",
            info.prefill_seconds);
        json_object_set_new(j, "confidence", json_string(m.confidence == MFL_CONF_EXACT ? "exact" : "assumed"));
        if (m.confidence != MFL_CONF_EXACT) json_object_set_new(j, "assumed", json_string(m.assumed));
        if (m.weights_note[0]) json_object_set_new(j, "weights_note", json_string(m.weights_note));
        if (m.checked[0]) json_object_set_new(j, "checked", json_string(m.checked));
        json_object_set_new(j, "ollama_version", json_string(target_text));
        json_dumpf(j, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        fputc('\n', stdout);
        json_decref(j);
    } else {
        char *t = mfl_info_format(&info, false);
        fputs(t ? t : "", stdout);
        printf("Ollama target: %s\n", target_text);
        mfl_free(t);
    }
done:
    mfl_io_env_free(env);
    mfl_doc_free(doc);
    mfl_io_config_free(cfg);
    mfl_free(src);
    return status;
}

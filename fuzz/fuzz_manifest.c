/* SPDX-License-Identifier: MIT */
/* Fuzz target: the JSON readers of lint/io on any bytes: the Ollama
 * manifest and params layer (mfl_io_parse_manifest, mfl_io_parse_params),
 * and the config file with its "models" section (mfl_io_config_parse,
 * mfl_io_env_add_models_json). Checks that a parse that fails leaves
 * nothing allocated, that digests are NUL-terminated copies, and that
 * parsing is deterministic. */
#include "fuzz.h"

#include "mfl.h"
#include "mfl_io.h"
#include "mfl_io_env.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > (1u << 20)) return 0;
    const char *json = (const char *)data;
    char err[256];

    mfl_io_manifest_t a, b;
    int ra = mfl_io_parse_manifest(json, size, &a, err, sizeof err);
    FUZZ_CHECK(memchr(err, '\0', sizeof err) != NULL, "unterminated error");
    if (ra == 0) {
        FUZZ_CHECK(a.model_digest == NULL || a.has_model, "digest without a model layer");
        int rb = mfl_io_parse_manifest(json, size, &b, err, sizeof err);
        FUZZ_CHECK(rb == 0 && a.has_model == b.has_model && a.extra_bytes == b.extra_bytes &&
                       (a.model_digest == NULL) == (b.model_digest == NULL) &&
                       (a.model_digest == NULL || strcmp(a.model_digest, b.model_digest) == 0),
                   "manifest parse is not deterministic");
        mfl_io_manifest_cleanup(&b);
        mfl_io_manifest_cleanup(&a);
    } else {
        FUZZ_CHECK(ra == MFL_EINVAL || ra == MFL_ENOMEM, "rc %d", ra);
        FUZZ_CHECK(a.model_digest == NULL && a.params_digest == NULL, "leaked digest on error");
    }

    int64_t ctx = 0;
    (void)mfl_io_parse_params(json, size, &ctx);

    mfl_io_config_t *cfg = mfl_io_config_parse(json, size, "fuzz.json", err, sizeof err);
    if (cfg) {
        json_t *models = mfl_io_config_models(cfg);
        if (models) {
            mfl_io_env_t *env = mfl_io_env_new();
            FUZZ_CHECK(env != NULL, "env");
            (void)mfl_io_env_add_models_json(env, models, err, sizeof err);
            mfl_io_env_free(env);
        }
        mfl_config_t *core = mfl_config_clone(mfl_io_config_core(cfg));
        if (core) {
            (void)mfl_io_config_for_path(cfg, "a/b/Modelfile", core);
            mfl_config_free(core);
        }
        mfl_io_config_free(cfg);
    } else {
        FUZZ_CHECK(memchr(err, '\0', sizeof err) != NULL, "unterminated config error");
    }
    return 0;
}

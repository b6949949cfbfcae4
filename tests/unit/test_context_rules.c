/* SPDX-License-Identifier: MIT */
/* The MF3xx context rules end to end: mfl_lint and mfl_fix_all with the real
 * lint/io environment, a throwaway Ollama store and generated GGUF files. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gguf_builder.h"
#include "mfl.h"
#include "mfl_io_env.h"
#include "mfl_knowledge.h"
#include "test_util.h"

#define HEX_MODEL "1111111111111111111111111111111111111111111111111111111111111111"
#define HEX_PARAMS "2222222222222222222222222222222222222222222222222222222222222222"

static char tmp[PATH_MAX];
static char store[PATH_MAX + 16];
static char work[PATH_MAX + 16];

static int setup(void **state) {
    (void)state;
    snprintf(tmp, sizeof tmp, "/tmp/mfl_ctx_XXXXXX");
    assert_non_null(test_mkdtemp(tmp));
    snprintf(store, sizeof store, "%s/models", tmp);
    snprintf(work, sizeof work, "%s/work", tmp);
    test_mkdirs(work);
    char path[PATH_MAX * 2];
    snprintf(path, sizeof path, "%s/blobs", store);
    test_mkdirs(path);
    gguf_builder_t *b = gb_qwen3_coder_30b();
    snprintf(path, sizeof path, "%s/blobs/sha256-%s", store, HEX_MODEL);
    assert_int_equal(gb_write_file(b, path), 0);
    /* Local GGUF files: a good one, a truncated one, a corrupt one. */
    snprintf(path, sizeof path, "%s/good.gguf", work);
    assert_int_equal(gb_write_file(b, path), 0);
    size_t len;
    const uint8_t *p = gb_data(b, &len);
    snprintf(path, sizeof path, "%s/truncated.gguf", work);
    FILE *f = fopen(path, "wb");
    fwrite(p, 1, len / 2, f);
    fclose(f);
    gb_free(b);
    b = gb_new(3, false);
    gb_set_kv_count(b, 1ull << 62);
    snprintf(path, sizeof path, "%s/corrupt.gguf", work);
    assert_int_equal(gb_write_file(b, path), 0);
    gb_free(b);

    snprintf(path, sizeof path, "%s/blobs/sha256-%s", store, HEX_PARAMS);
    test_write_text(path, "{\"num_ctx\":131072}");
    snprintf(path, sizeof path, "%s/manifests/registry.ollama.ai/library/v-128k", store);
    test_mkdirs(path);
    strcat(path, "/latest");
    test_write_text(path, "{\"schemaVersion\":2,\"layers\":["
                     "{\"mediaType\":\"application/vnd.ollama.image.model\",\"digest\":\"sha256:" HEX_MODEL "\",\"size\":1},"
                     "{\"mediaType\":\"application/vnd.ollama.image.params\",\"digest\":\"sha256:" HEX_PARAMS "\",\"size\":18}]}");
    return 0;
}

static int teardown(void **state) {
    (void)state;
    char cmd[PATH_MAX + 32];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    return system(cmd) == 0 ? 0 : -1;
}

typedef struct {
    mfl_io_env_t *env;
    mfl_config_t *cfg;
    mfl_lint_opts_t opts;
} fixture_t;

static void fixture_init(fixture_t *fx, const char *path) {
    fx->env = mfl_io_env_new();
    assert_non_null(fx->env);
    assert_int_equal(mfl_io_env_set_store_dir(fx->env, store), 0);
    fx->cfg = mfl_config_new();
    assert_non_null(fx->cfg);
    fx->opts.path = path;
    fx->opts.base_dir = work;
    fx->opts.config = fx->cfg;
    fx->opts.env = mfl_io_env_get(fx->env);
}

static void fixture_cleanup(fixture_t *fx) {
    mfl_config_free(fx->cfg);
    mfl_io_env_free(fx->env);
}

static mfl_result_t *lint(const fixture_t *fx, const char *text) {
    mfl_doc_t *doc = mfl_doc_new(text, strlen(text));
    assert_non_null(doc);
    mfl_result_t *res = NULL;
    assert_int_equal(mfl_lint(doc, &fx->opts, &res), 0);
    mfl_doc_free(doc);
    return res;
}

/* The only MF3xx diagnostic of `code` (asserts there is exactly one). */
static const mfl_diag_t *only(const mfl_result_t *res, const char *code) {
    const mfl_diag_t *found = NULL;
    size_t n = 0;
    for (size_t i = 0; i < res->n_diags; i++) {
        if (strcmp(res->diags[i].rule->code, code) == 0) {
            found = &res->diags[i];
            n++;
        }
    }
    if (n != 1) {
        for (size_t i = 0; i < res->n_diags; i++)
            fprintf(stderr, "  %s %s\n", res->diags[i].rule->code, res->diags[i].message);
    }
    assert_int_equal(n, 1);
    return found;
}

static size_t count_mf3(const mfl_result_t *res) {
    size_t n = 0;
    for (size_t i = 0; i < res->n_diags; i++)
        n += strncmp(res->diags[i].rule->code, "MF3", 3) == 0;
    return n;
}

static char *fix_all(const fixture_t *fx, const char *text, bool unsafe) {
    mfl_fix_opts_t fo = {0};
    fo.unsafe = unsafe;
    mfl_fix_report_t rep;
    char *out = NULL;
    size_t out_len;
    assert_int_equal(mfl_fix_all(text, strlen(text), &fx->opts, &fo, &out, &out_len, &rep), 0);
    return out;
}

static void slice_is(const char *text, mfl_range_t r, const char *want) {
    assert_true(r.end >= r.start);
    assert_int_equal(r.end - r.start, strlen(want));
    assert_memory_equal(text + r.start, want, strlen(want));
}

#define STORY "FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n"

static void test_story_is_reported_and_fixed_to_native(void **state) {
    (void)state;
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile.v-128k");
    mfl_result_t *res = lint(&fx, STORY);
    const mfl_diag_t *d = only(res, "MF301");
    assert_int_equal(d->severity, MFL_SEVERITY_WARNING);
    slice_is(STORY, d->range, "131072");
    assert_non_null(strstr(d->message, "262,144"));
    assert_non_null(d->fix);
    assert_int_equal(d->fix->applicability, MFL_FIX_SAFE);
    assert_int_equal(count_mf3(res), 1); /* the label agrees with 131072 so far */
    mfl_result_free(res);

    char *fixed = fix_all(&fx, STORY, false);
    assert_string_equal(fixed, "FROM qwen3-coder:30b\nPARAMETER num_ctx 262144\n");
    /* Now the name `v-128k` lies: MF305 points at it. */
    res = lint(&fx, fixed);
    d = only(res, "MF305");
    assert_int_equal(d->severity, MFL_SEVERITY_ERROR);
    assert_non_null(strstr(d->message, "Modelfile.v-128k"));
    assert_non_null(strstr(d->message, "262144"));
    assert_int_equal(count_mf3(res), 1);
    mfl_result_free(res);
    fixture_cleanup(&fx);

    /* Under a neutral name the fixed file is clean. */
    fixture_init(&fx, "Modelfile");
    res = lint(&fx, fixed);
    assert_int_equal(res->n_diags, 0);
    mfl_result_free(res);
    mfl_free(fixed);
    fixture_cleanup(&fx);
}

static void test_story_from_store_model_with_inherited_cap(void **state) {
    (void)state;
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile");
    const char *text = "FROM v-128k\nSYSTEM You review code.\n";
    mfl_result_t *res = lint(&fx, text);
    const mfl_diag_t *d = only(res, "MF303");
    slice_is(text, d->range, "v-128k");
    assert_non_null(strstr(d->message, "131072"));
    assert_int_equal(count_mf3(res), 1);
    mfl_result_free(res);
    char *fixed = fix_all(&fx, text, false);
    assert_string_equal(fixed, "FROM v-128k\nPARAMETER num_ctx 262144\nSYSTEM You review code.\n");
    res = lint(&fx, fixed);
    assert_int_equal(count_mf3(res), 0);
    mfl_result_free(res);
    mfl_free(fixed);

    /* Without a trailing newline the parameter still lands on its own line. */
    fixed = fix_all(&fx, "FROM v-128k", false);
    assert_string_equal(fixed, "FROM v-128k\nPARAMETER num_ctx 262144");
    mfl_free(fixed);

    /* An explicit value in the file wins over the inherited one. */
    res = lint(&fx, "FROM v-128k\nPARAMETER num_ctx 262144\n");
    assert_int_equal(count_mf3(res), 0);
    mfl_result_free(res);
    fixture_cleanup(&fx);
}

static void check_label(const char *path, const char *text, const char *label) {
    fixture_t fx = {0};
    fixture_init(&fx, path);
    mfl_result_t *res = lint(&fx, text);
    const mfl_diag_t *d = only(res, "MF305");
    assert_int_equal(d->severity, MFL_SEVERITY_ERROR);
    assert_non_null(strstr(d->message, label));
    assert_non_null(strstr(d->message, "num_ctx is"));
    if (strstr(text, label)) {
        assert_int_equal(d->n_related, 1);
        slice_is(text, d->related[0].range, label);
    }
    mfl_result_free(res);
    fixture_cleanup(&fx);
}

static void test_label_contradictions_in_each_place(void **state) {
    (void)state;
    /* FROM tag. */
    check_label("Modelfile", "FROM qwen3-coder:30b-262k\nPARAMETER num_ctx 131072\n", "262k");
    /* File names. */
    check_label("dir/coder-256k.modelfile", STORY, "coder-256k.modelfile");
    check_label("Modelfile.v-64k", "FROM qwen3-coder:30b\nPARAMETER num_ctx 262144\n", "v-64k");
    /* `ollama create` comment. */
    check_label("Modelfile", "# ollama create coder-32k -f Modelfile\n" STORY, "32k");
    /* `ollama show` header. */
    check_label("Modelfile",
                "# Modelfile generated by \"ollama show\"\n"
                "# To build a new Modelfile based on this, replace FROM with:\n"
                "# FROM coder:30b-200k\n\n" STORY,
                "200k");
    /* A comment beside num_ctx. */
    check_label("Modelfile", "FROM qwen3-coder:30b\n# 256K context\nPARAMETER num_ctx 131072\n",
                "256K");
    check_label("Modelfile", "FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n# ctx8192\n",
                "ctx8192");

    /* Labels that agree, or that are not labels at all, are quiet. */
    fixture_t fx = {0};
    fixture_init(&fx, "qwen3-coder-30b-a3b-q4_K_M-256k.Modelfile");
    mfl_result_t *res = lint(&fx, "# ollama create coder-262k\n"
                                  "FROM qwen3-coder:30b-a3b-q4_K_M\n"
                                  "# 256k context, 8x7b a3b v2.5\n"
                                  "PARAMETER num_ctx 262144\n"
                                  "SYSTEM hi\n"
                                  "# unrelated 4k comment far away\n");
    assert_int_equal(count_mf3(res), 0);
    mfl_result_free(res);
    fixture_cleanup(&fx);
}

static void test_clean_file_stays_clean(void **state) {
    (void)state;
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile");
    const char *text = "FROM qwen3-coder:30b\nPARAMETER num_ctx 262144\nPARAMETER temperature 0.7\n";
    mfl_result_t *res = lint(&fx, text);
    assert_int_equal(res->n_diags, 0);
    mfl_result_free(res);
    char *fixed = fix_all(&fx, text, true);
    assert_string_equal(fixed, text);
    mfl_free(fixed);
    /* A local GGUF file is read for its native context. */
    res = lint(&fx, "FROM ./good.gguf\nPARAMETER num_ctx 262144\n");
    assert_int_equal(count_mf3(res), 0);
    mfl_result_free(res);
    res = lint(&fx, "FROM good.gguf\nPARAMETER num_ctx 65536\n");
    assert_non_null(strstr(only(res, "MF301")->message, "GGUF"));
    mfl_result_free(res);
    fixture_cleanup(&fx);
}

static void test_budget_too_small_for_native(void **state) {
    (void)state;
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile");
    mfl_budget_t *b = mfl_config_budget(fx.cfg);
    mfl_hw_apply(mfl_hw_find("mac-m4-max-48"), b); /* 36 GB usable */
    mfl_model_t m;
    assert_true(mfl_table_lookup("qwen3-coder:30b", 15, &m));
    uint64_t fit = mfl_mem_max_ctx(&m, b);
    assert_true(fit > 131072 && fit < 262144);
    char want[128];

    const char *text = "FROM qwen3-coder:30b\nPARAMETER num_ctx 262144\n";
    mfl_result_t *res = lint(&fx, text);
    const mfl_diag_t *d = only(res, "MF306");
    assert_int_equal(d->severity, MFL_SEVERITY_ERROR);
    assert_non_null(strstr(d->message, "24.00 GiB"));
    assert_non_null(strstr(d->message, "mac-m4-max-48"));
    assert_non_null(d->fix);
    assert_int_equal(d->fix->applicability, MFL_FIX_UNSAFE);
    assert_int_equal(count_mf3(res), 1);
    mfl_result_free(res);
    char *fixed = fix_all(&fx, text, true);
    snprintf(want, sizeof want, "FROM qwen3-coder:30b\nPARAMETER num_ctx %llu\n", (unsigned long long)fit);
    assert_string_equal(fixed, want);
    mfl_free(fixed);

    /* Below native: the fix raises to the largest fit, not to native. */
    fixed = fix_all(&fx, STORY, false);
    assert_string_equal(fixed, want);
    mfl_free(fixed);
    /* Missing: with a budget the fix is safe and uses the fit. */
    fixed = fix_all(&fx, "FROM qwen3-coder:30b\n", false);
    assert_string_equal(fixed, want);
    mfl_free(fixed);
    /* At the fit: nothing to say. */
    res = lint(&fx, want);
    assert_int_equal(count_mf3(res), 0);
    mfl_result_free(res);

    /* Weights alone do not fit: no fix. */
    b->memory_budget = 10000000000ull;
    res = lint(&fx, text);
    d = only(res, "MF306");
    assert_non_null(strstr(d->message, "weights alone"));
    assert_null(d->fix);
    mfl_result_free(res);
    fixture_cleanup(&fx);
}

static void test_missing_and_above_native(void **state) {
    (void)state;
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile");
    const char *text = "FROM qwen3-coder:30b\nSYSTEM hi\n";
    mfl_result_t *res = lint(&fx, text);
    const mfl_diag_t *d = only(res, "MF302");
    assert_int_equal(d->fix->applicability, MFL_FIX_UNSAFE); /* no budget known */
    mfl_result_free(res);
    char *fixed = fix_all(&fx, text, false);
    assert_string_equal(fixed, text);
    mfl_free(fixed);
    fixed = fix_all(&fx, text, true);
    assert_string_equal(fixed, "FROM qwen3-coder:30b\nPARAMETER num_ctx 262144\nSYSTEM hi\n");
    mfl_free(fixed);

    text = "FROM qwen3-coder:30b\nPARAMETER num_ctx 1000000\n";
    res = lint(&fx, text);
    d = only(res, "MF304");
    assert_non_null(strstr(d->message, "clamps"));
    mfl_result_free(res);
    fixed = fix_all(&fx, text, false);
    assert_string_equal(fixed, "FROM qwen3-coder:30b\nPARAMETER num_ctx 262144\n");
    mfl_free(fixed);

    /* Mistral-Nemo: the GGUF's 1,024,000 is not the real limit. */
    res = lint(&fx, "FROM mistral-nemo\nPARAMETER num_ctx 1024000\n");
    d = only(res, "MF304");
    assert_int_equal(d->fix->applicability, MFL_FIX_UNSAFE);
    assert_non_null(strstr(d->message, "128k"));
    mfl_result_free(res);
    fixture_cleanup(&fx);
}

static void test_prefill_over_timeout(void **state) {
    (void)state;
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile");
    mfl_budget_t *b = mfl_config_budget(fx.cfg);
    b->prefill_rate = 400;
    b->client_timeout = 300;
    mfl_result_t *res = lint(&fx, "FROM qwen3-coder:30b\nPARAMETER num_ctx 262144\n");
    assert_non_null(strstr(only(res, "MF307")->message, "655 s"));
    mfl_result_free(res);
    res = lint(&fx, "FROM qwen3-coder:30b\nPARAMETER num_ctx 65536\n");
    for (size_t i = 0; i < res->n_diags; i++)
        assert_string_not_equal(res->diags[i].rule->code, "MF307");
    mfl_result_free(res);
    fixture_cleanup(&fx);
}

static void test_unknown_model_is_reported_once(void **state) {
    (void)state;
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile");
    const char *text = "FROM someone/private-model:7b\nPARAMETER num_ctx 2048\n";
    mfl_result_t *res = lint(&fx, text);
    const mfl_diag_t *d = only(res, "MF300");
    assert_int_equal(d->severity, MFL_SEVERITY_INFO);
    slice_is(text, d->range, "someone/private-model:7b");
    assert_int_equal(count_mf3(res), 1);
    mfl_result_free(res);
    /* Without an environment the context rules are silent. */
    fx.opts.env = NULL;
    res = lint(&fx, text);
    assert_int_equal(count_mf3(res), 0);
    mfl_result_free(res);
    fixture_cleanup(&fx);
}

static void test_corrupt_and_truncated_gguf(void **state) {
    (void)state;
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile");
    mfl_result_t *res = lint(&fx, "FROM ./truncated.gguf\nPARAMETER num_ctx 2048\n");
    const mfl_diag_t *d = only(res, "MF300");
    assert_non_null(strstr(d->message, "truncated"));
    assert_int_equal(count_mf3(res), 1);
    mfl_result_free(res);
    res = lint(&fx, "FROM ./corrupt.gguf\n");
    d = only(res, "MF300");
    assert_non_null(strstr(d->message, "implausible"));
    assert_int_equal(count_mf3(res), 1);
    mfl_result_free(res);
    fixture_cleanup(&fx);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_story_is_reported_and_fixed_to_native),
        cmocka_unit_test(test_story_from_store_model_with_inherited_cap),
        cmocka_unit_test(test_label_contradictions_in_each_place),
        cmocka_unit_test(test_clean_file_stays_clean),
        cmocka_unit_test(test_budget_too_small_for_native),
        cmocka_unit_test(test_missing_and_above_native),
        cmocka_unit_test(test_prefill_over_timeout),
        cmocka_unit_test(test_unknown_model_is_reported_once),
        cmocka_unit_test(test_corrupt_and_truncated_gguf),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

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
#include "mfl_versions.h"
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
    /* A GGUF whose context_length overstates the trained context. */
    b = gb_new(3, false);
    gb_str(b, "general.architecture", "llama");
    gb_str(b, "general.name", "Mistral-Nemo-Instruct-2407");
    gb_u32(b, "llama.context_length", 1024000);
    gb_u32(b, "llama.block_count", 40);
    gb_u32(b, "llama.embedding_length", 5120);
    gb_u32(b, "llama.attention.head_count", 32);
    gb_u32(b, "llama.attention.head_count_kv", 8);
    gb_u32(b, "llama.attention.key_length", 128);
    gb_u32(b, "llama.attention.value_length", 128);
    snprintf(path, sizeof path, "%s/nemo.gguf", work);
    assert_int_equal(gb_write_file(b, path), 0);
    gb_free(b);
    /* The safetensors folders: each config.json of tests/data/safetensors
     * with a placeholder weight file; plus an empty folder and weights
     * without config.json. */
    static const char *const st[] = {"llama-small", "gemma3-vision", "unsupported",
                                     "no-architecture"};
    for (size_t i = 0; i < sizeof st / sizeof st[0]; i++) {
        char src[PATH_MAX * 2], dst[PATH_MAX * 2];
        snprintf(src, sizeof src, "%s/safetensors/%s/config.json", MFL_TEST_DATA, st[i]);
        snprintf(path, sizeof path, "%s/%s", work, st[i]);
        test_mkdirs(path);
        snprintf(dst, sizeof dst, "%s/config.json", path);
        /* Copied with stdio (no cp under Wine). */
        FILE *in = fopen(src, "rb"), *out = fopen(dst, "wb");
        assert_non_null(in);
        assert_non_null(out);
        char buf[4096];
        for (size_t n; (n = fread(buf, 1, sizeof buf, in)) > 0;)
            assert_int_equal(fwrite(buf, 1, n, out), n);
        fclose(in);
        assert_int_equal(fclose(out), 0);
        strcat(path, "/model.safetensors");
        test_write_text(path, "placeholder weights");
    }
    snprintf(path, sizeof path, "%s/empty-folder", work);
    test_mkdirs(path);
    strcat(path, "/README.md");
    test_write_text(path, "just notes");
    snprintf(path, sizeof path, "%s/weights-only", work);
    test_mkdirs(path);
    strcat(path, "/model-00001-of-00001.safetensors");
    test_write_text(path, "placeholder weights");
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
    test_write_text(
        path,
        "{\"schemaVersion\":2,\"layers\":["
        "{\"mediaType\":\"application/vnd.ollama.image.model\",\"digest\":\"sha256:" HEX_MODEL
        "\",\"size\":1},"
        "{\"mediaType\":\"application/vnd.ollama.image.params\",\"digest\":\"sha256:" HEX_PARAMS
        "\",\"size\":18}]}");
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
    for (size_t i = 0; i < res->n_diags; i++) n += strncmp(res->diags[i].rule->code, "MF3", 3) == 0;
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
#define STORY_FILE \
    "# ollama create v-128k -f Modelfile.v-128k\n" STORY "PARAMETER temperature 0.7\n"

static void use_hardware(fixture_t *fx, const char *id) {
    const mfl_hw_profile_t *hw = mfl_hw_find(id);
    assert_non_null(hw);
    mfl_hw_apply(hw, mfl_config_budget(fx->cfg));
}

static size_t count_errors(const mfl_result_t *res) {
    size_t n = 0;
    for (size_t i = 0; i < res->n_diags; i++) n += res->diags[i].severity == MFL_SEVERITY_ERROR;
    return n;
}

/* Diagnostics that fail a default run (warning or error). */
static size_t count_failing(const mfl_result_t *res) {
    size_t n = 0;
    for (size_t i = 0; i < res->n_diags; i++) n += res->diags[i].severity <= MFL_SEVERITY_WARNING;
    return n;
}

static void test_story_without_a_budget_is_reported_but_not_raised(void **state) {
    (void)state;
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile.v-128k");
    mfl_result_t *res = lint(&fx, STORY);
    const mfl_diag_t *d = only(res, "MF301");
    assert_int_equal(d->severity, MFL_SEVERITY_WARNING);
    slice_is(STORY, d->range, "131072");
    assert_non_null(strstr(d->message, "262,144"));
    assert_non_null(strstr(d->message, "built-in data"));
    /* Without a memory budget the raise may not fit: unsafe, and it says
     * how to make it safe. */
    assert_non_null(d->fix);
    assert_int_equal(d->fix->applicability, MFL_FIX_UNSAFE);
    assert_non_null(strstr(d->fix->title, "unsafe"));
    assert_non_null(strstr(d->message, "--hardware"));
    assert_int_equal(count_mf3(res), 1); /* the label agrees with 131072 so far */
    mfl_result_free(res);
    /* --fix (safe fixes only) leaves the deliberate value alone. */
    char *fixed = fix_all(&fx, STORY, false);
    assert_string_equal(fixed, STORY);
    mfl_free(fixed);
    fixture_cleanup(&fx);
}

static void test_story_with_the_mac_is_fixed_to_native_without_new_errors(void **state) {
    (void)state;
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile.v-128k");
    use_hardware(&fx, "mac-studio-m2-ultra-64"); /* 64 GiB, 48 GiB for the GPU */
    mfl_result_t *res = lint(&fx, STORY_FILE);
    const mfl_diag_t *d = only(res, "MF301");
    assert_int_equal(d->fix->applicability, MFL_FIX_SAFE);
    assert_string_equal(d->fix->title, "Raise num_ctx to 262144");
    size_t before = count_errors(res);
    mfl_result_free(res);

    mfl_fix_opts_t fo = {0};
    mfl_fix_report_t rep;
    char *fixed;
    size_t n;
    assert_int_equal(mfl_fix_all(STORY_FILE, strlen(STORY_FILE), &fx.opts, &fo, &fixed, &n, &rep),
                     0);
    assert_non_null(strstr(fixed, "PARAMETER num_ctx 262144\n"));
    assert_false(rep.stopped);
    assert_int_equal(rep.errors_before, before);
    assert_int_equal(rep.errors_after, 0);
    /* The two labels now promise less than the model gets: warnings that
     * say how to rename, never errors. */
    res = lint(&fx, fixed);
    assert_int_equal(count_errors(res), 0);
    size_t labels = 0;
    for (size_t i = 0; i < res->n_diags; i++) {
        if (strcmp(res->diags[i].rule->code, "MF305") != 0) continue;
        labels++;
        assert_int_equal(res->diags[i].severity, MFL_SEVERITY_WARNING);
        assert_non_null(strstr(res->diags[i].message, "promises less"));
    }
    assert_int_equal(labels, 2);
    assert_int_equal(count_mf3(res), 2);
    mfl_result_free(res);
    mfl_free(fixed);
    fixture_cleanup(&fx);
}

static void test_fix_all_never_leaves_more_errors(void **state) {
    (void)state;
    /* With MF305 configured as an error, the raise would add two errors (the
     * labels): the core refuses that pass and says so. */
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile.v-128k");
    use_hardware(&fx, "mac-studio-m2-ultra-64");
    assert_int_equal(mfl_config_set_severity(fx.cfg, "MF305", MFL_SEVERITY_ERROR), 0);
    mfl_fix_opts_t fo = {0};
    mfl_fix_report_t rep;
    char *fixed;
    size_t n;
    assert_int_equal(mfl_fix_all(STORY_FILE, strlen(STORY_FILE), &fx.opts, &fo, &fixed, &n, &rep),
                     0);
    assert_string_equal(fixed, STORY_FILE);
    assert_true(rep.stopped);
    assert_int_equal(rep.passes, 0);
    assert_int_equal(rep.errors_before, 0);
    assert_int_equal(rep.errors_rejected, 2);
    assert_string_equal(rep.stop_rules, "MF301");
    mfl_free(fixed);
    /* In the same pass, the fixes that keep the count are kept: MF209's is
     * applied, MF301's is refused. */
    const char *two = "# ollama create v-128k\nFROM qwen3-coder:30b\nSYSTEM a\nSYSTEM b\n"
                      "PARAMETER num_ctx 131072\n";
    assert_int_equal(mfl_fix_all(two, strlen(two), &fx.opts, &fo, &fixed, &n, &rep), 0);
    assert_true(rep.stopped);
    assert_string_equal(rep.stop_rules, "MF301");
    assert_string_equal(fixed, "# ollama create v-128k\nFROM qwen3-coder:30b\nSYSTEM b\n"
                               "PARAMETER num_ctx 131072\n");
    assert_int_equal(rep.errors_after, 0);
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
    assert_int_equal(d->fix->applicability, MFL_FIX_UNSAFE); /* no budget */
    assert_int_equal(count_mf3(res), 1);
    mfl_result_free(res);
    char *fixed = fix_all(&fx, text, false);
    assert_string_equal(fixed, text);
    mfl_free(fixed);
    use_hardware(&fx, "mac-studio-m2-ultra-64");
    fixed = fix_all(&fx, text, false);
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

static void check_label(const char *path, const char *text, const char *label, mfl_severity_t sev) {
    fixture_t fx = {0};
    fixture_init(&fx, path);
    mfl_result_t *res = lint(&fx, text);
    const mfl_diag_t *d = only(res, "MF305");
    assert_int_equal(d->severity, sev);
    assert_non_null(strstr(d->message, label));
    assert_non_null(strstr(d->message, "num_ctx is"));
    if (sev == MFL_SEVERITY_WARNING) assert_non_null(strstr(d->message, "promises less"));
    if (strstr(text, label)) {
        assert_int_equal(d->n_related, 1);
        slice_is(text, d->related[0].range, label);
    }
    mfl_result_free(res);
    fixture_cleanup(&fx);
}

static void test_label_contradictions_in_each_place(void **state) {
    (void)state;
    const mfl_severity_t more = MFL_SEVERITY_ERROR, less = MFL_SEVERITY_WARNING;
    /* FROM tag (an assumed model: the label still compares with num_ctx). */
    check_label("Modelfile", "FROM qwen3-coder:30b-262k\nPARAMETER num_ctx 131072\n", "262k", more);
    /* File names. */
    check_label("dir/coder-256k.modelfile", STORY, "coder-256k.modelfile", more);
    check_label("Modelfile.v-64k", "FROM qwen3-coder:30b\nPARAMETER num_ctx 262144\n", "v-64k",
                less);
    /* `ollama create` comment: a smaller label says how to rename. */
    check_label("Modelfile", "# ollama create coder-32k -f Modelfile\n" STORY,
                "ollama cp coder-32k coder-128k", less);
    /* `ollama show` header. */
    check_label("Modelfile",
                "# Modelfile generated by \"ollama show\"\n"
                "# To build a new Modelfile based on this, replace FROM with:\n"
                "# FROM coder:30b-200k\n\n" STORY,
                "200k", more);
    /* A comment beside num_ctx. */
    check_label("Modelfile", "FROM qwen3-coder:30b\n# 256K context\nPARAMETER num_ctx 131072\n",
                "256K", more);
    check_label("Modelfile", "FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n# ctx8192\n",
                "ctx8192", less);
    /* A label matching a value Ollama clamps still promises too much. */
    check_label("Modelfile.llama3-32k", "FROM llama3\nPARAMETER num_ctx 32768\n", "llama3-32k",
                more);

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
    const char *text =
        "FROM qwen3-coder:30b\nPARAMETER num_ctx 262144\nPARAMETER temperature 0.7\n";
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
    use_hardware(&fx, "mac-m4-max-48"); /* 36 GiB usable */
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
    snprintf(want, sizeof want, "FROM qwen3-coder:30b\nPARAMETER num_ctx %llu\n",
             (unsigned long long)fit);
    assert_string_equal(fixed, want);
    mfl_free(fixed);

    /* Below native: the safe fix raises to the largest fit, not to native. */
    fixed = fix_all(&fx, STORY, false);
    assert_string_equal(fixed, want);
    mfl_free(fixed);
    /* A value above the fit but below native is never lowered safely. */
    res = lint(&fx, "FROM qwen3-coder:30b\nPARAMETER num_ctx 200704\n");
    d = only(res, "MF306");
    assert_int_equal(d->fix->applicability, MFL_FIX_UNSAFE);
    mfl_result_free(res);
    /* Missing: Ollama's default here (32,768 for 36 GiB) is less than what
     * fits: a warning, and the safe fix adds the fit. */
    res = lint(&fx, "FROM qwen3-coder:30b\n");
    d = only(res, "MF302");
    assert_int_equal(d->severity, MFL_SEVERITY_WARNING);
    assert_non_null(strstr(d->message, "32,768 tokens (its tier for 36.00 GiB"));
    mfl_result_free(res);
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

static void test_llama33_small_context_is_not_raised_without_a_budget(void **state) {
    (void)state;
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile");
    const char *text = "FROM llama3.3\nPARAMETER num_ctx 8192\n";
    mfl_result_t *res = lint(&fx, text);
    const mfl_diag_t *d = only(res, "MF301");
    assert_int_equal(d->fix->applicability, MFL_FIX_UNSAFE);
    mfl_result_free(res);
    char *fixed = fix_all(&fx, text, false);
    assert_string_equal(fixed, text); /* fix-on-save keeps the deliberate value */
    mfl_free(fixed);
    /* On a 24 GiB card the 43 GB of weights alone do not fit: no raise at all. */
    use_hardware(&fx, "rtx-4090");
    res = lint(&fx, text);
    for (size_t i = 0; i < res->n_diags; i++)
        assert_string_not_equal(res->diags[i].rule->code, "MF301");
    assert_non_null(strstr(only(res, "MF306")->message, "weights alone"));
    mfl_result_free(res);
    fixture_cleanup(&fx);
}

static void test_missing_is_information_without_a_budget(void **state) {
    (void)state;
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile");
    /* Ollama's README example. */
    const char *readme = "FROM llama3.2\n\n# set the temperature to 1 [higher is more creative, "
                         "lower is more coherent]\nPARAMETER temperature 1\n\n# set the system "
                         "message\nSYSTEM \"\"\"\nYou are Mario from Super Mario Bros. Answer as "
                         "Mario, the assistant, only.\n\"\"\"\n";
    mfl_result_t *res = lint(&fx, readme);
    const mfl_diag_t *d = only(res, "MF302");
    assert_int_equal(d->severity, MFL_SEVERITY_INFO);
    assert_int_equal(d->fix->applicability, MFL_FIX_UNSAFE);
    assert_int_equal(count_failing(res), 0); /* a default run passes */
    mfl_result_free(res);
    char *fixed = fix_all(&fx, readme, false);
    assert_string_equal(fixed, readme);
    mfl_free(fixed);
    fixed = fix_all(&fx, "FROM qwen3-coder:30b\nSYSTEM hi\n", true);
    assert_string_equal(fixed, "FROM qwen3-coder:30b\nPARAMETER num_ctx 262144\nSYSTEM hi\n");
    mfl_free(fixed);
    /* A severity the user set is kept. */
    assert_int_equal(mfl_config_set_severity(fx.cfg, "MF302", MFL_SEVERITY_WARNING), 0);
    res = lint(&fx, readme);
    assert_int_equal(only(res, "MF302")->severity, MFL_SEVERITY_WARNING);
    mfl_result_free(res);
    fixture_cleanup(&fx);

    /* With a budget whose tier gives the model all it can have: quiet. */
    fixture_init(&fx, "Modelfile");
    use_hardware(&fx, "mac-studio-m2-ultra-64"); /* 48 GiB: 262,144 */
    res = lint(&fx, "FROM qwen3-coder:30b\nSYSTEM hi\n");
    assert_int_equal(count_mf3(res), 0);
    mfl_result_free(res);
    /* ... unless the server's OLLAMA_CONTEXT_LENGTH caps it. */
    mfl_config_budget(fx.cfg)->server_default_ctx = 8192;
    res = lint(&fx, "FROM qwen3-coder:30b\nSYSTEM hi\n");
    d = only(res, "MF302");
    assert_int_equal(d->severity, MFL_SEVERITY_WARNING);
    assert_non_null(strstr(d->message, "OLLAMA_CONTEXT_LENGTH"));
    assert_int_equal(d->fix->applicability, MFL_FIX_SAFE);
    mfl_result_free(res);
    fixture_cleanup(&fx);
}

static void test_ollama_show_output_passes(void **state) {
    (void)state;
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile");
    char text[PATH_MAX * 2 + 600];
    snprintf(text, sizeof text,
             "# Modelfile generated by \"ollama show\"\n"
             "# To build a new Modelfile based on this, replace FROM with:\n"
             "# FROM qwen3-coder:30b\n\n"
             "FROM %s/blobs/sha256-%s\n"
             "TEMPLATE {{ .Prompt }}\n"
             "PARAMETER repeat_penalty 1.05\n"
             "PARAMETER stop <|im_start|>\n"
             "PARAMETER stop <|im_end|>\n"
             "PARAMETER temperature 0.7\n",
             store, HEX_MODEL);
    mfl_result_t *res = lint(&fx, text);
    for (size_t i = 0; i < res->n_diags; i++)
        fprintf(stderr, "  %s %s\n", res->diags[i].rule->code, res->diags[i].message);
    assert_int_equal(count_failing(res), 0);
    mfl_result_free(res);
    fixture_cleanup(&fx);
}

static void test_missing_and_above_native(void **state) {
    (void)state;
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile");
    const char *text = "FROM qwen3-coder:30b\nPARAMETER num_ctx 1000000\n";
    mfl_result_t *res = lint(&fx, text);
    const mfl_diag_t *d = only(res, "MF304");
    assert_non_null(strstr(d->message, "clamps"));
    assert_int_equal(d->fix->applicability, MFL_FIX_SAFE); /* to the exact native */
    mfl_result_free(res);
    char *fixed = fix_all(&fx, text, false);
    assert_string_equal(fixed, "FROM qwen3-coder:30b\nPARAMETER num_ctx 262144\n");
    mfl_free(fixed);
    /* Llama 3 holds 8,192. */
    fixed = fix_all(&fx, "FROM llama3\nPARAMETER num_ctx 32768\n", false);
    assert_string_equal(fixed, "FROM llama3\nPARAMETER num_ctx 8192\n");
    mfl_free(fixed);
    /* The bug: a 2507 tag holds 262,144, so 262144 is right. */
    res = lint(&fx, "FROM qwen3:30b-a3b-instruct-2507-q4_K_M\nPARAMETER num_ctx 262144\n");
    assert_int_equal(count_mf3(res), 0);
    mfl_result_free(res);
    /* An assumed native context never drives MF304 nor a lowering fix. */
    text = "FROM llama3.1:instruct\nPARAMETER num_ctx 1000000\n";
    res = lint(&fx, text);
    assert_int_equal(count_mf3(res), 0);
    mfl_result_free(res);
    fixed = fix_all(&fx, text, true);
    assert_string_equal(fixed, text);
    mfl_free(fixed);

    /* Mistral-Nemo: the GGUF's 1,024,000 is not the real limit. */
    res = lint(&fx, "FROM ./nemo.gguf\nPARAMETER num_ctx 1024000\n");
    d = only(res, "MF304");
    assert_int_equal(d->fix->applicability, MFL_FIX_UNSAFE);
    assert_non_null(strstr(d->message, "128k"));
    mfl_result_free(res);
    fixture_cleanup(&fx);
}

static void test_assumed_figures_are_named(void **state) {
    (void)state;
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile");
    /* llama3.1:instruct is not listed; every llama3.1 release has 131,072
     * tokens, and their shapes differ (8B, 70B, 405B). */
    const char *text = "FROM llama3.1:instruct\nPARAMETER num_ctx 8192\n";
    mfl_result_t *res = lint(&fx, text);
    const mfl_diag_t *d = only(res, "MF301");
    assert_non_null(strstr(d->message, "assumed"));
    assert_non_null(strstr(d->message, "pull the model"));
    assert_int_equal(d->fix->applicability, MFL_FIX_UNSAFE);
    mfl_result_free(res);
    /* Even with a budget: the shape of an assumed model is unknown. */
    use_hardware(&fx, "mac-studio-m2-ultra-64");
    res = lint(&fx, text);
    d = only(res, "MF301");
    assert_int_equal(d->fix->applicability, MFL_FIX_UNSAFE);
    mfl_result_free(res);
    /* The releases a tag could be disagree: MF300 says so, nothing else. */
    res = lint(&fx, "FROM qwen3:30b-a3b-instruct-2507\nPARAMETER num_ctx 262144\n");
    d = only(res, "MF300");
    assert_non_null(strstr(d->message, "40,960"));
    assert_non_null(strstr(d->message, "262,144"));
    assert_int_equal(count_mf3(res), 1);
    mfl_result_free(res);
    /* Inferred figures are assumed: no MF304 (Ollama's real context may be
     * another), and a raise is unsafe even with a budget. */
    res = lint(&fx, "FROM magistral:24b\nPARAMETER num_ctx 131072\n");
    assert_int_equal(count_mf3(res), 0);
    mfl_result_free(res);
    res = lint(&fx, "FROM granite4:tiny-h\nPARAMETER num_ctx 8192\n");
    d = only(res, "MF301");
    assert_non_null(strstr(d->message, "infers attention.head_count_kv"));
    assert_int_equal(d->fix->applicability, MFL_FIX_UNSAFE);
    mfl_result_free(res);
    /* The info text names the assumption too. */
    mfl_model_t m;
    assert_true(mfl_table_lookup("llama3.1:instruct", 17, &m));
    assert_int_equal(m.confidence, MFL_CONF_ASSUMED);
    char *info = mfl_info_text(&m, 8192, MFL_CTX_SRC_PARAMETER, NULL, false);
    assert_non_null(info);
    assert_non_null(strstr(info, "assumed"));
    mfl_free(info);
    assert_true(mfl_table_lookup("qwen3-coder:30b", 15, &m));
    info = mfl_info_text(&m, 8192, MFL_CTX_SRC_PARAMETER, NULL, true);
    assert_non_null(strstr(info, "exact (checked "));
    assert_non_null(strstr(info, "config.json"));
    mfl_free(info);
    /* A quantisation the data does not list: the weights say how they were
     * obtained. */
    assert_true(mfl_table_lookup("qwen3-coder:30b-a3b-q6_K", 24, &m));
    assert_int_equal(m.confidence, MFL_CONF_EXACT);
    info = mfl_info_text(&m, 8192, MFL_CTX_SRC_PARAMETER, NULL, true);
    assert_non_null(strstr(info, "scaled from the qwen3-coder:"));
    mfl_free(info);
    fixture_cleanup(&fx);
}

static void test_name_beats_files(void **state) {
    (void)state;
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile");
    /* good.gguf is a Qwen3-Coder GGUF too; llama3 (8,192) makes the
     * difference visible: the name wins wherever it is. */
    const char *text = "FROM llama3\nFROM ./good.gguf\nPARAMETER num_ctx 32768\n";
    mfl_result_t *res = lint(&fx, text);
    assert_non_null(strstr(only(res, "MF304")->message, "8,192"));
    const mfl_diag_t *d = only(res, "MF211");
    slice_is(text, d->range, "./good.gguf");
    assert_non_null(strstr(d->message, "ignored"));
    assert_null(d->fix);
    mfl_result_free(res);
    text = "FROM ./good.gguf\nFROM llama3\nPARAMETER num_ctx 32768\n";
    res = lint(&fx, text);
    assert_non_null(strstr(only(res, "MF304")->message, "8,192"));
    mfl_result_free(res);
    /* The last name wins over an earlier one; deleting that one is safe. */
    text = "FROM qwen3-coder:30b\nFROM llama3\nPARAMETER num_ctx 8192\n";
    res = lint(&fx, text);
    d = only(res, "MF211");
    slice_is(text, d->range, "qwen3-coder:30b");
    assert_int_equal(d->fix->applicability, MFL_FIX_SAFE);
    assert_int_equal(count_mf3(res), 0);
    mfl_result_free(res);
    char *fixed = fix_all(&fx, text, false);
    assert_string_equal(fixed, "FROM llama3\nPARAMETER num_ctx 8192\n");
    mfl_free(fixed);
    /* Files only: the first path is the model. */
    mfl_doc_t *doc = mfl_doc_new("FROM ./good.gguf\n", 17);
    mfl_from_t pick;
    mfl_model_t m;
    assert_true(mfl_from_resolve(doc, fx.opts.env, work, &pick, &m));
    assert_false(pick.is_name);
    assert_int_equal(m.source, MFL_SOURCE_GGUF);
    mfl_doc_free(doc);
    doc = mfl_doc_new("FROM ./good.gguf\nFROM llama3\n", 29);
    assert_true(mfl_from_resolve(doc, fx.opts.env, work, &pick, &m));
    assert_true(pick.is_name);
    assert_int_equal(pick.n_paths, 1);
    assert_int_equal(m.source, MFL_SOURCE_TABLE);
    assert_int_equal(m.native_ctx, 8192);
    mfl_doc_free(doc);
    fixture_cleanup(&fx);
}

static void test_safetensors_folders(void **state) {
    (void)state;
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile");
    /* config.json read like a GGUF header. */
    mfl_result_t *res = lint(&fx, "FROM ./llama-small\nPARAMETER num_ctx 8192\n");
    const mfl_diag_t *d = only(res, "MF301");
    assert_non_null(strstr(d->message, "32,768"));
    assert_non_null(strstr(d->message, "config.json"));
    mfl_result_free(res);
    mfl_doc_t *doc = mfl_doc_new("FROM ./llama-small\n", 19);
    mfl_model_t m;
    assert_true(mfl_from_resolve(doc, fx.opts.env, work, NULL, &m));
    assert_int_equal(m.source, MFL_SOURCE_SAFETENSORS);
    assert_int_equal(m.confidence, MFL_CONF_EXACT);
    assert_string_equal(m.arch, "llama");
    assert_int_equal(m.n_layers, 16);
    assert_int_equal(m.kv_heads_sum, 16 * 8);
    assert_int_equal(m.key_length, 64);
    assert_int_equal(m.rope_orig_ctx, 8192);
    mfl_doc_free(doc);
    /* A vision model's text_config, with the converter's defaults. */
    doc = mfl_doc_new("FROM ./gemma3-vision\n", 21);
    assert_true(mfl_from_resolve(doc, fx.opts.env, work, NULL, &m));
    assert_int_equal(m.native_ctx, 131072);
    assert_true(m.is_vision);
    assert_int_equal(m.n_head, 8);
    assert_int_equal(m.n_kv_head_max, 4);
    assert_int_equal(m.key_length, 256);
    assert_int_equal(m.sliding_window, 1024);
    assert_int_equal(m.n_global_layers, 5); /* every 6th of 34 */
    mfl_doc_free(doc);
    /* Folders Ollama cannot import: an error with Ollama's message, once (a
     * folder with no model file is MF217's, which also covers ADAPTER and
     * DRAFT folders; the converter's errors are MF212's). */
    static const struct {
        const char *dir, *msg, *code, *other;
    } bad[] = {
        {"empty-folder", "no Modelfile or safetensors files found", "MF217", "MF212"},
        {"weights-only", "open config.json: no such file or directory", "MF212", "MF217"},
        {"unsupported", "unsupported architecture \"FooForCausalLM\"", "MF212", "MF217"},
        {"no-architecture", "unknown architecture", "MF212", "MF217"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char text[128];
        snprintf(text, sizeof text, "FROM ./%s\nPARAMETER num_ctx 8192\n", bad[i].dir);
        res = lint(&fx, text);
        d = only(res, bad[i].code);
        for (size_t k = 0; k < res->n_diags; k++)
            assert_string_not_equal(res->diags[k].rule->code, bad[i].other);
        assert_int_equal(d->severity, MFL_SEVERITY_ERROR);
        assert_non_null(strstr(d->message, bad[i].msg));
        assert_int_equal(count_mf3(res), 0);
        mfl_result_free(res);
    }
    /* A model name makes the folder irrelevant to the model (no MF212), but
     * the client still lists it: create fails on an empty one (MF217). */
    res = lint(&fx, "FROM ./empty-folder\nFROM llama3\n");
    for (size_t i = 0; i < res->n_diags; i++)
        assert_string_not_equal(res->diags[i].rule->code, "MF212");
    only(res, "MF211");
    only(res, "MF217");
    mfl_result_free(res);
    res = lint(&fx, "FROM ./weights-only\nFROM llama3\n");
    for (size_t i = 0; i < res->n_diags; i++)
        assert_string_not_equal(res->diags[i].rule->code, "MF212");
    only(res, "MF211");
    mfl_result_free(res);
    fixture_cleanup(&fx);
}

static void test_embedding_and_vision_models(void **state) {
    (void)state;
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile");
    mfl_result_t *res = lint(&fx, "FROM nomic-embed-text\nPARAMETER num_ctx 512\n");
    const mfl_diag_t *d = only(res, "MF308");
    assert_int_equal(d->severity, MFL_SEVERITY_INFO);
    assert_non_null(strstr(d->message, "truncates"));
    assert_non_null(strstr(d->message, "2,048"));
    assert_int_equal(count_mf3(res), 1); /* no MF301 for embeddings */
    mfl_result_free(res);
    /* The library's own 8192 is above the GGUF's 2,048: clamped. */
    char *fixed = fix_all(&fx, "FROM nomic-embed-text\nPARAMETER num_ctx 8192\n", false);
    assert_string_equal(fixed, "FROM nomic-embed-text\nPARAMETER num_ctx 2048\n");
    mfl_free(fixed);
    res = lint(&fx, "FROM nomic-embed-text\n");
    assert_int_equal(count_mf3(res), 0);
    mfl_result_free(res);
    /* A vision model below 2048 is raised by Ollama itself. */
    res = lint(&fx, "FROM gemma3:12b\nPARAMETER num_ctx 1024\n");
    assert_non_null(strstr(only(res, "MF301")->message, "2,048 for this vision model"));
    mfl_result_free(res);
    fixture_cleanup(&fx);
}

static void test_deepseek_without_mla_keys(void **state) {
    (void)state;
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile");
    use_hardware(&fx, "mac-studio-m3-ultra-512");
    /* Full per-head K and V: about 4.77 MiB a token, 152.5 GiB at 32,768. */
    mfl_result_t *res = lint(&fx, "FROM deepseek-r1:671b\nPARAMETER num_ctx 163840\n");
    const mfl_diag_t *d = only(res, "MF306");
    assert_non_null(strstr(d->message, "762.50 GiB"));
    mfl_result_free(res);
    fixture_cleanup(&fx);
}

static void test_prefill_over_timeout(void **state) {
    (void)state;
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile");
    mfl_budget_t *b = mfl_config_budget(fx.cfg);
    b->prefill_rate = 400;
    b->client_timeout = 300; /* 120,000 tokens: 119,808 as a multiple of 1024 */
    mfl_result_t *res = lint(&fx, "FROM qwen3-coder:30b\nPARAMETER num_ctx 262144\n");
    const mfl_diag_t *d = only(res, "MF307");
    assert_non_null(strstr(d->message, "655 s"));
    assert_non_null(strstr(d->message, "client's timeout"));
    assert_non_null(strstr(d->message, "119808"));
    assert_int_equal(count_mf3(res), 1); /* MF301 does not ask for more */
    mfl_result_free(res);
    /* Below the prefill cap: MF301 aims at the cap, not at native. */
    res = lint(&fx, "FROM qwen3-coder:30b\nPARAMETER num_ctx 65536\n");
    d = only(res, "MF301");
    assert_non_null(strstr(d->message, "client timeout"));
    assert_non_null(strstr(d->fix->title, "119808"));
    assert_int_equal(count_mf3(res), 1);
    mfl_result_free(res);
    /* With a memory budget the fix is safe, and its result is clean. */
    use_hardware(&fx, "mac-studio-m2-ultra-64");
    b->prefill_rate = 400;
    b->client_timeout = 300;
    char *fixed = fix_all(&fx, "FROM qwen3-coder:30b\nPARAMETER num_ctx 65536\n", false);
    assert_string_equal(fixed, "FROM qwen3-coder:30b\nPARAMETER num_ctx 119808\n");
    res = lint(&fx, fixed);
    assert_int_equal(count_mf3(res), 0);
    mfl_result_free(res);
    mfl_free(fixed);
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

/* A cloud FROM is not an unknown model: no MF3xx, and `info` and the hover
 * say why (from the release that has cloud names; before it, no text). */
static void test_cloud_models(void **state) {
    (void)state;
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile");
    const char *text = "FROM glm-5:cloud\nPARAMETER num_ctx 4096\n";
    mfl_result_t *res = lint(&fx, text);
    assert_int_equal(count_mf3(res), 0);
    mfl_result_free(res);
    mfl_doc_t *doc = mfl_doc_new(text, strlen(text));
    mfl_from_t pick;
    mfl_model_t m;
    assert_false(mfl_from_resolve(doc, fx.opts.env, work, &pick, &m));
    char *md = mfl_info_cloud_text(&pick, MFL_OLLAMA_VERSION(0, 18, 0), true);
    assert_non_null(md);
    assert_non_null(strstr(md, "`glm-5:cloud` is a cloud model"));
    mfl_free(md);
    char *plain = mfl_info_cloud_text(&pick, MFL_OLLAMA_VERSION(0, 18, 0), false);
    assert_non_null(plain);
    assert_null(strchr(plain, '`'));
    mfl_free(plain);
    assert_null(mfl_info_cloud_text(&pick, MFL_OLLAMA_VERSION(0, 17, 0), true));
    mfl_doc_free(doc);
    doc = mfl_doc_new("FROM my-private-model\n", 22);
    mfl_from_resolve(doc, fx.opts.env, work, &pick, &m);
    assert_null(mfl_info_cloud_text(&pick, MFL_OLLAMA_VERSION(0, 18, 0), true));
    mfl_doc_free(doc);
    fixture_cleanup(&fx);
}

/* A family the library has only as cloud models (lint/data/cloud.toml),
 * named without a cloud tag: MF300 (information) names the cloud name to
 * write, at every release; a listed -cloud tag is used as it is, and a
 * `:cloud` suffix the data's tags lack is said to need Ollama 0.18.0. */
static void test_cloud_only_families(void **state) {
    (void)state;
    static const struct {
        const char *from, *want;
        bool needs_018;
    } cases[] = {
        {"glm-5", "write `FROM glm-5:cloud`", false},
        {"glm-5:latest", "write `FROM glm-5:cloud`", false},
        {"kimi-k2", "write `FROM kimi-k2:1t-cloud`", false},
        {"gemini-3-flash-preview", "write `FROM gemini-3-flash-preview:cloud`", true},
        {"registry.ollama.ai/library/minimax-m2.5:230b", "write `FROM minimax-m2.5:cloud`", false},
    };
    fixture_t fx = {0};
    fixture_init(&fx, "Modelfile");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[256];
        snprintf(text, sizeof text, "FROM %s\nPARAMETER num_ctx 4096\n", cases[i].from);
        mfl_result_t *res = lint(&fx, text);
        const mfl_diag_t *d = only(res, "MF300");
        assert_int_equal(d->severity, MFL_SEVERITY_INFO);
        assert_non_null(strstr(d->message, "runs only on ollama.com"));
        assert_non_null(strstr(d->message, cases[i].want));
        assert_int_equal(strstr(d->message, "0.18.0") != NULL, cases[i].needs_018);
        assert_int_equal(count_mf3(res), 1);
        mfl_result_free(res);
        mfl_doc_t *doc = mfl_doc_new(text, strlen(text));
        mfl_from_t pick;
        mfl_model_t m;
        assert_false(mfl_from_resolve(doc, fx.opts.env, work, &pick, &m));
        for (int old = 0; old < 2; old++) {
            char *md = mfl_info_cloud_text(
                &pick, old ? MFL_OLLAMA_VERSION(0, 17, 0) : MFL_OLLAMA_VERSION(0, 18, 0), true);
            assert_non_null(md);
            assert_non_null(strstr(md, cases[i].want));
            mfl_free(md);
        }
        mfl_doc_free(doc);
    }
    /* Another namespace of the same name is not the library's. */
    mfl_result_t *res = lint(&fx, "FROM someone/glm-5\n");
    const mfl_diag_t *d = only(res, "MF300");
    assert_null(strstr(d->message, "ollama.com"));
    mfl_result_free(res);
    fixture_cleanup(&fx);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_story_without_a_budget_is_reported_but_not_raised),
        cmocka_unit_test(test_story_with_the_mac_is_fixed_to_native_without_new_errors),
        cmocka_unit_test(test_fix_all_never_leaves_more_errors),
        cmocka_unit_test(test_story_from_store_model_with_inherited_cap),
        cmocka_unit_test(test_llama33_small_context_is_not_raised_without_a_budget),
        cmocka_unit_test(test_missing_is_information_without_a_budget),
        cmocka_unit_test(test_ollama_show_output_passes),
        cmocka_unit_test(test_assumed_figures_are_named),
        cmocka_unit_test(test_name_beats_files),
        cmocka_unit_test(test_cloud_models),
        cmocka_unit_test(test_cloud_only_families),
        cmocka_unit_test(test_safetensors_folders),
        cmocka_unit_test(test_embedding_and_vision_models),
        cmocka_unit_test(test_deepseek_without_mla_keys),
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

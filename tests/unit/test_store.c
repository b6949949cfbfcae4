/* SPDX-License-Identifier: MIT */
/* lint/io/env.c against a throwaway Ollama store in a temporary folder:
 * manifests, blobs, a params layer carrying num_ctx 131072, local GGUF
 * paths, path expansion, devices, config models and the cache. */
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
#include <unistd.h>

#include "gguf_builder.h"
#include "mfl_io_env.h"
#include "mfl_knowledge.h"
#include "test_util.h"

#define HEX_MODEL "1111111111111111111111111111111111111111111111111111111111111111"
#define HEX_PARAMS "2222222222222222222222222222222222222222222222222222222222222222"
#define HEX_TRUNC "3333333333333333333333333333333333333333333333333333333333333333"
#define HEX_MISSING "4444444444444444444444444444444444444444444444444444444444444444"

static char tmp[PATH_MAX];
static char root[PATH_MAX + 32];

static void manifest(const char *model, const char *tag, const char *layers) {
    char dir[PATH_MAX * 2], path[PATH_MAX * 3], text[4096];
    snprintf(dir, sizeof dir, "%s/manifests/registry.ollama.ai/library/%s", root, model);
    test_mkdirs(dir);
    snprintf(path, sizeof path, "%s/%s", dir, tag);
    snprintf(text, sizeof text,
             "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution."
             "manifest.v2+json\",\"config\":{\"mediaType\":\"application/"
             "vnd.docker.container.image.v1+json\",\"digest\":\"sha256:%s\",\"size\":2},"
             "\"layers\":[%s]}",
             HEX_MISSING, layers);
    test_write_text(path, text);
}

#define LAYER(type, hex, size)                                                          \
    "{\"mediaType\":\"application/vnd.ollama.image." type "\",\"digest\":\"sha256:" hex \
    "\",\"size\":" #size "}"

static int setup(void **state) {
    (void)state;
    snprintf(tmp, sizeof tmp, "/tmp/mfl_store_XXXXXX");
    assert_non_null(test_mkdtemp(tmp));
    /* The default store of a user whose home is tmp (HOME; %USERPROFILE% on Windows). */
    snprintf(root, sizeof root, "%s/.ollama/models", tmp);
    char path[PATH_MAX * 2];
    snprintf(path, sizeof path, "%s/blobs", root);
    test_mkdirs(path);
    gguf_builder_t *b = gb_qwen3_coder_30b();
    snprintf(path, sizeof path, "%s/blobs/sha256-%s", root, HEX_MODEL);
    assert_int_equal(gb_write_file(b, path), 0);
    /* A truncated copy: the first 100 bytes. */
    size_t len;
    const uint8_t *p = gb_data(b, &len);
    snprintf(path, sizeof path, "%s/blobs/sha256-%s", root, HEX_TRUNC);
    FILE *f = fopen(path, "wb");
    fwrite(p, 1, 100, f);
    fclose(f);
    gb_free(b);
    snprintf(path, sizeof path, "%s/blobs/sha256-%s", root, HEX_PARAMS);
    test_write_text(path, "{\"num_ctx\":131072,\"stop\":[\"<|im_end|>\"],\"temperature\":0.7}");

    manifest("qwen3-coder", "30b",
             LAYER("model", HEX_MODEL, 1000) "," LAYER("template", HEX_MISSING, 5));
    manifest("v-128k", "latest",
             LAYER("model", HEX_MODEL, 1000) "," LAYER("params", HEX_PARAMS, 60));
    manifest("broken", "latest", LAYER("model", HEX_TRUNC, 100));
    manifest("noblob", "latest", LAYER("model", HEX_MISSING, 100));
    manifest("command-r", "35b-08-2024-q8_0", LAYER("tensor", HEX_MISSING, 100));
    snprintf(path, sizeof path, "%s/manifests/registry.ollama.ai/library/corrupt", root);
    test_mkdirs(path);
    strcat(path, "/latest");
    test_write_text(path, "{\"layers\": [");
    snprintf(path, sizeof path, "%s/work", tmp);
    test_mkdirs(path);
    return 0;
}

static int teardown(void **state) {
    (void)state;
    char cmd[PATH_MAX + 32];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    return system(cmd) == 0 ? 0 : -1;
}

static mfl_io_env_t *env_with_store(void) {
    mfl_io_env_t *env = mfl_io_env_new();
    assert_non_null(env);
    assert_int_equal(mfl_io_env_set_store_dir(env, root), 0);
    return env;
}

static bool resolve(mfl_io_env_t *env, const char *base, const char *from, mfl_model_t *m) {
    const mfl_env_t *e = mfl_io_env_get(env);
    return e->resolve_model(e->ud, base, from, m);
}

static void test_store_resolves_a_library_model(void **state) {
    (void)state;
    mfl_io_env_t *env = env_with_store();
    mfl_model_t m;
    assert_true(resolve(env, NULL, "qwen3-coder:30b", &m));
    assert_int_equal(m.source, MFL_SOURCE_STORE);
    assert_string_equal(m.error, "");
    assert_non_null(
        strstr(m.source_detail, "manifests/registry.ollama.ai/library/qwen3-coder/30b"));
    assert_int_equal(m.native_ctx, 262144);
    assert_int_equal(m.kv_heads_sum, 192);
    assert_false(m.has_inherited_num_ctx);
    assert_true(m.weight_bytes > 0);
    mfl_io_env_free(env);
}

static void test_store_params_layer_carries_num_ctx(void **state) {
    (void)state;
    mfl_io_env_t *env = env_with_store();
    mfl_model_t m;
    assert_true(resolve(env, NULL, "V-128K", &m)); /* any case */
    assert_int_equal(m.source, MFL_SOURCE_STORE);
    assert_true(m.has_inherited_num_ctx);
    assert_int_equal(m.inherited_num_ctx, 131072);
    assert_string_equal(m.inherited_from, "V-128K:latest");
    assert_int_equal(m.native_ctx, 262144);
    mfl_io_env_free(env);
}

static void test_store_broken_entries_give_errors(void **state) {
    (void)state;
    mfl_io_env_t *env = env_with_store();
    mfl_model_t m;
    assert_true(resolve(env, NULL, "broken", &m));
    assert_non_null(strstr(m.error, "truncated"));
    assert_true(resolve(env, NULL, "noblob", &m));
    assert_non_null(strstr(m.error, "missing"));
    assert_true(resolve(env, NULL, "corrupt", &m));
    assert_non_null(strstr(m.error, "corrupt"));
    /* No GGUF layer (safetensors): the table fills in. */
    assert_true(resolve(env, NULL, "command-r:35b-08-2024-q8_0", &m));
    assert_int_equal(m.source, MFL_SOURCE_TABLE);
    assert_int_equal(m.native_ctx, 131072);
    /* Not in the store: the table, then nothing. */
    assert_true(resolve(env, NULL, "llama3", &m));
    assert_int_equal(m.source, MFL_SOURCE_TABLE);
    assert_false(resolve(env, NULL, "nobody/unknown:1", &m));
    mfl_io_env_free(env);
}

static void test_store_found_through_ollama_models(void **state) {
    (void)state;
    mfl_io_env_t *env = mfl_io_env_new();
    test_setenv("OLLAMA_MODELS", root);
    test_set_home(tmp);
    mfl_model_t m;
    assert_true(resolve(env, NULL, "v-128k", &m));
    assert_int_equal(m.source, MFL_SOURCE_STORE);
    assert_int_equal(m.inherited_num_ctx, 131072);
    test_unsetenv("OLLAMA_MODELS");
    mfl_io_env_free(env);
}

/* Without OLLAMA_MODELS the store is ~/.ollama/models, the home folder
 * being Go's os.UserHomeDir: $HOME, or %USERPROFILE% on Windows. */
static void test_store_found_under_the_home_folder(void **state) {
    (void)state;
    test_unsetenv("OLLAMA_MODELS");
    test_set_home(tmp);
    mfl_io_env_t *env = mfl_io_env_new();
    mfl_model_t m;
    assert_true(resolve(env, NULL, "v-128k", &m));
    assert_int_equal(m.source, MFL_SOURCE_STORE);
    assert_int_equal(m.inherited_num_ctx, 131072);
    char want[PATH_MAX * 2];
    snprintf(want, sizeof want, "%s/.ollama/models/manifests/", tmp);
    assert_non_null(strstr(m.source_detail, want));
    mfl_io_env_free(env);
}

static void test_env_local_gguf_paths(void **state) {
    (void)state;
    char work[PATH_MAX + 8], path[PATH_MAX * 2], abs[PATH_MAX];
    snprintf(work, sizeof work, "%s/work", tmp);
    snprintf(path, sizeof path, "%s/model.gguf", work);
    gguf_builder_t *b = gb_qwen3_coder_30b();
    assert_int_equal(gb_write_file(b, path), 0);
    gb_free(b);
    mfl_io_env_t *env = env_with_store();
    const mfl_env_t *e = mfl_io_env_get(env);
    bool link;
    assert_int_equal(e->path_kind(e->ud, work, "./model.gguf", abs, sizeof abs, &link),
                     MFL_PATH_FILE);
    assert_string_equal(abs, path);
    assert_false(link);
    assert_true(e->is_gguf(e->ud, abs));
    mfl_model_t m;
    assert_true(resolve(env, work, "model.gguf", &m));
    assert_int_equal(m.source, MFL_SOURCE_GGUF);
    assert_string_equal(m.source_detail, path);
    assert_int_equal(m.native_ctx, 262144);
    /* ~ expands to $HOME. */
    test_set_home(tmp);
    assert_int_equal(e->path_kind(e->ud, "/elsewhere", "~/work/model.gguf", abs, sizeof abs, &link),
                     MFL_PATH_FILE);
    assert_string_equal(abs, path);
    assert_int_equal(e->path_kind(e->ud, work, "~no_such_user_xyz/x", abs, sizeof abs, &link),
                     MFL_PATH_ERROR);
    /* "..", symlinks, folders, missing files. */
    assert_int_equal(e->path_kind(e->ud, work, "../work/./model.gguf", abs, sizeof abs, &link),
                     MFL_PATH_FILE);
    assert_string_equal(abs, path);
#ifndef _WIN32 /* symlinks need a privilege on Windows */
    char lnk[PATH_MAX * 2];
    snprintf(lnk, sizeof lnk, "%s/link.gguf", work);
    assert_int_equal(symlink(path, lnk), 0);
    assert_int_equal(e->path_kind(e->ud, work, "link.gguf", abs, sizeof abs, &link), MFL_PATH_FILE);
    assert_true(link);
#endif
    assert_int_equal(e->path_kind(e->ud, tmp, "work", abs, sizeof abs, &link), MFL_PATH_DIR);
    assert_int_equal(e->path_kind(e->ud, work, "nope.gguf", abs, sizeof abs, &link),
                     MFL_PATH_MISSING);
    /* A text file is not GGUF. */
    snprintf(path, sizeof path, "%s/notes.gguf", work);
    test_write_text(path, "hello");
    assert_false(e->is_gguf(e->ud, path));
    assert_true(resolve(env, work, "./notes.gguf", &m));
    assert_non_null(strstr(m.error, "not a GGUF"));
    mfl_io_env_free(env);
}

static void test_env_never_opens_devices_or_fifos(void **state) {
    (void)state;
    char abs[PATH_MAX];
    mfl_io_env_t *env = env_with_store();
    const mfl_env_t *e = mfl_io_env_get(env);
    bool link;
    mfl_model_t m;
#ifdef _WIN32
    /* DOS device names are devices in every folder. */
    assert_int_equal(e->path_kind(e->ud, tmp, "NUL", abs, sizeof abs, &link), MFL_PATH_DEVICE);
    assert_false(e->is_gguf(e->ud, abs));
    assert_false(resolve(env, tmp, "NUL", &m));
#else
    char fifo[PATH_MAX + 16];
    snprintf(fifo, sizeof fifo, "%s/work/pipe", tmp);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_int_equal(e->path_kind(e->ud, NULL, "/dev/null", abs, sizeof abs, &link),
                     MFL_PATH_DEVICE);
    assert_int_equal(e->path_kind(e->ud, NULL, fifo, abs, sizeof abs, &link), MFL_PATH_DEVICE);
    /* Would block forever if opened for reading. */
    assert_false(e->is_gguf(e->ud, fifo));
    assert_false(resolve(env, NULL, fifo, &m));
    assert_false(resolve(env, NULL, "/dev/zero", &m));
#endif
    mfl_io_env_free(env);
}

static void test_env_config_models(void **state) {
    (void)state;
    mfl_io_env_t *env = env_with_store();
    char err[256];
    json_error_t jerr;
    json_t *j = json_loads("{\"my-coder\": {\"like\": \"qwen3-coder:30b\", \"note\": \"ours\"},"
                           " \"corp/llm:7b\": {\"arch\": \"llama\", \"context_length\": 32768,"
                           " \"block_count\": 32, \"head_count\": 32, \"head_count_kv\": 8,"
                           " \"head_dim\": 128, \"weights\": \"4.9GB\"}}",
                           0, &jerr);
    assert_non_null(j);
    assert_int_equal(mfl_io_env_add_models_json(env, j, err, sizeof err), 0);
    json_decref(j);
    mfl_model_t m;
    assert_true(resolve(env, NULL, "My-Coder:latest", &m));
    assert_int_equal(m.source, MFL_SOURCE_CONFIG);
    assert_int_equal(m.native_ctx, 262144);
    assert_string_equal(m.ctx_note, "ours");
    assert_true(resolve(env, NULL, "corp/llm:7b", &m));
    assert_int_equal(m.kv_heads_sum, 256);
    assert_int_equal(m.weight_bytes, 4900000000ull);
    assert_int_equal(mfl_mem_kv_bytes(&m, 1024, 1, MFL_KV_F16), 1024ull * 32 * 8 * 256 * 2);

    j = json_loads("{\"x\": {\"context_length\": 4096, \"colour\": 1}}", 0, &jerr);
    assert_int_equal(mfl_io_env_add_models_json(env, j, err, sizeof err), MFL_EINVAL);
    assert_string_equal(err, "models.x.colour: unknown key");
    json_decref(j);
    j = json_loads("{\"x\": {\"arch\": \"llama\"}}", 0, &jerr);
    assert_int_equal(mfl_io_env_add_models_json(env, j, err, sizeof err), MFL_EINVAL);
    assert_string_equal(err, "models.x.context_length: required");
    json_decref(j);
    j = json_loads("{\"x\": {\"like\": \"nothing:1b\"}}", 0, &jerr);
    assert_int_equal(mfl_io_env_add_models_json(env, j, err, sizeof err), MFL_EINVAL);
    json_decref(j);
    j = json_loads("[1]", 0, &jerr);
    assert_int_equal(mfl_io_env_add_models_json(env, j, err, sizeof err), MFL_EINVAL);
    json_decref(j);
    /* One size parser: a bare number and "17G" are not sizes. */
    j = json_loads("{\"x\": {\"context_length\": 4096, \"weights\": 4900000000}}", 0, &jerr);
    assert_int_equal(mfl_io_models_validate(j, err, sizeof err), MFL_EINVAL);
    assert_non_null(strstr(err, "models.x.weights: a bare number is not a size: did you mean"));
    json_decref(j);
    j = json_loads("{\"x\": {\"context_length\": 4096, \"weights\": \"17G\"}}", 0, &jerr);
    assert_int_equal(mfl_io_models_validate(j, err, sizeof err), MFL_EINVAL);
    assert_non_null(strstr(err, "unknown unit"));
    json_decref(j);
    j = json_loads("{\"x\": {\"context_length\": 4096, \"weights\": \"17GiB\"}}", 0, &jerr);
    assert_int_equal(mfl_io_models_validate(j, err, sizeof err), 0);
    json_decref(j);
    /* "like" takes exact tags only: no family guess. */
    j = json_loads("{\"x\": {\"like\": \"qwen3:30b-a3b-instruct-2507\"}}", 0, &jerr);
    assert_int_equal(mfl_io_models_validate(j, err, sizeof err), MFL_EINVAL);
    assert_non_null(strstr(err, "not a tag of the built-in data"));
    json_decref(j);
    j = json_loads("[{\"name\": \"arr-model\", \"like\": \"llama3.2\"}]", 0, &jerr);
    assert_int_equal(mfl_io_env_add_models_json(env, j, err, sizeof err), 0);
    json_decref(j);
    assert_true(resolve(env, NULL, "arr-model", &m));
    assert_int_equal(m.native_ctx, 131072);
    assert_int_equal(m.source, MFL_SOURCE_CONFIG);
    mfl_io_env_free(env);
}

static void test_env_cache_notices_changed_files(void **state) {
    (void)state;
    char path[PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/work/c.gguf", tmp);
    gguf_builder_t *b = gb_new(3, false);
    gb_str(b, "general.architecture", "llama");
    gb_u32(b, "llama.context_length", 4096);
    assert_int_equal(gb_write_file(b, path), 0);
    gb_free(b);
    mfl_io_env_t *env = env_with_store();
    mfl_model_t m;
    assert_true(resolve(env, NULL, path, &m));
    assert_int_equal(m.native_ctx, 4096);
    assert_true(resolve(env, NULL, path, &m)); /* cached */
    assert_int_equal(m.native_ctx, 4096);
    b = gb_new(3, false);
    gb_str(b, "general.architecture", "llama");
    gb_str(b, "general.name", "bigger now");
    gb_u32(b, "llama.context_length", 8192);
    assert_int_equal(gb_write_file(b, path), 0);
    gb_free(b);
    assert_true(resolve(env, NULL, path, &m));
    assert_int_equal(m.native_ctx, 8192);
    mfl_io_env_free(env);
}

/* A name resolved once is shared by every folder, but a file of that name in
 * a folder still wins there, as in Ollama, even right after the name was
 * cached. */
static void test_env_name_cache_is_shared_but_local_files_win(void **state) {
    (void)state;
    char dir_a[PATH_MAX + 8], dir_b[PATH_MAX + 8], path[PATH_MAX * 2];
    snprintf(dir_a, sizeof dir_a, "%s/name_a", tmp);
    snprintf(dir_b, sizeof dir_b, "%s/name_b", tmp);
    test_mkdirs(dir_a);
    test_mkdirs(dir_b);
    mfl_io_env_t *env = env_with_store();
    mfl_model_t m;
    assert_true(resolve(env, dir_a, "llama3.2", &m));
    assert_int_equal(m.source, MFL_SOURCE_TABLE);
    assert_true(resolve(env, dir_b, "llama3.2", &m));
    assert_int_equal(m.source, MFL_SOURCE_TABLE);
    snprintf(path, sizeof path, "%s/llama3.2", dir_b);
    gguf_builder_t *b = gb_new(3, false);
    gb_str(b, "general.architecture", "llama");
    gb_u32(b, "llama.context_length", 2048);
    assert_int_equal(gb_write_file(b, path), 0);
    gb_free(b);
    assert_true(resolve(env, dir_b, "llama3.2", &m));
    assert_int_equal(m.source, MFL_SOURCE_GGUF);
    assert_int_equal(m.native_ctx, 2048);
    assert_true(resolve(env, dir_a, "llama3.2", &m));
    assert_int_equal(m.source, MFL_SOURCE_TABLE);
    assert_int_equal(m.native_ctx, 131072);
    mfl_io_env_free(env);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_store_resolves_a_library_model),
        cmocka_unit_test(test_store_params_layer_carries_num_ctx),
        cmocka_unit_test(test_store_broken_entries_give_errors),
        cmocka_unit_test(test_store_found_through_ollama_models),
        cmocka_unit_test(test_store_found_under_the_home_folder),
        cmocka_unit_test(test_env_local_gguf_paths),
        cmocka_unit_test(test_env_never_opens_devices_or_fifos),
        cmocka_unit_test(test_env_config_models),
        cmocka_unit_test(test_env_cache_notices_changed_files),
        cmocka_unit_test(test_env_name_cache_is_shared_but_local_files_win),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

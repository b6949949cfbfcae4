/* SPDX-License-Identifier: MIT */
/* Out-of-memory injection (jansson's test_chaos.c, sqlite's anomaly tests):
 * one allocator hook for the core and jansson fails the Nth allocation, for
 * every N from 1 until a run completes without reaching it. Each run must
 * fail cleanly: an MFL_ENOMEM return, a config error message or a JSON-RPC
 * error, never a crash, and every allocation made must be freed. Runs a
 * config load + lint + fix-all, then (when the server is built) a whole LSP
 * transcript in process. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <jansson.h>

#include "mfl.h"
#include "mfl_io.h"
#include "mfl_io_env.h"
#ifdef MFL_FAULTS_LSP
#include "server.h"
#endif

/* ---- the failing allocator ---------------------------------------------------- */

static long fail_at;    /* fail the allocation with this number; 0: never */
static long n_allocs;   /* allocations attempted in this run */
static long live;       /* blocks allocated and not freed */
static bool failed;     /* the failure was injected */

/* Allocations inside json_loadb are never failed: Debian 12's jansson 2.14
 * ignores a failed allocation in its lexer (lex_save) and then reads and
 * writes past its token buffer (akheron/jansson#362; the fix, PR #747, is
 * not in a release). The test links with -Wl,--wrap=json_loadb to know. */
static bool in_json_load;
#ifndef MFL_FAULTS_NO_WRAP
json_t *__real_json_loadb(const char *buf, size_t len, size_t flags, json_error_t *error);
json_t *__wrap_json_loadb(const char *buf, size_t len, size_t flags, json_error_t *error);
json_t *__wrap_json_loadb(const char *buf, size_t len, size_t flags, json_error_t *error) {
    in_json_load = true;
    json_t *j = __real_json_loadb(buf, len, flags, error);
    in_json_load = false;
    return j;
}
#endif

static void *hook_malloc(size_t n) {
    if (!in_json_load && ++n_allocs == fail_at) {
        failed = true;
        return NULL;
    }
    void *p = malloc(n);
    if (p)
        live++;
    return p;
}

static void *hook_realloc(void *p, size_t n) {
    if (!in_json_load && ++n_allocs == fail_at) {
        failed = true;
        return NULL;
    }
    void *q = realloc(p, n);
    if (q && !p)
        live++;
    return q;
}

static void hook_free(void *p) {
    if (p) {
        live--;
        free(p);
    }
}

static void start_run(long n) {
    fail_at = n;
    n_allocs = 0;
    live = 0;
    failed = false;
}

/* ---- lint + fix ------------------------------------------------------------------ */

static const char modelfile[] =
    "# modelfile-lint: ignore=MF302\n"
    "from llama3.2\n"
    "PARAMETER  temperature 0.7\n"
    "PARAMETER num_ctx 2000000000\n"
    "PARAMETER stop \"<|eot|>\"\n"
    "PARAMETER stop \"<|eot|>\"\n"
    "PARAMETER top-k 40\n"
    "ADAPTER ~/.ssh/id_rsa\n"
    "SYSTEM \"\"\"Be terse.\xe2\x80\x8b\r\nReally.\xe2\x80\xae\"\"\"\n"
    "TEMPLATE \"\"\"{{ if .System }}{{ .System }}{{ end }}{{ .Prompt }}\"\"\"\n"
    "MESSAGE user hello\n"
    "MESSAGE bot hi\n"
    "PROMPT old\n";

static const char config_json[] =
    "{\"select\": [\"MF\"], \"rules\": {\"MF901\": \"warning\"},"
    " \"memory\": \"16GB\", \"prefill-rate\": 500, \"client-timeout\": 60,"
    " \"models\": {\"my-coder\": {\"like\": \"qwen3-coder:30b\"},"
    "              \"corp/llm:7b\": {\"arch\": \"llama\", \"context_length\": 32768,"
    "                             \"block_count\": 32, \"head_count\": 32,"
    "                             \"head_count_kv\": 8, \"head_dim\": 128, \"weights\": \"4.9GB\"}}}";

/* One run. Returns true when it completed without an injected failure. */
static bool lint_run(void) {
    char err[512] = "";
    mfl_io_config_t *cfg = mfl_io_config_parse(config_json, strlen(config_json), "faults.json",
                                               err, sizeof err);
    if (cfg == NULL) {
        assert_true(failed);
        assert_true(err[0] != '\0'); /* a message, not silence */
        return false;
    }
    mfl_io_env_t *env = mfl_io_env_new();
    int rc = env ? 0 : MFL_ENOMEM;
    if (env && mfl_io_config_models(cfg))
        rc = mfl_io_env_add_models_json(env, mfl_io_config_models(cfg), err, sizeof err);
    mfl_doc_t *doc = rc == 0 ? mfl_doc_new(modelfile, sizeof modelfile - 1) : NULL;
    mfl_result_t *res = NULL;
    char *fixed = NULL;
    size_t flen = 0;
    if (doc) {
        mfl_lint_opts_t opts = {"Modelfile", ".", mfl_io_config_core(cfg), mfl_io_env_get(env)};
        rc = mfl_lint(doc, &opts, &res);
        assert_true(rc == 0 || rc == MFL_ENOMEM);
        size_t len;
        const char *text = mfl_doc_text(doc, &len);
        mfl_fix_opts_t fo = {.unsafe = true};
        mfl_fix_report_t rep;
        int frc = mfl_fix_all(text, len, &opts, &fo, &fixed, &flen, &rep);
        assert_true(frc == 0 || frc == MFL_ENOMEM);
        if (frc == MFL_ENOMEM)
            assert_null(fixed);
        rc = rc ? rc : frc;
    } else {
        assert_true(failed);
    }
    if (rc == MFL_ENOMEM)
        assert_true(failed); /* ENOMEM only when memory really ran out */
    mfl_free(fixed);
    mfl_result_free(res);
    mfl_doc_free(doc);
    mfl_io_env_free(env);
    mfl_io_config_free(cfg);
    return !failed;
}

static void test_lint_and_fix_fail_cleanly_at_every_allocation(void **state) {
    (void)state;
    start_run(0);
    assert_true(lint_run());
    long total = n_allocs;
    assert_int_equal(live, 0);
    long n;
    for (n = 1; n <= total + 1; n++) {
        start_run(n);
        bool done = lint_run();
        if (live != 0)
            fail_msg("failing allocation %ld of %ld leaked %ld block(s)", n, total, live);
        if (done)
            break;
    }
    print_message("lint+fix: %ld allocations, each failed once, no crash, no leak\n", total);
    assert_true(n <= total + 1);
}

#ifdef MFL_FAULTS_LSP
/* ---- an LSP transcript ------------------------------------------------------------- */

static const char *const transcript[] = {
    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":"
    "{\"general\":{\"positionEncodings\":[\"utf-16\"]},\"textDocument\":{\"diagnostic\":{},"
    "\"codeAction\":{\"codeActionLiteralSupport\":{}},\"hover\":{\"contentFormat\":[\"markdown\"]}}}}}",
    "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}",
    "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
    "{\"uri\":\"untitled:a\",\"languageId\":\"modelfile\",\"version\":1,\"text\":"
    "\"from llama3.2\\nPARAMETER  temperature 0.7\\nPARAMETER num_ctx 2000000000\\n"
    "SYSTEM \\\"\\\"\\\"hi\\u200b\\\"\\\"\\\"\\n\"}}}",
    "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":"
    "{\"uri\":\"untitled:a\",\"version\":2},\"contentChanges\":[{\"range\":{\"start\":"
    "{\"line\":1,\"character\":0},\"end\":{\"line\":1,\"character\":0}},\"text\":"
    "\"ADAPTER ~/.ssh/id_rsa\\n\"}]}}",
    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/diagnostic\",\"params\":"
    "{\"textDocument\":{\"uri\":\"untitled:a\"}}}",
    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/codeAction\",\"params\":"
    "{\"textDocument\":{\"uri\":\"untitled:a\"},\"range\":{\"start\":{\"line\":0,\"character\":0},"
    "\"end\":{\"line\":9,\"character\":0}},\"context\":{\"diagnostics\":[]}}}",
    "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"textDocument/hover\",\"params\":"
    "{\"textDocument\":{\"uri\":\"untitled:a\"},\"position\":{\"line\":0,\"character\":6}}}",
    "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"textDocument/completion\",\"params\":"
    "{\"textDocument\":{\"uri\":\"untitled:a\"},\"position\":{\"line\":2,\"character\":10}}}",
    "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"textDocument/documentSymbol\",\"params\":"
    "{\"textDocument\":{\"uri\":\"untitled:a\"}}}",
    "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/formatting\",\"params\":"
    "{\"textDocument\":{\"uri\":\"untitled:a\"},\"options\":{\"tabSize\":4,\"insertSpaces\":true}}}",
    "{\"jsonrpc\":\"2.0\",\"method\":\"workspace/didChangeConfiguration\",\"params\":"
    "{\"settings\":{\"modelfile-lint\":{\"ignore\":[\"MF901\"],\"memory\":\"8GB\"}}}}",
    "not json at all",
    "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didClose\",\"params\":{\"textDocument\":"
    "{\"uri\":\"untitled:a\"}}}",
    "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"shutdown\"}",
    "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}",
};

static long init_failures;

static bool lsp_run(int out_fd) {
    uv_loop_t loop;
    lsp_server_t s;
    assert_int_equal(ftruncate(out_fd, 0), 0);
    assert_int_equal(lseek(out_fd, 0, SEEK_SET), 0);
    assert_int_equal(uv_loop_init(&loop), 0);
    int in_fd = dup(out_fd);
    int rc = lsp_server_init(&s, &loop, in_fd, out_fd);
    if (rc == 0) {
        for (size_t i = 0; i < sizeof transcript / sizeof transcript[0]; i++) {
            size_t flen;
            char *framed = lsp_frame_new(transcript[i], strlen(transcript[i]), &flen);
            if (framed == NULL)
                continue; /* the client side ran out too: the message is lost */
            lsp_server_feed(&s, framed, flen);
            mfl_free(framed);
            uv_run(&loop, UV_RUN_NOWAIT);
        }
        lsp_server_exit(&s);
    } else {
        /* lsp_server_init failed part-way: exit as main.c does, which must
         * close exactly the handles that were initialised. */
        assert_true(failed);
        init_failures++;
        s.exit_code = 1;
        lsp_server_exit(&s);
    }
    uv_run(&loop, UV_RUN_DEFAULT);
    lsp_server_cleanup(&s);
    assert_int_equal(uv_loop_close(&loop), 0);
    close(in_fd);
    return !failed;
}

static void test_lsp_transcript_fails_cleanly_at_every_allocation(void **state) {
    (void)state;
    FILE *out = tmpfile();
    assert_non_null(out);
    int fd = fileno(out);
    setenv("MODELFILE_LSP_DEBOUNCE_MS", "0", 1);
    start_run(0);
    assert_true(lsp_run(fd));
    long total = n_allocs;
    assert_int_equal(live, 0);
    /* The full run answers all eight requests. */
    char buf[1 << 16];
    ssize_t got = pread(fd, buf, sizeof buf - 1, 0);
    assert_true(got > 0);
    buf[got] = '\0';
    for (int id = 1; id <= 8; id++) {
        char needle[32];
        snprintf(needle, sizeof needle, "\"id\":%d", id);
        assert_non_null(strstr(buf, needle));
    }
    long n;
    for (n = 1; n <= total + 1; n++) {
        start_run(n);
        bool done = lsp_run(fd);
        if (live != 0)
            fail_msg("failing allocation %ld of %ld leaked %ld block(s)", n, total, live);
        if (done)
            break;
    }
    print_message("LSP transcript: %ld allocations, each failed once, no crash, no leak "
                  "(%ld failures inside lsp_server_init)\n",
                  total, init_failures);
    fclose(out);
}
#endif

int main(void) {
#ifdef MFL_FAULTS_NO_WRAP
    /* Without --wrap the hook cannot tell jansson's parser apart, and failing
     * its allocations would hit the jansson bug above, not ours. */
    puts("faults.oom skipped: this linker has no --wrap (Apple's ld64); run it on Linux");
    return 77;
#endif
    assert_int_equal(mfl_set_allocator(hook_malloc, hook_realloc, hook_free), 0);
    json_set_alloc_funcs(mfl_malloc, mfl_free);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lint_and_fix_fail_cleanly_at_every_allocation),
#ifdef MFL_FAULTS_LSP
        cmocka_unit_test(test_lsp_transcript_fails_cleanly_at_every_allocation),
#endif
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

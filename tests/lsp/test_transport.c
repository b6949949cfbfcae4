/* SPDX-License-Identifier: MIT */
/* Unit tests for the Content-Length decoder: partial reads, several
 * messages per read, byte counting, garbage and oversized headers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "mfl.h"
#include "transport.h"

typedef struct {
    char bodies[8][256];
    size_t n;
    size_t errors;
} sink_t;

static void on_msg(void *ud, const char *body, size_t len) {
    sink_t *s = ud;
    if (s->n < 8 && len < 256) {
        memcpy(s->bodies[s->n], body, len);
        s->bodies[s->n][len] = '\0';
    }
    s->n++;
}

static void on_err(void *ud, const char *what) {
    sink_t *s = ud;
    (void)what;
    s->errors++;
}

static void feed(lsp_decoder_t *d, const char *s) {
    assert_int_equal(lsp_decoder_feed(d, s, strlen(s)), 0);
}

static void test_decoder_reads_one_message(void **state) {
    (void)state;
    sink_t s = {0};
    lsp_decoder_t d;
    lsp_decoder_init(&d, 0, on_msg, on_err, &s);
    feed(&d, "Content-Length: 2\r\n\r\n{}");
    assert_int_equal(s.n, 1);
    assert_string_equal(s.bodies[0], "{}");
    assert_int_equal(s.errors, 0);
    lsp_decoder_cleanup(&d);
}

static void test_decoder_handles_byte_by_byte_reads(void **state) {
    (void)state;
    sink_t s = {0};
    lsp_decoder_t d;
    lsp_decoder_init(&d, 0, on_msg, on_err, &s);
    const char *m = "Content-Length: 7\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8"
                    "\r\n\r\n{\"a\":1}";
    for (size_t i = 0; m[i]; i++) {
        assert_int_equal(lsp_decoder_feed(&d, m + i, 1), 0);
        assert_int_equal(s.n, m[i + 1] ? 0 : 1);
    }
    assert_string_equal(s.bodies[0], "{\"a\":1}");
    lsp_decoder_cleanup(&d);
}

static void test_decoder_splits_several_messages_in_one_read(void **state) {
    (void)state;
    sink_t s = {0};
    lsp_decoder_t d;
    lsp_decoder_init(&d, 0, on_msg, on_err, &s);
    feed(&d, "Content-Length: 1\r\n\r\naContent-Length: 2\r\n\r\nbbContent-Length: 3\r\n\r\nc");
    assert_int_equal(s.n, 2);
    feed(&d, "cc");
    assert_int_equal(s.n, 3);
    assert_string_equal(s.bodies[0], "a");
    assert_string_equal(s.bodies[1], "bb");
    assert_string_equal(s.bodies[2], "ccc");
    lsp_decoder_cleanup(&d);
}

static void test_decoder_counts_bytes_not_characters(void **state) {
    (void)state;
    sink_t s = {0};
    lsp_decoder_t d;
    lsp_decoder_init(&d, 0, on_msg, on_err, &s);
    /* "é€😀" is 2 + 3 + 4 = 9 bytes (4 UTF-16 units). */
    feed(&d, "Content-Length: 11\r\n\r\n\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"Content-Length: 2\r\n\r\n{}");
    assert_int_equal(s.n, 2);
    assert_string_equal(s.bodies[0], "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"");
    assert_string_equal(s.bodies[1], "{}");
    lsp_decoder_cleanup(&d);
}

static void test_decoder_accepts_case_and_extra_headers(void **state) {
    (void)state;
    sink_t s = {0};
    lsp_decoder_t d;
    lsp_decoder_init(&d, 0, on_msg, on_err, &s);
    feed(&d, "X-Other: 1\r\ncontent-length:   2  \r\n\r\n{}");
    feed(&d, "Content-Length: 2\n\n[]");
    assert_int_equal(s.n, 2);
    assert_string_equal(s.bodies[1], "[]");
    assert_int_equal(s.errors, 0);
    lsp_decoder_cleanup(&d);
}

static void test_decoder_resyncs_after_garbage(void **state) {
    (void)state;
    sink_t s = {0};
    lsp_decoder_t d;
    lsp_decoder_init(&d, 0, on_msg, on_err, &s);
    feed(&d, "hello world\r\n\r\nContent-Length: 2\r\n\r\n{}");
    feed(&d, "garbageContent-Length: 2\r\n\r\n[]");
    assert_int_equal(s.n, 2);
    assert_string_equal(s.bodies[0], "{}");
    assert_string_equal(s.bodies[1], "[]");
    assert_true(s.errors >= 1);
    lsp_decoder_cleanup(&d);
}

static void test_decoder_rejects_bad_lengths(void **state) {
    (void)state;
    sink_t s = {0};
    lsp_decoder_t d;
    lsp_decoder_init(&d, 0, on_msg, on_err, &s);
    feed(&d, "Content-Length: abc\r\n\r\n");
    feed(&d, "Content-Length: -5\r\n\r\n");
    feed(&d, "Content-Length: 99999999999999999999999\r\n\r\n");
    feed(&d, "Content-Length:\r\n\r\n");
    feed(&d, "Content-Type: text/plain; charset=latin1\r\nContent-Length: 2\r\n\r\nxx");
    feed(&d, "Content-Length: 2\r\n\r\nok");
    assert_int_equal(s.errors, 5);
    assert_int_equal(s.n, 1);
    assert_string_equal(s.bodies[0], "ok");
    lsp_decoder_cleanup(&d);
}

static void test_decoder_skips_oversized_body_without_buffering(void **state) {
    (void)state;
    sink_t s = {0};
    lsp_decoder_t d;
    lsp_decoder_init(&d, 16, on_msg, on_err, &s);
    feed(&d, "Content-Length: 100\r\n\r\n");
    char chunk[10];
    memset(chunk, 'x', sizeof(chunk));
    for (int i = 0; i < 10; i++)
        assert_int_equal(lsp_decoder_feed(&d, chunk, sizeof(chunk)), 0);
    assert_true(d.len == 0);
    feed(&d, "Content-Length: 2\r\n\r\n{}");
    assert_int_equal(s.errors, 1);
    assert_int_equal(s.n, 1);
    assert_string_equal(s.bodies[0], "{}");
    lsp_decoder_cleanup(&d);
}

static void test_decoder_bounds_a_header_that_never_ends(void **state) {
    (void)state;
    sink_t s = {0};
    lsp_decoder_t d;
    lsp_decoder_init(&d, 0, on_msg, on_err, &s);
    char junk[4096];
    memset(junk, 'j', sizeof(junk));
    for (int i = 0; i < 64; i++)
        assert_int_equal(lsp_decoder_feed(&d, junk, sizeof(junk)), 0);
    assert_true(d.len <= LSP_MAX_HEADER + sizeof(junk));
    assert_true(s.errors >= 1);
    feed(&d, "\r\n\r\nContent-Length: 2\r\n\r\n{}");
    assert_int_equal(s.n, 1);
    assert_string_equal(s.bodies[0], "{}");
    lsp_decoder_cleanup(&d);
}

static void test_decoder_delivers_empty_body(void **state) {
    (void)state;
    sink_t s = {0};
    lsp_decoder_t d;
    lsp_decoder_init(&d, 0, on_msg, on_err, &s);
    feed(&d, "Content-Length: 0\r\n\r\nContent-Length: 1\r\n\r\n1");
    assert_int_equal(s.n, 2);
    assert_string_equal(s.bodies[0], "");
    assert_string_equal(s.bodies[1], "1");
    lsp_decoder_cleanup(&d);
}

static void test_frame_counts_bytes(void **state) {
    (void)state;
    size_t n;
    char *f = lsp_frame_new("\"\xc3\xa9\"", 4, &n);
    assert_non_null(f);
    assert_int_equal(n, strlen("Content-Length: 4\r\n\r\n") + 4);
    assert_memory_equal(f, "Content-Length: 4\r\n\r\n\"\xc3\xa9\"", n);
    mfl_free(f);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decoder_reads_one_message),
        cmocka_unit_test(test_decoder_handles_byte_by_byte_reads),
        cmocka_unit_test(test_decoder_splits_several_messages_in_one_read),
        cmocka_unit_test(test_decoder_counts_bytes_not_characters),
        cmocka_unit_test(test_decoder_accepts_case_and_extra_headers),
        cmocka_unit_test(test_decoder_resyncs_after_garbage),
        cmocka_unit_test(test_decoder_rejects_bad_lengths),
        cmocka_unit_test(test_decoder_skips_oversized_body_without_buffering),
        cmocka_unit_test(test_decoder_bounds_a_header_that_never_ends),
        cmocka_unit_test(test_decoder_delivers_empty_body),
        cmocka_unit_test(test_frame_counts_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

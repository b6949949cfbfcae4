/* SPDX-License-Identifier: MIT */
/* Unit tests for position conversion (UTF-16 surrogate pairs, UTF-8,
 * clamping, CRLF) and file URIs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "convert.h"

/* "aé€😀b": bytes a=0 é=1-2 €=3-5 😀=6-9 b=10; UTF-16 units a é € 😀😀 b. */
static const char line[] = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80" "b";

static void test_utf16_units_map_to_bytes(void **state) {
    (void)state;
    size_t n = strlen(line);
    const uint32_t want[] = {0, 1, 3, 6, 6, 10, 11, 11};
    for (uint32_t u = 0; u < 8; u++)
        assert_int_equal(lsp_convert_units_to_bytes(line, n, u, LSP_ENC_UTF16), want[u]);
}

static void test_position_inside_surrogate_pair_goes_to_its_start(void **state) {
    (void)state;
    assert_int_equal(lsp_convert_units_to_bytes(line, strlen(line), 4, LSP_ENC_UTF16), 6);
}

static void test_bytes_map_to_utf16_units(void **state) {
    (void)state;
    size_t n = strlen(line);
    assert_int_equal(lsp_convert_bytes_to_units(line, n, 0, LSP_ENC_UTF16), 0);
    assert_int_equal(lsp_convert_bytes_to_units(line, n, 3, LSP_ENC_UTF16), 2);
    assert_int_equal(lsp_convert_bytes_to_units(line, n, 6, LSP_ENC_UTF16), 3);
    assert_int_equal(lsp_convert_bytes_to_units(line, n, 10, LSP_ENC_UTF16), 5);
    assert_int_equal(lsp_convert_bytes_to_units(line, n, 11, LSP_ENC_UTF16), 6);
    assert_int_equal(lsp_convert_bytes_to_units(line, n, 99, LSP_ENC_UTF16), 6);
}

static void test_utf8_and_utf32_encodings(void **state) {
    (void)state;
    size_t n = strlen(line);
    assert_int_equal(lsp_convert_units_to_bytes(line, n, 6, LSP_ENC_UTF8), 6);
    assert_int_equal(lsp_convert_units_to_bytes(line, n, 99, LSP_ENC_UTF8), 11);
    assert_int_equal(lsp_convert_bytes_to_units(line, n, 10, LSP_ENC_UTF32), 4);
    assert_int_equal(lsp_convert_units_to_bytes(line, n, 4, LSP_ENC_UTF32), 10);
}

static void test_invalid_utf8_counts_one_unit_per_byte(void **state) {
    (void)state;
    const char bad[] = "\xff\xc3(x";
    assert_int_equal(lsp_convert_bytes_to_units(bad, 4, 4, LSP_ENC_UTF16), 4);
    assert_int_equal(lsp_convert_units_to_bytes(bad, 4, 2, LSP_ENC_UTF16), 2);
    /* A truncated 4-byte sequence at the end. */
    assert_int_equal(lsp_convert_bytes_to_units("\xf0\x9f", 2, 2, LSP_ENC_UTF16), 2);
}

static void test_document_positions_round_trip(void **state) {
    (void)state;
    const char text[] = "FROM x\r\nSYSTEM \"\xf0\x9f\x98\x80 hi\"\nPARAMETER top_k 1";
    mfl_doc_t *doc = mfl_doc_new(text, strlen(text));
    assert_non_null(doc);
    json_t *pos = json_pack("{s:i,s:i}", "line", 1, "character", 10);
    uint32_t off;
    assert_int_equal(lsp_convert_position_get(doc, LSP_ENC_UTF16, pos, &off), 0);
    assert_int_equal(off, 8 + 8 + 4); /* just after the emoji */
    json_t *back = lsp_convert_position_new(doc, LSP_ENC_UTF16, off);
    assert_true(json_equal(back, pos));
    json_decref(back);
    json_decref(pos);
    /* Past the end of a line: its end (before the CR). */
    pos = json_pack("{s:i,s:i}", "line", 0, "character", 50);
    assert_int_equal(lsp_convert_position_get(doc, LSP_ENC_UTF16, pos, &off), 0);
    assert_int_equal(off, 6);
    json_decref(pos);
    /* A line past the end: the end of the document. */
    pos = json_pack("{s:i,s:i}", "line", 9, "character", 0);
    assert_int_equal(lsp_convert_position_get(doc, LSP_ENC_UTF16, pos, &off), 0);
    assert_int_equal(off, strlen(text));
    json_decref(pos);
    /* Not a position. */
    pos = json_pack("{s:s}", "line", "x");
    assert_int_equal(lsp_convert_position_get(doc, LSP_ENC_UTF16, pos, &off), -1);
    json_decref(pos);
    mfl_doc_free(doc);
}

/* An edit that ends between CR and LF (MF011 removes the CRs of a value)
 * cannot be said in LSP positions: it takes the line break with it. */
static void test_edit_inside_crlf_takes_the_line_break(void **state) {
    (void)state;
    const char text[] = "SYSTEM \"\"\"a\r\nb\r\n\"\"\"\r\n";
    mfl_doc_t *doc = mfl_doc_new(text, strlen(text));
    assert_non_null(doc);
    /* Delete the first CR (byte 11): becomes "\r\n" -> "\n" at (0,11)-(1,0). */
    json_t *e = lsp_convert_text_edit_new(doc, LSP_ENC_UTF16, (mfl_range_t){11, 12}, "", 0);
    json_t *want = json_pack("{s:{s:{s:i,s:i},s:{s:i,s:i}},s:s}", "range", "start", "line", 0, "character",
                             11, "end", "line", 1, "character", 0, "newText", "\n");
    assert_true(json_equal(e, want));
    json_decref(e);
    json_decref(want);
    /* An insertion between CR and LF: the CR before it is rewritten too. */
    e = lsp_convert_text_edit_new(doc, LSP_ENC_UTF16, (mfl_range_t){12, 12}, "x", 1);
    want = json_pack("{s:{s:{s:i,s:i},s:{s:i,s:i}},s:s}", "range", "start", "line", 0, "character", 11,
                     "end", "line", 1, "character", 0, "newText", "\rx\n");
    assert_true(json_equal(e, want));
    json_decref(e);
    json_decref(want);
    /* Elsewhere edits are as they were. */
    e = lsp_convert_text_edit_new(doc, LSP_ENC_UTF16, (mfl_range_t){0, 6}, "FROM", 4);
    want = json_pack("{s:{s:{s:i,s:i},s:{s:i,s:i}},s:s}", "range", "start", "line", 0, "character", 0,
                     "end", "line", 0, "character", 6, "newText", "FROM");
    assert_true(json_equal(e, want));
    json_decref(e);
    json_decref(want);
    mfl_doc_free(doc);
}

static void test_file_uris_decode_to_paths(void **state) {
    (void)state;
    char *p = lsp_convert_uri_to_path("file:///home/u/my%20models/Modelfile");
    assert_string_equal(p, "/home/u/my models/Modelfile");
    char *dir = lsp_convert_path_dir(p);
    assert_string_equal(dir, "/home/u/my models");
    char *uri = lsp_convert_path_to_uri(p);
    assert_string_equal(uri, "file:///home/u/my%20models/Modelfile");
    mfl_free(p);
    mfl_free(dir);
    mfl_free(uri);
    p = lsp_convert_uri_to_path("file://localhost/tmp/M");
    assert_string_equal(p, "/tmp/M");
    mfl_free(p);
    assert_null(lsp_convert_uri_to_path("untitled:Untitled-1"));
}

int main(void) {
    json_set_alloc_funcs(mfl_malloc, mfl_free);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf16_units_map_to_bytes),
        cmocka_unit_test(test_position_inside_surrogate_pair_goes_to_its_start),
        cmocka_unit_test(test_bytes_map_to_utf16_units),
        cmocka_unit_test(test_utf8_and_utf32_encodings),
        cmocka_unit_test(test_invalid_utf8_counts_one_unit_per_byte),
        cmocka_unit_test(test_document_positions_round_trip),
        cmocka_unit_test(test_edit_inside_crlf_takes_the_line_break),
        cmocka_unit_test(test_file_uris_decode_to_paths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

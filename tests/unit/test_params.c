/* SPDX-License-Identifier: MIT */
/* The PARAMETER table and Ollama's value converters (spec §2.7, Go strconv). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mfl_params.h"

static bool int_ok(const char *s) { return mfl_param_parse_int(s, strlen(s), NULL); }
static bool float_ok(const char *s) { return mfl_param_parse_float(s, strlen(s), NULL); }
static bool bool_ok(const char *s) { return mfl_param_parse_bool(s, strlen(s), NULL); }

static void test_int(void **state) {
    (void)state;
    const char *good[] = {
        "0", "4096", "+8192", "-1", "007", "9223372036854775807", "-9223372036854775808"};
    const char *bad[] = {"",
                         "+",
                         "-",
                         "4096.0",
                         "0x10",
                         "1_000",
                         "1e3",
                         " 1",
                         "1 ",
                         "4096 # c",
                         "9223372036854775808",
                         "-9223372036854775809",
                         "99999999999999999999",
                         "٣"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) assert_true(int_ok(good[i]));
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) assert_false(int_ok(bad[i]));
    int64_t v;
    assert_true(mfl_param_parse_int("-9223372036854775808", 20, &v));
    assert_true(v == INT64_MIN);
    assert_true(mfl_param_parse_int("+8192", 5, &v));
    assert_int_equal(v, 8192);
}

static void test_float(void **state) {
    (void)state;
    const char *good[] = {"0.7",          ".5",        "5.",     "+1",    "-0",
                          "1e-3",         "1E+3",      "inf",    "+Inf",  "-INF",
                          "Infinity",     "-infinity", "NaN",    "nan",   "NAN",
                          "0x1p-2",       "0X1.8P1",   "0x_1p0", "1_000", "1_23.50_0_0e+1_2",
                          "3.4028234e38", "1e-50",     "0000.5"};
    const char *bad[] = {"",      ".",      "+",    "1,5",   "eg 0.9",  "1.0 # optional",
                         "1e",    "1e+",    "e3",   "0x10",  "0x",      "0x1.8",
                         "_1",    "1__0",   "1_",   "1_.5",  "1._5",    "1e40",
                         "-1e40", "3.5e38", "+nan", "-NaN",  "infinit", "in",
                         "1.2.3", " 1",     "1 ",   "0b101", "1f"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        if (!float_ok(good[i])) fail_msg("should accept %s", good[i]);
    }
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        if (float_ok(bad[i])) fail_msg("should reject %s", bad[i]);
    }
    double v;
    assert_true(mfl_param_parse_float("0x1p-2", 6, &v));
    assert_true(v == 0.25);
    assert_true(mfl_param_parse_float("1_000", 5, &v));
    assert_true(v == 1000);
    assert_true(mfl_param_parse_float("-Inf", 4, &v));
    assert_true(v < -1e308);
    /* Go reads numbers of any length: 0.000...07 (700 digits) and 7000...0e-699. */
    char longf[800];
    memset(longf, '0', sizeof longf);
    longf[1] = '.';
    longf[701] = '7';
    assert_true(mfl_param_parse_float(longf, 702, &v));
    assert_true(v == 0.0f); /* below float32's smallest: rounds to 0, no error */
    longf[0] = '7';
    memset(longf + 1, '0', 699);
    memcpy(longf + 700, "e-699", 5);
    assert_true(mfl_param_parse_float(longf, 705, &v));
    assert_true(v == 7.0f);
    longf[3] = 'x';
    assert_false(mfl_param_parse_float(longf, 705, &v));
}

static void test_bool(void **state) {
    (void)state;
    const char *good[] = {"1", "t", "T", "TRUE",  "true",  "True",
                          "0", "f", "F", "FALSE", "false", "False"};
    const char *bad[] = {"", "yes", "no", "on", "off", "tRUE", "TrUe", "y", "2", " true"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) assert_true(bool_ok(good[i]));
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) assert_false(bool_ok(bad[i]));
    bool b = true;
    assert_true(mfl_param_parse_bool("False", 5, &b));
    assert_false(b);
}

static void test_table(void **state) {
    (void)state;
    size_t active = 0;
    for (size_t i = 0; i < mfl_param_count(); i++) {
        const mfl_param_t *p = mfl_param_at(i);
        assert_non_null(p->name);
        assert_ptr_equal(mfl_param_find(p->name, strlen(p->name)), p);
        char since[32];
        mfl_param_changed_in(p, since, sizeof since);
        if (mfl_param_status(p) == MFL_PARAM_ACTIVE)
            active++, assert_string_equal(since, "");
        else
            assert_true(since[0] >= '0' && since[0] <= '9');
    }
    /* 20 options, typical_p refused since 0.34.1 */
    assert_int_equal(active, 19);
    assert_int_equal(mfl_param_status(mfl_param_find("typical_p", 9)), MFL_PARAM_REFUSED);
    assert_null(mfl_param_at(mfl_param_count()));
    assert_null(mfl_param_find("Temperature", 11));
    assert_null(mfl_param_find("keep_alive", 10));
    assert_int_equal(mfl_param_status(mfl_param_find("tfs_z", 5)), MFL_PARAM_REMOVED);
    assert_int_equal(mfl_param_status(mfl_param_find("mirostat", 8)), MFL_PARAM_DEPRECATED);
    assert_int_equal(mfl_param_find("use_mmap", 8)->type, MFL_PARAM_BOOL);
    assert_int_equal(mfl_param_find("stop", 4)->type, MFL_PARAM_STRINGS);
    assert_string_equal(mfl_param_alias("batch_size", 10), "num_batch");
    assert_string_equal(mfl_param_alias("num_gpu_layers", 14), "num_gpu");
    assert_string_equal(mfl_param_alias("n_ctx", 5), "num_ctx");
    assert_string_equal(mfl_param_alias("max_tokens", 10), "num_predict");
    assert_null(mfl_param_alias("num_ctx", 7));
    assert_string_equal(mfl_param_suggest("NUM_CTX", 7), "num_ctx");
    assert_string_equal(mfl_param_suggest("temprature", 10), "temperature");
    assert_null(mfl_param_suggest("flux_capacitor", 14));
    assert_non_null(mfl_param_not_a_parameter("keep_alive", 10));
    assert_string_equal(mfl_param_type_word(MFL_PARAM_FLOAT), "float");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_int),
        cmocka_unit_test(test_float),
        cmocka_unit_test(test_bool),
        cmocka_unit_test(test_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

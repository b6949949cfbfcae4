/* SPDX-License-Identifier: MIT */
/* The target-version table (lint/src/versions.c) and the model-name parser
 * (lint/src/names.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mfl.h"
#include "mfl_names.h"

static mfl_version_t V(const char *s) {
    mfl_version_t v = 0;
    assert_int_equal(mfl_version_parse(s, strlen(s), &v, NULL), 0);
    return v;
}

static void test_parse_and_order(void **state) {
    (void)state;
    char buf[32];
    assert_string_equal(mfl_version_format(V("0.34.1"), buf, sizeof buf), "0.34.1");
    assert_string_equal(mfl_version_format(V("v0.33.0-rc2"), buf, sizeof buf), "0.33.0-rc2");
    assert_true(V("0.33.0-rc2") < V("0.33.0"));
    assert_true(V("0.32.15") < V("0.33.0-rc0"));
    assert_true(V("0.9.0") < V("0.10.0"));
    assert_true(V("1.0.0") > V("0.99.99"));
    const char *bad[] = {"",       "0.34",   "0.34.1.2",    "latest",    "V0.34.1",
                         "0.34.x", "01.2.3", "0.34.1-beta", "0.34.1-rc", " 0.34.1",
                         "0.1.33", "0.0.9",  "99999.0.0"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const char *why = NULL;
        if (mfl_version_parse(bad[i], strlen(bad[i]), NULL, &why) == 0)
            fail_msg("accepted %s", bad[i]);
        assert_non_null(why);
    }
    assert_string_equal(mfl_version_format(mfl_version_default(), buf, sizeof buf), "0.34.1");
}

static void test_facts(void **state) {
    (void)state;
    for (int f = 1; f < MFL_FACT__COUNT; f++) {
        const mfl_fact_info_t *fi = mfl_fact((mfl_fact_t)f);
        assert_non_null(fi);
        assert_int_equal(fi->id, f);
        assert_true(fi->since >= MFL_OLLAMA_VERSION_OLDEST ||
                    f == MFL_FACT_P_EMBEDDING_ONLY_REMOVED);
        assert_true(fi->since <= mfl_version_default());
        assert_true(strlen(fi->source) > 10 && strlen(fi->what) > 5);
    }
    assert_true(mfl_version_has(V("0.12.0"), MFL_FACT_KW_RENDERER_PARSER));
    assert_false(mfl_version_has(V("0.12.0-rc0"), MFL_FACT_KW_RENDERER_PARSER));
    assert_false(mfl_version_has(V("0.33.0-rc2"), MFL_FACT_ADAPTER_REFUSED));
    assert_false(mfl_fact(MFL_FACT_ADAPTER_REFUSED)->exact);
    assert_true(strstr(mfl_invalid_command_text(V("0.11.0")),
                       "\"adapter\", \"parameter\", or \"message\"") != NULL);
    assert_true(strstr(mfl_invalid_command_text(V("0.23.1")), "\"draft\"") != NULL);
    assert_null(strstr(mfl_invalid_command_text(V("0.23.0")), "\"draft\""));
}

static void test_param_life(void **state) {
    (void)state;
    mfl_fact_t why;
    assert_int_equal(mfl_param_life("typical_p", 9, V("0.32.15"), &why), MFL_PLIFE_ACTIVE);
    assert_int_equal(mfl_param_life("typical_p", 9, V("0.34.1"), &why), MFL_PLIFE_REFUSED);
    assert_int_equal(why, MFL_FACT_P_TYPICAL_P_REFUSED);
    assert_int_equal(mfl_param_life("tfs_z", 5, V("0.5.1"), NULL), MFL_PLIFE_ACTIVE);
    assert_int_equal(mfl_param_life("tfs_z", 5, V("0.5.2"), NULL), MFL_PLIFE_REMOVED);
    assert_int_equal(mfl_param_life("mirostat", 8, V("0.6.8"), NULL), MFL_PLIFE_ACTIVE);
    assert_int_equal(mfl_param_life("mirostat", 8, V("0.7.0"), NULL), MFL_PLIFE_DEPRECATED);
    assert_int_equal(mfl_param_life("min_p", 5, V("0.3.0"), NULL), MFL_PLIFE_NOT_YET);
    assert_int_equal(mfl_param_life("min_p", 5, V("0.3.1"), NULL), MFL_PLIFE_ACTIVE);
    assert_int_equal(mfl_param_life("num_ctx", 7, V("0.1.34"), NULL), MFL_PLIFE_ACTIVE);
}

static void test_default_ctx(void **state) {
    (void)state;
    const uint64_t G = 1ull << 30;
    bool fl;
    assert_int_equal(mfl_ollama_default_ctx(V("0.5.12"), 80 * G, "llama", &fl), 2048);
    assert_int_equal(mfl_ollama_default_ctx(V("0.6.6"), 80 * G, "llama", &fl), 2048);
    assert_int_equal(mfl_ollama_default_ctx(V("0.6.7"), 80 * G, "llama", &fl), 4096);
    assert_int_equal(mfl_ollama_default_ctx(V("0.11.0"), 0, "gptoss", &fl), 8192);
    assert_true(fl);
    assert_int_equal(mfl_ollama_default_ctx(V("0.11.4"), 16 * G, "gptoss", &fl), 4096);
    assert_false(fl);
    assert_int_equal(mfl_ollama_default_ctx(V("0.11.4"), 24 * G, "gptoss", &fl), 8192);
    assert_int_equal(mfl_ollama_default_ctx(V("0.12.6"), 24 * G, "qwen3vl", &fl), 4096);
    assert_int_equal(mfl_ollama_default_ctx(V("0.12.7"), 24 * G, "qwen3vl", &fl), 8192);
    assert_int_equal(mfl_ollama_default_ctx(V("0.15.4"), 80 * G, "llama", &fl), 4096);
    assert_int_equal(mfl_ollama_default_ctx(V("0.15.5"), 80 * G, "gptoss", &fl), 262144);
    assert_false(fl);
    assert_int_equal(mfl_ollama_default_ctx(V("0.15.5"), 47 * G, NULL, &fl), 262144);
    assert_int_equal(mfl_ollama_default_ctx(V("0.15.5"), 47 * G - 1, NULL, &fl), 32768);
    assert_int_equal(mfl_ollama_default_ctx(V("0.15.5"), 23 * G, NULL, &fl), 32768);
    assert_int_equal(mfl_ollama_default_ctx(V("0.34.1"), 8 * G, NULL, &fl), 4096);
    assert_int_equal(mfl_ollama_default_ctx(V("0.34.1"), 0, NULL, NULL), 4096);
}

/* model.ParseName: types/model/name.go and its tests' cases. */
static void test_names(void **state) {
    (void)state;
    static const struct {
        const char *s;
        bool ok;
        const char *host, *ns, *model, *tag;
    } cases[] = {
        {"llama3.2", true, "registry.ollama.ai", "library", "llama3.2", "latest"},
        {"llama3:7b-instruct-q4_K_M", true, "registry.ollama.ai", "library", "llama3",
         "7b-instruct-q4_K_M"},
        {"hf.co/user/repo:Q4_K_M", true, "hf.co", "user", "repo", "Q4_K_M"},
        {"localhost:5000/ns/m:t", true, "localhost:5000", "ns", "m", "t"},
        {"https://hf.co/u/r", true, "hf.co", "u", "r", "latest"},
        {"x:///ns/m", true, "registry.ollama.ai", "ns", "m", "latest"},
        {"_u/m_:_t", true, "registry.ollama.ai", "_u", "m_", "_t"},
        {"host/name:space/model:tag", false, 0, 0, 0, 0},
        {"-mm:tt", false, 0, 0, 0, 0},
        {"a/b/c/d", false, 0, 0, 0, 0},
        {"m@sha256:00", false, 0, 0, 0, 0},
        {"./model.gguf", false, 0, 0, 0, 0},
        {"m:", false, 0, 0, 0, 0},
        {":t", false, 0, 0, 0, 0},
        {"/m", false, 0, 0, 0, 0},
        {"ns/", false, 0, 0, 0, 0},
        {"n.s/m", false, 0, 0, 0, 0},
        {"gpt-oss:20b:cloud", false, 0, 0, 0, 0},
        {"", false, 0, 0, 0, 0},
        {"m m", false, 0, 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        mfl_name_t n;
        int rc = mfl_name_parse(cases[i].s, strlen(cases[i].s), &n);
        if ((rc == 0) != cases[i].ok) fail_msg("%s: rc %d", cases[i].s, rc);
        if (!cases[i].ok) continue;
        assert_string_equal(n.host, cases[i].host);
        assert_string_equal(n.ns, cases[i].ns);
        assert_string_equal(n.model, cases[i].model);
        assert_string_equal(n.tag, cases[i].tag);
    }
    char a[81 + 1], b[82];
    memset(a, 'a', 80), a[80] = '\0';
    memset(b, 'b', 81), b[81] = '\0';
    mfl_name_t n;
    assert_int_equal(mfl_name_parse(a, 80, &n), 0);
    assert_int_equal(mfl_name_parse(b, 81, &n), MFL_EINVAL);
}

/* modelref.ParseRef: internal/modelref's behaviour. */
static void test_refs(void **state) {
    (void)state;
    static const struct {
        const char *s;
        mfl_ref_status_t st;
        mfl_ref_source_t src;
        const char *base;
    } cases[] = {
        {"gpt-oss:20b:cloud", MFL_REF_OK, MFL_REF_SOURCE_CLOUD, "gpt-oss:20b"},
        {"gpt-oss:20b:CLOUD", MFL_REF_OK, MFL_REF_SOURCE_CLOUD, "gpt-oss:20b"},
        {"qwen3:Local", MFL_REF_OK, MFL_REF_SOURCE_LOCAL, "qwen3"},
        {"gpt-oss:120b-cloud", MFL_REF_OK, MFL_REF_SOURCE_CLOUD, "gpt-oss:120b"},
        {"gpt-oss:120b-CLOUD", MFL_REF_OK, MFL_REF_SOURCE_CLOUD, "gpt-oss:120b"},
        {"  qwen3:cloud  ", MFL_REF_OK, MFL_REF_SOURCE_CLOUD, "qwen3"},
        {"qwen3: cloud", MFL_REF_OK, MFL_REF_SOURCE_CLOUD, "qwen3"},
        {"qwen3", MFL_REF_OK, MFL_REF_SOURCE_UNSPECIFIED, "qwen3"},
        {"host:5000/ns/m", MFL_REF_OK, MFL_REF_SOURCE_UNSPECIFIED, "host:5000/ns/m"},
        {"host:5000/m", MFL_REF_INVALID_NAME, MFL_REF_SOURCE_UNSPECIFIED, "host:5000/m"},
        {"gpt-oss:20b-cloud:local", MFL_REF_CONFLICT, MFL_REF_SOURCE_LOCAL, "gpt-oss:20b-cloud"},
        {"m:cloud:local", MFL_REF_CONFLICT, MFL_REF_SOURCE_LOCAL, "m:cloud"},
        {"m:local:cloud", MFL_REF_CONFLICT, MFL_REF_SOURCE_CLOUD, "m:local"},
        {"   ", MFL_REF_EMPTY, MFL_REF_SOURCE_UNSPECIFIED, ""},
        {":cloud", MFL_REF_INVALID_NAME, MFL_REF_SOURCE_CLOUD, ""},
        {"a/b-cloud", MFL_REF_OK, MFL_REF_SOURCE_UNSPECIFIED, "a/b-cloud"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        mfl_ref_t r;
        mfl_ref_status_t st = mfl_ref_parse(cases[i].s, strlen(cases[i].s), true, &r);
        if (st != cases[i].st || r.source != cases[i].src || strcmp(r.base, cases[i].base) != 0)
            fail_msg("%s: status %d source %d base '%s'", cases[i].s, st, r.source, r.base);
    }
    mfl_ref_t r;
    /* Before 0.18.0 the suffix is a tag like any other. */
    assert_int_equal(mfl_ref_parse("qwen3:cloud", 11, false, &r), MFL_REF_OK);
    assert_false(mfl_ref_is_cloud(&r));
    assert_int_equal(mfl_ref_parse("gpt-oss:20b:cloud", 17, false, &r), MFL_REF_INVALID_NAME);
    assert_true(mfl_ref_parse("gpt-oss:120b-cloud", 18, true, &r) == MFL_REF_OK &&
                mfl_ref_is_cloud(&r));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_and_order), cmocka_unit_test(test_facts),
        cmocka_unit_test(test_param_life),      cmocka_unit_test(test_default_ctx),
        cmocka_unit_test(test_names),           cmocka_unit_test(test_refs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* One runner for every rule's fixtures (rust-analyzer / ruff style).
 * tests/rules/<code>_<name>/NN_case.Modelfile is linted with only that rule
 * enabled (plus the suppression meta rules); NN_case.out holds the expected
 * diagnostics and NN_case.fixed (where the rule fixes) the result of fixing
 * with that rule's fixes. A case may set a budget ("# budget: 48GB 400 300" on its
 * first line) and a target Ollama release ("# ollama-version: 0.11.0" on any
 * line). MFL_BLESS=1 rewrites the expectations; reviewers
 * read the diff. Every rule must have a folder with a case that reports, a
 * clean case (`ok` in its name) and a suppressed case (`suppressed`). */
#define _GNU_SOURCE
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mfl.h"
#include "test_util.h"
#include "mfl_io_env.h"
#include "mfl_knowledge.h"

static const char *root;
static const char *rules_src; /* lint/rules, for the metadata test */
static bool bless;
static mfl_io_env_t *env;

static void spit(const char *path, const char *s, size_t n) {
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(s, 1, n, f);
    fclose(f);
}

/* Compares or blesses; returns true if they match. */
static bool expect_file(const char *path, const char *actual, size_t n) {
    size_t el = 0;
    char *exp = test_slurp(path, &el);
    bool ok = exp && el == n && memcmp(exp, actual, n) == 0;
    if (!ok && bless) {
        spit(path, actual, n);
        ok = true;
    } else if (!ok) {
        print_error("%s differs.\n--- expected\n%s--- actual\n%.*s---\n", path,
                    exp ? exp : "(missing)\n", (int)n, actual);
    }
    free(exp);
    return ok;
}

static const char *sev_name(mfl_severity_t s) {
    static const char *const n[] = {"error", "warning", "info", "hint", "off"};
    return n[s];
}

/* Per rule over its fixtures: its diagnostics with a fix and without one. */
static int with_fix, without_fix;

static bool run_case(const mfl_rule_t *rule, const char *dir, const char *name, int *reports) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    size_t len = 0;
    char *src = test_slurp(path, &len);
    assert_non_null(src);
    mfl_config_t *cfg = mfl_config_new();
    char sel[64];
    snprintf(sel, sizeof sel, "%s,MF902,MF903", rule->code);
    assert_int_equal(mfl_config_select(cfg, sel), 0);
    mfl_budget_t *b = mfl_config_budget(cfg);
    /* A case may set a budget with a first-line comment: "# budget: 36GiB 400 300"
     * (memory with a unit, as every setting takes it; "-" for none). */
    if (strncmp(src, "# budget: ", 10) == 0) {
        char mem[32] = "";
        double rate = 0, timeout = 0;
        sscanf(src + 10, "%31s %lf %lf", mem, &rate, &timeout);
        if (strcmp(mem, "-") != 0)
            assert_int_equal(mfl_size_parse(mem, &b->memory_budget, NULL, 0), 0);
        b->prefill_rate = rate;
        b->client_timeout = timeout;
    }
    /* And a target release with a comment line "# ollama-version: 0.11.0". */
    const char *ov = strstr(src, "# ollama-version: ");
    if (ov && (ov == src || ov[-1] == '\n')) {
        mfl_version_t v;
        const char *e = ov + 18;
        while (*e && *e != '\n' && *e != '\r') e++;
        assert_int_equal(mfl_version_parse(ov + 18, (size_t)(e - ov - 18), &v, NULL), 0);
        mfl_config_set_ollama_version(cfg, v);
    }
    mfl_lint_opts_t lo = {name, dir, cfg, mfl_io_env_get(env)};
    mfl_doc_t *doc = mfl_doc_new(src, len);
    mfl_result_t *res = NULL;
    assert_int_equal(mfl_lint(doc, &lo, &res), 0);
    /* A temporary file rather than open_memstream, which Windows lacks. */
    FILE *mem = tmpfile();
    assert_non_null(mem);
    bool fixable = false;
    for (size_t i = 0; i < res->n_diags; i++) {
        const mfl_diag_t *d = &res->diags[i];
        uint32_t l, c, el, ec;
        mfl_doc_position(doc, d->range.start, &l, &c);
        mfl_doc_position(doc, d->range.end, &el, &ec);
        fprintf(mem, "%u:%u-%u:%u %s %s %s\n", l + 1, c + 1, el + 1, ec + 1, sev_name(d->severity),
                d->rule->code, d->message);
        if (d->fix) {
            fprintf(mem, "  fix (%s): %s\n",
                    d->fix->applicability == MFL_FIX_SAFE ? "safe" : "unsafe", d->fix->title);
            fixable = true;
        }
        for (size_t k = 0; k < d->n_related; k++) {
            mfl_doc_position(doc, d->related[k].range.start, &l, &c);
            fprintf(mem, "  related %u:%u %s\n", l + 1, c + 1, d->related[k].message);
        }
        if (d->rule == rule) {
            (*reports)++;
            if (d->fix)
                with_fix++;
            else
                without_fix++;
        }
    }
    long memlen = ftell(mem);
    assert_true(memlen >= 0);
    size_t outlen = (size_t)memlen;
    char *out = malloc(outlen + 1);
    assert_non_null(out);
    rewind(mem);
    assert_int_equal(fread(out, 1, outlen, mem), outlen);
    out[outlen] = '\0';
    fclose(mem);
    snprintf(path, sizeof path, "%s/%.*s.out", dir, (int)(strrchr(name, '.') - name), name);
    bool ok = expect_file(path, out, outlen);
    if (fixable) {
        size_t tlen;
        const char *text = mfl_doc_text(doc, &tlen);
        mfl_fix_opts_t fo = {true, rule->code, 0};
        char *fixed;
        size_t flen;
        mfl_fix_report_t rep;
        int rc = mfl_fix_all(text, tlen, &lo, &fo, &fixed, &flen, &rep);
        assert_int_equal(rc, 0);
        snprintf(path, sizeof path, "%s/%.*s.fixed", dir, (int)(strrchr(name, '.') - name), name);
        ok = expect_file(path, fixed, flen) && ok;
        /* Fixing twice changes nothing. */
        char *again;
        size_t alen;
        assert_int_equal(mfl_fix_all(fixed, flen, &lo, &fo, &again, &alen, &rep), 0);
        if (alen != flen || memcmp(again, fixed, flen) != 0) {
            print_error("%s: a second fix pass changed the text\n", path);
            ok = false;
        }
        mfl_free(again);
        mfl_free(fixed);
    }
    free(out);
    mfl_result_free(res);
    mfl_doc_free(doc);
    mfl_config_free(cfg);
    free(src);
    return ok;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_every_rule_fixtures(void **state) {
    (void)state;
    int failures = 0, cases = 0;
    for (size_t i = 0; i < mfl_rule_count(); i++) {
        const mfl_rule_t *r = mfl_rule_at(i);
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/%s_%s", root, r->code, r->name);
        DIR *d = opendir(dir);
        if (!d) {
            print_error("%s %s: no fixture folder %s\n", r->code, r->name, dir);
            failures++;
            continue;
        }
        char *names[256];
        size_t n = 0;
        struct dirent *e;
        while ((e = readdir(d)) && n < 256) {
            size_t l = strlen(e->d_name);
            if (l > 10 && strcmp(e->d_name + l - 10, ".Modelfile") == 0)
                names[n++] = strdup(e->d_name);
        }
        closedir(d);
        qsort(names, n, sizeof *names, cmp_str);
        bool positive = false, clean = false, suppressed = false;
        with_fix = without_fix = 0;
        for (size_t k = 0; k < n; k++) {
            int reports = 0;
            if (!run_case(r, dir, names[k], &reports)) failures++;
            cases++;
            if (strstr(names[k], "ok")) {
                clean = true;
                if (reports) {
                    print_error("%s/%s: a clean case reports %d\n", dir, names[k], reports);
                    failures++;
                }
            } else if (strstr(names[k], "suppressed")) {
                suppressed = true;
                if (reports) {
                    print_error("%s/%s: a suppressed case reports %d\n", dir, names[k], reports);
                    failures++;
                }
            } else if (reports) {
                positive = true;
            }
            free(names[k]);
        }
        if (!positive || !clean || !suppressed) {
            print_error("%s: needs a reporting case, an `ok` case and a `suppressed` case\n", dir);
            failures++;
        }
        /* The declared fixability is the truth about the fixtures. */
        if (r->fixable == MFL_FIXABLE_ALWAYS && without_fix) {
            print_error("%s: declared always fixable, but %d of its diagnostics have no fix\n",
                        r->code, without_fix);
            failures++;
        }
        if (r->fixable == MFL_FIXABLE_NONE && with_fix) {
            print_error("%s: declared never fixable, but %d of its diagnostics have a fix\n",
                        r->code, with_fix);
            failures++;
        }
        if (r->fixable == MFL_FIXABLE_SOMETIMES && !with_fix) {
            print_error("%s: declared sometimes fixable, but no fixture shows a fix\n", r->code);
            failures++;
        }
    }
    print_message("%d fixture cases over %zu rules\n", cases, mfl_rule_count());
    assert_int_equal(failures, 0);
}

static void test_registry_is_sorted_and_documented(void **state) {
    (void)state;
    for (size_t i = 0; i < mfl_rule_count(); i++) {
        const mfl_rule_t *r = mfl_rule_at(i);
        assert_int_equal(strlen(r->code), 5);
        assert_true(strncmp(r->code, "MF", 2) == 0);
        if (i) assert_true(strcmp(mfl_rule_at(i - 1)->code, r->code) < 0);
        for (const char *p = r->name; *p; p++)
            assert_true((*p >= 'a' && *p <= 'z') || *p == '-' || (*p >= '0' && *p <= '9'));
        assert_non_null(strstr(r->doc, "## What it does"));
        assert_non_null(strstr(r->doc, "## Why is this bad?"));
        assert_non_null(strstr(r->doc, "## Example"));
        assert_non_null(r->summary);
        assert_true(mfl_rule_find(r->code) == r && mfl_rule_find(r->name) == r);
        for (size_t k = 0; k < i; k++) assert_string_not_equal(mfl_rule_at(k)->name, r->name);
    }
}

/* rules.def, the rule files and the fixture folders agree: the n-th
 * MFL_RULE(slug) is registry entry n, named slug with '-' for '_', defined in
 * lint/rules/mfNNN_<slug>.c (NNN its code) as mfl_rule_<slug>, and its
 * fixtures are in tests/rules/<CODE>_<name>/. */
static void test_metadata_agrees(void **state) {
    (void)state;
    char path[4096];
    snprintf(path, sizeof path, "%s/rules.def", rules_src);
    size_t len;
    char *def = test_slurp(path, &len);
    assert_non_null(def);
    size_t n = 0;
    int failures = 0;
    for (const char *p = def; (p = strstr(p, "\nMFL_RULE(")) != NULL; n++) {
        p += 10;
        const char *e = strchr(p, ')');
        assert_non_null(e);
        char slug[128];
        snprintf(slug, sizeof slug, "%.*s", (int)(e - p), p);
        if (n >= mfl_rule_count()) break;
        const mfl_rule_t *r = mfl_rule_at(n);
        char name[128];
        snprintf(name, sizeof name, "%s", slug);
        for (char *c = name; *c; c++)
            if (*c == '_') *c = '-';
        if (strcmp(name, r->name) != 0) {
            print_error("rules.def line %zu: slug %s, but the rule is named %s\n", n + 1, slug,
                        r->name);
            failures++;
        }
        /* The file: mf + the code's digits + _ + slug. */
        snprintf(path, sizeof path, "%s/mf%s_%s.c", rules_src, r->code + 2, slug);
        char *src = test_slurp(path, &len);
        if (!src) {
            print_error("%s %s: no rule file %s\n", r->code, r->name, path);
            failures++;
        } else {
            char want[256];
            snprintf(want, sizeof want, "const mfl_rule_t mfl_rule_%s = {", slug);
            if (!strstr(src, want)) {
                print_error("%s: does not define mfl_rule_%s\n", path, slug);
                failures++;
            }
            snprintf(want, sizeof want, ".code = \"%s\",", r->code);
            if (!strstr(src, want)) {
                print_error("%s: its code is not %s\n", path, r->code);
                failures++;
            }
            snprintf(want, sizeof want, ".name = \"%s\",", r->name);
            if (!strstr(src, want)) {
                print_error("%s: its name is not %s\n", path, r->name);
                failures++;
            }
            free(src);
        }
        snprintf(path, sizeof path, "%s/%s_%s", root, r->code, r->name);
        DIR *d = opendir(path);
        if (!d) {
            print_error("%s: no fixture folder %s\n", r->code, path);
            failures++;
        } else {
            closedir(d);
        }
    }
    free(def);
    if (n != mfl_rule_count()) {
        print_error("rules.def lists %zu rules, the registry has %zu\n", n, mfl_rule_count());
        failures++;
    }
    /* Every rule file is listed. */
    DIR *d = opendir(rules_src);
    assert_non_null(d);
    struct dirent *e;
    size_t files = 0;
    while ((e = readdir(d)))
        if (strncmp(e->d_name, "mf", 2) == 0 && strlen(e->d_name) > 2 &&
            strcmp(e->d_name + strlen(e->d_name) - 2, ".c") == 0)
            files++;
    closedir(d);
    if (files != mfl_rule_count()) {
        print_error("%s holds %zu rule files, the registry has %zu rules\n", rules_src, files,
                    mfl_rule_count());
        failures++;
    }
    assert_int_equal(failures, 0);
}

int main(int argc, char **argv) {
    root = argc > 1 ? argv[1] : "tests/rules";
    rules_src = argc > 2 ? argv[2] : "lint/rules";
    bless = getenv("MFL_BLESS") && *getenv("MFL_BLESS") == '1';
    env = mfl_io_env_new();
    /* A tiny Ollama store beside the fixtures (tests/rules/_store), never the user's. */
    char store[4096];
    snprintf(store, sizeof store, "%s/_store", root);
    mfl_io_env_set_store_dir(env, store);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_registry_is_sorted_and_documented),
        cmocka_unit_test(test_metadata_agrees),
        cmocka_unit_test(test_every_rule_fixtures),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    mfl_io_env_free(env);
    return rc;
}

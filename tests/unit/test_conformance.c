/* SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
/* Conformance of the tree-sitter front end with Ollama's parser:
 *  - the reference port (mfl_ollama_parse) reproduces Ollama's verdict on
 *    every file of the real-world corpus (EXPECTED.tsv, recorded with
 *    Ollama itself);
 *  - the lowered document gives exactly the reference's command list on
 *    every accepted file, and a syntax error on the right physical line of
 *    every rejected one, with the rest of the file still read;
 *  - the cases of spec section 5 and a set of edge cases agree byte for byte. */
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

static const char *corpus_dir;

/* Ollama's view of the doc: the same shape as mfl_ollama_parse. */
static char *doc_command(const mfl_doc_t *doc, size_t i, char **name) {
    const mfl_instr_t *in = mfl_doc_instr(doc, i);
    const char *n = mfl_instr_command_name(in->kind);
    *name = strdup(n ? n : in->name_text);
    if (in->kind == MFL_INSTR_MESSAGE) {
        char *s = malloc(in->name_len + 2 + in->value_len + 1);
        memcpy(s, in->name_text, in->name_len);
        memcpy(s + in->name_len, ": ", 2);
        memcpy(s + in->name_len + 2, in->value_text, in->value_len);
        s[in->name_len + 2 + in->value_len] = '\0';
        return s;
    }
    char *s = malloc(in->value_len + 1);
    memcpy(s, in->value_text, in->value_len);
    s[in->value_len] = '\0';
    return s;
}

static bool has_from(const mfl_doc_t *doc) {
    for (size_t i = 0; i < mfl_doc_instr_count(doc); i++)
        if (mfl_doc_instr(doc, i)->kind == MFL_INSTR_FROM) return true;
    return false;
}

/* Returns NULL if the doc agrees with the reference parser, else a message. */
static const char *agree(const char *src, size_t len, char *why, size_t whysz) {
    mfl_ollama_parse_t ref;
    assert_int_equal(mfl_ollama_parse(src, len, &ref), 0);
    mfl_doc_t *doc = mfl_doc_new(src, len);
    assert_non_null(doc);
    const char *res = NULL;
    size_t nerr = mfl_doc_syntax_error_count(doc);
    if (!ref.error) {
        if (nerr) {
            snprintf(why, whysz,
                     "Ollama accepts, we report %zu syntax error(s) (first kind %d at %u)", nerr,
                     mfl_doc_syntax_error(doc, 0)->kind, mfl_doc_syntax_error(doc, 0)->range.start);
            res = why;
        } else if (mfl_doc_instr_count(doc) != ref.n_commands) {
            snprintf(why, whysz, "command count %zu, Ollama %zu", mfl_doc_instr_count(doc),
                     ref.n_commands);
            res = why;
        } else {
            for (size_t i = 0; i < ref.n_commands && !res; i++) {
                char *name, *args = doc_command(doc, i, &name);
                if (strcmp(name, ref.commands[i].name) != 0 ||
                    strlen(args) != ref.commands[i].args_len ||
                    memcmp(args, ref.commands[i].args, ref.commands[i].args_len) != 0) {
                    snprintf(why, whysz, "command %zu: we say %s=[%s], Ollama %s=[%s]", i, name,
                             args, ref.commands[i].name, ref.commands[i].args);
                    res = why;
                }
                free(name);
                free(args);
            }
        }
    } else if (nerr == 0 && has_from(doc)) {
        snprintf(why, whysz, "Ollama rejects (%s), we report no syntax error", ref.error);
        res = why;
    } else if (nerr && strncmp(ref.error, "(line ", 6) == 0) {
        /* Ollama's line counts CR and LF separately, and is one more when the
         * error fires on a line break: our error must sit where that points. */
        long n = strtol(ref.error + 6, NULL, 10);
        size_t tlen;
        const char *text = mfl_doc_text(doc, &tlen);
        uint32_t off = mfl_doc_syntax_error(doc, 0)->range.start;
        long x = 1;
        for (uint32_t i = 0; i < off && i < tlen; i++) x += text[i] == '\r' || text[i] == '\n';
        if (n != x && n != x + 1) {
            snprintf(why, whysz, "Ollama says %s; our first error is at rune-line %ld", ref.error,
                     x);
            res = why;
        }
    }
    mfl_doc_free(doc);
    mfl_ollama_parse_cleanup(&ref);
    return res;
}

static void test_corpus_matches_ollama(void **state) {
    (void)state;
    if (!corpus_dir) skip();
    char path[4096];
    snprintf(path, sizeof path, "%s/EXPECTED.tsv", corpus_dir);
    FILE *f = fopen(path, "r");
    if (!f) skip();
    char line[8192];
    int files = 0, failures = 0, rejected = 0;
    (void)!fgets(line, sizeof line, f); /* header */
    while (fgets(line, sizeof line, f)) {
        char *name = strtok(line, "\t\n");
        char *verdict = strtok(NULL, "\t\n");
        char *first = strtok(NULL, "\n");
        if (!name || !verdict) continue;
        snprintf(path, sizeof path, "%s/%s", corpus_dir, name);
        size_t len = 0;
        char *src = test_slurp(path, &len);
        assert_non_null(src);
        files++;
        mfl_ollama_parse_t ref;
        assert_int_equal(mfl_ollama_parse(src, len, &ref), 0);
        bool parse_error = strcmp(verdict, "parse-error") == 0;
        if (parse_error != (ref.error != NULL) ||
            (parse_error && first && strncmp(ref.error, first, strlen(first)) != 0)) {
            print_error("%s: reference parser says [%s], Ollama's verdict %s [%s]\n", name,
                        ref.error ? ref.error : "ok", verdict, first ? first : "");
            failures++;
        }
        char why[1024];
        const char *bad = agree(src, len, why, sizeof why);
        if (bad) {
            print_error("%s: %s\n", name, bad);
            failures++;
        }
        if (parse_error) {
            /* The rest of the file is still read: instructions after the error. */
            mfl_doc_t *doc = mfl_doc_new(src, len);
            rejected++;
            if (mfl_doc_instr_count(doc) == 0 && len > 64) {
                print_error("%s: nothing read around the error\n", name);
                failures++;
            }
            mfl_doc_free(doc);
        }
        mfl_ollama_parse_cleanup(&ref);
        free(src);
    }
    fclose(f);
    print_message("corpus: %d files, %d rejected by Ollama, %d disagreements\n", files, rejected,
                  failures);
    assert_true(files >= 300);
    assert_int_equal(failures, 0);
}

/* Spec section 5 and extra edge cases: input -> expected commands. */
typedef struct {
    const char *src;
    size_t len;         /* 0: strlen */
    const char *expect; /* "name=args\x1f..." or "!error prefix" */
} case_t;

#define C(s, e) \
    { s, sizeof(s) - 1, e }

static const case_t cases[] = {
    C("FROM model1\nADAPTER adapter1\nLICENSE MIT\nPARAMETER param1 value1\nPARAMETER param2 "
      "value2\n"
      "TEMPLATE \"\"\"{{ if .System }}<|start_header_id|>system<|end_header_id|>\n\n{{ .System "
      "}}\"\"\"    \n",
      "model=model1\x1f"
      "adapter=adapter1\x1flicense=MIT\x1fparam1=value1\x1fparam2=value2\x1f"
      "template={{ if .System }}<|start_header_id|>system<|end_header_id|>\n\n{{ .System }}"),
    C("FROM \"     model 1\"\nADAPTER      adapter3\nLICENSE \"MIT       \"\n",
      "model=     model 1\x1f"
      "adapter=adapter3\x1flicense=MIT       "),
    C("FROM \"FOO  BAR  \"", "model=FOO  BAR  "),
    C("FROM     FOOO BAR    ", "model=FOOO BAR"),
    C("FROM /what/is/the path ", "model=/what/is/the path"),
    C("", "!no FROM line"),
    C("PARAMETER param1 value1\n", "!no FROM line"),
    C("PARAMETER param1 value1\nFROM foo", "param1=value1\x1fmodel=foo"),
    C("PARAMETER what the \nFROM lemons make lemonade ", "what=the\x1fmodel=lemons make lemonade"),
    C("FROM foo\nPARAMETER param1\n", "!unexpected EOF: param1"),
    C("\nFROM foo\nBADCOMMAND param1 value1\n", "!(line 3): command must be one of"),
    C("FROM foo\nMESSAGE system You are a file parser. Always parse things.",
      "model=foo\x1fmessage=system: You are a file parser. Always parse things."),
    C("FROM foo\nMESSAGE system \"\"\"\nYou are a multiline file parser.\n\"\"\"\n",
      "model=foo\x1fmessage=system: \nYou are a multiline file parser.\n"),
    C("\nFROM foo\nMESSAGE badguy I'm a bad guy!\n", "!(line 3): message role must be one of"),
    C("\nFROM foo\nMESSAGE system\n", "!unexpected EOF: system"),
    C("\nFROM foo\nMESSAGE system", "!unexpected EOF"),
    C("FROM foo\nSYSTEM \"\"\"\nThis is a\nmultiline system.\"\"\"",
      "model=foo\x1fsystem=\nThis is a\nmultiline system."),
    C("FROM foo\nSYSTEM \"\"\"This is a multiline system.\"\"\n", "!unexpected EOF"),
    C("FROM foo\nSYSTEM \"\n", "!unexpected EOF"),
    C("FROM foo\nSYSTEM \"\"\"\"\"\"", "model=foo\x1fsystem="),
    C("FROM foo\nSYSTEM \"\"", "model=foo\x1fsystem="),
    C("FROM foo\nSYSTEM \"'\"", "model=foo\x1fsystem='"),
    C("FROM foo\nSYSTEM \"\"\"''\"'\"\"'\"\"'\"'''''\"\"'\"\"'\"\"\"",
      "model=foo\x1fsystem=''\"'\"\"'\"\"'\"'''''\"\"'\"\"'"),
    C("FROM foo\nSYSTEM \"\"\"\"quoted\"\"\"\"", "model=foo\x1fsystem=\"quoted\""),
    C("FROM foo\nSYSTEM \"\"\"\"\"\"\"", "model=foo\x1fsystem=\""),
    C("FROM foo\nSYSTEM \"\"\"\"", "!unexpected EOF"),
    C("FROM foo\nSYSTEM \"\"\"abc\"\"\" x\nPARAMETER a b\n\"\"\"",
      "model=foo\x1fsystem=abc\"\"\" x\nPARAMETER a b\n"),
    C("FROM foo\nSYSTEM \"abc\" def\nPARAMETER x \"y\"\n",
      "model=foo\x1fsystem=abc\" def\nPARAMETER x \"y"),
    C("FROM foo\nSYSTEM say \"hi\"", "model=foo\x1fsystem=say \"hi\""),
    C("FROM foo\nPARAMETER num_ctx 4096 # ctx\n", "model=foo\x1fnum_ctx=4096 # ctx"),
    C("FROM foo # c", "model=foo # c"),
    C("FROM foo\nSYSTEM \"a\\\"b\"", "model=foo\x1fsystem=a\\\"b"),
    C("FROM foo\nSYSTEM 'abc'", "model=foo\x1fsystem='abc'"),
    C("FROM foo\r\nTEMPLATE \"\"\"a\r\nb\"\"\"\r\n", "model=foo\x1ftemplate=a\r\nb"),
    C("FROM foo\rSYSTEM x\r", "model=foo\x1fsystem=x"),
    C("FROM foo\r\nPARAMETER a 1\r\nBAD x\r\n", "!(line 5): command must be one of"),
    C("SYSTEM", "!unexpected EOF"),
    C("FROM foo\nSYSTEM\n", "!(line 3): command must be one of"),
    C("FROM foo\nSYSTEM \n", "model=foo\x1fsystem="),
    C("FROM ", "model="),
    C("FROM foo\nPARAMETER\n", "!(line 3): command must be one of"),
    C("FROM foo\nPARAMETER \n", "!unexpected EOF: "),
    C("FROM foo\nPARAMETER name ", "model=foo\x1fname="),
    C("FROM foo\nPARAMETER  temperature 1", "model=foo\x1f=temperature 1"),
    C("FROM foo\nMESSAGE  user hi", "!(line 2): message role must be one of"),
    C("FROM foo\nMESSAGE user ", "model=foo\x1fmessage=user: "),
    C("FROM:x y\n", "!(line 1): command must be one of"),
    C("FROM#x y\n", "!(line 1): command must be one of"),
    C("FROM2 x\n", "!(line 1): command must be one of"),
    C("FROM foo\nPARAMETER top-k 4\n", "!unexpected EOF: top"),
    C("FROM foo\nMESSAGE us3r hi\n", "!unexpected EOF: us"),
    C("from foo\nsYsTeM hi", "model=foo\x1fsystem=hi"),
    C("\xef\xbb\xbf"
      "FROM foo",
      "model=foo"),
    C("FROM foo\n\xc2\xa0\nSYSTEM x", "!(line 3): command must be one of"),
    C("\xe2\x80\x8b"
      "FROM foo",
      "model=foo"),
    C("\xef\xbb\xbf\xef\xbb\xbf"
      "FROM foo",
      "model=foo"),
    C("\xef\xbb\xbf\xef\xbb\xbf"
      "\nFROM foo",
      "!(line 2): command must be one of"),
    C("\xef\xbb\xbf\xef\xbb\xbf\xe2\x80\x8b"
      "FROM foo",
      "!(line 1): command must be one of"),
    C("FROM foo\n\xe2\x80\x8b\xe2\x80\x8b"
      "FROM bar",
      "!(line 2): command must be one of"),
    C("FROM foo\xe2\x80\x8d"
      "bar\xc2\xa0 \n",
      "model=foobar"),
    C("FROM foo\nSYSTEM \"\"\"abc\"\"\"\xe2\x80\x8b\n", "model=foo\x1fsystem=abc"),
    C("FROM foo\nSYSTEM \"\"\"abc\"\"\xe2\x80\x8b\"\n", "model=foo\x1fsystem=abc"),
    C("FROM foo\nSYSTEM \xe2\x80\x8b\"abc\"\n", "model=foo\x1fsystem=abc"),
    C("FROM foo\n\tSYSTEM \xe4\xbd\xa0\xe5\xa5\xbd\xf0\x9f\x91\x8b",
      "model=foo\x1fsystem=\xe4\xbd\xa0\xe5\xa5\xbd\xf0\x9f\x91\x8b"),
    C("FROM foo\nSYSTEM a\tb\t\n", "model=foo\x1fsystem=a\tb"),
    C("FROM foo\nSYSTEM \"\ta \"\n", "model=foo\x1fsystem=\ta "),
    C("FROM foo\nSYSTEM \xff\xfe x", "model=foo\x1fsystem=\xef\xbf\xbd\xef\xbf\xbd x"),
    C("FROM foo\nPARAMETER stop \"\"\"### User:\n\"\"\"\n", "model=foo\x1fstop=### User:\n"),
    C("# comment\n  # indented\nFROM foo\n\t", "model=foo"),
    C("FROM foo\nSYSTEM \"\"\"\n# not a comment\n\"\"\"",
      "model=foo\x1fsystem=\n# not a comment\n"),
    C("FROM foo\nBADCMD", "!unexpected EOF"),
    C("FROM a\nFROM b\nLICENSE x\nLICENSE y", "model=a\x1fmodel=b\x1flicense=x\x1flicense=y"),
    C("FROM foo\nREQUIRES 0.14.0\nDRAFT ./d\nRENDERER r\nPARSER p",
      "model=foo\x1frequires=0.14.0\x1f"
      "draft=./d\x1frenderer=r\x1fparser=p"),
    C("FROM foo\nSYSTEM \"x\" # c\nSYSTEM y\n", "!unexpected EOF"),
    C("FROM foo\nSYSTEM x\x01y\x7fz", "model=foo\x1fsystem=xyz"),
    {"FROM foo\nSYSTEM a\0b", 19, "model=foo\x1fsystem=ab"},
};

static void check_case(const case_t *c) {
    size_t len = c->len;
    mfl_ollama_parse_t ref;
    assert_int_equal(mfl_ollama_parse(c->src, len, &ref), 0);
    /* The reference port must give the spec's answer. */
    if (c->expect[0] == '!') {
        if (!ref.error || strncmp(ref.error, c->expect + 1, strlen(c->expect + 1)) != 0)
            fail_msg("case %s: reference says [%s], spec [%s]", c->src,
                     ref.error ? ref.error : "ok", c->expect);
    } else {
        if (ref.error) fail_msg("case %s: reference error %s", c->src, ref.error);
        char buf[4096] = "";
        for (size_t i = 0; i < ref.n_commands; i++) {
            size_t l = strlen(buf);
            snprintf(buf + l, sizeof buf - l, "%s%s=%s", i ? "\x1f" : "", ref.commands[i].name,
                     ref.commands[i].args);
        }
        if (strcmp(buf, c->expect) != 0)
            fail_msg("case [%s]: reference [%s], spec [%s]", c->src, buf, c->expect);
    }
    mfl_ollama_parse_cleanup(&ref);
    char why[1024];
    const char *bad = agree(c->src, len, why, sizeof why);
    if (bad) fail_msg("case [%s]: %s", c->src, bad);
}

static void test_spec_cases(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) check_case(&cases[i]);
}

static void test_utf16(void **state) {
    (void)state;
    const char *text =
        "FROM bob\nPARAMETER param1 1\nPARAMETER param2 4096\nSYSTEM You are a utf16 file.\n";
    for (int le = 0; le < 2; le++) {
        char buf[512];
        size_t n = 0;
        buf[n++] = le ? (char)0xFF : (char)0xFE;
        buf[n++] = le ? (char)0xFE : (char)0xFF;
        for (const char *p = text; *p; p++) {
            buf[n++] = le ? *p : 0;
            buf[n++] = le ? 0 : *p;
        }
        char why[512];
        assert_null(agree(buf, n, why, sizeof why));
        mfl_doc_t *doc = mfl_doc_new(buf, n);
        assert_int_equal(mfl_doc_instr_count(doc), 4);
        assert_string_equal(mfl_doc_instr(doc, 3)->value_text, "You are a utf16 file.");
        assert_int_equal(mfl_doc_encoding(doc), le ? MFL_ENC_UTF16LE : MFL_ENC_UTF16BE);
        mfl_doc_free(doc);
    }
}

/* Incremental edits give the same document as a fresh parse. */
static void test_incremental_edit_matches_fresh_parse(void **state) {
    (void)state;
    const char *base =
        "FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\nSYSTEM \"\"\"hi\nthere\"\"\"\n";
    mfl_doc_t *doc = mfl_doc_new(base, strlen(base));
    const struct {
        uint32_t start, end;
        const char *text;
    } edits[] = {
        {38, 44, "262144"}, {0, 0, "# x\n"}, {50, 50, "\"\"\" "},
        {50, 54, ""},       {4, 4, "\n"},    {4, 5, ""},
    };
    for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
        assert_int_equal(
            mfl_doc_edit(doc, edits[i].start, edits[i].end, edits[i].text, strlen(edits[i].text)),
            0);
        size_t len;
        const char *t = mfl_doc_text(doc, &len);
        mfl_doc_t *fresh = mfl_doc_new(t, len);
        char *a = mfl_doc_sexp(doc), *b = mfl_doc_sexp(fresh);
        assert_string_equal(a, b);
        assert_int_equal(mfl_doc_instr_count(doc), mfl_doc_instr_count(fresh));
        for (size_t k = 0; k < mfl_doc_instr_count(doc); k++)
            assert_string_equal(mfl_doc_instr(doc, k)->value_text,
                                mfl_doc_instr(fresh, k)->value_text);
        mfl_free(a);
        mfl_free(b);
        mfl_doc_free(fresh);
    }
    assert_int_equal(mfl_doc_edit(doc, 5, 2, "x", 1), MFL_EINVAL);
    assert_int_equal(mfl_doc_edit(doc, 0, 100000, "x", 1), MFL_EINVAL);
    mfl_doc_free(doc);
}

int main(int argc, char **argv) {
    corpus_dir = argc > 1 ? argv[1] : getenv("MFL_CORPUS_DIR");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec_cases),
        cmocka_unit_test(test_utf16),
        cmocka_unit_test(test_incremental_edit_matches_fresh_parse),
        cmocka_unit_test(test_corpus_matches_ollama),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

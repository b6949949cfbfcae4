/* SPDX-License-Identifier: MIT */
/* Fuzz target: parse + lint + fix-all, with the invariants of the pipeline
 * checked on every input:
 *  1. every edit of every fix lies inside the text, edits sorted and disjoint;
 *  2. linting twice gives byte-identical results (determinism);
 *  3. the fixed text re-parses without more syntax errors than the input;
 *  4. fixing the fixed text changes nothing (fix-all is idempotent);
 *  5. the tree-sitter front end agrees with the reference parser
 *     (mfl_ollama_parse): no syntax error <=> Ollama accepts, with the same
 *     commands;
 *  6. formatting (mfl_format) is idempotent, and Ollama's parser reads the
 *     same commands (or the same error) from the formatted text.
 * The environment is a fake, derived from the path text only, so that the
 * path and model rules run without touching the file system. */
#include "fuzz.h"

#include "mfl.h"
#include "mfl_knowledge.h"

#include <stdbool.h>
#include <string.h>

/* ---- a deterministic fake environment ----------------------------------------- */

static bool has_suffix(const char *s, const char *suf) {
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && memcmp(s + a - b, suf, b) == 0;
}

static mfl_path_kind_t fake_path_kind(void *ud, const char *base_dir, const char *path, char *abs,
                                      size_t bufsize, bool *is_symlink) {
    (void)ud;
    if (is_symlink) *is_symlink = strstr(path, "link") != NULL;
    if (bufsize == 0) return MFL_PATH_ERROR;
    if (path[0] == '/')
        snprintf(abs, bufsize, "%s", path);
    else if (path[0] == '~')
        snprintf(abs, bufsize, "/home/u%s", path + 1);
    else
        snprintf(abs, bufsize, "%s/%s", base_dir ? base_dir : "/p", path);
    if (strncmp(abs, "/dev/", 5) == 0 || strstr(path, "fifo")) return MFL_PATH_DEVICE;
    if (has_suffix(path, "/") || strstr(path, "dir")) return MFL_PATH_DIR;
    if (strstr(path, "err")) return MFL_PATH_ERROR;
    if (strchr(path, '.') || strchr(path, '/')) return MFL_PATH_FILE;
    return MFL_PATH_MISSING;
}

static bool fake_is_gguf(void *ud, const char *abs_path) {
    (void)ud;
    return has_suffix(abs_path, ".gguf");
}

static bool fake_resolve(void *ud, const char *base_dir, const char *from, mfl_model_t *out) {
    (void)ud;
    (void)base_dir;
    mfl_model_init(out);
    return mfl_table_lookup(from, strlen(from), out);
}

/* Symlinks named "link..." lead to /etc. */
static bool fake_real_path(void *ud, const char *abs_path, char *out, size_t outsz) {
    (void)ud;
    const char *slash = strrchr(abs_path, '/');
    if (slash && strncmp(slash + 1, "link", 4) == 0)
        snprintf(out, outsz, "/etc%s", slash);
    else
        snprintf(out, outsz, "%s", abs_path);
    return true;
}

/* Folders named "...empty..." hold only a README; others a model. */
static bool fake_list_dir(void *ud, const char *abs_dir, void (*fn)(void *fud, const char *name),
                          void *fud) {
    (void)ud;
    fn(fud, "README.md");
    if (!strstr(abs_dir, "empty")) fn(fud, "model.gguf");
    return !strstr(abs_dir, "err");
}

static const mfl_env_t fake_env = {NULL,           fake_path_kind, fake_is_gguf, fake_resolve,
                                   fake_real_path, NULL,           fake_list_dir};

/* ---- helpers ------------------------------------------------------------------ */

typedef struct {
    char *s;
    size_t len, cap;
} sbuf_t;

static void sb_add(sbuf_t *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *p = realloc(b->s, cap);
        FUZZ_CHECK(p != NULL, "realloc");
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

/* Appends lead, then "x-y ". */
static void sb_fmt(sbuf_t *b, const char *lead, unsigned long x, unsigned long y) {
    char tmp[96];
    int n = snprintf(tmp, sizeof tmp, "%s%lu-%lu ", lead, x, y);
    sb_add(b, tmp, (size_t)n);
}

/* A canonical dump of a result, for the determinism check. */
static void dump(const mfl_result_t *res, sbuf_t *b) {
    for (size_t i = 0; i < res->n_diags; i++) {
        const mfl_diag_t *d = &res->diags[i];
        sb_add(b, d->rule->code, strlen(d->rule->code));
        sb_fmt(b, " ", d->range.start, d->range.end);
        sb_fmt(b, "sev ", (unsigned long)d->severity, 0);
        sb_add(b, d->message, strlen(d->message));
        for (size_t r = 0; r < d->n_related; r++) {
            sb_fmt(b, "\n  rel ", d->related[r].range.start, d->related[r].range.end);
            sb_add(b, d->related[r].message, strlen(d->related[r].message));
        }
        if (d->fix) {
            sb_add(b, "\n  fix ", 7);
            sb_add(b, d->fix->title, strlen(d->fix->title));
            for (size_t e = 0; e < d->fix->n_edits; e++) {
                sb_fmt(b, "\n    ", d->fix->edits[e].range.start, d->fix->edits[e].range.end);
                sb_add(b, d->fix->edits[e].text, strlen(d->fix->edits[e].text));
            }
        }
        sb_add(b, "\n", 1);
    }
}

static void check_fixes_in_text(const mfl_result_t *res, size_t len) {
    for (size_t i = 0; i < res->n_diags; i++) {
        const mfl_diag_t *d = &res->diags[i];
        FUZZ_CHECK(d->range.start <= d->range.end && d->range.end <= len,
                   "%s range %u-%u, text %zu", d->rule->code, d->range.start, d->range.end, len);
        if (i > 0) {
            const mfl_diag_t *p = &res->diags[i - 1];
            FUZZ_CHECK(
                p->range.start < d->range.start ||
                    (p->range.start == d->range.start && strcmp(p->rule->code, d->rule->code) <= 0),
                "diagnostics not sorted at %zu", i);
        }
        if (d->fix == NULL) continue;
        FUZZ_CHECK(d->fix->n_edits > 0, "%s: fix without edits", d->rule->code);
        uint32_t prev_end = 0;
        for (size_t e = 0; e < d->fix->n_edits; e++) {
            mfl_range_t r = d->fix->edits[e].range;
            FUZZ_CHECK(r.start <= r.end && r.end <= len, "%s edit %u-%u outside text of %zu",
                       d->rule->code, r.start, r.end, len);
            FUZZ_CHECK(e == 0 || r.start >= prev_end, "%s edits overlap or unsorted",
                       d->rule->code);
            prev_end = r.end;
        }
    }
}

/* Ollama's view of instruction i, as mfl_ollama_parse returns it. */
static char *doc_command(const mfl_doc_t *doc, size_t i, const char **name, size_t *len) {
    const mfl_instr_t *in = mfl_doc_instr(doc, i);
    const char *n = mfl_instr_command_name(in->kind);
    *name = n ? n : in->name_text;
    size_t pre = in->kind == MFL_INSTR_MESSAGE ? in->name_len + 2 : 0;
    char *s = malloc(pre + in->value_len + 1);
    FUZZ_CHECK(s != NULL, "malloc");
    if (pre) {
        memcpy(s, in->name_text, in->name_len);
        memcpy(s + in->name_len, ": ", 2);
    }
    memcpy(s + pre, in->value_text, in->value_len);
    *len = pre + in->value_len;
    return s;
}

static void check_agreement(const uint8_t *data, size_t size, const mfl_doc_t *doc) {
    mfl_ollama_parse_t ref;
    if (mfl_ollama_parse((const char *)data, size, &ref) != 0) return; /* out of memory */
    size_t nerr = mfl_doc_syntax_error_count(doc);
    bool has_from = false;
    for (size_t i = 0; i < mfl_doc_instr_count(doc); i++)
        has_from = has_from || mfl_doc_instr(doc, i)->kind == MFL_INSTR_FROM;
    if (ref.error == NULL) {
        FUZZ_CHECK(nerr == 0, "Ollama accepts, we report %zu syntax error(s), first kind %d at %u",
                   nerr, nerr ? (int)mfl_doc_syntax_error(doc, 0)->kind : -1,
                   nerr ? mfl_doc_syntax_error(doc, 0)->range.start : 0);
        FUZZ_CHECK(mfl_doc_instr_count(doc) == ref.n_commands, "command count %zu, Ollama %zu",
                   mfl_doc_instr_count(doc), ref.n_commands);
        for (size_t i = 0; i < ref.n_commands; i++) {
            const char *name;
            size_t len;
            char *args = doc_command(doc, i, &name, &len);
            FUZZ_CHECK(strcmp(name, ref.commands[i].name) == 0 && len == ref.commands[i].args_len &&
                           memcmp(args, ref.commands[i].args, len) == 0,
                       "command %zu: we say %s=[%.*s], Ollama %s=[%s]", i, name, (int)len, args,
                       ref.commands[i].name, ref.commands[i].args);
            free(args);
        }
    } else {
        FUZZ_CHECK(nerr > 0 || !has_from, "Ollama rejects (%s), we report no syntax error",
                   ref.error);
    }
    mfl_ollama_parse_cleanup(&ref);
}

/* Ollama's parse of a and b are the same: both fail with the same error, or
 * both give the same commands. */
static void same_for_ollama(const char *a, size_t alen, const char *b, size_t blen) {
    mfl_ollama_parse_t x, y;
    if (mfl_ollama_parse(a, alen, &x) != 0) return;
    if (mfl_ollama_parse(b, blen, &y) != 0) {
        mfl_ollama_parse_cleanup(&x);
        return;
    }
    FUZZ_CHECK((x.error == NULL) == (y.error == NULL) &&
                   (x.error == NULL || strcmp(x.error, y.error) == 0),
               "formatting changes Ollama's verdict: [%s] -> [%s]:\n%.*s\n--- formatted ---\n%.*s",
               x.error ? x.error : "ok", y.error ? y.error : "ok", (int)alen, a, (int)blen, b);
    if (x.error == NULL) {
        FUZZ_CHECK(x.n_commands == y.n_commands, "formatting changes the command count");
        for (size_t i = 0; i < x.n_commands; i++)
            FUZZ_CHECK(strcmp(x.commands[i].name, y.commands[i].name) == 0 &&
                           x.commands[i].args_len == y.commands[i].args_len &&
                           memcmp(x.commands[i].args, y.commands[i].args, x.commands[i].args_len) ==
                               0,
                       "formatting changes command %zu: %s=[%s] -> %s=[%s]", i, x.commands[i].name,
                       x.commands[i].args, y.commands[i].name, y.commands[i].args);
    }
    mfl_ollama_parse_cleanup(&x);
    mfl_ollama_parse_cleanup(&y);
}

static void check_format(const mfl_doc_t *doc) {
    size_t len;
    const char *text = mfl_doc_text(doc, &len);
    mfl_edit_t *e;
    size_t n;
    if (mfl_format(doc, &e, &n) != 0) return;
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(e[i].range.start <= e[i].range.end && e[i].range.end <= len,
                   "format edit %zu out of the text", i);
        FUZZ_CHECK(i == 0 || e[i].range.start >= e[i - 1].range.end, "format edits overlap");
    }
    mfl_edits_free(e, n);
    char *once = NULL;
    size_t once_len;
    if (mfl_format_text(doc, &once, &once_len) != 0) return;
    same_for_ollama(text, len, once, once_len);
    mfl_doc_t *d2 = mfl_doc_new_decoded(once, once_len);
    if (d2 && mfl_format(d2, &e, &n) == 0) {
        FUZZ_CHECK(n == 0, "formatting twice changes the text (%zu edits, first at %u):\n%.*s", n,
                   n ? e[0].range.start : 0, (int)once_len, once);
        mfl_edits_free(e, n);
    }
    mfl_doc_free(d2);
    mfl_free(once);
}

static mfl_config_t *make_config(void) {
    mfl_config_t *cfg = mfl_config_new();
    FUZZ_CHECK(cfg != NULL, "config");
    for (size_t i = 0; i < mfl_rule_count(); i++)
        if (mfl_rule_at(i)->default_off) mfl_config_enable(cfg, mfl_rule_at(i)->code);
    mfl_budget_t *b = mfl_config_budget(cfg);
    b->memory_budget = 24ull << 30;
    b->bandwidth = 400e9;
    b->prefill_rate = 500;
    b->client_timeout = 300;
    return cfg;
}

static int fix_all(const char *text, size_t len, const mfl_lint_opts_t *opts, char **out,
                   size_t *out_len) {
    mfl_fix_opts_t fo = {.unsafe = true};
    mfl_fix_report_t rep;
    int rc = mfl_fix_all(text, len, opts, &fo, out, out_len, &rep);
    FUZZ_CHECK(rc == 0 || rc == MFL_ENOMEM, "mfl_fix_all returned %d (rules still fixing: %s)", rc,
               rc == MFL_ENOCONVERGE ? rep.rules : "");
    return rc;
}

/* On failure: names the rules whose fixes alone add syntax errors. */
static void blame(const char *text, size_t len, const mfl_lint_opts_t *opts, size_t before) {
    for (size_t i = 0; i < mfl_rule_count(); i++) {
        mfl_fix_opts_t fo = {.unsafe = true, .only_code = mfl_rule_at(i)->code};
        mfl_fix_report_t rep;
        char *out = NULL;
        size_t out_len;
        if (mfl_fix_all(text, len, opts, &fo, &out, &out_len, &rep) == 0) {
            mfl_doc_t *d = mfl_doc_new(out, out_len);
            if (d && mfl_doc_syntax_error_count(d) > before)
                fprintf(stderr, "fixes of %s alone add syntax errors\n", fo.only_code);
            mfl_doc_free(d);
        }
        mfl_free(out);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 64 * 1024) return 0;
    static mfl_config_t *cfg;
    if (cfg == NULL) cfg = make_config();
    mfl_doc_t *doc = mfl_doc_new((const char *)data, size);
    if (doc == NULL) return 0;
    check_agreement(data, size, doc);
    check_format(doc);

    size_t len;
    const char *text = mfl_doc_text(doc, &len);
    FUZZ_CHECK(text[len] == '\0', "text not NUL-terminated");
    mfl_lint_opts_t opts = {
        .path = "fuzz.Modelfile", .base_dir = "/p", .config = cfg, .env = &fake_env};
    mfl_result_t *r1 = NULL, *r2 = NULL;
    if (mfl_lint(doc, &opts, &r1) != 0) goto out;
    check_fixes_in_text(r1, len);
    if (mfl_lint(doc, &opts, &r2) != 0) goto out;
    sbuf_t a = {0}, b = {0};
    dump(r1, &a);
    dump(r2, &b);
    FUZZ_CHECK(a.len == b.len && (a.len == 0 || memcmp(a.s, b.s, a.len) == 0),
               "lint is not deterministic:\n%s\n--- vs ---\n%s", a.s, b.s);
    free(a.s);
    free(b.s);

    char *fixed = NULL, *again = NULL;
    size_t fixed_len, again_len;
    if (fix_all(text, len, &opts, &fixed, &fixed_len) == 0) {
        mfl_doc_t *fdoc = mfl_doc_new(fixed, fixed_len);
        if (fdoc) {
            if (mfl_doc_syntax_error_count(fdoc) > mfl_doc_syntax_error_count(doc))
                blame(text, len, &opts, mfl_doc_syntax_error_count(doc));
            FUZZ_CHECK(mfl_doc_syntax_error_count(fdoc) <= mfl_doc_syntax_error_count(doc),
                       "fix-all added syntax errors (%zu -> %zu):\n%.*s\n--- fixed ---\n%.*s",
                       mfl_doc_syntax_error_count(doc), mfl_doc_syntax_error_count(fdoc), (int)len,
                       text, (int)fixed_len, fixed);
            mfl_doc_free(fdoc);
        }
        if (fix_all(fixed, fixed_len, &opts, &again, &again_len) == 0)
            FUZZ_CHECK(again_len == fixed_len && memcmp(again, fixed, fixed_len) == 0,
                       "fixing twice changes the text:\n%.*s\n--- vs ---\n%.*s", (int)fixed_len,
                       fixed, (int)again_len, again);
    }
    mfl_free(fixed);
    mfl_free(again);
out:
    mfl_result_free(r1);
    mfl_result_free(r2);
    mfl_doc_free(doc);
    return 0;
}

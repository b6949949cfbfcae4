/* SPDX-License-Identifier: MIT */
/* `modelfile-lint parse`: the instructions as Ollama's parser returns them
 * ({"name", "args"} with Ollama's internal names), or the syntax errors. */
#include "cli.h"

#include <jansson.h>
#include <string.h>

int cli_parse_main(int argc, char **argv) {
    cli_opts_t o;
    memset(&o, 0, sizeof o);
    int first, rc = cli_parse_args(argc, argv, PARSE, &o, &first);
    if (rc) return rc;
    if (o.help) {
        cli_print_help(stdout, PARSE);
        return 0;
    }
    const char *format = o.format_name ? o.format_name : "json";
    if (first < argc - 1) {
        fprintf(stderr, "modelfile-lint parse: one file at a time\n");
        return 2;
    }
    const char *path = first < argc ? argv[first] : NULL;
    if (!path || (strcmp(format, "json") && strcmp(format, "sexp"))) {
        fprintf(stderr, "usage: modelfile-lint parse [--format json|sexp] FILE|-\n");
        return 2;
    }
    char err[1024], *src = NULL;
    size_t len = 0;
    if (strcmp(path, "-") == 0) {
        if (cli_read_stdin(&src, &len)) {
            fprintf(stderr, "modelfile-lint: cannot read standard input\n");
            return 2;
        }
    } else if (mfl_io_read_file(path, CLI_MAX_FILE, &src, &len, err, sizeof err)) {
        fprintf(stderr, "modelfile-lint: %s\n", err);
        return 2;
    }
    mfl_doc_t *doc = mfl_doc_new(src ? src : "", len);
    if (!doc) {
        fprintf(stderr, "modelfile-lint: out of memory\n");
        mfl_free(src);
        return 2;
    }
    int status = 0;
    if (strcmp(format, "sexp") == 0) {
        char *s = mfl_doc_sexp(doc);
        printf("%s\n", s ? s : "");
        mfl_free(s);
    } else {
        size_t nerr = mfl_doc_syntax_error_count(doc);
        bool has_from = false;
        for (size_t i = 0; i < mfl_doc_instr_count(doc); i++)
            has_from |= mfl_doc_instr(doc, i)->kind == MFL_INSTR_FROM;
        json_t *outj;
        if (nerr || !has_from) {
            /* The same messages the linter prints, at their exact place, plus
             * the first error in Ollama's own words. */
            mfl_result_t *res = NULL;
            mfl_config_t *cfg = mfl_config_new();
            mfl_config_select(cfg, "MF001,MF002,MF003,MF004,MF005,MF006,MF007");
            mfl_lint_opts_t lo = {path, NULL, cfg, NULL};
            json_t *errs = json_array();
            if (mfl_lint(doc, &lo, &res) == 0) {
                for (size_t i = 0; i < res->n_diags; i++) {
                    uint32_t l, c;
                    mfl_doc_position(doc, res->diags[i].range.start, &l, &c);
                    json_array_append_new(
                        errs, json_pack("{s:I,s:I,s:s,s:s}", "line", (json_int_t)l + 1, "column",
                                        (json_int_t)c + 1, "code", res->diags[i].rule->code,
                                        "message", res->diags[i].message));
                }
            }
            mfl_result_free(res);
            mfl_config_free(cfg);
            mfl_ollama_parse_t op;
            json_t *oll = json_null();
            if (mfl_ollama_parse(src ? src : "", len, &op) == 0) {
                if (op.error) oll = json_string(op.error);
                mfl_ollama_parse_cleanup(&op);
            }
            outj = json_pack("{s:o,s:o}", "errors", errs, "ollama_error", oll);
            status = 1;
        } else {
            outj = json_array();
            for (size_t i = 0; i < mfl_doc_instr_count(doc); i++) {
                const mfl_instr_t *in = mfl_doc_instr(doc, i);
                const char *name = mfl_instr_command_name(in->kind);
                json_t *args;
                if (in->kind == MFL_INSTR_MESSAGE) {
                    char *s = mfl_malloc(in->name_len + 2 + in->value_len + 1);
                    memcpy(s, in->name_text, in->name_len);
                    memcpy(s + in->name_len, ": ", 2);
                    memcpy(s + in->name_len + 2, in->value_text, in->value_len);
                    args = json_stringn(s, in->name_len + 2 + in->value_len);
                    mfl_free(s);
                } else {
                    args = json_stringn(in->value_text, in->value_len);
                }
                json_array_append_new(outj,
                                      json_pack("{s:s,s:o}", "name", name ? name : in->name_text,
                                                "args", args ? args : json_string("")));
            }
        }
        json_dumpf(outj, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
        fputc('\n', stdout);
        json_decref(outj);
    }
    mfl_doc_free(doc);
    mfl_free(src);
    return status;
}

/* SPDX-License-Identifier: MIT */
/* MF206 template-syntax: TEMPLATE must pass Ollama's template.Parse. */
#include "gotmpl.h"
#include "internal.h"

#include <string.h>

static void check(mfl_ctx_t *ctx) {
    const mfl_instr_t *in = mfl_doc_last(ctx->doc, MFL_INSTR_TEMPLATE);
    if (!in || in->value_len == 0 || !in->terminated) return;
    const mfl_gotmpl_t *t = mfl__ctx_template(ctx, in);
    if (!t || !t->has_error) return;
    mfl_range_t r = mfl__gotmpl_doc_range(ctx->doc, in, t->err_start, t->err_end);
    if (r.start == r.end) {
        r.start = in->range.end > in->range.start ? in->range.end - 1 : in->range.start;
        r.end = in->range.end;
    }
    if (t->kind == MFL_GOTMPL_UNDEFINED_TEMPLATE) {
        if (mfl_version_has(mfl_ctx_version(ctx), MFL_FACT_T_UNDEFINED_TEMPLATE))
            mfl_report(ctx, r,
                       "ollama create fails with \"template error: undefined template "
                       "specified\": a {{ template \"name\" }} needs a pipeline, as in "
                       "{{ template \"name\" . }}");
        else
            mfl_report(ctx, r,
                       "ollama create crashes the Ollama server (a nil pointer dereference in "
                       "its template check, fixed in 0.12.4): a {{ template \"name\" }} needs a "
                       "pipeline, as in {{ template \"name\" . }}");
        return;
    }
    mfl_report(ctx, r, "ollama create fails with \"template error: %s\"%s", t->full,
               strcmp(t->err, "unexpected EOF") == 0
                   ? ": an {{ if }}, {{ range }}, {{ with }}, {{ define }} or {{ block }} is "
                     "missing its {{ end }}"
               : strstr(in->value_text, "{%") ? " (this looks like Jinja: Ollama's TEMPLATE is a "
                                                "Go template, see .Messages, .Role, .Content)"
                                              : "");
}

const mfl_rule_t mfl_rule_template_syntax = {
    .code = "MF206",
    .name = "template-syntax",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_NONE,
    .category = "template",
    .summary = "A TEMPLATE that Ollama's template.Parse rejects",
    .doc = "## What it does\n"
           "Parses the effective TEMPLATE as Ollama's `template.Parse` does: Go's text/template "
           "lexer and parser (actions, trim markers, comments, strings, numbers, variables and "
           "their scope, required pipelines, `if`/`range`/`with`/`define`/`block` ... `end`, "
           "`else`, `else if`, `else with`, `break` and `continue` inside `range`, template "
           "names), the functions Go and the target Ollama release define (`json` from 0.2.6, "
           "`currentDate` from 0.11.0, `toTypeScriptType` from 0.11.3, `yesterdayDate` from "
           "0.13.3), then Ollama's own check that every `{{ template }}` has a pipeline. The "
           "error is Go's, word for word and line for line (tests/template/cases.tsv records "
           "Go's answers for over 3,000 templates).\n\n"
           "## Why is this bad?\n"
           "The server compiles the template at create time and fails with "
           "`template error: template: :LINE: ...`, for example `unexpected EOF` for a "
           "missing `{{ end }}`, `function \"Prompt\" not defined` for `{{ Prompt }}` "
           "written without the dot, `undefined variable \"$m\"` for a variable used outside "
           "its `range`, or `missing value for if` for an empty `{{ if }}`. A "
           "`{{ template \"x\" }}` without a pipeline fails with `undefined template specified` "
           "from 0.12.4 on and crashed the server from 0.2.6 to 0.12.3. Jinja syntax "
           "(`{% if %}`) is not understood at all.\n\n"
           "## Example\n```\nFROM llama3.2\nTEMPLATE \"\"\"{{ if .System }}{{ .System }}\n{{ "
           ".Prompt }}\"\"\"\n```\n\n"
           "Use instead:\n```\nFROM llama3.2\nTEMPLATE \"\"\"{{ if .System }}{{ .System }}{{ end "
           "}}\n{{ .Prompt }}\"\"\"\n```\n",
    .check = check,
    .versions_note = "functions and checks per release",
};

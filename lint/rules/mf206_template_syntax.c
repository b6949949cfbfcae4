/* SPDX-License-Identifier: MIT */
/* MF206 template-syntax: TEMPLATE must compile as a Go text/template. */
#include "gotmpl.h"
#include "internal.h"

#include <string.h>

static void check(mfl_ctx_t *ctx) {
    const mfl_instr_t *in = mfl_doc_last(ctx->doc, MFL_INSTR_TEMPLATE);
    if (!in || in->value_len == 0 || !in->terminated) return;
    const mfl_gotmpl_t *t = mfl__ctx_template(ctx, in);
    if (!t) return;
    if (t->has_error) {
        mfl_range_t r = mfl__gotmpl_doc_range(ctx->doc, in, t->err_start, t->err_end);
        if (r.start == r.end) {
            /* unexpected EOF: point at the last character of the value */
            r.start = in->range.end > in->range.start ? in->range.end - 1 : in->range.start;
            r.end = in->range.end;
        }
        mfl_report(ctx, r, "ollama create fails with \"template error: template: :%u: %s\"%s",
                   (unsigned)t->err_line, t->err,
                   strcmp(t->err, "unexpected EOF") == 0
                       ? ": an {{ if }}, {{ range }}, {{ with }}, {{ define }} or {{ block }} "
                         "is missing its {{ end }}"
                   : strstr(in->value_text, "{%") ? " (this looks like Jinja: Ollama's TEMPLATE is "
                                                   "a Go template, see .Messages, .Role, .Content)"
                                                 : "");
    }
}

const mfl_rule_t mfl_rule_template_syntax = {
    .code = "MF206",
    .name = "template-syntax",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_NONE,
    .category = "template",
    .summary = "A TEMPLATE that is not a valid Go text/template",
    .doc = "## What it does\n"
           "Parses the effective TEMPLATE as Go's text/template does: `{{ }}` actions with "
           "trim markers, comments and strings, block structure (`if`, `range`, `with`, "
           "`define`, `block` ... `end`, `else`, `break`, `continue`) and function names "
           "(Go's builtins plus Ollama's `json`, `currentDate`, `yesterdayDate`, "
           "`toTypeScriptType`).\n\n"
           "## Why is this bad?\n"
           "The server compiles the template at create time and fails with "
           "`template error: template: :LINE: ...`, for example `unexpected EOF` for a "
           "missing `{{ end }}` or `function \"Prompt\" not defined` for `{{ Prompt }}` "
           "written without the dot. Jinja syntax (`{% if %}`) is not understood at all.\n\n"
           "## Example\n```\nFROM llama3.2\nTEMPLATE \"\"\"{{ if .System }}{{ .System }}\n{{ .Prompt }}\"\"\"\n```\n\n"
           "Use instead:\n```\nFROM llama3.2\nTEMPLATE \"\"\"{{ if .System }}{{ .System }}{{ end }}\n{{ .Prompt }}\"\"\"\n```\n",
    .check = check,
};

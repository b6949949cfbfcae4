/* SPDX-License-Identifier: MIT */
/* MF207 template-first-removed: `.First` no longer exists. */
#include "gotmpl.h"
#include "internal.h"

#include <string.h>

/* Does `.System` appear between `from` and the next `end` action? */
static bool guards_system(const char *s, size_t n, size_t from) {
    for (size_t i = from; i + 7 <= n; i++) {
        if (s[i] == '{' && i + 1 < n && s[i + 1] == '{') {
            size_t j = i + 2;
            while (j < n && (s[j] == ' ' || s[j] == '-' || s[j] == '\t')) j++;
            if (j + 3 <= n && memcmp(s + j, "end", 3) == 0) return false;
        }
        if (memcmp(s + i, ".System", 7) == 0) return true;
    }
    return false;
}

static void check(mfl_ctx_t *ctx) {
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_TEMPLATE || in->value_len == 0) continue;
        const mfl_gotmpl_t *t = mfl__ctx_template(ctx, in);
        if (!t) return;
        for (size_t i = 0; i < t->n_fields; i++) {
            const mfl_gotmpl_field_t *f = &t->fields[i];
            if ((f->depth && !f->via_root) || f->end - f->start != 5 ||
                memcmp(in->value_text + f->start, "First", 5) != 0)
                continue;
            mfl_range_t r = mfl__gotmpl_doc_range(ctx->doc, in, f->start - 1, f->end);
            if (guards_system(in->value_text, in->value_len, f->end))
                mfl_report(ctx, r,
                           "`.First` was removed from Ollama's template data and is "
                           "always empty, so the `.System` it guards is never "
                           "rendered: the system prompt is never sent; drop the "
                           "`{{ if .First }}` condition");
            else
                mfl_report(ctx, r,
                           "`.First` was removed from Ollama's template data and is "
                           "always empty, so this condition is always false; remove "
                           "it");
        }
    }
}

const mfl_rule_t mfl_rule_template_first_removed = {
    .code = "MF207",
    .name = "template-first-removed",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_NONE,
    .category = "template",
    .summary = "`.First` in a TEMPLATE (removed from Ollama)",
    .doc = "## What it does\n"
           "Finds `.First` in TEMPLATE outside `range` and `with` blocks.\n\n"
           "## Why is this bad?\n"
           "Old templates wrote `{{ if .First }}{{ .System }}{{ end }}` so the system "
           "prompt went only into the first turn. Ollama removed `.First`; it now evaluates "
           "to nothing, so everything inside the `if` is dropped and the model never sees "
           "the system prompt. Use `.Messages` for a chat template, or drop the condition.\n\n"
           "## Example\n```\nFROM llama2\nTEMPLATE \"\"\"{{ if .First }}<<SYS>>{{ .System "
           "}}<</SYS>>{{ end }}[INST] {{ .Prompt }} [/INST]\"\"\"\n```\n\n"
           "Use instead:\n```\nFROM llama2\nTEMPLATE \"\"\"{{ if .System }}<<SYS>>{{ .System "
           "}}<</SYS>>{{ end }}[INST] {{ .Prompt }} [/INST]\"\"\"\n```\n",
    .check = check,
};

/* SPDX-License-Identifier: MIT */
/* MF208 unknown-template-variable: a top-level field Ollama does not pass. */
#include "gotmpl.h"
#include "internal.h"
#include "mfl_template.h"

#include <string.h>

static void check(mfl_ctx_t *ctx) {
    mfl_version_t v = mfl_ctx_version(ctx);
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_TEMPLATE || in->value_len == 0) continue;
        const mfl_gotmpl_t *t = mfl__ctx_template(ctx, in);
        if (!t) return;
        for (size_t i = 0; i < t->n_fields; i++) {
            const mfl_gotmpl_field_t *f = &t->fields[i];
            if (f->depth && !f->via_root) continue;
            const char *name = in->value_text + f->start;
            size_t n = f->end - f->start;
            if (n == 5 && memcmp(name, "First", 5) == 0) continue; /* MF207 */
            bool ok = false;
            const mfl_tmpl_name_t *later = NULL; /* known, but newer than the target */
            for (size_t k = 0; k < mfl_tmpl_name_count() && !ok; k++) {
                const mfl_tmpl_name_t *nm = mfl_tmpl_name_at(k);
                if (nm->kind != MFL_TMPL_VARIABLE || nm->name[0] != name[0] ||
                    strlen(nm->name) != n || memcmp(nm->name, name, n) != 0)
                    continue;
                if (mfl_tmpl_name_at_version(nm, v))
                    ok = true;
                else
                    later = nm;
            }
            if (ok) continue;
            mfl_range_t r0 = mfl__gotmpl_doc_range(ctx->doc, in, f->start, f->end);
            if (later) {
                char rel[32], tgt[32];
                mfl_report(
                    ctx, r0,
                    "`.%.*s` is template data from Ollama %s on; the target %s does not "
                    "pass it, so `{{ .%.*s }}` prints the literal text `<no value>` into the "
                    "prompt and `{{ if .%.*s }}` is false",
                    (int)n, name, mfl_fact_release(later->since, rel, sizeof rel),
                    mfl_version_format(v, tgt, sizeof tgt), (int)n, name, (int)n, name);
                continue;
            }
            /* Unknown: the closest variable, if one is close. */
            const char *best = NULL;
            size_t bestd = 3;
            for (size_t k = 0; k < mfl_tmpl_name_count(); k++) {
                const mfl_tmpl_name_t *nm = mfl_tmpl_name_at(k);
                if (nm->kind != MFL_TMPL_VARIABLE || !mfl_tmpl_name_at_version(nm, v)) continue;
                size_t kl = strlen(nm->name);
                size_t d = kl == n && strncasecmp_ascii(nm->name, name, n) == 0
                               ? 0
                               : mfl__edit_distance(name, n, nm->name, kl, 2);
                if (d < bestd) {
                    bestd = d;
                    best = nm->name;
                }
            }
            mfl_range_t r = mfl__gotmpl_doc_range(ctx->doc, in, f->start, f->end);
            mfl_diag_t *d =
                mfl_report(ctx, r,
                           "unknown template variable `.%.*s`: Ollama's template data "
                           "has no %.*s, so `{{ .%.*s }}` prints the literal text "
                           "`<no value>` into the prompt and `{{ if .%.*s }}` is "
                           "false%s%s%s",
                           (int)n, name, (int)n, name, (int)n, name, (int)n, name,
                           best ? "; did you mean `." : "", best ? best : "", best ? "`?" : "");
            if (best && r.end - r.start == n) {
                mfl_fix_t *fx = mfl_diag_fix(ctx, d, MFL_FIX_UNSAFE, "Use `.%s`", best);
                mfl_fix_edit(ctx, fx, r, best, strlen(best));
            }
        }
    }
}

const mfl_rule_t mfl_rule_unknown_template_variable = {
    .code = "MF208",
    .name = "unknown-template-variable",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_SOMETIMES,
    .category = "template",
    .summary = "A TEMPLATE variable that Ollama does not provide",
    .doc =
        "## What it does\n"
        "Checks the top-level fields a TEMPLATE uses (outside `range` and `with`, or "
        "written `$.Name`) against the data Ollama passes: `.System`, `.Prompt`, "
        "`.Response`, `.Suffix`, `.Messages`, `.Tools`, `.Think`, `.ThinkLevel`, "
        "`.IsThinkSet`, each from the release that added it (`.Messages` 0.2.2, `.Tools` and "
        "`.Suffix` 0.2.6, `.Think` and `.IsThinkSet` 0.9.0, `.ThinkLevel` 0.11.0). Fields "
        "inside `range .Messages` (`.Role`, `.Content`, `.ToolCalls`...) are not checked.\n\n"
        "## Why is this bad?\n"
        "Ollama executes the template over a map of its data; a key that is not there "
        "(a misspelt or invented variable such as `.system`, `.Input`, `.Query`) makes Go "
        "print the literal text `<no value>` into the prompt, and makes an `{{ if }}` on it "
        "false, so that part of the prompt is never what was meant and nothing reports "
        "it.\n\n"
        "## Example\n```\nFROM llama3.2\nTEMPLATE \"\"\"{{ .system }}\n{{ .Prompt }}\"\"\"\n```\n\n"
        "Use instead:\n```\nFROM llama3.2\nTEMPLATE \"\"\"{{ .System }}\n{{ .Prompt "
        "}}\"\"\"\n```\n",
    .check = check,
};

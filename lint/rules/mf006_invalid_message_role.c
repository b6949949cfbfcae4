/* SPDX-License-Identifier: MIT */
/* MF006 invalid-message-role: roles are exactly system, user or assistant. */
#include "internal.h"

#include <string.h>

static void check(mfl_ctx_t *ctx) {
    static const char *const roles[] = {"system", "user", "assistant"};
    for (size_t i = 0; i < mfl_doc_syntax_error_count(ctx->doc); i++) {
        const mfl_syntax_error_t *e = mfl_doc_syntax_error(ctx->doc, i);
        if (e->kind != MFL_SYN_INVALID_ROLE && e->kind != MFL_SYN_BAD_ROLE_CHAR) continue;
        const mfl_instr_t *in = mfl_doc_instr(ctx->doc, e->instr);
        size_t n;
        const char *role = mfl_doc_slice(ctx->doc, in->name, &n);
        const char *lower = NULL;
        for (size_t k = 0; k < 3; k++)
            if (n == strlen(roles[k]) && strncasecmp_ascii(role, roles[k], n) == 0)
                lower = roles[k];
        if (!in->has_name) {
            mfl_diag_t *d = mfl_report(ctx, e->range,
                                       "more than one space after MESSAGE: Ollama reads an empty "
                                       "role; use one space, then system, user or assistant");
            mfl_range_t r = {in->keyword.end, in->value.start};
            mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_UNSAFE, "Use a single space after MESSAGE");
            mfl_fix_edit(ctx, f, r, " ", 1);
        } else if (lower) {
            mfl_diag_t *d = mfl_report(ctx, e->range,
                                       "MESSAGE role `%.*s` must be lowercase `%s` (roles are "
                                       "case-sensitive)",
                                       (int)n, role, lower);
            mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_SAFE, "Lowercase the role");
            mfl_fix_edit(ctx, f, in->name, lower, strlen(lower));
        } else if (e->kind == MFL_SYN_BAD_ROLE_CHAR) {
            mfl_report(ctx, e->range,
                       "MESSAGE role `%.*s` must be system, user or assistant followed by a "
                       "space (ollama create fails with \"unexpected EOF\")",
                       (int)n, role);
        } else {
            mfl_report(ctx, e->range,
                       "MESSAGE role `%.*s` is not one of system, user, assistant (Ollama "
                       "has no `tool` role in Modelfiles)",
                       (int)n, role);
        }
    }
}

const mfl_rule_t mfl_rule_invalid_message_role = {
    .code = "MF006",
    .name = "invalid-message-role",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_SOMETIMES,
    .category = "syntax",
    .summary = "A MESSAGE role other than system, user or assistant",
    .doc = "## What it does\n"
           "Checks MESSAGE roles: exactly `system`, `user` or `assistant`, lowercase, after one "
           "space.\n\n"
           "## Why is this bad?\n"
           "Ollama's parser fails with `message role must be one of \"system\", \"user\", or "
           "\"assistant\"`. `User` or `ASSISTANT` fail too: roles are case-sensitive (the fix "
           "lowercases them).\n\n"
           "## Example\n```\nFROM llama3.2\nMESSAGE User Hello\n```\n\n"
           "Use instead:\n```\nFROM llama3.2\nMESSAGE user Hello\n```\n",
    .check = check,
};

/* SPDX-License-Identifier: MIT */
/* MF903 unused-suppression: a suppression that silences nothing. Reported by
 * the lint driver (lint.c) after the other rules ran. */
#include "rule.h"

const mfl_rule_t mfl_rule_unused_suppression = {
    .code = "MF903",
    .name = "unused-suppression",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_NONE,
    .category = "meta",
    .summary = "A suppression comment that silences nothing",
    .doc = "## What it does\n"
           "Finds `# modelfile-lint: ignore=CODE` comments whose rule reports nothing on the "
           "next instruction (or, for `global ignore`, in the whole file).\n\n"
           "## Why is this bad?\n"
           "Stale suppressions hide the next real problem of that kind and mislead readers.\n\n"
           "## Example\n```\n# modelfile-lint: ignore=MF006\nMESSAGE user Hello\n```\n\n"
           "Use instead:\n```\nMESSAGE user Hello\n```\n",
    .check = NULL,
};

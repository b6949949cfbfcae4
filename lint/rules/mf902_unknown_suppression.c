/* SPDX-License-Identifier: MIT */
/* MF902 unknown-suppression: a suppression comment names no rule. Reported by
 * the lint driver (lint.c) after the other rules ran. */
#include "rule.h"

const mfl_rule_t mfl_rule_unknown_suppression = {
    .code = "MF902",
    .name = "unknown-suppression",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_NONE,
    .category = "meta",
    .summary = "A suppression comment names an unknown rule",
    .doc = "## What it does\n"
           "Checks the codes in `# modelfile-lint: ignore=...` and "
           "`# modelfile-lint: global ignore=...` comments.\n\n"
           "## Why is this bad?\n"
           "A misspelled code suppresses nothing, and the problem it was meant to silence is "
           "reported anyway, or worse, the comment survives a rule being renamed.\n\n"
           "## Example\n```\n# modelfile-lint: ignore=MF10\nPARAMETER num_gpu_layers 99\n```\n\n"
           "Use instead:\n```\n# modelfile-lint: ignore=MF101\nPARAMETER num_gpu_layers 99\n```\n",
    .check = NULL,
};

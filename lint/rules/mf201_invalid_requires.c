/* SPDX-License-Identifier: MIT */
/* MF201 invalid-requires: REQUIRES must be a semantic version. */
#include "internal.h"

#include <string.h>

static bool digit(char c) { return c >= '0' && c <= '9'; }

static bool ident_char(char c) {
    return digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}

/* golang.org/x/mod/semver parseInt: digits, no leading zero. */
static bool num(const char *s, size_t n, size_t *i) {
    size_t st = *i;
    while (*i < n && digit(s[*i])) (*i)++;
    if (*i == st) return false;
    return !(s[st] == '0' && *i - st > 1);
}

static bool bad_num(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!digit(s[i])) return false;
    return n > 1 && s[0] == '0';
}

/* Dot-separated non-empty identifiers of [0-9A-Za-z-] up to `stop` (or the end). */
static bool idents(const char *s, size_t n, size_t *i, char stop, bool check_num) {
    size_t st = *i;
    for (; *i < n && s[*i] != stop; (*i)++) {
        if (!ident_char(s[*i]) && s[*i] != '.') return false;
        if (s[*i] == '.') {
            if (st == *i || (check_num && bad_num(s + st, *i - st))) return false;
            st = *i + 1;
        }
    }
    return st != *i && !(check_num && bad_num(s + st, *i - st));
}

/* semver.IsValid("v" + s) when s lacks the v, as Ollama does. */
static bool valid_semver(const char *s, size_t n) {
    size_t i = 0;
    if (n && s[0] == 'v') i = 1;
    if (!num(s, n, &i)) return false;
    if (i == n) return true;
    if (s[i++] != '.' || !num(s, n, &i)) return false;
    if (i == n) return true;
    if (s[i++] != '.' || !num(s, n, &i)) return false;
    if (i < n && s[i] == '-') {
        i++;
        if (!idents(s, n, &i, '+', true)) return false;
    }
    if (i < n && s[i] == '+') {
        i++;
        if (!idents(s, n, &i, 0, false)) return false;
    }
    return i == n;
}

static void check(mfl_ctx_t *ctx) {
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_REQUIRES || !in->has_sep) continue;
        if (valid_semver(in->value_text, in->value_len)) continue;
        mfl_range_t r = in->value.end > in->value.start ? in->value : in->keyword;
        if (in->value_len == 0) {
            mfl_report(ctx, r,
                       "ollama create fails with \"requires must be a valid semver (e.g. "
                       "0.14.0)\": REQUIRES is empty; write the minimum Ollama version "
                       "like 0.14.0 or delete the line");
            continue;
        }
        mfl_report(ctx, r,
                   "ollama create fails with \"requires must be a valid semver (e.g. 0.14.0)\": "
                   "`%s` is not a version; write the minimum Ollama version like 0.14.0",
                   in->value_text);
    }
}

const mfl_rule_t mfl_rule_invalid_requires = {
    .code = "MF201",
    .name = "invalid-requires",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_NONE,
    .category = "instruction",
    .summary = "A REQUIRES value that is not a semantic version",
    .doc = "## What it does\n"
           "Checks REQUIRES as Ollama does: a `v` is prepended when missing and the result "
           "must be valid for Go's semver package. `0.14.0`, `v0.14.0`, `0.14`, `1`, "
           "`0.14.0-rc1` and `0.14.0+build` are valid; `latest`, `0.14.0.1`, `V0.14.0`, "
           "`01.2.3`, `0.14.x` and `>=0.14.0` are not.\n\n"
           "## Why is this bad?\n"
           "`ollama create` fails with `requires must be a valid semver (e.g. 0.14.0)`. "
           "REQUIRES is a minimum version, so there are no ranges or wildcards.\n\n"
           "## Example\n```\nFROM llama3.2\nREQUIRES >=0.14\n```\n\n"
           "Use instead:\n```\nFROM llama3.2\nREQUIRES 0.14.0\n```\n",
    .check = check,
};

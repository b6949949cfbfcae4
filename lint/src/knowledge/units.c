/* SPDX-License-Identifier: MIT */
/* The one size parser: CLI flags, the config file and the editor
 * settings all read sizes here. GB is 10^9 bytes, GiB 2^30; a bare number
 * or an ambiguous unit ("24", "17G") is rejected with a suggestion, never
 * read as bytes. */
#include "mfl_knowledge.h"
#include "ctx_rules.h" /* mfl__ctx_tokens */

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const struct {
    const char *unit;
    double mul;
} units[] = {
    {"B", 1.0},         {"KB", 1e3},           {"MB", 1e6},
    {"GB", 1e9},        {"TB", 1e12},          {"KiB", 1024.0},
    {"MiB", 1048576.0}, {"GiB", 1073741824.0}, {"TiB", 1099511627776.0},
};

static bool unit_is(const char *s, size_t n, const char *u) {
    if (strlen(u) != n) return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)s[i]) != tolower((unsigned char)u[i])) return false;
    return true;
}

int mfl_size_parse(const char *s, uint64_t *out, char *err, size_t errsz) {
    char dummy[8];
    if (err == NULL || errsz == 0) {
        err = dummy;
        errsz = sizeof dummy;
    }
    err[0] = '\0';
    *out = 0;
    if (s == NULL) {
        snprintf(err, errsz, "expected a size such as \"48GiB\" or \"64GB\"");
        return MFL_EINVAL;
    }
    const char *p = s;
    while (*p == ' ') p++;
    /* A number: digits with an optional fraction (no sign, no exponent). */
    double v = 0, frac = 0.1;
    bool digits = false, dot = false;
    const char *num = p;
    for (; (*p >= '0' && *p <= '9') || (*p == '.' && !dot); p++) {
        if (*p == '.') {
            dot = true;
            continue;
        }
        digits = true;
        if (dot) {
            v += (*p - '0') * frac;
            frac /= 10;
        } else {
            v = v * 10 + (*p - '0');
        }
        if (v > 1e18) break;
    }
    size_t num_len = (size_t)(p - num);
    if (!digits) {
        snprintf(err, errsz,
                 "\"%s\" is not a size: expected a number and a unit such as "
                 "\"48GiB\" or \"64GB\"",
                 s);
        return MFL_EINVAL;
    }
    while (*p == ' ') p++;
    const char *unit = p;
    size_t ul = strlen(unit);
    while (ul && unit[ul - 1] == ' ') ul--;
    if (ul == 0) {
        snprintf(err, errsz,
                 "a bare number is not a size: did you mean %.*sGiB? (GiB = 2^30 "
                 "bytes, GB = 10^9; memory is sold in GiB)",
                 (int)num_len, num);
        return MFL_EINVAL;
    }
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (!unit_is(unit, ul, units[i].unit)) continue;
        double bytes = v * units[i].mul;
        if (!(bytes < 0x1p64)) {
            snprintf(err, errsz, "\"%s\" is too large", s);
            return MFL_EINVAL;
        }
        *out = (uint64_t)bytes;
        return 0;
    }
    snprintf(err, errsz,
             "unknown unit \"%.*s\" in \"%s\": use GiB (2^30 bytes) or GB (10^9 "
             "bytes), likewise KiB/KB, MiB/MB, TiB/TB",
             (int)ul, unit, s);
    return MFL_EINVAL;
}

/* The one token-count formatter of messages and info text (MF3xx, info.c,
 * model_table.c): "262,144". */
char *mfl__ctx_tokens(uint64_t n, char *buf, size_t bufsize) {
    char tmp[32];
    int len = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)n);
    size_t o = 0;
    for (int i = 0; i < len && o + 2 < bufsize; i++) {
        if (i > 0 && (len - i) % 3 == 0) buf[o++] = ',';
        buf[o++] = tmp[i];
    }
    buf[o] = '\0';
    return buf;
}

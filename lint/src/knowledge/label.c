/* SPDX-License-Identifier: MIT */
/* Context-size labels in names, tags and comments: "128k",
 * "262K", "1m", "ctx8192", "contextlength4k". A label means a set of token
 * counts (k is 1000 or 1024; m is 10^6, 2^20 or Qwen's 1,010,000), and it
 * agrees with num_ctx within 3 %. Quant tags, sizes and versions are never
 * labels: the digits and the unit must form one whole token. */
#include "mfl_knowledge.h"

#include <ctype.h>
#include <string.h>

static const char *const prefixes[] = {"contextlength", "context", "ctxlen", "ctx"};

static size_t skip_prefix(const char *s, size_t n) {
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t pl = strlen(prefixes[i]);
        if (pl >= n) continue;
        size_t k = 0;
        while (k < pl && tolower((unsigned char)s[k]) == prefixes[i][k]) k++;
        if (k == pl && isdigit((unsigned char)s[pl])) return pl;
    }
    return 0;
}

/* Parses one token ("128k", "1.5m", "ctx8192") into *l. */
static bool parse_token(const char *s, size_t n, mfl_label_t *l) {
    size_t p = skip_prefix(s, n);
    bool prefixed = p > 0;
    double num = 0, frac = 0.1;
    bool dot = false, digits = false;
    for (; p < n && (isdigit((unsigned char)s[p]) || (s[p] == '.' && !dot)); p++) {
        if (s[p] == '.') {
            dot = true;
            continue;
        }
        digits = true;
        if (dot) {
            num += (s[p] - '0') * frac;
            frac /= 10;
        } else {
            num = num * 10 + (s[p] - '0');
        }
        if (num > 1e9) return false;
    }
    if (!digits || (s[p - 1] == '.')) return false;
    memset(l, 0, sizeof *l);
    l->number = num;
    if (p == n) {
        /* A bare count only with a ctx/context prefix: "ctx8192". */
        if (!prefixed || dot || num < 256) return false;
        l->values[0] = (uint64_t)num;
        l->n_values = 1;
        return true;
    }
    if (p + 1 != n) return false;
    char u = (char)tolower((unsigned char)s[p]);
    if (u == 'k' && num >= 1 && num <= 16384) {
        l->unit = 'k';
        l->values[0] = (uint64_t)(num * 1000 + 0.5);
        l->values[1] = (uint64_t)(num * 1024 + 0.5);
        l->n_values = 2;
        return true;
    }
    /* Parameter counts use "m" too (smollm:360m): only small numbers are contexts. */
    if (u == 'm' && num > 0 && num <= 16) {
        l->unit = 'm';
        l->values[0] = (uint64_t)(num * 1e6 + 0.5);
        l->values[1] = (uint64_t)(num * 1048576.0 + 0.5);
        l->n_values = 2;
        if (num == 1) l->values[l->n_values++] = 1010000;
        return true;
    }
    return false;
}

size_t mfl_label_scan(const char *s, size_t len, mfl_label_t *out, size_t max) {
    size_t found = 0, i = 0;
    while (i < len) {
        if (!isalnum((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < len && isalnum((unsigned char)s[j])) j++;
        /* "1.5m": a decimal point joins two runs when the first is all digits. */
        size_t k = j;
        bool all_digits = true;
        for (size_t q = i; q < j; q++) all_digits = all_digits && isdigit((unsigned char)s[q]);
        if (all_digits && j + 1 < len && s[j] == '.' && isdigit((unsigned char)s[j + 1])) {
            k = j + 1;
            while (k < len && isalnum((unsigned char)s[k])) k++;
        }
        /* A dotted version ("2.5", "v1.5") is never a label; skip all of it. */
        bool preceded_by_dot =
            i > 0 && s[i - 1] == '.' && i > 1 && isdigit((unsigned char)s[i - 2]);
        mfl_label_t l;
        size_t end = j;
        bool ok = false;
        if (!preceded_by_dot) {
            if (k > j && parse_token(s + i, k - i, &l)) {
                ok = true;
                end = k;
            } else if (parse_token(s + i, j - i, &l)) {
                ok = true;
            }
        }
        if (ok) {
            l.start = (uint32_t)i;
            l.end = (uint32_t)end;
            if (found < max) out[found] = l;
            found++;
        }
        i = ok ? end : j;
    }
    return found;
}

bool mfl_label_agrees(const mfl_label_t *l, uint64_t ctx) {
    for (uint32_t i = 0; i < l->n_values; i++) {
        double v = (double)l->values[i], d = (double)ctx - v;
        if (d < 0) d = -d;
        if (d <= 0.03 * v) return true;
    }
    return false;
}

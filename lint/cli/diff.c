/* SPDX-License-Identifier: MIT */
/* A unified diff (3 lines of context) of the original and fixed text, for
 * --diff. Fixes change few lines, so an LCS over the lines that differ
 * between the common prefix and suffix is small. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *s;
    size_t n; /* including the line break */
} line_t;

static line_t *split(const char *s, size_t len, size_t *count) {
    size_t cap = 64, n = 0;
    line_t *v = malloc(cap * sizeof *v);
    size_t i = 0;
    while (v && i < len) {
        size_t j = i;
        while (j < len && s[j] != '\n') j++;
        if (j < len) j++;
        if (n == cap) {
            cap *= 2;
            line_t *nv = realloc(v, cap * sizeof *nv);
            if (!nv) {
                free(v);
                return NULL;
            }
            v = nv;
        }
        v[n].s = s + i;
        v[n].n = j - i;
        n++;
        i = j;
    }
    *count = n;
    return v;
}

static bool eq(const line_t *a, const line_t *b) {
    return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
}

typedef struct {
    char *s;
    size_t n, cap;
} sb_t;

static void sb_put(sb_t *b, const char *s, size_t n) {
    if (b->n + n + 1 > b->cap) {
        size_t nc = (b->cap ? b->cap : 256);
        while (nc < b->n + n + 1) nc *= 2;
        char *ns = realloc(b->s, nc);
        if (!ns) return;
        b->s = ns;
        b->cap = nc;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void put_line(sb_t *b, char tag, const line_t *l) {
    sb_put(b, &tag, 1);
    sb_put(b, l->s, l->n);
    if (!l->n || l->s[l->n - 1] != '\n') sb_put(b, "\n\\ No newline at end of file\n", 29);
}

char *cli_unified_diff(const char *path, const char *a, size_t alen, const char *b, size_t blen) {
    size_t na, nb;
    line_t *la = split(a, alen, &na), *lb = split(b, blen, &nb);
    if ((!la && alen) || (!lb && blen)) {
        free(la);
        free(lb);
        return NULL;
    }
    size_t pre = 0;
    while (pre < na && pre < nb && eq(&la[pre], &lb[pre])) pre++;
    size_t suf = 0;
    while (suf < na - pre && suf < nb - pre && eq(&la[na - 1 - suf], &lb[nb - 1 - suf])) suf++;
    size_t m = na - pre - suf, k = nb - pre - suf;
    /* ops: edit script over the middle part via LCS, when small enough. */
    char *ops = malloc(m + k + 1);
    size_t nops = 0;
    if (ops && m * k <= 4000000) {
        unsigned *t = calloc((m + 1) * (k + 1), sizeof *t);
        if (t) {
            for (size_t i = m; i-- > 0;)
                for (size_t j = k; j-- > 0;)
                    t[i * (k + 1) + j] = eq(&la[pre + i], &lb[pre + j])
                                             ? t[(i + 1) * (k + 1) + j + 1] + 1
                                             : (t[(i + 1) * (k + 1) + j] > t[i * (k + 1) + j + 1]
                                                    ? t[(i + 1) * (k + 1) + j]
                                                    : t[i * (k + 1) + j + 1]);
            size_t i = 0, j = 0;
            while (i < m || j < k) {
                if (i < m && j < k && eq(&la[pre + i], &lb[pre + j]))
                    ops[nops++] = '=', i++, j++;
                else if (i < m && (j == k || t[(i + 1) * (k + 1) + j] >= t[i * (k + 1) + j + 1]))
                    ops[nops++] = '-', i++;
                else
                    ops[nops++] = '+', j++;
            }
            free(t);
        }
    }
    if (ops && nops == 0 && (m || k)) {
        for (size_t i = 0; i < m; i++) ops[nops++] = '-';
        for (size_t j = 0; j < k; j++) ops[nops++] = '+';
    }
    sb_t out = {0};
    char hdr[4096 + 64];
    int hl = snprintf(hdr, sizeof hdr, "--- %s\n+++ %s\n", path, path);
    sb_put(&out, hdr, (size_t)hl);
    /* One hunk covering the changed middle with 3 lines of context. */
    size_t ctx0 = pre > 3 ? pre - 3 : 0;
    size_t ctx1 = suf > 3 ? 3 : suf;
    size_t a_start = ctx0, a_len = (pre - ctx0) + m + ctx1;
    size_t b_start = ctx0, b_len = (pre - ctx0) + k + ctx1;
    hl = snprintf(hdr, sizeof hdr, "@@ -%zu,%zu +%zu,%zu @@\n", a_len ? a_start + 1 : a_start,
                  a_len, b_len ? b_start + 1 : b_start, b_len);
    sb_put(&out, hdr, (size_t)hl);
    for (size_t i = ctx0; i < pre; i++) put_line(&out, ' ', &la[i]);
    size_t i = pre, j = pre;
    for (size_t o = 0; ops && o < nops; o++) {
        if (ops[o] == '=')
            put_line(&out, ' ', &la[i++]), j++;
        else if (ops[o] == '-')
            put_line(&out, '-', &la[i++]);
        else
            put_line(&out, '+', &lb[j++]);
    }
    for (size_t q = 0; q < ctx1; q++) put_line(&out, ' ', &la[na - suf + q]);
    free(ops);
    free(la);
    free(lb);
    char *r = out.s ? mfl_strndup(out.s, out.n) : NULL;
    free(out.s);
    return r;
}

/* SPDX-License-Identifier: MIT */
/* Reads a JSON document on standard input and checks that it is, byte for
 * byte, what jansson writes for it with JSON_INDENT(2) | JSON_PRESERVE_ORDER
 * (plus a final newline): the CLI writes its per-problem records itself
 * (lint/cli/render.c) and must write exactly jansson's bytes. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    size_t cap = 1 << 20, n = 0, r;
    char *in = malloc(cap);
    while (in && (r = fread(in + n, 1, cap - n, stdin)) > 0) {
        n += r;
        if (n == cap) {
            char *more = realloc(in, cap *= 2);
            if (!more) free(in);
            in = more;
        }
    }
    if (!in) return 2;
    json_error_t je;
    json_t *v = json_loadb(in, n, 0, &je);
    if (!v) {
        fprintf(stderr, "not JSON: %d:%d: %s\n", je.line, je.column, je.text);
        free(in);
        return 1;
    }
    char *out = json_dumps(v, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(v);
    if (!out) {
        free(in);
        return 2;
    }
    size_t ol = strlen(out);
    int rc = 0;
    if (ol + 1 != n || memcmp(out, in, ol) != 0 || in[ol] != '\n') {
        size_t i = 0;
        while (i < ol && i < n && out[i] == in[i]) i++;
        fprintf(stderr, "differs from jansson's output at byte %zu: ...%.40s... vs ...%.40s...\n", i,
                in + (i > 20 ? i - 20 : 0), out + (i > 20 ? i - 20 : 0));
        rc = 1;
    }
    free(out);
    free(in);
    return rc;
}

/* SPDX-License-Identifier: MIT */
#include "args.h"

#include <stdio.h>
#include <string.h>

#ifndef MFL_LSP_VERSION
#define MFL_LSP_VERSION "0.1.0"
#endif

static int usage(FILE *f) {
    fputs("usage: modelfile-lsp [--stdio]\n"
          "The Modelfile language server. It speaks LSP on stdin and stdout;\n"
          "logs go to stderr. Environment: MODELFILE_LSP_TIMING=1 logs the\n"
          "server time of each message.\n",
          f);
    return f == stdout ? 0 : 2;
}

int lsp_args(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
            printf("modelfile-lsp %s\n", MFL_LSP_VERSION);
            return 0;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) return usage(stdout);
        /* Only stdio is offered; the flags clients append are accepted. */
        if (strcmp(a, "--stdio") == 0 || strncmp(a, "--clientProcessId", 17) == 0) continue;
        fprintf(stderr, "modelfile-lsp: unsupported argument '%s'\n", a);
        return usage(stderr);
    }
    return -1;
}

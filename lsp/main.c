/* SPDX-License-Identifier: MIT */
/* modelfile-lsp: the Modelfile language server, speaking LSP 3.17 over
 * stdio. Accepts (and ignores) the launch flags editors append. */
#include "mfl_os.h"
#include "server.h"

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

int main(int argc, char **argv) {
    /* Binary stdio and UTF-8 arguments (Windows); SIGPIPE ignored: a client
     * that goes away is an end of input, not a crash. */
    mfl_os_init_process(&argc, &argv, true);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
            printf("modelfile-lsp %s\n", MFL_LSP_VERSION);
            return 0;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
            return usage(stdout);
        /* Only stdio is offered; the flags clients append are accepted. */
        if (strcmp(a, "--stdio") == 0 || strncmp(a, "--clientProcessId", 17) == 0)
            continue;
        fprintf(stderr, "modelfile-lsp: unsupported argument '%s'\n", a);
        return usage(stderr);
    }
    uv_replace_allocator(mfl_malloc, mfl_realloc, mfl_calloc, mfl_free);
    lsp_rpc_init_alloc();

    uv_loop_t loop;
    lsp_server_t server;
    int rc = uv_loop_init(&loop);
    if (rc != 0) {
        fprintf(stderr, "modelfile-lsp: %s\n", uv_strerror(rc));
        return 1;
    }
    rc = lsp_server_init(&server, &loop, 0, 1);
    if (rc == 0)
        rc = lsp_server_start(&server);
    if (rc != 0) {
        fprintf(stderr, "modelfile-lsp: cannot use stdio: %s\n", uv_strerror(rc));
        server.exit_code = 1;
        lsp_server_exit(&server);
    }
    uv_run(&loop, UV_RUN_DEFAULT);
    int code = server.exit_code;
    lsp_server_cleanup(&server);
    uv_loop_close(&loop);
    return code;
}

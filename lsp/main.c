/* SPDX-License-Identifier: MIT */
/* modelfile-lsp: the Modelfile language server, speaking LSP 3.17 over
 * stdio. Accepts (and ignores) the launch flags editors append. */
#include "args.h"
#include "mfl_os.h"
#include "server.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    /* Binary stdio and UTF-8 arguments (Windows); SIGPIPE ignored: a client
     * that goes away is an end of input, not a crash. */
    mfl_os_init_process(&argc, &argv, true);
    int done = lsp_args(argc, argv);
    if (done >= 0) return done;
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
    if (rc == 0) rc = lsp_server_start(&server);
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

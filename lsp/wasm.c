/* SPDX-License-Identifier: MIT */
/* modelfile-lsp.wasm: the language server compiled to WebAssembly (WASI
 * reactor), the same server code as the native modelfile-lsp. Two ways in:
 *
 *   mfl_lsp_stdio_main()   the server on stdin/stdout (blocking stdio
 *                          transport), for any WASI runtime; wasm/run-wasi.mjs
 *                          starts it under Node (tests, the VS Code extension
 *                          out of process).
 *   mfl_session_*()        a server driven in process, without stdio: a web
 *                          page or VS Code's extension host hands it JSON-RPC
 *                          messages and takes its replies (wasm/session.mjs).
 *
 * Both run on lsp/wasi/uv.h's loop; the server does not know which one it
 * has. Memory for strings passed in comes from mfl_wasm_alloc. */
#include "args.h"
#include "server.h"
#include "wasm.h"

#include <stdio.h>
#include <wasi/api.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT(name) __attribute__((export_name(name)))

EXPORT("mfl_wasm_alloc") void *mfl_wasm_alloc(size_t n) { return malloc(n ? n : 1); }
EXPORT("mfl_wasm_free") void mfl_wasm_free(void *p) { free(p); }

static void init_once(void) {
    static bool done;
    if (done) return;
    done = true;
    uv_replace_allocator(mfl_malloc, mfl_realloc, mfl_calloc, mfl_free);
    lsp_rpc_init_alloc();
}

/* The server on stdin and stdout until `exit` or the end of input; returns
 * the process exit code (0 after shutdown + exit, else 1). */
EXPORT("mfl_lsp_stdio_main") int mfl_lsp_stdio_main(void) {
    /* The command line, as the native main takes it (WASI args). */
    __wasi_size_t argc = 0, size = 0;
    if (__wasi_args_sizes_get(&argc, &size) == 0 && argc > 1) {
        char **argv = calloc(argc + 1, sizeof *argv);
        char *buf = malloc(size ? size : 1);
        int done = -1;
        if (argv && buf && __wasi_args_get((uint8_t **)argv, (uint8_t *)buf) == 0)
            done = lsp_args((int)argc, argv);
        free(argv);
        free(buf);
        if (done >= 0) {
            fflush(stdout);
            return done;
        }
    }
    init_once();
    uv_loop_t loop;
    lsp_server_t server;
    uv_loop_init(&loop);
    int rc = lsp_server_init(&server, &loop, 0, 1);
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
    fflush(stdout);
    fflush(stderr);
    return code;
}

/* ---- sessions in process ------------------------------------------------------ */

struct mfl_session {
    uv_loop_t loop;
    lsp_server_t server;
    lsp_out_msg_t *taken; /* the message last returned by mfl_session_next */
};
typedef mfl_session_t session_t;

EXPORT("mfl_session_new") session_t *mfl_session_new(void) {
    init_once();
    session_t *s = calloc(1, sizeof(*s));
    if (!s) return NULL;
    uv_loop_init(&s->loop);
    if (lsp_server_init(&s->server, &s->loop, -1, -1) != 0 || lsp_server_start(&s->server) != 0) {
        lsp_server_exit(&s->server);
        uv_run(&s->loop, UV_RUN_NOWAIT);
        lsp_server_cleanup(&s->server);
        free(s);
        return NULL;
    }
    return s;
}

/* Hands the server one JSON-RPC message (json[0, len), UTF-8); it is
 * handled now. What it schedules (a debounced lint) runs in the next tick. */
EXPORT("mfl_session_send") void mfl_session_send(session_t *s, const char *json, size_t len) {
    char head[64];
    int h = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", len);
    lsp_server_feed(&s->server, head, (size_t)h);
    lsp_server_feed(&s->server, json, len);
}

/* Runs what is due (debounced diagnostics, the store watch). Returns the ms
 * until something is due again, or -1 when nothing is scheduled. */
EXPORT("mfl_session_tick") int mfl_session_tick(session_t *s) {
    uv_run(&s->loop, UV_RUN_NOWAIT);
    return uv_lite_next_timeout(&s->loop);
}

/* The next message from the server (NUL-terminated, valid until the next
 * call), with its length in *len; NULL when there is none. */
EXPORT("mfl_session_next") const char *mfl_session_next(session_t *s, size_t *len) {
    mfl_free(s->taken);
    s->taken = lsp_transport_take(&s->server.transport);
    if (!s->taken) return NULL;
    *len = s->taken->len;
    return s->taken->body;
}

/* -1 while the server runs, else its exit code (after `exit`). */
EXPORT("mfl_session_exit_code") int mfl_session_exit_code(session_t *s) {
    return s->server.state == LSP_STATE_EXITED ? s->server.exit_code : -1;
}

EXPORT("mfl_session_free") void mfl_session_free(session_t *s) {
    if (!s) return;
    lsp_server_exit(&s->server);
    for (int i = 0; i < 8 && uv_run(&s->loop, UV_RUN_NOWAIT); i++) {
    }
    mfl_free(s->taken);
    for (lsp_out_msg_t *m; (m = lsp_transport_take(&s->server.transport));) mfl_free(m);
    lsp_server_cleanup(&s->server);
    free(s);
}

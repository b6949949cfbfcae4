/* SPDX-License-Identifier: MIT */
/* The entry points of modelfile-lsp.wasm (lsp/wasm.c); wasm/session.mjs and
 * wasm/run-wasi.mjs call them from JavaScript. Strings are UTF-8 in the
 * module's memory; memory handed in comes from mfl_wasm_alloc. */
#ifndef LSP_WASM_H
#define LSP_WASM_H

#include <stddef.h>

void *mfl_wasm_alloc(size_t n);
void mfl_wasm_free(void *p);

/* The server on stdin and stdout until `exit` or the end of input (blocking
 * stdio transport). Returns the exit code: 0 after shutdown and exit. */
int mfl_lsp_stdio_main(void);

/* A server driven in process: no stdio, no process. */
typedef struct mfl_session mfl_session_t;
mfl_session_t *mfl_session_new(void);
/* One JSON-RPC message from the client (json[0, len)), handled now; what it
 * schedules (a debounced lint) runs in mfl_session_tick. */
void mfl_session_send(mfl_session_t *s, const char *json, size_t len);
/* Runs what is due; returns ms until the next thing is due, -1 for none. */
int mfl_session_tick(mfl_session_t *s);
/* The next message to the client, or NULL; valid until the next call. */
const char *mfl_session_next(mfl_session_t *s, size_t *len);
/* -1 while running, else the exit code after `exit`. */
int mfl_session_exit_code(mfl_session_t *s);
void mfl_session_free(mfl_session_t *s);

#endif

/* SPDX-License-Identifier: MIT */
/* modelfile-lsp's command line, shared by the native main (main.c) and the
 * WebAssembly entry point (wasm.c). */
#ifndef LSP_ARGS_H
#define LSP_ARGS_H

/* Handles --version, --help and the flags editors append (--stdio,
 * --clientProcessId). Returns -1 to go on and serve, else the exit code. */
int lsp_args(int argc, char **argv);

#endif

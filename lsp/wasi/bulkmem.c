/* SPDX-License-Identifier: MIT */
/* memcpy, memmove and memset as WebAssembly's bulk-memory instructions
 * (memory.copy, memory.fill), replacing wasi-libc's loops for the whole
 * module: this file alone is compiled with -mbulk-memory (lsp/CMakeLists.txt),
 * because clang 14 cannot compile wasi-libc's thread-local errno with it.
 * Node and every current browser run bulk memory. */
#include <stddef.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n) {
    __builtin_memcpy(dst, src, n);
    return dst;
}

void *memmove(void *dst, const void *src, size_t n) {
    __builtin_memmove(dst, src, n);
    return dst;
}

void *memset(void *dst, int c, size_t n) {
    __builtin_memset(dst, c, n);
    return dst;
}

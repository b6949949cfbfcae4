/* SPDX-License-Identifier: MIT */
/* The single allocation entry point of the core (libuv's uv_replace_allocator),
 * and the messages of the error codes (libuv's uv_strerror). */
#include "internal.h"
#include "mfl_knowledge.h"

#include <stdlib.h>
#include <string.h>

static void *(*mfl_malloc_fn)(size_t) = malloc;
static void *(*mfl_realloc_fn)(void *, size_t) = realloc;
static void (*mfl_free_fn)(void *) = free;

int mfl_set_allocator(void *(*malloc_fn)(size_t), void *(*realloc_fn)(void *, size_t),
                      void (*free_fn)(void *)) {
    if (!malloc_fn || !realloc_fn || !free_fn) return MFL_EINVAL;
    mfl_malloc_fn = malloc_fn;
    mfl_realloc_fn = realloc_fn;
    mfl_free_fn = free_fn;
    return 0;
}

void *mfl_malloc(size_t n) { return mfl_malloc_fn(n ? n : 1); }

void *mfl_calloc(size_t n, size_t size) {
    if (size && n > SIZE_MAX / size) return NULL;
    /* The C library's calloc knows fresh pages are already zero: a large
     * block (the model resolver's cache) costs no page touching. */
    if (mfl_malloc_fn == malloc && mfl_free_fn == free)
        return calloc(n * size > 0 ? n * size : 1, 1);
    void *p = mfl_malloc(n * size);
    if (p) memset(p, 0, n * size);
    return p;
}

void *mfl_realloc(void *p, size_t n) { return mfl_realloc_fn(p, n ? n : 1); }

void mfl_free(void *p) {
    if (p) mfl_free_fn(p);
}

char *mfl_strndup(const char *s, size_t n) {
    char *d = mfl_malloc(n + 1);
    if (!d) return NULL;
    if (n) memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

/* The message of each MFL_E* code (mfl.h, mfl_knowledge.h). */
const char *mfl_strerror(int code) {
    switch (code) {
    case 0: return "success";
    case MFL_ENOENT: return "no such file or folder";
    case MFL_EIO: return "input/output error";
    case MFL_ENOMEM: return "out of memory";
    case MFL_EACCES: return "permission denied";
    case MFL_EINVAL: return "invalid argument";
    case MFL_EFBIG: return "file too large";
    case MFL_ENAMETOOLONG: return "path too long";
    case MFL_ENOCONVERGE: return "fixes did not converge";
    case MFL_ETRUNCATED: return "truncated input";
    case MFL_EUNSUPPORTED: return "unsupported format or version";
    case MFL_ECHANGED: return "file changed on disk";
    case MFL_ENOTREG: return "not a regular file";
    default: return "unknown error";
    }
}

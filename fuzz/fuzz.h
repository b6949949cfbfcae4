/* SPDX-License-Identifier: MIT */
/* Shared by the fuzz targets: the libFuzzer entry point's prototype and an
 * invariant check that aborts (libFuzzer and the replay runner both report
 * an abort as a crash, with the message on stderr). */
#ifndef MFL_FUZZ_H
#define MFL_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond, ...)                                                            \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "%s:%d: invariant failed: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                                \
            fputc('\n', stderr);                                                         \
            abort();                                                                     \
        }                                                                                \
    } while (0)

#endif

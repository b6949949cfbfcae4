/* SPDX-License-Identifier: MIT */
/* Fuzz target: the GGUF header reader (mfl_gguf_parse) on any prefix, with
 * any claimed file size. Checks that the strings it fills are terminated
 * within their fields and that a truncated prefix of an accepted header
 * never crashes either. */
#include "fuzz.h"

#include "mfl.h"
#include "mfl_knowledge.h"

#include <string.h>

#define TERMINATED(f) (memchr((f), '\0', sizeof(f)) != NULL)

static void check_model(const mfl_model_t *m) {
    FUZZ_CHECK(TERMINATED(m->name) && TERMINATED(m->arch) && TERMINATED(m->error) &&
                   TERMINATED(m->ctx_note) && TERMINATED(m->basename) &&
                   TERMINATED(m->size_label) && TERMINATED(m->general_type) &&
                   TERMINATED(m->source_detail),
               "unterminated string field");
    FUZZ_CHECK(m->n_swa_layers + m->n_global_layers <= (uint64_t)m->n_layers + 1 ||
                   m->n_layers == 0,
               "layer split %u+%u > %u", m->n_swa_layers, m->n_global_layers, m->n_layers);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 8) return 0;
    /* The first 8 bytes choose the claimed file size. */
    uint64_t file_size;
    memcpy(&file_size, data, 8);
    data += 8;
    size -= 8;
    /* The bytes are copied so that ASan sees the exact end of the buffer. */
    char *buf = malloc(size ? size : 1);
    FUZZ_CHECK(buf != NULL, "malloc");
    if (size) memcpy(buf, data, size);
    mfl_model_t m;
    mfl_model_init(&m);
    int rc = mfl_gguf_parse(buf, size, file_size, &m);
    check_model(&m);
    if (rc == 0) {
        mfl_model_apply_notes(&m);
        check_model(&m);
        /* Every shorter prefix must fail cleanly or succeed, never overrun. */
        mfl_model_t t;
        mfl_model_init(&t);
        (void)mfl_gguf_parse(buf, size / 2, file_size, &t);
        check_model(&t);
    }
    free(buf);
    return 0;
}

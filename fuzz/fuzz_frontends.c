/* SPDX-License-Identifier: MIT */
/* The two front ends agree on every input: tree-sitter (mfl_doc_new, used by
 * the language server) and the byte-level scanner (mfl_doc_new_batch, used
 * for batch linting) must lower any bytes to the same document. */
#include "frontends.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char why[512];
    if (size > (1u << 20)) return 0;
    FUZZ_CHECK(mfl_test_frontends_agree((const char *)data, size, why, sizeof why), "%s", why);
    return 0;
}

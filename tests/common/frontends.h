/* SPDX-License-Identifier: MIT */
/* The differential check of the two front ends, shared by the unit test and
 * the fuzz target. */
#ifndef MFL_TEST_FRONTENDS_H
#define MFL_TEST_FRONTENDS_H

#include <stdbool.h>
#include <stddef.h>

/* True if mfl_doc_new and mfl_doc_new_batch give the same document for
 * src; else false with the first difference in why. */
bool mfl_test_frontends_agree(const char *src, size_t len, char *why, size_t whysz);

#endif

/* SPDX-License-Identifier: MIT */
/* The edge between the core and the protocol: LSP positions (UTF-16, UTF-8
 * or UTF-32 units) to byte offsets and back, file URIs to paths, and the
 * JSON shapes of ranges, diagnostics and text edits. Nothing else in lsp/
 * counts in UTF-16. */
#ifndef LSP_CONVERT_H
#define LSP_CONVERT_H

#include "mfl.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum { LSP_ENC_UTF16 = 0, LSP_ENC_UTF8, LSP_ENC_UTF32 } lsp_encoding_t;

/* "utf-16", "utf-8", "utf-32". */
const char *lsp_convert_encoding_name(lsp_encoding_t enc);

/* Within one line of UTF-8 text (no line break): the byte offset of a
 * position given in `enc` units, clamped to the line end. A position inside
 * a character (the middle of a surrogate pair) goes to its start. Invalid
 * UTF-8 bytes count as one unit each. */
uint32_t lsp_convert_units_to_bytes(const char *line, size_t len, uint32_t units,
                                    lsp_encoding_t enc);
/* The inverse: the number of `enc` units before byte offset `bytes`
 * (clamped to len). */
uint32_t lsp_convert_bytes_to_units(const char *line, size_t len, size_t bytes, lsp_encoding_t enc);

/* A Position object to a byte offset of doc. A line past the end means the
 * end of the document, a character past the line end the end of the line.
 * Returns 0, or -1 if pos is not a Position (the caller answers -32602). */
int lsp_convert_position_get(const mfl_doc_t *doc, lsp_encoding_t enc, const json_t *pos,
                             uint32_t *offset);
/* A Range object to a byte range (start <= end). Returns 0 or -1. */
int lsp_convert_range_get(const mfl_doc_t *doc, lsp_encoding_t enc, const json_t *range,
                          mfl_range_t *out);

/* New Position / Range objects for byte offsets of doc. */
json_t *lsp_convert_position_new(const mfl_doc_t *doc, lsp_encoding_t enc, uint32_t offset);
json_t *lsp_convert_range_new(const mfl_doc_t *doc, lsp_encoding_t enc, mfl_range_t r);

/* A TextEdit for replacing r with text[0, len). */
json_t *lsp_convert_text_edit_new(const mfl_doc_t *doc, lsp_encoding_t enc, mfl_range_t r,
                                  const char *text, size_t len);
/* The TextEdit array of a fix. */
json_t *lsp_convert_fix_edits_new(const mfl_doc_t *doc, lsp_encoding_t enc, const mfl_fix_t *fix);

typedef struct {
    bool related_information; /* client supports relatedInformation */
} lsp_diag_caps_t;

/* A Diagnostic for d, with code, codeDescription (the rule's URL), source,
 * related information and, in `data`, the rule name and the fix. */
json_t *lsp_convert_diag_new(const mfl_doc_t *doc, lsp_encoding_t enc, const char *uri,
                             const mfl_diag_t *d, const lsp_diag_caps_t *caps);

/* LSP DiagnosticSeverity (1..4) for a core severity. */
int lsp_convert_severity(mfl_severity_t sev);

/* The local path of a file: URI, percent-decoded. Returns a new string
 * (mfl_free), or NULL for other schemes or when out of memory. */
char *lsp_convert_uri_to_path(const char *uri);
/* The folder part of a path ("." for a bare name). Returns a new string. */
char *lsp_convert_path_dir(const char *path);
/* A file: URI for an absolute path, percent-encoded. Returns a new string. */
char *lsp_convert_path_to_uri(const char *path);

#endif

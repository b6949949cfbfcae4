/* SPDX-License-Identifier: MIT */
/* textDocument/formatting: the core's formatter (mfl_format, the one
 * `modelfile-lint format` uses), its edits converted to the client's
 * positions. */
#include "handlers.h"

#include <string.h>

json_t *lsp_on_formatting(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    lsp_doc_t *d = lsp_server_doc(s, params);
    if (!d) return lsp_invalid_params(err, "Document is not open");
    mfl_edit_t *edits;
    size_t n;
    json_t *out = json_array();
    if (!out || mfl_format(d->doc, &edits, &n) != 0) return out;
    for (size_t i = 0; i < n; i++)
        json_array_append_new(out, lsp_convert_text_edit_new(d->doc, s->enc, edits[i].range,
                                                             edits[i].text, strlen(edits[i].text)));
    mfl_edits_free(edits, n);
    return out;
}

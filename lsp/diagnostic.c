/* SPDX-License-Identifier: MIT */
/* textDocument/diagnostic (pull diagnostics). */
#include "handlers.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* ---- diagnostics -------------------------------------------------------------------- */

json_t *lsp_on_diagnostic(lsp_server_t *s, json_t *params, lsp_error_t *err) {
    lsp_doc_t *d = lsp_server_doc(s, params);
    if (!json_is_object(params)) return lsp_invalid_params(err, "Missing params");
    if (!d) return json_pack("{s:s,s:[]}", "kind", "full", "items");
    mfl_result_t *res = lsp_docstore_result(d);
    char id[32];
    snprintf(id, sizeof(id), "%" PRIu64, d->gen);
    const char *prev = json_string_value(json_object_get(params, "previousResultId"));
    if (res && prev && strcmp(prev, id) == 0)
        return json_pack("{s:s,s:s}", "kind", "unchanged", "resultId", id);
    return json_pack("{s:s,s:s,s:o}", "kind", "full", "resultId", id, "items",
                     lsp_server_diagnostics(s, d));
}

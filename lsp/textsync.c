/* SPDX-License-Identifier: MIT */
/* didOpen, didChange, didClose: the open documents (docstore.c). */
#include "handlers.h"

#include <string.h>

/* ---- text synchronisation ----------------------------------------------------------- */

void lsp_on_did_open(lsp_server_t *s, json_t *params) {
    json_t *td = json_object_get(params, "textDocument");
    const char *uri = json_string_value(json_object_get(td, "uri"));
    json_t *text = json_object_get(td, "text");
    if (!uri || !json_is_string(text)) {
        lsp_server_log(s, 2, "didOpen without uri or text");
        return;
    }
    lsp_doc_t *d =
        lsp_docstore_open(&s->docs, uri, json_integer_value(json_object_get(td, "version")),
                          json_string_value(text), json_string_length(text));
    if (!d) {
        lsp_server_log(s, 1, "out of memory opening %s", uri);
        return;
    }
    if (!s->caps.pull_diagnostics) lsp_server_publish(s, d);
}

void lsp_on_did_change(lsp_server_t *s, json_t *params) {
    lsp_doc_t *d = lsp_server_doc(s, params);
    if (!d) return;
    json_t *changes = json_object_get(params, "contentChanges");
    size_t i;
    json_t *ch;
    json_array_foreach(changes, i, ch) {
        json_t *text = json_object_get(ch, "text");
        json_t *range = json_object_get(ch, "range");
        if (!json_is_string(text)) continue;
        int rc;
        if (range) {
            mfl_range_t r;
            if (lsp_convert_range_get(d->doc, s->enc, range, &r) != 0) {
                lsp_server_log(s, 2, "didChange with a bad range ignored");
                continue;
            }
            rc = lsp_docstore_edit(d, r.start, r.end, json_string_value(text),
                                   json_string_length(text));
        } else {
            rc = lsp_docstore_replace(d, json_string_value(text), json_string_length(text));
        }
        if (rc != 0) lsp_server_log(s, 1, "edit failed (%d)", rc);
    }
    json_t *ver = lsp_json_path(params, "textDocument.version");
    if (json_is_integer(ver)) d->version = json_integer_value(ver);
    if (!s->caps.pull_diagnostics) lsp_docstore_schedule(d, s->debounce_ms);
}

void lsp_on_did_close(lsp_server_t *s, json_t *params) {
    lsp_doc_t *d = lsp_server_doc(s, params);
    if (!d) return;
    lsp_server_notify(s, "textDocument/publishDiagnostics",
                      json_pack("{s:s,s:[]}", "uri", d->uri, "diagnostics"));
    lsp_docstore_close(&s->docs, d);
}

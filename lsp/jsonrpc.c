/* SPDX-License-Identifier: MIT */
/* JSON-RPC envelopes. Everything here is shape, not meaning: the server
 * decides what a method does. */
#include "jsonrpc.h"

#include "mfl.h"

#include <string.h>

void lsp_rpc_init_alloc(void) { json_set_alloc_funcs(mfl_malloc, mfl_free); }

lsp_msg_kind_t lsp_rpc_classify(json_t *msg, lsp_msg_t *out) {
    memset(out, 0, sizeof(*out));
    if (!json_is_object(msg)) return out->kind = LSP_MSG_INVALID;
    json_t *method = json_object_get(msg, "method");
    json_t *id = json_object_get(msg, "id");
    json_t *params = json_object_get(msg, "params");
    if (id && !json_is_integer(id) && !json_is_string(id) && !json_is_null(id))
        return out->kind = LSP_MSG_INVALID;
    if (params && !json_is_object(params) && !json_is_array(params) && !json_is_null(params))
        return out->kind = LSP_MSG_INVALID;
    out->id = id;
    out->params = json_is_null(params) ? NULL : params;
    if (json_is_string(method)) {
        out->method = json_string_value(method);
        return out->kind = id ? LSP_MSG_REQUEST : LSP_MSG_NOTIFICATION;
    }
    if (method) return out->kind = LSP_MSG_INVALID;
    out->result = json_object_get(msg, "result");
    out->error = json_object_get(msg, "error");
    if (id && (out->result || out->error)) return out->kind = LSP_MSG_RESPONSE;
    return out->kind = LSP_MSG_INVALID;
}

int lsp_rpc_id_equal(const json_t *a, const json_t *b) {
    return a && b && json_equal((json_t *)a, (json_t *)b);
}

static json_t *envelope(json_t *id) {
    json_t *m = json_object();
    if (!m) return NULL;
    json_object_set_new(m, "jsonrpc", json_string("2.0"));
    json_object_set_new(m, "id", id ? json_copy(id) : json_null());
    return m;
}

json_t *lsp_rpc_result(json_t *id, json_t *result) {
    json_t *m = envelope(id);
    if (!m) {
        json_decref(result);
        return NULL;
    }
    json_object_set_new(m, "result", result ? result : json_null());
    return m;
}

json_t *lsp_rpc_error(json_t *id, int code, const char *message, json_t *data) {
    json_t *m = envelope(id);
    json_t *e = json_pack("{s:i,s:s}", "code", code, "message", message);
    if (!m || !e) {
        json_decref(m);
        json_decref(e);
        json_decref(data);
        return NULL;
    }
    if (data) json_object_set_new(e, "data", data);
    json_object_set_new(m, "error", e);
    return m;
}

json_t *lsp_rpc_notification(const char *method, json_t *params) {
    json_t *m = json_pack("{s:s,s:s}", "jsonrpc", "2.0", "method", method);
    if (!m) {
        json_decref(params);
        return NULL;
    }
    if (params) json_object_set_new(m, "params", params);
    return m;
}

json_t *lsp_rpc_request(json_int_t id, const char *method, json_t *params) {
    json_t *m = lsp_rpc_notification(method, params);
    if (m) json_object_set_new(m, "id", json_integer(id));
    return m;
}

char *lsp_rpc_dump(const json_t *msg, size_t *len) {
    size_t flags = JSON_COMPACT;
    size_t n = json_dumpb(msg, NULL, 0, flags);
    if (n == 0) return NULL;
    char *buf = mfl_malloc(n);
    if (!buf) return NULL;
    *len = json_dumpb(msg, buf, n, flags);
    return buf;
}

/* SPDX-License-Identifier: MIT */
/* The JSON-RPC 2.0 envelope, with jansson: classifying incoming messages
 * (ids may be integers or strings), and building results, errors,
 * notifications and server-to-client requests. */
#ifndef LSP_JSONRPC_H
#define LSP_JSONRPC_H

#include <jansson.h>
#include <stddef.h>

enum {
    LSP_PARSE_ERROR = -32700,
    LSP_INVALID_REQUEST = -32600,
    LSP_METHOD_NOT_FOUND = -32601,
    LSP_INVALID_PARAMS = -32602,
    LSP_INTERNAL_ERROR = -32603,
    LSP_SERVER_NOT_INITIALIZED = -32002,
    LSP_REQUEST_FAILED = -32803,
    LSP_SERVER_CANCELLED = -32802,
    LSP_CONTENT_MODIFIED = -32801,
    LSP_REQUEST_CANCELLED = -32800
};

typedef enum {
    LSP_MSG_INVALID,
    LSP_MSG_REQUEST,
    LSP_MSG_NOTIFICATION,
    LSP_MSG_RESPONSE
} lsp_msg_kind_t;

typedef struct {
    lsp_msg_kind_t kind;
    const char *method; /* borrowed from the message; NULL for responses */
    json_t *id;         /* borrowed; NULL for notifications */
    json_t *params;     /* borrowed; NULL when absent */
    json_t *result;     /* responses */
    json_t *error;      /* responses */
} lsp_msg_t;

/* Routes jansson's allocations through mfl_malloc/mfl_free. */
void lsp_rpc_init_alloc(void);

/* Classifies a parsed message. Everything it fills in is borrowed from msg. */
lsp_msg_kind_t lsp_rpc_classify(json_t *msg, lsp_msg_t *out);

/* True if two ids are the same (same JSON type and value). */
int lsp_rpc_id_equal(const json_t *a, const json_t *b);

/* Each returns a new message. `result` and `data` are stolen, even on
 * failure; `id` is borrowed (copied). NULL id means JSON null. */
json_t *lsp_rpc_result(json_t *id, json_t *result);
json_t *lsp_rpc_error(json_t *id, int code, const char *message, json_t *data);
json_t *lsp_rpc_notification(const char *method, json_t *params);
json_t *lsp_rpc_request(json_int_t id, const char *method, json_t *params);

/* Serialises compactly. Returns a new buffer (mfl_free) or NULL. */
char *lsp_rpc_dump(const json_t *msg, size_t *len);

#endif

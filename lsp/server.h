/* SPDX-License-Identifier: MIT */
/* The server: lifecycle state machine, method table dispatch, per-document
 * lint scheduling and settings. Handlers (handlers.c) implement the methods
 * on top of the helpers declared here. */
#ifndef LSP_SERVER_H
#define LSP_SERVER_H

#include "convert.h"
#include "docstore.h"
#include "mfl.h"
#include "mfl_io.h"
#include "mfl_io_env.h"
#include "jsonrpc.h"
#include "transport.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <uv.h>

typedef struct lsp_server lsp_server_t;

/* A failed request: code (LSP_INVALID_PARAMS, ...) and a static message. */
typedef struct {
    int code;
    const char *message;
} lsp_error_t;

/* Requests return a new result (NULL means JSON null) or set err->code.
 * Notifications return nothing. params may be NULL. */
typedef json_t *(*lsp_request_fn)(lsp_server_t *s, json_t *params, lsp_error_t *err);
typedef void (*lsp_notify_fn)(lsp_server_t *s, json_t *params);

typedef struct {
    const char *method;
    lsp_request_fn request;
    lsp_notify_fn notify;
} lsp_method_t;

/* The method table (handlers.c), terminated by a NULL method. */
extern const lsp_method_t lsp_methods[];

typedef enum {
    LSP_STATE_UNINITIALIZED,
    LSP_STATE_RUNNING,
    LSP_STATE_SHUT_DOWN,
    LSP_STATE_EXITED
} lsp_state_t;

typedef struct {
    bool pull_diagnostics;   /* textDocument.diagnostic */
    bool diagnostic_refresh; /* workspace.diagnostics.refreshSupport */
    bool version_support;    /* publishDiagnostics.versionSupport */
    lsp_diag_caps_t diag;
    bool code_action_literals; /* codeActionLiteralSupport */
    bool hierarchical_symbols; /* documentSymbol.hierarchicalDocumentSymbolSupport */
    bool hover_markdown;
    bool completion_markdown;
    bool line_folding_only;
    bool workspace_configuration;
    bool watched_files_dynamic;
} lsp_client_caps_t;

/* One loaded config file, re-read when its mtime changes. */
typedef struct lsp_config_entry {
    struct lsp_config_entry *next;
    char *path;
    int64_t mtime_sec, mtime_nsec, size;
    mfl_io_config_t *config; /* NULL: the file has an error */
    bool error_published;    /* a diagnostic on the file is shown */
} lsp_config_entry_t;

struct lsp_server {
    uv_loop_t *loop;
    lsp_transport_t transport;
    lsp_docstore_t docs;
    uv_check_t batch;  /* processes the messages of one loop turn */
    bool batch_ready;  /* batch was initialised (closed at exit) */
    json_t *queue;     /* parsed messages waiting for `batch` */
    json_t *cancelled; /* ids of requests cancelled while queued */
    bool eof;
    lsp_state_t state;
    int exit_code;
    lsp_encoding_t enc;
    lsp_client_caps_t caps;
    json_t *settings; /* the editor's settings object */
    mfl_io_config_t *editor_config;
    lsp_config_entry_t *configs;
    uint64_t config_gen;  /* bumped whenever settings or a config file load */
    mfl_io_env_t *io_env; /* model resolution (GGUF, store, table) */
    const mfl_env_t *env; /* borrowed from io_env; NULL without one */
    json_int_t next_request_id;
    json_int_t config_request_id; /* pending workspace/configuration, or -1 */
    uint64_t debounce_ms;
    bool timing; /* log per-message server time to stderr */
    int closing; /* handles still closing at exit */
    /* The Ollama store's blobs/ folders, watched so that a model pulled or
     * created while the editor is open re-lints the documents. */
    uv_fs_event_t store_watch[3];
    size_t n_store_watch;
    uv_timer_t store_timer; /* coalesces a burst of store events */
    bool store_timer_ready;
};

/* Sets up the server on loop, reading in_fd and writing out_fd. */
int lsp_server_init(lsp_server_t *s, uv_loop_t *loop, int in_fd, int out_fd);
int lsp_server_start(lsp_server_t *s);
/* Decodes n bytes of client input and handles the complete messages now,
 * without waiting for the loop (fuzzing and tests). */
void lsp_server_feed(lsp_server_t *s, const char *data, size_t n);
/* Frees what the loop no longer references; call after uv_run returns. */
void lsp_server_cleanup(lsp_server_t *s);

/* Sends a message, taking ownership of it. */
void lsp_server_send(lsp_server_t *s, json_t *msg);
void lsp_server_notify(lsp_server_t *s, const char *method, json_t *params);
/* Sends a server-to-client request and returns its id. Responses are only
 * read for the workspace/configuration pull. */
json_int_t lsp_server_request(lsp_server_t *s, const char *method, json_t *params);
/* window/logMessage (type 1 error .. 4 log) and a copy on stderr. */
void lsp_server_log(lsp_server_t *s, int type, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Ends the loop with the lifecycle's exit code. */
void lsp_server_exit(lsp_server_t *s);

/* The document named by params.textDocument.uri, or NULL. */
lsp_doc_t *lsp_server_doc(lsp_server_t *s, json_t *params);
/* The lint options of a document (its folder's config, or the editor's). */
void lsp_server_lint_opts(lsp_server_t *s, lsp_doc_t *doc, mfl_lint_opts_t *opts);
/* Lints if the cached result is stale. Borrowed result, or NULL on OOM. */
mfl_result_t *lsp_server_lint(lsp_server_t *s, lsp_doc_t *doc);
/* The Diagnostic array for a document's current result. */
json_t *lsp_server_diagnostics(lsp_server_t *s, lsp_doc_t *doc);
/* Pushes diagnostics now (push clients only). */
void lsp_server_publish(lsp_server_t *s, lsp_doc_t *doc);
/* Re-lints every open document (after a settings or config file change). */
void lsp_server_relint_all(lsp_server_t *s);
/* Starts watching the model store(s) the env searches. Failures (no store)
 * are silent: the store is optional. */
void lsp_server_watch_store(lsp_server_t *s);
/* Applies an editor settings object (the .modelfile-lint.json keys);
 * takes ownership of settings (NULL: defaults). */
void lsp_server_apply_settings(lsp_server_t *s, json_t *settings);

#endif

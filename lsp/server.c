/* SPDX-License-Identifier: MIT */
/* Lifecycle and dispatch. Messages read in one loop turn are queued and run
 * from a check handle, so that a $/cancelRequest arriving in the same read
 * as its request is seen before the request runs. Only `exit` (or the end
 * of stdin) stops the loop; bad input only ever produces an error reply. */
#include "server.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mfl_os.h"

#define DEFAULT_DEBOUNCE_MS 150
/* Marks a queued body that was not JSON; no JSON-RPC member can clash. */
#define PARSE_ERROR_KEY " parse error"

static void on_message(void *ud, const char *body, size_t len);
static void on_framing_error(void *ud, const char *what);
static void on_eof(void *ud);
static void on_lint_timer(lsp_doc_t *doc, void *ud);

int lsp_server_init(lsp_server_t *s, uv_loop_t *loop, int in_fd, int out_fd) {
    memset(s, 0, sizeof(*s));
    s->loop = loop;
    s->enc = LSP_ENC_UTF16;
    s->debounce_ms = DEFAULT_DEBOUNCE_MS;
    s->next_request_id = 1;
    s->config_request_id = -1;
    const char *t = getenv("MODELFILE_LSP_TIMING");
    s->timing = t && *t && strcmp(t, "0") != 0;
    const char *d = getenv("MODELFILE_LSP_DEBOUNCE_MS");
    if (d && *d) s->debounce_ms = strtoull(d, NULL, 10);
    /* Handles first: lsp_server_exit() closes them whatever fails later. */
    lsp_docstore_init(&s->docs, loop, on_lint_timer, s);
    int rc = uv_check_init(loop, &s->batch);
    if (rc != 0) return rc;
    s->batch.data = s;
    s->batch_ready = true;
    s->queue = json_array();
    s->cancelled = json_array();
    s->io_env = mfl_io_env_new();
    s->env = s->io_env ? mfl_io_env_get(s->io_env) : NULL;
    if (!s->queue || !s->cancelled) return UV_ENOMEM;
    return lsp_transport_init(&s->transport, loop, in_fd, out_fd, on_message, on_framing_error,
                              on_eof, s);
}

int lsp_server_start(lsp_server_t *s) { return lsp_transport_start(&s->transport); }

void lsp_server_cleanup(lsp_server_t *s) {
    json_decref(s->queue);
    json_decref(s->cancelled);
    json_decref(s->settings);
    mfl_io_config_free(s->editor_config);
    while (s->configs) {
        lsp_config_entry_t *e = s->configs;
        s->configs = e->next;
        mfl_io_config_free(e->config);
        mfl_free(e->path);
        mfl_free(e);
    }
    mfl_io_env_free(s->io_env);
    lsp_decoder_cleanup(&s->transport.dec);
    mfl_free(s->transport.in_buf);
    s->queue = s->cancelled = s->settings = NULL;
}

/* ---- output ------------------------------------------------------------- */

void lsp_server_send(lsp_server_t *s, json_t *msg) {
    if (!msg) return;
    size_t len = 0;
    char *body = s->state == LSP_STATE_EXITED ? NULL : lsp_rpc_dump(msg, &len);
    json_decref(msg);
    if (!body) return;
    int rc = lsp_transport_write(&s->transport, body, len);
    if (rc != 0) fprintf(stderr, "modelfile-lsp: write failed: %s\n", uv_strerror(rc));
    mfl_free(body);
}

void lsp_server_notify(lsp_server_t *s, const char *method, json_t *params) {
    lsp_server_send(s, lsp_rpc_notification(method, params));
}

json_int_t lsp_server_request(lsp_server_t *s, const char *method, json_t *params) {
    json_int_t id = s->next_request_id++;
    lsp_server_send(s, lsp_rpc_request(id, method, params));
    return id;
}

void lsp_server_log(lsp_server_t *s, int type, const char *fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    fprintf(stderr, "modelfile-lsp: %s\n", buf);
    if (s->state == LSP_STATE_RUNNING)
        lsp_server_notify(s, "window/logMessage",
                          json_pack("{s:i,s:s}", "type", type, "message", buf));
}

/* ---- lifecycle ---------------------------------------------------------- */

static void on_handle_closed(uv_handle_t *h) {
    lsp_server_t *s = h->data;
    s->closing--;
}

static void on_transport_closed(void *ud) { (void)ud; }

void lsp_server_exit(lsp_server_t *s) {
    if (s->state == LSP_STATE_EXITED) return;
    s->exit_code = s->state == LSP_STATE_SHUT_DOWN ? 0 : 1;
    s->state = LSP_STATE_EXITED;
    lsp_docstore_cleanup(&s->docs);
    for (size_t i = 0; i < s->n_store_watch; i++) {
        if (uv_is_closing((uv_handle_t *)&s->store_watch[i])) continue;
        s->closing++;
        uv_close((uv_handle_t *)&s->store_watch[i], on_handle_closed);
    }
    s->n_store_watch = 0;
    if (s->store_timer_ready && !uv_is_closing((uv_handle_t *)&s->store_timer)) {
        s->closing++;
        uv_close((uv_handle_t *)&s->store_timer, on_handle_closed);
    }
    if (s->batch_ready && !uv_is_closing((uv_handle_t *)&s->batch)) {
        s->closing++;
        uv_close((uv_handle_t *)&s->batch, on_handle_closed);
    }
    lsp_transport_close(&s->transport, on_transport_closed);
}

/* ---- input -------------------------------------------------------------- */

static void on_framing_error(void *ud, const char *what) {
    (void)ud;
    fprintf(stderr, "modelfile-lsp: framing: %s\n", what);
}

static void batch_cb(uv_check_t *h);

static void wake(lsp_server_t *s) {
    if (s->state != LSP_STATE_EXITED && !uv_is_active((uv_handle_t *)&s->batch))
        uv_check_start(&s->batch, batch_cb);
}

static void on_message(void *ud, const char *body, size_t len) {
    lsp_server_t *s = ud;
    json_error_t err;
    json_t *msg = json_loadb(body, len, 0, &err);
    if (!msg) {
        /* Queued like any message, so the reply keeps its place in order. */
        msg = json_pack("{s:{s:s,s:i,s:i}}", PARSE_ERROR_KEY, "text", err.text, "line", err.line,
                        "column", err.column);
        if (!msg) return;
    }
    json_array_append_new(s->queue, msg);
    wake(s);
}

static void on_eof(void *ud) {
    lsp_server_t *s = ud;
    s->eof = true;
    wake(s);
}

static const lsp_method_t *find_method(const char *name) {
    for (const lsp_method_t *m = lsp_methods; m->method; m++)
        if (strcmp(m->method, name) == 0) return m;
    return NULL;
}

static bool take_cancelled(lsp_server_t *s, json_t *id) {
    size_t i;
    json_t *v;
    json_array_foreach(s->cancelled, i, v) {
        if (lsp_rpc_id_equal(v, id)) {
            json_array_remove(s->cancelled, i);
            return true;
        }
    }
    return false;
}

static void handle_response(lsp_server_t *s, lsp_msg_t *m) {
    if (!json_is_integer(m->id) || json_integer_value(m->id) != s->config_request_id) return;
    s->config_request_id = -1;
    json_t *first = json_array_get(m->result, 0);
    if (json_is_object(first)) lsp_server_apply_settings(s, json_incref(first));
}

static void handle_request(lsp_server_t *s, lsp_msg_t *m) {
    if (take_cancelled(s, m->id)) {
        lsp_server_send(s, lsp_rpc_error(m->id, LSP_REQUEST_CANCELLED, "Request cancelled", NULL));
        return;
    }
    bool is_init = strcmp(m->method, "initialize") == 0;
    if (s->state == LSP_STATE_UNINITIALIZED && !is_init) {
        lsp_server_send(
            s, lsp_rpc_error(m->id, LSP_SERVER_NOT_INITIALIZED, "Server not initialized", NULL));
        return;
    }
    if (s->state == LSP_STATE_SHUT_DOWN) {
        lsp_server_send(s, lsp_rpc_error(m->id, LSP_INVALID_REQUEST, "Server is shut down", NULL));
        return;
    }
    if (is_init && s->state != LSP_STATE_UNINITIALIZED) {
        lsp_server_send(s, lsp_rpc_error(m->id, LSP_INVALID_REQUEST, "Already initialized", NULL));
        return;
    }
    const lsp_method_t *h = find_method(m->method);
    if (!h || !h->request) {
        char msg[256];
        snprintf(msg, sizeof(msg), "Unhandled method %s", m->method);
        lsp_server_send(s, lsp_rpc_error(m->id, LSP_METHOD_NOT_FOUND, msg, NULL));
        return;
    }
    lsp_error_t err = {0, NULL};
    json_t *result = h->request(s, m->params, &err);
    if (err.code != 0) {
        json_decref(result);
        lsp_server_send(s,
                        lsp_rpc_error(m->id, err.code, err.message ? err.message : "Error", NULL));
        return;
    }
    lsp_server_send(s, lsp_rpc_result(m->id, result));
}

static void handle_notification(lsp_server_t *s, lsp_msg_t *m) {
    if (strcmp(m->method, "exit") == 0) {
        lsp_server_exit(s);
        return;
    }
    if (s->state != LSP_STATE_RUNNING) return;
    const lsp_method_t *h = find_method(m->method);
    if (h && h->notify) h->notify(s, m->params);
}

static void dispatch(lsp_server_t *s, json_t *msg) {
    lsp_msg_t m;
    json_t *parse_error = json_object_get(msg, PARSE_ERROR_KEY);
    if (parse_error) {
        lsp_server_send(
            s, lsp_rpc_error(NULL, LSP_PARSE_ERROR, "Parse error", json_incref(parse_error)));
        return;
    }
    switch (lsp_rpc_classify(msg, &m)) {
    case LSP_MSG_REQUEST: handle_request(s, &m); break;
    case LSP_MSG_NOTIFICATION: handle_notification(s, &m); break;
    case LSP_MSG_RESPONSE: handle_response(s, &m); break;
    default: {
        json_t *id = json_is_object(msg) ? json_object_get(msg, "id") : NULL;
        if (id && !json_is_integer(id) && !json_is_string(id)) id = NULL;
        lsp_server_send(s, lsp_rpc_error(id, LSP_INVALID_REQUEST, "Invalid request", NULL));
    }
    }
}

static void batch_cb(uv_check_t *h) {
    lsp_server_t *s = h->data;
    json_t *queue = s->queue;
    s->queue = json_array();
    size_t i;
    json_t *msg;
    /* A cancellation only matters for a request still waiting in this batch;
     * anything earlier has been answered already. */
    json_array_foreach(queue, i, msg) {
        json_t *method = json_object_get(msg, "method");
        json_t *params = json_object_get(msg, "params");
        json_t *id = json_object_get(params, "id");
        if (json_is_string(method) && strcmp(json_string_value(method), "$/cancelRequest") == 0 &&
            (json_is_integer(id) || json_is_string(id)))
            json_array_append(s->cancelled, id);
    }
    json_array_foreach(queue, i, msg) {
        if (s->state == LSP_STATE_EXITED) break;
        uint64_t t0 = s->timing ? uv_hrtime() : 0;
        dispatch(s, msg);
        if (s->timing) {
            json_t *method = json_object_get(msg, "method");
            fprintf(stderr, "modelfile-lsp: timing %s %.3f ms\n",
                    json_is_string(method) ? json_string_value(method) : "(response)",
                    (double)(uv_hrtime() - t0) / 1e6);
        }
    }
    json_decref(queue);
    json_array_clear(s->cancelled);
    if (s->state == LSP_STATE_EXITED) return;
    uv_check_stop(&s->batch);
    if (s->eof) lsp_server_exit(s);
}

void lsp_server_feed(lsp_server_t *s, const char *data, size_t n) {
    if (s->state == LSP_STATE_EXITED) return;
    lsp_decoder_feed(&s->transport.dec, data, n);
    if (json_array_size(s->queue) > 0) batch_cb(&s->batch);
}

/* ---- documents and lint ------------------------------------------------- */

lsp_doc_t *lsp_server_doc(lsp_server_t *s, json_t *params) {
    json_t *td = json_object_get(params, "textDocument");
    return lsp_docstore_find(&s->docs, json_string_value(json_object_get(td, "uri")));
}

static void add_models(lsp_server_t *s, const mfl_io_config_t *cfg);

/* A Position in a config file's text for a byte offset (lines split at \n). */
static json_t *text_position(lsp_server_t *s, const char *text, size_t len, size_t off) {
    size_t line = 0, bol = 0;
    for (size_t i = 0; i < off && i < len; i++)
        if (text[i] == '\n') {
            line++;
            bol = i + 1;
        }
    size_t eol = bol;
    while (eol < len && text[eol] != '\n') eol++;
    return json_pack("{s:I,s:I}", "line", (json_int_t)line, "character",
                     (json_int_t)lsp_convert_bytes_to_units(text + bol, eol - bol,
                                                            (off < bol ? bol : off) - bol, s->enc));
}

/* The byte offset of key `"name"` (followed by a colon) at or after from. */
static size_t find_key(const char *text, size_t len, size_t from, const char *name, size_t n) {
    for (size_t i = from; i + n + 2 <= len; i++) {
        if (text[i] != '"' || memcmp(text + i + 1, name, n) != 0 || text[i + 1 + n] != '"')
            continue;
        size_t j = i + n + 2;
        while (j < len && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n'))
            j++;
        if (j < len && text[j] == ':') return i;
    }
    return (size_t)-1;
}

/* Where a config error points in the file's text, as byte offsets [*a, *b):
 * "LINE:COL: ..." (jansson's syntax errors and the loader's errors: 1-based,
 * COL in characters; a quoted key there is spanned whole),
 * else the key the message names ("unknown key \"rulez\"", "rules.MF301:
 * ..."), found in the text, else the start of the file. `msg` is the message
 * without the path. */
static void config_error_span(const char *text, size_t len, const char *msg, size_t *a, size_t *b) {
    *a = *b = 0;
    unsigned long line = 0, col = 0;
    int used = 0;
    if (sscanf(msg, "%lu:%lu: %n", &line, &col, &used) == 2 && used > 0 && line > 0) {
        size_t off = 0;
        for (unsigned long l = 1; l < line && off < len; off++)
            if (text[off] == '\n') l++;
        /* col counts characters (UTF-8 sequences), 1-based; 0 means the line. */
        for (unsigned long c = 1; c < col && off < len && text[off] != '\n'; c++) {
            off++;
            while (off < len && ((unsigned char)text[off] & 0xC0) == 0x80) off++;
        }
        *a = *b = off < len ? off : len;
        if (*b < len && text[*b] == '"') {
            /* At a key (the config loader points at the bad key): all of it. */
            for ((*b)++; *b < len && text[*b] != '"' && text[*b] != '\n'; (*b)++)
                if (text[*b] == '\\' && *b + 1 < len) (*b)++;
            if (*b < len && text[*b] == '"') (*b)++;
            return;
        }
        if (*b < len && text[*b] != '\n') (*b)++;
        while (*b < len && ((unsigned char)text[*b] & 0xC0) == 0x80) (*b)++;
        return;
    }
    /* The key path: a leading `a.b.c:` or the first "quoted" name. */
    char path[256] = "";
    const char *q = strchr(msg, '"');
    size_t plen = strcspn(msg, ": \"");
    if (plen > 0 && plen < sizeof path && msg[plen] == ':') {
        memcpy(path, msg, plen);
        path[plen] = '\0';
    } else if (q) {
        size_t n = strcspn(q + 1, "\"");
        if (n > 0 && n < sizeof path && q[1 + n] == '"') {
            memcpy(path, q + 1, n);
            path[n] = '\0';
        }
    }
    size_t from = 0, found = (size_t)-1, klen = 0;
    for (char *part = path; *part;) {
        char *dot = strchr(part, '.');
        size_t n = dot ? (size_t)(dot - part) : strlen(part);
        size_t at = find_key(text, len, from, part, n);
        /* A dotted name may itself be a key (a model name like "qwen2.5"). */
        if (at == (size_t)-1 && dot) {
            n = strlen(part);
            at = find_key(text, len, from, part, n);
            dot = NULL;
        }
        if (at == (size_t)-1) break;
        found = at;
        klen = n + 2;
        from = at + klen;
        if (!dot) break;
        part = dot + 1;
    }
    if (found != (size_t)-1) {
        *a = found;
        *b = found + klen;
    }
}

/* Shows a config file's error as a diagnostic on that file (err NULL: clears
 * the one shown before). The file need not be open in the editor. */
static void publish_config_error(lsp_server_t *s, lsp_config_entry_t *e, const char *err) {
    if (s->state != LSP_STATE_RUNNING || (!err && !e->error_published)) return;
    char *uri = lsp_convert_path_to_uri(e->path);
    json_t *diags = json_array();
    if (!uri || !diags) {
        mfl_free(uri);
        json_decref(diags);
        return;
    }
    if (err) {
        size_t plen = strlen(e->path);
        const char *msg =
            strncmp(err, e->path, plen) == 0 && err[plen] == ':' ? err + plen + 1 : err;
        while (*msg == ' ') msg++;
        char *text = NULL, rerr[256];
        size_t len = 0, a = 0, b = 0;
        if (mfl_io_read_file(e->path, 4u << 20, &text, &len, rerr, sizeof rerr) == 0)
            config_error_span(text, len, msg, &a, &b);
        /* The message without its own "LINE:COL: ": the range says it. */
        unsigned long l, c;
        int used = 0;
        if (sscanf(msg, "%lu:%lu: %n", &l, &c, &used) == 2 && used > 0) msg += used;
        json_array_append_new(diags,
                              json_pack("{s:{s:o,s:o},s:i,s:s,s:s+}", "range", "start",
                                        text_position(s, text ? text : "", len, a), "end",
                                        text_position(s, text ? text : "", len, b), "severity", 1,
                                        "source", "modelfile-lint", "message", msg,
                                        " (the Modelfiles below this folder are linted without "
                                        "this file until it is fixed)"));
        mfl_free(text);
    }
    lsp_server_notify(s, "textDocument/publishDiagnostics",
                      json_pack("{s:s,s:o}", "uri", uri, "diagnostics", diags));
    e->error_published = err != NULL;
    mfl_free(uri);
}

static lsp_config_entry_t *config_entry(lsp_server_t *s, const char *path) {
    lsp_config_entry_t *e;
    for (e = s->configs; e; e = e->next)
        if (strcmp(e->path, path) == 0) break;
    uv_fs_t req;
    int rc = uv_fs_stat(NULL, &req, path, NULL);
    int64_t sec = rc == 0 ? (int64_t)req.statbuf.st_mtim.tv_sec : -1;
    int64_t nsec = rc == 0 ? (int64_t)req.statbuf.st_mtim.tv_nsec : -1;
    int64_t size = rc == 0 ? (int64_t)req.statbuf.st_size : -1;
    uv_fs_req_cleanup(&req);
    if (e && e->mtime_sec == sec && e->mtime_nsec == nsec && e->size == size) return e;
    if (!e) {
        e = mfl_calloc(1, sizeof(*e));
        if (!e || !(e->path = mfl_strndup(path, strlen(path)))) {
            mfl_free(e);
            return NULL;
        }
        e->next = s->configs;
        s->configs = e;
    }
    mfl_io_config_free(e->config);
    s->config_gen++;
    e->mtime_sec = sec;
    e->mtime_nsec = nsec;
    e->size = size;
    char err[512] = "";
    /* The project's file over the editor's settings: the file's keys win. */
    e->config = mfl_io_config_load_over(s->editor_config, path, err, sizeof(err));
    add_models(s, e->config);
    /* A broken file never silences the linter: documents are linted without
     * it (the editor's settings, else the defaults), and the error is a
     * diagnostic on the file itself, where it can be fixed. */
    publish_config_error(s, e, e->config ? NULL : err);
    if (!e->config) {
        lsp_server_log(s, 1, "%s", err);
        if (s->state == LSP_STATE_RUNNING)
            lsp_server_notify(s, "window/showMessage",
                              json_pack("{s:i,s:s++}", "type", 1, "message", "modelfile-lint: ",
                                        err, " (linting without it until it is fixed)"));
    }
    return e;
}

/* Feeds a config's "models" section to the model resolver. */
static void add_models(lsp_server_t *s, const mfl_io_config_t *cfg) {
    json_t *models = cfg ? mfl_io_config_models(cfg) : NULL;
    char err[512] = "";
    if (!models || !s->io_env) return;
    mfl_io_env_clear_cache(s->io_env);
    if (mfl_io_env_add_models_json(s->io_env, models, err, sizeof(err)) != 0)
        lsp_server_log(s, 1, "%s", err);
}

void lsp_server_lint_opts(lsp_server_t *s, lsp_doc_t *doc, mfl_lint_opts_t *opts) {
    memset(opts, 0, sizeof(*opts));
    opts->path = doc->path ? doc->path : doc->uri;
    opts->base_dir = doc->dir;
    opts->env = s->env;
    const mfl_io_config_t *cfg = s->editor_config;
    char path[4096];
    if (doc->dir && mfl_io_config_find(doc->dir, path, sizeof(path)) == 0) {
        /* The project's config file, layered over the editor's settings: its
         * keys win, so the editor and `modelfile-lint` agree on them. */
        lsp_config_entry_t *e = config_entry(s, path);
        if (e && e->config) cfg = e->config;
    }
    if (!cfg) return;
    /* Per-path ignores need a private copy of the core config, made again
     * only when the settings or a config file were (re)loaded since (not on
     * every hover, completion and lint). */
    if (!doc->config || doc->config_src != cfg || doc->config_gen != s->config_gen) {
        mfl_config_free(doc->config);
        doc->config = mfl_config_clone(mfl_io_config_core((mfl_io_config_t *)cfg));
        if (doc->config && doc->path) mfl_io_config_for_path(cfg, doc->path, doc->config);
        doc->config_src = cfg;
        doc->config_gen = s->config_gen;
    }
    opts->config = doc->config ? doc->config : mfl_io_config_core((mfl_io_config_t *)cfg);
}

mfl_result_t *lsp_server_lint(lsp_server_t *s, lsp_doc_t *doc) {
    mfl_result_t *res = lsp_docstore_result(doc);
    if (res) return res;
    mfl_lint_opts_t opts;
    lsp_server_lint_opts(s, doc, &opts);
    if (mfl_lint(doc->doc, &opts, &res) != 0) return NULL;
    lsp_docstore_set_result(doc, res);
    return res;
}

json_t *lsp_server_diagnostics(lsp_server_t *s, lsp_doc_t *doc) {
    json_t *a = json_array();
    mfl_result_t *res = lsp_server_lint(s, doc);
    for (size_t i = 0; a && res && i < res->n_diags; i++)
        json_array_append_new(
            a, lsp_convert_diag_new(doc->doc, s->enc, doc->uri, &res->diags[i], &s->caps.diag));
    return a;
}

void lsp_server_publish(lsp_server_t *s, lsp_doc_t *doc) {
    json_t *p =
        json_pack("{s:s,s:o}", "uri", doc->uri, "diagnostics", lsp_server_diagnostics(s, doc));
    if (p && s->caps.version_support) json_object_set_new(p, "version", json_integer(doc->version));
    lsp_server_notify(s, "textDocument/publishDiagnostics", p);
}

static void on_lint_timer(lsp_doc_t *doc, void *ud) {
    lsp_server_t *s = ud;
    uint64_t t0 = s->timing ? uv_hrtime() : 0;
    lsp_server_publish(s, doc);
    if (s->timing)
        fprintf(stderr, "modelfile-lsp: timing lint+publish %.3f ms\n",
                (double)(uv_hrtime() - t0) / 1e6);
}

void lsp_server_relint_all(lsp_server_t *s) {
    if (s->io_env) mfl_io_env_clear_cache(s->io_env);
    for (lsp_doc_t *d = s->docs.head; d; d = d->next) {
        lsp_docstore_set_result(d, NULL);
        if (!s->caps.pull_diagnostics) lsp_server_publish(s, d);
    }
    if (s->caps.pull_diagnostics && s->caps.diagnostic_refresh && s->docs.head)
        lsp_server_request(s, "workspace/diagnostic/refresh", NULL);
}

static void on_store_quiet(uv_timer_t *t) {
    lsp_server_t *s = t->data;
    if (s->state == LSP_STATE_RUNNING) lsp_server_relint_all(s);
}

static void on_store_event(uv_fs_event_t *h, const char *name, int events, int status) {
    lsp_server_t *s = h->data;
    (void)name;
    (void)events;
    if (status == 0 && s->store_timer_ready)
        uv_timer_start(&s->store_timer, on_store_quiet, 300, 0);
}

static void watch_root(void *ud, const char *root) {
    lsp_server_t *s = ud;
    char dir[4096];
    if (s->n_store_watch >= sizeof s->store_watch / sizeof s->store_watch[0] ||
        snprintf(dir, sizeof dir, "%s/blobs", root) >= (int)sizeof dir)
        return;
    mfl_os_stat_t st;
    if (mfl_os_stat(dir, &st) != 0 || st.type != MFL_FT_DIR) return;
    /* A slot, once initialised, stays taken until exit closes it. */
    uv_fs_event_t *h = &s->store_watch[s->n_store_watch];
    if (uv_fs_event_init(s->loop, h) != 0) return;
    h->data = s;
    s->n_store_watch++;
    if (uv_fs_event_start(h, on_store_event, dir, 0) != 0) {
        s->closing++;
        uv_close((uv_handle_t *)h, on_handle_closed);
    }
}

void lsp_server_watch_store(lsp_server_t *s) {
    if (!s->io_env || s->store_timer_ready || s->state != LSP_STATE_RUNNING) return;
    if (uv_timer_init(s->loop, &s->store_timer) != 0) return;
    s->store_timer.data = s;
    s->store_timer_ready = true;
    mfl_io_env_foreach_store(s->io_env, watch_root, s);
}

void lsp_server_apply_settings(lsp_server_t *s, json_t *settings) {
    mfl_io_config_t *cfg = NULL;
    if (json_is_object(settings) && json_object_size(settings) > 0) {
        size_t len = 0;
        char *text = lsp_rpc_dump(settings, &len);
        char err[512] = "";
        cfg = text ? mfl_io_config_parse(text, len, "editor settings", err, sizeof(err)) : NULL;
        mfl_free(text);
        if (!cfg) {
            lsp_server_log(s, 1, "%s", err);
            if (s->state == LSP_STATE_RUNNING)
                lsp_server_notify(s, "window/showMessage",
                                  json_pack("{s:i,s:s+}", "type", 1, "message",
                                            "modelfile-lint: settings: ", err));
            json_decref(settings);
            return;
        }
    }
    json_decref(s->settings);
    s->settings = settings;
    mfl_io_config_free(s->editor_config);
    s->editor_config = cfg;
    s->config_gen++;
    /* Config files are layered over the settings: reload them. */
    for (lsp_config_entry_t *e = s->configs; e; e = e->next)
        e->mtime_sec = e->mtime_nsec = e->size = -2;
    add_models(s, cfg);
    if (s->state == LSP_STATE_RUNNING) lsp_server_relint_all(s);
}

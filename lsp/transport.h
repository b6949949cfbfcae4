/* SPDX-License-Identifier: MIT */
/* Framing and stdio for the language server. The decoder turns a byte stream
 * into whole message bodies (Content-Length framing, counted in bytes); the
 * transport owns the libuv handles for stdin and stdout, whatever they are. */
#ifndef LSP_TRANSPORT_H
#define LSP_TRANSPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <uv.h>

/* Called once per complete message body. The body is borrowed and valid only
 * during the call; it is not NUL-terminated. */
typedef void (*lsp_message_cb)(void *ud, const char *body, size_t len);
/* Called for framing problems (garbage, bad or oversized headers); the
 * decoder has already resynchronised. `what` is a static string. */
typedef void (*lsp_framing_error_cb)(void *ud, const char *what);

#define LSP_MAX_HEADER 8192u
#define LSP_MAX_BODY (64u * 1024u * 1024u)

typedef struct {
    char *buf;
    size_t len, cap;
    size_t max_body; /* bodies larger than this are skipped, never buffered */
    size_t want;     /* body length, valid while in_body */
    size_t skip;     /* bytes of an oversized body still to discard */
    bool in_body;
    lsp_message_cb on_message;
    lsp_framing_error_cb on_error;
    void *ud;
} lsp_decoder_t;

void lsp_decoder_init(lsp_decoder_t *dec, size_t max_body, lsp_message_cb on_message,
                      lsp_framing_error_cb on_error, void *ud);
void lsp_decoder_cleanup(lsp_decoder_t *dec);
/* Feeds n bytes; calls on_message for each complete body. Returns 0, or
 * -1 when out of memory (the pending input is then dropped). */
int lsp_decoder_feed(lsp_decoder_t *dec, const char *data, size_t n);

/* Frames body with a Content-Length header. Returns a new buffer (mfl_free)
 * of *out_len bytes, or NULL when out of memory. */
char *lsp_frame_new(const char *body, size_t len, size_t *out_len);

typedef struct lsp_transport lsp_transport_t;
typedef struct lsp_reader lsp_reader_t;

#ifdef MFL_LSP_STDIO_TRANSPORT
/* WebAssembly (transport_stdio.c on lsp/wasi/uv.h): blocking reads of
 * in_fd and writes to out_fd; with in_fd and out_fd at -1, a session driven
 * in process (lsp/wasm.c): the host feeds input (lsp_server_feed) and takes
 * each message written from `out` (lsp_transport_take). */
typedef struct lsp_out_msg {
    struct lsp_out_msg *next;
    size_t len;
    char body[];
} lsp_out_msg_t;

struct lsp_transport {
    uv_loop_t *loop;
    lsp_decoder_t dec;
    void (*on_eof)(void *ud);
    void *ud;
    int in_fd, out_fd;
    char *in_buf;
    size_t in_cap;
    bool reading;
    bool stopped;
    lsp_out_msg_t *out, *out_tail; /* in-process session: messages not yet taken */
    void (*on_closed)(void *ud);
};

/* In-process session: the oldest message written and not yet taken (the
 * caller frees it with mfl_free), or NULL. */
lsp_out_msg_t *lsp_transport_take(lsp_transport_t *t);
#else
typedef union {
    uv_handle_t handle;
    uv_stream_t stream;
    uv_pipe_t pipe;
    uv_tty_t tty;
    uv_tcp_t tcp;
} lsp_stdio_handle_t;

struct lsp_transport {
    uv_loop_t *loop;
    lsp_decoder_t dec;
    void (*on_eof)(void *ud);
    void *ud;
    int in_fd, out_fd;
    uv_handle_type in_type, out_type; /* UV_NAMED_PIPE, UV_TTY, UV_TCP or UV_FILE */
    lsp_stdio_handle_t in, out;
    uv_fs_t in_req; /* file stdin: the pending read */
    uv_shutdown_t shutdown_req;
    char *in_buf;
    size_t in_cap;
    bool reading;      /* a read is active or pending */
    bool stopped;      /* lsp_transport_close() was called */
    bool read_pending; /* file stdin: a uv_fs_read is in flight */
    bool in_threaded;  /* stdin libuv cannot wrap: read by a thread */
    lsp_reader_t *reader;
    uv_async_t in_async; /* the reader thread's wake-up */
    int open_handles;
    void (*on_closed)(void *ud);
};
#endif

/* The native server's transport (transport_uv.c) wraps in_fd and out_fd in
 * the right libuv handles (uv_guess_handle: pipe, tty, socket or file); the
 * WebAssembly one (transport_stdio.c) reads and writes them directly.
 * Returns 0 or a negative libuv error. */
int lsp_transport_init(lsp_transport_t *t, uv_loop_t *loop, int in_fd, int out_fd,
                       lsp_message_cb on_message, lsp_framing_error_cb on_error,
                       void (*on_eof)(void *ud), void *ud);
/* Starts reading. Returns 0 or a negative libuv error. */
int lsp_transport_start(lsp_transport_t *t);
/* Frames and writes one message body. Writes keep their order. Returns 0 or
 * a negative libuv error. */
int lsp_transport_write(lsp_transport_t *t, const char *body, size_t len);
/* Stops reading, lets pending writes finish, closes the handles, then calls
 * on_closed (may be NULL). Safe to call more than once. */
void lsp_transport_close(lsp_transport_t *t, void (*on_closed)(void *ud));

#endif

/* SPDX-License-Identifier: MIT */
/* The native server's stdio transport on libuv: stdin and stdout wrapped in
 * the handles their kind needs (pipe, tty, socket), or read and written as
 * files (regular files, /dev/null, and any handle libuv cannot wrap as a
 * stream, such as the Unix pipes Wine hands a Windows program). The WASI
 * build has transport_stdio.c behind the same functions (transport.h). */
#include "transport.h"

#include "mfl.h"
#include "mfl_os.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define READ_CHUNK (64u * 1024u)

/* ---- stdio ---------------------------------------------------------------- */

typedef struct {
    uv_write_t req;
    uv_buf_t buf;
    char data[];
} write_req_t;

static void on_handle_closed(uv_handle_t *h) {
    lsp_transport_t *t = h->data;
    if (--t->open_handles == 0 && t->read_pending == false && t->on_closed) t->on_closed(t->ud);
}

static int open_handle(lsp_transport_t *t, lsp_stdio_handle_t *h, int fd, bool readable,
                       uv_handle_type *type) {
    int rc;
    *type = uv_guess_handle(fd);
    switch (*type) {
    case UV_TTY: rc = uv_tty_init(t->loop, &h->tty, fd, readable); break;
    case UV_NAMED_PIPE:
        if ((rc = uv_pipe_init(t->loop, &h->pipe, 0)) == 0 &&
            (rc = uv_pipe_open(&h->pipe, fd)) != 0)
            uv_close(&h->handle, NULL);
        break;
    case UV_TCP:
        if ((rc = uv_tcp_init(t->loop, &h->tcp)) == 0 && (rc = uv_tcp_open(&h->tcp, fd)) != 0)
            uv_close(&h->handle, NULL);
        break;
    default:
        /* Regular files and character devices such as /dev/null. */
        *type = UV_FILE;
        return 0;
    }
    if (rc == 0) {
        h->handle.data = t;
        t->open_handles++;
        return 0;
    }
    /* A handle libuv cannot use as a stream is still readable and writable
     * as a file: input from a reader thread, output by blocking writes. */
    *type = UV_FILE;
    if (readable) t->in_threaded = true;
    return 0;
}

int lsp_transport_init(lsp_transport_t *t, uv_loop_t *loop, int in_fd, int out_fd,
                       lsp_message_cb on_message, lsp_framing_error_cb on_error,
                       void (*on_eof)(void *ud), void *ud) {
    memset(t, 0, sizeof(*t));
    t->loop = loop;
    t->in_fd = in_fd;
    t->out_fd = out_fd;
    t->on_eof = on_eof;
    t->ud = ud;
    lsp_decoder_init(&t->dec, LSP_MAX_BODY, on_message, on_error, ud);
    int rc = open_handle(t, &t->in, in_fd, true, &t->in_type);
    if (rc == 0) rc = open_handle(t, &t->out, out_fd, false, &t->out_type);
    return rc;
}

static void alloc_cb(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
    lsp_transport_t *t = h->data;
    (void)suggested;
    if (!t->in_buf) {
        t->in_buf = mfl_malloc(READ_CHUNK);
        t->in_cap = t->in_buf ? READ_CHUNK : 0;
    }
    *buf = uv_buf_init(t->in_buf, (unsigned)t->in_cap);
}

static void end_of_input(lsp_transport_t *t) {
    t->reading = false;
    if (!t->stopped && t->on_eof) t->on_eof(t->ud);
}

static void read_cb(uv_stream_t *s, ssize_t nread, const uv_buf_t *buf) {
    lsp_transport_t *t = s->data;
    if (nread > 0) {
        if (lsp_decoder_feed(&t->dec, buf->base, (size_t)nread) != 0 && t->dec.on_error)
            t->dec.on_error(t->ud, "out of memory, input dropped");
    } else if (nread < 0) {
        uv_read_stop(s);
        end_of_input(t);
    }
}

static void start_file_read(lsp_transport_t *t);

/* ---- input from a reader thread -------------------------------------------
 * For stdin that is neither a stream libuv can wrap nor a regular file (the
 * Unix pipes Wine gives a Windows program): a thread blocks in read and
 * hands the bytes over through an async handle. At exit the handle is
 * closed and the thread, maybe still blocked in read, is left to end with
 * the process; the state it shares is freed by whichever side lets go last. */
struct lsp_reader {
    uv_mutex_t mu;
    uv_async_t *async; /* NULL once the loop side has let go */
    char *data;
    size_t len, cap;
    bool eof;
    int fd;
    int refs;
};

static void reader_unref(lsp_reader_t *r) {
    uv_mutex_lock(&r->mu);
    int left = --r->refs;
    uv_mutex_unlock(&r->mu);
    if (left == 0) {
        uv_mutex_destroy(&r->mu);
        free(r->data);
        free(r);
    }
}

static void reader_main(void *arg) {
    lsp_reader_t *r = arg;
    char *buf = malloc(READ_CHUNK);
    for (bool stop = false; !stop;) {
        long long n = buf ? mfl_os_read(r->fd, buf, READ_CHUNK) : -1;
        uv_mutex_lock(&r->mu);
        if (n > 0 && r->len + (size_t)n > r->cap) {
            size_t cap = r->cap ? r->cap : READ_CHUNK;
            while (cap < r->len + (size_t)n) cap *= 2;
            char *d = realloc(r->data, cap);
            if (d) {
                r->data = d;
                r->cap = cap;
            } else {
                n = -1; /* out of memory: the input ends here */
            }
        }
        if (n > 0) {
            memcpy(r->data + r->len, buf, (size_t)n);
            r->len += (size_t)n;
        } else {
            r->eof = true;
        }
        if (r->async) uv_async_send(r->async);
        stop = r->eof || !r->async;
        uv_mutex_unlock(&r->mu);
    }
    free(buf);
    reader_unref(r);
}

static void reader_cb(uv_async_t *h) {
    lsp_transport_t *t = h->data;
    lsp_reader_t *r = t->reader;
    uv_mutex_lock(&r->mu);
    size_t n = r->len;
    bool eof = r->eof;
    char *chunk = n ? mfl_malloc(n) : NULL;
    if (chunk) memcpy(chunk, r->data, n);
    r->len = 0;
    uv_mutex_unlock(&r->mu);
    if (n && !chunk && t->dec.on_error) t->dec.on_error(t->ud, "out of memory, input dropped");
    if (chunk && !t->stopped && lsp_decoder_feed(&t->dec, chunk, n) != 0 && t->dec.on_error)
        t->dec.on_error(t->ud, "out of memory, input dropped");
    mfl_free(chunk);
    if (eof && !t->stopped && t->reading) end_of_input(t);
}

static int start_reader(lsp_transport_t *t) {
    lsp_reader_t *r = calloc(1, sizeof *r);
    if (!r) return UV_ENOMEM;
    int rc = uv_mutex_init(&r->mu);
    if (rc != 0) {
        free(r);
        return rc;
    }
    r->fd = t->in_fd;
    r->refs = 2;
    r->async = &t->in_async;
    if ((rc = uv_async_init(t->loop, &t->in_async, reader_cb)) != 0) {
        uv_mutex_destroy(&r->mu);
        free(r);
        return rc;
    }
    t->in_async.data = t;
    t->open_handles++;
    t->reader = r;
    uv_thread_t th;
    if ((rc = uv_thread_create(&th, reader_main, r)) != 0) {
        r->refs = 1;
        return rc;
    }
    return 0;
}

static void file_read_cb(uv_fs_t *req) {
    lsp_transport_t *t = req->data;
    ssize_t n = req->result;
    uv_fs_req_cleanup(req);
    t->read_pending = false;
    if (t->stopped) {
        if (t->open_handles == 0 && t->on_closed) t->on_closed(t->ud);
        return;
    }
    if (n > 0) {
        if (lsp_decoder_feed(&t->dec, t->in_buf, (size_t)n) != 0 && t->dec.on_error)
            t->dec.on_error(t->ud, "out of memory, input dropped");
        /* If the messages ended the server, lsp_transport_close() has
         * already run and reported the close. */
        if (!t->stopped) start_file_read(t);
        return;
    }
    end_of_input(t);
}

static void start_file_read(lsp_transport_t *t) {
    uv_buf_t buf = uv_buf_init(t->in_buf, (unsigned)t->in_cap);
    t->in_req.data = t;
    t->read_pending = true;
    if (uv_fs_read(t->loop, &t->in_req, t->in_fd, &buf, 1, -1, file_read_cb) != 0) {
        t->read_pending = false;
        end_of_input(t);
    }
}

int lsp_transport_start(lsp_transport_t *t) {
    t->reading = true;
    if (t->in_type != UV_FILE) return uv_read_start(&t->in.stream, alloc_cb, read_cb);
    if (t->in_threaded) return start_reader(t);
    t->in_buf = mfl_malloc(READ_CHUNK);
    if (!t->in_buf) return UV_ENOMEM;
    t->in_cap = READ_CHUNK;
    start_file_read(t);
    return 0;
}

static void write_cb(uv_write_t *req, int status) {
    (void)status;
    mfl_free(req);
}

static int write_file(lsp_transport_t *t, const char *p, size_t n) {
    while (n > 0) {
        uv_fs_t req;
        uv_buf_t buf = uv_buf_init((char *)p, (unsigned)(n > (1u << 30) ? (1u << 30) : n));
        int rc = uv_fs_write(t->loop, &req, t->out_fd, &buf, 1, -1, NULL);
        uv_fs_req_cleanup(&req);
        if (rc == UV_EAGAIN || rc == UV_EINTR) continue;
        if (rc <= 0) return rc < 0 ? rc : UV_EIO;
        p += rc;
        n -= (size_t)rc;
    }
    return 0;
}

int lsp_transport_write(lsp_transport_t *t, const char *body, size_t len) {
    char head[64];
    int h = snprintf(head, sizeof(head), "Content-Length: %zu\r\n\r\n", len);
    if (t->out_type == UV_FILE) {
        int rc = write_file(t, head, (size_t)h);
        return rc ? rc : write_file(t, body, len);
    }
    if (uv_is_closing(&t->out.handle)) return UV_EPIPE;
    /* Try a direct write first; libuv refuses it while older writes are
     * queued, so the order of messages is kept. */
    uv_buf_t bufs[2] = {uv_buf_init(head, (unsigned)h), uv_buf_init((char *)body, (unsigned)len)};
    int n = uv_try_write(&t->out.stream, bufs, 2);
    size_t done = n > 0 ? (size_t)n : 0, total = (size_t)h + len;
    if (done == total) return 0;
    if (n < 0 && n != UV_EAGAIN && n != UV_ENOSYS) return n;
    size_t rest = total - done;
    write_req_t *w = mfl_malloc(sizeof(*w) + rest);
    if (!w) return UV_ENOMEM;
    size_t off = 0;
    if (done < (size_t)h) {
        memcpy(w->data, head + done, (size_t)h - done);
        off = (size_t)h - done;
        memcpy(w->data + off, body, len);
    } else {
        memcpy(w->data, body + (done - (size_t)h), rest);
    }
    w->buf = uv_buf_init(w->data, (unsigned)rest);
    int rc = uv_write(&w->req, &t->out.stream, &w->buf, 1, write_cb);
    if (rc != 0) mfl_free(w);
    return rc;
}

static void close_handle(lsp_stdio_handle_t *h, uv_handle_type type) {
    if (type != UV_FILE && !uv_is_closing(&h->handle)) uv_close(&h->handle, on_handle_closed);
}

static void shutdown_cb(uv_shutdown_t *req, int status) {
    lsp_transport_t *t = req->data;
    (void)status;
    close_handle(&t->out, t->out_type);
}

void lsp_transport_close(lsp_transport_t *t, void (*on_closed)(void *ud)) {
    if (t->stopped) return;
    if (!t->loop) {
        /* Never initialised (the server failed before): nothing to close. */
        t->stopped = true;
        if (on_closed) on_closed(t->ud);
        return;
    }
    t->stopped = true;
    t->on_closed = on_closed;
    if (t->in_type == UV_TTY) uv_tty_reset_mode();
    if (t->in_type != UV_FILE) {
        uv_read_stop(&t->in.stream);
        close_handle(&t->in, t->in_type);
    }
    if (t->reader) {
        uv_mutex_lock(&t->reader->mu);
        t->reader->async = NULL;
        uv_mutex_unlock(&t->reader->mu);
        uv_close((uv_handle_t *)&t->in_async, on_handle_closed);
        reader_unref(t->reader);
        t->reader = NULL;
    }
    if (t->out_type != UV_FILE) {
        /* A shutdown waits for queued writes; closing directly would cancel
         * them and lose the last responses. */
        t->shutdown_req.data = t;
        if (uv_shutdown(&t->shutdown_req, &t->out.stream, shutdown_cb) != 0)
            close_handle(&t->out, t->out_type);
    }
    if (t->open_handles == 0 && !t->read_pending && on_closed) on_closed(t->ud);
}

/* SPDX-License-Identifier: MIT */
/* The WebAssembly server's transport: the functions of transport.h over
 * blocking stdio (WASI read, write and poll), for the loop of lsp/wasi/uv.h.
 * The loop calls poll_input() when it would wait: it waits for input no
 * longer than the next timer and hands what it reads to the decoder. With
 * in_fd and out_fd at -1 there is no stdio at all: a session driven in
 * process (lsp/wasm.c) feeds input through lsp_server_feed and takes the
 * messages written with lsp_transport_take. */
#include "transport.h"

#include "mfl.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define READ_CHUNK (64u * 1024u)

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
    return 0;
}

static void end_of_input(lsp_transport_t *t) {
    t->reading = false;
    t->loop->poll = NULL;
    if (!t->stopped && t->on_eof) t->on_eof(t->ud);
}

static void poll_input(uv_loop_t *loop, int timeout_ms, void *ud) {
    lsp_transport_t *t = ud;
    (void)loop;
    if (!t->reading) return;
    if (timeout_ms >= 0) {
        /* Wait for input, but not past the next timer (WASI poll_oneoff).
         * A runtime that cannot poll stdin says so at once: read then. */
        struct pollfd p = {t->in_fd, POLLIN, 0};
        int r = poll(&p, 1, timeout_ms);
        if (r == 0) return;
        if (r < 0 && errno != ENOTSUP && errno != ENOSYS && errno != EINVAL) return;
    }
    ssize_t n;
    do n = read(t->in_fd, t->in_buf, t->in_cap);
    while (n < 0 && errno == EINTR);
    if (n > 0) {
        if (lsp_decoder_feed(&t->dec, t->in_buf, (size_t)n) != 0 && t->dec.on_error)
            t->dec.on_error(t->ud, "out of memory, input dropped");
        return;
    }
    if (n < 0 && errno == EAGAIN) return;
    end_of_input(t);
}

int lsp_transport_start(lsp_transport_t *t) {
    if (t->in_fd < 0) return 0; /* in process: the host feeds the input */
    t->in_buf = mfl_malloc(READ_CHUNK);
    if (!t->in_buf) return UV_ENOMEM;
    t->in_cap = READ_CHUNK;
    t->reading = true;
    t->loop->poll = poll_input;
    t->loop->poll_ud = t;
    return 0;
}

static int write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (w <= 0) return w < 0 && errno == EPIPE ? UV_EPIPE : UV_EIO;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

int lsp_transport_write(lsp_transport_t *t, const char *body, size_t len) {
    if (t->stopped) return UV_EPIPE;
    if (t->out_fd < 0) {
        lsp_out_msg_t *m = mfl_malloc(sizeof(*m) + len + 1);
        if (!m) return UV_ENOMEM;
        m->next = NULL;
        m->len = len;
        memcpy(m->body, body, len);
        m->body[len] = '\0';
        if (t->out_tail)
            t->out_tail->next = m;
        else
            t->out = m;
        t->out_tail = m;
        return 0;
    }
    char head[64];
    int h = snprintf(head, sizeof(head), "Content-Length: %zu\r\n\r\n", len);
    int rc = write_all(t->out_fd, head, (size_t)h);
    return rc ? rc : write_all(t->out_fd, body, len);
}

lsp_out_msg_t *lsp_transport_take(lsp_transport_t *t) {
    lsp_out_msg_t *m = t->out;
    if (m) {
        t->out = m->next;
        if (!t->out) t->out_tail = NULL;
    }
    return m;
}

void lsp_transport_close(lsp_transport_t *t, void (*on_closed)(void *ud)) {
    if (t->stopped) return;
    t->stopped = true;
    t->reading = false;
    if (t->loop && t->loop->poll_ud == t) t->loop->poll = NULL;
    if (on_closed) on_closed(t->ud);
}

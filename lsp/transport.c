/* SPDX-License-Identifier: MIT */
/* Content-Length framing and the stdio handles. The decoder never trusts the
 * peer: a header block that does not parse is skipped up to the next
 * "Content-Length:" it contains, an oversized body is discarded as it streams
 * past instead of being buffered, and garbage without any header is dropped
 * once it exceeds LSP_MAX_HEADER bytes. */
#include "transport.h"

#include "mfl.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define READ_CHUNK (64u * 1024u)

static const char content_length[] = "content-length:";

void lsp_decoder_init(lsp_decoder_t *dec, size_t max_body, lsp_message_cb on_message,
                      lsp_framing_error_cb on_error, void *ud) {
    memset(dec, 0, sizeof(*dec));
    dec->max_body = max_body ? max_body : LSP_MAX_BODY;
    dec->on_message = on_message;
    dec->on_error = on_error;
    dec->ud = ud;
}

void lsp_decoder_cleanup(lsp_decoder_t *dec) {
    mfl_free(dec->buf);
    dec->buf = NULL;
    dec->len = dec->cap = 0;
}

static void report(lsp_decoder_t *dec, const char *what) {
    if (dec->on_error)
        dec->on_error(dec->ud, what);
}

/* Finds the blank line that ends a header block in p[0, n). Accepts CRLF
 * (the protocol) and bare LF (hand-typed input). Sets *body to the first
 * byte after the blank line. Returns the header length or SIZE_MAX. */
static size_t find_header_end(const char *p, size_t n, size_t *body) {
    for (size_t i = 0; i + 1 < n; i++) {
        if (p[i] != '\n')
            continue;
        if (p[i + 1] == '\n') {
            *body = i + 2;
            return i;
        }
        if (p[i + 1] == '\r' && i + 2 < n && p[i + 2] == '\n') {
            *body = i + 3;
            return i;
        }
        if (p[i + 1] == '\r' && i + 2 >= n)
            return SIZE_MAX;
    }
    return SIZE_MAX;
}

/* Case-insensitive search for "content-length:" in p[from, n). */
static size_t find_content_length(const char *p, size_t n, size_t from) {
    size_t k = sizeof(content_length) - 1;
    for (size_t i = from; i + k <= n; i++)
        if (strncasecmp(p + i, content_length, k) == 0)
            return i;
    return SIZE_MAX;
}

static const char *trim(const char *s, const char *e, const char **end) {
    while (s < e && (*s == ' ' || *s == '\t'))
        s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        e--;
    *end = e;
    return s;
}

/* Parses the header block p[0, n). Returns 0 with the body length; -1 with
 * a reason for a missing or malformed Content-Length or a line that is not
 * a field; -2 (length valid, body to be skipped) for a charset other than
 * UTF-8. */
static int parse_header(const char *p, size_t n, size_t *length, const char **why) {
    bool have_length = false, bad_charset = false;
    const char *line = p, *end = p + n;
    while (line < end) {
        const char *eol = memchr(line, '\n', (size_t)(end - line));
        if (!eol)
            eol = end;
        const char *colon = memchr(line, ':', (size_t)(eol - line));
        if (!colon) {
            *why = "header line without a colon";
            return -1;
        }
        const char *name_end, *val_end;
        const char *name = trim(line, colon, &name_end);
        const char *val = trim(colon + 1, eol, &val_end);
        size_t name_len = (size_t)(name_end - name);
        if (name_len == 14 && strncasecmp(name, "content-length", 14) == 0) {
            uint64_t v = 0;
            if (val == val_end) {
                *why = "empty Content-Length";
                return -1;
            }
            for (const char *c = val; c < val_end; c++) {
                if (*c < '0' || *c > '9' || v > UINT64_MAX / 10 - 10) {
                    *why = "malformed Content-Length";
                    return -1;
                }
                v = v * 10 + (uint64_t)(*c - '0');
            }
            if (v > SIZE_MAX / 2) {
                *why = "malformed Content-Length";
                return -1;
            }
            *length = (size_t)v;
            have_length = true;
        } else if (name_len == 12 && strncasecmp(name, "content-type", 12) == 0) {
            const char *cs = NULL;
            for (const char *c = val; c + 8 <= val_end; c++)
                if (strncasecmp(c, "charset=", 8) == 0)
                    cs = c + 8;
            if (cs && !((val_end - cs >= 5 && strncasecmp(cs, "utf-8", 5) == 0) ||
                        (val_end - cs >= 4 && strncasecmp(cs, "utf8", 4) == 0)))
                bad_charset = true;
        }
        line = eol + 1;
    }
    if (!have_length) {
        *why = "header without Content-Length";
        return -1;
    }
    if (bad_charset) {
        *why = "unsupported charset, message skipped";
        return -2;
    }
    return 0;
}

/* Runs the state machine over the buffered bytes and returns how many were
 * consumed. */
static size_t decode(lsp_decoder_t *dec) {
    size_t pos = 0;
    for (;;) {
        if (dec->skip > 0) {
            size_t k = dec->len - pos < dec->skip ? dec->len - pos : dec->skip;
            pos += k;
            dec->skip -= k;
            if (dec->skip > 0)
                return pos;
        }
        if (dec->in_body) {
            if (dec->len - pos < dec->want)
                return pos;
            dec->in_body = false;
            pos += dec->want;
            dec->on_message(dec->ud, dec->buf + pos - dec->want, dec->want);
            continue;
        }
        /* Skip blank lines and stray whitespace between messages. */
        while (pos < dec->len && (dec->buf[pos] == '\r' || dec->buf[pos] == '\n' ||
                                  dec->buf[pos] == ' ' || dec->buf[pos] == '\t'))
            pos++;
        const char *p = dec->buf + pos;
        size_t avail = dec->len - pos, body = 0;
        size_t hlen = find_header_end(p, avail, &body);
        if (hlen == SIZE_MAX) {
            if (avail <= LSP_MAX_HEADER)
                return pos;
            /* Garbage with no header end in sight: keep only a tail that may
             * hold the start of the next header. */
            report(dec, "header too long, input discarded");
            size_t cl = find_content_length(p, avail, 1);
            if (cl != SIZE_MAX) {
                pos += cl;
                continue;
            }
            return dec->len - (sizeof(content_length) - 2);
        }
        size_t length = 0;
        const char *why = NULL;
        int rc = parse_header(p, hlen, &length, &why);
        if (rc == -2) {
            report(dec, why);
            pos += body;
            dec->skip = length;
            continue;
        }
        if (rc != 0) {
            report(dec, why);
            /* Resynchronise on a Content-Length that the garbage hides. */
            size_t cl = find_content_length(p, hlen, 1);
            pos += cl != SIZE_MAX ? cl : body;
            continue;
        }
        pos += body;
        if (length > dec->max_body) {
            report(dec, "message too large, skipped");
            dec->skip = length;
            continue;
        }
        dec->want = length;
        dec->in_body = true;
    }
}

int lsp_decoder_feed(lsp_decoder_t *dec, const char *data, size_t n) {
    while (n > 0) {
        /* While skipping an oversized body, do not buffer at all. */
        if (dec->skip > 0 && dec->len == 0) {
            size_t k = n < dec->skip ? n : dec->skip;
            dec->skip -= k;
            data += k;
            n -= k;
            continue;
        }
        size_t take = n;
        if (dec->len + take > dec->cap) {
            size_t cap = dec->cap ? dec->cap : 4096;
            while (cap < dec->len + take)
                cap *= 2;
            char *nb = mfl_realloc(dec->buf, cap);
            if (!nb) {
                dec->len = 0;
                dec->in_body = false;
                return -1;
            }
            dec->buf = nb;
            dec->cap = cap;
        }
        memcpy(dec->buf + dec->len, data, take);
        dec->len += take;
        data += take;
        n -= take;
        size_t used = decode(dec);
        memmove(dec->buf, dec->buf + used, dec->len - used);
        dec->len -= used;
    }
    /* Give back memory after a big message. */
    if (dec->len == 0 && dec->cap > 1024 * 1024) {
        mfl_free(dec->buf);
        dec->buf = NULL;
        dec->cap = 0;
    }
    return 0;
}

char *lsp_frame_new(const char *body, size_t len, size_t *out_len) {
    char head[64];
    int h = snprintf(head, sizeof(head), "Content-Length: %zu\r\n\r\n", len);
    char *out = mfl_malloc((size_t)h + len);
    if (!out)
        return NULL;
    memcpy(out, head, (size_t)h);
    memcpy(out + h, body, len);
    *out_len = (size_t)h + len;
    return out;
}

/* ---- stdio ---------------------------------------------------------------- */

typedef struct {
    uv_write_t req;
    uv_buf_t buf;
    char data[];
} write_req_t;

static void on_handle_closed(uv_handle_t *h) {
    lsp_transport_t *t = h->data;
    if (--t->open_handles == 0 && t->read_pending == false && t->on_closed)
        t->on_closed(t->ud);
}

static int open_handle(lsp_transport_t *t, lsp_stdio_handle_t *h, int fd, bool readable,
                       uv_handle_type *type) {
    int rc;
    *type = uv_guess_handle(fd);
    switch (*type) {
    case UV_TTY:
        rc = uv_tty_init(t->loop, &h->tty, fd, readable);
        break;
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
    }
    return rc;
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
    if (rc == 0)
        rc = open_handle(t, &t->out, out_fd, false, &t->out_type);
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
    if (!t->stopped && t->on_eof)
        t->on_eof(t->ud);
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

static void file_read_cb(uv_fs_t *req) {
    lsp_transport_t *t = req->data;
    ssize_t n = req->result;
    uv_fs_req_cleanup(req);
    t->read_pending = false;
    if (t->stopped) {
        if (t->open_handles == 0 && t->on_closed)
            t->on_closed(t->ud);
        return;
    }
    if (n > 0) {
        if (lsp_decoder_feed(&t->dec, t->in_buf, (size_t)n) != 0 && t->dec.on_error)
            t->dec.on_error(t->ud, "out of memory, input dropped");
        /* If the messages ended the server, lsp_transport_close() has
         * already run and reported the close. */
        if (!t->stopped)
            start_file_read(t);
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
    if (t->in_type != UV_FILE)
        return uv_read_start(&t->in.stream, alloc_cb, read_cb);
    t->in_buf = mfl_malloc(READ_CHUNK);
    if (!t->in_buf)
        return UV_ENOMEM;
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
        if (rc == UV_EAGAIN || rc == UV_EINTR)
            continue;
        if (rc <= 0)
            return rc < 0 ? rc : UV_EIO;
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
    if (uv_is_closing(&t->out.handle))
        return UV_EPIPE;
    /* Try a direct write first; libuv refuses it while older writes are
     * queued, so the order of messages is kept. */
    uv_buf_t bufs[2] = {uv_buf_init(head, (unsigned)h), uv_buf_init((char *)body, (unsigned)len)};
    int n = uv_try_write(&t->out.stream, bufs, 2);
    size_t done = n > 0 ? (size_t)n : 0, total = (size_t)h + len;
    if (done == total)
        return 0;
    if (n < 0 && n != UV_EAGAIN && n != UV_ENOSYS)
        return n;
    size_t rest = total - done;
    write_req_t *w = mfl_malloc(sizeof(*w) + rest);
    if (!w)
        return UV_ENOMEM;
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
    if (rc != 0)
        mfl_free(w);
    return rc;
}

static void close_handle(lsp_stdio_handle_t *h, uv_handle_type type) {
    if (type != UV_FILE && !uv_is_closing(&h->handle))
        uv_close(&h->handle, on_handle_closed);
}

static void shutdown_cb(uv_shutdown_t *req, int status) {
    lsp_transport_t *t = req->data;
    (void)status;
    close_handle(&t->out, t->out_type);
}

void lsp_transport_close(lsp_transport_t *t, void (*on_closed)(void *ud)) {
    if (t->stopped)
        return;
    if (!t->loop) {
        /* Never initialised (the server failed before): nothing to close. */
        t->stopped = true;
        if (on_closed)
            on_closed(t->ud);
        return;
    }
    t->stopped = true;
    t->on_closed = on_closed;
    if (t->in_type == UV_TTY)
        uv_tty_reset_mode();
    if (t->in_type != UV_FILE) {
        uv_read_stop(&t->in.stream);
        close_handle(&t->in, t->in_type);
    }
    if (t->out_type != UV_FILE) {
        /* A shutdown waits for queued writes; closing directly would cancel
         * them and lose the last responses. */
        t->shutdown_req.data = t;
        if (uv_shutdown(&t->shutdown_req, &t->out.stream, shutdown_cb) != 0)
            close_handle(&t->out, t->out_type);
    }
    if (t->open_handles == 0 && !t->read_pending && on_closed)
        on_closed(t->ud);
}

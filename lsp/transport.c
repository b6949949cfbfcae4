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
    if (dec->on_error) dec->on_error(dec->ud, what);
}

/* Finds the blank line that ends a header block in p[0, n). Accepts CRLF
 * (the protocol) and bare LF (hand-typed input). Sets *body to the first
 * byte after the blank line. Returns the header length or SIZE_MAX. */
static size_t find_header_end(const char *p, size_t n, size_t *body) {
    for (size_t i = 0; i + 1 < n; i++) {
        if (p[i] != '\n') continue;
        if (p[i + 1] == '\n') {
            *body = i + 2;
            return i;
        }
        if (p[i + 1] == '\r' && i + 2 < n && p[i + 2] == '\n') {
            *body = i + 3;
            return i;
        }
        if (p[i + 1] == '\r' && i + 2 >= n) return SIZE_MAX;
    }
    return SIZE_MAX;
}

/* Case-insensitive search for "content-length:" in p[from, n). */
static size_t find_content_length(const char *p, size_t n, size_t from) {
    size_t k = sizeof(content_length) - 1;
    for (size_t i = from; i + k <= n; i++)
        if (strncasecmp(p + i, content_length, k) == 0) return i;
    return SIZE_MAX;
}

static const char *trim(const char *s, const char *e, const char **end) {
    while (s < e && (*s == ' ' || *s == '\t')) s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
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
        if (!eol) eol = end;
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
                if (strncasecmp(c, "charset=", 8) == 0) cs = c + 8;
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
            if (dec->skip > 0) return pos;
        }
        if (dec->in_body) {
            if (dec->len - pos < dec->want) return pos;
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
            if (avail <= LSP_MAX_HEADER) return pos;
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
            while (cap < dec->len + take) cap *= 2;
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
    if (!out) return NULL;
    memcpy(out, head, (size_t)h);
    memcpy(out + h, body, len);
    *out_len = (size_t)h + len;
    return out;
}

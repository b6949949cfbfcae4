/* SPDX-License-Identifier: MIT */
/* Small shared helpers: buffers, UTF-8, decoding, formatting. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

int mfl__buf_put(mfl_buf_t *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t ncap = b->cap ? b->cap : 64;
        while (ncap < b->len + n + 1) {
            if (ncap > SIZE_MAX / 2) return MFL_ENOMEM;
            ncap *= 2;
        }
        char *d = mfl_realloc(b->data, ncap);
        if (!d) return MFL_ENOMEM;
        b->data = d;
        b->cap = ncap;
    }
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int mfl__buf_putc(mfl_buf_t *b, char c) { return mfl__buf_put(b, &c, 1); }

int mfl__buf_nul(mfl_buf_t *b) { return mfl__buf_put(b, "", 0); }

int mfl__buf_put_rune(mfl_buf_t *b, int32_t r) {
    char e[4];
    size_t n;
    uint32_t u = (uint32_t)r;
    if (r < 0 || u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF)) u = 0xFFFD;
    if (u < 0x80) {
        e[0] = (char)u;
        n = 1;
    } else if (u < 0x800) {
        e[0] = (char)(0xC0 | (u >> 6));
        e[1] = (char)(0x80 | (u & 0x3F));
        n = 2;
    } else if (u < 0x10000) {
        e[0] = (char)(0xE0 | (u >> 12));
        e[1] = (char)(0x80 | ((u >> 6) & 0x3F));
        e[2] = (char)(0x80 | (u & 0x3F));
        n = 3;
    } else {
        e[0] = (char)(0xF0 | (u >> 18));
        e[1] = (char)(0x80 | ((u >> 12) & 0x3F));
        e[2] = (char)(0x80 | ((u >> 6) & 0x3F));
        e[3] = (char)(0x80 | (u & 0x3F));
        n = 4;
    }
    return mfl__buf_put(b, e, n);
}

int mfl__buf_printf(mfl_buf_t *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *s = mfl__vasprintf(fmt, ap);
    va_end(ap);
    if (!s) return MFL_ENOMEM;
    int rc = mfl__buf_put(b, s, strlen(s));
    mfl_free(s);
    return rc;
}

size_t mfl__utf8_len(const char *s, size_t len, size_t i) {
    size_t j = i;
    (void)mfl__utf8_next(s, len, &j);
    return j - i;
}

int32_t mfl__utf8_next(const char *str, size_t len, size_t *i) {
    const unsigned char *s = (const unsigned char *)str;
    size_t p = *i;
    unsigned c = s[p];
    if (c < 0x80) {
        *i = p + 1;
        return (int32_t)c;
    }
    size_t n;
    uint32_t r, min;
    if (c >= 0xC2 && c <= 0xDF) n = 2, r = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, r = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, r = c & 0x07, min = 0x10000;
    else goto bad;
    if (p + n > len) goto bad;
    for (size_t k = 1; k < n; k++) {
        if ((s[p + k] & 0xC0) != 0x80) goto bad;
        r = (r << 6) | (s[p + k] & 0x3F);
    }
    if (r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) goto bad;
    *i = p + n;
    return (int32_t)r;
bad:
    *i = p + 1;
    return 0xFFFD;
}

int mfl__decode(const char *src, size_t len, char **out, size_t *out_len,
                mfl_encoding_t *enc) {
    const unsigned char *s = (const unsigned char *)src;
    mfl_buf_t b = {0};
    int rc;
    if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
        bool le = s[0] == 0xFF;
        *enc = le ? MFL_ENC_UTF16LE : MFL_ENC_UTF16BE;
        size_t i = 2;
        while (i < len) {
            uint32_t u;
            if (i + 1 >= len) {
                u = 0xFFFD; /* odd trailing byte */
                i = len;
            } else {
                u = le ? (uint32_t)(s[i] | (s[i + 1] << 8)) : (uint32_t)((s[i] << 8) | s[i + 1]);
                i += 2;
                if (u >= 0xD800 && u <= 0xDBFF && i + 1 < len) {
                    uint32_t lo = le ? (uint32_t)(s[i] | (s[i + 1] << 8))
                                     : (uint32_t)((s[i] << 8) | s[i + 1]);
                    if (lo >= 0xDC00 && lo <= 0xDFFF) {
                        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                        i += 2;
                    } else {
                        u = 0xFFFD;
                    }
                } else if (u >= 0xD800 && u <= 0xDFFF) {
                    u = 0xFFFD;
                }
            }
            if ((rc = mfl__buf_put_rune(&b, (int32_t)u))) goto fail;
        }
    } else {
        size_t skip = 0;
        *enc = MFL_ENC_UTF8;
        if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
            skip = 3;
            *enc = MFL_ENC_UTF8_BOM;
        }
        if ((rc = mfl__buf_put(&b, src + skip, len - skip))) goto fail;
    }
    if ((rc = mfl__buf_nul(&b))) goto fail;
    *out = b.data;
    *out_len = b.len;
    return 0;
fail:
    mfl_free(b.data);
    return rc;
}

static bool plain_byte(unsigned char c) {
    return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r';
}

size_t mfl__plain_prefix(const char *s, size_t n) {
    const uint64_t ones = 0x0101010101010101u, high = ones * 0x80;
    size_t i = 0;
    while (i + 8 <= n) {
        uint64_t w, del;
        memcpy(&w, s + i, 8);
        del = w ^ (ones * 0x7F);
        /* High bit set in a byte >= 0x80, below 0x20 or equal to 0x7F (and,
         * through borrows, maybe in a few more): only such words are looked
         * at byte by byte. Line ends and tabs land here too, and pass. */
        if (!((w | ((w - ones * 0x20) & ~w) | ((del - ones) & ~del)) & high)) {
            i += 8;
            continue;
        }
        for (size_t end = i + 8; i < end; i++)
            if (!plain_byte((unsigned char)s[i])) return i;
    }
    for (; i < n; i++)
        if (!plain_byte((unsigned char)s[i])) return i;
    return n;
}

int mfl__buf_put_kept(mfl_buf_t *b, const char *s, size_t n) {
    size_t i = 0;
    int rc = mfl__buf_nul(b);
    while (rc == 0 && i < n) {
        /* A run of printable ASCII, tabs and line ends is kept whole: one copy
         * instead of one decode and one append per byte. */
        size_t run = i + mfl__plain_prefix(s + i, n - i);
        if (run > i) {
            rc = mfl__buf_put(b, s + i, run - i);
            i = run;
            continue;
        }
        size_t start = i;
        int32_t r = mfl__utf8_next(s, n, &i);
        if (r == ' ' || r == '\t' || r == '\r' || r == '\n' || (r != 0xFFFD && mfl_isprint(r)))
            rc = mfl__buf_put(b, s + start, i - start);
        else if (r == 0xFFFD)
            rc = mfl__buf_put_rune(b, 0xFFFD);
    }
    return rc;
}

int strcasecmp_ascii(const char *a, const char *b) {
    for (;; a++, b++) {
        int ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca >= 'A' && ca <= 'Z') ca += 32;
        if (cb >= 'A' && cb <= 'Z') cb += 32;
        if (ca != cb || !ca) return ca - cb;
    }
}

int strncasecmp_ascii(const char *a, const char *b, size_t n) {
    for (size_t i = 0; i < n; i++) {
        int ca = (unsigned char)a[i], cb = (unsigned char)b[i];
        if (ca >= 'A' && ca <= 'Z') ca += 32;
        if (cb >= 'A' && cb <= 'Z') cb += 32;
        if (ca != cb || !ca) return ca - cb;
    }
    return 0;
}

char *mfl__vasprintf(const char *fmt, va_list ap) {
    /* One formatting pass when the text fits the stack buffer (almost every
     * message does), a second one only for longer texts. */
    char small[512];
    va_list aq;
    va_copy(aq, ap);
    int n = vsnprintf(small, sizeof small, fmt, aq);
    va_end(aq);
    if (n < 0) return NULL;
    char *s = mfl_malloc((size_t)n + 1);
    if (!s) return NULL;
    if ((size_t)n < sizeof small) memcpy(s, small, (size_t)n + 1);
    else vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

char *mfl__asprintf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *s = mfl__vasprintf(fmt, ap);
    va_end(ap);
    return s;
}

size_t mfl__edit_distance(const char *a, size_t alen, const char *b, size_t blen, size_t max) {
    if (alen > 64 || blen > 64) return max + 1;
    size_t prev[65], cur[65];
    for (size_t j = 0; j <= blen; j++) prev[j] = j;
    for (size_t i = 1; i <= alen; i++) {
        cur[0] = i;
        size_t best = cur[0];
        for (size_t j = 1; j <= blen; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t v = prev[j - 1] + cost;
            if (prev[j] + 1 < v) v = prev[j] + 1;
            if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
            cur[j] = v;
            if (v < best) best = v;
        }
        if (best > max) return max + 1;
        memcpy(prev, cur, (blen + 1) * sizeof prev[0]);
    }
    return prev[blen] > max ? max + 1 : prev[blen];
}

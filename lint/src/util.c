/* SPDX-License-Identifier: MIT */
/* Small shared helpers: buffers, UTF-8, decoding, formatting. */
#include "internal.h"

/* The byte loops look at 16 bytes at a time with SSE2 (every x86-64 has it),
 * else 8 at a time in a 64-bit word or one by one. Either way the answer is
 * the plain per-byte loop's (tests/unit/test_engine.c checks); only the speed
 * differs. MFL_NO_SIMD (cmake -DMFL_SIMD=OFF) keeps the portable loops only. */
#if defined(__SSE2__) && defined(__GNUC__) && !defined(MFL_NO_SIMD)
#define MFL_SSE2 1
#include <emmintrin.h>
/* And 32 at a time with AVX2 where the processor has it (checked at each
 * call: __builtin_cpu_supports reads a flag set at start-up). */
#if defined(__x86_64__) && !defined(MFL_NO_AVX2)
#define MFL_AVX2 1
#include <immintrin.h>
#define MFL_TARGET_AVX2 __attribute__((target("avx2")))
#endif
#endif

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

int mfl__buf_reserve(mfl_buf_t *b, size_t cap) {
    if (cap <= b->cap) return 0;
    char *d = mfl_realloc(b->data, cap);
    if (!d) return MFL_ENOMEM;
    b->data = d;
    b->cap = cap;
    return 0;
}

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
    if (b->len + n + 1 > b->cap) return mfl__buf_put(b, e, n);
    /* Room already: a few byte stores, not a call to memcpy per rune. */
    for (size_t k = 0; k < n; k++) b->data[b->len + k] = e[k];
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
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
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, r = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, r = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, r = c & 0x07, min = 0x10000;
    else
        goto bad;
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

mfl_encoding_t mfl__sniff_encoding(const char *src, size_t len) {
    const unsigned char *s = (const unsigned char *)src;
    if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) return MFL_ENC_UTF16LE;
    if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) return MFL_ENC_UTF16BE;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) return MFL_ENC_UTF8_BOM;
    return MFL_ENC_UTF8;
}

int mfl__decode(const char *src, size_t len, char **out, size_t *out_len, mfl_encoding_t *enc) {
    const unsigned char *s = (const unsigned char *)src;
    mfl_buf_t b = {0};
    int rc;
    *enc = mfl__sniff_encoding(src, len);
    if (*enc == MFL_ENC_UTF16LE || *enc == MFL_ENC_UTF16BE) {
        bool le = *enc == MFL_ENC_UTF16LE;
        /* Room for the whole text up front (a UTF-16 unit is at most three
         * UTF-8 bytes); the buffer grows only if that guess fails. */
        if ((rc = mfl__buf_reserve(&b, len / 2 * 3 + 8))) goto fail;
        size_t i = 2;
        while (i < len) {
#ifdef MFL_SSE2
            /* Eight little-endian units at a time while they are ASCII. */
            if (le) {
                while (i + 16 <= len) {
                    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
                    __m128i big = _mm_and_si128(v, _mm_set1_epi16((short)0xFF80));
                    if (_mm_movemask_epi8(_mm_cmpeq_epi16(big, _mm_setzero_si128())) != 0xFFFF)
                        break;
                    _mm_storel_epi64((__m128i *)(void *)(b.data + b.len), _mm_packus_epi16(v, v));
                    b.len += 8;
                    i += 16;
                }
                if (i >= len) break;
            }
#endif
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
        size_t skip = *enc == MFL_ENC_UTF8_BOM ? 3 : 0;
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

static bool control_byte(unsigned char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

#ifdef MFL_SSE2

/* 0xFF in each byte of v below 0x20 other than tab, LF and CR, or equal to
 * 0x7F; with high set, also in each byte >= 0x80. */
static __m128i sse_unplain(__m128i v, bool high) {
    const __m128i sp = _mm_set1_epi8(0x20);
    /* Signed compare: bytes >= 0x80 are negative, so "below 0x20" too. */
    __m128i low = _mm_cmplt_epi8(v, sp);
    if (!high) low = _mm_andnot_si128(_mm_cmplt_epi8(v, _mm_setzero_si128()), low);
    __m128i ok = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
                                           _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
                              _mm_cmpeq_epi8(v, _mm_set1_epi8('\r')));
    return _mm_or_si128(_mm_andnot_si128(ok, low), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
}
#endif

#ifdef MFL_AVX2
/* sse_unplain on 32 bytes. */
MFL_TARGET_AVX2 static __m256i avx_unplain(__m256i v, bool high) {
    const __m256i sp = _mm256_set1_epi8(0x20);
    __m256i low = _mm256_cmpgt_epi8(sp, v); /* signed: bytes >= 0x80 too */
    if (!high) low = _mm256_andnot_si256(_mm256_cmpgt_epi8(_mm256_setzero_si256(), v), low);
    __m256i ok = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\t')),
                                                 _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\n'))),
                                 _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\r')));
    return _mm256_or_si256(_mm256_andnot_si256(ok, low),
                           _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x7F)));
}

/* The first byte of s[0..n) that is not plain, or where fewer than 32 bytes
 * are left. */
MFL_TARGET_AVX2 static size_t plain_prefix_avx2(const char *s, size_t n) {
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
        unsigned m = (unsigned)_mm256_movemask_epi8(avx_unplain(v, true));
        if (m) return i + (size_t)__builtin_ctz(m);
    }
    return i;
}
#endif

size_t mfl__plain_prefix(const char *s, size_t n) {
    size_t i = 0;
#ifdef MFL_AVX2
    if (n >= 64 && __builtin_cpu_supports("avx2")) {
        i = plain_prefix_avx2(s, n);
        if (i + 32 <= n) return i; /* found; else fewer than 32 bytes are left */
    }
#endif
#ifdef MFL_SSE2
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        unsigned m = (unsigned)_mm_movemask_epi8(sse_unplain(v, true));
        if (m) return i + (size_t)__builtin_ctz(m);
    }
#else
    const uint64_t ones = 0x0101010101010101u, high = ones * 0x80;
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
#endif
    for (; i < n; i++)
        if (!plain_byte((unsigned char)s[i])) return i;
    return n;
}

unsigned mfl__text_class(const char *s, size_t n) {
    unsigned cls = 0;
    size_t i = 0;
#ifdef MFL_SSE2
    __m128i hi = _mm_setzero_si128(), ctl = _mm_setzero_si128();
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        hi = _mm_or_si128(hi, v);
        ctl = _mm_or_si128(ctl, sse_unplain(v, false));
    }
    if (_mm_movemask_epi8(hi)) cls |= MFL__TEXT_NONASCII;
    if (_mm_movemask_epi8(ctl)) cls |= MFL__TEXT_CONTROL;
#endif
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80)
            cls |= MFL__TEXT_NONASCII;
        else if (control_byte(c))
            cls |= MFL__TEXT_CONTROL;
    }
    return cls;
}

/* Room in the line table for `more` entries after the n it holds (doubling);
 * out of memory frees it and returns false. */
static bool lines_room(uint32_t **lines, size_t n, size_t *cap, size_t more) {
    if (n + more <= *cap) return true;
    size_t ncap = *cap * 2 > n + more ? *cap * 2 : n + more < 64 ? 64 : n + more;
    uint32_t *nl = mfl_realloc(*lines, ncap * sizeof *nl);
    if (!nl) {
        mfl_free(*lines);
        return false;
    }
    *lines = nl;
    *cap = ncap;
    return true;
}

#ifdef MFL_AVX2
/* mfl__line_table's block loop, 32 bytes at a time, from *pos while 32 are
 * left. Returns 0 or MFL_ENOMEM (lines then freed). */
MFL_TARGET_AVX2 static int line_blocks_avx2(const char *s, size_t len, size_t *pos,
                                            uint32_t **lines, size_t *n, size_t *cap,
                                            unsigned *cls) {
    __m256i hi = _mm256_setzero_si256(), ctl = _mm256_setzero_si256();
    size_t i = *pos;
    for (; i + 32 <= len; i += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
        hi = _mm256_or_si256(hi, v);
        ctl = _mm256_or_si256(ctl, avx_unplain(v, false));
        unsigned lf = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\n')));
        unsigned cr = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\r')));
        if (cr) {
            unsigned next_lf = lf >> 1 | (i + 32 < len && s[i + 32] == '\n' ? 1u << 31 : 0);
            lf |= cr & ~next_lf;
        }
        if (!lf) continue;
        if (!lines_room(lines, *n, cap, 32)) return MFL_ENOMEM;
        for (; lf; lf &= lf - 1) (*lines)[(*n)++] = (uint32_t)(i + (size_t)__builtin_ctz(lf) + 1);
    }
    if (_mm256_movemask_epi8(hi)) *cls |= MFL__TEXT_NONASCII;
    if (_mm256_movemask_epi8(ctl)) *cls |= MFL__TEXT_CONTROL;
    *pos = i;
    return 0;
}
#endif

int mfl__line_table(const char *s, size_t len, uint32_t **out, size_t *out_n, unsigned *cls) {
    uint32_t *lines = NULL;
    size_t n = 0, cap = 0, i = 0;
    unsigned c_all = 0;
    if (!lines_room(&lines, n, &cap, 1)) return MFL_ENOMEM;
    lines[n++] = 0;
#ifdef MFL_AVX2
    if (len >= 64 && __builtin_cpu_supports("avx2") &&
        line_blocks_avx2(s, len, &i, &lines, &n, &cap, &c_all))
        return MFL_ENOMEM;
#endif
#ifdef MFL_SSE2
    /* One pass for the byte kinds and the line breaks. A line starts after
     * each LF, and after each CR not followed by an LF (a CRLF's line starts
     * after its LF). */
    __m128i hi = _mm_setzero_si128(), ctl = _mm_setzero_si128();
    for (; i + 16 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        hi = _mm_or_si128(hi, v);
        ctl = _mm_or_si128(ctl, sse_unplain(v, false));
        unsigned lf = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
        unsigned cr = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')));
        if (cr) {
            /* LF after each CR: the next bit, or the next block's first byte. */
            unsigned next_lf = lf >> 1 | (i + 16 < len && s[i + 16] == '\n' ? 1u << 15 : 0);
            lf |= cr & ~next_lf;
        }
        if (!lf) continue;
        if (!lines_room(&lines, n, &cap, 16)) return MFL_ENOMEM; /* the block's breaks */
        for (; lf; lf &= lf - 1) lines[n++] = (uint32_t)(i + (size_t)__builtin_ctz(lf) + 1);
    }
    if (_mm_movemask_epi8(hi)) c_all |= MFL__TEXT_NONASCII;
    if (_mm_movemask_epi8(ctl)) c_all |= MFL__TEXT_CONTROL;
#endif
    c_all |= mfl__text_class(s + i, len - i);
    for (; i < len; i++) {
        char c = s[i];
        if (c != '\n' && c != '\r') continue;
        if (c == '\r' && i + 1 < len && s[i + 1] == '\n') i++;
        if (!lines_room(&lines, n, &cap, 1)) return MFL_ENOMEM;
        lines[n++] = (uint32_t)(i + 1);
    }
    *out = lines;
    *out_n = n;
    *cls = c_all;
    return 0;
}

size_t mfl__find_any4(const char *s, size_t n, const unsigned char set[4]) {
    size_t i = 0;
#ifdef MFL_SSE2
    const __m128i a = _mm_set1_epi8((char)set[0]), b = _mm_set1_epi8((char)set[1]),
                  c = _mm_set1_epi8((char)set[2]), d = _mm_set1_epi8((char)set[3]);
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, a), _mm_cmpeq_epi8(v, b)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, c), _mm_cmpeq_epi8(v, d)));
        unsigned m = (unsigned)_mm_movemask_epi8(hit);
        if (m) return i + (size_t)__builtin_ctz(m);
    }
#endif
    for (; i < n; i++) {
        unsigned char x = (unsigned char)s[i];
        if (x == set[0] || x == set[1] || x == set[2] || x == set[3]) return i;
    }
    return n;
}

int mfl__buf_put_kept(mfl_buf_t *b, const char *s, size_t n) {
    /* Bytes are kept in spans, copied once each: runs of printable ASCII,
     * tabs and line ends are skipped many bytes at a time, and only a rune
     * that is dropped or replaced ends a span. */
    size_t i = 0, span = 0;
    int rc = mfl__buf_nul(b);
    while (rc == 0 && i < n) {
        i += mfl__plain_prefix(s + i, n - i);
        if (i >= n) break;
        size_t start = i;
        int32_t r = mfl__utf8_next(s, n, &i);
        if (r != 0xFFFD && mfl__isprint(r)) continue;
        rc = mfl__buf_put(b, s + span, start - span);
        if (rc == 0 && r == 0xFFFD) rc = mfl__buf_put_rune(b, 0xFFFD);
        span = i;
    }
    if (rc == 0) rc = mfl__buf_put(b, s + span, n - span);
    return rc;
}

/* Go's IsPrint for the Basic Multilingual Plane from a bitmap (8 KiB, built
 * once from the generated ranges); above it, the ranges themselves. */
static uint8_t bmp_nonprint[0x10000 / 8];
static mfl_once_t bmp_once = MFL_ONCE_INIT;

static void build_bmp(void) {
    for (size_t k = 0; k < MFL_NONPRINT_COUNT; k++)
        for (uint32_t u = mfl_nonprint_ranges[k][0]; u <= mfl_nonprint_ranges[k][1] && u < 0x10000;
             u++)
            bmp_nonprint[u >> 3] |= (uint8_t)(1u << (u & 7));
}

bool mfl__isprint(int32_t c) {
    if (c < 0x80) return c < 0 || (c >= 0x20 && c < 0x7F);
    if (c >= 0x10000) return mfl_isprint(c);
    mfl_once(&bmp_once, build_bmp);
    return !((bmp_nonprint[(uint32_t)c >> 3] >> ((uint32_t)c & 7)) & 1);
}

int mfl__strcasecmp_ascii(const char *a, const char *b) {
    for (;; a++, b++) {
        int ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca >= 'A' && ca <= 'Z') ca += 32;
        if (cb >= 'A' && cb <= 'Z') cb += 32;
        if (ca != cb || !ca) return ca - cb;
    }
}

int mfl__strncasecmp_ascii(const char *a, const char *b, size_t n) {
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
    if ((size_t)n < sizeof small)
        memcpy(s, small, (size_t)n + 1);
    else
        vsnprintf(s, (size_t)n + 1, fmt, ap);
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

/* SPDX-License-Identifier: MIT */
/* Position and shape conversion at the protocol edge. The core counts bytes;
 * clients count UTF-16 code units unless they offered UTF-8. Lines come from
 * the core's line index, so a conversion costs one line's walk. */
#include "convert.h"

#include "mfl_os.h"

#include <string.h>

const char *lsp_convert_encoding_name(lsp_encoding_t enc) {
    switch (enc) {
    case LSP_ENC_UTF8: return "utf-8";
    case LSP_ENC_UTF32: return "utf-32";
    default: return "utf-16";
    }
}

/* Length of the UTF-8 sequence at p (1 for an invalid byte), and its width
 * in `enc` units. */
static size_t next_char(const unsigned char *p, size_t n, lsp_encoding_t enc, uint32_t *units) {
    size_t len = 1;
    unsigned char c = p[0];
    if (c >= 0xc2 && c <= 0xdf)
        len = 2;
    else if (c >= 0xe0 && c <= 0xef)
        len = 3;
    else if (c >= 0xf0 && c <= 0xf4)
        len = 4;
    if (len > n) len = 1;
    for (size_t i = 1; i < len; i++)
        if ((p[i] & 0xc0) != 0x80) len = 1;
    /* Reject overlong and out-of-range forms that the lead byte allows. */
    if (len == 3 && ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] >= 0xa0))) len = 1;
    if (len == 4 && ((c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] >= 0x90))) len = 1;
    if (enc == LSP_ENC_UTF8)
        *units = (uint32_t)len;
    else if (enc == LSP_ENC_UTF16)
        *units = len == 4 ? 2 : 1;
    else
        *units = 1;
    return len;
}

uint32_t lsp_convert_units_to_bytes(const char *line, size_t len, uint32_t units,
                                    lsp_encoding_t enc) {
    if (enc == LSP_ENC_UTF8) return units < len ? units : (uint32_t)len;
    const unsigned char *p = (const unsigned char *)line;
    size_t i = 0;
    uint32_t u = 0;
    while (i < len) {
        uint32_t w;
        size_t k = next_char(p + i, len - i, enc, &w);
        if (u + w > units) break;
        u += w;
        i += k;
    }
    return (uint32_t)i;
}

uint32_t lsp_convert_bytes_to_units(const char *line, size_t len, size_t bytes,
                                    lsp_encoding_t enc) {
    if (bytes > len) bytes = len;
    if (enc == LSP_ENC_UTF8) return (uint32_t)bytes;
    const unsigned char *p = (const unsigned char *)line;
    size_t i = 0;
    uint32_t u = 0;
    while (i < bytes) {
        uint32_t w;
        i += next_char(p + i, len - i, enc, &w);
        u += w;
    }
    return u;
}

static int get_uint(const json_t *o, const char *key, uint32_t *out) {
    json_t *v = json_object_get(o, key);
    if (!json_is_integer(v)) return -1;
    json_int_t i = json_integer_value(v);
    if (i < 0) return -1;
    *out = i > (json_int_t)UINT32_MAX ? UINT32_MAX : (uint32_t)i;
    return 0;
}

int lsp_convert_position_get(const mfl_doc_t *doc, lsp_encoding_t enc, const json_t *pos,
                             uint32_t *offset) {
    uint32_t line, ch;
    if (!json_is_object(pos) || get_uint(pos, "line", &line) || get_uint(pos, "character", &ch))
        return -1;
    size_t len;
    const char *text = mfl_doc_text(doc, &len);
    if (line >= mfl_doc_line_count(doc)) {
        *offset = (uint32_t)len;
        return 0;
    }
    mfl_range_t r = mfl_doc_line_range(doc, line);
    *offset = r.start + lsp_convert_units_to_bytes(text + r.start, r.end - r.start, ch, enc);
    return 0;
}

int lsp_convert_range_get(const mfl_doc_t *doc, lsp_encoding_t enc, const json_t *range,
                          mfl_range_t *out) {
    if (!json_is_object(range) ||
        lsp_convert_position_get(doc, enc, json_object_get(range, "start"), &out->start) ||
        lsp_convert_position_get(doc, enc, json_object_get(range, "end"), &out->end))
        return -1;
    if (out->end < out->start) out->end = out->start;
    return 0;
}

json_t *lsp_convert_position_new(const mfl_doc_t *doc, lsp_encoding_t enc, uint32_t offset) {
    size_t len;
    const char *text = mfl_doc_text(doc, &len);
    uint32_t line, col;
    if (offset > len) offset = (uint32_t)len;
    mfl_doc_position(doc, offset, &line, &col);
    mfl_range_t r = mfl_doc_line_range(doc, line);
    uint32_t ch = lsp_convert_bytes_to_units(text + r.start, r.end - r.start, col, enc);
    return json_pack("{s:I,s:I}", "line", (json_int_t)line, "character", (json_int_t)ch);
}

json_t *lsp_convert_range_new(const mfl_doc_t *doc, lsp_encoding_t enc, mfl_range_t r) {
    return json_pack("{s:o,s:o}", "start", lsp_convert_position_new(doc, enc, r.start), "end",
                     lsp_convert_position_new(doc, enc, r.end));
}

/* LSP positions cannot fall between the CR and the LF of a CRLF line break
 * (a character past the line's end means its end). An edit boundary there
 * (MF011 removes the CRs of a value) is moved out of the line break, which
 * the edit then rewrites: the CR before the start is put back, the LF after
 * the end too. */
json_t *lsp_convert_text_edit_new(const mfl_doc_t *doc, lsp_encoding_t enc, mfl_range_t r,
                                  const char *text, size_t len) {
    size_t n;
    const char *t = mfl_doc_text(doc, &n);
    bool cut_start = r.start > 0 && r.start < n && t[r.start - 1] == '\r' && t[r.start] == '\n';
    bool cut_end = r.end > 0 && r.end < n && t[r.end - 1] == '\r' && t[r.end] == '\n';
    if (!cut_start && !cut_end)
        return json_pack("{s:o,s:s%}", "range", lsp_convert_range_new(doc, enc, r), "newText", text,
                         len);
    char *buf = mfl_malloc(len + 3);
    if (!buf) return NULL;
    size_t k = 0;
    if (cut_start) {
        buf[k++] = '\r';
        r.start--;
    }
    memcpy(buf + k, text, len);
    k += len;
    if (cut_end) {
        buf[k++] = '\n';
        r.end++;
    }
    json_t *e =
        json_pack("{s:o,s:s%}", "range", lsp_convert_range_new(doc, enc, r), "newText", buf, k);
    mfl_free(buf);
    return e;
}

json_t *lsp_convert_fix_edits_new(const mfl_doc_t *doc, lsp_encoding_t enc, const mfl_fix_t *fix) {
    json_t *a = json_array();
    for (size_t i = 0; a && i < fix->n_edits; i++) {
        const mfl_edit_t *e = &fix->edits[i];
        const char *t = e->text ? e->text : "";
        json_array_append_new(a, lsp_convert_text_edit_new(doc, enc, e->range, t, strlen(t)));
    }
    return a;
}

int lsp_convert_severity(mfl_severity_t sev) {
    switch (sev) {
    case MFL_SEVERITY_ERROR: return 1;
    case MFL_SEVERITY_WARNING: return 2;
    case MFL_SEVERITY_INFO: return 3;
    default: return 4;
    }
}

json_t *lsp_convert_diag_new(const mfl_doc_t *doc, lsp_encoding_t enc, const char *uri,
                             const mfl_diag_t *d, const lsp_diag_caps_t *caps) {
    json_t *o = json_pack("{s:o,s:i,s:s,s:s}", "range", lsp_convert_range_new(doc, enc, d->range),
                          "severity", lsp_convert_severity(d->severity), "source", "modelfile-lint",
                          "message", d->message ? d->message : "");
    if (!o) return NULL;
    json_t *data = json_object();
    if (d->rule) {
        char buf[512];
        const char *url = mfl_rule_url(d->rule, buf, sizeof(buf));
        json_object_set_new(o, "code", json_string(d->rule->code));
        /* Always sent: clients that predate it ignore the field. */
        if (url) json_object_set_new(o, "codeDescription", json_pack("{s:s}", "href", url));
        json_object_set_new(data, "rule", json_string(d->rule->name));
    }
    if (d->n_related > 0 && (!caps || caps->related_information)) {
        json_t *rel = json_array();
        for (size_t i = 0; i < d->n_related; i++) {
            const mfl_related_t *r = &d->related[i];
            json_array_append_new(rel, json_pack("{s:{s:s,s:o},s:s}", "location", "uri", uri,
                                                 "range", lsp_convert_range_new(doc, enc, r->range),
                                                 "message", r->message ? r->message : ""));
        }
        json_object_set_new(o, "relatedInformation", rel);
    }
    if (d->fix) {
        json_object_set_new(data, "fix",
                            json_pack("{s:s,s:b,s:o}", "title", d->fix->title ? d->fix->title : "",
                                      "safe", d->fix->applicability == MFL_FIX_SAFE, "edits",
                                      lsp_convert_fix_edits_new(doc, enc, d->fix)));
    }
    json_object_set_new(o, "data", data);
    return o;
}

static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

char *lsp_convert_uri_to_path(const char *uri) {
    if (!uri || strncmp(uri, "file://", 7) != 0) return NULL;
    const char *p = uri + 7;
    /* Skip an authority ("localhost"); the path starts at the next slash. */
    if (*p != '/') {
        p = strchr(p, '/');
        if (!p) return NULL;
    }
    size_t n = strlen(p);
    char *out = mfl_malloc(n + 1), *o = out;
    if (!out) return NULL;
    for (size_t i = 0; i < n; i++) {
        int h1, h2;
        if (p[i] == '%' && i + 2 < n + 1 && (h1 = hex(p[i + 1])) >= 0 &&
            (h2 = hex(p[i + 2])) >= 0) {
            *o++ = (char)(h1 * 16 + h2);
            i += 2;
        } else if (p[i] == '?' || p[i] == '#') {
            break;
        } else {
            *o++ = p[i];
        }
    }
    *o = '\0';
    /* Windows: "/c:/x" is the path "c:/x". */
    mfl_os_uri_path_to_local(out);
    return out;
}

char *lsp_convert_path_dir(const char *path) {
    const char *slash = mfl_os_last_sep(path);
    if (!slash) return mfl_strndup(".", 1);
    /* The root stays whole: "/" of "/x", "C:/" of "C:/x" on Windows. */
    size_t n = (size_t)(slash - path), root = mfl_os_root_len(path);
    if (n < root) n = root;
    return mfl_strndup(path, n ? n : 1);
}

char *lsp_convert_path_to_uri(const char *local) {
    static const char keep[] = "-._~/!$&'()*+,;=:@";
    char buf[MFL_OS_MAX_PATH + 2];
    /* Windows: "C:\x" is the URI path "/C:/x". */
    const char *path = mfl_os_local_to_uri_path(local, buf, sizeof buf);
    if (!path) return NULL;
    size_t n = strlen(path);
    char *out = mfl_malloc(7 + n * 3 + 1), *o = out;
    if (!out) return NULL;
    memcpy(o, "file://", 7);
    o += 7;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)path[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            (c && strchr(keep, c))) {
            *o++ = (char)c;
        } else {
            static const char digits[] = "0123456789ABCDEF";
            *o++ = '%';
            *o++ = digits[c >> 4];
            *o++ = digits[c & 15];
        }
    }
    *o = '\0';
    return out;
}

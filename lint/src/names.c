/* SPDX-License-Identifier: MIT */
/* The one model-name parser (see mfl_names.h): model.ParseName
 * (types/model/name.go, unchanged since v0.15.0) and modelref.ParseRef
 * (internal/modelref/modelref.go, v0.18.0 on), and the FROM path heuristic. */
#include "mfl_names.h"

#include "internal.h"

#include <stdio.h>
#include <string.h>

/* ---- model.ParseName ------------------------------------------------------- */

typedef enum { K_HOST, K_NAMESPACE, K_MODEL, K_TAG } kind_t;

static bool alnum_(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/* isValidPart: the length in bytes, an ASCII letter, digit or `_` first, then
 * those and `_ -`, `.` except in a namespace, `:` only in a host. A missing
 * part (a separator with nothing on one side) is never valid. */
static bool part_ok(kind_t k, const char *s, size_t n, bool missing) {
    if (missing || n < 1 || n > (k == K_HOST ? 350u : 80u)) return false;
    if (!alnum_((unsigned char)s[0])) return false;
    for (size_t i = 1; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (alnum_(c) || c == '-') continue;
        if (c == '.' && k != K_NAMESPACE) continue;
        if (c == ':' && k == K_HOST) continue;
        return false;
    }
    return true;
}

static void put(char *dst, size_t dstsz, const char *s, size_t n) {
    if (n >= dstsz) n = dstsz - 1;
    memcpy(dst, s, n);
    dst[n] = '\0';
}

static size_t last_index(const char *s, size_t n, char c) {
    for (size_t i = n; i-- > 0;)
        if (s[i] == c) return i;
    return SIZE_MAX;
}

typedef struct {
    const char *p[4]; /* host, namespace, model, tag */
    size_t n[4];
    bool present[4], missing[4];
} parts_t;

/* ParseNameBare: the tag is cut at the last `:` if it comes after the last
 * `/`, then model, namespace and host are cut at the last `/` each; a
 * "scheme://" is cut off the host. */
static void split(const char *s, size_t n, parts_t *pt) {
    memset(pt, 0, sizeof *pt);
    size_t colon = last_index(s, n, ':'), slash = last_index(s, n, '/');
    if (colon != SIZE_MAX && (slash == SIZE_MAX || colon > slash)) {
        pt->p[K_TAG] = s + colon + 1;
        pt->n[K_TAG] = n - colon - 1;
        pt->present[K_TAG] = true;
        pt->missing[K_TAG] = pt->n[K_TAG] == 0 || colon == 0;
        n = colon;
        if (colon == 0) { /* before the cut is missing: the model part is "!MISSING!" */
            pt->missing[K_MODEL] = true;
            pt->present[K_MODEL] = true;
            return;
        }
    }
    for (int k = K_MODEL; k >= K_NAMESPACE; k--) {
        size_t sl = last_index(s, n, '/');
        if (sl == SIZE_MAX) {
            pt->p[k] = s;
            pt->n[k] = n;
            pt->present[k] = true;
            return;
        }
        pt->p[k] = s + sl + 1;
        pt->n[k] = n - sl - 1;
        pt->present[k] = true;
        pt->missing[k] = pt->n[k] == 0;
        n = sl;
        if (sl == 0) { /* nothing before the `/`: that part is "!MISSING!" */
            pt->present[k - 1] = true;
            pt->missing[k - 1] = true;
            return;
        }
    }
    /* The rest is the host, after an optional "scheme://". */
    for (size_t i = 0; i + 2 < n; i++)
        if (s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/') {
            s += i + 3;
            n -= i + 3;
            break;
        }
    pt->p[K_HOST] = s;
    pt->n[K_HOST] = n;
    pt->present[K_HOST] = true;
}

static const char *const reasons[] = {
    "the host must be 1-350 letters, digits, `_`, `-`, `.` or `:`, starting with a letter, digit "
    "or `_`",
    "the namespace (before the model) must be 1-80 letters, digits, `_` or `-`, starting with a "
    "letter, digit or `_`",
    "the model name must be 1-80 letters, digits, `_`, `-` or `.`, starting with a letter, digit "
    "or `_`",
    "the tag (after the last `:`) must be 1-80 letters, digits, `_`, `-` or `.`, starting with a "
    "letter, digit or `_`",
};

/* Fills *out like ParseName (defaults merged) and returns NULL if the name is
 * valid, else why not. */
static const char *parse_name(const char *s, size_t len, mfl_name_t *out) {
    memset(out, 0, sizeof *out);
    parts_t pt;
    split(s ? s : "", s ? len : 0, &pt);
    static const char *const dflt[4] = {"registry.ollama.ai", "library", "", "latest"};
    char *dst[4] = {out->host, out->ns, out->model, out->tag};
    size_t dsz[4] = {sizeof out->host, sizeof out->ns, sizeof out->model, sizeof out->tag};
    const char *why = NULL;
    for (int k = K_HOST; k <= K_TAG; k++) {
        bool use_default = !pt.present[k] || (!pt.missing[k] && pt.n[k] == 0);
        if (use_default && k != K_MODEL) {
            put(dst[k], dsz[k], dflt[k], strlen(dflt[k]));
            continue;
        }
        put(dst[k], dsz[k], pt.p[k] ? pt.p[k] : "", pt.p[k] ? pt.n[k] : 0);
        if (!why && !part_ok((kind_t)k, pt.p[k], pt.n[k], pt.missing[k])) {
            why = reasons[k];
            if (k == K_HOST && pt.p[k] && memchr(pt.p[k], '/', pt.n[k]))
                why = "a name has at most three `/`-separated parts (host/namespace/model)";
        }
    }
    if (why && s && memchr(s, '@', len)) why = "`@digest` references are not supported";
    return why;
}

int mfl_name_parse(const char *s, size_t len, mfl_name_t *out) {
    return parse_name(s, len, out) ? MFL_EINVAL : 0;
}

char *mfl_name_short(const mfl_name_t *n, char *buf, size_t bufsize) {
    if (bufsize == 0) return buf;
    bool dflt_host = strcasecmp_ascii(n->host, "registry.ollama.ai") == 0;
    bool dflt_ns = strcasecmp_ascii(n->ns, "library") == 0;
    if (!dflt_host)
        snprintf(buf, bufsize, "%s/%s/%s:%s", n->host, n->ns, n->model, n->tag);
    else if (!dflt_ns)
        snprintf(buf, bufsize, "%s/%s:%s", n->ns, n->model, n->tag);
    else
        snprintf(buf, bufsize, "%s:%s", n->model, n->tag);
    return buf;
}

/* ---- modelref.ParseRef ------------------------------------------------------- */

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* strings.TrimSpace for ASCII blanks (a FROM value never holds others at
 * its ends: the parser trims them, or they are inside quotes and kept). */
static void trim(const char **s, size_t *n) {
    while (*n && is_space(**s)) (*s)++, (*n)--;
    while (*n && is_space((*s)[*n - 1])) (*n)--;
}

/* The two spellings of a cloud source: `cloud`, and a tag ending in `-cloud`. */
bool mfl_is_cloud_tag(const char *s, size_t n) {
    return (n == 5 && strncasecmp_ascii(s, "cloud", 5) == 0) ||
           (n >= 6 && strncasecmp_ascii(s + n - 6, "-cloud", 6) == 0);
}

/* parseSourceSuffix: writes the base to base (bsz) and returns the source;
 * *explicit_ tells whether a suffix was found. */
static mfl_ref_source_t source_suffix(const char *s, size_t n, char *base, size_t bsz,
                                      bool *explicit_) {
    *explicit_ = false;
    size_t idx = last_index(s, n, ':');
    if (idx != SIZE_MAX) {
        const char *suf = s + idx + 1;
        size_t sl = n - idx - 1;
        trim(&suf, &sl);
        if (sl == 5 && mfl_is_cloud_tag(suf, sl)) {
            put(base, bsz, s, idx);
            *explicit_ = true;
            return MFL_REF_SOURCE_CLOUD;
        }
        if (sl == 5 && strncasecmp_ascii(suf, "local", 5) == 0) {
            put(base, bsz, s, idx);
            *explicit_ = true;
            return MFL_REF_SOURCE_LOCAL;
        }
        if (sl >= 6 && !memchr(suf, '/', sl) && mfl_is_cloud_tag(suf, sl)) {
            /* raw[:idx+1] + the trimmed suffix without "-cloud" */
            size_t head = idx + 1 < bsz ? idx + 1 : bsz - 1;
            put(base, bsz, s, head);
            size_t room = bsz - 1 - head, keep = sl - 6 < room ? sl - 6 : room;
            memcpy(base + head, suf, keep);
            base[head + keep] = '\0';
            *explicit_ = true;
            return MFL_REF_SOURCE_CLOUD;
        }
    }
    put(base, bsz, s, n);
    return MFL_REF_SOURCE_UNSPECIFIED;
}

mfl_ref_status_t mfl_ref_parse(const char *s, size_t len, bool suffixes, mfl_ref_t *out) {
    memset(out, 0, sizeof *out);
    if (!s) s = "", len = 0;
    if (!suffixes) {
        put(out->base, sizeof out->base, s, len);
        out->why = parse_name(s, len, &out->name);
        return out->status = out->why ? MFL_REF_INVALID_NAME : MFL_REF_OK;
    }
    trim(&s, &len);
    if (len == 0) {
        out->why = "the name is empty";
        parse_name("", 0, &out->name);
        return out->status = MFL_REF_EMPTY;
    }
    bool explicit_;
    out->source = source_suffix(s, len, out->base, sizeof out->base, &explicit_);
    if (explicit_) {
        char nested[512];
        bool again;
        source_suffix(out->base, strlen(out->base), nested, sizeof nested, &again);
        if (again) {
            out->why = "it is marked both :local and :cloud";
            parse_name(out->base, strlen(out->base), &out->name);
            return out->status = MFL_REF_CONFLICT;
        }
    }
    out->why = parse_name(out->base, strlen(out->base), &out->name);
    return out->status = out->why ? MFL_REF_INVALID_NAME : MFL_REF_OK;
}

bool mfl_ref_is_cloud(const mfl_ref_t *r) {
    return r->status == MFL_REF_OK && r->source == MFL_REF_SOURCE_CLOUD;
}

/* ---- FROM: path or name ---------------------------------------------------------- */

static bool ends_with_ci(const char *s, size_t n, const char *suf) {
    size_t l = strlen(suf);
    return n >= l && strncasecmp_ascii(s + n - l, suf, l) == 0;
}

bool mfl__from_looks_like_path(const char *s, size_t n) {
    return (n >= 2 && memcmp(s, "./", 2) == 0) || (n >= 3 && memcmp(s, "../", 3) == 0) ||
           (n >= 1 && (s[0] == '/' || s[0] == '~' || s[0] == '\\')) ||
           ends_with_ci(s, n, ".gguf") || ends_with_ci(s, n, ".bin") ||
           ends_with_ci(s, n, ".safetensors") || (n == 1 && s[0] == '.') ||
           (n == 2 && memcmp(s, "..", 2) == 0) ||
           (n >= 3 && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z')) &&
            s[1] == ':' && (s[2] == '\\' || s[2] == '/')); /* C:\ */
}

/* SPDX-License-Identifier: MIT */
/* .gitignore-style path patterns (see mfl_io_ignore.h and gitignore(5)). */
#define _GNU_SOURCE
#include "mfl_io_ignore.h"
#include "mfl.h"

#include "mfl_os.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int mfl_pattern_compile(const char *line, size_t len, mfl_pattern_t *out) {
    assert((line || !len) && out);
    memset(out, 0, sizeof *out);
    /* A CR before the line end (a .gitignore saved on Windows) is not part
     * of the pattern. */
    while (len && (line[len - 1] == '\r' || line[len - 1] == '\n')) len--;
    /* Trailing spaces are dropped unless quoted with a backslash. */
    while (len && line[len - 1] == ' ') {
        size_t bs = 0;
        while (bs + 1 < len && line[len - 2 - bs] == '\\') bs++;
        if (bs % 2) break; /* "\ ": an escaped space, kept */
        len--;
    }
    if (len == 0 || line[0] == '#') return 0;
    if (line[0] == '!') {
        out->negated = true;
        line++;
        len--;
    }
    if (len && line[len - 1] == '/') {
        out->dir_only = true;
        len--;
    }
    /* A slash at the start or in the middle anchors the pattern to its base. */
    if (memchr(line, '/', len)) out->anchored = true;
    while (len && line[0] == '/') {
        line++;
        len--;
    }
    if (len == 0) return 0; /* "/", "!" or "!/": nothing to match */
    out->text = mfl_strndup(line, len);
    return out->text ? 1 : MFL_ENOMEM;
}

void mfl_pattern_cleanup(mfl_pattern_t *p) {
    mfl_free(p->text);
    p->text = NULL;
}

/* The next component of a '/'-separated string: [*s, return) with *s moved
 * past empty components first. */
static const char *component(const char **s) {
    while (**s == '/') (*s)++;
    const char *e = *s;
    while (*e && *e != '/') e++;
    return e;
}

/* Matches one pattern component against one path component. */
static bool comp_match(const char *p, size_t pl, const char *s, size_t sl) {
    char pb[1024], sb[1024];
    if (pl >= sizeof pb || sl >= sizeof sb) return false;
    memcpy(pb, p, pl);
    pb[pl] = '\0';
    memcpy(sb, s, sl);
    sb[sl] = '\0';
    /* No FNM_PERIOD: in .gitignore, `*` matches a leading dot too. */
    return mfl_os_fnmatch(pb, sb, false) == 0;
}

/* Component-wise match of pattern p against path s, `**` components
 * matching any number of path components (at least one when `**` ends the
 * pattern: "abc/" + "**" matches what is inside abc, not abc itself). */
static bool match_from(const char *p, const char *s) {
    const char *pe = component(&p);
    if (p == pe) { /* the pattern is used up */
        component(&s);
        return *s == '\0';
    }
    if (pe - p == 2 && p[0] == '*' && p[1] == '*') {
        const char *rest = pe;
        const char *probe = rest;
        bool last = component(&probe) == probe;
        if (last) {
            const char *q = s;
            return component(&q) != q; /* one component or more left */
        }
        for (;;) {
            if (match_from(rest, s)) return true;
            const char *se = component(&s);
            if (se == s) return false;
            s = se;
        }
    }
    const char *se = component(&s);
    if (se == s) return false;
    if (!comp_match(p, (size_t)(pe - p), s, (size_t)(se - s))) return false;
    return match_from(pe, se);
}

bool mfl_pattern_match(const mfl_pattern_t *p, const char *rel, bool is_dir) {
    if (!p->text || !*rel) return false;
    if (p->dir_only && !is_dir) return false;
    if (!p->anchored) {
        /* No slash: the name at any level below the base. */
        const char *base = strrchr(rel, '/');
        base = base ? base + 1 : rel;
        return mfl_os_fnmatch(p->text, base, false) == 0;
    }
    return match_from(p->text, rel);
}

bool mfl_pattern_match_path(const mfl_pattern_t *p, const char *rel, bool is_dir) {
    char buf[4096];
    size_t n = strlen(rel);
    if (n >= sizeof buf) return false;
    memcpy(buf, rel, n + 1);
    /* Each folder above rel, from the top. */
    for (size_t i = 1; i < n; i++) {
        if (buf[i] != '/') continue;
        buf[i] = '\0';
        bool hit = mfl_pattern_match(p, buf, true);
        buf[i] = '/';
        if (hit) return true;
    }
    return mfl_pattern_match(p, rel, is_dir);
}

mfl_ignore_t *mfl_ignore_new(const char *base) {
    mfl_ignore_t *ig = mfl_calloc(1, sizeof *ig);
    if (!ig) return NULL;
    size_t bl = strlen(base);
    while (bl && base[bl - 1] == '/') bl--;
    ig->base = mfl_strndup(base, bl);
    if (!ig->base) {
        mfl_free(ig);
        return NULL;
    }
    return ig;
}

void mfl_ignore_free(mfl_ignore_t *ig) {
    if (!ig) return;
    for (size_t i = 0; i < ig->n; i++) mfl_pattern_cleanup(&ig->v[i]);
    mfl_free(ig->v);
    mfl_free(ig->base);
    mfl_free(ig);
}

int mfl_ignore_rebase(mfl_ignore_t *ig, const char *base) {
    assert(ig && base);
    size_t bl = strlen(base);
    while (bl && base[bl - 1] == '/') bl--;
    char *b = mfl_strndup(base, bl);
    if (!b) return MFL_ENOMEM;
    mfl_free(ig->base);
    ig->base = b;
    return 0;
}

int mfl_ignore_add(mfl_ignore_t *ig, const char *line, size_t len) {
    assert(ig);
    mfl_pattern_t p;
    int rc = mfl_pattern_compile(line, len, &p);
    if (rc <= 0) return rc; /* nothing to add, or MFL_ENOMEM */
    if (ig->n == ig->cap) {
        size_t cap = ig->cap ? ig->cap * 2 : 8;
        mfl_pattern_t *v = mfl_realloc(ig->v, cap * sizeof *v);
        if (!v) {
            mfl_pattern_cleanup(&p);
            return MFL_ENOMEM;
        }
        ig->v = v;
        ig->cap = cap;
    }
    ig->v[ig->n++] = p;
    return 0;
}

int mfl_ignore_add_text(mfl_ignore_t *ig, const char *text, size_t len) {
    assert(ig && (text || !len));
    /* A UTF-8 byte order mark before the first pattern is not part of it. */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) text += 3, len -= 3;
    while (len) {
        const char *nl = memchr(text, '\n', len);
        size_t l = nl ? (size_t)(nl - text) : len;
        int rc = mfl_ignore_add(ig, text, l);
        if (rc) return rc;
        if (!nl) break;
        text += l + 1;
        len -= l + 1;
    }
    return 0;
}

int mfl_ignore_match(const mfl_ignore_t *ig, const char *rel, bool is_dir) {
    assert(ig && rel);
    for (size_t i = ig->n; i-- > 0;)
        if (mfl_pattern_match(&ig->v[i], rel, is_dir)) return ig->v[i].negated ? -1 : 1;
    return 0;
}

const char *mfl_ignore_rel(const char *base, const char *abs) {
    size_t bl = strlen(base);
    if (strncmp(abs, base, bl) != 0) return NULL;
    if (abs[bl] == '/') return abs + bl + 1;
    if (abs[bl] == '\0') return abs + bl;
    return NULL;
}

int mfl_io_abspath(const char *path, char *out, size_t outsz) {
    assert(path && out);
    char tmp[8192];
    if (path[0] == '/') {
        if (snprintf(tmp, sizeof tmp, "%s", path) >= (int)sizeof tmp) return MFL_ENAMETOOLONG;
    } else {
        char cwd[4096];
        if (!mfl_os_getcwd(cwd, sizeof cwd)) return MFL_EIO;
        if (snprintf(tmp, sizeof tmp, "%s/%s", cwd, path) >= (int)sizeof tmp)
            return MFL_ENAMETOOLONG;
    }
    /* Lexical normalisation into out. */
    size_t n = 0;
    const char *s = tmp;
    for (;;) {
        const char *e = component(&s);
        if (e == s) break;
        size_t l = (size_t)(e - s);
        if (l == 1 && s[0] == '.') {
            /* nothing */
        } else if (l == 2 && s[0] == '.' && s[1] == '.') {
            while (n > 0 && out[n - 1] != '/') n--;
            if (n > 0) n--; /* the slash */
        } else {
            if (n + 1 + l + 1 > outsz) return MFL_ENAMETOOLONG;
            out[n++] = '/';
            memcpy(out + n, s, l);
            n += l;
        }
        s = e;
    }
    if (n == 0) {
        if (outsz < 2) return MFL_ENAMETOOLONG;
        out[n++] = '/';
    }
    out[n] = '\0';
    return 0;
}

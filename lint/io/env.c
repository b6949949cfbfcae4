/* SPDX-License-Identifier: MIT */
/* The mfl_env_t implementation: FROM resolution in Ollama's order (a local
 * GGUF file, the local model store, the config's models, the built-in
 * table), with a per-env cache because the language server re-lints on every
 * keystroke. Only regular files are ever opened. */
#include "mfl_io_env.h"
#include "mfl_names.h"

#include "mfl_knowledge.h"
#include "mfl_os.h"

#include <ctype.h>
#include <stdarg.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef PATH_MAX
#define PATH_MAX MFL_OS_MAX_PATH
#endif

#define MAX_JSON (1u << 20)
/* Set-associative: a key lives in one set of CACHE_WAYS entries, so a
 * lookup looks at four entries however many models a tree names. */
#define CACHE_SETS 256
#define CACHE_WAYS 4
#define CACHE_SIZE (CACHE_SETS * CACHE_WAYS)
#define CACHE_TTL 2 /* seconds, for results not tied to one file */

typedef struct {
    char *key;     /* "F" and a GGUF's absolute path, or "N" and a model name */
    uint64_t hash; /* of key, compared first */
    bool found;
    mfl_model_t model;
    char *sig_path; /* file whose stat validates the entry; NULL -> TTL */
    mfl_os_stat_t sig;
    time_t when;
} cache_entry_t;

typedef struct {
    char canon[600];
    mfl_model_t model;
} config_model_t;

struct mfl_io_env {
    mfl_env_t env;
    char *store_dir;
    char cwd[PATH_MAX]; /* the working directory, read once ("" not yet) */
    config_model_t *models;
    size_t n_models;
    cache_entry_t *cache[CACHE_SIZE]; /* allocated on first use: a short run
                                         touches a few entries, not all */
    uint8_t cache_next[CACHE_SETS];   /* the way each set replaces next */
};

/* snprintf into a fixed field, where truncation is acceptable. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void
setf(char *dst, size_t dstsz, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(dst, dstsz, fmt, ap);
    va_end(ap);
}

/* ---- paths ------------------------------------------------------------------- */

static bool home_of(const char *user, size_t ulen, char *out, size_t outsz) {
    return ulen == 0 ? mfl_os_home(out, outsz) : mfl_os_user_home(user, ulen, out, outsz);
}

/* Removes "." and ".." segments and doubled slashes in place (Go's
 * filepath.Clean, except that ".." above a relative root is dropped). */
static void clean_path(char *p) {
    char *w = p, *root;
    const char *r = p;
    size_t rl = mfl_os_root_len(p); /* "/" (Windows: also "C:/", "//host/share/") */
    w += rl;
    r += rl;
    root = w;
    while (*r) {
        while (*r == '/') r++;
        if (!*r) break;
        const char *seg = r;
        while (*r && *r != '/') r++;
        size_t n = (size_t)(r - seg);
        if (n == 1 && seg[0] == '.') continue;
        if (n == 2 && seg[0] == '.' && seg[1] == '.') {
            while (w > root && w[-1] != '/') w--;
            if (w > root) w--;
            continue;
        }
        if (w > root) *w++ = '/';
        memmove(w, seg, n);
        w += n;
    }
    if (w == p) *w++ = '.';
    *w = '\0';
}

/* Joins n strings into buf (bufsize). False when they do not fit. */
static bool join(char *buf, size_t bufsize, const char *const *parts, size_t n) {
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(parts[i]);
        if (len + l >= bufsize) return false;
        memcpy(buf + len, parts[i], l);
        len += l;
    }
    buf[len] = '\0';
    return true;
}

/* Ollama's expandPath: ~, ~user, absolute, else relative to base_dir (and
 * a relative base_dir to the working directory, read into cwd[PATH_MAX] the
 * first time it is needed; "" until then). */
static bool expand(const char *base_dir, const char *path, char *cwd, char *abs, size_t bufsize) {
    char buf[PATH_MAX];
    if (path[0] == '~') {
        const char *slash = path + 1;
        while (*slash && !mfl_os_is_sep(*slash)) slash++;
        if (*slash == '\0') slash = NULL;
        size_t ulen = slash ? (size_t)(slash - path - 1) : strlen(path + 1);
        char home[PATH_MAX];
        if (!home_of(path + 1, ulen, home, sizeof home)) return false;
        const char *parts[] = {home, "/", slash ? slash + 1 : ""};
        if (!join(buf, sizeof buf, parts, 3)) return false;
    } else if (mfl_os_is_abs(path)) {
        const char *parts[] = {path};
        if (!join(buf, sizeof buf, parts, 1)) return false;
    } else {
        const char *base = base_dir && *base_dir ? base_dir : ".";
        if (!mfl_os_is_abs(base)) {
            if (cwd[0] == '\0' && mfl_os_getcwd(cwd, PATH_MAX) == NULL) {
                cwd[0] = '\0';
                return false;
            }
            const char *parts[] = {cwd, "/", base, "/", path};
            if (!join(buf, sizeof buf, parts, 5)) return false;
        } else {
            const char *parts[] = {base, "/", path};
            if (!join(buf, sizeof buf, parts, 3)) return false;
        }
    }
    mfl_os_path_slashes(buf);
    clean_path(buf);
    size_t n = strlen(buf);
    if (n >= bufsize) return false;
    memcpy(abs, buf, n + 1);
    return true;
}

static mfl_path_kind_t kind_of(const char *abs, bool *is_symlink) {
    mfl_os_stat_t st;
    /* One lstat answers for everything but a symlink, which stat follows. */
    if (mfl_os_lstat(abs, &st) != 0)
        return errno == ENOENT || errno == ENOTDIR ? MFL_PATH_MISSING : MFL_PATH_ERROR;
    if (st.type == MFL_FT_LINK) {
        if (is_symlink) *is_symlink = true;
        if (mfl_os_stat(abs, &st) != 0)
            return errno == ENOENT || errno == ENOTDIR ? MFL_PATH_MISSING : MFL_PATH_ERROR;
    }
    if (st.type == MFL_FT_FILE) return MFL_PATH_FILE;
    if (st.type == MFL_FT_DIR) return MFL_PATH_DIR;
    return MFL_PATH_DEVICE;
}

static mfl_path_kind_t env_path_kind(void *ud, const char *base_dir, const char *path, char *abs,
                                     size_t bufsize, bool *is_symlink) {
    mfl_io_env_t *env = ud;
    if (is_symlink) *is_symlink = false;
    if (path == NULL || *path == '\0' || bufsize == 0) return MFL_PATH_ERROR;
    if (!expand(base_dir, path, env->cwd, abs, bufsize)) {
        snprintf(abs, bufsize, "%s", path);
        return MFL_PATH_ERROR;
    }
    return kind_of(abs, is_symlink);
}

/* Opens a regular file only: a FIFO swapped in after the stat never blocks
 * the open, and the type is checked again on the open file. */
static int open_regular(const char *path, mfl_os_stat_t *st) {
    int fd = mfl_os_open_read(path, st);
    if (fd == MFL_OS_NOT_REGULAR) errno = EINVAL;
    return fd < 0 ? -1 : fd;
}

static long long read_at(int fd, char *buf, size_t n, uint64_t off) {
    size_t got = 0;
    while (got < n) {
        long long r = mfl_os_pread(fd, buf + got, n - got, off + got);
        if (r < 0) return -1;
        if (r == 0) break;
        got += (size_t)r;
    }
    return (long long)got;
}

static bool env_is_gguf(void *ud, const char *abs_path) {
    (void)ud;
    mfl_os_stat_t st;
    if (mfl_os_stat(abs_path, &st) != 0 || st.type != MFL_FT_FILE) return false;
    int fd = open_regular(abs_path, &st);
    if (fd < 0) return false;
    char magic[4];
    bool ok = read_at(fd, magic, 4, 0) == 4 && memcmp(magic, "GGUF", 4) == 0;
    mfl_os_close(fd);
    return ok;
}

int mfl_io_read_gguf(const char *path, mfl_model_t *out) {
    mfl_os_stat_t st;
    char *buf = NULL;
    int rc = MFL_EINVAL;
    int fd = open_regular(path, &st);
    if (fd < 0) {
        setf(out->error, sizeof out->error, "%s: %s", path, strerror(errno));
        return MFL_EINVAL;
    }
    uint64_t size = st.size;
    size_t want = size < MFL_IO_GGUF_PREFIX ? (size_t)size : MFL_IO_GGUF_PREFIX;
    for (;;) {
        char *nb = mfl_realloc(buf, want ? want : 1);
        if (nb == NULL) {
            rc = MFL_ENOMEM;
            goto out;
        }
        buf = nb;
        long long got = read_at(fd, buf, want, 0);
        if (got < 0) {
            setf(out->error, sizeof out->error, "%s: %s", path, strerror(errno));
            rc = MFL_EINVAL;
            goto out;
        }
        /* A file that shrank under us reads as truncated, never past its end. */
        rc = mfl_gguf_parse(buf, (size_t)got, (size_t)got < want ? (uint64_t)got : size, out);
        out->weight_bytes = size;
        if (rc != MFL_ETRUNCATED || want >= size) break;
        if (want >= MFL_IO_GGUF_MAX) {
            setf(out->error, sizeof out->error, "GGUF header is larger than %u MiB; not read",
                 MFL_IO_GGUF_MAX >> 20);
            break;
        }
        want = size < MFL_IO_GGUF_MAX ? (size_t)size : MFL_IO_GGUF_MAX;
    }
out:
    mfl_free(buf);
    mfl_os_close(fd);
    return rc;
}

/* Reads a small regular file (manifests, params) into a new buffer. */
static char *slurp(const char *path, size_t max, size_t *len) {
    mfl_os_stat_t st;
    int fd = open_regular(path, &st);
    if (fd < 0) return NULL;
    char *buf = NULL;
    if (st.size > max) goto out;
    buf = mfl_malloc((size_t)st.size + 1);
    if (buf == NULL) goto out;
    long long got = read_at(fd, buf, (size_t)st.size, 0);
    if (got < 0) {
        mfl_free(buf);
        buf = NULL;
        goto out;
    }
    buf[got] = '\0';
    *len = (size_t)got;
out:
    mfl_os_close(fd);
    return buf;
}

static bool env_real_path(void *ud, const char *abs_path, char *out, size_t outsz) {
    (void)ud;
    return mfl_os_realpath(abs_path, out, outsz) != NULL;
}

static bool env_list_dir(void *ud, const char *abs_dir, void (*fn)(void *fud, const char *name),
                         void *fud) {
    (void)ud;
    mfl_os_dir_t *d = mfl_os_opendir(abs_dir);
    if (d == NULL) return false;
    mfl_ftype_t type;
    for (const char *name; (name = mfl_os_readdir(d, &type)) != NULL;)
        if (strcmp(name, ".") != 0 && strcmp(name, "..") != 0) fn(fud, name);
    mfl_os_closedir(d);
    return true;
}

/* ---- the store ------------------------------------------------------------------ */

/* Finds `name` in dir: exact first, then case-insensitively. */
static bool find_entry_ci(const char *dir, const char *name, char *out, size_t outsz) {
    mfl_os_stat_t st;
    if (snprintf(out, outsz, "%s/%s", dir, name) >= (int)outsz) return false;
    if (mfl_os_stat(out, &st) == 0) return true;
    mfl_os_dir_t *d = mfl_os_opendir(dir);
    if (d == NULL) return false;
    bool ok = false;
    mfl_ftype_t type;
    for (const char *e_name; (e_name = mfl_os_readdir(d, &type)) != NULL;) {
        const char *a = e_name, *b = name;
        while (*a && tolower((unsigned char)*a) == tolower((unsigned char)*b)) {
            a++;
            b++;
        }
        if (*a == '\0' && *b == '\0') {
            ok = snprintf(out, outsz, "%s/%s", dir, e_name) < (int)outsz;
            break;
        }
    }
    mfl_os_closedir(d);
    return ok;
}

static bool manifest_path(const char *root, const mfl_name_t *n, char *out, size_t outsz) {
    char a[PATH_MAX], b[PATH_MAX];
    const char *parts[4] = {n->host, n->ns, n->model, n->tag};
    if (snprintf(a, sizeof a, "%s/manifests", root) >= (int)sizeof a) return false;
    for (int i = 0; i < 4; i++) {
        if (!find_entry_ci(a, parts[i], b, sizeof b)) return false;
        strcpy(a, b);
    }
    mfl_os_stat_t st;
    if (mfl_os_stat(a, &st) != 0 || st.type != MFL_FT_FILE || strlen(a) >= outsz) return false;
    strcpy(out, a);
    return true;
}

static bool blob_path(const char *root, const char *digest, char *out, size_t outsz) {
    if (digest == NULL || strncmp(digest, "sha256", 6) != 0 ||
        (digest[6] != ':' && digest[6] != '-') || strlen(digest) != 71)
        return false;
    for (int i = 7; i < 71; i++)
        if (!isxdigit((unsigned char)digest[i])) return false;
    mfl_os_stat_t st;
    snprintf(out, outsz, "%s/blobs/sha256-%s", root, digest + 7);
    if (mfl_os_stat(out, &st) == 0) return true;
    /* Stores not served since Ollama v0.1.30 still name blobs "sha256:<hex>". */
    snprintf(out, outsz, "%s/blobs/sha256:%s", root, digest + 7);
    return mfl_os_stat(out, &st) == 0;
}

int mfl_io_parse_params(const char *json, size_t len, int64_t *num_ctx) {
    json_error_t jerr;
    json_t *j = json_loadb(json, len, 0, &jerr);
    json_t *v = j ? json_object_get(j, "num_ctx") : NULL;
    double d = json_is_real(v) ? json_real_value(v) : 0;
    int found = 0;
    if (json_is_integer(v)) {
        *num_ctx = (int64_t)json_integer_value(v);
        found = 1;
    } else if (json_is_real(v) && d >= -0x1p63 && d < 0x1p63 && d == (double)(int64_t)d) {
        /* The range test comes first: casting 1e300 to int64_t is undefined. */
        *num_ctx = (int64_t)d;
        found = 1;
    }
    json_decref(j);
    return found;
}

static void read_params(const char *path, const char *from_name, mfl_model_t *out) {
    size_t len;
    char *text = slurp(path, MAX_JSON, &len);
    if (text == NULL) return;
    int64_t num_ctx;
    if (mfl_io_parse_params(text, len, &num_ctx) == 1) {
        out->has_inherited_num_ctx = true;
        out->inherited_num_ctx = num_ctx;
        setf(out->inherited_from, sizeof out->inherited_from, "%s", from_name);
    }
    mfl_free(text);
}

void mfl_io_manifest_cleanup(mfl_io_manifest_t *m) {
    mfl_free(m->model_digest);
    mfl_free(m->params_digest);
    m->model_digest = m->params_digest = NULL;
}

int mfl_io_parse_manifest(const char *json, size_t len, mfl_io_manifest_t *out, char *err,
                          size_t errsz) {
    memset(out, 0, sizeof *out);
    if (err && errsz) err[0] = '\0';
    json_error_t jerr;
    json_t *j = json_loadb(json, len, 0, &jerr);
    json_t *layers = json_object_get(j, "layers");
    if (!json_is_array(layers)) {
        if (err && errsz) snprintf(err, errsz, "%s", j ? "no \"layers\" array" : jerr.text);
        json_decref(j);
        return MFL_EINVAL;
    }
    const char *model_digest = NULL, *params_digest = NULL;
    size_t i;
    json_t *layer;
    json_array_foreach(layers, i, layer) {
        const char *mt = json_string_value(json_object_get(layer, "mediaType"));
        const char *dg = json_string_value(json_object_get(layer, "digest"));
        json_t *sz = json_object_get(layer, "size");
        if (mt == NULL) continue;
        if (strcmp(mt, "application/vnd.ollama.image.model") == 0 && model_digest == NULL) {
            model_digest = dg;
            out->has_model = true;
        } else if (strcmp(mt, "application/vnd.ollama.image.params") == 0) {
            params_digest = dg;
        } else if ((strcmp(mt, "application/vnd.ollama.image.projector") == 0 ||
                    strcmp(mt, "application/vnd.ollama.image.draft") == 0) &&
                   json_is_integer(sz) && json_integer_value(sz) > 0) {
            out->extra_bytes += (uint64_t)json_integer_value(sz);
        }
    }
    int rc = 0;
    if ((model_digest && !(out->model_digest = mfl_strndup(model_digest, strlen(model_digest)))) ||
        (params_digest &&
         !(out->params_digest = mfl_strndup(params_digest, strlen(params_digest))))) {
        mfl_io_manifest_cleanup(out);
        rc = MFL_ENOMEM;
    }
    json_decref(j);
    return rc;
}

/* Reads one manifest. Returns true when it exists (out may carry an error). */
static bool resolve_store_root(const char *root, const mfl_name_t *n, const char *short_name,
                               mfl_model_t *out, char *sig_path, size_t sigsz) {
    char man[PATH_MAX], blob[PATH_MAX];
    if (!manifest_path(root, n, man, sizeof man)) return false;
    snprintf(sig_path, sigsz, "%s", man);
    size_t len = 0;
    char *text = slurp(man, MAX_JSON, &len);
    out->source = MFL_SOURCE_STORE;
    setf(out->source_detail, sizeof out->source_detail, "%s", man);
    mfl_io_manifest_t mf;
    char why[160];
    int rc = MFL_EINVAL;
    if (text)
        rc = mfl_io_parse_manifest(text, len, &mf, why, sizeof why);
    else
        setf(why, sizeof why, "%s", "unreadable, or larger than 1 MiB");
    mfl_free(text);
    if (rc == MFL_ENOMEM) {
        setf(out->error, sizeof out->error, "out of memory reading %s", man);
        return true;
    }
    if (rc != 0) {
        setf(out->error, sizeof out->error, "corrupt Ollama manifest %s: %s", man, why);
        return true;
    }
    if (!mf.has_model) {
        /* Safetensors or cloud models carry no GGUF: the table may know it. */
        mfl_model_t keep = *out;
        if (mfl_table_lookup(short_name, strlen(short_name), out))
            setf(out->source_detail, sizeof out->source_detail, "%s (no GGUF layer in %s)",
                 keep.source_detail, man);
        else
            setf(out->error, sizeof out->error, "%s has no GGUF model layer", man);
    } else if (!blob_path(root, mf.model_digest, blob, sizeof blob)) {
        setf(out->error, sizeof out->error, "model blob %s is missing from %s/blobs",
             mf.model_digest ? mf.model_digest : "(no digest)", root);
    } else {
        int grc = mfl_io_read_gguf(blob, out);
        if (grc == 0) {
            out->weight_bytes += mf.extra_bytes;
            mfl_model_apply_notes(out);
        }
    }
    if (mf.params_digest && blob_path(root, mf.params_digest, blob, sizeof blob))
        read_params(blob, short_name, out);
    mfl_io_manifest_cleanup(&mf);
    return true;
}

/* The store roots to search, in order: the --ollama-models override alone,
 * else $OLLAMA_MODELS, ~/.ollama/models and the Linux service's store. */
static size_t store_roots(const mfl_io_env_t *env, const char *roots[3], char *dflt, size_t dsz) {
    char home[PATH_MAX];
    size_t nr = 0;
    if (env->store_dir) {
        roots[nr++] = env->store_dir;
        return nr;
    }
    const char *em = mfl_os_getenv("OLLAMA_MODELS");
    if (em) roots[nr++] = em;
    if (home_of("", 0, home, sizeof home) &&
        snprintf(dflt, dsz, "%s/.ollama/models", home) < (int)dsz)
        roots[nr++] = dflt;
    if (mfl_os_service_store()) roots[nr++] = mfl_os_service_store();
    return nr;
}

static bool resolve_store(const mfl_io_env_t *env, const char *from, mfl_model_t *out,
                          char *sig_path, size_t sigsz) {
    /* As `ollama create` reads FROM: a :cloud/:local suffix is cut off
     * (mfl_ref_parse), the rest is the name looked up. */
    mfl_ref_t ref;
    char short_name[600], dflt[PATH_MAX];
    if (mfl_ref_parse(from, strlen(from), true, &ref) != MFL_REF_OK) return false;
    mfl_name_t n = ref.name;
    mfl_name_short(&n, short_name, sizeof short_name);
    const char *roots[3];
    size_t nr = store_roots(env, roots, dflt, sizeof dflt);
    for (size_t i = 0; i < nr; i++)
        if (resolve_store_root(roots[i], &n, short_name, out, sig_path, sigsz)) return true;
    return false;
}

/* ---- listing the store ---------------------------------------------------------------- */

typedef struct {
    void (*cb)(void *ud, const char *name);
    void *ud;
    size_t n;
} store_walk_t;

static void store_emit(store_walk_t *w, const char *const parts[4]) {
    char name[1100];
    if (strcmp(parts[0], "registry.ollama.ai") == 0 && strcmp(parts[1], "library") == 0)
        snprintf(name, sizeof name, "%s:%s", parts[2], parts[3]);
    else if (strcmp(parts[0], "registry.ollama.ai") == 0)
        snprintf(name, sizeof name, "%s/%s:%s", parts[1], parts[2], parts[3]);
    else
        snprintf(name, sizeof name, "%s/%s/%s:%s", parts[0], parts[1], parts[2], parts[3]);
    w->cb(w->ud, name);
    w->n++;
}

/* Ollama's own listing: exactly four levels under manifests/ (host,
 * namespace, model, tag). Unreadable folders are skipped: the store is
 * optional. */
static void store_walk(store_walk_t *w, const char *dir, const char *parts[4], int level) {
    mfl_os_dir_t *d = mfl_os_opendir(dir);
    if (!d) return;
    const char *e_name;
    mfl_ftype_t type;
    while ((e_name = mfl_os_readdir(d, &type)) != NULL) {
        if (e_name[0] == '.') continue;
        parts[level] = e_name;
        if (level == 3) {
            store_emit(w, parts);
            continue;
        }
        char sub[PATH_MAX];
        if (snprintf(sub, sizeof sub, "%s/%s", dir, e_name) < (int)sizeof sub)
            store_walk(w, sub, parts, level + 1);
    }
    mfl_os_closedir(d);
}

void mfl_io_env_foreach_store(const mfl_io_env_t *env, void (*cb)(void *ud, const char *root),
                              void *ud) {
    char dflt[PATH_MAX];
    const char *roots[3];
    size_t nr = store_roots(env, roots, dflt, sizeof dflt);
    for (size_t i = 0; i < nr; i++) cb(ud, roots[i]);
}

size_t mfl_io_env_list_models(const mfl_io_env_t *env, void (*cb)(void *ud, const char *name),
                              void *ud) {
    store_walk_t w = {cb, ud, 0};
    char dflt[PATH_MAX], dir[PATH_MAX];
    const char *roots[3], *parts[4];
    size_t nr = store_roots(env, roots, dflt, sizeof dflt);
    for (size_t i = 0; i < nr; i++)
        if (snprintf(dir, sizeof dir, "%s/manifests", roots[i]) < (int)sizeof dir)
            store_walk(&w, dir, parts, 0);
    return w.n;
}

/* ---- config models ----------------------------------------------------------------- */

static bool canon_name(const char *s, char *out, size_t outsz) {
    mfl_ref_t ref;
    if (mfl_ref_parse(s, strlen(s), true, &ref) != MFL_REF_OK) return false;
    const mfl_name_t n = ref.name;
    snprintf(out, outsz, "%s/%s/%s:%s", n.host, n.ns, n.model, n.tag);
    for (char *p = out; *p; p++) *p = (char)tolower((unsigned char)*p);
    return true;
}

static const mfl_model_t *find_config(const mfl_io_env_t *env, const char *from) {
    char c[600];
    if (!canon_name(from, c, sizeof c)) return NULL;
    for (size_t i = 0; i < env->n_models; i++)
        if (strcmp(env->models[i].canon, c) == 0) return &env->models[i].model;
    return NULL;
}

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static int
cfg_err(char *err, size_t errsz, const char *name, const char *fmt, ...) {
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (err && errsz) snprintf(err, errsz, "models.%s.%s", name, msg);
    return MFL_EINVAL;
}

/* The config keys that are GGUF keys (without "<arch>.", as in
 * mfl_knowledge.h); "head_dim" sets both key and value length. */
static const struct {
    const char *json;
    mfl_kv_key_t key;
} kv_keys[] = {
    {"context_length", MFL_KV_CONTEXT_LENGTH},
    {"block_count", MFL_KV_BLOCK_COUNT},
    {"head_count", MFL_KV_HEAD_COUNT},
    {"head_count_kv", MFL_KV_HEAD_COUNT_KV},
    {"head_dim", MFL_KV_KEY_LENGTH},
    {"value_length", MFL_KV_VALUE_LENGTH},
    {"embedding_length", MFL_KV_EMBEDDING_LENGTH},
    {"sliding_window", MFL_KV_SLIDING_WINDOW},
    {"sliding_window_pattern", MFL_KV_SLIDING_WINDOW_PATTERN},
    {"expert_count", MFL_KV_EXPERT_COUNT},
    {"expert_used_count", MFL_KV_EXPERT_USED_COUNT},
};

/* A config model is a key/value set like any GGUF (mfl_model_from_kvset):
 * "like" starts from an exact entry of the built-in data, the other keys
 * override its figures. */
static int parse_model(const char *name, json_t *obj, bool name_is_key, mfl_model_t *m, char *err,
                       size_t errsz) {
    if (!json_is_object(obj)) return cfg_err(err, errsz, name, "%s", "(value): expected an object");
    json_t *like = json_object_get(obj, "like");
    mfl_kvset_t kv;
    mfl_model_init(m);
    mfl_kvset_init(&kv, NULL);
    if (like) {
        const char *ln = json_string_value(like);
        const mfl_data_tag_t *tag = NULL;
        const mfl_table_entry_t *e = ln ? mfl_table_find(ln, strlen(ln), &tag) : NULL;
        if (e == NULL)
            return cfg_err(err, errsz, name,
                           "like: \"%s\" is not a tag of the built-in data (docs/models.md "
                           "lists them)",
                           ln ? ln : "(not a string)");
        mfl_table_entry_to_model(e, tag, m);
        mfl_table_entry_kvset(e, &kv);
    }
    uint64_t gguf_ctx = 0;
    bool value_set = false;
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        int k = -1;
        for (size_t i = 0; i < sizeof kv_keys / sizeof kv_keys[0]; i++)
            if (strcmp(key, kv_keys[i].json) == 0) k = (int)i;
        if (k >= 0 || strcmp(key, "gguf_context_length") == 0) {
            if (!json_is_integer(v) || json_integer_value(v) < 0 ||
                json_integer_value(v) > (json_int_t)UINT32_MAX * 16)
                return cfg_err(err, errsz, name, "%s: expected a non-negative integer", key);
            uint64_t u = (uint64_t)json_integer_value(v);
            if (k < 0) {
                gguf_ctx = u;
                continue;
            }
            mfl_kvset_set(&kv, kv_keys[k].key, u);
            if (kv_keys[k].key == MFL_KV_VALUE_LENGTH) value_set = true;
        } else if (strcmp(key, "like") == 0 || (name_is_key && strcmp(key, "name") == 0)) {
            continue;
        } else if (strcmp(key, "name") == 0 || strcmp(key, "display") == 0 ||
                   strcmp(key, "arch") == 0 || strcmp(key, "note") == 0) {
            const char *sv = json_string_value(v);
            if (sv == NULL) return cfg_err(err, errsz, name, "%s: expected a string", key);
            if (strcmp(key, "display") == 0 || strcmp(key, "name") == 0)
                snprintf(m->name, sizeof m->name, "%s", sv);
            else if (strcmp(key, "arch") == 0)
                snprintf(kv.arch, sizeof kv.arch, "%s", sv);
            else
                snprintf(m->ctx_note, sizeof m->ctx_note, "%s", sv);
        } else if (strcmp(key, "params") == 0 || strcmp(key, "active_params") == 0) {
            if (!json_is_number(v) || json_number_value(v) < 0 || !(json_number_value(v) < 0x1p64))
                return cfg_err(err, errsz, name, "%s: expected a non-negative number", key);
            uint64_t u = (uint64_t)json_number_value(v);
            if (key[0] == 'p')
                m->params_total = u;
            else
                m->params_active = u;
        } else if (strcmp(key, "weights") == 0) {
            uint64_t u;
            char why[256];
            if (!json_is_string(v)) {
                char num[64];
                snprintf(num, sizeof num, "%.15g", json_is_number(v) ? json_number_value(v) : 0.0);
                if (json_is_number(v))
                    mfl_size_parse(num, &u, why, sizeof why);
                else
                    snprintf(why, sizeof why, "expected a size such as \"18.6GB\"");
                return cfg_err(err, errsz, name, "weights: %s", why);
            }
            if (mfl_size_parse(json_string_value(v), &u, why, sizeof why))
                return cfg_err(err, errsz, name, "weights: %s", why);
            m->weight_bytes = u;
            m->weights_note[0] = '\0';
        } else {
            return cfg_err(err, errsz, name, "%s: unknown key", key);
        }
    }
    /* head_dim is both lengths unless value_length says otherwise. */
    if (kv.v[MFL_KV_KEY_LENGTH].set && !value_set && !like)
        mfl_kvset_set(&kv, MFL_KV_VALUE_LENGTH, kv.v[MFL_KV_KEY_LENGTH].u);
    if (!kv.v[MFL_KV_CONTEXT_LENGTH].set || kv.v[MFL_KV_CONTEXT_LENGTH].u == 0)
        return cfg_err(err, errsz, name, "%s", "context_length: required");
    if (kv.arch[0] == '\0') snprintf(kv.arch, sizeof kv.arch, "%s", "unknown");
    char display[sizeof m->name];
    memcpy(display, m->name, sizeof display);
    if (mfl_model_from_kvset(&kv, m) != 0) return cfg_err(err, errsz, name, "%s", m->error);
    if (gguf_ctx) m->gguf_ctx = gguf_ctx;
    snprintf(m->name, sizeof m->name, "%s", display[0] ? display : name);
    m->source = MFL_SOURCE_CONFIG;
    m->confidence = MFL_CONF_EXACT;
    m->assumed[0] = '\0';
    m->checked[0] = '\0';
    snprintf(m->source_detail, sizeof m->source_detail, "config models.%s", name);
    return 0;
}

static int add_one(config_model_t *cm, const char *name, json_t *v, bool name_is_key, char *err,
                   size_t errsz) {
    if (!canon_name(name, cm->canon, sizeof cm->canon)) {
        if (err && errsz) snprintf(err, errsz, "models.%s: not a valid Ollama model name", name);
        return MFL_EINVAL;
    }
    return parse_model(name, v, name_is_key, &cm->model, err, errsz);
}

int mfl_io_env_add_models_json(mfl_io_env_t *env, const json_t *models, char *err, size_t errsz) {
    if (err && errsz) err[0] = '\0';
    bool arr = json_is_array(models);
    if (!json_is_object(models) && !arr) {
        if (err && errsz) snprintf(err, errsz, "models: expected an object (or array) of models");
        return MFL_EINVAL;
    }
    size_t n = arr ? json_array_size(models) : json_object_size(models);
    config_model_t *cms = mfl_realloc(env->models, (env->n_models + n + 1) * sizeof *cms);
    if (cms == NULL) return MFL_ENOMEM;
    env->models = cms;
    size_t added = 0;
    int rc = 0;
    if (arr) {
        size_t i;
        json_t *v;
        json_array_foreach((json_t *)models, i, v) {
            const char *name = json_string_value(json_object_get(v, "name"));
            if (name == NULL) {
                if (err && errsz)
                    snprintf(err, errsz, "models[%zu].name: expected the model's name", i);
                return MFL_EINVAL;
            }
            if ((rc = add_one(&cms[env->n_models + added], name, v, true, err, errsz)) != 0)
                return rc;
            added++;
        }
    } else {
        const char *key;
        json_t *v;
        json_object_foreach((json_t *)models, key, v) {
            if ((rc = add_one(&cms[env->n_models + added], key, v, false, err, errsz)) != 0)
                return rc;
            added++;
        }
    }
    env->n_models += added;
    mfl_io_env_clear_cache(env);
    return 0;
}

int mfl_io_models_validate(const json_t *models, char *err, size_t errsz) {
    mfl_io_env_t *env = mfl_io_env_new();
    if (env == NULL) return MFL_ENOMEM;
    int rc = mfl_io_env_add_models_json(env, models, err, errsz);
    mfl_io_env_free(env);
    return rc;
}

/* ---- resolution and the cache ------------------------------------------------------ */

/* A GGUF named by path. Returns true (out may carry an error). */
static bool resolve_file(const char *abs, mfl_model_t *out, char *sig_path, size_t sigsz) {
    snprintf(sig_path, sigsz, "%s", abs);
    out->source = MFL_SOURCE_GGUF;
    setf(out->source_detail, sizeof out->source_detail, "%s", abs);
    if (!env_is_gguf(NULL, abs)) {
        setf(out->error, sizeof out->error, "%s is not a GGUF file", abs);
        return true;
    }
    if (mfl_io_read_gguf(abs, out) == 0) mfl_model_apply_notes(out);
    return true;
}

/* A model name: the store, the config's models, the table. It does not
 * depend on the Modelfile's folder, so one entry serves every Modelfile. */
static bool resolve_name(const mfl_io_env_t *env, const char *from, mfl_model_t *out,
                         char *sig_path, size_t sigsz) {
    if (resolve_store(env, from, out, sig_path, sigsz)) return true;
    const mfl_model_t *cm = find_config(env, from);
    if (cm) {
        *out = *cm;
        return true;
    }
    mfl_model_init(out);
    /* The table is asked for the name create looks up: a :local suffix is
     * cut off, and a cloud model (:cloud, a -cloud tag) runs on ollama.com,
     * so no local figures apply to it. */
    mfl_ref_t ref;
    if (mfl_ref_parse(from, strlen(from), true, &ref) == MFL_REF_OK) {
        if (mfl_ref_is_cloud(&ref)) return false;
        from = ref.base;
    }
    return mfl_table_lookup(from, strlen(from), out);
}

static bool resolve_any(const mfl_io_env_t *env, mfl_path_kind_t k, const char *abs,
                        const char *from, mfl_model_t *out, char *sig_path, size_t sigsz) {
    if (k == MFL_PATH_FILE) return resolve_file(abs, out, sig_path, sigsz);
    if (k == MFL_PATH_DIR) return mfl_io_read_model_dir(abs, out, sig_path, sigsz);
    return resolve_name(env, from, out, sig_path, sigsz);
}

static bool sig_same(const mfl_os_stat_t *a, const mfl_os_stat_t *b) {
    return mfl_os_stat_same(a, b);
}

static void cache_drop(cache_entry_t *c) {
    mfl_free(c->key);
    mfl_free(c->sig_path);
    c->key = NULL;
    c->sig_path = NULL;
}

static uint64_t hash_key(const char *s) {
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* FROM is a path first (relative to the Modelfile's folder, as Ollama reads
 * it), then a model name. The path is checked on every call; what it leads
 * to is cached, validated by the stat of the file it came from (a GGUF or a
 * manifest) or, for names found nowhere or in the table, for CACHE_TTL. */
static bool env_resolve_model_at(void *ud, const char *base_dir, const char *from,
                                 mfl_path_kind_t k, const char *abs, mfl_model_t *out) {
    mfl_io_env_t *env = ud;
    (void)base_dir;
    if (from == NULL || *from == '\0') return false;
    if (k == MFL_PATH_DEVICE || k == MFL_PATH_ERROR) {
        mfl_model_init(out);
        return false; /* never opened */
    }
    bool is_path = k == MFL_PATH_FILE || k == MFL_PATH_DIR;
    const char *what = is_path ? abs : from;
    size_t kl = strlen(what) + 2;
    char *key = mfl_malloc(kl);
    if (key == NULL) return false;
    snprintf(key, kl, "%c%s", k == MFL_PATH_FILE ? 'F' : k == MFL_PATH_DIR ? 'D' : 'N', what);
    uint64_t h = hash_key(key);
    size_t set = (size_t)(h % CACHE_SETS);
    cache_entry_t **ways = &env->cache[set * CACHE_WAYS];
    time_t now = time(NULL);
    for (size_t i = 0; i < CACHE_WAYS; i++) {
        cache_entry_t *c = ways[i];
        if (c == NULL || c->key == NULL || c->hash != h || strcmp(c->key, key) != 0) continue;
        mfl_os_stat_t st;
        bool valid = c->sig_path ? mfl_os_stat(c->sig_path, &st) == 0 && sig_same(&st, &c->sig)
                                 : now - c->when <= CACHE_TTL && now >= c->when;
        if (valid) {
            mfl_free(key);
            *out = c->model;
            return c->found;
        }
        cache_drop(c);
    }
    cache_entry_t **slot = &ways[env->cache_next[set]];
    env->cache_next[set] = (uint8_t)((env->cache_next[set] + 1) % CACHE_WAYS);
    if (*slot == NULL) *slot = mfl_calloc(1, sizeof **slot);
    char sig_path[PATH_MAX] = "";
    cache_entry_t *c = *slot;
    if (c == NULL) {
        /* Out of memory: answer without keeping the answer. */
        mfl_free(key);
        mfl_model_init(out);
        return resolve_any(env, k, abs, from, out, sig_path, sizeof sig_path);
    }
    cache_drop(c);
    mfl_model_init(&c->model);
    c->found = resolve_any(env, k, abs, from, &c->model, sig_path, sizeof sig_path);
    *out = c->model;
    /* Out of memory here only means the answer is not kept. */
    if (sig_path[0] && (mfl_os_stat(sig_path, &c->sig) != 0 ||
                        !(c->sig_path = mfl_strndup(sig_path, strlen(sig_path))))) {
        mfl_free(key);
        return c->found;
    }
    c->key = key;
    c->hash = h;
    c->when = now;
    return c->found;
}

static bool env_resolve_model(void *ud, const char *base_dir, const char *from, mfl_model_t *out) {
    if (from == NULL || *from == '\0') return false;
    char abs[PATH_MAX];
    bool link;
    mfl_path_kind_t k = env_path_kind(ud, base_dir, from, abs, sizeof abs, &link);
    return env_resolve_model_at(ud, base_dir, from, k, abs, out);
}

void mfl_io_env_clear_cache(mfl_io_env_t *env) {
    if (env == NULL) return;
    for (size_t i = 0; i < CACHE_SIZE; i++)
        if (env->cache[i]) cache_drop(env->cache[i]);
}

mfl_io_env_t *mfl_io_env_new(void) {
    mfl_io_env_t *env = mfl_calloc(1, sizeof *env);
    if (env == NULL) return NULL;
    env->env.ud = env;
    env->env.path_kind = env_path_kind;
    env->env.is_gguf = env_is_gguf;
    env->env.resolve_model = env_resolve_model;
    env->env.real_path = env_real_path;
    env->env.resolve_model_at = env_resolve_model_at;
    env->env.list_dir = env_list_dir;
    return env;
}

void mfl_io_env_free(mfl_io_env_t *env) {
    if (env == NULL) return;
    mfl_io_env_clear_cache(env);
    for (size_t i = 0; i < CACHE_SIZE; i++) mfl_free(env->cache[i]);
    mfl_free(env->models);
    mfl_free(env->store_dir);
    mfl_free(env);
}

const mfl_env_t *mfl_io_env_get(mfl_io_env_t *env) { return env ? &env->env : NULL; }

int mfl_io_env_set_store_dir(mfl_io_env_t *env, const char *dir) {
    char *copy = NULL;
    if (dir) {
        if (strlen(dir) >= PATH_MAX - 200) return MFL_EINVAL;
        copy = mfl_strndup(dir, strlen(dir));
        if (copy == NULL) return MFL_ENOMEM;
    }
    mfl_free(env->store_dir);
    env->store_dir = copy;
    mfl_io_env_clear_cache(env);
    return 0;
}

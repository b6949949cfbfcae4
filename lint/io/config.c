/* SPDX-License-Identifier: MIT */
/* .modelfile-lint.json: discovery (walking up from a file) and loading into
 * the core's mfl_config_t. Every error names the file and the place. */
#define _GNU_SOURCE
#include "mfl_io.h"
#include "mfl_os.h"
#include "mfl_io_env.h"
#include "mfl_io_ignore.h"
#include "mfl_knowledge.h"

#include <assert.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *glob;
    char *codes;
    mfl_pattern_t pat; /* glob, compiled (.gitignore semantics) */
} path_ignore_t;

struct mfl_io_config {
    mfl_config_t *core;
    char *dir;
    path_ignore_t *ignores;
    size_t n_ignores;
    json_t *models;                         /* the "models" section, for the model resolver */
    mfl_ignore_t *exclude, *extend_exclude; /* NULL: key absent */
    int respect_gitignore;                  /* -1: key absent */
    const char *err_key, *err_sub;          /* where load() stopped (borrowed) */
};

int mfl_io_config_find(const char *dir, char *out, size_t outsz) {
    assert(out && outsz);
    char cur[4096];
    if (!mfl_os_realpath(dir && *dir ? dir : ".", cur, sizeof cur)) return MFL_ENOENT;
    for (;;) {
        mfl_os_stat_t st;
        snprintf(out, outsz, "%s/%s", strcmp(cur, "/") == 0 ? "" : cur, MFL_CONFIG_FILENAME);
        if (mfl_os_stat(out, &st) == 0 && st.type == MFL_FT_FILE) return 0;
        char *slash = strrchr(cur, '/');
        if (!slash || slash == cur) {
            if (strcmp(cur, "/") == 0) return MFL_ENOENT;
            strcpy(cur, "/");
            continue;
        }
        *slash = '\0';
    }
}

mfl_io_config_t *mfl_io_config_default(void) {
    mfl_io_config_t *c = mfl_calloc(1, sizeof *c);
    if (!c) return NULL;
    c->core = mfl_config_new();
    c->dir = mfl_strndup("", 0);
    c->respect_gitignore = -1;
    if (!c->core || !c->dir) {
        mfl_io_config_free(c);
        return NULL;
    }
    return c;
}

void mfl_io_config_free(mfl_io_config_t *c) {
    if (!c) return;
    mfl_config_free(c->core);
    mfl_free(c->dir);
    for (size_t i = 0; i < c->n_ignores; i++) {
        mfl_free(c->ignores[i].glob);
        mfl_free(c->ignores[i].codes);
        mfl_pattern_cleanup(&c->ignores[i].pat);
    }
    mfl_free(c->ignores);
    if (c->models) json_decref(c->models);
    mfl_ignore_free(c->exclude);
    mfl_ignore_free(c->extend_exclude);
    mfl_free(c);
}

mfl_config_t *mfl_io_config_core(mfl_io_config_t *c) { return c->core; }
const char *mfl_io_config_dir(const mfl_io_config_t *c) { return c->dir; }
json_t *mfl_io_config_models(const mfl_io_config_t *c) { return c->models; }
const struct mfl_ignore_s *mfl_io_config_exclude(const mfl_io_config_t *c) { return c->exclude; }
const struct mfl_ignore_s *mfl_io_config_extend_exclude(const mfl_io_config_t *c) {
    return c->extend_exclude;
}
int mfl_io_config_respect_gitignore(const mfl_io_config_t *c) { return c->respect_gitignore; }

/* The keys a configuration may hold, for "did you mean" only (load() below
 * decides; tests/cli/run.sh checks that it knows every key of
 * schema/modelfile-lint.schema.json and that the man page documents each). */
static const char *const known_keys[] = {
    "$schema",
    "rules",
    "select",
    "extend-select",
    "ignore",
    "per-path-ignores",
    "exclude",
    "extend-exclude",
    "respect-gitignore",
    "memory",
    "hardware",
    "bandwidth",
    "prefill-rate",
    "client-timeout",
    "num-parallel",
    "kv-cache-type",
    "context-length-default",
    "ollama-version",
    "models",
};

static size_t edit_distance(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63) return 64;
    size_t row[64];
    for (size_t j = 0; j <= lb; j++) row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = diag + cost;
            if (row[j] + 1 < best) best = row[j] + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

/* The known key closest to key (at most a third of it changed), or NULL. */
static const char *closest_key(const char *key) {
    const char *best = NULL;
    size_t bd = (strlen(key) + 2) / 3;
    for (size_t i = 0; i < sizeof known_keys / sizeof known_keys[0]; i++) {
        size_t d = edit_distance(key, known_keys[i]);
        if (d <= bd) {
            bd = d;
            best = known_keys[i];
        }
    }
    return best;
}

/* A list of path patterns ("exclude", "extend-exclude"). */
static int load_patterns(mfl_ignore_t **out, json_t *v, const char *origin, const char *what,
                         char *err, size_t errsz) {
    if (!json_is_array(v)) {
        snprintf(err, errsz, "%s: %s: expected an array of path patterns (.gitignore syntax)",
                 origin, what);
        return -1;
    }
    mfl_ignore_free(*out);
    *out = mfl_ignore_new("");
    if (!*out) goto oom;
    size_t i;
    json_t *e;
    json_array_foreach(v, i, e) {
        if (!json_is_string(e)) {
            snprintf(err, errsz, "%s: %s[%zu]: expected a path pattern string", origin, what, i);
            return -1;
        }
        if (mfl_ignore_add(*out, json_string_value(e), json_string_length(e))) goto oom;
    }
    return 0;
oom:
    snprintf(err, errsz, "%s: out of memory", origin);
    return -1;
}

static int parse_severity(const char *s, mfl_severity_t *out) {
    static const struct {
        const char *name;
        mfl_severity_t sev;
    } map[] = {{"error", MFL_SEVERITY_ERROR},  {"warning", MFL_SEVERITY_WARNING},
               {"warn", MFL_SEVERITY_WARNING}, {"info", MFL_SEVERITY_INFO},
               {"hint", MFL_SEVERITY_HINT},    {"off", MFL_SEVERITY_OFF}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(s, map[i].name) == 0) {
            *out = map[i].sev;
            return 0;
        }
    return -1;
}

/* A size setting: a string with a unit (mfl_size_parse, the one parser).
 * A JSON number is a bare number: rejected with the same suggestion. */
static int size_value(json_t *v, uint64_t *out, char *why, size_t whysz) {
    if (json_is_string(v)) return mfl_size_parse(json_string_value(v), out, why, whysz) ? -1 : 0;
    if (json_is_number(v)) {
        char num[64];
        snprintf(num, sizeof num, "%.15g", json_number_value(v));
        mfl_size_parse(num, out, why, whysz);
        return -1;
    }
    snprintf(why, whysz, "expected a size such as \"48GiB\" or \"64GB\"");
    return -1;
}

static int load_rules(mfl_io_config_t *c, json_t *rules, const char *origin, char *err,
                      size_t errsz) {
    const char *key;
    json_t *v;
    if (!json_is_object(rules)) {
        snprintf(err, errsz, "%s: \"rules\" must be an object mapping rule codes to severities",
                 origin);
        return -1;
    }
    json_object_foreach(rules, key, v) {
        mfl_severity_t sev;
        c->err_sub = key;
        if (json_is_boolean(v)) {
            if (json_is_true(v) ? mfl_config_enable(c->core, key)
                                : mfl_config_set_severity(c->core, key, MFL_SEVERITY_OFF)) {
                snprintf(err, errsz, "%s: rules.%s: unknown rule", origin, key);
                return -1;
            }
            continue;
        }
        if (!json_is_string(v)) {
            snprintf(err, errsz,
                     "%s: rules.%s: expected \"error\", \"warning\", \"info\", "
                     "\"hint\", \"off\" or a boolean",
                     origin, key);
            return -1;
        }
        const char *s = json_string_value(v);
        if (strcmp(s, "on") == 0) {
            if (mfl_config_enable(c->core, key)) {
                snprintf(err, errsz, "%s: rules.%s: unknown rule", origin, key);
                return -1;
            }
            continue;
        }
        if (parse_severity(s, &sev)) {
            snprintf(err, errsz,
                     "%s: rules.%s: unknown severity \"%s\" (expected error, "
                     "warning, info, hint, off or on)",
                     origin, key, s);
            return -1;
        }
        if (mfl_config_set_severity(c->core, key, sev)) {
            snprintf(err, errsz, "%s: rules.%s: unknown rule", origin, key);
            return -1;
        }
    }
    return 0;
}

static int string_list(json_t *v, const char *origin, const char *what, char *out, size_t outsz,
                       char *err, size_t errsz) {
    out[0] = '\0';
    if (json_is_string(v)) {
        snprintf(out, outsz, "%s", json_string_value(v));
        return 0;
    }
    if (!json_is_array(v)) {
        snprintf(err, errsz, "%s: %s: expected an array of rule codes", origin, what);
        return -1;
    }
    size_t i;
    json_t *e;
    json_array_foreach(v, i, e) {
        if (!json_is_string(e)) {
            snprintf(err, errsz, "%s: %s[%zu]: expected a rule code string", origin, what, i);
            return -1;
        }
        size_t l = strlen(out);
        snprintf(out + l, outsz - l, "%s%s", l ? "," : "", json_string_value(e));
    }
    return 0;
}

static int number_or_string(json_t *v, double *out) {
    if (json_is_number(v)) {
        *out = json_number_value(v);
        return 0;
    }
    if (json_is_string(v)) {
        char *end;
        *out = strtod(json_string_value(v), &end);
        return end == json_string_value(v) ? -1 : 0;
    }
    return -1;
}

static int load(mfl_io_config_t *c, json_t *root, const char *origin, char *err, size_t errsz) {
    if (!json_is_object(root)) {
        snprintf(err, errsz, "%s: the configuration must be a JSON object", origin);
        return -1;
    }
    const char *key;
    json_t *v;
    mfl_budget_t *b = mfl_config_budget(c->core);
    char list[4096];
    bool hw_seen = false;
    json_object_foreach(root, key, v) {
        c->err_key = key;
        c->err_sub = NULL;
        if (strcmp(key, "$schema") == 0) continue;
        if (strcmp(key, "rules") == 0) {
            if (load_rules(c, v, origin, err, errsz)) return -1;
        } else if (strcmp(key, "select") == 0 || strcmp(key, "ignore") == 0 ||
                   strcmp(key, "extend-select") == 0) {
            if (string_list(v, origin, key, list, sizeof list, err, errsz)) return -1;
            int rc = 0;
            if (strcmp(key, "ignore") == 0)
                rc = mfl_config_ignore(c->core, list);
            else if (strcmp(key, "select") == 0)
                rc = mfl_config_select(c->core, list);
            else {
                char *save = NULL;
                for (char *t = strtok_r(list, ",", &save); t && !rc; t = strtok_r(NULL, ",", &save))
                    rc = mfl_config_enable(c->core, t);
            }
            if (rc) {
                char code[128] = "";
                string_list(v, origin, key, list, sizeof list, err, errsz);
                mfl_io_unknown_selector(list, code, sizeof code);
                snprintf(err, errsz,
                         "%s: %s: unknown rule `%s` (see `modelfile-lint "
                         "--list-rules`)",
                         origin, key, code);
                return -1;
            }
        } else if (strcmp(key, "per-path-ignores") == 0) {
            if (!json_is_object(v)) {
                snprintf(err, errsz, "%s: per-path-ignores: expected an object of glob -> codes",
                         origin);
                return -1;
            }
            const char *glob;
            json_t *codes;
            json_object_foreach(v, glob, codes) {
                c->err_sub = glob;
                char what[300];
                snprintf(what, sizeof what, "per-path-ignores.%s", glob);
                if (string_list(codes, origin, what, list, sizeof list, err, errsz)) return -1;
                mfl_config_t *probe = mfl_config_new();
                int bad = probe ? mfl_config_ignore(probe, list) : 0;
                mfl_config_free(probe);
                if (bad) {
                    char code[128] = "";
                    mfl_io_unknown_selector(list, code, sizeof code);
                    snprintf(err, errsz,
                             "%s: %s: unknown rule `%s` (see `modelfile-lint "
                             "--list-rules`)",
                             origin, what, code);
                    return -1;
                }
                path_ignore_t *ni = mfl_realloc(c->ignores, (c->n_ignores + 1) * sizeof *ni);
                if (!ni) goto oom;
                c->ignores = ni;
                ni[c->n_ignores].glob = mfl_strndup(glob, strlen(glob));
                ni[c->n_ignores].codes = mfl_strndup(list, strlen(list));
                int pc = mfl_pattern_compile(glob, strlen(glob), &ni[c->n_ignores].pat);
                c->n_ignores++;
                if (!ni[c->n_ignores - 1].glob || !ni[c->n_ignores - 1].codes || pc < 0) goto oom;
                if (pc == 0) {
                    snprintf(err, errsz, "%s: %s: an empty pattern (or a comment) matches no file",
                             origin, what);
                    return -1;
                }
            }
        } else if (strcmp(key, "exclude") == 0) {
            if (load_patterns(&c->exclude, v, origin, key, err, errsz)) return -1;
        } else if (strcmp(key, "extend-exclude") == 0) {
            if (load_patterns(&c->extend_exclude, v, origin, key, err, errsz)) return -1;
        } else if (strcmp(key, "respect-gitignore") == 0) {
            if (!json_is_boolean(v)) {
                snprintf(err, errsz, "%s: respect-gitignore: expected true or false", origin);
                return -1;
            }
            c->respect_gitignore = json_is_true(v);
        } else if (strcmp(key, "memory") == 0) {
            uint64_t sz;
            char why[256];
            if (size_value(v, &sz, why, sizeof why)) {
                snprintf(err, errsz, "%s: memory: %s", origin, why);
                return -1;
            }
            b->memory_budget = sz;
            if (!hw_seen) b->runtime_reserve = 0; /* the device is not known */
        } else if (strcmp(key, "bandwidth") == 0) {
            uint64_t sz;
            char tmp[64] = "", why[256];
            if (json_is_string(v)) {
                snprintf(tmp, sizeof tmp, "%s", json_string_value(v));
                char *slash = strstr(tmp, "/s");
                if (slash) *slash = '\0';
            }
            if (json_is_string(v) ? mfl_size_parse(tmp, &sz, why, sizeof why) != 0
                                  : size_value(v, &sz, why, sizeof why) != 0) {
                snprintf(err, errsz, "%s: bandwidth: %s (a rate such as \"800GB/s\")", origin, why);
                return -1;
            }
            b->bandwidth = (double)sz;
        } else if (strcmp(key, "hardware") == 0) {
            if (!json_is_string(v)) {
                snprintf(err, errsz, "%s: hardware: expected a hardware profile name", origin);
                return -1;
            }
            hw_seen = true;
            if (mfl_io_apply_hardware(b, json_string_value(v))) {
                snprintf(err, errsz,
                         "%s: hardware: unknown profile \"%s\" (see "
                         "`modelfile-lint --list-hardware`)",
                         origin, json_string_value(v));
                return -1;
            }
        } else if (strcmp(key, "prefill-rate") == 0 || strcmp(key, "client-timeout") == 0) {
            double d;
            if (number_or_string(v, &d) || d <= 0) {
                snprintf(err, errsz, "%s: %s: expected a positive number", origin, key);
                return -1;
            }
            if (key[0] == 'p')
                b->prefill_rate = d;
            else
                b->client_timeout = d;
        } else if (strcmp(key, "num-parallel") == 0 || strcmp(key, "context-length-default") == 0) {
            if (!json_is_integer(v) || json_integer_value(v) < 0) {
                snprintf(err, errsz, "%s: %s: expected a non-negative integer", origin, key);
                return -1;
            }
            if (key[0] == 'n')
                b->num_parallel = (uint32_t)json_integer_value(v);
            else
                b->server_default_ctx = (uint64_t)json_integer_value(v);
        } else if (strcmp(key, "kv-cache-type") == 0) {
            const char *s = json_is_string(v) ? json_string_value(v) : "";
            if (strcmp(s, "f16") && strcmp(s, "q8_0") && strcmp(s, "q4_0") && strcmp(s, "f32")) {
                snprintf(err, errsz, "%s: kv-cache-type: expected \"f16\", \"q8_0\" or \"q4_0\"",
                         origin);
                return -1;
            }
            snprintf(b->kv_cache_type, sizeof b->kv_cache_type, "%s", s);
        } else if (strcmp(key, "ollama-version") == 0) {
            mfl_version_t ver;
            const char *why = "expected a string";
            if (!json_is_string(v) ||
                mfl_version_parse(json_string_value(v), strlen(json_string_value(v)), &ver, &why)) {
                snprintf(err, errsz, "%s: ollama-version: %s%s%s: %s", origin,
                         json_is_string(v) ? "\"" : "",
                         json_is_string(v) ? json_string_value(v) : "",
                         json_is_string(v) ? "\"" : "", why);
                return -1;
            }
            mfl_config_set_ollama_version(c->core, ver);
        } else if (strcmp(key, "models") == 0) {
            if (!json_is_object(v) && !json_is_array(v)) {
                snprintf(err, errsz, "%s: models: expected an object or array of model entries",
                         origin);
                return -1;
            }
            /* The whole section is checked now: a broken entry is an error
             * of the config file, not a model silently left out. */
            char why[512];
            if (mfl_io_models_validate(v, why, sizeof why)) {
                snprintf(err, errsz, "%s: %s", origin, why);
                return -1;
            }
            if (c->models) json_decref(c->models);
            c->models = json_incref(v);
        } else {
            const char *near = closest_key(key);
            if (near)
                snprintf(err, errsz, "%s: unknown key \"%s\"; did you mean \"%s\"?", origin, key,
                         near);
            else
                snprintf(err, errsz,
                         "%s: unknown key \"%s\" (the keys are listed under "
                         "CONFIGURATION in modelfile-lint(1))",
                         origin, key);
            return -1;
        }
    }
    return 0;
oom:
    snprintf(err, errsz, "%s: out of memory", origin);
    return -1;
}

static mfl_ignore_t *ignore_clone(const mfl_ignore_t *b, bool *oom) {
    if (!b) return NULL;
    mfl_ignore_t *ig = mfl_ignore_new(b->base);
    for (size_t i = 0; ig && i < b->n; i++) {
        mfl_pattern_t p = b->v[i];
        p.text = mfl_strndup(p.text, strlen(p.text));
        if (!p.text || ig->n == ig->cap) {
            size_t cap = ig->cap ? ig->cap * 2 : 8;
            mfl_pattern_t *v = p.text ? mfl_realloc(ig->v, cap * sizeof *v) : NULL;
            if (!v) {
                mfl_free(p.text);
                mfl_ignore_free(ig);
                ig = NULL;
                break;
            }
            ig->v = v;
            ig->cap = cap;
        }
        ig->v[ig->n++] = p;
    }
    if (!ig) *oom = true;
    return ig;
}

static mfl_io_config_t *config_clone(const mfl_io_config_t *b) {
    mfl_io_config_t *c = mfl_calloc(1, sizeof *c);
    if (!c) return NULL;
    c->core = mfl_config_clone(b->core);
    c->dir = mfl_strndup(b->dir, strlen(b->dir));
    c->ignores = b->n_ignores ? mfl_calloc(b->n_ignores, sizeof *c->ignores) : NULL;
    if (!c->core || !c->dir || (b->n_ignores && !c->ignores)) goto oom;
    for (size_t i = 0; i < b->n_ignores; i++) {
        c->ignores[i].glob = mfl_strndup(b->ignores[i].glob, strlen(b->ignores[i].glob));
        c->ignores[i].codes = mfl_strndup(b->ignores[i].codes, strlen(b->ignores[i].codes));
        c->n_ignores++;
        if (!c->ignores[i].glob || !c->ignores[i].codes) goto oom;
        if (mfl_pattern_compile(c->ignores[i].glob, strlen(c->ignores[i].glob),
                                &c->ignores[i].pat) < 0)
            goto oom;
    }
    c->models = b->models ? json_incref(b->models) : NULL;
    bool oom = false;
    c->exclude = ignore_clone(b->exclude, &oom);
    c->extend_exclude = ignore_clone(b->extend_exclude, &oom);
    c->respect_gitignore = b->respect_gitignore;
    if (oom) goto oom;
    return c;
oom:
    mfl_io_config_free(c);
    return NULL;
}

/* Parses json and applies it on top of base (a copy; NULL: the defaults). */
static mfl_io_config_t *parse_over(const mfl_io_config_t *base, const char *json, size_t len,
                                   const char *origin, char *err, size_t errsz) {
    json_error_t je;
    /* An empty file (or one holding only blanks) is an empty configuration. */
    size_t k = len >= 3 && memcmp(json, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (k < len && strchr(" \t\r\n", json[k])) k++;
    json_t *root = k == len ? json_object() : json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
    if (!root && k == len) {
        snprintf(err, errsz, "%s: out of memory", origin);
        return NULL;
    }
    if (!root) {
        /* jansson's column is 0 at a line end; count from the byte offset. */
        unsigned line, col;
        mfl_io_json_line_col(json, len, (size_t)je.position, &line, &col);
        if (je.position > 0 && (size_t)je.position <= len &&
            strcmp(je.text, "end of file expected") && json[je.position - 1] != '\n')
            mfl_io_json_line_col(json, len, (size_t)je.position - 1, &line, &col);
        snprintf(err, errsz, "%s:%u:%u: invalid JSON: %s", origin, line, col, je.text);
        return NULL;
    }
    mfl_io_config_t *c = base ? config_clone(base) : mfl_io_config_default();
    if (!c) {
        json_decref(root);
        snprintf(err, errsz, "%s: out of memory", origin);
        return NULL;
    }
    int rc = load(c, root, origin, err, errsz);
    if (rc) {
        /* "origin: what" becomes "origin:line:column: what", at the key. */
        unsigned line, col;
        size_t ol = strlen(origin);
        if (strncmp(err, origin, ol) == 0 && err[ol] == ':' && err[ol + 1] == ' ' &&
            mfl_io_json_locate(json, len, c->err_key, c->err_sub, &line, &col) == 0) {
            char tail[1024];
            snprintf(tail, sizeof tail, "%s", err + ol);
            snprintf(err, errsz, "%s:%u:%u%s", origin, line, col, tail);
        }
    }
    json_decref(root);
    if (rc) {
        mfl_io_config_free(c);
        return NULL;
    }
    return c;
}

mfl_io_config_t *mfl_io_config_parse(const char *json, size_t len, const char *origin, char *err,
                                     size_t errsz) {
    return parse_over(NULL, json, len, origin, err, errsz);
}

mfl_io_config_t *mfl_io_config_load_over(const mfl_io_config_t *base, const char *path, char *err,
                                         size_t errsz) {
    char *buf;
    size_t len;
    if (mfl_io_read_file(path, 16u << 20, &buf, &len, err, errsz)) return NULL;
    mfl_io_config_t *c = parse_over(base, buf, len, path, err, errsz);
    mfl_free(buf);
    if (!c) return NULL;
    mfl_free(c->dir);
    /* The folder, absolute: patterns are relative to it wherever we run. */
    char dir[4096], real[4096];
    const char *slash = mfl_os_last_sep(path);
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
    if (!dir[0]) strcpy(dir, "/");
    c->dir = mfl_os_realpath(dir, real, sizeof real) ? mfl_strndup(real, strlen(real))
                                                     : mfl_strndup(dir, strlen(dir));
    if (c->dir && strcmp(c->dir, "/") == 0) c->dir[0] = '\0';
    if (c->exclude && mfl_ignore_rebase(c->exclude, c->dir)) c->dir = (mfl_free(c->dir), NULL);
    if (c->extend_exclude && c->dir && mfl_ignore_rebase(c->extend_exclude, c->dir))
        c->dir = (mfl_free(c->dir), NULL);
    if (!c->dir) {
        snprintf(err, errsz, "%s: out of memory", path);
        mfl_io_config_free(c);
        return NULL;
    }
    return c;
}

mfl_io_config_t *mfl_io_config_load(const char *path, char *err, size_t errsz) {
    return mfl_io_config_load_over(NULL, path, err, errsz);
}

/* path relative to the config's folder, whatever the working directory and
 * however the path was typed; NULL when the file is not below the folder. */
static const char *rel_to_config(const mfl_io_config_t *c, const char *path, char *buf,
                                 size_t bufsz) {
    if (mfl_io_abspath(path, buf, bufsz) == 0) {
        const char *rel = mfl_ignore_rel(c->dir, buf);
        if (rel && *rel) return rel;
    }
    /* A symlink on the way (the config's folder is a real path): resolve the
     * file's folder. */
    char dir[4096], real[4096];
    const char *slash = mfl_os_last_sep(path);
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
    if (!dir[0]) strcpy(dir, "/");
    if (!mfl_os_realpath(dir, real, sizeof real)) return NULL;
    if (snprintf(buf, bufsz, "%s/%s", strcmp(real, "/") ? real : "", slash ? slash + 1 : path) >=
        (int)bufsz)
        return NULL;
    const char *rel = mfl_ignore_rel(c->dir, buf);
    return rel && *rel ? rel : NULL;
}

int mfl_io_config_for_path(const mfl_io_config_t *c, const char *path, mfl_config_t *out_core) {
    assert(c && path && out_core);
    if (!c->n_ignores) return 0;
    char buf[8192];
    const char *rel = rel_to_config(c, path, buf, sizeof buf);
    for (size_t i = 0; i < c->n_ignores; i++) {
        const mfl_pattern_t *p = &c->ignores[i].pat;
        /* ruff's per-file-ignores: a leading `!` applies the codes to the
         * files the pattern does not match. */
        bool hit = rel && mfl_pattern_match_path(p, rel, false);
        if (p->negated ? !hit : hit)
            if (mfl_config_ignore(out_core, c->ignores[i].codes)) return MFL_EINVAL;
    }
    return 0;
}

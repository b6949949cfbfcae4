/* SPDX-License-Identifier: MIT */
/* Config application: each rule's severity (set by code, name, prefix or
 * ALL; select and ignore lists), the target Ollama release and the budget
 * settings of an mfl_config_t. */
#include "internal.h"
#include "lint_state.h"

#include <stdint.h>
#include <string.h>

struct mfl_config {
    mfl_severity_t sev[MFL__N_RULES + 1]; /* per rule; +1 keeps the array non-empty */
    bool explicit_sev[MFL__N_RULES + 1];  /* set by mfl_config_set_severity */
    mfl_budget_t budget;
    mfl_version_t ollama_version;
};

mfl_config_t *mfl_config_new(void) {
    mfl_config_t *c = mfl_calloc(1, sizeof *c);
    if (!c) return NULL;
    for (size_t i = 0; i < MFL__N_RULES; i++)
        c->sev[i] = mfl_rule_at(i)->default_off ? MFL_SEVERITY_OFF : mfl_rule_at(i)->severity;
    c->ollama_version = mfl_version_default();
    return c;
}

void mfl_config_set_ollama_version(mfl_config_t *c, mfl_version_t v) { c->ollama_version = v; }

mfl_version_t mfl_config_ollama_version(const mfl_config_t *c) {
    return c ? c->ollama_version : mfl_version_default();
}

void mfl_config_free(mfl_config_t *c) { mfl_free(c); }

mfl_config_t *mfl_config_clone(const mfl_config_t *c) {
    mfl_config_t *n = mfl_malloc(sizeof *n);
    if (n) memcpy(n, c, sizeof *n);
    return n;
}

int mfl_config_set_severity(mfl_config_t *c, const char *s, mfl_severity_t sev) {
    const mfl_rule_t *r = mfl_rule_find(s);
    if (!r) return MFL_EINVAL;
    c->sev[mfl__rule_index(r)] = sev;
    c->explicit_sev[mfl__rule_index(r)] = true;
    return 0;
}

int mfl_config_enable(mfl_config_t *c, const char *s) {
    const mfl_rule_t *r = mfl_rule_find(s);
    if (!r) return MFL_EINVAL;
    c->sev[mfl__rule_index(r)] = r->severity;
    return 0;
}

/* Calls fn for every rule a selector names: a code, a name, a code prefix
 * ("MF1") or "ALL". Returns MFL_EINVAL if it names none. */
static int for_selector(const char *sel, size_t n, void (*fn)(mfl_config_t *, size_t, void *),
                        mfl_config_t *c, void *arg) {
    int hits = 0;
    for (size_t i = 0; i < MFL__N_RULES; i++) {
        const mfl_rule_t *r = mfl_rule_at(i);
        bool match = (n == 3 && strncasecmp_ascii(sel, "ALL", 3) == 0) ||
                     (n <= 5 && n >= 2 && strncasecmp_ascii(sel, r->code, n) == 0) ||
                     (strlen(r->name) == n && strncmp(sel, r->name, n) == 0);
        if (match) {
            fn(c, i, arg);
            hits++;
        }
    }
    return hits ? 0 : MFL_EINVAL;
}

static int for_list(const char *list, void (*fn)(mfl_config_t *, size_t, void *), mfl_config_t *c,
                    void *arg) {
    const char *p = list;
    while (*p) {
        while (*p == ',' || *p == ' ') p++;
        const char *e = p;
        while (*e && *e != ',' && *e != ' ') e++;
        if (e > p && for_selector(p, (size_t)(e - p), fn, c, arg)) return MFL_EINVAL;
        p = e;
    }
    return 0;
}

static void mark(mfl_config_t *c, size_t i, void *arg) {
    ((bool *)arg)[i] = true;
    (void)c;
}
static void turn_off(mfl_config_t *c, size_t i, void *arg) {
    (void)arg;
    c->sev[i] = MFL_SEVERITY_OFF;
}

int mfl_config_select(mfl_config_t *c, const char *list) {
    bool chosen[MFL__N_RULES + 1] = {false};
    int rc = for_list(list, mark, c, chosen);
    if (rc) return rc;
    for (size_t i = 0; i < MFL__N_RULES; i++) {
        if (!chosen[i])
            c->sev[i] = MFL_SEVERITY_OFF;
        else if (c->sev[i] == MFL_SEVERITY_OFF)
            c->sev[i] = mfl_rule_at(i)->severity;
    }
    return 0;
}

int mfl_config_ignore(mfl_config_t *c, const char *list) {
    return for_list(list, turn_off, c, NULL);
}

mfl_severity_t mfl_config_severity(const mfl_config_t *c, const mfl_rule_t *r) {
    size_t i = mfl__rule_index(r);
    if (i == SIZE_MAX) return MFL_SEVERITY_OFF;
    if (!c) return r->default_off ? MFL_SEVERITY_OFF : r->severity;
    return c->sev[i];
}

bool mfl__config_severity_is_explicit(const mfl_config_t *c, const mfl_rule_t *r) {
    size_t i = mfl__rule_index(r);
    return c && i != SIZE_MAX && c->explicit_sev[i];
}

mfl_severity_t mfl__config_severity_at(const mfl_config_t *c, size_t i) {
    const mfl_rule_t *r = mfl_rule_at(i);
    if (!c) return r->default_off ? MFL_SEVERITY_OFF : r->severity;
    return c->sev[i];
}

mfl_budget_t *mfl_config_budget(mfl_config_t *c) { return &c->budget; }
const mfl_budget_t *mfl_config_budget_const(const mfl_config_t *c) { return &c->budget; }

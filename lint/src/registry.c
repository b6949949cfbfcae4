/* SPDX-License-Identifier: MIT */
/* The rule registry: an X-macro over rules.def lists every rule's
 * descriptor, in the order the driver runs them. */
#include "internal.h"
#include "lint_state.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const mfl_rule_t *const registry[] = {
#define MFL_RULE(slug) &mfl_rule_##slug,
#include "rules.def"
#undef MFL_RULE
};

#define N_RULES ((size_t)MFL__N_RULES)
_Static_assert(sizeof registry / sizeof registry[0] == MFL__N_RULES, "rules.def");

size_t mfl_rule_count(void) { return N_RULES; }
const mfl_rule_t *mfl_rule_at(size_t i) { return i < N_RULES ? registry[i] : NULL; }

size_t mfl__rule_index(const mfl_rule_t *r) {
    for (size_t i = 0; i < N_RULES; i++)
        if (registry[i] == r) return i;
    return SIZE_MAX;
}

const mfl_rule_t *mfl_rule_find(const char *s) {
    if (!s) return NULL;
    for (size_t i = 0; i < N_RULES; i++)
        if (strcasecmp_ascii(s, registry[i]->code) == 0 || strcmp(s, registry[i]->name) == 0)
            return registry[i];
    return NULL;
}

const char *mfl_rule_url(const mfl_rule_t *rule, char *buf, size_t n) {
    snprintf(buf, n,
             "https://github.com/modelfile-lint/modelfile-lint/blob/main/docs/rules.md#%s-%s",
             rule->code, rule->name);
    for (char *p = strchr(buf, '#'); p && *p; p++)
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p + 32);
    return buf;
}

/* SPDX-License-Identifier: MIT */
/* Names the rule selector a list does not know, for error messages
 * ("--select MF9999": unknown rule `MF9999`). */
#include "mfl_io.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

int mfl_io_unknown_selector(const char *list, char *out, size_t outsz) {
    mfl_config_t *probe = mfl_config_new();
    assert(list && out && outsz);
    if (!probe) return MFL_ENOMEM;
    const char *p = list;
    int found = 0;
    while (*p && !found) {
        while (*p == ',' || *p == ' ') p++;
        const char *e = p;
        while (*e && *e != ',' && *e != ' ') e++;
        if (e > p) {
            char one[128];
            snprintf(one, sizeof one, "%.*s", (int)(e - p), p);
            if (mfl_config_ignore(probe, one)) {
                snprintf(out, outsz, "%s", one);
                found = 1;
            }
        }
        p = e;
    }
    mfl_config_free(probe);
    return found;
}

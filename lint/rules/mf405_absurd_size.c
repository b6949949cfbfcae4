/* SPDX-License-Identifier: MIT */
/* MF405 absurd-size: a value over 1 MiB, or a size parameter far beyond
 * anything a machine can serve. */
#include "internal.h"
#include "mfl_params.h"

#include <string.h>

#define MAX_VALUE_BYTES (1u << 20)

static const struct {
    const char *name;
    int64_t max;
    const char *why;
} limits[] = {
    {"num_ctx", 10000000,
     "no model has a context window this large, and the KV cache for it "
     "alone would take terabytes"},
    {"num_predict", 10000000, "use -1 (until the model stops) instead of a huge count"},
    {"num_batch", 1000000, "the batch buffers are allocated up front"},
    {"num_keep", 10000000, "it cannot exceed the context"},
};

static void check(mfl_ctx_t *ctx) {
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->value_len > MAX_VALUE_BYTES) {
            mfl_report(ctx, in->keyword,
                       "%s value is %zu bytes (over 1 MiB): ollama create stores it in the "
                       "model and the server loads it with every request; a file this large "
                       "is more likely an accident or an attack than a prompt",
                       mfl_instr_keyword(in->kind), in->value_len);
            continue;
        }
        if (in->kind != MFL_INSTR_PARAMETER) continue;
        for (size_t k = 0; k < sizeof limits / sizeof limits[0]; k++) {
            int64_t v;
            if (!mfl_instr_is_param(in, limits[k].name) ||
                !mfl_param_parse_int(in->value_text, in->value_len, &v) || v <= limits[k].max)
                continue;
            mfl_report(ctx, in->value, "%s %lld is absurdly large (over %lld): %s", limits[k].name,
                       (long long)v, (long long)limits[k].max, limits[k].why);
        }
    }
}

const mfl_rule_t mfl_rule_absurd_size = {
    .code = "MF405",
    .name = "absurd-size",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_NONE,
    .category = "security",
    .summary = "A value over 1 MiB, or num_ctx, num_predict, num_batch or num_keep absurdly "
               "large",
    .doc = "## What it does\n"
           "Reports any instruction whose value is over 1 MiB, and `num_ctx`, `num_predict` or "
           "`num_keep` above 10,000,000 and `num_batch` above 1,000,000.\n\n"
           "## Why is this bad?\n"
           "A multi-megabyte SYSTEM, TEMPLATE or MESSAGE is stored in the model and processed "
           "on every request; a gigantic `num_ctx` or `num_batch` makes the server try to "
           "allocate the memory for it when the model loads. Neither is a real configuration: "
           "in a Modelfile from someone else they are a denial of service on whoever runs it.\n\n"
           "## Example\n```\nFROM llama3.2\nPARAMETER num_ctx 2000000000\n```\n\n"
           "Use instead:\n```\nFROM llama3.2\nPARAMETER num_ctx 131072\n```\n",
    .check = check,
};

/* SPDX-License-Identifier: MIT */
/* MF401 device-path: FROM, ADAPTER or DRAFT naming a device, FIFO or socket. */
#include "rule.h"

static void check(mfl_ctx_t *ctx) {
    const mfl_env_t *env = ctx->opts->env;
    if (!env || !env->path_kind) return;
    MFL_FOREACH_INSTR(ctx, in) {
        if ((in->kind != MFL_INSTR_FROM && in->kind != MFL_INSTR_ADAPTER &&
             in->kind != MFL_INSTR_DRAFT) ||
            in->value_len == 0)
            continue;
        char abs[4096];
        bool link = false;
        /* path_kind only stats: the linter never opens what it reports. */
        if (env->path_kind(env->ud, ctx->opts->base_dir, in->value_text, abs, sizeof abs, &link) !=
            MFL_PATH_DEVICE)
            continue;
        mfl_report(ctx, in->value,
                   "%s `%s` is a device, FIFO or socket, not a file: ollama create reads it "
                   "until it ends, which for `/dev/zero`, `/dev/urandom` or a FIFO is never "
                   "(the client hangs, or uploads whatever the device yields)",
                   mfl_instr_keyword(in->kind), in->value_text);
    }
}

const mfl_rule_t mfl_rule_device_path = {
    .code = "MF401",
    .name = "device-path",
    .severity = MFL_SEVERITY_ERROR,
    .fixable = MFL_FIXABLE_NONE,
    .category = "security",
    .summary = "FROM, ADAPTER or DRAFT names a device, FIFO or socket",
    .doc = "## What it does\n"
           "Resolves FROM, ADAPTER and DRAFT as Ollama does (relative to the Modelfile's "
           "folder, `~` expanded) and reports a path that is a character or block device, a "
           "FIFO or a socket. The linter only looks at the file type (`stat`); it never opens "
           "such a path.\n\n"
           "## Why is this bad?\n"
           "`ollama create` hashes and uploads the file it is given. A device such as "
           "`/dev/zero` or `/dev/urandom`, or a FIFO nobody writes to, never ends: the client "
           "hangs, or streams whatever the device yields to the server. In a Modelfile from an "
           "untrusted pull request this is a denial of service on whoever builds it.\n\n"
           "## Example\n```\nFROM /dev/zero\n```\n\n"
           "Use instead:\n```\nFROM ./models/llama-3.2-3b.Q4_K_M.gguf\n```\n",
    .check = check,
};

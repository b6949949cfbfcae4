/* SPDX-License-Identifier: MIT */
/* MF307 prefill-over-timeout: filling the whole context takes longer than
 * the client waits. */
#include "knowledge/ctx_rules.h"

#include <stdio.h>

static void check(mfl_ctx_t *ctx) {
    mfl_ctx_facts_t f;
    mfl__ctx_facts(ctx, &f);
    const mfl_budget_t *b = f.budget;
    uint64_t cap = mfl__ctx_prefill_cap(b);
    if (cap == 0 || !f.has_ctx || f.ctx_source == MFL_CTX_SRC_DEFAULT) return;
    uint64_t used = f.native && f.ctx > f.native ? f.native : f.ctx;
    if (used <= cap) return;
    double secs = mfl_mem_prefill_seconds(used, b);
    char cap_s[32];
    mfl__ctx_tokens(cap, cap_s, sizeof cap_s);
    mfl_report(ctx, mfl__ctx_range(&f),
               "prefilling a full %llu-token context takes about %.0f s at %.0f tokens/s, longer "
               "than the client timeout of %.0f s: a prompt longer than about %s tokens times out "
               "before the first token. Raise the client's timeout, or keep prompts under %s "
               "tokens (num_ctx %llu matches that)",
               (unsigned long long)used, secs, b->prefill_rate, b->client_timeout, cap_s, cap_s,
               (unsigned long long)cap);
}

const mfl_rule_t mfl_rule_prefill_over_timeout = {
    .code = "MF307",
    .name = "prefill-over-timeout",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_NONE,
    .category = "context",
    .summary = "Prefilling the whole context takes longer than the client timeout",
    .doc = "## What it does\n"
           "Only when both a prefill rate (tokens/s) and a client timeout are configured: "
           "divides the effective context by the prefill rate and reports when a full prompt "
           "would take longer than the timeout. The levers are the client's timeout and the "
           "prompt's length; a `num_ctx` at the tokens prefilled within the timeout (a multiple "
           "of 1024) is clean here, and MF301 aims no higher, so the two never disagree.\n\n"
           "## Why is this bad?\n"
           "Prompt processing must finish before the first token arrives. An editor or agent "
           "with a 300 s timeout gives up on a 146,760-token prompt that needs 6 minutes at "
           "400 tokens/s, so the large context cannot actually be used. Real prefill also slows "
           "as the context fills, so the estimate is optimistic.\n\n"
           "## Example\nWith `prefill_rate` 400 and `client_timeout` 300:\n"
           "```\nFROM qwen3-coder:30b\nPARAMETER num_ctx 262144\n```\n\n"
           "Use instead: raise the client's timeout, or keep prompts below about 120,000 "
           "tokens (`PARAMETER num_ctx 119808`).\n",
    .check = check,
};

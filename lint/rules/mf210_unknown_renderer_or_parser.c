/* SPDX-License-Identifier: MIT */
/* MF210 unknown-renderer-or-parser: a RENDERER/PARSER Ollama does not have. */
#include "internal.h"

#include <string.h>

static const char *const renderers[] = {"qwen3-coder",
                                        "qwen3-vl-instruct",
                                        "qwen3-vl-thinking",
                                        "qwen3.5",
                                        "qwen3.8",
                                        "ornith",
                                        "cogito",
                                        "deepseek3.1",
                                        "olmo3",
                                        "olmo3.1",
                                        "olmo3-think",
                                        "olmo3-32b-think",
                                        "nemotron-3-nano",
                                        "nemotron-3.5-nano",
                                        "gemma4",
                                        "gemma4-small",
                                        "gemma4-large",
                                        "functiongemma",
                                        "glm-4.7",
                                        "glm-ocr",
                                        "lfm2",
                                        "lfm2-thinking",
                                        "laguna",
                                        "poolside-v1",
                                        "cohere",
                                        "glimmer",
                                        NULL};
static const char *const parsers[] = {"qwen3",
                                      "qwen3-thinking",
                                      "qwen3.5",
                                      "ornith",
                                      "qwen3-coder",
                                      "qwen3-vl-instruct",
                                      "qwen3-vl-thinking",
                                      "ministral",
                                      "passthrough",
                                      "harmony",
                                      "cogito",
                                      "deepseek3",
                                      "olmo3",
                                      "olmo3-think",
                                      "nemotron-3-nano",
                                      "nemotron-3.5-nano",
                                      "functiongemma",
                                      "glm-4.7",
                                      "gemma4",
                                      "gemma4-no-thinking",
                                      "glm-ocr",
                                      "lfm2",
                                      "lfm2-thinking",
                                      "laguna",
                                      "poolside-v1",
                                      "cohere",
                                      "glimmer",
                                      NULL};

static void check(mfl_ctx_t *ctx) {
    MFL_FOREACH_INSTR(ctx, in) {
        if (in->kind != MFL_INSTR_RENDERER && in->kind != MFL_INSTR_PARSER) continue;
        if (in->value_len == 0) continue;
        bool renderer = in->kind == MFL_INSTR_RENDERER;
        const char *const *list = renderer ? renderers : parsers;
        const char *best = NULL;
        size_t bestd = 3;
        bool found = false;
        for (size_t i = 0; list[i] && !found; i++) {
            size_t l = strlen(list[i]);
            if (l == in->value_len && memcmp(list[i], in->value_text, l) == 0) found = true;
            size_t dd = mfl__edit_distance(in->value_text, in->value_len, list[i], l, 2);
            if (dd < bestd) {
                bestd = dd;
                best = list[i];
            }
        }
        if (found) continue;
        mfl_diag_t *d;
        if (renderer)
            d = mfl_report(ctx, in->value,
                           "unknown renderer `%s`: ollama create accepts it, but every chat "
                           "request then fails with: unknown renderer \"%s\"%s%s%s",
                           in->value_text, in->value_text, best ? "; did you mean `" : "",
                           best ? best : "", best ? "`?" : "");
        else
            d = mfl_report(ctx, in->value,
                           "unknown parser `%s`: Ollama silently uses no parser, so tool calls "
                           "and thinking are not extracted%s%s%s",
                           in->value_text, best ? "; did you mean `" : "", best ? best : "",
                           best ? "`?" : "");
        if (best) {
            mfl_fix_t *f = mfl_diag_fix(ctx, d, MFL_FIX_UNSAFE, "Use `%s`", best);
            mfl_fix_edit(ctx, f, in->content, best, strlen(best));
        }
    }
}

const mfl_rule_t mfl_rule_unknown_renderer_or_parser = {
    .code = "MF210",
    .name = "unknown-renderer-or-parser",
    .severity = MFL_SEVERITY_WARNING,
    .fixable = MFL_FIXABLE_SOMETIMES,
    .category = "instruction",
    .summary = "A RENDERER or PARSER name that Ollama does not have",
    .doc = "## What it does\n"
           "Checks RENDERER and PARSER values against the renderers and parsers built into "
           "Ollama (for example `qwen3-coder`, `gemma4`, `harmony`, `passthrough`).\n\n"
           "## Why is this bad?\n"
           "Neither is validated by `ollama create`. An unknown renderer makes every chat "
           "request fail with `unknown renderer \"<name>\"`; an unknown parser is silently "
           "ignored, so tool calls and thinking are left in the response text. The names "
           "grow with each Ollama release, so this is a warning.\n\n"
           "## Example\n```\nFROM qwen3-coder\nRENDERER qwen3coder\n```\n\n"
           "Use instead:\n```\nFROM qwen3-coder\nRENDERER qwen3-coder\n```\n",
    .check = check,
};

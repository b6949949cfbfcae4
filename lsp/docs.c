/* SPDX-License-Identifier: MIT */
/* Tables from the Modelfile reference (ollama-spec.md sections 1.4, 2.4 and
 * 2.10), as plain text: code is in backticks, as in every message of the
 * linter; lsp_docs_keyword_text() lays them out as Markdown or plain text. */
#include "docs.h"

#include <stdio.h>
#include <string.h>

static const lsp_keyword_doc_t keywords[] = {
    [MFL_INSTR_FROM] = {"FROM", "The base model: a model name, a GGUF file or a folder.",
        "Names the base model: a name from the Ollama library or store "
        "(`llama3.2`, `qwen3-coder:30b`), a GGUF file, or a Safetensors folder.",
        "every FROM is kept; files merge, the last model name wins, and a name "
        "beats files."},
    [MFL_INSTR_PARAMETER] = {"PARAMETER", "Sets a runtime or sampling option.",
        "`PARAMETER <name> <value>` sets an option of the model (`num_ctx`, "
        "`temperature`, `stop`, ...).",
        "the last value of a name wins, except `stop`, whose values accumulate. A "
        "name that is set replaces the inherited value entirely."},
    [MFL_INSTR_TEMPLATE] = {"TEMPLATE", "The prompt template (Go text/template).",
        "The full prompt template, in Go `text/template` syntax, with `{{ .System "
        "}}`, `{{ .Prompt }}`, `{{ .Messages }}` and friends.",
        "the last one wins. An empty TEMPLATE keeps the base model's."},
    [MFL_INSTR_SYSTEM] = {"SYSTEM", "The system message.",
        "The system message sent before the conversation, unless the request "
        "starts with its own.",
        "the last one wins. An empty SYSTEM keeps the base model's."},
    [MFL_INSTR_ADAPTER] = {"ADAPTER", "A LoRA adapter applied to the base model.",
        "A (Q)LoRA adapter, as a GGUF file or a Safetensors folder, relative to "
        "the Modelfile.",
        "the last one wins."},
    [MFL_INSTR_LICENSE] = {"LICENSE", "The model's license text.",
        "The legal license under which the model is shared.",
        "every LICENSE is kept, and added to the inherited ones."},
    [MFL_INSTR_MESSAGE] = {"MESSAGE", "A message of the conversation history.",
        "`MESSAGE <role> <text>` with role `system`, `user` or `assistant`: an "
        "example conversation the model starts from.",
        "all kept, in order; they replace the inherited messages."},
    [MFL_INSTR_RENDERER] = {"RENDERER", "The built-in prompt renderer to use.",
        "Selects one of Ollama's built-in renderers instead of a TEMPLATE (Ollama "
        "0.12 and later).",
        "the last one wins."},
    [MFL_INSTR_PARSER] = {"PARSER", "The built-in output parser to use.",
        "Selects one of Ollama's built-in output parsers (tool calls, thinking; "
        "Ollama 0.12 and later).",
        "the last one wins."},
    [MFL_INSTR_REQUIRES] = {"REQUIRES", "The minimum Ollama version.",
        "The minimum Ollama version the model needs, as a semantic version "
        "(Ollama 0.14 and later).",
        "the last one wins."},
    [MFL_INSTR_DRAFT] = {"DRAFT", "A draft model for speculative decoding.",
        "A smaller draft model for speculative decoding (Ollama 0.23.1 and "
        "later); see `draft_num_predict`.",
        "files merge."},
};

const lsp_keyword_doc_t *lsp_docs_keyword(mfl_instr_kind_t kind) {
    if ((size_t)kind >= sizeof(keywords) / sizeof(keywords[0]) || !keywords[kind].keyword)
        return NULL;
    return &keywords[kind];
}

char *lsp_docs_keyword_text(const lsp_keyword_doc_t *k, bool markdown) {
    char buf[2048];
    if (markdown)
        snprintf(buf, sizeof buf, "**%s**: %s\n\n%s\n\n**Repeats:** %s", k->keyword, k->summary,
                 k->meaning, k->repeats);
    else
        snprintf(buf, sizeof buf, "%s: %s\n\n%s\n\nRepeats: %s", k->keyword, k->summary, k->meaning,
                 k->repeats);
    return mfl_strndup(buf, strlen(buf));
}

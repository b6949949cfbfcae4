/* SPDX-License-Identifier: MIT */
/* Tables from the Modelfile reference (ollama-spec.md sections 1.4, 2.4 and
 * 2.10), as plain text: code is in backticks, as in every message of the
 * linter; lsp_docs_keyword_text() lays them out as Markdown or plain text.
 * The instructions' text is in the core's one instruction table
 * (lint/include/mfl_instructions.def). */
#include "docs.h"

#include <stdio.h>
#include <string.h>

static const lsp_keyword_doc_t keywords[] = {
#define MFL_INSTRUCTION(id, keyword, command, node, summary, meaning, repeats) \
    [MFL_INSTR_##id] = {keyword, summary, meaning, repeats},
#include "mfl_instructions.def"
#undef MFL_INSTRUCTION
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

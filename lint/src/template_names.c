/* SPDX-License-Identifier: MIT */
/* The TEMPLATE name table (see mfl_template.h): Ollama's template data
 * (template/template.go), text/template's keywords and builtins, and
 * Ollama's FuncMap. */
#include "mfl_template.h"

#include <string.h>

static const mfl_tmpl_name_t names[] = {
    {"System", MFL_TMPL_VARIABLE, "the system message", true, MFL_FACT_NONE},
    {"Prompt", MFL_TMPL_VARIABLE, "the user prompt", true, MFL_FACT_NONE},
    {"Response", MFL_TMPL_VARIABLE, "the model's response (generation starts here)", true,
     MFL_FACT_NONE},
    {"Suffix", MFL_TMPL_VARIABLE, "text after the insertion point (fill-in-the-middle)", true,
     MFL_FACT_T_FUNCS},
    {"Messages", MFL_TMPL_VARIABLE, "the conversation: a list of messages", true,
     MFL_FACT_T_MESSAGES},
    {"Tools", MFL_TMPL_VARIABLE, "the tools the request offers", true, MFL_FACT_T_FUNCS},
    {"Think", MFL_TMPL_VARIABLE, "whether thinking is enabled", true, MFL_FACT_T_THINK},
    {"ThinkLevel", MFL_TMPL_VARIABLE, "the requested thinking level", true,
     MFL_FACT_T_CURRENT_DATE},
    {"IsThinkSet", MFL_TMPL_VARIABLE, "whether the request set thinking", true, MFL_FACT_T_THINK},
    {"Role", MFL_TMPL_MESSAGE_FIELD, "inside range .Messages: system, user, assistant or tool",
     true, MFL_FACT_NONE},
    {"Content", MFL_TMPL_MESSAGE_FIELD, "inside range .Messages: the message text", true,
     MFL_FACT_NONE},
    {"Thinking", MFL_TMPL_MESSAGE_FIELD, "inside range .Messages: the model's thinking", true,
     MFL_FACT_NONE},
    {"Images", MFL_TMPL_MESSAGE_FIELD, "inside range .Messages: attached images", true,
     MFL_FACT_NONE},
    {"ToolCalls", MFL_TMPL_MESSAGE_FIELD, "inside range .Messages: the assistant's tool calls",
     true, MFL_FACT_NONE},
    {"ToolName", MFL_TMPL_MESSAGE_FIELD, "inside range .Messages: the tool a result is from", true,
     MFL_FACT_NONE},
    {"if", MFL_TMPL_KEYWORD, "{{ if pipeline }} ... {{ end }}", false, MFL_FACT_NONE},
    {"else", MFL_TMPL_KEYWORD, "{{ else }} or {{ else if pipeline }}", false, MFL_FACT_NONE},
    {"end", MFL_TMPL_KEYWORD, "{{ end }}", false, MFL_FACT_NONE},
    {"range", MFL_TMPL_KEYWORD, "{{ range pipeline }} ... {{ end }}", false, MFL_FACT_NONE},
    {"with", MFL_TMPL_KEYWORD, "{{ with pipeline }} ... {{ end }}", false, MFL_FACT_NONE},
    {"break", MFL_TMPL_KEYWORD, "{{ break }} (inside range)", false, MFL_FACT_NONE},
    {"continue", MFL_TMPL_KEYWORD, "{{ continue }} (inside range)", false, MFL_FACT_NONE},
    {"define", MFL_TMPL_KEYWORD, "{{ define \"name\" }} ... {{ end }}", false, MFL_FACT_NONE},
    {"template", MFL_TMPL_KEYWORD, "{{ template \"name\" pipeline }}", false, MFL_FACT_NONE},
    {"block", MFL_TMPL_KEYWORD, "{{ block \"name\" pipeline }} ... {{ end }}", false,
     MFL_FACT_NONE},
    {"and", MFL_TMPL_FUNCTION, "and x y", false, MFL_FACT_NONE},
    {"or", MFL_TMPL_FUNCTION, "or x y", false, MFL_FACT_NONE},
    {"not", MFL_TMPL_FUNCTION, "not x", false, MFL_FACT_NONE},
    {"eq", MFL_TMPL_FUNCTION, "eq x y", false, MFL_FACT_NONE},
    {"ne", MFL_TMPL_FUNCTION, "ne x y", false, MFL_FACT_NONE},
    {"lt", MFL_TMPL_FUNCTION, "lt x y", false, MFL_FACT_NONE},
    {"le", MFL_TMPL_FUNCTION, "le x y", false, MFL_FACT_NONE},
    {"gt", MFL_TMPL_FUNCTION, "gt x y", false, MFL_FACT_NONE},
    {"ge", MFL_TMPL_FUNCTION, "ge x y", false, MFL_FACT_NONE},
    {"len", MFL_TMPL_FUNCTION, "len x", false, MFL_FACT_NONE},
    {"index", MFL_TMPL_FUNCTION, "index x i", false, MFL_FACT_NONE},
    {"slice", MFL_TMPL_FUNCTION, "slice x i j", false, MFL_FACT_NONE},
    {"print", MFL_TMPL_FUNCTION, "print args", false, MFL_FACT_NONE},
    {"printf", MFL_TMPL_FUNCTION, "printf format args", false, MFL_FACT_NONE},
    {"println", MFL_TMPL_FUNCTION, "println args", false, MFL_FACT_NONE},
    {"call", MFL_TMPL_FUNCTION, "call fn args", false, MFL_FACT_NONE},
    {"html", MFL_TMPL_FUNCTION, "html x", false, MFL_FACT_NONE},
    {"js", MFL_TMPL_FUNCTION, "js x", false, MFL_FACT_NONE},
    {"urlquery", MFL_TMPL_FUNCTION, "urlquery x", false, MFL_FACT_NONE},
    {"json", MFL_TMPL_FUNCTION, "Ollama: x as JSON", true, MFL_FACT_T_FUNCS},
    {"currentDate", MFL_TMPL_FUNCTION, "Ollama: today's date", true, MFL_FACT_T_CURRENT_DATE},
    {"yesterdayDate", MFL_TMPL_FUNCTION, "Ollama: yesterday's date", true,
     MFL_FACT_T_YESTERDAY_DATE},
    {"toTypeScriptType", MFL_TMPL_FUNCTION, "Ollama: a tool schema as a TypeScript type", true,
     MFL_FACT_T_TO_TS_TYPE},
};

bool mfl_tmpl_name_at_version(const mfl_tmpl_name_t *e, mfl_version_t v) {
    return mfl_version_has(v, e->since);
}

size_t mfl_tmpl_name_count(void) { return sizeof names / sizeof names[0]; }

const mfl_tmpl_name_t *mfl_tmpl_name_at(size_t i) {
    return i < mfl_tmpl_name_count() ? &names[i] : NULL;
}

const mfl_tmpl_name_t *mfl_tmpl_name_find(const char *name, size_t n, mfl_tmpl_kind_t kind) {
    for (size_t i = 0; i < mfl_tmpl_name_count(); i++)
        if (names[i].kind == kind && strlen(names[i].name) == n &&
            memcmp(names[i].name, name, n) == 0)
            return &names[i];
    return NULL;
}

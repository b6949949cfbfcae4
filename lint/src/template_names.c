/* SPDX-License-Identifier: MIT */
/* The TEMPLATE name table (see mfl_template.h): Ollama's template data
 * (template/template.go), text/template's keywords and builtins, and
 * Ollama's FuncMap. */
#include "mfl_template.h"

#include <string.h>

static const mfl_tmpl_name_t names[] = {
    {"System", MFL_TMPL_VARIABLE, "the system message", true},
    {"Prompt", MFL_TMPL_VARIABLE, "the user prompt", true},
    {"Response", MFL_TMPL_VARIABLE, "the model's response (generation starts here)", true},
    {"Suffix", MFL_TMPL_VARIABLE, "text after the insertion point (fill-in-the-middle)", true},
    {"Messages", MFL_TMPL_VARIABLE, "the conversation: a list of messages", true},
    {"Tools", MFL_TMPL_VARIABLE, "the tools the request offers", true},
    {"Think", MFL_TMPL_VARIABLE, "whether thinking is enabled", true},
    {"ThinkLevel", MFL_TMPL_VARIABLE, "the requested thinking level", true},
    {"IsThinkSet", MFL_TMPL_VARIABLE, "whether the request set thinking", true},
    {"Role", MFL_TMPL_MESSAGE_FIELD, "inside range .Messages: system, user, assistant or tool", true},
    {"Content", MFL_TMPL_MESSAGE_FIELD, "inside range .Messages: the message text", true},
    {"Thinking", MFL_TMPL_MESSAGE_FIELD, "inside range .Messages: the model's thinking", true},
    {"Images", MFL_TMPL_MESSAGE_FIELD, "inside range .Messages: attached images", true},
    {"ToolCalls", MFL_TMPL_MESSAGE_FIELD, "inside range .Messages: the assistant's tool calls", true},
    {"ToolName", MFL_TMPL_MESSAGE_FIELD, "inside range .Messages: the tool a result is from", true},
    {"if", MFL_TMPL_KEYWORD, "{{ if pipeline }} ... {{ end }}", false},
    {"else", MFL_TMPL_KEYWORD, "{{ else }} or {{ else if pipeline }}", false},
    {"end", MFL_TMPL_KEYWORD, "{{ end }}", false},
    {"range", MFL_TMPL_KEYWORD, "{{ range pipeline }} ... {{ end }}", false},
    {"with", MFL_TMPL_KEYWORD, "{{ with pipeline }} ... {{ end }}", false},
    {"break", MFL_TMPL_KEYWORD, "{{ break }} (inside range)", false},
    {"continue", MFL_TMPL_KEYWORD, "{{ continue }} (inside range)", false},
    {"define", MFL_TMPL_KEYWORD, "{{ define \"name\" }} ... {{ end }}", false},
    {"template", MFL_TMPL_KEYWORD, "{{ template \"name\" pipeline }}", false},
    {"block", MFL_TMPL_KEYWORD, "{{ block \"name\" pipeline }} ... {{ end }}", false},
    {"and", MFL_TMPL_FUNCTION, "and x y", false},
    {"or", MFL_TMPL_FUNCTION, "or x y", false},
    {"not", MFL_TMPL_FUNCTION, "not x", false},
    {"eq", MFL_TMPL_FUNCTION, "eq x y", false},
    {"ne", MFL_TMPL_FUNCTION, "ne x y", false},
    {"lt", MFL_TMPL_FUNCTION, "lt x y", false},
    {"le", MFL_TMPL_FUNCTION, "le x y", false},
    {"gt", MFL_TMPL_FUNCTION, "gt x y", false},
    {"ge", MFL_TMPL_FUNCTION, "ge x y", false},
    {"len", MFL_TMPL_FUNCTION, "len x", false},
    {"index", MFL_TMPL_FUNCTION, "index x i", false},
    {"slice", MFL_TMPL_FUNCTION, "slice x i j", false},
    {"print", MFL_TMPL_FUNCTION, "print args", false},
    {"printf", MFL_TMPL_FUNCTION, "printf format args", false},
    {"println", MFL_TMPL_FUNCTION, "println args", false},
    {"call", MFL_TMPL_FUNCTION, "call fn args", false},
    {"html", MFL_TMPL_FUNCTION, "html x", false},
    {"js", MFL_TMPL_FUNCTION, "js x", false},
    {"urlquery", MFL_TMPL_FUNCTION, "urlquery x", false},
    {"json", MFL_TMPL_FUNCTION, "Ollama: x as JSON", true},
    {"currentDate", MFL_TMPL_FUNCTION, "Ollama: today's date", true},
    {"yesterdayDate", MFL_TMPL_FUNCTION, "Ollama: yesterday's date", true},
    {"toTypeScriptType", MFL_TMPL_FUNCTION, "Ollama: a tool schema as a TypeScript type", true},
};

size_t mfl_tmpl_name_count(void) { return sizeof names / sizeof names[0]; }

const mfl_tmpl_name_t *mfl_tmpl_name_at(size_t i) {
    return i < mfl_tmpl_name_count() ? &names[i] : NULL;
}

const mfl_tmpl_name_t *mfl_tmpl_name_find(const char *name, size_t n, mfl_tmpl_kind_t kind) {
    for (size_t i = 0; i < mfl_tmpl_name_count(); i++)
        if (names[i].kind == kind && strlen(names[i].name) == n && memcmp(names[i].name, name, n) == 0)
            return &names[i];
    return NULL;
}

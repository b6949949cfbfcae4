#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the template cases for the differential test (one per line:
ID <TAB> Go-quoted template) to stdout: hand-written cases for every
construct and error of Go's text/template parser and Ollama's extra check,
seed templates shaped like Ollama's chat templates (written for this
project), systematic mutations of those seeds, and random token soups from a
fixed seed. tools/gotmpl-oracle/regen.sh feeds them to the Go oracle."""
import json
import random
import re

def q(s):
    # A Go-quoted string: JSON with raw UTF-8 is a subset Go's Unquote reads.
    return json.dumps(s, ensure_ascii=False)

HAND = [
    # text, comments, trim markers
    "", "plain text", "a } b { c", "{{/* c */}}", "{{- /* c */ -}}", "{{/* c */ -}}  x",
    "{{/*\nmulti\nline*/}}\n{{ bad }}", "{{/* open", "{{/* c */ }}", "{{/* c */x}}",
    "a\n  {{- .Prompt -}}  \nb", "{{-.Prompt}}", "{{ .Prompt-}}", "{{-3}}", "{{ 3 -}}",
    "{{- 3 -}}", "{{\t-\t}}", "x {{- }}",
    # fields and variables
    "{{ .Prompt }}", "{{ .System }}{{ .Prompt }}{{ .Response }}", "{{ . }}", "{{ .é }}",
    "{{ .Ünicode }}", "{{ .x9_ }}", "{{ .A.B.C }}", "{{ .A .B }}", "{{ .A.B.C.D }}",
    "{{ $ }}", "{{ $.Prompt }}", "{{ $x }}", "{{ $x := 1 }}{{ $x }}", "{{ $x = 1 }}",
    "{{ $x := 1 }}{{ $x = 2 }}{{ $x }}", "{{ $x := .A }}{{ $x.B }}", "{{ $é := 1 }}{{ $é }}",
    "{{ if $x := .A }}{{ $x }}{{ end }}{{ $x }}", "{{ range $i, $m := .Messages }}{{ $i }}{{ $m }}{{ end }}",
    "{{ range $i, $m := .Messages }}{{ end }}{{ $m }}", "{{ range $i := .Messages }}{{ $i }}{{ end }}",
    "{{ range $i, $m, $z := .Messages }}{{ end }}", "{{ range $i, 1 }}{{ end }}", "{{ with $x, $y := 1 }}{{ end }}",
    "{{ $x, $y := 1 }}", "{{ define \"a\" }}{{ $x }}{{ end }}", "{{ $x := 1 }}{{ define \"a\" }}{{ $x }}{{ end }}",
    "{{ $x := 1 }}{{ block \"a\" . }}{{ $x }}{{ end }}", "{{ .A.$x }}", "{{ $x.1 }}", "{{ $.A.B }}",
    "{{ $ := 1 }}", "{{ $x := $ }}", "{{ $1 }}", "{{ $x:=1 }}{{$x}}", "{{ $x := }}", "{{ := 1 }}",
    "{{ $x ; }}", "{{ $x : 1 }}", "{{ .A:B }}", "{{ .A, }}", "{{ , }}",
    # literals
    "{{ 1 }}", "{{ -1 }}", "{{ +1 }}", "{{ 1.5 }}", "{{ .5 }}", "{{ 5. }}", "{{ 1e3 }}", "{{ 1e }}",
    "{{ 0x1F }}", "{{ 0X1f }}", "{{ 0o17 }}", "{{ 0b101 }}", "{{ 0b102 }}", "{{ 089 }}", "{{ 08.5 }}",
    "{{ 1_000 }}", "{{ 1__0 }}", "{{ _1 }}", "{{ 1_ }}", "{{ 0x_1F }}", "{{ 0x1p-2 }}", "{{ 0x1.8p1 }}",
    "{{ 0x1.8 }}", "{{ 1i }}", "{{ 2.5i }}", "{{ 0x2i }}", "{{ 1+2i }}", "{{ 1-2i }}", "{{ 1+2 }}",
    "{{ 1+i }}", "{{ 1e3+2.5e-1i }}", "{{ 99999999999999999999 }}", "{{ -99999999999999999999 }}",
    "{{ 18446744073709551615 }}", "{{ 18446744073709551616 }}", "{{ -9223372036854775808 }}",
    "{{ 1e400 }}", "{{ 1.7976931348623157e308 }}", "{{ 1x }}", "{{ 1.2.3 }}", "{{ . 1 }}", "{{ .1 }}",
    "{{ - }}", "{{ + }}", "{{ -. }}", "{{ . }}", "{{ .}}", "{{.}}",
    "{{ \"s\" }}", "{{ \"a\\\"b\" }}", "{{ \"\\n\\t\\\\\" }}", "{{ \"\\q\" }}", "{{ \"\\x4\" }}",
    "{{ \"\\x41\" }}", "{{ \"\\u00e9\" }}", "{{ \"\\ud800\" }}", "{{ \"\\U0010FFFF\" }}", "{{ \"\\U00110000\" }}",
    "{{ \"\\101\" }}", "{{ \"\\400\" }}", "{{ \"\\'\" }}", "{{ \"abc }}", "{{ \"a\nb\" }}", "{{ `raw` }}",
    "{{ `raw\nline` }}", "{{ `open }}", "{{ 'a' }}", "{{ '\\n' }}", "{{ 'ab' }}", "{{ '' }}", "{{ '\\'' }}",
    "{{ '\\\"' }}", "{{ 'a }}", "{{ '\\x41' }}", "{{ '\\u00e9' }}", "{{ 'é' }}", "{{ true }}", "{{ false }}",
    "{{ nil }}", "{{ true.X }}", "{{ \"s\".X }}", "{{ 1.X }}", "{{ nil.X }}", "{{ ..X }}", "{{ (1).X }}",
    "{{ (.A).B }}", "{{ (.Prompt).X }}", "{{ json.X }}",
    # functions
    "{{ Prompt }}", "{{ .Prompt | upper }}", "{{ json .Tools }}", "{{ currentDate }}",
    "{{ yesterdayDate }}", "{{ toTypeScriptType . }}", "{{ printf \"%s\" .A }}", "{{ len .Messages }}",
    "{{ index .Messages 0 }}", "{{ slice .A 1 2 }}", "{{ and 1 2 }}", "{{ or 1 2 }}", "{{ not 1 }}",
    "{{ eq 1 2 }}{{ ne 1 2 }}{{ lt 1 2 }}{{ le 1 2 }}{{ gt 1 2 }}{{ ge 1 2 }}", "{{ html 1 }}{{ js 1 }}{{ urlquery 1 }}",
    "{{ call .F }}", "{{ print }}{{ println }}", "{{ template }}", "{{ break }}", "{{ continue }}",
    "{{ define }}", "{{ block }}", "{{ if }}", "{{ with }}", "{{ range }}", "{{ else }}", "{{ end }}",
    "{{ true | printf }}", "{{ .A | 1 }}", "{{ .A | \"s\" }}", "{{ .A | . }}", "{{ .A | nil }}",
    "{{ .A | true }}", "{{ .A | .B }}", "{{ .A | $ }}", "{{ .A | (.B) }}", "{{ .A | }}", "{{ | .A }}",
    "{{ .A || .B }}", "{{ .A | printf \"%s\" | printf \"%s\" }}", "{{ 1 | printf \"%d\" | 2 }}",
    # parentheses
    "{{ (.A) }}", "{{ ((.A)) }}", "{{ ( ) }}", "{{ (.A }}", "{{ .A) }}", "{{ ) }}", "{{ (.A)) }}",
    "{{ ( .A | printf \"%s\" ) }}", "{{ printf \"%s\" (len .A) }}", "{{ (printf) .A }}", "{{ ($x := 1) }}",
    "{{ $x := (1) }}", "{{ (\n.A\n) }}",
    # control structure
    "{{ if .A }}a{{ end }}", "{{ if .A }}a{{ else }}b{{ end }}", "{{ if .A }}a{{ else if .B }}b{{ end }}",
    "{{ if .A }}a{{ else if .B }}b{{ else }}c{{ end }}", "{{ if .A }}a{{ else }}b{{ else }}c{{ end }}",
    "{{ if .A }}a{{ else if }}b{{ end }}", "{{ if .A }}", "{{ if .A }}{{ if .B }}{{ end }}",
    "{{ if .A }}a{{ end }}{{ end }}", "{{ if .A }}a{{ else }}", "{{ if .A }}{{ else }}{{ end }}{{ else }}",
    "{{ if .A }}a{{ else x }}b{{ end }}", "{{ if .A }}a{{ end x }}", "{{ if .A b }}x{{ end }}",
    "{{ range .Messages }}{{ .Role }}{{ end }}", "{{ range .Messages }}{{ break }}{{ end }}",
    "{{ range .Messages }}{{ continue }}{{ end }}", "{{ range .M }}{{ else }}{{ break }}{{ end }}",
    "{{ range .M }}{{ if .X }}{{ break }}{{ end }}{{ end }}", "{{ range .M }}{{ define \"x\" }}{{ end }}{{ end }}",
    "{{ range .M }}{{ block \"x\" . }}{{ break }}{{ end }}{{ end }}", "{{ range .M }}{{ break x }}{{ end }}",
    "{{ range .M }}{{ else if .X }}{{ end }}", "{{ range .M }}a{{ else }}b{{ end }}",
    "{{ with .Tools }}{{ json . }}{{ end }}", "{{ with .A }}a{{ else }}b{{ end }}",
    "{{ with .A }}a{{ else if .B }}b{{ end }}", "{{ with .A }}{{ end }}{{ with }}{{ end }}",
    "{{ define \"x\" }}a{{ end }}{{ template \"x\" . }}", "{{ define \"x\" }}a{{ end }}{{ template \"x\" }}",
    "{{ template \"x\" }}", "{{ template \"x\" . }}", "{{ template x . }}", "{{ template \"x\" . . }}",
    "{{ template `x` . }}", "{{ template \"\\q\" . }}", "{{ if .A }}{{ template \"x\" }}{{ end }}",
    "{{ define \"x\" }}{{ template \"y\" }}{{ end }}", "{{ block \"x\" . }}{{ template \"y\" }}{{ end }}",
    "{{ define \"x\" }}a{{ end }}{{ define \"x\" }}b{{ end }}", "{{ define \"x\" }}a{{ end }}{{ define \"x\" }} {{ end }}",
    "{{ define \"x\" }} {{ end }}{{ define \"x\" }}b{{ end }}", "{{ define \"\" }}a{{ end }}b",
    "{{ define \"\" }}a{{ end }}", "{{ define \"\" }}a{{ end }} ", "{{ block \"x\" . }}a{{ end }}{{ define \"x\" }}b{{ end }}",
    "{{ define \"x\" }}b{{ end }}{{ block \"x\" . }}a{{ end }}", "{{ block \"x\" }}a{{ end }}",
    "{{ block \"x\" . }}a{{ else }}b{{ end }}", "{{ define \"x\" }}a{{ else }}b{{ end }}",
    "{{ define \"x\" . }}a{{ end }}", "{{ define x }}a{{ end }}", "{{ define \"x\" }}",
    "{{ if .A }}{{ define \"x\" }}{{ end }}{{ end }}", "{{ block \"x\" . }}{{ block \"y\" . }}{{ end }}{{ end }}",
    "{{- define \"x\" -}}a{{- end -}}", "x\n{{ define \"y\" }}\n{{ .A }}\n{{ end }}\n{{ end }}",
    "{{ else if .A }}", "{{ if .A }}{{ else with .B }}{{ end }}",
    # lexer errors
    "{{ .Prompt }", "{{ .Prompt ", "{{", "}}", "{{ @ }}", "{{ # }}", "{{ ; }}", "{{ .A@ }}",
    "{{ a@ }}", "{{ $x@ }}", "{{ → }}", "{{ \u0007 }}", "{{ \u00a0 }}", "{{ é }}", "{{ if→ }}",
    "{{ .A!B }}", "{{ 1a }}", "{{ 0xg }}", "{{ .A }}{{ .B", "line1\nline2\n{{ if .A }}\n{{ .B", "{{ .A\n.B }}",
    "{{ \"a\" \"b\" }}", "{{ .A = 1 }}", "{{ 1 := 2 }}", "{{ $x := 1 := 2 }}",
    # Jinja and other mistakes seen in Modelfiles
    "{% if x %}{{ x }}{% endif %}", "{{ messages }}", "{{ .prompt }}", "{{ bos_token }}{{ .Prompt }}",
    "{{ if .System }}{{ .System }}\n{{ .Prompt }}", "<|user|>{{ .Prompt }}<|end|><|assistant|>",
    "{{ .Prompt }}{{ .Response }}{{ .Suffix }}", "{{ if .Tools }}{{ range .Tools }}{{ . }}{{ end }}{{ end }}",
]

SEEDS = [
    "{{ if .System }}<|system|>\n{{ .System }}<|end|>\n{{ end }}{{ if .Prompt }}<|user|>\n{{ .Prompt }}<|end|>\n{{ end }}<|assistant|>\n{{ .Response }}<|end|>",
    "{{- range $i, $_ := .Messages }}\n{{- $last := eq (len (slice $.Messages $i)) 1 }}\n{{- if eq .Role \"user\" }}[INST] {{ .Content }} [/INST]\n{{- else if eq .Role \"assistant\" }} {{ .Content }}{{ if not $last }}</s>{{ end }}\n{{- end }}\n{{- end }}",
    "{{- if .Messages }}\n{{- if or .System .Tools }}<|start|>system\n{{ if .System }}{{ .System }}{{ end }}\n{{- if .Tools }}\nTools: {{ json .Tools }}\n{{- end }}<|end|>\n{{- end }}\n{{- range .Messages }}<|start|>{{ .Role }}\n{{ .Content }}<|end|>\n{{ end }}<|start|>assistant\n{{ else }}{{ .Prompt }}{{ end }}",
    "{{ if .System }}### System:\n{{ .System }}\n\n{{ end }}### User:\n{{ .Prompt }}\n\n### Response:\n",
    "{{- range .Messages }}{{- if eq .Role \"tool\" }}<tool_response>{{ .Content }}</tool_response>{{- else }}<|im_start|>{{ .Role }}\n{{ .Content }}{{ range .ToolCalls }}<tool_call>{\"name\": \"{{ .Function.Name }}\", \"arguments\": {{ .Function.Arguments }}}</tool_call>{{ end }}<|im_end|>\n{{ end }}{{- end }}<|im_start|>assistant\n",
    "{{ define \"sys\" }}{{ if .System }}SYS: {{ .System }}{{ end }}{{ end }}{{ template \"sys\" . }}{{ block \"turn\" . }}U: {{ .Prompt }}{{ end }}A: {{ .Response }}",
    "{{- with .Tools }}{{ range . }}{{ .Function.Name }}: {{ .Function.Description }}\n{{ end }}{{ end -}}\n{{ if .Think }}<think>{{ end }}{{ .Prompt }}",
    "<start>{{ currentDate }} {{ yesterdayDate }}{{ range $k, $v := .Tools }}{{ $k }}={{ toTypeScriptType $v }}{{ end }}{{ .Prompt }}",
]

def mutations(seed):
    out = []
    actions = [(m.start(), m.end()) for m in re.finditer(r"\{\{.*?\}\}", seed, re.S)]
    for a, b in actions:
        out.append(seed[:a] + seed[b:])                # drop an action
        out.append(seed[:b - 2] + seed[b:])            # drop its closing delimiter
        out.append(seed[:a] + seed[a + 2:])            # drop its opening delimiter
        out.append(seed[:b] + seed[a:b] + seed[b:])    # say it twice
        inner = seed[a:b]
        for kw, rep in (("if", "range"), ("range", "with"), ("end", "else"), ("else", "end"),
                        ("eq", "equal"), (".Role", ".role"), ("$", "$y"), ("(", ""), (")", ""),
                        ("\"", "'"), (" ", "")):
            if kw in inner:
                out.append(seed[:a] + inner.replace(kw, rep, 1) + seed[b:])
    for k in range(0, len(seed), 7):
        out.append(seed[:k])                           # cut short
    return out

VOCAB = [".", ".Prompt", ".System", ".Messages", ".Role", ".é", "$", "$x", "$y", ":=", "=", "|", "(", ")",
         "\"s\"", "`r`", "'c'", "1", "-1", "0x1F", "1e3", "1+2i", "true", "nil", "if", "else", "end",
         "range", "with", "define", "template", "block", "break", "continue", "and", "eq", "json", "len",
         "printf", "foo", ",", " ", " ", " ", "\n", "-", "@", "é", "/*c*/", "\"", "'", "}", "{"]

def soup(rng):
    parts = []
    for _ in range(rng.randint(1, 4)):
        if rng.random() < 0.3:
            parts.append(rng.choice(["x", "\n", " ", "text\n", "}", "{"]))
        left = rng.choice(["{{", "{{", "{{- ", "{{ "])
        toks = [rng.choice(VOCAB) for _ in range(rng.randint(0, 5))]
        right = rng.choice(["}}", "}}", " -}}", " }}", "", "}"])
        parts.append(left + " ".join(toks) + right)
    return "".join(parts)

def main():
    seen = set()
    cases = []
    def add(kind, s):
        # `else with` is read differently by Go 1.19 (the oracle) and by the
        # Go Ollama builds with: those cases are in overrides.tsv.
        if re.search(r"else\s+with", s) or s in seen:
            return
        seen.add(s)
        cases.append((kind, s))
    for s in HAND:
        add("hand", s)
    for i, s in enumerate(SEEDS):
        add("seed", s)
    for s in SEEDS:
        for m in mutations(s):
            add("mut", m)
    rng = random.Random(20260901)
    for _ in range(2500):
        add("soup", soup(rng))
    n = {}
    for kind, s in cases:
        n[kind] = n.get(kind, 0) + 1
        print(f"{kind}-{n[kind]:04d}\t{q(s)}")

main()

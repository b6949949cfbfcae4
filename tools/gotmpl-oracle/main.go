// SPDX-License-Identifier: MIT
//
// gotmpl-oracle: how Ollama's template.Parse answers each template it is
// given. It compiles the template the way Ollama's template/template.go
// does (text/template.New("").Option("missingkey=zero") with Ollama's four
// extra functions), then walks every parsed template the way Ollama's
// Identifiers does: a {{ template }} without a pipeline fails with
// "undefined template specified", and the field and variable names it sees
// (lower-cased) tell whether the template uses .Prompt, .Messages and
// .Response. Written for this project from reading those sources.
//
// Input, one case per line: ID <TAB> Go-quoted template.
// Output, one line per case: ID <TAB> ok|error <TAB> Go-quoted error <TAB> vars
// where vars lists prompt, messages, response (comma-separated) when the
// template parses.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"
)

var funcs = template.FuncMap{
	"json":             func(v any) string { return "" },
	"currentDate":      func(args ...string) string { return "" },
	"yesterdayDate":    func(args ...string) string { return "" },
	"toTypeScriptType": func(v any) string { return "" },
}

type walkErr string

func (e walkErr) Error() string { return string(e) }

// names collects what Ollama's Identifiers returns for node n.
func names(n parse.Node) ([]string, error) {
	switch n := n.(type) {
	case *parse.ListNode:
		var out []string
		for _, c := range n.Nodes {
			v, err := names(c)
			if err != nil {
				return out, err
			}
			out = append(out, v...)
		}
		return out, nil
	case *parse.TemplateNode:
		if n.Pipe == nil {
			return nil, walkErr("undefined template specified")
		}
		return names(n.Pipe)
	case *parse.ActionNode:
		if n.Pipe == nil {
			return nil, walkErr("undefined action in template")
		}
		return names(n.Pipe)
	case *parse.IfNode:
		return branch(&n.BranchNode)
	case *parse.RangeNode:
		return branch(&n.BranchNode)
	case *parse.WithNode:
		return branch(&n.BranchNode)
	case *parse.PipeNode:
		var out []string
		for _, c := range n.Cmds {
			for _, a := range c.Args {
				v, err := names(a)
				if err != nil {
					return out, err
				}
				out = append(out, v...)
			}
		}
		return out, nil
	case *parse.FieldNode:
		return n.Ident, nil
	case *parse.VariableNode:
		return n.Ident, nil
	}
	return nil, nil
}

func branch(b *parse.BranchNode) ([]string, error) {
	if b.Pipe == nil {
		return nil, walkErr("undefined branch")
	}
	out, err := names(b.Pipe)
	if err != nil {
		return out, err
	}
	for _, l := range []*parse.ListNode{b.List, b.ElseList} {
		if l != nil {
			v, err := names(l)
			if err != nil {
				return out, err
			}
			out = append(out, v...)
		}
	}
	return out, nil
}

func check(src string) (string, string) {
	t, err := template.New("").Option("missingkey=zero").Funcs(funcs).Parse(src)
	if err != nil {
		return err.Error(), ""
	}
	seen := map[string]bool{}
	// Every template in the set, in a fixed order (Go's map order is random;
	// the walk can fail only one way, so the order does not change the answer).
	ts := t.Templates()
	sort.Slice(ts, func(i, j int) bool { return ts[i].Name() < ts[j].Name() })
	for _, tt := range ts {
		if tt.Tree == nil || tt.Root == nil {
			continue
		}
		for _, n := range tt.Root.Nodes {
			v, err := names(n)
			if err != nil {
				return err.Error(), ""
			}
			for _, s := range v {
				seen[strings.ToLower(s)] = true
			}
		}
	}
	var vars []string
	for _, s := range []string{"prompt", "messages", "response"} {
		if seen[s] {
			vars = append(vars, s)
		}
	}
	return "", strings.Join(vars, ",")
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		line := in.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		id, q, ok := strings.Cut(line, "\t")
		if !ok {
			fmt.Fprintf(os.Stderr, "gotmpl-oracle: bad line %q\n", line)
			os.Exit(2)
		}
		src, err := strconv.Unquote(q)
		if err != nil {
			fmt.Fprintf(os.Stderr, "gotmpl-oracle: %s: bad quoting: %v\n", id, err)
			os.Exit(2)
		}
		msg, vars := check(src)
		verdict := "ok"
		if msg != "" {
			verdict = "error"
		}
		fmt.Fprintf(out, "%s\t%s\t%s\t%s\n", id, verdict, strconv.Quote(msg), vars)
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "gotmpl-oracle:", err)
		os.Exit(2)
	}
}

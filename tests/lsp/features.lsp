# Features on a pull client: hover on FROM and on a rule code in a
# suppression comment, completion (TEMPLATE actions, bool values, MESSAGE
# roles, PARAMETER names), folding, and formatting that leaves comments and
# quoted values alone and is idempotent.
>>>
{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {"textDocument": {"diagnostic": {}, "hover": {"contentFormat": ["markdown"]}, "foldingRange": {"lineFoldingOnly": true}, "completion": {"completionItem": {"documentationFormat": ["markdown"]}}}}}}
<<<
{"jsonrpc":"2.0","id":1,"result":"<any>"}
>>>
{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///feat/Modelfile", "languageId": "modelfile", "version": 1, "text": "# A comment block\n# of two lines   \nfrom   qwen3-coder:30b\t\n# modelfile-lint: ignore=MF301\nPARAMETER num_ctx 131072\nTEMPLATE \"\"\"{{ if .System }}  \n{{ .Sy }}\n\"\"\"\nmessage user \"hi\"\nPARAMETER use_mmap \nMESSAGE \n"}}}
# The bare MESSAGE at the end is an error (other rules may report more).
>>>
{"jsonrpc": "2.0", "id": 2, "method": "textDocument/diagnostic", "params": {"textDocument": {"uri": "file:///feat/Modelfile"}}}
<<<
{"jsonrpc": "2.0", "id": 2, "result": {"kind": "full", "resultId": "<any>", "items": ["<some>", {"range": {"start": {"line": 10, "character": 0}, "end": {"line": 10, "character": 7}}, "severity": 1, "source": "modelfile-lint", "code": "MF002", "message": "<any>", "codeDescription": "<any>", "data": {"rule": "invalid-instruction"}}]}}
>>>
{"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///feat/Modelfile"}, "position": {"line": 2, "character": 10}}}
<<<
{"jsonrpc": "2.0", "id": 3, "result": {"contents": {"kind": "markdown", "value": "<notable>- **Native context:** 262,144 tokens"}, "range": {"start": {"line": 2, "character": 7}, "end": {"line": 2, "character": 22}}}}
>>>
{"jsonrpc": "2.0", "id": 4, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///feat/Modelfile"}, "position": {"line": 3, "character": 27}}}
<<<
{"jsonrpc": "2.0", "id": 4, "result": {"contents": {"kind": "markdown", "value": "<contains>**MF301** `num-ctx-below-native`"}, "range": {"start": {"line": 3, "character": 27}, "end": {"line": 3, "character": 27}}}}
>>>
{"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///feat/Modelfile"}, "position": {"line": 4, "character": 2}}}
<<<
{"jsonrpc": "2.0", "id": 5, "result": {"contents": {"kind": "markdown", "value": "<contains>stop`, whose values accumulate"}, "range": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 9}}}}
# Inside {{ }} of the TEMPLATE: variables and functions, replacing ".Sy".
>>>
{"jsonrpc": "2.0", "id": 6, "method": "textDocument/completion", "params": {"textDocument": {"uri": "file:///feat/Modelfile"}, "position": {"line": 6, "character": 6}}}
<<<
{"jsonrpc": "2.0", "id": 6, "result": {"isIncomplete": false, "items": ["<some>", {"label": ".System", "kind": 6, "detail": "the system message", "textEdit": {"range": {"start": {"line": 6, "character": 3}, "end": {"line": 6, "character": 6}}, "newText": ".System"}}, {"label": "range", "kind": 14, "detail": "<any>", "textEdit": {"range": {"start": {"line": 6, "character": 3}, "end": {"line": 6, "character": 6}}, "newText": "range"}}]}}
# Outside the braces of a TEMPLATE: nothing.
>>>
{"jsonrpc": "2.0", "id": 7, "method": "textDocument/completion", "params": {"textDocument": {"uri": "file:///feat/Modelfile"}, "position": {"line": 7, "character": 0}}}
<<<
{"jsonrpc": "2.0", "id": 7, "result": {"isIncomplete": false, "items": []}}
>>>
{"jsonrpc": "2.0", "id": 8, "method": "textDocument/completion", "params": {"textDocument": {"uri": "file:///feat/Modelfile"}, "position": {"line": 9, "character": 19}}}
<<<
{"jsonrpc": "2.0", "id": 8, "result": {"isIncomplete": false, "items": [{"label": "true", "kind": 12, "detail": "bool", "textEdit": {"range": {"start": {"line": 9, "character": 19}, "end": {"line": 9, "character": 19}}, "newText": "true"}}, {"label": "false", "kind": 12, "detail": "bool", "textEdit": {"range": {"start": {"line": 9, "character": 19}, "end": {"line": 9, "character": 19}}, "newText": "false"}}]}}
>>>
{"jsonrpc": "2.0", "id": 9, "method": "textDocument/completion", "params": {"textDocument": {"uri": "file:///feat/Modelfile"}, "position": {"line": 10, "character": 8}}}
<<<
{"jsonrpc": "2.0", "id": 9, "result": {"isIncomplete": false, "items": [{"label": "system", "kind": 20, "detail": "role", "textEdit": {"range": {"start": {"line": 10, "character": 8}, "end": {"line": 10, "character": 8}}, "newText": "system"}}, {"label": "user", "kind": 20, "detail": "role", "textEdit": {"range": {"start": {"line": 10, "character": 8}, "end": {"line": 10, "character": 8}}, "newText": "user"}}, {"label": "assistant", "kind": 20, "detail": "role", "textEdit": {"range": {"start": {"line": 10, "character": 8}, "end": {"line": 10, "character": 8}}, "newText": "assistant"}}]}}
>>>
{"jsonrpc": "2.0", "id": 10, "method": "textDocument/completion", "params": {"textDocument": {"uri": "file:///feat/Modelfile"}, "position": {"line": 4, "character": 12}}}
<<<
{"jsonrpc": "2.0", "id": 10, "result": {"isIncomplete": false, "items": ["<some>", {"label": "num_ctx", "kind": 10, "detail": "load-time option", "documentation": {"kind": "markdown", "value": "<notable>- **Default:** VRAM tier"}, "textEdit": {"range": {"start": {"line": 4, "character": 10}, "end": {"line": 4, "character": 12}}, "newText": "num_ctx"}}, {"label": "temperature", "kind": 10, "detail": "sampling option", "documentation": "<any>", "textEdit": {"range": {"start": {"line": 4, "character": 10}, "end": {"line": 4, "character": 12}}, "newText": "temperature"}}]}}
# Folding: the multi-line TEMPLATE and the comment block.
>>>
{"jsonrpc": "2.0", "id": 11, "method": "textDocument/foldingRange", "params": {"textDocument": {"uri": "file:///feat/Modelfile"}}}
<<<
{"jsonrpc": "2.0", "id": 11, "result": [{"startLine": 5, "endLine": 7}, {"startLine": 0, "endLine": 1, "kind": "comment"}]}
# Formatting: keywords, the tab-and-spaces gap after `from`, trailing
# whitespace; the comment's and the TEMPLATE's trailing spaces stay. So does
# the blank after `PARAMETER use_mmap` (Ollama reads it as the empty value;
# without it, "unexpected EOF"), and nothing from the bare MESSAGE (the
# first syntax error) on is touched: Ollama's error would change.
>>>
{"jsonrpc": "2.0", "id": 12, "method": "textDocument/formatting", "params": {"textDocument": {"uri": "file:///feat/Modelfile"}, "options": {"tabSize": 4, "insertSpaces": true}}}
<<<
{"jsonrpc": "2.0", "id": 12, "result": [{"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 4}}, "newText": "FROM"}, {"range": {"start": {"line": 2, "character": 4}, "end": {"line": 2, "character": 7}}, "newText": " "}, {"range": {"start": {"line": 2, "character": 22}, "end": {"line": 2, "character": 23}}, "newText": ""}, {"range": {"start": {"line": 8, "character": 0}, "end": {"line": 8, "character": 7}}, "newText": "MESSAGE"}]}
>>>
{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///feat/Modelfile", "version": 2}, "contentChanges": [{"text": "# A comment block\n# of two lines   \nFROM qwen3-coder:30b\n# modelfile-lint: ignore=MF301\nPARAMETER num_ctx 131072\nTEMPLATE \"\"\"{{ if .System }}  \n{{ .Sy }}\n\"\"\"\nMESSAGE user \"hi\"\nPARAMETER use_mmap\nMESSAGE\n"}]}}
>>>
{"jsonrpc": "2.0", "id": 13, "method": "textDocument/formatting", "params": {"textDocument": {"uri": "file:///feat/Modelfile"}, "options": {"tabSize": 4, "insertSpaces": true}}}
<<<
{"jsonrpc":"2.0","id":13,"result":[]}
>>>
{"jsonrpc":"2.0","id":14,"method":"shutdown"}
<<<
{"jsonrpc":"2.0","id":14,"result":null}
>>>
{"jsonrpc":"2.0","method":"exit"}
<<< exit 0

# Hover for a client that takes only plain text (Vim's ALE, eglot without
# markdown-mode: hover.contentFormat ["plaintext"], or no hover capability at
# all): kind plaintext and no Markdown markup in the value (no bold, tables,
# headings, fences or rules) on FROM, num_ctx, a keyword and a rule code.
>>>
{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {"textDocument": {"hover": {"contentFormat": ["plaintext"]}}}}}
<<<
{"jsonrpc":"2.0","id":1,"result":"<any>"}
>>>
{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///hp/Modelfile", "languageId": "modelfile", "version": 1, "text": "FROM qwen3-coder:30b\n# modelfile-lint: ignore=MF301\nPARAMETER num_ctx 131072\n"}}}
<<<
{"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///hp/Modelfile", "diagnostics": []}}
>>>
{"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///hp/Modelfile"}, "position": {"line": 0, "character": 8}}}
<<<
{"jsonrpc": "2.0", "id": 2, "result": {"contents": {"kind": "plaintext", "value": "<plain>Native context"}, "range": "<any>"}}
>>>
{"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///hp/Modelfile"}, "position": {"line": 2, "character": 12}}}
<<<
{"jsonrpc": "2.0", "id": 3, "result": {"contents": {"kind": "plaintext", "value": "<plain>PARAMETER num_ctx (int, load-time option)"}, "range": "<any>"}}
>>>
{"jsonrpc": "2.0", "id": 4, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///hp/Modelfile"}, "position": {"line": 2, "character": 2}}}
<<<
{"jsonrpc": "2.0", "id": 4, "result": {"contents": {"kind": "plaintext", "value": "<plain>Repeats: the last value of a name wins"}, "range": "<any>"}}
>>>
{"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///hp/Modelfile"}, "position": {"line": 1, "character": 27}}}
<<<
{"jsonrpc": "2.0", "id": 5, "result": {"contents": {"kind": "plaintext", "value": "<plain>MF301 num-ctx-below-native: "}, "range": "<any>"}}
>>>
{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///hp/cloud/Modelfile", "languageId": "modelfile", "version": 1, "text": "FROM glm-5:cloud\nPARAMETER num_ctx 4096\n"}}}
<<<
{"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file:///hp/cloud/Modelfile", "diagnostics": []}}
>>>
{"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///hp/cloud/Modelfile"}, "position": {"line": 0, "character": 8}}}
<<<
{"jsonrpc": "2.0", "id": 7, "result": {"contents": {"kind": "plaintext", "value": "<plain>glm-5:cloud is a cloud model: ollama create makes a remote model"}, "range": "<any>"}}
>>>
{"jsonrpc": "2.0", "id": 6, "method": "shutdown"}
<<<
{"jsonrpc": "2.0", "id": 6, "result": null}
>>>
{"jsonrpc": "2.0", "method": "exit"}
<<< exit 0

# A pull client gets no pushed diagnostics while the document is open;
# textDocument/diagnostic answers "unchanged" for a result it already has.
>>>
{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"textDocument":{"diagnostic":{"dynamicRegistration":false}}}}}
<<<
{"jsonrpc":"2.0","id":1,"result":"<any>"}
>>>
{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///p/Modelfile","languageId":"modelfile","version":1,"text":"FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n"}}}
<<< quiet
>>>
{"jsonrpc":"2.0","id":2,"method":"textDocument/diagnostic","params":{"textDocument":{"uri":"file:///p/Modelfile"}}}
<<<
{"jsonrpc":"2.0","id":2,"result":{"kind":"full","resultId":"0","items":[{"code":"MF301","codeDescription":{"href":"<contains>#mf"},"range":"<any>","severity":2,"source":"modelfile-lint","message":"<any>","data":"<any>"}]}}
>>>
{"jsonrpc":"2.0","id":3,"method":"textDocument/diagnostic","params":{"textDocument":{"uri":"file:///p/Modelfile"},"previousResultId":"0"}}
<<<
{"jsonrpc":"2.0","id":3,"result":{"kind":"unchanged","resultId":"0"}}
>>>
{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///p/Modelfile","version":2},"contentChanges":[{"text":"FROM qwen3-coder:30b\nPARAMETER num_ctx 262144\n"}]}}
<<< quiet
>>>
{"jsonrpc":"2.0","id":4,"method":"textDocument/diagnostic","params":{"textDocument":{"uri":"file:///p/Modelfile"},"previousResultId":"0"}}
<<<
{"jsonrpc":"2.0","id":4,"result":{"kind":"full","resultId":"1","items":[]}}
>>>
{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"file:///p/Modelfile"}}}
<<<
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///p/Modelfile","diagnostics":[]}}
>>>
{"jsonrpc":"2.0","id":5,"method":"shutdown"}
<<<
{"jsonrpc":"2.0","id":5,"result":null}
>>>
{"jsonrpc":"2.0","method":"exit"}
<<< exit 0

# $/cancelRequest for a request still queued gets -32800; a cancel for a
# request already answered, or an unknown id, is ignored.
>>>
{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}
<<<
{"jsonrpc":"2.0","id":1,"result":"<any>"}
>>>
{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///c/Modelfile","languageId":"modelfile","version":1,"text":"FROM llama3.2\n"}}}
<<<
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///c/Modelfile","diagnostics":"<any>"}}
>>> batch
{"jsonrpc":"2.0","id":"h1","method":"textDocument/hover","params":{"textDocument":{"uri":"file:///c/Modelfile"},"position":{"line":0,"character":1}}}
{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"h1"}}
{"jsonrpc":"2.0","id":2,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///c/Modelfile"}}}
<<<
{"jsonrpc":"2.0","id":"h1","error":{"code":-32800,"message":"Request cancelled"}}
<<<
{"jsonrpc":"2.0","id":2,"result":[{"name":"FROM","kind":2,"location":{"uri":"file:///c/Modelfile","range":{"start":{"line":0,"character":0},"end":{"line":0,"character":13}}}}]}
>>>
{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":2}}
<<< quiet
>>>
{"jsonrpc":"2.0","id":3,"method":"shutdown"}
<<<
{"jsonrpc":"2.0","id":3,"result":null}
>>> eof
<<< exit 0

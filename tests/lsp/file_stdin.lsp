# stdin is a regular file (modelfile-lsp < file): the whole conversation is
# read from it, and the server exits at `exit` with status 0.
>>>
{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}
>>>
{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///f/Modelfile","languageId":"modelfile","version":1,"text":"FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n"}}}
>>>
{"jsonrpc":"2.0","id":2,"method":"shutdown"}
>>>
{"jsonrpc":"2.0","method":"exit"}
<<<
{"jsonrpc":"2.0","id":1,"result":"<any>"}
<<<
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///f/Modelfile","diagnostics":[{"code":"MF301","codeDescription":{"href":"<contains>#mf"},"range":"<any>","severity":2,"source":"modelfile-lint","message":"<any>","data":"<any>"}]}}
<<<
{"jsonrpc":"2.0","id":2,"result":null}
<<< exit 0

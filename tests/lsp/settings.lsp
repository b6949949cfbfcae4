# Settings: initializationOptions and workspace/didChangeConfiguration take
# the .modelfile-lint.json keys; a document's own folder config file wins.
# Run from tests/lsp, so config/project/.modelfile-lint.json exists.
>>>
{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{},"initializationOptions":{"settings":{"ignore":["MF301"]}}}}
<<<
{"jsonrpc":"2.0","id":1,"result":"<any>"}
>>>
{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///s/Modelfile","languageId":"modelfile","version":1,"text":"FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n"}}}
<<<
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///s/Modelfile","diagnostics":[]}}
# New settings re-lint the open documents.
>>>
{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"modelfile-lint":{"select":["MF3"]}}}}
<<<
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///s/Modelfile","diagnostics":[{"code":"MF301","codeDescription":{"href":"<contains>#mf"},"range":"<any>","severity":2,"source":"modelfile-lint","message":"<any>","data":"<any>"}]}}
# Bad settings are reported and the previous ones kept.
>>>
{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"ignore":42}}}
<<<
{"jsonrpc":"2.0","method":"window/logMessage","params":{"type":1,"message":"<any>"}}
<<<
{"jsonrpc":"2.0","method":"window/showMessage","params":{"type":1,"message":"<contains>modelfile-lint: settings:"}}
# A document under config/project: that folder's config (ignore MF301) is
# layered over the editor's settings (select MF3): MF301 is off, and the
# MESSAGE role error (MF006) stays unselected.
>>>
{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file://CWD/config/project/Modelfile","languageId":"modelfile","version":1,"text":"FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\nMESSAGE User hi\n"}}}
<<<
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"<any>","diagnostics":[]}}
>>>
{"jsonrpc":"2.0","id":2,"method":"shutdown"}
<<<
{"jsonrpc":"2.0","id":2,"result":null}
>>>
{"jsonrpc":"2.0","method":"exit"}
<<< exit 0

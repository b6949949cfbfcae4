# Lifecycle: -32002 before initialize, notifications dropped, capabilities,
# -32601 for unknown requests, -32602 for bad params, -32600 after shutdown,
# exit after shutdown gives status 0.
>>>
{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}
<<<
{"jsonrpc":"2.0","id":1,"error":{"code":-32002,"message":"Server not initialized"}}
>>>
{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///x/Modelfile","languageId":"modelfile","version":1,"text":"FROM x\n"}}}
<<< quiet
>>>
{"jsonrpc":"2.0","id":"init","method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{"textDocument":{"codeAction":{"codeActionLiteralSupport":{"codeActionKind":{"valueSet":["quickfix","source"]}}}}}}}
<<<
{"jsonrpc":"2.0","id":"init","result":{
  "capabilities":{
    "positionEncoding":"utf-16",
    "textDocumentSync":{"openClose":true,"change":2,"save":{"includeText":false}},
    "diagnosticProvider":{"identifier":"modelfile-lint","interFileDependencies":false,"workspaceDiagnostics":false},
    "hoverProvider":true,
    "completionProvider":{"triggerCharacters":[" ",".","{","=",":"],"resolveProvider":false},
    "documentFormattingProvider":true,
    "documentSymbolProvider":true,
    "foldingRangeProvider":true,
    "experimental":{"modelfileLintRequests":["modelfile-lint/context","modelfile-lint/hardware","modelfile-lint/models","modelfile-lint/query"]},"semanticTokensProvider":{"legend":{"tokenTypes":["keyword","property","enumMember","string","number","comment"],"tokenModifiers":[]},"full":true},
    "codeActionProvider":{"codeActionKinds":["quickfix","source.fixAll.modelfile-lint"],"resolveProvider":false}},
  "serverInfo":{"name":"modelfile-lsp","version":"<any>"}}}
>>>
{"jsonrpc":"2.0","method":"initialized","params":{}}
>>>
{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"capabilities":{}}}
<<<
{"jsonrpc":"2.0","id":2,"error":{"code":-32600,"message":"Already initialized"}}
>>>
{"jsonrpc":"2.0","id":3,"method":"textDocument/unknownThing","params":{}}
<<<
{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"Unhandled method textDocument/unknownThing"}}
>>>
{"jsonrpc":"2.0","id":4,"method":"$/someRequest"}
<<<
{"jsonrpc":"2.0","id":4,"error":{"code":-32601,"message":"Unhandled method $/someRequest"}}
# Unknown notifications, $/ notifications and a stray response are ignored.
>>> batch
{"jsonrpc":"2.0","method":"custom/notification","params":{}}
{"jsonrpc":"2.0","method":"$/setTrace","params":{"value":"off"}}
{"jsonrpc":"2.0","id":99,"result":null}
<<< quiet
>>>
{"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///not/open"},"position":{"line":0,"character":0}}}
<<<
{"jsonrpc":"2.0","id":5,"error":{"code":-32602,"message":"Document is not open"}}
>>>
{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///x/Modelfile","languageId":"modelfile","version":1,"text":"FROM x\n"}}}
<<<
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///x/Modelfile","diagnostics":"<any>"}}
>>>
{"jsonrpc":"2.0","id":6,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x/Modelfile"},"position":{"line":"zero","character":0}}}
<<<
{"jsonrpc":"2.0","id":6,"error":{"code":-32602,"message":"Invalid position"}}
>>>
{"jsonrpc":"2.0","id":7,"method":"initialize"}
<<<
{"jsonrpc":"2.0","id":7,"error":{"code":-32600,"message":"Already initialized"}}
>>>
{"jsonrpc":"2.0","id":8,"method":"shutdown"}
<<<
{"jsonrpc":"2.0","id":8,"result":null}
>>>
{"jsonrpc":"2.0","id":9,"method":"textDocument/hover","params":{}}
<<<
{"jsonrpc":"2.0","id":9,"error":{"code":-32600,"message":"Server is shut down"}}
>>>
{"jsonrpc":"2.0","method":"exit"}
<<< exit 0

# A client that only does UTF-16 (VS Code): positions after an emoji count
# it as two units, in diagnostics, edits and incoming ranges alike.
>>>
{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-16"]}}}}
<<<
{"jsonrpc":"2.0","id":1,"result":{"capabilities":{"positionEncoding":"utf-16","textDocumentSync":"<any>","diagnosticProvider":"<any>","hoverProvider":true,"completionProvider":"<any>","documentFormattingProvider":true,"documentSymbolProvider":true,"foldingRangeProvider":true,"experimental":"<any>","semanticTokensProvider":{"legend":{"tokenTypes":["keyword","property","enumMember","string","number","comment"],"tokenModifiers":[]},"full":true},"codeActionProvider":true},"serverInfo":"<any>"}}
>>>
{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///u/Modelfile","languageId":"modelfile","version":1,"text":"FROM llama3.2\nPARAMETER num_ctx 131072\nSYSTEM \"😀\u200b hi\"\n"}}}
<<<
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///u/Modelfile","diagnostics":["<some>",
  {"range":{"start":{"line":2,"character":10},"end":{"line":2,"character":11}},"severity":2,"source":"modelfile-lint","code":"MF009","codeDescription":{"href":"<contains>#mf"},"message":"<contains>U+200B",
   "data":{"rule":"invisible-character","fix":{"title":"<any>","safe":true,"edits":[{"range":{"start":{"line":2,"character":10},"end":{"line":2,"character":11}},"newText":""}]}}}]}}
# Delete the invisible character with a UTF-16 range.
>>>
{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///u/Modelfile","version":2},"contentChanges":[{"range":{"start":{"line":2,"character":10},"end":{"line":2,"character":11}},"text":""}]}}
>>>
{"jsonrpc":"2.0","id":2,"method":"textDocument/diagnostic","params":{"textDocument":{"uri":"file:///u/Modelfile"}}}
<<<
{"jsonrpc":"2.0","id":2,"result":{"kind":"full","resultId":"<any>","items":[]}}
<<<
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///u/Modelfile","diagnostics":[]}}
>>>
{"jsonrpc":"2.0","id":3,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///u/Modelfile"}}}
<<<
{"jsonrpc":"2.0","id":3,"result":["<some>",
  {"name":"SYSTEM","kind":15,"location":{"uri":"file:///u/Modelfile","range":{"start":{"line":2,"character":0},"end":{"line":2,"character":14}}}}]}
>>>
{"jsonrpc":"2.0","id":4,"method":"shutdown"}
<<<
{"jsonrpc":"2.0","id":4,"result":null}
>>>
{"jsonrpc":"2.0","method":"exit"}
<<< exit 0

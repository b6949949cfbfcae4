# A client that offers UTF-8 first (Neovim) gets byte columns.
>>>
{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-8","utf-16","utf-32"]}}}}
<<<
{"jsonrpc":"2.0","id":1,"result":{"capabilities":{"positionEncoding":"utf-8","textDocumentSync":"<any>","diagnosticProvider":"<any>","hoverProvider":true,"completionProvider":"<any>","documentFormattingProvider":true,"documentSymbolProvider":true,"foldingRangeProvider":true,"experimental":"<any>","semanticTokensProvider":{"legend":{"tokenTypes":["keyword","property","enumMember","string","number","comment"],"tokenModifiers":[]},"full":true},"codeActionProvider":true},"serverInfo":"<any>"}}
>>>
{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///u/Modelfile","languageId":"modelfile","version":1,"text":"FROM llama3.2\nPARAMETER num_ctx 131072\nSYSTEM \"😀\u200b hi\"\n"}}}
<<<
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///u/Modelfile","diagnostics":["<some>",
  {"range":{"start":{"line":2,"character":12},"end":{"line":2,"character":15}},"severity":2,"source":"modelfile-lint","code":"MF009","codeDescription":{"href":"<contains>#mf"},"message":"<any>",
   "data":{"rule":"invisible-character","fix":{"title":"<any>","safe":true,"edits":[{"range":{"start":{"line":2,"character":12},"end":{"line":2,"character":15}},"newText":""}]}}}]}}
>>>
{"jsonrpc":"2.0","id":2,"method":"shutdown"}
<<<
{"jsonrpc":"2.0","id":2,"result":null}
>>>
{"jsonrpc":"2.0","method":"exit"}
<<< exit 0

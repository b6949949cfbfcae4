# The story: FROM qwen3-coder:30b with num_ctx 131072, half its native
# context, on the story's Mac (the editor settings give the hardware, so the
# raise is known to fit and its fix is safe). A push client (no pull
# diagnostics), UTF-16 positions.
>>>
{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,
  "initializationOptions":{"settings":{"hardware":"mac-studio-m2-ultra-64"}},"capabilities":{
  "general":{"positionEncodings":["utf-16"]},
  "textDocument":{
    "publishDiagnostics":{"versionSupport":true,"relatedInformation":true,"codeDescriptionSupport":true},
    "codeAction":{"codeActionLiteralSupport":{"codeActionKind":{"valueSet":["quickfix","source"]}}},
    "hover":{"contentFormat":["markdown"]},
    "completion":{"completionItem":{"documentationFormat":["markdown"]}},
    "documentSymbol":{"hierarchicalDocumentSymbolSupport":true}}}}}
<<<
{"jsonrpc":"2.0","id":1,"result":{"capabilities":"<any>","serverInfo":{"name":"modelfile-lsp","version":"<any>"}}}
>>>
{"jsonrpc":"2.0","method":"initialized","params":{}}
>>>
{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///story/Modelfile","languageId":"modelfile","version":1,
  "text":"FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n"}}}
# The diagnostic on num_ctx 131072, with its code, link and fix.
<<<
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///story/Modelfile","version":1,"diagnostics":[
  {"range":{"start":{"line":1,"character":18},"end":{"line":1,"character":24}},
   "severity":2,"source":"modelfile-lint","code":"MF301",
   "message":"<contains>num_ctx 131072 is below the native context",
   "codeDescription":{"href":"<contains>mf301"},
   "data":{"rule":"num-ctx-below-native","fix":{"title":"Raise num_ctx to 262144","safe":true,
     "edits":[{"range":{"start":{"line":1,"character":18},"end":{"line":1,"character":24}},"newText":"262144"}]}}}]}}
# Code actions on the value: the preferred quick fix edits it to 262144,
# a suppression comment, and fix-all.
>>>
{"jsonrpc":"2.0","id":2,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///story/Modelfile"},
  "range":{"start":{"line":1,"character":20},"end":{"line":1,"character":20}},"context":{"diagnostics":[]}}}
<<<
{"jsonrpc":"2.0","id":2,"result":[
  {"title":"Raise num_ctx to 262144 (MF301)","kind":"quickfix","isPreferred":true,"diagnostics":[{"code":"MF301","range":"<any>","severity":2,"source":"modelfile-lint","message":"<any>","codeDescription":"<any>","data":"<any>"}],
   "edit":{"changes":{"file:///story/Modelfile":[{"range":{"start":{"line":1,"character":18},"end":{"line":1,"character":24}},"newText":"262144"}]}}},
  {"title":"Suppress MF301 for this instruction","kind":"quickfix","diagnostics":"<any>",
   "edit":{"changes":{"file:///story/Modelfile":[{"range":{"start":{"line":1,"character":0},"end":{"line":1,"character":0}},"newText":"# modelfile-lint: ignore=MF301\n"}]}}},
  {"title":"Fix all safe problems (modelfile-lint)","kind":"source.fixAll.modelfile-lint",
   "edit":{"changes":{"file:///story/Modelfile":[{"range":{"start":{"line":1,"character":18},"end":{"line":1,"character":24}},"newText":"262144"}]}}}]}
# The client applies the edit incrementally; after the debounce the
# diagnostics are pushed again, now empty, with the new version.
>>>
{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///story/Modelfile","version":2},
  "contentChanges":[{"range":{"start":{"line":1,"character":18},"end":{"line":1,"character":24}},"text":"262144"}]}}
<<<
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///story/Modelfile","version":2,"diagnostics":[]}}
# Hover on num_ctx: the parameter's facts and the memory arithmetic.
>>>
{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///story/Modelfile"},"position":{"line":1,"character":12}}}
<<<
{"jsonrpc":"2.0","id":3,"result":{"contents":{"kind":"markdown","value":"<contains>262,144 tokens"},
  "range":{"start":{"line":1,"character":10},"end":{"line":1,"character":17}}}}
>>>
{"jsonrpc":"2.0","id":4,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///story/Modelfile"},"position":{"line":1,"character":20}}}
<<<
{"jsonrpc":"2.0","id":4,"result":{"contents":{"kind":"markdown","value":"<contains>KV at num_ctx"},
  "range":{"start":{"line":1,"character":18},"end":{"line":1,"character":24}}}}
# Hover on the keyword: meaning and repeat semantics.
>>>
{"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///story/Modelfile"},"position":{"line":0,"character":2}}}
<<<
{"jsonrpc":"2.0","id":5,"result":{"contents":{"kind":"markdown","value":"<contains>**Repeats:**"},
  "range":{"start":{"line":0,"character":0},"end":{"line":0,"character":4}}}}
# Completion after "FROM ": installed models (tests/lsp/store) first, then
# one item per family of the built-in data (what the bare name pulls), marked
# incomplete so the client asks again; after "family:" that family's tags.
# ':' is a trigger character.
>>>
{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///story/Modelfile","version":3},
  "contentChanges":[{"range":{"start":{"line":2,"character":0},"end":{"line":2,"character":0}},"text":"FROM qwen3-coder:"}]}}
>>>
{"jsonrpc":"2.0","id":6,"method":"textDocument/completion","params":{"textDocument":{"uri":"file:///story/Modelfile"},"position":{"line":2,"character":5}}}
<<<
{"jsonrpc":"2.0","id":6,"result":{"isIncomplete":true,"items":["<some>",
  {"label":"me/mine:v2","kind":9,"detail":"installed","sortText":"0me/mine:v2",
   "textEdit":{"range":{"start":{"line":2,"character":5},"end":{"line":2,"character":5}},"newText":"me/mine:v2"}},
  {"label":"qwen3-coder","kind":9,"detail":"<contains>native context 262144","sortText":"1qwen3-coder",
   "textEdit":{"range":{"start":{"line":2,"character":5},"end":{"line":2,"character":5}},"newText":"qwen3-coder"}},
  {"label":"llama3","kind":9,"detail":"<contains>native context 8192","sortText":"1llama3",
   "textEdit":{"range":{"start":{"line":2,"character":5},"end":{"line":2,"character":5}},"newText":"llama3"}}]}}
>>>
{"jsonrpc":"2.0","id":61,"method":"textDocument/completion","params":{"textDocument":{"uri":"file:///story/Modelfile"},"position":{"line":2,"character":17}}}
<<<
{"jsonrpc":"2.0","id":61,"result":{"isIncomplete":true,"items":["<some>",
  {"label":"qwen3-coder:30b","kind":9,"detail":"<contains>native context 262144","sortText":"1qwen3-coder:30b",
   "textEdit":{"range":{"start":{"line":2,"character":5},"end":{"line":2,"character":17}},"newText":"qwen3-coder:30b"}}]}}
<<<
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///story/Modelfile","version":3,"diagnostics":"<any>"}}
# Completion of num_ctx values: the native one first.
>>>
{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///story/Modelfile","version":4},
  "contentChanges":[{"range":{"start":{"line":2,"character":0},"end":{"line":2,"character":17}},"text":"parameter   temperature 0.7   \nPARAMETER num_ctx "}]}}
>>>
{"jsonrpc":"2.0","id":7,"method":"textDocument/completion","params":{"textDocument":{"uri":"file:///story/Modelfile"},"position":{"line":3,"character":18}}}
<<<
{"jsonrpc":"2.0","id":7,"result":{"isIncomplete":false,"items":["<some>",
  {"label":"262144","kind":12,"sortText":"00","detail":"<contains>native context","textEdit":"<any>"},
  {"label":"8192","kind":12,"sortText":"03","detail":"<any>","textEdit":"<any>"}]}}
<<<
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///story/Modelfile","version":4,"diagnostics":"<any>"}}
# Formatting (the core's mfl_format): the keyword upper-cased, trailing
# whitespace removed. The blanks after PARAMETER stay: Ollama takes exactly
# one separator, so it reads "parameter   temperature 0.7" as a parameter
# with an empty name and the value "temperature 0.7"; one space would
# change what it reads. The blank after "PARAMETER num_ctx" (a value being
# typed) stays too: it is Ollama's empty value, without it "unexpected EOF".
>>>
{"jsonrpc":"2.0","id":8,"method":"textDocument/formatting","params":{"textDocument":{"uri":"file:///story/Modelfile"},"options":{"tabSize":4,"insertSpaces":true}}}
<<<
{"jsonrpc":"2.0","id":8,"result":[
  {"range":{"start":{"line":2,"character":0},"end":{"line":2,"character":9}},"newText":"PARAMETER"},
  {"range":{"start":{"line":2,"character":27},"end":{"line":2,"character":30}},"newText":""}]}
>>>
{"jsonrpc":"2.0","id":9,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///story/Modelfile"}}}
<<<
{"jsonrpc":"2.0","id":9,"result":["<some>",
  {"name":"FROM","detail":"qwen3-coder:30b","kind":2,"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":20}},
   "selectionRange":{"start":{"line":0,"character":0},"end":{"line":0,"character":4}}},
  {"name":"PARAMETER num_ctx","detail":"262144","kind":7,"range":"<any>","selectionRange":"<any>"}]}
# Closing clears the diagnostics.
>>>
{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"file:///story/Modelfile"}}}
<<<
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///story/Modelfile","diagnostics":[]}}
>>>
{"jsonrpc":"2.0","id":10,"method":"shutdown"}
<<<
{"jsonrpc":"2.0","id":10,"result":null}
>>>
{"jsonrpc":"2.0","method":"exit"}
<<< exit 0

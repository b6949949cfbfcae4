# The custom requests of lsp/knowledge.c (what the web playground draws):
# the core's context arithmetic as numbers, the hardware profiles, the model
# data and tree-sitter queries. The story's Modelfile on the story's Mac:
# with a 300 s client timeout MF307 alone speaks (MF301 does not say "raise
# it" to a context that already takes too long to prefill).
>>>
{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{"general":{"positionEncodings":["utf-16"]}},
  "initializationOptions":{"settings":{"hardware":"mac-studio-m2-ultra-64","prefill-rate":400,"client-timeout":300}}}}
<<<
{"jsonrpc":"2.0","id":1,"result":{"capabilities":"<any>","serverInfo":"<any>"}}
>>>
{"jsonrpc":"2.0","method":"initialized","params":{}}
>>>
{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:story","languageId":"modelfile","version":1,
  "text":"# ollama create v-128k -f Modelfile.v-128k\nFROM qwen3-coder:30b\nPARAMETER num_ctx 131072\nPARAMETER temperature 0.7\n"}}}
<<<
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"untitled:story","diagnostics":[
  {"code":"MF307","range":{"start":{"line":2,"character":18},"end":{"line":2,"character":24}},"severity":2,"source":"modelfile-lint","message":"<contains>300 s","codeDescription":"<any>","data":"<any>"}]}}
# The figures the hover shows, as numbers, and memory at any context: the
# KV cache grows by 96 KiB a token (48 layers x 4 KV heads x 128 x 2 x f16),
# half that at q8_0 (34/32 bytes a value), and stops at the native context.
>>>
{"jsonrpc":"2.0","id":2,"method":"modelfile-lint/context","params":{"textDocument":{"uri":"untitled:story"},"contexts":[1024,262144,300000]}}
<<<
{"jsonrpc":"2.0","id":2,"result":{
  "budget":{"memory":"<any>","hardware":"mac-studio-m2-ultra-64","bandwidth":"<any>","prefillRate":400.0,"clientTimeout":300.0,"numParallel":1,"kvCacheType":"f16","serverDefaultCtx":null},
  "model":{"name":"<any>","arch":"qwen3moe","source":"<any>","sourceDetail":"<contains>qwen3-coder:30b","nativeCtx":262144,"ggufCtx":262144,"note":"<any>",
    "layers":48,"heads":32,"kvHeads":4,"keyLength":128,"valueLength":128,"embeddingLength":2048,"slidingWindow":null,"windowedLayers":null,"mla":false,
    "experts":128,"expertsUsed":8,"params":"<any>","activeParams":"<any>","weights":"<any>","fileType":"Q4_K_M","embedding":false,
    "inheritedNumCtx":null,"inheritedFrom":null,"error":null},
  "numCtx":131072,"ctxSource":"parameter","ctxSourceText":"<contains>PARAMETER num_ctx","nativeCtx":262144,"usedCtx":131072,"clamped":false,
  "memory":{"ctx":131072,"kvType":"f16","numParallel":1,"kvPerToken":98304,"kv":12884901888,"kvWindowed":0,"weights":"<any>","compute":"<any>","runtime":"<any>","total":"<any>","kvUpperBound":false},
  "kvNative":25769803776,"budgetBytes":"<any>","fits":true,"maxFitCtx":262144,"maxFitCtxByType":{"f16":262144,"q8_0":262144,"q4_0":262144},
  "decodeTps":{"empty":"<any>","full":"<any>"},"prefillSeconds":327.68,"clientTimeout":300.0,"tokensInTime":120000.0,
  "curve":[
    {"ctx":1024,"usedCtx":1024,"kv":{"f16":100663296,"q8_0":53477376,"q4_0":28311552},"total":"<any>","weights":"<any>","compute":"<any>","runtime":"<any>","prefillSeconds":2.56},
    {"ctx":262144,"usedCtx":262144,"kv":{"f16":25769803776,"q8_0":13690208256,"q4_0":7247757312},"total":"<any>","weights":"<any>","compute":"<any>","runtime":"<any>","prefillSeconds":655.36},
    {"ctx":300000,"usedCtx":262144,"kv":{"f16":25769803776,"q8_0":13690208256,"q4_0":7247757312},"total":"<any>","weights":"<any>","compute":"<any>","runtime":"<any>","prefillSeconds":750.0}],
  "text":"<contains>Largest fit"}}
>>>
{"jsonrpc":"2.0","id":3,"method":"modelfile-lint/context","params":{"textDocument":{"uri":"untitled:story"},"contexts":[0]}}
<<<
{"jsonrpc":"2.0","id":3,"error":{"code":-32602,"message":"contexts: expected positive integers"}}
>>>
{"jsonrpc":"2.0","id":4,"method":"modelfile-lint/context","params":{"textDocument":{"uri":"untitled:nowhere"}}}
<<<
{"jsonrpc":"2.0","id":4,"error":{"code":-32602,"message":"Document is not open"}}
# The hardware profiles with the budget each gives, and the model data.
>>>
{"jsonrpc":"2.0","id":5,"method":"modelfile-lint/hardware"}
<<<
{"jsonrpc":"2.0","id":5,"result":["<some>",{"id":"mac-studio-m2-ultra-64","device":"<contains>M2 Ultra","memory":"<any>","usableShare":0.75,"budget":"<any>","bandwidth":800000000000.0}]}
>>>
{"jsonrpc":"2.0","id":6,"method":"modelfile-lint/models"}
<<<
{"jsonrpc":"2.0","id":6,"result":["<some>",{"from":"qwen3-coder:30b","name":"<any>","arch":"qwen3moe","source":"<any>","sourceDetail":"<contains>qwen3-coder:30b","nativeCtx":262144,"ggufCtx":"<any>","note":"<any>",
    "layers":48,"heads":32,"kvHeads":4,"keyLength":128,"valueLength":128,"embeddingLength":2048,"slidingWindow":null,"windowedLayers":null,"mla":false,
    "experts":128,"expertsUsed":8,"params":"<any>","activeParams":"<any>","weights":"<any>","fileType":"<any>","embedding":false,
    "inheritedNumCtx":null,"inheritedFrom":null,"error":null}]}
# The grammar's highlights.scm, run by the server: the FROM value is both
# @string and the later, more specific @string.special; #match? keeps
# @number for a numeric PARAMETER value only.
>>>
{"jsonrpc":"2.0","id":7,"method":"modelfile-lint/query","params":{"textDocument":{"uri":"untitled:story"},
  "range":{"start":{"line":1,"character":0},"end":{"line":3,"character":0}},
  "query":"(comment) @comment\n(keyword) @keyword\n(bare_value) @string\n(from_instruction value: (bare_value) @string.special)\n(parameter_instruction value: (bare_value) @number (#match? @number \"^[-+]?[0-9.]+$\"))\n(parameter_instruction value: (bare_value) @never (#eq? @never \"0.7\") (#not-eq? @never \"0.7\"))\n"}}
<<<
{"jsonrpc":"2.0","id":7,"result":{"captures":[
  {"range":{"start":{"line":1,"character":0},"end":{"line":1,"character":4}},"capture":"keyword","pattern":1},
  {"range":{"start":{"line":1,"character":5},"end":{"line":1,"character":20}},"capture":"string","pattern":2},
  {"range":{"start":{"line":1,"character":5},"end":{"line":1,"character":20}},"capture":"string.special","pattern":3},
  {"range":{"start":{"line":2,"character":0},"end":{"line":2,"character":9}},"capture":"keyword","pattern":1},
  {"range":{"start":{"line":2,"character":18},"end":{"line":2,"character":24}},"capture":"string","pattern":2},
  {"range":{"start":{"line":2,"character":18},"end":{"line":2,"character":24}},"capture":"number","pattern":4}]}}
>>>
{"jsonrpc":"2.0","id":8,"method":"modelfile-lint/query","params":{"textDocument":{"uri":"untitled:story"},"query":"(no_such_node) @x"}}
<<<
{"jsonrpc":"2.0","id":8,"error":{"code":-32602,"message":"query: does not compile for the Modelfile grammar"}}
# A text without FROM: no model, the budget still answers; an invalid
# num_ctx has no figure.
>>>
{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"untitled:story","version":2},
  "contentChanges":[{"text":"FROM qwen3-coder:30b\nPARAMETER num_ctx lots\n"}]}}
>>>
{"jsonrpc":"2.0","id":9,"method":"modelfile-lint/context","params":{"textDocument":{"uri":"untitled:story"}}}
<<<
{"jsonrpc":"2.0","id":9,"result":{"budget":"<any>","model":"<any>","numCtx":null,"ctxSource":"parameter"}}
>>>
{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"untitled:story","version":3},
  "contentChanges":[{"text":"PARAMETER temperature 1\n"}]}}
>>>
{"jsonrpc":"2.0","id":10,"method":"modelfile-lint/context","params":{"textDocument":{"uri":"untitled:story"}}}
<<<
{"jsonrpc":"2.0","id":10,"result":{"budget":"<any>","model":null}}
<<<
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"untitled:story","diagnostics":"<any>"}}
>>>
{"jsonrpc":"2.0","id":11,"method":"shutdown"}
<<<
{"jsonrpc":"2.0","id":11,"result":null}
>>>
{"jsonrpc":"2.0","method":"exit"}
<<< exit 0

# The editor's fix-all goes through the core's one fix policy (mfl_fix_all):
# it never leaves more errors than the file had. Here the labels of the
# story's file name and `ollama create` comment are configured as errors,
# so raising num_ctx would add two: the raise is refused and fix-all keeps
# the fixes that do not add errors (the duplicate SYSTEM; the edit is the
# smallest one that turns the text into the fixed text).
>>>
{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,
  "initializationOptions":{"settings":{"hardware":"mac-studio-m2-ultra-64","rules":{"MF305":"error"}}},
  "capabilities":{"textDocument":{"codeAction":{"codeActionLiteralSupport":{"codeActionKind":{"valueSet":["quickfix","source"]}}}}}}}
<<<
{"jsonrpc":"2.0","id":1,"result":{"capabilities":"<any>","serverInfo":"<any>"}}
>>>
{"jsonrpc":"2.0","method":"initialized","params":{}}
>>>
{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///story/Modelfile.v-128k","languageId":"modelfile","version":1,
  "text":"# ollama create v-128k\nFROM qwen3-coder:30b\nSYSTEM a\nSYSTEM b\nPARAMETER num_ctx 131072\n"}}}
<<<
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///story/Modelfile.v-128k","diagnostics":"<any>"}}
>>>
{"jsonrpc":"2.0","id":2,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///story/Modelfile.v-128k"},
  "range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"context":{"diagnostics":[],"only":["source.fixAll.modelfile-lint"]}}}
<<<
{"jsonrpc":"2.0","id":2,"result":[
  {"title":"Fix all safe problems (modelfile-lint)","kind":"source.fixAll.modelfile-lint",
   "edit":{"changes":{"file:///story/Modelfile.v-128k":[{"range":{"start":{"line":2,"character":7},"end":{"line":3,"character":7}},"newText":""}]}}}]}
>>>
{"jsonrpc":"2.0","id":3,"method":"shutdown"}
<<<
{"jsonrpc":"2.0","id":3,"result":null}
>>>
{"jsonrpc":"2.0","method":"exit"}
<<< exit 0

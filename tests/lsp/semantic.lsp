# Semantic tokens: keywords, parameter names, roles, numbers, strings (one
# token per line of a multi-line value) and comments, delta-encoded.
>>>
{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {"textDocument": {"diagnostic": {}}}}}
<<<
{"jsonrpc": "2.0", "id": 1, "result": {"capabilities": "<any>", "serverInfo": "<any>"}}
>>>
{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///sem/Modelfile", "languageId": "modelfile", "version": 1, "text": "FROM qwen3-coder:30b\n# c\nPARAMETER num_ctx 131072\nMESSAGE user hi\nTEMPLATE \"\"\"a\nb\"\"\"\n"}}}
>>>
{"jsonrpc": "2.0", "id": 2, "method": "textDocument/semanticTokens/full", "params": {"textDocument": {"uri": "file:///sem/Modelfile"}}}
<<<
{"jsonrpc": "2.0", "id": 2, "result": {"data": [0,0,4,0,0, 0,5,15,3,0, 1,0,3,5,0, 1,0,9,0,0, 0,10,7,1,0, 0,8,6,4,0, 1,0,7,0,0, 0,8,4,2,0, 0,5,2,3,0, 1,0,8,0,0, 0,9,4,3,0, 1,0,4,3,0]}}
>>>
{"jsonrpc": "2.0", "id": 3, "method": "shutdown"}
<<<
{"jsonrpc": "2.0", "id": 3, "result": null}
>>>
{"jsonrpc": "2.0", "method": "exit"}

# A broken .modelfile-lint.json never silences the linter: the Modelfiles
# below it are linted without it (here: the defaults), and the error is
# published as a diagnostic on the config file itself, at the error's place
# (a JSON syntax error's line and column; the bad key otherwise). Fixing the
# file clears that diagnostic and the file applies again.
>>> write p/.modelfile-lint.json
{
  "rules": {"MF301": "off",}
}
>>>
{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {"general": {"positionEncodings": ["utf-16"]}}}}
<<<
{"jsonrpc":"2.0","id":1,"result":"<any>"}
>>>
{"jsonrpc": "2.0", "method": "initialized", "params": {}}
>>>
{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file://TMP/p/Modelfile", "languageId": "modelfile", "version": 1, "text": "FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n"}}}
# The error, on the config file: line 2, column 28 (the "}" after the comma).
<<<
{"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file://TMP/p/.modelfile-lint.json", "diagnostics": [{"range": {"start": {"line": 1, "character": 27}, "end": {"line": 1, "character": 28}}, "severity": 1, "source": "modelfile-lint", "message": "<contains>invalid JSON"}]}}
<<<
{"jsonrpc": "2.0", "method": "window/logMessage", "params": {"type": 1, "message": "<contains>.modelfile-lint.json:2:28: invalid JSON"}}
<<<
{"jsonrpc": "2.0", "method": "window/showMessage", "params": {"type": 1, "message": "<contains>linting without it until it is fixed"}}
# The Modelfile still gets its diagnostics (MF301 is on by default).
<<<
{"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file://TMP/p/Modelfile", "diagnostics": [{"code": "MF301", "codeDescription": "<any>", "range": "<any>", "severity": 2, "source": "modelfile-lint", "message": "<any>", "data": "<any>"}]}}
# A valid JSON file with a bad value: the diagnostic is on the key.
>>> write p/.modelfile-lint.json
{"rules": {"MF102": "on",   "MF301": "sometimes"}}
>>>
{"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": [{"uri": "file://TMP/p/.modelfile-lint.json", "type": 2}]}}
<<<
{"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file://TMP/p/.modelfile-lint.json", "diagnostics": [{"range": {"start": {"line": 0, "character": 28}, "end": {"line": 0, "character": 35}}, "severity": 1, "source": "modelfile-lint", "message": "<contains>MF301"}]}}
<<<
{"jsonrpc": "2.0", "method": "window/logMessage", "params": {"type": 1, "message": "<any>"}}
<<<
{"jsonrpc": "2.0", "method": "window/showMessage", "params": {"type": 1, "message": "<any>"}}
<<<
{"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file://TMP/p/Modelfile", "diagnostics": [{"code": "MF301", "codeDescription": "<any>", "range": "<any>", "severity": 2, "source": "modelfile-lint", "message": "<any>", "data": "<any>"}]}}
# Fixed: the config file's diagnostic is cleared, and the file applies.
>>> write p/.modelfile-lint.json
{"rules": {"MF301": "off"}}
>>>
{"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": [{"uri": "file://TMP/p/.modelfile-lint.json", "type": 2}]}}
<<<
{"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file://TMP/p/.modelfile-lint.json", "diagnostics": []}}
<<<
{"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"uri": "file://TMP/p/Modelfile", "diagnostics": []}}
>>>
{"jsonrpc": "2.0", "id": 2, "method": "shutdown"}
<<<
{"jsonrpc": "2.0", "id": 2, "result": null}
>>>
{"jsonrpc": "2.0", "method": "exit"}
<<< exit 0

# Garbage frames: noise before a header, a header without Content-Length,
# a bad length, a body that is not JSON (-32700 with the parse position),
# JSON that is not a request (-32600). The server keeps going, and `exit`
# without `shutdown` gives status 1.
>>> raw
this is not a header\r\n\r\n
<<< quiet
>>> raw
Content-Type: application/json\r\n\r\nContent-Length: x\r\n\r\n
<<< quiet
>>> raw
Content-Length: 9\r\n\r\n{"id": 1,
<<<
{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error","data":{"text":"<any>","line":1,"column":"<any>"}}}
>>> raw
Content-Length: 2\r\n\r\n[]
<<<
{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Invalid request"}}
>>> raw
Content-Length: 14\r\n\r\n{"jsonrpc":42}
<<<
{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Invalid request"}}
>>> raw
Content-Length: 25\r\n\r\n{"id":{"x":1},"method":1}
<<<
{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Invalid request"}}
>>> raw
junkContent-Length: 58\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}
<<<
{"jsonrpc":"2.0","id":1,"result":{"capabilities":"<any>","serverInfo":"<any>"}}
# A request and a bad body in one read: the replies keep their order.
>>> raw
Content-Length: 42\r\n\r\n{"jsonrpc":"2.0","id":2,"method":"nope/x"}Content-Length: 3\r\n\r\n{{{
<<<
{"jsonrpc":"2.0","id":2,"error":{"code":-32601,"message":"Unhandled method nope/x"}}
<<<
{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error","data":"<any>"}}
>>>
{"jsonrpc":"2.0","method":"exit"}
<<< exit 1

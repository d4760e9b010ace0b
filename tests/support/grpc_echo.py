#!/usr/bin/python3
"""A gRPC server and client for the tests, with Debian's python3-grpcio and no generated code:
messages are raw bytes (generic handlers).

  grpc_echo.py serve PORT [CERT KEY]
                                   echo.Echo on 127.0.0.1:PORT (prints "listening on PORT"); with
                                   a certificate and key (PEM files), over TLS
  grpc_echo.py call TARGET SHAPE [KEY=VALUE ...]
                                   one call through TARGET (host:port) with that metadata; prints
                                   what came back. GRPC_ROOT_CERT=file: over TLS, trusting that
                                   certificate (for the name localhost).

The service's methods, each answering with what it was sent:
  Unary         one message back, prefixed "echo:"; metadata "x-fail: CODE" answers with that status
  ServerStream  the message back N times (N = its length, at most 50), each prefixed with its index
  ClientStream  every message joined by "+"
  Bidi          each message back as it arrives, prefixed "re:"
  Slow          answers after the seconds its message says (for deadlines)
The client's shape "headers" makes a unary call and prints the answer's initial metadata, one
"name=value" line each, sorted.
The server sets the trailer "x-trailer: kept" on every call."""
import sys
import time
from concurrent import futures

import grpc


def serve(port, cert=None, key=None):
    def trailer(context):
        context.set_trailing_metadata((("x-trailer", "kept"),))

    def unary(request, context):
        trailer(context)
        meta = dict(context.invocation_metadata())
        if "x-fail" in meta:
            context.abort(grpc.StatusCode(next(c for c in grpc.StatusCode if c.value[0] == int(meta["x-fail"]))), "failed on purpose")
        return b"echo:" + request + b" auth=" + meta.get("authorization", "-").encode()

    def server_stream(request, context):
        trailer(context)
        for i in range(min(len(request), 50)):
            yield str(i).encode() + b":" + request

    def client_stream(iterator, context):
        trailer(context)
        return b"+".join(iterator)

    def bidi(iterator, context):
        trailer(context)
        for message in iterator:
            yield b"re:" + message

    def slow(request, context):
        trailer(context)
        time.sleep(float(request.decode()))
        return b"late"

    handlers = {
        "Unary": grpc.unary_unary_rpc_method_handler(unary),
        "ServerStream": grpc.unary_stream_rpc_method_handler(server_stream),
        "ClientStream": grpc.stream_unary_rpc_method_handler(client_stream),
        "Bidi": grpc.stream_stream_rpc_method_handler(bidi),
        "Slow": grpc.unary_unary_rpc_method_handler(slow),
    }
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=16))
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("echo.Echo", handlers),))
    if cert:
        credentials = grpc.ssl_server_credentials(((open(key, "rb").read(), open(cert, "rb").read()),))
        bound = server.add_secure_port(f"127.0.0.1:{port}", credentials)
    else:
        bound = server.add_insecure_port(f"127.0.0.1:{port}")
    server.start()
    print(f"listening on {bound}", flush=True)
    server.wait_for_termination()


def call(target, shape, *extra):
    import os
    root = os.environ.get("GRPC_ROOT_CERT")
    if root:
        credentials = grpc.ssl_channel_credentials(root_certificates=open(root, "rb").read())
        channel = grpc.secure_channel(target, credentials, options=(("grpc.ssl_target_name_override", "localhost"),))
    else:
        channel = grpc.insecure_channel(target)
    metadata = tuple(tuple(kv.split("=", 1)) for kv in extra if "=" in kv)
    try:
        if shape == "unary":
            response, c = channel.unary_unary("/echo.Echo/Unary").with_call(b"hello", metadata=metadata, timeout=10)
            print(response.decode(), dict(c.trailing_metadata()).get("x-trailer"))
        elif shape == "headers":
            _, c = channel.unary_unary("/echo.Echo/Unary").with_call(b"hello", metadata=metadata, timeout=10)
            for name, value in sorted(c.initial_metadata()):
                print(f"{name}={value}")
        elif shape == "server-stream":
            for m in channel.unary_stream("/echo.Echo/ServerStream")(b"abcde", metadata=metadata, timeout=10):
                print(m.decode())
        elif shape == "client-stream":
            print(channel.stream_unary("/echo.Echo/ClientStream")(iter([b"a", b"b", b"c" * 100000]), metadata=metadata, timeout=10)[:20].decode())
        elif shape == "bidi":
            for m in channel.stream_stream("/echo.Echo/Bidi")(iter([b"one", b"two", b"three"]), metadata=metadata, timeout=10):
                print(m.decode())
        elif shape == "deadline":
            channel.unary_unary("/echo.Echo/Slow")(b"3", metadata=metadata, timeout=0.5)
            print("no deadline")
    except grpc.RpcError as e:
        print("error", e.code().name, e.details())


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(int(sys.argv[2]), *sys.argv[3:5])
    else:
        call(*sys.argv[2:])

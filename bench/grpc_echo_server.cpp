// A gRPC server for bench/proxy_bench's gRPC scenario: every method of every service echoes each
// message it reads and ends the call with status OK once the client half-closes. It is gRPC's own
// C++ server (generic callback API, so no generated code), fast enough that the proxies in front
// of it are what the bench measures.
//   grpc_echo_server 127.0.0.1:PORT [THREADS]
#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/resource_quota.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

namespace {

class EchoReactor final : public grpc::ServerGenericBidiReactor {
public:
    EchoReactor() { StartRead(&message_); }

    void OnReadDone(bool ok) override {
        if (!ok) {
            Finish(grpc::Status::OK);
            return;
        }
        StartWrite(&message_);
    }
    void OnWriteDone(bool ok) override {
        if (!ok) {
            Finish(grpc::Status(grpc::StatusCode::UNAVAILABLE, "write failed"));
            return;
        }
        StartRead(&message_);
    }
    void OnDone() override { delete this; }

private:
    grpc::ByteBuffer message_;
};

class EchoService final : public grpc::CallbackGenericService {
    grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext*) override {
        return new EchoReactor;
    }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s HOST:PORT [THREADS]\n", argv[0]);
        return 2;
    }
    EchoService service;
    grpc::ResourceQuota quota;
    if (argc > 2) quota.SetMaxThreads(std::atoi(argv[2]));
    grpc::ServerBuilder builder;
    builder.SetResourceQuota(quota);
    builder.AddListeningPort(argv[1], grpc::InsecureServerCredentials());
    builder.RegisterCallbackGenericService(&service);
    std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
    if (!server) {
        std::fprintf(stderr, "cannot listen on %s\n", argv[1]);
        return 1;
    }
    std::printf("listening on %s\n", argv[1]);
    std::fflush(stdout);
    server->Wait();
}

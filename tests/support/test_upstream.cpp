// An upstream server for black-box tests: answers every request with what it received, as JSON,
// plus a few behaviours the proxy must cope with:
//   /status/{code}   answer with that status           /delay/{ms}    answer after a pause
//   /bytes/{n}       n bytes with Content-Length        /chunked/{n}   n bytes, chunked
//   /chunked-echo... the JSON echo, chunked
//   /ws              a WebSocket echoing every frame
//   /response-headers?Name=value&...   the echo, with those response headers (a name given twice:
//                    two header lines)
//   /stall/{ms}      answers at once, and every other request arriving in the next ms waits until
//                    then (the whole server pauses: for coordinated-omission tests)
// Usage: sluice_test_upstream [PORT]  (0 or none: a free port; "listening on PORT" is printed)
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/WebSocket.h>
#include <Poco/URI.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

namespace {

std::atomic<int64_t> stalledUntilMs{0};  // steady clock

int64_t steadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

class Echo final : public Poco::Net::HTTPRequestHandler {
 public:
  void handleRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out) override {
    const std::string uri = in.getURI();
    if (uri.rfind("/stall/", 0) == 0) {
      stalledUntilMs = steadyMs() + std::atol(uri.c_str() + 7);
      out.setStatus(Poco::Net::HTTPResponse::HTTP_NO_CONTENT);
      out.send();
      return;
    }
    if (const int64_t until = stalledUntilMs.load(); until > steadyMs()) std::this_thread::sleep_for(std::chrono::milliseconds(until - steadyMs()));
    if (uri == "/ws") {  // a WebSocket that echoes every frame back
      Poco::Net::WebSocket ws(in, out);
      char buffer[4096];
      int flags = 0;
      for (;;) {
        const int n = ws.receiveFrame(buffer, sizeof buffer, flags);
        if (n <= 0 || (flags & Poco::Net::WebSocket::FRAME_OP_BITMASK) == Poco::Net::WebSocket::FRAME_OP_CLOSE) break;
        ws.sendFrame(buffer, n, flags);
      }
      return;
    }
    // Poco reads a body without Content-Length or chunking until EOF for any method but GET, HEAD
    // and DELETE: such a request (OPTIONS, say) has no body at all in HTTP/1.1.
    std::string body;
    if (in.hasContentLength() || in.getChunkedTransferEncoding()) body.assign(std::istreambuf_iterator<char>(in.stream()), {});
    int status = 200;
    const auto number = [&](const std::string& prefix) -> long {
      if (uri.rfind(prefix, 0) != 0) return -1;
      try {
        return std::stol(uri.substr(prefix.size()));
      } catch (const std::exception&) {
        return -1;
      }
    };
    if (long ms = number("/delay/"); ms >= 0) std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    if (long code = number("/status/"); code >= 100) status = static_cast<int>(code);
    out.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    out.set("X-Upstream", "test");
    if (uri.rfind("/response-headers", 0) == 0)
      for (const auto& [name, value] : Poco::URI(uri).getQueryParameters()) out.add(name, value);
    if (long n = number("/bytes/"); n >= 0) {
      out.setContentLength(n);
      out.send() << std::string(static_cast<size_t>(n), 'x');
      return;
    }
    if (long n = number("/chunked/"); n >= 0) {
      out.setChunkedTransferEncoding(true);
      auto& s = out.send();
      for (long sent = 0; sent < n; sent += 1000) s << std::string(static_cast<size_t>(std::min(1000L, n - sent)), 'y');
      return;
    }
    nlohmann::json echo;
    echo["method"] = in.getMethod();
    echo["uri"] = uri;
    echo["version"] = in.getVersion();
    echo["connection"] = in.clientAddress().port();  // the same number: a reused connection
    echo["server_port"] = in.serverAddress().port();
    echo["body_length"] = body.size();
    echo["body"] = body.size() <= 4096 ? body : "";
    echo["chunked"] = in.getChunkedTransferEncoding();
    for (const auto& [name, value] : in) {
      std::string lower = name;
      for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      auto& slot = echo["headers"][lower];  // repeated headers: their values joined, as a proxy may
      slot = slot.is_string() ? slot.get<std::string>() + ", " + value : value;
    }
    const std::string text = echo.dump();
    out.setContentType("application/json");
    if (uri.rfind("/chunked-echo", 0) == 0) out.setChunkedTransferEncoding(true);
    else out.setContentLength(static_cast<std::streamsize>(text.size()));
    out.send() << text;
  }
};

class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override { return new Echo; }
};

}  // namespace

int main(int argc, char** argv) {
  const unsigned short port = argc > 1 ? static_cast<unsigned short>(std::stoi(argv[1])) : 0;
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", port), 256);
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(64);
  params->setKeepAlive(true);
  params->setMaxKeepAliveRequests(100000);
  params->setKeepAliveTimeout(Poco::Timespan(60, 0));
  Poco::ThreadPool pool(4, 64);
  Poco::Net::HTTPServer server(new Factory, pool, socket, params);
  server.start();
  std::cout << "listening on " << socket.address().port() << std::endl;
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  int sig = 0;
  sigwait(&set, &sig);
  server.stopAll(true);
  return 0;
}

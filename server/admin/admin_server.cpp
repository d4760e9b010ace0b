#include "admin/admin_server.h"

#include "core/thread_priority.h"

#include "admin/request_body.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerConnection.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerConnectionFactory.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/URI.h>

#include <sys/socket.h>

#include <chrono>
#include <mutex>
#include <set>
#include <thread>

namespace sluice::admin {
namespace {

void send(Poco::Net::HTTPServerResponse& out, const AdminResponse& response, double latencyMs, bool head) {
  out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
  out.set("Server", "sluice");
  out.set("Access-Control-Allow-Origin", "*");
  out.set("X-Sluice-Admin-Latency", std::to_string(static_cast<long>(latencyMs)));
  for (const auto& [name, value] : response.headers) out.set(name, value);
  if (response.stream) {
    out.setContentType(response.contentType);
    out.set("Cache-Control", "no-cache");
    out.setChunkedTransferEncoding(true);
    auto& stream = out.send();
    if (!head) response.stream(stream);
    return;
  }
  if (response.text) {
    out.setContentType(response.contentType);
    out.setContentLength(static_cast<std::streamsize>(response.text->size()));
    auto& stream = out.send();
    if (!head) stream.write(response.text->data(), static_cast<std::streamsize>(response.text->size()));
    return;
  }
  if (!response.body) {
    out.setContentLength(0);
    out.send();
    return;
  }
  const std::string body = response.body->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out.setContentType("application/json; charset=utf-8");
  out.setContentLength(static_cast<std::streamsize>(body.size()));
  auto& stream = out.send();
  if (!head) stream.write(body.data(), static_cast<std::streamsize>(body.size()));
}

class Handler final : public Poco::Net::HTTPRequestHandler {
 public:
  Handler(const AdminServer::Handle& api, size_t maxBody, std::shared_ptr<std::atomic<uint64_t>> requests,
          std::shared_ptr<std::atomic<int64_t>> inFlight)
      : api_(api), maxBody_(maxBody), requests_(std::move(requests)), inFlight_(std::move(inFlight)) {}

  void handleRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out) override {
    core::enterBackground();  // Admin work yields to the proxy's reactors
    const auto started = std::chrono::steady_clock::now();
    ++*requests_;
    ++*inFlight_;
    struct Done {
      std::atomic<int64_t>& n;
      ~Done() { --n; }
    } done{*inFlight_};
    AdminResponse response;
    try {
      response = process(in);
    } catch (const std::exception& e) {  // never let an exception escape into Poco's worker
      response = messageResponse(500, "An unexpected error occurred");
    }
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    try {
      send(out, response, ms, in.getMethod() == "HEAD");
    } catch (const std::exception&) {
    }
  }

 private:
  AdminResponse process(Poco::Net::HTTPServerRequest& in) {
    AdminRequest request = adminRequest(in.getMethod(), in.getURI());
    request.contentType = in.getContentType();
    request.authorization = in.get("Authorization", "");
    request.clientAddress = in.clientAddress().host().toString();
    if (in.hasContentLength() && in.getContentLength() > static_cast<std::streamsize>(maxBody_))
      return messageResponse(413, "Payload too large");
    // A request with neither Content-Length nor chunked framing has no body (RFC 9112 6.3); reading
    // it would wait for a close that a keep-alive client never sends.
    const bool framed = in.hasContentLength() || in.getChunkedTransferEncoding();
    auto& stream = in.stream();
    char buffer[16384];
    while (framed && (stream.read(buffer, sizeof buffer) || stream.gcount() > 0)) {
      request.body.append(buffer, static_cast<size_t>(stream.gcount()));
      if (request.body.size() > maxBody_) return messageResponse(413, "Payload too large");
    }
    return api_(request);
  }

  const AdminServer::Handle& api_;
  size_t maxBody_;
  std::shared_ptr<std::atomic<uint64_t>> requests_;
  std::shared_ptr<std::atomic<int64_t>> inFlight_;
};

class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Factory(const AdminServer::Handle& api, size_t maxBody, std::shared_ptr<std::atomic<uint64_t>> requests,
          std::shared_ptr<std::atomic<int64_t>> inFlight)
      : api_(api), maxBody_(maxBody), requests_(std::move(requests)), inFlight_(std::move(inFlight)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new Handler(api_, maxBody_, requests_, inFlight_);
  }

 private:
  const AdminServer::Handle& api_;
  size_t maxBody_;
  std::shared_ptr<std::atomic<uint64_t>> requests_;
  std::shared_ptr<std::atomic<int64_t>> inFlight_;
};

// An HTTP connection that its server can cut (see OpenConnections).
class TrackedConnection final : public Poco::Net::HTTPServerConnection {
 public:
  TrackedConnection(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
                    Poco::Net::HTTPRequestHandlerFactory::Ptr handlers, std::shared_ptr<OpenConnections> open)
      : HTTPServerConnection(socket, params, handlers), open_(std::move(open)), fd_(socket.impl()->sockfd()) {
    open_->add(fd_);
  }
  ~TrackedConnection() override { open_->remove(fd_); }  // (before the socket closes)

 private:
  std::shared_ptr<OpenConnections> open_;
  int fd_;
};

class ConnectionFactory final : public Poco::Net::TCPServerConnectionFactory {
 public:
  ConnectionFactory(Poco::Net::HTTPServerParams::Ptr params, Poco::Net::HTTPRequestHandlerFactory::Ptr handlers,
                    std::shared_ptr<OpenConnections> open)
      : params_(std::move(params)), handlers_(std::move(handlers)), open_(std::move(open)) {}
  Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override {
    return new TrackedConnection(socket, params_, handlers_, open_);
  }

 private:
  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers_;
  std::shared_ptr<OpenConnections> open_;
};

}  // namespace

void OpenConnections::add(int fd) {
  std::lock_guard lock(mutex_);
  fds_.insert(fd);
}

void OpenConnections::remove(int fd) {
  std::lock_guard lock(mutex_);
  fds_.erase(fd);
}

void OpenConnections::cutAll() {
  std::lock_guard lock(mutex_);
  for (const int fd : fds_) ::shutdown(fd, SHUT_RDWR);  // a blocked read or write returns at once
}

AdminServer::AdminServer(AdminApi& api, AdminServerSettings settings)
    : AdminServer([&api](const AdminRequest& r) { return api.handle(r); }, std::move(settings)) {}

AdminServer::AdminServer(Handle handle, AdminServerSettings settings) : api_(std::move(handle)), settings_(std::move(settings)) {}

AdminServer::~AdminServer() { stop(); }

namespace {

// TLS 1.2 and 1.3 with the certificate of admin_ssl_cert (Poco's OpenSSL context).
Poco::Net::ServerSocket listenerFor(const AdminServerSettings& s) {
  if (s.certificateFile.empty()) return Poco::Net::ServerSocket();
  Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, s.keyFile, s.certificateFile, "",
                                                           Poco::Net::Context::VERIFY_NONE);
  context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 | Poco::Net::Context::PROTO_TLSV1 |
                            Poco::Net::Context::PROTO_TLSV1_1);
  return Poco::Net::SecureServerSocket(context);
}

}  // namespace

void AdminServer::start() {
  Poco::Net::ServerSocket socket = listenerFor(settings_);
  // SO_REUSEPORT: a successor (sluice start --takeover) binds the same port before this one stops.
  socket.bind(Poco::Net::SocketAddress(settings_.host, settings_.port), true, true);
  socket.listen(128);
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(settings_.threads);
  params->setMaxQueued(256);
  params->setKeepAlive(true);
  params->setTimeout(Poco::Timespan(60, 0));
  pool_ = std::make_unique<Poco::ThreadPool>(2, settings_.threads + 1);
  Poco::Net::HTTPServerParams::Ptr shared(params);
  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers(new Factory(api_, settings_.maxBodyBytes, requests_, inFlight_));
  server_ = std::make_unique<Poco::Net::TCPServer>(new ConnectionFactory(shared, handlers, open_), *pool_, socket, shared);
  server_->start();
}

void AdminServer::stop(std::chrono::milliseconds grace) {
  if (server_) {
    server_->stop();  // no new connections
    const auto until = std::chrono::steady_clock::now() + grace;
    while (inFlight_->load() > 0 && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    open_->cutAll();  // and the open ones end now, even one blocked in a read (a stalled TLS client)
    server_.reset();
  }
  if (pool_) {
    pool_->joinAll();
    pool_.reset();
  }
}

uint16_t AdminServer::port() const { return server_ ? server_->port() : 0; }

json AdminServer::counters() const {
  if (!server_) return json::object();
  // Admin listener figures; the proxy listeners add theirs when the data plane runs.
  const auto active = static_cast<int64_t>(server_->currentConnections());
  const auto total = static_cast<int64_t>(server_->totalConnections());
  const int64_t busy = inFlight_->load();  // requests being handled, this one included
  return json{{"connections_accepted", total},
              {"connections_handled", total},
              {"connections_active", active},
              {"connections_writing", busy},
              {"connections_waiting", std::max<int64_t>(0, active - busy)},
              {"total_requests", requests_->load()}};
}

}  // namespace sluice::admin

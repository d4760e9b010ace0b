#pragma once
// The Admin API listener: Poco's HTTP server connections over its TCPServer, with their own
// thread pool (control traffic only, never the data plane), over TLS with admin_listen ... ssl.
// Reads bodies up to a limit (413 past it) and hands requests to AdminApi (or, for the status
// listener, to a narrower function).
#include "admin/admin_api.h"

#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <set>

namespace sluice::admin {

struct AdminServerSettings {
  std::string host = "127.0.0.1";
  uint16_t port = 8001;
  size_t maxBodyBytes = 10 * 1024 * 1024;
  int threads = 16;
  // TLS (admin_listen ... ssl): the PEM certificate chain and key files; empty: plain HTTP.
  std::string certificateFile = {}, keyFile = {};
};

// The sockets of an Admin listener's open connections, so that stopping can cut them: Poco's own
// abort does not end a TLS connection blocked in a read.
class OpenConnections {
 public:
  void add(int fd);
  void remove(int fd);
  void cutAll();

 private:
  std::mutex mutex_;
  std::set<int> fds_;
};

class AdminServer {
 public:
  using Handle = std::function<AdminResponse(const AdminRequest&)>;
  AdminServer(AdminApi& api, AdminServerSettings settings);
  // Any request → response function (the status listener serves a few read-only paths).
  AdminServer(Handle handle, AdminServerSettings settings);
  ~AdminServer();

  void start();
  // Stops accepting; requests under way get up to `grace` to finish, then every connection is cut.
  void stop(std::chrono::milliseconds grace = {});
  uint16_t port() const;
  json counters() const;

 private:
  Handle api_;
  AdminServerSettings settings_;
  std::unique_ptr<Poco::ThreadPool> pool_;
  std::unique_ptr<Poco::Net::TCPServer> server_;
  std::shared_ptr<OpenConnections> open_ = std::make_shared<OpenConnections>();
  std::shared_ptr<std::atomic<uint64_t>> requests_ = std::make_shared<std::atomic<uint64_t>>(0);
  std::shared_ptr<std::atomic<int64_t>> inFlight_ = std::make_shared<std::atomic<int64_t>>(0);
};

}  // namespace sluice::admin

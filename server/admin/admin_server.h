#pragma once
// The Admin API listener: Poco's HTTPServer with its own thread pool (control traffic only, never
// the data plane). Reads bodies up to a limit (413 past it) and hands requests to AdminApi.
#include "admin/admin_api.h"

#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

#include <memory>

namespace sluice::admin {

struct AdminServerSettings {
  std::string host = "127.0.0.1";
  uint16_t port = 8001;
  size_t maxBodyBytes = 10 * 1024 * 1024;
  int threads = 16;
};

class AdminServer {
 public:
  AdminServer(AdminApi& api, AdminServerSettings settings);
  ~AdminServer();

  void start();
  void stop();
  uint16_t port() const;
  json counters() const;

 private:
  AdminApi& api_;
  AdminServerSettings settings_;
  std::unique_ptr<Poco::ThreadPool> pool_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  std::shared_ptr<std::atomic<uint64_t>> requests_ = std::make_shared<std::atomic<uint64_t>>(0);
  std::shared_ptr<std::atomic<int64_t>> inFlight_ = std::make_shared<std::atomic<int64_t>>(0);
};

}  // namespace sluice::admin

#pragma once
// How an Admin API client reaches a gateway, abstracted so that shared code does not know Qt: the
// manager implements it with QNetworkAccessManager (manager_gui/api/qt_transport.h). Calls are
// asynchronous; the callback runs on the transport's thread (the GUI thread for the manager).
#include <functional>
#include <string>

namespace sluice::admin_client {

struct Request {
  std::string method = "GET";
  std::string path;  // with the query string: "/services?size=100"
  std::string body;
  std::string contentType = "application/json";
};

struct Response {
  int status = 0;            // 0: no HTTP answer (see `networkError`)
  std::string body;
  std::string contentType;
  std::string networkError;  // connection refused, TLS failure, timeout...
  bool ok() const { return status >= 200 && status < 300; }
};

class Transport {
 public:
  virtual ~Transport() = default;
  virtual void send(const Request& request, std::function<void(const Response&)> done) = 0;
};

}  // namespace sluice::admin_client

#pragma once
// The client's side of a session: its connection and the two buffers of its bytes (requests in,
// response heads out). Reads take buffers from the worker's pools as they are needed; writes send
// the head bytes and a body in one call and account for what reached the client in the exchange.
#include "net/io_buffer.h"
#include "proxy/client_connection.h"
#include "proxy/exchange.h"

#include <sys/types.h>

#include <string_view>

namespace sluice::proxy {

class ProxyWorker;

class Downstream {
 public:
  Downstream(ProxyWorker& worker, int fd, bool tls);

  ClientConnection& connection() { return conn_; }
  const ClientConnection& connection() const { return conn_; }
  net::IoBuffer& in() { return in_; }    // the client's bytes: request heads and bodies
  const net::IoBuffer& in() const { return in_; }
  net::IoBuffer& out() { return out_; }  // response heads (bodies go from where they are)

  // Reads into in(): some bytes arrived, none yet (it would block), or the client is gone (it
  // closed, or an error).
  enum class Read { Some, None, Gone };
  Read read();
  // Writes out()'s bytes, then `body`'s, while the client takes them: the body bytes written (the
  // caller drops them from where they came from), or -1 on error. Each write counts as a response
  // byte sent, and body bytes are copied for a plugin that asked (proxy-cache).
  ssize_t write(Exchange& x, std::string_view body);
  // The buffers go back to the worker's pools (idle, or closing).
  void releaseIn();
  void releaseOut();
  void close();

  // TLS: the SNI callback (on the connection's worker thread) picks a certificate for `serverName`.
  static bool selectCertificate(SSL* ssl, const std::string& serverName);

 private:
  ProxyWorker& worker_;
  ClientConnection conn_;
  net::IoBuffer in_, out_;
};

}  // namespace sluice::proxy

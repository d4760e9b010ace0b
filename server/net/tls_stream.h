#pragma once
// A TLS connection over a non-blocking socket, for a reactor: every call returns at once and says
// whether it needs the socket readable or writable before it can go on. Handshakes happen inside
// the first read or write.
#include <openssl/ssl.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace sluice::net {

enum class IoStatus { Ok, WantRead, WantWrite, Eof, Error };

struct IoResult {
  IoStatus status = IoStatus::Ok;
  size_t bytes = 0;
};

class TlsStream {
 public:
  // `ctx` is shared (reference-counted by OpenSSL); the stream owns its SSL object.
  TlsStream(SSL_CTX* ctx, int fd, bool server);
  ~TlsStream();
  TlsStream(const TlsStream&) = delete;
  TlsStream& operator=(const TlsStream&) = delete;

  SSL* ssl() { return ssl_; }
  const SSL* ssl() const { return ssl_; }
  IoResult handshake();
  bool handshakeDone() const { return done_; }
  IoResult read(char* data, size_t size);
  IoResult write(const char* data, size_t size);
  // Bytes already decrypted and waiting in OpenSSL's buffer (a short read does not mean drained).
  bool pending() const { return SSL_pending(ssl_) > 0; }
  std::string_view serverName() const;  // SNI the client sent (valid while the stream lives)
  std::string lastError() const { return error_; }

 private:
  IoResult status(int rc, size_t bytes);
  SSL* ssl_;
  bool done_ = false;
  std::string error_;
};

}  // namespace sluice::net

#include "net/tls_stream.h"

#include <openssl/err.h>

#include <cerrno>

namespace sluice::net {

TlsStream::TlsStream(SSL_CTX* ctx, int fd, bool server) : ssl_(SSL_new(ctx)) {
  SSL_set_fd(ssl_, fd);
  if (server) SSL_set_accept_state(ssl_);
  else SSL_set_connect_state(ssl_);
  SSL_set_mode(ssl_, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS);
}

TlsStream::~TlsStream() { SSL_free(ssl_); }

IoResult TlsStream::status(int rc, size_t bytes) {
  if (rc > 0) return {IoStatus::Ok, bytes};
  const int error = SSL_get_error(ssl_, rc);
  switch (error) {
    case SSL_ERROR_WANT_READ: return {IoStatus::WantRead, 0};
    case SSL_ERROR_WANT_WRITE: return {IoStatus::WantWrite, 0};
    case SSL_ERROR_ZERO_RETURN: return {IoStatus::Eof, 0};
    case SSL_ERROR_SYSCALL:
      if (ERR_peek_error() == 0 && (rc == 0 || errno == 0)) return {IoStatus::Eof, 0};  // closed without close_notify
      [[fallthrough]];
    default: {
      char buffer[256];
      ERR_error_string_n(ERR_get_error(), buffer, sizeof buffer);
      error_ = buffer;
      ERR_clear_error();
      return {IoStatus::Error, 0};
    }
  }
}

IoResult TlsStream::handshake() {
  if (done_) return {IoStatus::Ok, 0};
  ERR_clear_error();
  const int rc = SSL_do_handshake(ssl_);
  if (rc == 1) {
    done_ = true;
    return {IoStatus::Ok, 0};
  }
  return status(rc, 0);
}

IoResult TlsStream::read(char* data, size_t size) {
  if (!done_) {
    const IoResult h = handshake();
    if (h.status != IoStatus::Ok) return h;
  }
  ERR_clear_error();
  size_t n = 0;
  const int rc = SSL_read_ex(ssl_, data, size, &n);
  return status(rc, n);
}

IoResult TlsStream::write(const char* data, size_t size) {
  if (!done_) {
    const IoResult h = handshake();
    if (h.status != IoStatus::Ok) return h;
  }
  ERR_clear_error();
  size_t n = 0;
  const int rc = SSL_write_ex(ssl_, data, size, &n);
  return status(rc, n);
}

std::string_view TlsStream::serverName() const {
  const char* name = SSL_get_servername(ssl_, TLSEXT_NAMETYPE_host_name);
  return name ? std::string_view(name) : std::string_view();
}

}  // namespace sluice::net

#include "proxy/upstream_h2_pool.h"

#include "proxy/upstream_tls.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace sluice::proxy {
namespace {

constexpr size_t kUpstreamWriteBatch = 65536;
constexpr uint32_t kStreamWindow = 1u << 20;  // a response may run this far ahead of its client
constexpr uint32_t kConnectionWindow = 16u << 20;

}  // namespace

UpstreamH2Connection::UpstreamH2Connection(UpstreamH2Pool& pool, int fd, std::string key, std::unique_ptr<net::TlsStream> tls)
    : pool_(pool), fd_(fd), key_(std::move(key)), tls_(std::move(tls)), codec_(*this, kStreamWindow, kConnectionWindow) {}

UpstreamH2Connection::~UpstreamH2Connection() {
  net::TimerQueue::disarm(*this);
  pool_.buffers().release(in_);
  tls_.reset();
  if (fd_ >= 0) ::close(fd_);  // (closing takes it off epoll)
}

bool UpstreamH2Connection::hasRoom() const {
  return !dead_ && !codec_.goingAway() && streams_.size() < kMaxStreams && codec_.streamRoom() > 0;
}

int32_t UpstreamH2Connection::open(const std::vector<std::pair<std::string_view, std::string_view>>& fields, bool withBody,
                                   http::Http2Response* response, H2StreamOwner* owner) {
  const int32_t id = codec_.submitRequest(fields, withBody, response);
  if (id < 0) return -1;
  streams_[id] = owner;
  net::TimerQueue::disarm(*this);
  flushSoon();
  return id;
}

void UpstreamH2Connection::detach(int32_t stream) {
  const auto it = streams_.find(stream);
  if (it == streams_.end()) return;
  streams_.erase(it);
  codec_.reset(stream, 8);  // CANCEL (a stream already closed ignores it)
  flushSoon();
}

H2StreamOwner* UpstreamH2Connection::owner(int32_t stream) {
  const auto it = streams_.find(stream);
  return it == streams_.end() ? nullptr : it->second;
}

void UpstreamH2Connection::flushSoon() {
  if (pumping_ || dead_) return;
  if (!pump()) fail();
}

void UpstreamH2Connection::onEvents(uint32_t events) {
  if (tls_) ready_.readable = ready_.writable = true;
  if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) ready_.readable = true;
  if (events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) ready_.writable = true;
  if (!connected_ && (events & (EPOLLOUT | EPOLLERR | EPOLLHUP))) {
    int error = 0;
    socklen_t length = sizeof error;
    if (getsockopt(fd_, SOL_SOCKET, SO_ERROR, &error, &length) != 0 || error != 0) return fail();
    connected_ = true;
    net::TimerQueue::disarm(*this);
  }
  if (!connected_) return;
  const bool alive = pump();
  // The owners that heard something write to their clients now, once.
  std::vector<H2StreamOwner*> moved;
  moved.swap(moved_);
  if (!alive) return fail();
  for (H2StreamOwner* o : moved) o->afterUpstreamEvents();
}

bool UpstreamH2Connection::pump() {
  if (!connected_) return true;  // (requests wait in the codec until the connect completes)
  pumping_ = true;
  bool alive = true;
  for (bool again = true; again && alive;) {
    again = false;
    // Read everything there is.
    while (alive && ready_.readable && !ready_.eof) {
      pool_.buffers().acquire(in_);
      in_.clear();
      const ssize_t n = net::readSocket(fd_, tls_.get(), in_, ready_);
      if (n < 0) alive = false;
      else if (n == 0) break;
      else alive = codec_.receive(in_.view());
    }
    if (ready_.eof && streams_.empty()) alive = false;  // (the server closed an idle connection)
    // Write what the codec has.
    while (alive) {
      if (outSent_ == out_.size()) {
        out_.clear(), outSent_ = 0;
        if (!codec_.send(out_, kUpstreamWriteBatch)) {
          alive = false;
          break;
        }
        if (out_.empty()) break;
      }
      if (!ready_.writable) break;
      ssize_t n;
      if (tls_) {
        const net::IoResult r = tls_->write(out_.data() + outSent_, out_.size() - outSent_);
        if (r.status == net::IoStatus::Ok) n = static_cast<ssize_t>(r.bytes);
        else if (r.status == net::IoStatus::WantRead || r.status == net::IoStatus::WantWrite) n = 0, ready_.writable = false;
        else n = -1;
      } else {
        n = ::send(fd_, out_.data() + outSent_, out_.size() - outSent_, MSG_NOSIGNAL);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) n = 0, ready_.writable = false;
      }
      if (n < 0) alive = false;
      else outSent_ += static_cast<size_t>(n), again = again || (n > 0 && tls_ != nullptr);
    }
    if (ready_.eof && !streams_.empty()) alive = false;  // the server went away with calls open
  }
  pumping_ = false;
  if (alive && streams_.empty() && !codec_.wantsWrite()) pool_.reactor().arm(*this, pool_.idleTimeoutMs());
  return alive && (codec_.wantsRead() || codec_.wantsWrite() || !streams_.empty());
}

void UpstreamH2Connection::fail() {
  if (dead_) return;
  dead_ = true;
  auto streams = std::move(streams_);
  streams_.clear();
  for (auto& [id, o] : streams) o->onUpstreamFailed(2, connected_), o->afterUpstreamEvents();
  pool_.close(this);
}

void UpstreamH2Connection::onTimer() {
  if (!connected_ || streams_.empty()) fail();  // a connect that took too long, or idle too long
}

void UpstreamH2Connection::onResponseHead(int32_t stream, bool endStream) {
  if (H2StreamOwner* o = owner(stream)) o->onUpstreamHead(endStream), moved_.push_back(o);
}

void UpstreamH2Connection::onResponseData(int32_t stream, std::string_view data) {
  if (H2StreamOwner* o = owner(stream)) o->onUpstreamData(data), moved_.push_back(o);
  else codec_.consumed(stream, data.size());
}

void UpstreamH2Connection::onResponseEnd(int32_t stream) {
  H2StreamOwner* o = owner(stream);
  if (!o) return;
  streams_.erase(stream);
  o->onUpstreamEnd();
  moved_.push_back(o);
}

void UpstreamH2Connection::onStreamClose(int32_t stream, uint32_t errorCode) {
  H2StreamOwner* o = owner(stream);
  if (!o) return;
  streams_.erase(stream);
  o->onUpstreamFailed(errorCode, true);
  moved_.push_back(o);
}

ssize_t UpstreamH2Connection::readRequestBody(int32_t stream, uint8_t* to, size_t max, bool& last) {
  H2StreamOwner* o = owner(stream);
  if (!o) {
    last = true;
    return 0;
  }
  return o->readUpstreamBody(to, max, last);
}

UpstreamH2Pool::~UpstreamH2Pool() {
  for (UpstreamH2Connection* c : all_) delete c;
}

UpstreamH2Connection* UpstreamH2Pool::acquire(const snapshot::PeerAddress& peer, const std::string& key, SSL_CTX* clientTls,
                                              const snapshot::ServiceRuntime& service) {
  auto& list = byKey_[key];
  for (UpstreamH2Connection* c : list)
    if (c->hasRoom()) return c;
  const int fd = ::socket(peer.addr.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return nullptr;
  const int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  std::unique_ptr<net::TlsStream> stream;
  if (clientTls) {
    stream = std::make_unique<net::TlsStream>(clientTls, fd, false);
    static const unsigned char kH2[] = {2, 'h', '2'};
    SSL_set_alpn_protos(stream->ssl(), kH2, sizeof kH2);
    applyServiceTls(stream->ssl(), service);
  }
  auto* c = new UpstreamH2Connection(*this, fd, key, std::move(stream));
  c->slot_ = all_.size();
  all_.push_back(c);
  list.push_back(c);
  if (!reactor_.add(fd, c)) {
    close(c);
    return nullptr;
  }
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&peer.addr), peer.length) == 0) {
    c->connected_ = true;
  } else if (errno != EINPROGRESS) {
    close(c);
    return nullptr;
  } else {
    reactor_.arm(*c, service.connectTimeoutMs);
  }
  return c;
}

void UpstreamH2Pool::close(UpstreamH2Connection* c) {
  auto& list = byKey_[c->key()];
  list.erase(std::remove(list.begin(), list.end(), c), list.end());
  all_[c->slot_] = all_.back();
  all_[c->slot_]->slot_ = c->slot_;
  all_.pop_back();
  net::TimerQueue::disarm(*c);
  ::close(c->fd_);
  c->fd_ = -1;
  reactor_.retire(std::unique_ptr<net::EventHandler>(c));  // (an event of this batch may still name it)
}

}  // namespace sluice::proxy

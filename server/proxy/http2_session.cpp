#include "proxy/http2_session.h"

#include "proxy/http2_stream.h"
#include "proxy/proxy_worker.h"

#include <Poco/Logger.h>

#include <sys/uio.h>

#include <cerrno>

namespace sluice::proxy {
namespace {

constexpr size_t kWriteBatch = 65536;  // frames gathered for one write

}  // namespace

Http2Session::Http2Session(ProxyWorker& worker, ClientConnection::Parts connection, std::string clientIp, const ClientFacts& facts)
    : worker_(worker), conn_(std::move(connection)), codec_(*this, worker.settings().http2), clientIp_(std::move(clientIp)), facts_(facts) {
  facts_.clientIp = clientIp_;
  if (conn_.tls()) SSL_set_app_data(conn_.tlsStream()->ssl(), nullptr);  // (the HTTP/1.x session it pointed to is gone)
}

Http2Session::~Http2Session() { worker_.releaseBuffer(in_); }  // (streams still open end as they are deleted)

void Http2Session::start(std::string_view firstBytes) {
  worker_.reactor().handOver(conn_.fd(), this);
  worker_.reactor().arm(*this, worker_.settings().keepaliveTimeoutMs);
  if (!codec_.receive(firstBytes))
    Poco::Logger::get("sluice.proxy").notice("HTTP/2 client %s: %s", clientIp_, std::string(codec_.failure()));
  pump();
}

void Http2Session::onEvents(uint32_t events) {
  conn_.noteEvents(events);
  pump();
}

void Http2Session::drain(bool) {
  draining_ = true;
  codec_.goAway();  // the streams open finish, no new one starts
  pump();
}

void Http2Session::streamMoved() {
  if (pumping_) again_ = true;
  else if (!closed_) worker_.atBatchEnd(this);
}

void Http2Session::driveAfterSend(Http2Stream& stream) { driveAfterSend_.push_back(stream.id()); }

void Http2Session::pump() {
  if (closed_) return;
  if (lingering_) return linger();
  if (pumping_) {
    again_ = true;
    return;
  }
  pumping_ = true;
  bool healthy = true;
  do {
    again_ = false;
    healthy = readClient() && writeClient();
    // Streams whose client took body bytes go on reading their upstream (more frames to write).
    while (healthy && !driveAfterSend_.empty()) {
      std::vector<int32_t> ids;
      ids.swap(driveAfterSend_);
      for (const int32_t id : ids)
        if (Http2Stream* s = find(id)) s->clientTookBody();
      healthy = writeClient();
    }
  } while (healthy && again_);
  pumping_ = false;
  const bool done = !codec_.wantsRead() && !codec_.wantsWrite() && outSent_ == out_.size();
  if (!healthy) return close();
  if (done || (draining_ && streams_.empty() && outSent_ == out_.size())) return linger();
  if (headsPending_ > 0) worker_.reactor().arm(*this, worker_.settings().clientHeaderTimeoutMs);
  else if (streams_.empty()) worker_.reactor().arm(*this, worker_.settings().keepaliveTimeoutMs);
  else net::TimerQueue::disarm(*this);  // (each stream's upstream leg has its own timeouts)
}

bool Http2Session::readClient() {
  while (codec_.wantsRead()) {
    worker_.clientBuffers().acquire(in_);
    in_.clear();
    const ssize_t n = conn_.read(in_);
    if (n < 0) return false;
    if (n == 0) return !conn_.eof();
    if (!codec_.receive(in_.view())) {
      Poco::Logger::get("sluice.proxy").notice("HTTP/2 client %s: %s; the connection ends with GOAWAY", clientIp_,
                                              std::string(codec_.failure()));
      return true;  // the GOAWAY goes out, then the connection closes (wantsRead turns false)
    }
  }
  return true;
}

bool Http2Session::writeClient() {
  for (;;) {
    if (outSent_ == out_.size()) {
      out_.clear(), outSent_ = 0;
      if (!codec_.send(out_, kWriteBatch)) return false;
      if (out_.empty()) return true;
    }
    if (!conn_.writable()) return true;
    const iovec iov{out_.data() + outSent_, out_.size() - outSent_};
    const ssize_t n = conn_.write(&iov, 1);
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK) return true;  // EPOLLOUT brings the rest
      if (errno == EINTR) continue;
      return false;
    }
    outSent_ += static_cast<size_t>(n);
  }
}

void Http2Session::linger() {
  if (!lingering_) {
    lingering_ = true;
    for (auto& [id, stream] : streams_) stream->onClosed();  // (the codec is done with them)
    conn_.shutdownWrite();
    worker_.reactor().arm(*this, kLingerMs);
  }
  for (;;) {
    worker_.clientBuffers().acquire(in_);
    in_.clear();
    const ssize_t n = conn_.read(in_);
    if (n < 0 || (n == 0 && conn_.eof())) return close();
    if (n == 0) return;
  }
}

void Http2Session::onTimer() {
  if (lingering_) return close();
  if (headsPending_ > 0) {
    // A stream whose head has not come whole within client_header_timeout: the connection ends
    // (a slow client holding streams open for nothing).
    Poco::Logger::get("sluice.proxy").notice("HTTP/2 client %s: a request head incomplete past client_header_timeout", clientIp_);
    codec_.terminate(http::kNoError);
  } else if (streams_.empty()) {
    codec_.goAway();
  } else {
    return;  // (each stream's upstream leg has its own timeouts)
  }
  pump();
  if (!closed_) linger();
}

void Http2Session::close() {
  if (closed_) return;
  closed_ = true;
  net::TimerQueue::disarm(*this);
  for (auto& [id, stream] : streams_) {
    stream->onClosed();
    worker_.reactor().retire(std::move(stream));
  }
  streams_.clear();
  conn_.close();
  worker_.releaseBuffer(in_);
  worker_.sessionClosed(this);
}

Http2Stream* Http2Session::find(int32_t stream) {
  const auto it = streams_.find(stream);
  return it == streams_.end() ? nullptr : it->second.get();
}

http::Http2Request* Http2Session::onStreamOpen(int32_t id) {
  if (draining_ || worker_.draining()) return nullptr;
  auto& slot = streams_[id];
  slot = std::make_unique<Http2Stream>(*this, id);
  ++headsPending_;
  return &slot->request();
}

void Http2Session::onRequestHead(int32_t id) {
  Http2Stream* s = find(id);
  if (!s) return;
  --headsPending_;
  s->onHead();
}

void Http2Session::onRequestData(int32_t id, std::string_view data) {
  if (Http2Stream* s = find(id)) s->onData(data);
  else codec_.consumed(id, data.size());
}

void Http2Session::onRequestEnd(int32_t id) {
  if (Http2Stream* s = find(id)) s->onEnd();
}

void Http2Session::onStreamClose(int32_t id, uint32_t) {
  const auto it = streams_.find(id);
  if (it == streams_.end()) return;
  if (it->second->awaitingHead()) --headsPending_;
  it->second->onClosed();
  // Deleted after this batch of events: the stream may be what is running now (its upstream's event).
  worker_.reactor().retire(std::move(it->second));
  streams_.erase(it);
}

ssize_t Http2Session::readResponseBody(int32_t id, uint8_t* to, size_t max, bool& last,
                                       const std::vector<std::pair<std::string, std::string>>*& trailers) {
  Http2Stream* s = find(id);
  if (!s) {
    last = true;
    return 0;
  }
  return s->readBody(to, max, last, trailers);
}

}  // namespace sluice::proxy

#pragma once
// One HTTP/2 client connection on one reactor: the socket, the nghttp2 codec, and its streams —
// each an exchange of its own (http2_stream.h) through the same router, plugins, upstream legs,
// metrics and access log as an HTTP/1.x request. The session reads what the client sends, lets
// the codec turn it into stream events, and writes the frames the codec has, until the client is
// gone, idle past keepalive_timeout, or sent what counts as an attack (GOAWAY, then the close).
#include "http/http2_server_codec.h"
#include "net/io_buffer.h"
#include "proxy/client_connection.h"
#include "proxy/client_session.h"
#include "proxy/exchange_start.h"

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sluice::proxy {

class ProxyWorker;
class Http2Stream;

class Http2Session final : public ClientSession, public net::Timer, private http::Http2ServerCodec::Events {
 public:
  static constexpr std::string_view kPreface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

  Http2Session(ProxyWorker& worker, ClientConnection::Parts connection, std::string clientIp, const ClientFacts& facts);
  ~Http2Session() override;

  // Takes the connection's events over and reads `firstBytes` (what the HTTP/1.x session read).
  void start(std::string_view firstBytes);
  void onEvents(uint32_t events) override;
  void drain(bool lingerIdle) override;

  // For the streams.
  ProxyWorker& worker() { return worker_; }
  const ClientFacts& facts() const { return facts_; }
  std::string_view clientIp() const { return clientIp_; }
  http::Http2ServerCodec& codec() { return codec_; }
  // A stream moved (upstream bytes, a plugin woke, a timeout): its frames go out with those of the
  // other streams the same batch of events moves, in one write at the batch's end.
  void streamMoved();
  void onBatchEnd() override { pump(); }
  // A stream that waits for the client to take its body is asked to go on once the frames are out.
  void driveAfterSend(Http2Stream& stream);

 private:
  http::Http2Request* onStreamOpen(int32_t stream) override;
  void onRequestHead(int32_t stream) override;
  void onRequestData(int32_t stream, std::string_view data) override;
  void onRequestEnd(int32_t stream) override;
  void onStreamClose(int32_t stream, uint32_t errorCode) override;
  ssize_t readResponseBody(int32_t stream, uint8_t* to, size_t max, bool& last,
                           const std::vector<std::pair<std::string, std::string>>*& trailers) override;
  void onTimer() override;  // idle past keepalive_timeout

  Http2Stream* find(int32_t stream);
  // Reads, feeds the codec, writes its frames, until nothing moves; closes once the connection is
  // done. Re-entered (a stream moving during it): the outer call goes round once more.
  void pump();
  bool readClient();  // false: the client is gone or misbehaved
  bool writeClient();  // false: the connection failed
  void close();
  // Done, or a misbehaving client told so with GOAWAY: the write side closes and what the client
  // still sends is read and dropped for a moment, so that a close with unread bytes (a reset) does
  // not destroy the GOAWAY before the client reads it.
  void linger();
  static constexpr uint64_t kLingerMs = 2000;

  ProxyWorker& worker_;
  ClientConnection conn_;
  http::Http2ServerCodec codec_;
  std::string clientIp_;
  ClientFacts facts_;
  net::IoBuffer in_;
  std::string out_;
  size_t outSent_ = 0;
  std::unordered_map<int32_t, std::unique_ptr<Http2Stream>> streams_;
  std::vector<int32_t> driveAfterSend_;
  size_t headsPending_ = 0;  // streams opened whose head is not whole yet (client_header_timeout runs)
  bool pumping_ = false, again_ = false, closed_ = false, draining_ = false, lingering_ = false;
};

}  // namespace sluice::proxy

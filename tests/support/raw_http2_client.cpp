#include "raw_http2_client.h"

#include <QElapsedTimer>

namespace sluice::test {

bool RawHttp2Client::connect(quint16 port) {
  socket_.connectToHost("127.0.0.1", port);
  if (!socket_.waitForConnected(3000)) return false;
  return send(QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") + frame(Settings, 0, 0, {}));
}

QByteArray RawHttp2Client::frame(uint8_t type, uint8_t flags, uint32_t stream, const QByteArray& payload) {
  QByteArray f;
  const auto length = static_cast<uint32_t>(payload.size());
  f.append(static_cast<char>(length >> 16)).append(static_cast<char>(length >> 8)).append(static_cast<char>(length));
  f.append(static_cast<char>(type)).append(static_cast<char>(flags));
  f.append(static_cast<char>((stream >> 24) & 0x7f)).append(static_cast<char>(stream >> 16));
  f.append(static_cast<char>(stream >> 8)).append(static_cast<char>(stream));
  return f + payload;
}

QByteArray RawHttp2Client::integer(uint64_t value, int prefixBits, uint8_t firstByteFlags) {
  const uint64_t max = (uint64_t{1} << prefixBits) - 1;
  QByteArray out;
  if (value < max) return out.append(static_cast<char>(firstByteFlags | value));
  out.append(static_cast<char>(firstByteFlags | max));
  value -= max;
  while (value >= 128) {
    out.append(static_cast<char>(0x80 | (value & 0x7f)));
    value >>= 7;
  }
  return out.append(static_cast<char>(value));
}

QByteArray RawHttp2Client::literalIndexed(const QByteArray& name, const QByteArray& value) {
  return QByteArray(1, '\x40') + integer(static_cast<uint64_t>(name.size()), 7, 0) + name +
         integer(static_cast<uint64_t>(value.size()), 7, 0) + value;
}

QByteArray RawHttp2Client::requestBlock(const QByteArray& path) {
  // :method GET (static 2), :scheme http (static 6), then :path and :authority as literals never
  // indexed with an indexed name (static 4 and 1).
  QByteArray block("\x82\x86", 2);
  block += integer(4, 4, 0x10) + integer(static_cast<uint64_t>(path.size()), 7, 0) + path;
  block += integer(1, 4, 0x10) + integer(9, 7, 0) + QByteArray("localhost");
  return block;
}

void RawHttp2Client::readAvailable() {
  received_ += socket_.readAll();
  // Frames: 9-byte header, then the payload; a GOAWAY's error code is its payload's bytes 4..7.
  while (received_.size() >= 9) {
    const auto byte = [this](int i) { return static_cast<uint32_t>(static_cast<uint8_t>(received_[i])); };
    const uint32_t length = byte(0) << 16 | byte(1) << 8 | byte(2);
    if (static_cast<uint32_t>(received_.size()) < 9 + length) break;
    if (byte(3) == GoAway && length >= 8) goAwayCode_ = static_cast<int>(byte(13) << 24 | byte(14) << 16 | byte(15) << 8 | byte(16));
    received_.remove(0, static_cast<int>(9 + length));
  }
  if (socket_.state() != QAbstractSocket::ConnectedState) closed_ = true;
}

bool RawHttp2Client::send(const QByteArray& bytes) {
  qint64 offset = 0;
  while (offset < bytes.size()) {
    if (socket_.state() != QAbstractSocket::ConnectedState) return closed_ = true, false;
    const qint64 n = socket_.write(bytes.constData() + offset, std::min<qint64>(bytes.size() - offset, 65536));
    if (n < 0) return closed_ = true, false;
    offset += n;
    socket_.waitForBytesWritten(1000);
    if (socket_.bytesAvailable() > 0 || socket_.waitForReadyRead(0)) readAvailable();
  }
  readAvailable();
  return !closed_;
}

int RawHttp2Client::waitForGoAwayAndClose(int ms) {
  QElapsedTimer timer;
  timer.start();
  while (!closed_ && timer.elapsed() < ms) {
    if (!socket_.waitForReadyRead(100) && socket_.state() != QAbstractSocket::ConnectedState) closed_ = true;
    readAvailable();
  }
  return goAwayCode_;
}

}  // namespace sluice::test

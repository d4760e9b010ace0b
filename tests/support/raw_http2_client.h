#pragma once
// An HTTP/2 client that writes frames byte by byte, for the tests that send what no well-behaved
// client sends (floods, HPACK bombs): prior-knowledge h2c over a plain socket, frames built by
// hand, and the frames the server answers read back.
#include <QByteArray>
#include <QTcpSocket>

#include <cstdint>

namespace sluice::test {

class RawHttp2Client {
 public:
  enum Type : uint8_t { Data = 0, Headers = 1, RstStream = 3, Settings = 4, Ping = 6, GoAway = 7, WindowUpdate = 8, Continuation = 9 };
  enum Flags : uint8_t { EndStream = 1, EndHeaders = 4 };

  // Connects and sends the preface and an empty SETTINGS frame.
  bool connect(quint16 port);
  static QByteArray frame(uint8_t type, uint8_t flags, uint32_t stream, const QByteArray& payload);
  // HPACK for a GET of `path` on a new stream (static-table method and scheme, literal path and
  // authority, never indexed): what a HEADERS frame carries.
  static QByteArray requestBlock(const QByteArray& path);
  // HPACK pieces: an integer with an N-bit prefix, a literal field with incremental indexing (a
  // new name), and a reference to an entry of the table.
  static QByteArray integer(uint64_t value, int prefixBits, uint8_t firstByteFlags);
  static QByteArray literalIndexed(const QByteArray& name, const QByteArray& value);
  static QByteArray indexed(uint64_t index) { return integer(index, 7, 0x80); }

  // Writes, reading what the server sends meanwhile; false once the connection is gone.
  bool send(const QByteArray& bytes);
  // Reads until a GOAWAY arrives and the server closes, or `ms` pass. The GOAWAY's error code, or
  // -1 without one.
  int waitForGoAwayAndClose(int ms);
  bool closedByServer() const { return closed_; }

 private:
  void readAvailable();

  QTcpSocket socket_;
  QByteArray received_;
  int goAwayCode_ = -1;
  bool closed_ = false;
};

}  // namespace sluice::test

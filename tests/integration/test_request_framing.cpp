// What reaches the upstream, byte for byte, when a client frames a request the way an attacker
// would: a raw upstream here records every byte Sluice sends it. Whatever parsers might read two
// ways is refused before anything goes up; what is accepted goes up as Sluice parsed it (the head
// written anew, the body checked).
#include "sluice_process.h"

#include <QJsonArray>
#include <QTcpSocket>
#include <QtTest>

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <thread>

using namespace sluice::test;

namespace {

// An upstream on a loopback port that records what arrives on each connection and answers every
// request head it sees with a fixed 200 (it understands just enough: Content-Length and chunked
// bodies end requests), keeping the connection open.
class RecordingUpstream {
 public:
  bool start() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(listener_, 64) != 0) return false;
    socklen_t len = sizeof a;
    getsockname(listener_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    thread_ = std::thread([this] { serve(); });
    return true;
  }
  ~RecordingUpstream() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    if (listener_ >= 0) ::close(listener_);
  }
  quint16 port() const { return port_; }
  int closedConnections() const { return closed_; }
  // Everything received since the last call, and forgets it.
  QByteArray take() {
    std::lock_guard lock(mutex_);
    QByteArray out = received_;
    received_.clear();
    return out;
  }

 private:
  void serve() {
    std::vector<pollfd> fds{{listener_, POLLIN, 0}};
    std::vector<QByteArray> pending(1);
    while (!stop_) {
      if (::poll(fds.data(), fds.size(), 50) <= 0) continue;
      if (fds[0].revents & POLLIN) {
        const int c = ::accept(listener_, nullptr, nullptr);
        if (c >= 0) fds.push_back({c, POLLIN, 0}), pending.emplace_back();
      }
      for (size_t i = 1; i < fds.size(); ++i) {
        if (!(fds[i].revents & (POLLIN | POLLHUP))) continue;
        char buffer[16384];
        const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
        if (n <= 0) {
          ++closed_;
          ::close(fds[i].fd);
          fds[i].fd = -1;
          continue;
        }
        {
          std::lock_guard lock(mutex_);
          received_.append(buffer, n);
        }
        pending[i].append(buffer, n);
        while (answerOne(pending[i], fds[i].fd)) {
        }
      }
      for (size_t i = fds.size(); i-- > 1;)
        if (fds[i].fd < 0) fds.erase(fds.begin() + static_cast<std::ptrdiff_t>(i)), pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(i));
    }
    for (size_t i = 1; i < fds.size(); ++i) ::close(fds[i].fd);
  }
  // Answers the first complete request of `bytes` and drops it; false when none is complete.
  static bool answerOne(QByteArray& bytes, int fd) {
    const int headEnd = bytes.indexOf("\r\n\r\n");
    if (headEnd < 0) return false;
    const QByteArray head = bytes.left(headEnd).toLower();
    qsizetype end = headEnd + 4;
    if (head.contains("\r\ntransfer-encoding: chunked")) {
      const int last = bytes.indexOf("\r\n0\r\n", headEnd);  // (enough for these tests: no trailers after it)
      const int done = last < 0 ? -1 : bytes.indexOf("\r\n\r\n", last + 2);
      if (done < 0) return false;
      end = done + 4;
    } else if (const int cl = head.indexOf("\r\ncontent-length: "); cl >= 0) {
      end += head.mid(cl + 18, head.indexOf("\r\n", cl + 2) - cl - 18).toLongLong();
      if (bytes.size() < end) return false;
    }
    bytes.remove(0, end);
    const char answer[] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    return ::write(fd, answer, sizeof answer - 1) > 0;
  }

  int listener_ = -1;
  quint16 port_ = 0;
  std::thread thread_;
  std::atomic<bool> stop_{false};
  std::atomic<int> closed_{0};
  std::mutex mutex_;
  QByteArray received_;
};

}  // namespace

class TestRequestFraming : public QObject {
  Q_OBJECT

  RecordingUpstream upstream_;
  SluiceProcess sluice_;

  // Sends `bytes` on a new connection and reads until the gateway closes it or 2 s of silence.
  QByteArray exchange(const QByteArray& bytes) {
    QTcpSocket s;
    s.connectToHost("127.0.0.1", sluice_.proxyPort());
    if (!s.waitForConnected(5000)) return {};
    s.write(bytes);
    s.waitForBytesWritten(5000);
    QByteArray out;
    while (s.waitForReadyRead(2000)) out += s.readAll();
    return out + s.readAll();
  }
  // What the upstream received after a short wait for it to arrive.
  QByteArray upstreamSaw() {
    QTest::qWait(200);
    return upstream_.take();
  }

 private slots:
  void initTestCase() {
    QVERIFY(upstream_.start());
    QVERIFY(sluice_.start());
    auto admin = sluice_.admin();
    QCOMPARE(admin.sendJson("POST", "/services", {{"name", "raw"}, {"url", QString("http://127.0.0.1:%1").arg(upstream_.port())}}).status, 201);
    QCOMPARE(admin.sendJson("POST", "/services/raw/routes", {{"paths", QJsonArray{"/"}}}).status, 201);
    for (int i = 0; i < 100 && !exchange("GET /ready HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 200"); ++i)
      QTest::qWait(50);
    upstreamSaw();
  }

  // Refused. A head that cannot be read two ways never reaches the upstream; a chunked body is
  // checked as it streams, after its head went up: the upstream then gets no byte of it, and the
  // connection is closed (never reused), so nothing can be read as a next request.
  void ambiguousFramingIsRefusedBeforeTheUpstream_data() {
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("headWentUp");
    const QByteArray post = "POST /x HTTP/1.1\r\nHost: a\r\n";
    const QByteArray chunked = post + "Transfer-Encoding: chunked\r\n\r\n";
    QTest::newRow("bare LF after a chunk size") << chunked + "5\nhello\r\n0\r\n\r\n" << 400 << true;
    QTest::newRow("bare LF after chunk data") << chunked + "5\r\nhello\n0\r\n\r\n" << 400 << true;
    QTest::newRow("control in a chunk extension") << chunked + "5;a=\x01\r\nhello\r\n0\r\n\r\n" << 400 << true;
    QTest::newRow("obs-fold in a trailer") << chunked + "0\r\nX-T: 1\r\n more\r\n\r\n" << 400 << true;
    QTest::newRow("obs-fold in a header") << post + "X-A: 1\r\n folded\r\nContent-Length: 0\r\n\r\n" << 400 << false;
    static constexpr char kNul[] = "GET /x HTTP/1.1\r\nHost: a\r\nX-A: a\0b\r\n\r\n";
    QTest::newRow("NUL in a header") << QByteArray(kNul, sizeof kNul - 1) << 400 << false;
    QTest::newRow("whitespace before a colon") << post + "Content-Length : 5\r\n\r\nhello" << 400 << false;
    QTest::newRow("Transfer-Encoding list") << post + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n" << 501 << false;
    QTest::newRow("Transfer-Encoding twice") << post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" << 400
                                             << false;
    QTest::newRow("Content-Length list") << post + "Content-Length: 5, 5\r\n\r\nhello" << 400 << false;
    QTest::newRow("Content-Length twice") << post + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!" << 400 << false;
    QTest::newRow("Content-Length and Transfer-Encoding")
        << post + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" << 400 << false;
    QTest::newRow("HTTP/1.0 with Transfer-Encoding")
        << QByteArray("POST /x HTTP/1.0\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") << 400 << false;
  }
  void ambiguousFramingIsRefusedBeforeTheUpstream() {
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(bool, headWentUp);
    const int closedBefore = upstream_.closedConnections();
    const QByteArray answer = exchange(request);
    QVERIFY2(answer.startsWith("HTTP/1.1 " + QByteArray::number(status)), answer.left(80).constData());
    const QByteArray saw = upstreamSaw();
    if (!headWentUp) {
      QCOMPARE(saw, QByteArray());
      return;
    }
    QVERIFY2(saw.startsWith("POST /x HTTP/1.1\r\n") && saw.endsWith("\r\nTransfer-Encoding: chunked\r\n\r\n"), saw.constData());
    QTRY_VERIFY(upstream_.closedConnections() > closedBefore);
  }

  // Accepted: the head goes up written anew from what was parsed, the body as checked.
  void acceptedRequestsGoUpAsParsed() {
    QByteArray answer = exchange("POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                                 "5;name=value\r\nhello\r\n0\r\nX-Trailer: t\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    QByteArray saw = upstreamSaw();
    QVERIFY2(saw.startsWith("POST /c HTTP/1.1\r\nHost: 127.0.0.1:"), saw.constData());
    QVERIFY(saw.contains("\r\nTransfer-Encoding: chunked\r\n"));
    QVERIFY2(saw.endsWith("\r\n\r\n5;name=value\r\nhello\r\n0\r\nX-Trailer: t\r\n\r\n"), saw.constData());  // checked, passed on
    QVERIFY(!saw.contains("Connection: close"));  // hop-by-hop: the upstream connection is Sluice's
    // Header names and values as parsed: optional whitespace around a value is not carried up.
    answer = exchange("GET /h HTTP/1.1\r\nHost: a\r\nX-Spaced:   v  \r\nConnection: close\r\n\r\n");
    QVERIFY(answer.startsWith("HTTP/1.1 200"));
    saw = upstreamSaw();
    QVERIFY2(saw.contains("\r\nX-Spaced: v\r\n"), saw.constData());
  }

  // Pipelined requests after a body: each goes up as its own request, the first with exactly its
  // Content-Length of body, the next written anew — never the client's bytes run together.
  void pipelinedRequestsAfterABodyStayApart() {
    const QByteArray answer = exchange("POST /first HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
                                       "GET /second HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
    QCOMPARE(answer.count("HTTP/1.1 200"), 2);
    const QByteArray saw = upstreamSaw();
    const int second = saw.indexOf("GET /second HTTP/1.1\r\n");
    QVERIFY2(second > 0, saw.constData());
    const QByteArray first = saw.left(second);
    QVERIFY2(first.startsWith("POST /first HTTP/1.1\r\n") && first.contains("\r\nContent-Length: 5\r\n") && first.endsWith("\r\n\r\nhello"),
             first.constData());
    QVERIFY(saw.mid(second).endsWith("\r\n\r\n"));  // a head of its own, no body
  }
};

QTEST_GUILESS_MAIN(TestRequestFraming)
#include "test_request_framing.moc"

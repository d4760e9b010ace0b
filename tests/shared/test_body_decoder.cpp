// The body decoder: whatever the framing, the same bytes fed in any pieces give the same data, the
// same end and the same leftover (the next message's bytes).
#include "http/body_decoder.h"

#include <QtTest>

using namespace sluice::http;

Q_DECLARE_METATYPE(BodyFraming)
Q_DECLARE_METATYPE(std::string)

namespace {

struct Outcome {
  std::string data;
  std::string leftover;  // bytes after the body, never consumed
  bool done = false, failed = false;
  bool operator==(const Outcome&) const = default;
};

// Feeds `pieces` as a connection would: unconsumed bytes stay in front of the next piece.
Outcome decode(BodyFraming framing, uint64_t length, const std::vector<std::string_view>& pieces) {
  BodyDecoder d;
  d.start(framing, length);
  Outcome o;
  std::string buffer;
  for (std::string_view piece : pieces) {
    buffer.append(piece);
    const size_t before = o.data.size();
    const size_t peek = d.bodyBytesIn(buffer);
    const size_t used = d.feed(buffer, [&o](std::string_view data) { o.data.append(data); });
    if (peek != used) o.failed = true;  // the probe must agree with the real thing
    buffer.erase(0, used);
    if (d.decoded() != o.data.size() || o.data.size() < before) o.failed = true;
    if (d.failed()) break;
  }
  o.leftover = buffer;
  o.done = d.done();
  o.failed = o.failed || d.failed();
  return o;
}

}  // namespace

class TestBodyDecoder : public QObject {
  Q_OBJECT

 private slots:
  void splitAtEveryOffsetGivesTheSameEvents_data() {
    QTest::addColumn<BodyFraming>("framing");
    QTest::addColumn<qulonglong>("length");
    QTest::addColumn<std::string>("bytes");
    QTest::addColumn<std::string>("data");
    QTest::addColumn<std::string>("leftover");
    QTest::addColumn<bool>("done");
    QTest::addColumn<bool>("failed");
    const std::string next = "GET /next HTTP/1.1\r\n\r\n";
    QTest::newRow("content-length") << BodyFraming::ContentLength << 11ULL << "hello world" + next << std::string("hello world") << next << true << false;
    QTest::newRow("chunked") << BodyFraming::Chunked << 0ULL
                             << "5;ext=1\r\nhello\r\n1\r\n \r\nA\r\n0123456789\r\n0\r\nTrailer: t\r\n\r\n" + next
                             << std::string("hello 0123456789") << next << true << false;
    // A bare LF does not end a chunk line (parsers disagree on it: the bytes would go on as they are).
    QTest::newRow("chunked, bare LF") << BodyFraming::Chunked << 0ULL << "3\nabc\n0\n\n" + next << std::string() << std::string()
                                      << false << true;
    QTest::newRow("until close") << BodyFraming::UntilClose << 0ULL << std::string("all of it, to the end") << std::string("all of it, to the end")
                                 << std::string() << false << false;
    QTest::newRow("none") << BodyFraming::None << 0ULL << next << std::string() << next << true << false;
    QTest::newRow("bad chunk size") << BodyFraming::Chunked << 0ULL << std::string("5\r\nhello\r\nzz\r\n") << std::string("hello")
                                    << std::string("zz\r\n") << false << true;
  }

  void splitAtEveryOffsetGivesTheSameEvents() {
    QFETCH(BodyFraming, framing);
    QFETCH(qulonglong, length);
    QFETCH(std::string, bytes);
    QFETCH(std::string, data);
    QFETCH(std::string, leftover);
    QFETCH(bool, done);
    QFETCH(bool, failed);
    const std::string_view all = bytes;
    const Outcome whole = decode(framing, length, {all});
    QCOMPARE(whole.data, data);
    QCOMPARE(whole.done, done);
    QCOMPARE(whole.failed, failed);
    if (!failed) QCOMPARE(whole.leftover, leftover);
    for (size_t i = 0; i <= all.size(); ++i)
      for (size_t j = i; j <= all.size(); ++j) {  // every way of cutting it in three
        const Outcome cut = decode(framing, length, {all.substr(0, i), all.substr(i, j - i), all.substr(j)});
        QVERIFY2(cut.data == whole.data && cut.done == whole.done && cut.failed == whole.failed,
                 qPrintable(QString("split at %1 and %2").arg(i).arg(j)));
        if (!failed) QVERIFY2(cut.leftover == whole.leftover, qPrintable(QString("split at %1 and %2").arg(i).arg(j)));
      }
    std::vector<std::string_view> bytewise;
    for (size_t i = 0; i < all.size(); ++i) bytewise.push_back(all.substr(i, 1));
    const Outcome slow = decode(framing, length, bytewise);
    QCOMPARE(slow.data, whole.data);
    QCOMPARE(slow.done, whole.done);
  }

  void aLengthIsCountedDown() {
    BodyDecoder d;
    d.start(BodyFraming::ContentLength, 4);
    QVERIFY(!d.done());
    QCOMPARE(d.feed("ab"), size_t{2});
    QCOMPARE(d.bodyBytesIn("cdef"), size_t{2});
    QCOMPARE(d.decoded(), uint64_t{2});  // the probe consumed nothing
    QCOMPARE(d.feed("cdef"), size_t{2});
    QVERIFY(d.done());
    QCOMPARE(d.feed("more"), size_t{0});
  }
};

QTEST_GUILESS_MAIN(TestBodyDecoder)
#include "test_body_decoder.moc"

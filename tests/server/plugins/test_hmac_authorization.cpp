// hmac-auth's hand-written reader of the Authorization header against Kong's own pattern run by
// PCRE2 (the oracle): the same match or no match, the same four groups, on headers built to make
// greedy groups choose (quotes and delimiters inside values) and on random ones; and linear time
// on a header full of quotes.
#include "plugins/hmac_auth/authorization.h"
#include "router/regex.h"

#include <QElapsedTimer>
#include <QtTest>

#include <random>

using namespace sluice;

namespace {

const router::Regex& kongPattern() {
  static const router::Regex kPattern = *router::Regex::compileSearch(
      "\\s*[Hh]mac\\s*username=\"(.+)\",\\s*algorithm=\"(.+)\",\\s*headers=\"(.+)\",\\s*signature=\"(.+)\"");
  return kPattern;
}

QString describe(bool matched, const plugins::HmacAuthorization& a) {
  if (!matched) return "no match";
  return QString("[%1] [%2] [%3] [%4]")
      .arg(QString::fromUtf8(a.username.data(), static_cast<qsizetype>(a.username.size())),
           QString::fromUtf8(a.algorithm.data(), static_cast<qsizetype>(a.algorithm.size())),
           QString::fromUtf8(a.headers.data(), static_cast<qsizetype>(a.headers.size())),
           QString::fromUtf8(a.signature.data(), static_cast<qsizetype>(a.signature.size())));
}

QString oracle(const std::string& header) {
  std::vector<std::string_view> groups;
  if (!kongPattern().matchPrefix(header, nullptr, &groups) || groups.size() < 4) return "no match";
  return describe(true, {groups[0], groups[1], groups[2], groups[3]});
}

QString ours(const std::string& header) {
  plugins::HmacAuthorization a;
  const bool matched = plugins::parseHmacAuthorization(header, a);
  return describe(matched, a);
}

}  // namespace

class TestHmacAuthorization : public QObject {
  Q_OBJECT
 private slots:
  void readsWhatKongsPatternReads_data() {
    QTest::addColumn<QString>("header");
    const char* cases[] = {
        "hmac username=\"alice\", algorithm=\"hmac-sha256\", headers=\"date request-line\", signature=\"c2lnbg==\"",
        "Hmac username=\"a\",algorithm=\"b\",headers=\"c\",signature=\"d\"",
        "   hmac   username=\"a\", algorithm=\"b\", headers=\"c\", signature=\"d\" trailing",
        "xhmac username=\"a\", algorithm=\"b\", headers=\"c\", signature=\"d\"",
        "hmac username=\"a\", algorithm=\"b\", headers=\"c\", signature=\"d\", signature=\"e\"",
        "hmac username=\"a\", algorithm=\"b\", algorithm=\"x\", headers=\"c\", signature=\"d\"",
        "hmac username=\"a\"\", algorithm=\"b\"\", headers=\"c\"\", signature=\"d\"\"",
        "hmac username=\"\", algorithm=\"b\", headers=\"c\", signature=\"d\"",
        "hmac username=\"a\", algorithm=\"\", headers=\"c\", signature=\"d\"",
        "hmac username=\"a\", algorithm=\"b\", headers=\"c\", signature=\"\"",
        "hmac username=\"a\", algorithm=\"b\", headers=\"c\", signature=\"",
        "hmac username=\"u\", algorithm=\"b\", headers=\"c\", signature=\"d\" hmac username=\"v\", algorithm=\"b\", headers=\"c\", signature=\"d\"",
        "HMAC username=\"a\", algorithm=\"b\", headers=\"c\", signature=\"d\"",
        "hmac username=\"a\",\talgorithm=\"b\",  headers=\"c\",signature=\"d\"",
        "hmacusername=\"a\", algorithm=\"b\", headers=\"c\", signature=\"d\"",
        "hmac username=\"a\", headers=\"c\", algorithm=\"b\", signature=\"d\"",
        "Basic dXNlcjpwYXNz",
        "",
    };
    for (const char* c : cases) QTest::newRow(c) << QString::fromUtf8(c);
  }

  void readsWhatKongsPatternReads() {
    QFETCH(QString, header);
    const std::string h = header.toStdString();
    QCOMPARE(ours(h), oracle(h));
  }

  // Headers made of the pattern's own pieces in random order: every kind of near miss.
  void agreesOnRandomHeaders() {
    const char* pieces[] = {"hmac", "Hmac", " ", "username=\"", "\", algorithm=\"", "\",algorithm=\"", "\", headers=\"",
                            "\",  headers=\"", "\", signature=\"", "\"", ",", "a", "x\"y", "=", "mac", "h"};
    std::mt19937 random(20261203);
    int matched = 0;
    for (int n = 0; n < 20000; ++n) {
      std::string header;
      const int count = 1 + static_cast<int>(random() % 14);
      // Mostly well-formed skeletons with noise, so that matches are common too.
      if (random() % 2) header = "hmac username=\"";
      for (int i = 0; i < count; ++i) header += pieces[random() % (sizeof pieces / sizeof *pieces)];
      if (random() % 2) header += "\", algorithm=\"b\", headers=\"c\", signature=\"d\"";
      const QString expected = oracle(header);
      QCOMPARE(ours(header), expected);
      matched += expected != "no match";
    }
    QVERIFY(matched > 2000);
  }

  void linearOnAHeaderFullOfQuotes() {
    std::string header = "hmac username=\"";
    for (int i = 0; i < 20000; ++i) header += "\", algorithm=\"\", headers=\"\"";
    plugins::HmacAuthorization a;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!plugins::parseHmacAuthorization(header, a));
    QVERIFY2(timer.elapsed() < 2000, "the reader must not backtrack");
  }
};

QTEST_GUILESS_MAIN(TestHmacAuthorization)
#include "test_hmac_authorization.moc"

// request-transformer and response-transformer through a real sluice and a real upstream.
#include "plugin_test_bed.h"

#include <QJsonArray>
#include <QtTest>

using namespace sluice::test;

class TestPluginsTransform : public QObject {
  Q_OBJECT

  PluginTestBed bed_;

 private slots:
  void initTestCase() { QVERIFY(bed_.start()); }
  void cleanup() { QVERIFY(bed_.removePlugins()); }

  void requestHeadersInKongsOrder() {
    bed_.addPlugin({{"name", "request-transformer"},
                    {"config", QJsonObject{{"remove", QJsonObject{{"headers", QJsonArray{"x-drop"}}}},
                                           {"rename", QJsonObject{{"headers", QJsonArray{"x-old:x-new", "x-absent:x-never"}}}},
                                           {"replace", QJsonObject{{"headers", QJsonArray{"x-swap:replaced", "x-missing:no"}}}},
                                           {"add", QJsonObject{{"headers", QJsonArray{"x-added:1", "x-swap:not-added"}}}},
                                           {"append", QJsonObject{{"headers", QJsonArray{"x-multi:second"}}}}}}});
    HttpResponse r;
    QTRY_VERIFY_WITH_TIMEOUT(PluginTestBed::upstreamHeaders(
                                 r = bed_.proxy().request("GET", "/", {}, {{"X-Drop", "1"}, {"X-Old", "moved"}, {"X-Swap", "orig"}, {"X-Multi", "first"}}))
                                 .contains("x-added"),
                             5000);
    const auto h = PluginTestBed::upstreamHeaders(r);
    QVERIFY(!h.contains("x-drop"));
    QVERIFY(!h.contains("x-old"));
    QCOMPARE(h["x-new"].toString(), QString("moved"));
    QVERIFY(!h.contains("x-never"));
    QCOMPARE(h["x-swap"].toString(), QString("replaced"));
    QVERIFY(!h.contains("x-missing"));
    QCOMPARE(h["x-added"].toString(), QString("1"));
    QVERIFY2(h["x-multi"].toString().contains("first") && h["x-multi"].toString().contains("second"), qPrintable(h["x-multi"].toString()));
  }

  void requestQueryMethodAndUri() {
    bed_.addPlugin({{"name", "request-transformer"},
                    {"config", QJsonObject{{"http_method", "POST"},
                                           {"remove", QJsonObject{{"querystring", QJsonArray{"secret"}}}},
                                           {"rename", QJsonObject{{"querystring", QJsonArray{"q:query"}}}},
                                           {"replace", QJsonObject{{"uri", "/rewritten"}}},
                                           {"add", QJsonObject{{"querystring", QJsonArray{"lang:en US"}}}}}}});
    HttpResponse r;
    QTRY_COMPARE_WITH_TIMEOUT((r = bed_.proxy().get("/any/path?q=1&secret=s&keep=2")).json()["method"].toString(), QString("POST"), 5000);
    QCOMPARE(r.json()["uri"].toString(), QString("/rewritten?query=1&keep=2&lang=en%20US"));
  }

  void responseHeaders() {
    bed_.addPlugin({{"name", "response-transformer"},
                    {"config", QJsonObject{{"remove", QJsonObject{{"headers", QJsonArray{"x-upstream"}}}},
                                           {"rename", QJsonObject{{"headers", QJsonArray{"content-type:x-original-type"}}}},
                                           {"add", QJsonObject{{"headers", QJsonArray{"x-added:yes", "content-type:text/never"}}}},
                                           {"append", QJsonObject{{"headers", QJsonArray{"x-added:again"}}}}}}});
    HttpResponse r;
    QTRY_VERIFY_WITH_TIMEOUT(!(r = bed_.proxy().get("/")).header("X-Added").isEmpty(), 5000);
    QVERIFY(r.header("X-Upstream").isEmpty());
    QCOMPARE(r.header("X-Original-Type"), QByteArray("application/json"));
    QCOMPARE(r.header("Content-Type"), QByteArray("text/never"));  // renamed away, so "add" applies
    int added = 0;
    for (const auto& [name, value] : r.headers) added += name.compare("x-added", Qt::CaseInsensitive) == 0 ? 1 : 0;
    QCOMPARE(added, 2);
    QCOMPARE(r.json()["method"].toString(), QString("GET"));  // the body is untouched
  }

  void malformedPairsAreRefused() {
    const auto r = bed_.admin().sendJson("POST", "/plugins", {{"name", "request-transformer"}, {"config", QJsonObject{{"add", QJsonObject{{"headers", QJsonArray{"novalue"}}}}}}});
    QCOMPARE(r.status, 400);
    QVERIFY2(r.body.contains("has no value"), r.body.constData());
  }
};

QTEST_GUILESS_MAIN(TestPluginsTransform)
#include "test_plugins_transform.moc"

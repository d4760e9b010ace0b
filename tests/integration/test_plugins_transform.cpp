// request-transformer and response-transformer through a real sluice and a real upstream.
#include "plugin_test_bed.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace sluice::test;

class TestPluginsTransform : public QObject {
  Q_OBJECT

  PluginTestBed bed_;

 private slots:
  void initTestCase() {
    bed_.sluice().setEnv("BODY_BUFFER_SIZE", "64k");  // small, so that the limit is cheap to test
    QVERIFY(bed_.start());
  }
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

  void requestJsonAndFormBodies() {
    bed_.addPlugin({{"name", "request-transformer"},
                    {"config", QJsonObject{{"remove", QJsonObject{{"body", QJsonArray{"secret"}}}},
                                           {"rename", QJsonObject{{"body", QJsonArray{"old:new"}}}},
                                           {"replace", QJsonObject{{"body", QJsonArray{"keep:replaced", "absent:never"}}}},
                                           {"add", QJsonObject{{"body", QJsonArray{"added:yes", "keep:not-added"}}}},
                                           {"append", QJsonObject{{"body", QJsonArray{"list:two"}}}}}}});
    const QList<QPair<QByteArray, QByteArray>> json{{"Content-Type", "application/json"}};
    const QByteArray sent = R"({"secret":"s","old":1,"keep":"k","list":"one","other":true})";
    HttpResponse r;
    QTRY_VERIFY_WITH_TIMEOUT((r = bed_.proxy().request("POST", "/body", sent, json)).json()["body"].toString() != sent, 5000);
    const QByteArray upstreamBody = r.json()["body"].toString().toUtf8();
    const QJsonObject got = QJsonDocument::fromJson(upstreamBody).object();
    QVERIFY2(!got.contains("secret") && !got.contains("old") && !got.contains("absent"), upstreamBody.constData());
    QCOMPARE(got["new"].toInt(), 1);
    QCOMPARE(got["keep"].toString(), QString("replaced"));
    QCOMPARE(got["added"].toString(), QString("yes"));
    QCOMPARE(got["list"].toArray(), (QJsonArray{"one", "two"}));
    QCOMPARE(got["other"].toBool(), true);
    // The upstream got the new length, and the body it announces.
    QCOMPARE(PluginTestBed::upstreamHeaders(r)["content-length"].toString(), QString::number(upstreamBody.size()));
    QCOMPARE(r.json()["body_length"].toInt(), upstreamBody.size());

    // A chunked request body is read whole and goes upstream with a length.
    const QByteArray chunked = "POST /chunked-body HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                               "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                               "5\r\n{\"sec\r\n9\r\nret\":\"x\"}\r\n0\r\n\r\n";
    r = bed_.proxy().raw(chunked);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["chunked"].toBool(), false);
    const QJsonObject fromChunked = QJsonDocument::fromJson(r.json()["body"].toString().toUtf8()).object();
    QVERIFY(!fromChunked.contains("secret"));
    QCOMPARE(fromChunked["added"].toString(), QString("yes"));

    // A form body: fields edited, the rest kept as sent.
    r = bed_.proxy().request("POST", "/form", "secret=s&old=1&keep=k&space=a+b", {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(r.json()["body"].toString(), QString("new=1&keep=replaced&space=a+b&added=yes&list=two"));
    // Another type passes untouched; an empty JSON body gets the added fields.
    r = bed_.proxy().request("POST", "/text", "secret=s", {{"Content-Type", "text/plain"}});
    QCOMPARE(r.json()["body"].toString(), QString("secret=s"));
    r = bed_.proxy().request("POST", "/empty", "", json);
    QCOMPARE(QJsonDocument::fromJson(r.json()["body"].toString().toUtf8()).object(),
             (QJsonObject{{"added", "yes"}, {"keep", "not-added"}, {"list", "two"}}));
    // A body that is not JSON is not touched.
    r = bed_.proxy().request("POST", "/broken", "{not json", json);
    QCOMPARE(r.json()["body"].toString(), QString("{not json"));
    // A GET without a body still passes, without a body.
    r = bed_.proxy().get("/no-body");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["body_length"].toInt(), 0);
    // Past body_buffer_size (64k here) the request is refused: the plugin could not read it.
    r = bed_.proxy().request("POST", "/large", QByteArray(70 * 1024, 'x'), json);
    QCOMPARE(r.status, 413);
    r = bed_.proxy().raw("POST /large HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                         "Connection: close\r\n\r\n11800\r\n" + QByteArray(0x11800, 'x') + "\r\n0\r\n\r\n");
    QCOMPARE(r.status, 413);
  }

  void responseJsonBody() {
    bed_.addPlugin({{"name", "response-transformer"},
                    {"config", QJsonObject{{"remove", QJsonObject{{"json", QJsonArray{"headers"}}}},
                                           {"replace", QJsonObject{{"json", QJsonArray{"method:PATCHED"}}}},
                                           {"add", QJsonObject{{"json", QJsonArray{"count:42", "flag:true", "method:never"}},
                                                               {"json_types", QJsonArray{"number", "boolean"}}}},
                                           {"append", QJsonObject{{"json", QJsonArray{"uri:second"}}}}}}});
    HttpResponse r;
    QTRY_VERIFY_WITH_TIMEOUT((r = bed_.proxy().get("/edited")).json().contains("count"), 5000);
    QJsonObject got = r.json();
    QVERIFY(!got.contains("headers"));
    QCOMPARE(got["method"].toString(), QString("PATCHED"));
    QCOMPARE(got["count"].toInt(), 42);
    QVERIFY(got["count"].isDouble());
    QCOMPARE(got["flag"].toBool(), true);
    QCOMPARE(got["uri"].toArray(), (QJsonArray{"/edited", "second"}));
    QCOMPARE(r.header("Content-Length"), QByteArray::number(r.body.size()));
    QCOMPARE(r.header("X-Upstream"), QByteArray("test"));
    // A chunked response is collected, edited and sent with a length.
    r = bed_.proxy().get("/chunked-echo");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()["method"].toString(), QString("PATCHED"));
    QVERIFY(r.header("Transfer-Encoding").isEmpty());
    QCOMPARE(r.header("Content-Length"), QByteArray::number(r.body.size()));
    // Bodies that are not JSON pass as they are.
    r = bed_.proxy().get("/bytes/100");
    QCOMPARE(r.body, QByteArray(100, 'x'));
    // HEAD has no body to edit.
    QCOMPARE(bed_.proxy().request("HEAD", "/edited").status, 200);
    // Keep-alive survives an edited response: two requests on one connection.
    r = bed_.proxy().raw("GET /one HTTP/1.1\r\nHost: t\r\n\r\nGET /two HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    QCOMPARE(r.status, 200);
    const int length = r.header("Content-Length").toInt();
    QCOMPARE(QJsonDocument::fromJson(r.body.left(length)).object()["uri"].toArray().first().toString(), QString("/one"));
    const QByteArray second = r.body.mid(length);
    QVERIFY2(second.startsWith("HTTP/1.1 200 OK\r\n") && second.contains("\"/two\""), second.constData());
  }

  void malformedPairsAreRefused() {
    const auto r = bed_.admin().sendJson("POST", "/plugins", {{"name", "request-transformer"}, {"config", QJsonObject{{"add", QJsonObject{{"headers", QJsonArray{"novalue"}}}}}}});
    QCOMPARE(r.status, 400);
    QVERIFY2(r.body.contains("has no value"), r.body.constData());
  }
};

QTEST_GUILESS_MAIN(TestPluginsTransform)
#include "test_plugins_transform.moc"

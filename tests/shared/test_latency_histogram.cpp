// The shared latency histogram: exact small values, percentiles within 1/128 of the truth over
// the whole range, merging, reuse and the JSON form the manager reads.
#include "metrics/latency_histogram.h"

#include <QtTest>

#include <algorithm>
#include <random>

using sluice::metrics::LatencyHistogram;

class TestLatencyHistogram : public QObject {
  Q_OBJECT

 private slots:
  void smallValuesAreExact() {
    LatencyHistogram h;
    for (uint64_t v = 1; v <= 100; ++v) h.record(v);
    QCOMPARE(h.count(), uint64_t{100});
    QCOMPARE(h.sum(), uint64_t{5050});
    QCOMPARE(h.percentile(0.5), uint64_t{50});
    QCOMPARE(h.percentile(0.99), uint64_t{99});
    QCOMPARE(h.percentile(1.0), uint64_t{100});
    QCOMPARE(h.min(), uint64_t{1});
    QCOMPARE(h.max(), uint64_t{100});
    QCOMPARE(h.countAtOrBelow(10), uint64_t{10});
  }

  void percentilesStayWithinTheErrorBound() {
    std::mt19937_64 random(42);
    std::uniform_real_distribution<double> exponent(0, std::log(60e6));  // 1 µs .. 60 s, log-uniform
    std::vector<uint64_t> values;
    LatencyHistogram h;
    for (int i = 0; i < 200000; ++i) {
      const auto v = static_cast<uint64_t>(std::exp(exponent(random)));
      values.push_back(v);
      h.record(v);
    }
    std::sort(values.begin(), values.end());
    for (const double q : {0.01, 0.1, 0.5, 0.9, 0.99, 0.999, 0.9999}) {
      const uint64_t exact = values[static_cast<size_t>(std::ceil(q * values.size())) - 1];
      const uint64_t got = h.percentile(q);
      const double error = std::abs(static_cast<double>(got) - static_cast<double>(exact)) / static_cast<double>(exact);
      QVERIFY2(error <= 1.0 / 128 + 1e-9 || got == exact, qPrintable(QString("q=%1 exact=%2 got=%3").arg(q).arg(exact).arg(got)));
    }
  }

  void bucketsTileTheRange() {
    for (uint32_t b = 0; b + 1 < LatencyHistogram::kBuckets; ++b)
      QCOMPARE(LatencyHistogram::bucketLow(b) + LatencyHistogram::bucketWidth(b), LatencyHistogram::bucketLow(b + 1));
    for (const uint64_t v : {uint64_t{0}, uint64_t{63}, uint64_t{64}, uint64_t{127}, uint64_t{128}, uint64_t{1000}, uint64_t{123456789},
                             LatencyHistogram::kMaxValue}) {
      const uint32_t b = LatencyHistogram::bucketOf(v);
      QVERIFY(LatencyHistogram::bucketLow(b) <= v && v < LatencyHistogram::bucketLow(b) + LatencyHistogram::bucketWidth(b));
    }
    LatencyHistogram h;
    h.record(uint64_t{1} << 40);  // past the range: counted as the largest value
    QCOMPARE(h.max(), LatencyHistogram::kMaxValue);
  }

  void mergesClearsAndTravelsAsJson() {
    LatencyHistogram a, b;
    for (int i = 0; i < 1000; ++i) a.record(1000);
    for (int i = 0; i < 1000; ++i) b.record(3000);
    a.add(b);
    QCOMPARE(a.count(), uint64_t{2000});
    QVERIFY(std::abs(static_cast<double>(a.percentile(0.25)) - 1000) <= 1000.0 / 128);
    QVERIFY(std::abs(static_cast<double>(a.percentile(0.75)) - 3000) <= 3000.0 / 128);
    const LatencyHistogram copy = LatencyHistogram::fromJson(nlohmann::json::parse(a.toJson().dump()));
    QCOMPARE(copy.count(), a.count());
    QCOMPARE(copy.sum(), a.sum());
    QCOMPARE(copy.percentile(0.75), a.percentile(0.75));
    QCOMPARE(copy.min(), uint64_t{1000});
    a.clear();
    QCOMPARE(a.count(), uint64_t{0});
    QCOMPARE(a.percentile(0.5), uint64_t{0});
    a.record(7);
    QCOMPARE(a.percentile(0.5), uint64_t{7});
  }
};

QTEST_GUILESS_MAIN(TestLatencyHistogram)
#include "test_latency_histogram.moc"

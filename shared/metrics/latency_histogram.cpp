#include "metrics/latency_histogram.h"

#include <algorithm>
#include <cmath>

namespace sluice::metrics {

LatencyHistogram& LatencyHistogram::operator=(const LatencyHistogram& other) {
  if (this != &other) {
    clear();
    add(other);
  }
  return *this;
}

uint64_t LatencyHistogram::bucketLow(uint32_t bucket) {
  const uint32_t block = bucket >> kSubBits, sub = bucket & (kSub - 1);
  if (block == 0) return sub;
  return static_cast<uint64_t>(kSub + sub) << (block - 1);
}

void LatencyHistogram::add(const LatencyHistogram& other) {
  for (int b = 0; b < kBlocks; ++b) {
    if (!other.blocks_[b]) continue;
    if (!blocks_[b]) blocks_[b] = std::make_unique<Block>();
    for (uint32_t i = 0; i < kSub; ++i) (*blocks_[b])[i] += (*other.blocks_[b])[i];
  }
  count_ += other.count_;
  sum_ += other.sum_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

void LatencyHistogram::clear() {
  for (auto& block : blocks_)
    if (block) block->fill(0);
  count_ = sum_ = max_ = 0;
  min_ = ~uint64_t{0};
}

uint64_t LatencyHistogram::percentile(double q) const {
  if (count_ == 0) return 0;
  q = std::clamp(q, 0.0, 1.0);
  const auto rank = std::max<uint64_t>(1, static_cast<uint64_t>(std::ceil(q * static_cast<double>(count_))));
  uint64_t seen = 0, value = max_;
  bool found = false;
  forEach([&](uint32_t bucket, uint64_t c) {
    if (found) return;
    seen += c;
    if (seen >= rank) {
      value = bucketLow(bucket) + bucketWidth(bucket) / 2;
      found = true;
    }
  });
  return std::clamp(value, min(), max_);
}

uint64_t LatencyHistogram::countAtOrBelow(uint64_t micros) const {
  uint64_t n = 0;
  forEach([&](uint32_t bucket, uint64_t c) {
    if (bucketLow(bucket) + bucketWidth(bucket) - 1 <= micros) n += c;
  });
  return n;
}

nlohmann::json LatencyHistogram::toJson() const {
  nlohmann::json buckets = nlohmann::json::array();
  forEach([&](uint32_t bucket, uint64_t c) { buckets.push_back({bucket, c}); });
  return {{"count", count_}, {"sum", sum_}, {"min", min()}, {"max", max_}, {"buckets", std::move(buckets)}};
}

LatencyHistogram LatencyHistogram::fromJson(const nlohmann::json& j) {
  LatencyHistogram h;
  if (!j.is_object()) return h;
  for (const auto& b : j.value("buckets", nlohmann::json::array())) {
    if (!b.is_array() || b.size() != 2) continue;
    const auto bucket = b[0].get<uint32_t>();
    if (bucket >= kBuckets) continue;
    auto& block = h.blocks_[bucket >> kSubBits];
    if (!block) block = std::make_unique<Block>();
    (*block)[bucket & (kSub - 1)] += b[1].get<uint64_t>();
  }
  h.count_ = j.value("count", uint64_t{0});
  h.sum_ = j.value("sum", uint64_t{0});
  h.min_ = h.count_ ? j.value("min", uint64_t{0}) : ~uint64_t{0};
  h.max_ = j.value("max", uint64_t{0});
  return h;
}

}  // namespace sluice::metrics

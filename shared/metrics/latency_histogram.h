#pragma once
// A log-linear (HDR-style) histogram of durations in microseconds, from 0 to 2^32 µs (71 minutes;
// larger values count as the largest). Values below 128 µs are kept exactly; above, each power of
// two is split into 64 equal buckets, so a percentile — the midpoint of the bucket that holds its
// rank — is within 1/128 (0.8 %) of the true value. Counters are allocated one power of two (64
// counters) at a time, when first used: a histogram never holds more than 27 blocks (14 KiB) and
// latencies of one route usually fill a handful. The server records with it (one writer per
// histogram); the manager decodes it from JSON (toJson/fromJson) to plot distributions.
#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <memory>

namespace sluice::metrics {

class LatencyHistogram {
 public:
  static constexpr int kSubBits = 6;
  static constexpr uint32_t kSub = 1u << kSubBits;                // buckets per block
  static constexpr int kMaxExponent = 32;                         // values < 2^32 µs
  static constexpr int kBlocks = kMaxExponent - kSubBits + 1;     // block 0: [0, 64); block b: [2^(b+5), 2^(b+6))
  static constexpr uint32_t kBuckets = kBlocks * kSub;
  static constexpr uint64_t kMaxValue = (uint64_t{1} << kMaxExponent) - 1;

  LatencyHistogram() = default;
  LatencyHistogram(const LatencyHistogram& other) { add(other); }
  LatencyHistogram& operator=(const LatencyHistogram& other);
  LatencyHistogram(LatencyHistogram&&) noexcept = default;
  LatencyHistogram& operator=(LatencyHistogram&&) noexcept = default;

  void record(uint64_t micros, uint64_t times = 1) {
    if (micros > kMaxValue) micros = kMaxValue;
    const uint32_t b = bucketOf(micros);
    auto& block = blocks_[b >> kSubBits];
    if (!block) block = std::make_unique<Block>();
    (*block)[b & (kSub - 1)] += times;
    count_ += times;
    sum_ += micros * times;
    if (micros < min_) min_ = micros;
    if (micros > max_) max_ = micros;
  }
  void add(const LatencyHistogram& other);
  // Empties the counters but keeps the blocks (a histogram reused every second does not allocate).
  void clear();

  uint64_t count() const { return count_; }
  uint64_t sum() const { return sum_; }  // µs
  uint64_t min() const { return count_ ? min_ : 0; }
  uint64_t max() const { return max_; }
  double mean() const { return count_ ? static_cast<double>(sum_) / static_cast<double>(count_) : 0; }
  // The value below which a fraction q (0..1) of the recorded values fall.
  uint64_t percentile(double q) const;
  // How many recorded values are at most `micros` (exact at bucket boundaries: for Prometheus
  // buckets, whose bounds are chosen on them).
  uint64_t countAtOrBelow(uint64_t micros) const;

  static uint32_t bucketOf(uint64_t micros) {
    if (micros < kSub) return static_cast<uint32_t>(micros);
    const int exponent = 63 - __builtin_clzll(micros);  // >= kSubBits
    const int shift = exponent - kSubBits;
    return static_cast<uint32_t>((shift + 1) * static_cast<int>(kSub) + static_cast<int>((micros >> shift) - kSub));
  }
  static uint64_t bucketLow(uint32_t bucket);
  static uint64_t bucketWidth(uint32_t bucket) { return bucket < 2 * kSub ? 1 : uint64_t{1} << ((bucket >> kSubBits) - 1); }

  // Calls f(bucket, count) for every non-empty bucket, in order.
  template <class F>
  void forEach(F&& f) const {
    for (uint32_t b = 0; b < static_cast<uint32_t>(kBlocks); ++b)
      if (blocks_[b])
        for (uint32_t i = 0; i < kSub; ++i)
          if (const uint64_t c = (*blocks_[b])[i]) f(b * kSub + i, c);
  }

  // {"count":n,"sum":µs,"min":µs,"max":µs,"buckets":[[bucket,count],...]}
  nlohmann::json toJson() const;
  static LatencyHistogram fromJson(const nlohmann::json& j);

 private:
  using Block = std::array<uint64_t, kSub>;
  std::array<std::unique_ptr<Block>, kBlocks> blocks_{};
  uint64_t count_ = 0, sum_ = 0, min_ = ~uint64_t{0}, max_ = 0;
};

}  // namespace sluice::metrics

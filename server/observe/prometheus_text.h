#pragma once
// Writes the Prometheus text exposition format (version 0.0.4): one `# HELP`/`# TYPE` header per
// family, label values escaped, histograms as cumulative `_bucket{le=...}`, `_sum` and `_count`.
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace sluice::observe {

using Label = std::pair<std::string_view, std::string_view>;

class PrometheusText {
 public:
  // Starts a family; samples written after it belong to it.
  void family(std::string_view name, std::string_view help, std::string_view type);
  void sample(std::string_view name, std::initializer_list<Label> labels, double value);
  // `counts[i]` are observations in (bounds[i-1], bounds[i]]; counts[bounds.size()] is above the last bound.
  void histogram(std::string_view name, std::initializer_list<Label> labels, std::span<const double> bounds,
                 std::span<const uint64_t> counts, double sum);

  const std::string& text() const { return text_; }
  std::string take() { return std::move(text_); }

 private:
  void labels(std::initializer_list<Label> labels, std::string_view extraName = {}, std::string_view extraValue = {});
  void number(double value);

  std::string text_;
};

}  // namespace sluice::observe

#include "observe/prometheus_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace sluice::observe {

void PrometheusText::family(std::string_view name, std::string_view help, std::string_view type) {
  text_.append("# HELP ").append(name).push_back(' ');
  for (const char c : help) {  // HELP escapes backslash and newline only
    if (c == '\\') text_.append("\\\\");
    else if (c == '\n') text_.append("\\n");
    else text_.push_back(c);
  }
  text_.append("\n# TYPE ").append(name).push_back(' ');
  text_.append(type).push_back('\n');
}

void PrometheusText::labels(std::initializer_list<Label> list, std::string_view extraName, std::string_view extraValue) {
  if (list.size() == 0 && extraName.empty()) return;
  text_.push_back('{');
  bool first = true;
  const auto add = [&](std::string_view name, std::string_view value) {
    if (!first) text_.push_back(',');
    first = false;
    text_.append(name).append("=\"");
    for (const char c : value) {
      if (c == '\\') text_.append("\\\\");
      else if (c == '"') text_.append("\\\"");
      else if (c == '\n') text_.append("\\n");
      else text_.push_back(c);
    }
    text_.push_back('"');
  };
  for (const auto& [name, value] : list) add(name, value);
  if (!extraName.empty()) add(extraName, extraValue);
  text_.push_back('}');
}

void PrometheusText::number(double value) {
  if (std::isinf(value)) {
    text_.append(value > 0 ? "+Inf" : "-Inf");
    return;
  }
  if (std::isnan(value)) {
    text_.append("NaN");
    return;
  }
  char buffer[32];
  const auto r = std::trunc(value) == value && std::fabs(value) < 1e15
                     ? std::to_chars(buffer, buffer + sizeof buffer, static_cast<int64_t>(value))
                     : std::to_chars(buffer, buffer + sizeof buffer, value);
  text_.append(buffer, r.ptr);
}

void PrometheusText::sample(std::string_view name, std::initializer_list<Label> list, double value) {
  text_.append(name);
  labels(list);
  text_.push_back(' ');
  number(value);
  text_.push_back('\n');
}

void PrometheusText::histogram(std::string_view name, std::initializer_list<Label> list, std::span<const double> bounds,
                               std::span<const uint64_t> counts, double sum) {
  uint64_t cumulative = 0;
  char le[32];
  for (size_t i = 0; i <= bounds.size(); ++i) {
    cumulative += i < counts.size() ? counts[i] : 0;
    std::string_view bound = "+Inf";
    if (i < bounds.size()) {  // %g: 0.0005 rather than the shortest form 5e-04
      const int n = std::snprintf(le, sizeof le, "%g", bounds[i]);
      bound = std::string_view(le, static_cast<size_t>(n));
    }
    text_.append(name).append("_bucket");
    labels(list, "le", bound);
    text_.push_back(' ');
    number(static_cast<double>(cumulative));
    text_.push_back('\n');
  }
  text_.append(name).append("_sum");
  labels(list);
  text_.push_back(' ');
  number(sum);
  text_.append("\n").append(name).append("_count");
  labels(list);
  text_.push_back(' ');
  number(static_cast<double>(cumulative));
  text_.push_back('\n');
}

}  // namespace sluice::observe

#include "sluice_bench/bench_report.h"

#include "loadgen/load_engine.h"

#include <cstdio>
#include <sstream>

namespace sluice::bench {
namespace {

std::string format(const char* fmt, auto... args) {
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, fmt, args...);
  return buffer;
}

std::string duration(double ms) {
  if (ms < 1) return format("%.0fus", ms * 1000);
  if (ms < 1000) return format("%.2fms", ms);
  return format("%.2fs", ms / 1000);
}

std::string bytes(uint64_t n) {
  const double v = static_cast<double>(n);
  if (v >= 1024.0 * 1024 * 1024) return format("%.2fGB", v / (1024.0 * 1024 * 1024));
  if (v >= 1024.0 * 1024) return format("%.2fMB", v / (1024.0 * 1024));
  if (v >= 1024.0) return format("%.2fKB", v / 1024.0);
  return format("%.0fB", v);
}

double ms(uint64_t micros) { return static_cast<double>(micros) / 1000.0; }

}  // namespace

std::string progressLine(const loadgen::SecondFigures& s, double totalSeconds) {
  return format("  %3us/%.0fs  %9llu req/s  p50 %s  p99 %s  errors %llu  connections %d", s.second + 1, totalSeconds,
                static_cast<unsigned long long>(s.requests), duration(ms(s.latency.percentile(0.5))).c_str(),
                duration(ms(s.latency.percentile(0.99))).c_str(), static_cast<unsigned long long>(s.errors), s.connections);
}

std::string header(const loadgen::LoadPlan& plan, const std::string& url) {
  std::ostringstream out;
  out << "Running " << format("%gs", plan.issueSeconds()) << " test @ " << url << " (" << loadgen::modeOf(plan);
  if (plan.rate > 0) out << format(", %g requests/s", plan.rate);
  if (plan.maxRequests) out << ", at most " << plan.maxRequests << " requests";
  out << ")\n  " << plan.threads << (plan.threads == 1 ? " thread" : " threads") << " and " << plan.peakConnections()
      << (plan.peakConnections() == 1 ? " connection\n" : " connections\n");
  return out.str();
}

std::string summary(const loadgen::LoadResult& r) {
  std::ostringstream out;
  const auto& h = r.latency;
  out << format("  Latency%s  mean %s  max %s\n", r.uncorrected.count() ? " (from when due)" : "", duration(h.mean() / 1000).c_str(),
                duration(ms(h.max())).c_str());
  out << format("    p50 %-9s p75 %-9s p90 %-9s p99 %-9s p99.9 %-9s p99.99 %s\n", duration(ms(h.percentile(0.5))).c_str(),
                duration(ms(h.percentile(0.75))).c_str(), duration(ms(h.percentile(0.9))).c_str(), duration(ms(h.percentile(0.99))).c_str(),
                duration(ms(h.percentile(0.999))).c_str(), duration(ms(h.percentile(0.9999))).c_str());
  if (r.uncorrected.count()) {
    const auto& u = r.uncorrected;
    out << format("  Latency from when sent (uncorrected)  p50 %s  p99 %s  max %s\n", duration(ms(u.percentile(0.5))).c_str(),
                  duration(ms(u.percentile(0.99))).c_str(), duration(ms(u.max())).c_str());
  }
  out << format("  %llu requests in %.2fs, %s read%s\n", static_cast<unsigned long long>(r.requests), r.durationSeconds,
                bytes(r.bytesRead).c_str(), r.cancelled ? " (cancelled)" : "");
  const auto& e = r.transportErrors;
  if (e.transport())
    out << format("  Socket errors: connect %llu, timeout %llu, reset %llu, tls %llu, protocol %llu\n",
                  static_cast<unsigned long long>(e.connect), static_cast<unsigned long long>(e.timeout),
                  static_cast<unsigned long long>(e.reset), static_cast<unsigned long long>(e.tls), static_cast<unsigned long long>(e.protocol));
  if (const uint64_t bad = r.statusErrors()) {
    out << "  Non-2xx or 3xx responses: " << bad << " (";
    bool first = true;
    for (const auto& [code, count] : r.statuses)
      if (code < 200 || code >= 400) {
        out << (first ? "" : ", ") << code << ": " << count;
        first = false;
      }
    out << ")\n";
  }
  if (r.dropped) out << "  Not sent (every connection busy when due): " << r.dropped << "\n";
  if (const auto warning = r.generatorWarning(); !warning.empty()) out << "  WARNING: " << warning << "\n";
  if (r.perTemplate.size() > 1) {
    out << "  Requests by template:";
    for (const auto& [name, count] : r.perTemplate) out << "  " << name << " " << count;
    out << "\n";
  }
  out << format("Requests/sec: %.2f\n", r.rps());
  out << format("Transfer/sec: %s\n", bytes(r.durationSeconds > 0 ? static_cast<uint64_t>(static_cast<double>(r.bytesRead) / r.durationSeconds) : 0).c_str());
  for (const auto& t : r.thresholds) out << (t.ok ? "  ✓ " : "  ✗ ") << t.threshold << format("  (%g)\n", t.value);
  return out.str();
}

std::string capacityHeader(const loadgen::LoadPlan& plan, const loadgen::CapacitySearch& search, const std::string& url) {
  std::ostringstream out;
  out << "Finding the capacity of " << url << ": " << search.startRate << " requests/s, +" << search.step << " every "
      << search.stepSeconds << "s";
  if (search.maxRate > 0) out << " up to " << search.maxRate << "/s";
  out << "\n  " << plan.threads << " thread(s) and " << plan.connections << " connections; limits: ";
  if (search.p99LimitMs > 0) out << "p99 <= " << search.p99LimitMs << " ms, ";
  out << "errors <= " << search.errorLimit * 100 << " %, throughput >= " << search.followShare * 100 << " % of the offered rate\n";
  return out.str();
}

std::string capacityStepLine(int index, const loadgen::CapacityStep& s) {
  std::ostringstream out;
  out << std::fixed;
  out.precision(0);
  out << "  step " << index << ": offered " << s.offered << "/s  achieved " << s.achieved << "/s";
  out.precision(2);
  out << "  p50 " << s.p50Ms << "ms  p99 " << s.p99Ms << "ms  errors " << s.errorShare * 100 << "%  "
      << (s.met ? "met" : "MISSED: " + s.missed) << "\n";
  if (!s.generatorWarning.empty()) out << "    WARNING: " << s.generatorWarning << "\n";
  return out.str();
}

std::string capacitySummary(const loadgen::CapacityResult& r) {
  std::ostringstream out;
  if (r.knee > 0) out << "Knee: " << r.knee << " requests/s, the highest rate that met every limit\n";
  else out << "Knee: none — the first step already missed a limit\n";
  out << "Stopped: " << r.stoppedBecause << "\n";
  if (r.generatorLimited) out << "WARNING: the result is the load generator's limit, not the server's\n";
  return out.str();
}

}  // namespace sluice::bench

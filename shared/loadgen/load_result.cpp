#include "loadgen/load_result.h"

#include <cmath>
#include <sstream>

namespace sluice::loadgen {
namespace {

double ms(uint64_t micros) { return std::round(static_cast<double>(micros)) / 1000.0; }
double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

}  // namespace

void SecondFigures::add(const SecondFigures& o) {
  requests += o.requests;
  errors += o.errors;
  bytesRead += o.bytesRead;
  connections += o.connections;
  targetRate += o.targetRate;
  latency.add(o.latency);
}

TimelinePoint TimelinePoint::of(const SecondFigures& s) {
  TimelinePoint p;
  p.second = s.second;
  p.requests = s.requests;
  p.errors = s.errors;
  p.bytesRead = s.bytesRead;
  p.connections = s.connections;
  p.targetRate = s.targetRate;
  p.p50Ms = ms(s.latency.percentile(0.5));
  p.p90Ms = ms(s.latency.percentile(0.9));
  p.p99Ms = ms(s.latency.percentile(0.99));
  p.maxMs = ms(s.latency.max());
  p.meanMs = round3(s.latency.mean() / 1000.0);
  return p;
}

nlohmann::json TimelinePoint::toJson() const {
  return {{"second", second},       {"requests", requests}, {"errors", errors}, {"bytes_read", bytesRead},
          {"connections", connections}, {"target_rate", round3(targetRate)}, {"p50_ms", p50Ms}, {"p90_ms", p90Ms},
          {"p99_ms", p99Ms},        {"max_ms", maxMs},      {"mean_ms", meanMs}};
}

nlohmann::json latencySummary(const metrics::LatencyHistogram& h) {
  return {{"min", ms(h.min())},
          {"mean", round3(h.mean() / 1000.0)},
          {"p50", ms(h.percentile(0.5))},
          {"p75", ms(h.percentile(0.75))},
          {"p90", ms(h.percentile(0.9))},
          {"p99", ms(h.percentile(0.99))},
          {"p99.9", ms(h.percentile(0.999))},
          {"p99.99", ms(h.percentile(0.9999))},
          {"max", ms(h.max())}};
}

uint64_t LoadResult::statusErrors() const {
  uint64_t n = 0;
  for (const auto& [code, count] : statuses)
    if (code < 200 || code >= 400) n += count;
  return n;
}

bool LoadResult::generatorLimited() const {
  const uint64_t sent = requests + dropped;
  return busiestThreadCpu > kGeneratorBusy || (sent > 0 && static_cast<double>(late) / static_cast<double>(sent) > kGeneratorLate);
}

std::string LoadResult::generatorWarning() const {
  if (!generatorLimited()) return {};
  const auto percent = [](double share) { return std::to_string(static_cast<int>(std::lround(share * 100))) + " %"; };
  std::string why;
  if (busiestThreadCpu > kGeneratorBusy) why = "its busiest thread was at " + percent(busiestThreadCpu) + " CPU";
  const uint64_t sent = requests + dropped;
  if (sent > 0 && static_cast<double>(late) / static_cast<double>(sent) > kGeneratorLate)
    why += (why.empty() ? "" : ", and ") + std::to_string(late) + " requests went out more than 10 ms late while a connection was free";
  return "the load generator was the bottleneck (" + why + "): these figures are the tool's limit, not the server's; add threads or machines";
}

nlohmann::json LoadResult::toJson() const {
  nlohmann::json byStatus = nlohmann::json::object(), failedStatus = nlohmann::json::object();
  for (const auto& [code, count] : statuses) {
    byStatus[std::to_string(code)] = count;
    if (code < 200 || code >= 400) failedStatus[std::to_string(code)] = count;
  }
  nlohmann::json j = {
      {"url", url},
      {"mode", mode},
      {"threads", threads},
      {"connections", connections},
      {"rate", rate},
      {"duration_s", round3(durationSeconds)},
      {"cancelled", cancelled},
      {"requests", requests},
      {"responses", responses},
      {"rps", round3(rps())},
      {"errors", errors()},
      {"error_rate", errorRate()},
      {"errors_by_kind",
       {{"connect", transportErrors.connect},
        {"timeout", transportErrors.timeout},
        {"reset", transportErrors.reset},
        {"tls", transportErrors.tls},
        {"protocol", transportErrors.protocol},
        {"status", failedStatus}}},
      {"status", byStatus},
      {"dropped", dropped},
      {"generator", {{"late", late}, {"busiest_thread_cpu", round3(busiestThreadCpu)}, {"limited", generatorLimited()},
                     {"warning", generatorWarning().empty() ? nlohmann::json(nullptr) : nlohmann::json(generatorWarning())}}},
      {"bytes_read", bytesRead},
      {"bytes_written", bytesWritten},
      {"reconnects", reconnects},
      {"latency_ms", latencySummary(latency)},
      {"histogram", latency.toJson()},
      {"passed", passed},
  };
  if (uncorrected.count() > 0) j["latency_uncorrected_ms"] = latencySummary(uncorrected);
  nlohmann::json templates = nlohmann::json::array();
  for (const auto& [name, count] : perTemplate) templates.push_back({{"name", name}, {"responses", count}});
  j["requests_by_template"] = std::move(templates);
  nlohmann::json verdicts = nlohmann::json::array();
  for (const ThresholdVerdict& v : thresholds) verdicts.push_back({{"threshold", v.threshold}, {"value", v.value}, {"ok", v.ok}});
  j["thresholds"] = std::move(verdicts);
  nlohmann::json seconds = nlohmann::json::array();
  for (const TimelinePoint& p : timeline) seconds.push_back(p.toJson());
  j["timeline"] = std::move(seconds);
  return j;
}

std::string LoadResult::timelineCsv() const {
  std::ostringstream out;
  out << "second,requests,errors,rps,p50_ms,p90_ms,p99_ms,max_ms,mean_ms,connections,target_rate,bytes_read\n";
  for (const TimelinePoint& p : timeline)
    out << p.second << ',' << p.requests << ',' << p.errors << ',' << p.requests << ',' << p.p50Ms << ',' << p.p90Ms << ','
        << p.p99Ms << ',' << p.maxMs << ',' << p.meanMs << ',' << p.connections << ',' << p.targetRate << ',' << p.bytesRead << '\n';
  return out.str();
}

}  // namespace sluice::loadgen

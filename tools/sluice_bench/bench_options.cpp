#include "sluice_bench/bench_options.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <fstream>
#include <sstream>

namespace sluice::bench {
namespace {

bool readFile(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

template <class T>
bool integer(const std::string& text, T& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// "-c 64", "-c64", "--connections 64", "--connections=64"
struct Args {
  Args(int c, char** v) : argc(c), argv(v) {}
  int argc;
  char** argv;
  int i = 1;
  std::string flag, inlineValue;
  bool hasInline = false;

  bool next() {
    if (i >= argc) return false;
    flag = argv[i++];
    hasInline = false;
    if (flag.rfind("--", 0) == 0) {
      if (const size_t eq = flag.find('='); eq != std::string::npos) {
        inlineValue = flag.substr(eq + 1);
        flag = flag.substr(0, eq);
        hasInline = true;
      }
    } else if (flag.size() > 2 && flag[0] == '-' && flag[1] != '-') {
      inlineValue = flag.substr(2);
      flag = flag.substr(0, 2);
      hasInline = true;
    }
    return true;
  }
  bool value(std::string& out, std::string& error) {
    if (hasInline) {
      out = inlineValue;
      return true;
    }
    if (i >= argc) {
      error = flag + " needs a value";
      return false;
    }
    out = argv[i++];
    return true;
  }
};

bool parseHeader(const std::string& text, std::pair<std::string, std::string>& header, std::string& error) {
  const size_t colon = text.find(':');
  if (colon == std::string::npos || colon == 0) {
    error = "a header is 'Name: value': '" + text + "'";
    return false;
  }
  size_t start = colon + 1;
  while (start < text.size() && text[start] == ' ') ++start;
  header = {text.substr(0, colon), text.substr(start)};
  return true;
}

bool readBody(const std::string& value, std::string& body, std::string& error) {
  if (!value.empty() && value[0] == '@') {
    if (!readFile(value.substr(1), body)) {
      error = "cannot read the body file " + value.substr(1);
      return false;
    }
    return true;
  }
  body = value;
  return true;
}

// --mix FILE: [{"name": "..", "method": "GET", "path": "/a" | "url": "http://same-host/a",
//               "headers": {"k": "v"}, "body": "..", "weight": 3}, ...]
bool readMix(const std::string& path, const loadgen::Target& target, std::vector<loadgen::RequestTemplate>& out, std::string& error) {
  std::string text;
  if (!readFile(path, text)) {
    error = "cannot read the mix file " + path;
    return false;
  }
  const nlohmann::json mix = nlohmann::json::parse(text, nullptr, false);
  if (!mix.is_array() || mix.empty()) {
    error = path + ": a mix is a JSON array of requests";
    return false;
  }
  for (const auto& item : mix) {
    if (!item.is_object()) {
      error = path + ": every request of a mix is an object";
      return false;
    }
    loadgen::RequestTemplate r;
    try {
      r.name = item.value("name", "");
      r.method = item.value("method", "GET");
      r.body = item.value("body", "");
      r.weight = item.value("weight", 1u);
      if (item.contains("url")) {
        std::string urlError;
        const auto parsed = loadgen::parseUrl(item["url"].get<std::string>(), urlError);
        if (!parsed) {
          error = path + ": " + urlError;
          return false;
        }
        if (parsed->first.host != target.host || parsed->first.port != target.port || parsed->first.tls != target.tls) {
          error = path + ": every request of a mix goes to the URL's scheme, host and port";
          return false;
        }
        r.path = parsed->second;
      } else {
        r.path = item.value("path", "/");
      }
      if (item.contains("headers"))
        for (const auto& [name, value] : item["headers"].items()) r.headers.emplace_back(name, value.get<std::string>());
    } catch (const nlohmann::json::exception& e) {
      error = path + ": " + e.what();
      return false;
    }
    out.push_back(std::move(r));
  }
  return true;
}

}  // namespace

const char* usage() {
  return R"(Usage: sluice-bench [OPTIONS] URL

Sends HTTP/1.1 requests to URL over keep-alive connections and reports throughput, latency
percentiles, errors by kind and a per-second timeline. Runs end by themselves.

Load
  -c, --connections N    connections kept open (10)
  -t, --threads N        threads (2; at most the connections)
  -d, --duration TIME    how long to send, e.g. 30s, 2m (10s)
  -n, --requests N       stop after N requests (within the duration)
  -R, --rate N           open loop: N requests per second whatever the server does; latencies
                         count from when each request was due (coordinated omission corrected)
  -s, --stages LIST      ramps, e.g. 30s:100,1m:100,30s:0 — connections, or requests per second
                         with --rate (the start rate) or a /s suffix (10s:500/s)
      --timeout TIME     a request without a complete answer by then is an error (2s)
      --think TIME       closed loop: each connection pauses TIME after an answer before its
                         next request (a user reading the page); MIN-MAX, e.g. 1s-3s, uniform
Requests
  -m, --method METHOD    GET
  -H, --header 'N: V'    a request header (repeat for more)
  -b, --body TEXT|@FILE  a request body
      --mix FILE         a JSON array of requests sent in proportion to their weights:
                         [{"method":"GET","path":"/a","headers":{},"body":"","weight":3}, ...]
Finding the capacity
      --find-capacity    open-loop steps of rising rate until one misses a limit; reports the
                         knee (the highest rate that met every limit) and each step's figures
      --start-rate N     the first step's rate (100)
      --rate-step N      added at each step (100)
      --step-duration T  each step's length (10s)
      --max-rate N       stop there at the latest (no bound but --max-steps)
      --max-steps N      at most this many steps (30)
      --p99-limit TIME   a step whose p99 is above it misses (no latency limit by default)
      --error-limit PCT  a step with more errors misses (1%)
      --follow-share X   a step whose throughput is below X times the offered rate misses (0.9)
Verdict and output
      --threshold EXPR   p99<50ms, p(99.9)<1s, mean<10ms, max<2s, errors<0.1%, rps>1000
                         (repeat for more; the exit code is 1 when one fails)
      --json FILE        the summary as JSON (- for standard output)
      --csv FILE         the per-second timeline as CSV
  -q, --quiet            no progress line
      --progress         a progress line even when standard error is not a terminal
  -h, --help             this text
      --version          the version

Exit codes: 0 the run finished and every threshold held; 1 a threshold failed; 2 a bad command
line or a target that cannot be reached at all (no address).
)";
}

bool parseOptions(int argc, char** argv, BenchOptions& o, std::string& error) {
  Args a(argc, argv);
  loadgen::LoadPlan& plan = o.plan;
  plan.threads = 2;
  std::string url, method = "GET", body, mixPath, stagesText, value;
  std::vector<std::pair<std::string, std::string>> headers;
  bool threadsGiven = false, bodyGiven = false;
  while (a.next()) {
    const std::string& f = a.flag;
    if (f == "-h" || f == "--help") o.help = true;
    else if (f == "--version") o.version = true;
    else if (f == "-q" || f == "--quiet") o.quiet = true;
    else if (f == "--progress") o.progress = true;
    else if (f == "--latency") {}  // wrk's flag: percentiles are always shown
    else if (f == "-c" || f == "--connections") {
      if (!a.value(value, error)) return false;
      if (!integer(value, plan.connections)) return error = "--connections: not a number: " + value, false;
    } else if (f == "-t" || f == "--threads") {
      if (!a.value(value, error)) return false;
      if (!integer(value, plan.threads)) return error = "--threads: not a number: " + value, false;
      threadsGiven = true;
    } else if (f == "-d" || f == "--duration") {
      if (!a.value(value, error)) return false;
      const auto d = loadgen::parseDuration(value);
      if (!d || *d <= 0) return error = "--duration: not a duration: " + value, false;
      plan.durationSeconds = *d;
    } else if (f == "-n" || f == "--requests") {
      if (!a.value(value, error)) return false;
      if (!integer(value, plan.maxRequests) || plan.maxRequests == 0) return error = "--requests: not a positive number: " + value, false;
    } else if (f == "-R" || f == "--rate") {
      if (!a.value(value, error)) return false;
      try {
        plan.rate = std::stod(value);
      } catch (const std::exception&) {
        return error = "--rate: not a number: " + value, false;
      }
      if (!(plan.rate > 0)) return error = "--rate: must be positive", false;
    } else if (f == "-s" || f == "--stages") {
      if (!a.value(stagesText, error)) return false;
    } else if (f == "--timeout") {
      if (!a.value(value, error)) return false;
      const auto d = loadgen::parseDuration(value);
      if (!d || *d <= 0) return error = "--timeout: not a duration: " + value, false;
      plan.timeoutSeconds = *d;
      plan.connectTimeoutSeconds = *d;
    } else if (f == "--think") {
      if (!a.value(value, error)) return false;
      const auto think = loadgen::parseThinkTime(value);
      if (!think) return error = "--think: not a duration or a MIN-MAX range: " + value, false;
      plan.thinkSeconds = think->first;
      plan.thinkMaxSeconds = think->second;
    } else if (f == "-m" || f == "--method") {
      if (!a.value(method, error)) return false;
    } else if (f == "-H" || f == "--header") {
      if (!a.value(value, error)) return false;
      std::pair<std::string, std::string> h;
      if (!parseHeader(value, h, error)) return false;
      headers.push_back(std::move(h));
    } else if (f == "-b" || f == "--body") {
      if (!a.value(value, error) || !readBody(value, body, error)) return false;
      bodyGiven = true;
    } else if (f == "--mix") {
      if (!a.value(mixPath, error)) return false;
    } else if (f == "--find-capacity") {
      o.findCapacity = true;
    } else if (f == "--start-rate" || f == "--rate-step" || f == "--max-rate" || f == "--follow-share") {
      if (!a.value(value, error)) return false;
      double v = 0;
      try {
        size_t used = 0;
        v = std::stod(value, &used);
        if (used != value.size()) throw std::invalid_argument(value);
      } catch (const std::exception&) {
        return error = f + ": not a number: " + value, false;
      }
      (f == "--start-rate" ? o.search.startRate : f == "--rate-step" ? o.search.step : f == "--max-rate" ? o.search.maxRate : o.search.followShare) = v;
    } else if (f == "--max-steps") {
      if (!a.value(value, error)) return false;
      if (!integer(value, o.search.maxSteps)) return error = "--max-steps: not a number: " + value, false;
    } else if (f == "--step-duration" || f == "--p99-limit") {
      if (!a.value(value, error)) return false;
      const auto d = loadgen::parseDuration(value);
      if (!d) return error = f + ": not a duration: " + value, false;
      if (f == "--step-duration") o.search.stepSeconds = *d;
      else o.search.p99LimitMs = *d * 1000.0;
    } else if (f == "--error-limit") {
      if (!a.value(value, error)) return false;
      const bool percent = !value.empty() && value.back() == '%';
      try {
        o.search.errorLimit = std::stod(percent ? value.substr(0, value.size() - 1) : value) / (percent ? 100.0 : 1.0);
      } catch (const std::exception&) {
        return error = "--error-limit: not a share: " + value, false;
      }
    } else if (f == "--threshold") {
      if (!a.value(value, error)) return false;
      plan.thresholds.push_back(value);
    } else if (f == "--json") {
      if (!a.value(o.jsonPath, error)) return false;
    } else if (f == "--csv") {
      if (!a.value(o.csvPath, error)) return false;
    } else if (!f.empty() && f[0] == '-' && f != "-") {
      error = "unknown option " + f + " (see --help)";
      return false;
    } else if (url.empty()) {
      url = f;
    } else {
      error = "one URL only (for several paths, use --mix)";
      return false;
    }
  }
  if (o.help || o.version) return true;
  if (url.empty()) return error = "no URL (see --help)", false;
  const auto parsed = loadgen::parseUrl(url, error);
  if (!parsed) return false;
  plan.target = parsed->first;
  if (!threadsGiven) plan.threads = std::min(plan.threads, plan.connections);
  if (!stagesText.empty()) {
    bool rateStages = plan.rate > 0;
    const auto stages = loadgen::parseStages(stagesText, rateStages, error);
    if (!stages) return false;
    plan.stages = *stages;
    plan.rateStages = rateStages;
  }
  if (!mixPath.empty()) {
    if (!readMix(mixPath, plan.target, plan.requests, error)) return false;
    for (auto& r : plan.requests) r.headers.insert(r.headers.begin(), headers.begin(), headers.end());
  } else {
    loadgen::RequestTemplate r;
    r.method = method;
    r.path = parsed->second;
    r.headers = headers;
    if (bodyGiven) r.body = body;
    plan.requests.push_back(std::move(r));
  }
  if (o.findCapacity) {
    if (const auto problems = loadgen::validate(o.search); !problems.empty()) return error = "--find-capacity: " + problems.front(), false;
    plan.rate = o.search.startRate;  // validated as the open-loop plan each step is
  }
  if (const auto problems = loadgen::validate(plan); !problems.empty()) {
    error = problems.front();
    for (size_t i = 1; i < problems.size(); ++i) error += "; " + problems[i];
    return false;
  }
  return true;
}

}  // namespace sluice::bench

// sluice-bench: Sluice's load generator on the command line (see --help and docs/load-testing.md).
#include "loadgen/capacity_finder.h"
#include "loadgen/load_engine.h"
#include "sluice_bench/bench_options.h"
#include "sluice_bench/bench_report.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

namespace {

sluice::loadgen::LoadEngine* running = nullptr;
std::atomic<bool> interrupted{false};

void onInterrupt(int) {
  interrupted = true;
  if (running) running->cancel();  // an atomic store: safe in a handler
}

bool writeFile(const std::string& path, const std::string& text) {
  if (path == "-") {
    std::cout << text << std::flush;
    return true;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

// --find-capacity: the steps, one line each as they end, then the knee.
int findCapacity(const sluice::bench::BenchOptions& options, std::ostream& text) {
  using namespace sluice;
  loadgen::CapacityFinder finder(options.plan, options.search);
  const std::string url = std::string(options.plan.target.tls ? "https://" : "http://") + options.plan.target.hostHeader +
                          options.plan.requests.front().path;
  text << bench::capacityHeader(options.plan, options.search, url) << std::flush;
  int index = 0;
  finder.onStep([&](const loadgen::CapacityStep& step) { text << bench::capacityStepLine(++index, step) << std::flush; });
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  std::atomic<bool> done{false};
  std::thread watcher([&] {  // a signal handler may not take the finder's lock: this thread does
    while (!done) {
      if (interrupted) finder.cancel();
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  auto result = finder.run();
  done = true;
  watcher.join();
  if (!result) {
    std::cerr << "sluice-bench: " << result.error().message << "\n";
    return 2;
  }
  text << bench::capacitySummary(*result) << std::flush;
  if (!options.jsonPath.empty() && !writeFile(options.jsonPath, result->toJson().dump(2) + "\n")) {
    std::cerr << "sluice-bench: cannot write " << options.jsonPath << "\n";
    return 2;
  }
  return result->knee > 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace sluice;
  bench::BenchOptions options;
  std::string error;
  if (!bench::parseOptions(argc, argv, options, error)) {
    std::cerr << "sluice-bench: " << error << "\n";
    return 2;
  }
  if (options.help) {
    std::cout << bench::usage();
    return 0;
  }
  if (options.version) {
    std::cout << "sluice-bench " << SLUICE_VERSION << "\n";
    return 0;
  }
  // With the JSON on standard output, the human-readable text goes to standard error.
  std::ostream& text = options.jsonPath == "-" ? std::cerr : std::cout;
  if (options.findCapacity) return findCapacity(options, text);
  loadgen::LoadEngine engine(options.plan);
  const std::string url = std::string(options.plan.target.tls ? "https://" : "http://") + options.plan.target.hostHeader +
                          options.plan.requests.front().path;
  text << bench::header(options.plan, url) << std::flush;
  const bool tty = isatty(STDERR_FILENO);
  if (!options.quiet && (tty || options.progress))
    engine.onSecond([&](const loadgen::SecondFigures& s) {
      std::cerr << (tty ? "\r" : "") << bench::progressLine(s, options.plan.issueSeconds()) << (tty ? "\033[K" : "\n") << std::flush;
    });
  running = &engine;
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  auto result = engine.run();
  running = nullptr;
  if (!options.quiet && tty) std::cerr << "\r\033[K";
  if (!result) {
    std::cerr << "sluice-bench: " << result.error().message << "\n";
    return 2;
  }
  text << bench::summary(*result) << std::flush;
  if (!options.jsonPath.empty() && !writeFile(options.jsonPath, result->toJson().dump(2) + "\n")) {
    std::cerr << "sluice-bench: cannot write " << options.jsonPath << "\n";
    return 2;
  }
  if (!options.csvPath.empty() && !writeFile(options.csvPath, result->timelineCsv())) {
    std::cerr << "sluice-bench: cannot write " << options.csvPath << "\n";
    return 2;
  }
  return result->passed ? 0 : 1;
}

// sluice-bench: Sluice's load generator on the command line (see --help and docs/load-testing.md).
#include "loadgen/load_engine.h"
#include "sluice_bench/bench_options.h"
#include "sluice_bench/bench_report.h"

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>

namespace {

sluice::loadgen::LoadEngine* running = nullptr;

void onInterrupt(int) {
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

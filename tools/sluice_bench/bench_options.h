#pragma once
// sluice-bench's command line: wrk's flags (-t -c -d -H --timeout) plus a method, a body, a rate,
// stages, a request count, a weighted mix of requests from a file, thresholds and machine outputs.
#include "loadgen/capacity_finder.h"
#include "loadgen/load_plan.h"

#include <string>
#include <vector>

namespace sluice::bench {

struct BenchOptions {
  loadgen::LoadPlan plan;
  bool findCapacity = false;  // steps of rising rate until a limit is missed (--find-capacity)
  loadgen::CapacitySearch search;
  std::string jsonPath;  // "-": stdout
  std::string csvPath;
  bool quiet = false;
  bool progress = false;  // forced even when stderr is not a terminal
  bool help = false, version = false;
};

// Parses argv; on a mistake returns false with `error` set (the caller prints it and exits 2).
bool parseOptions(int argc, char** argv, BenchOptions& options, std::string& error);
const char* usage();

}  // namespace sluice::bench

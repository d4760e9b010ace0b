#pragma once
// What sluice-bench prints: a progress line a second while it runs, and a summary at the end
// (wrk's layout, with percentiles, errors by kind, status codes and the thresholds' verdict).
#include "loadgen/capacity_finder.h"
#include "loadgen/load_plan.h"
#include "loadgen/load_result.h"

#include <string>

namespace sluice::bench {

std::string progressLine(const loadgen::SecondFigures& second, double totalSeconds);
std::string header(const loadgen::LoadPlan& plan, const std::string& url);
std::string summary(const loadgen::LoadResult& result);
// --find-capacity: what is searched, a line per step, the knee and why the search stopped.
std::string capacityHeader(const loadgen::LoadPlan& plan, const loadgen::CapacitySearch& search, const std::string& url);
std::string capacityStepLine(int index, const loadgen::CapacityStep& step);
std::string capacitySummary(const loadgen::CapacityResult& result);

}  // namespace sluice::bench

#include "plugins/counters/shared_counter_store.h"

#include <algorithm>
#include <chrono>

namespace sluice::plugins {

SharedCounterStore::Answer answerFor(uint64_t total, uint64_t held, std::vector<std::string> nodes, const std::string& node) {
  nodes.push_back(node);
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  const auto at = std::lower_bound(nodes.begin(), nodes.end(), node);
  SharedCounterStore::Answer answer;
  answer.total = total;
  answer.held = held;
  answer.nodes = static_cast<uint32_t>(std::max<size_t>(nodes.size(), 1));
  answer.rank = static_cast<uint32_t>(at - nodes.begin());
  return answer;
}

uint64_t holdingGranted(const SharedCounterStore::Item& item, uint64_t total, uint64_t othersHeld) {
  const uint64_t taken = total + othersHeld;
  const uint64_t free = item.limit > taken ? item.limit - taken : 0;
  return std::max(item.keep, std::min(item.want, free));
}

uint64_t fairShare(uint64_t left, uint32_t nodes, uint32_t rank) {
  nodes = std::max<uint32_t>(nodes, 1);
  return left / nodes + (rank < left % nodes ? 1 : 0);
}

uint64_t nowMilliseconds() {
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count());
}

}  // namespace sluice::plugins

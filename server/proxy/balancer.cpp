#include "proxy/balancer.h"

#include "snapshot/hash_ring.h"

#include <algorithm>
#include <cmath>

namespace sluice::proxy {
namespace {

constexpr double kEwmaWeight = 0.3;

bool excluded(const std::vector<int>& exclude, size_t i) {
  return std::find(exclude.begin(), exclude.end(), static_cast<int>(i)) != exclude.end();
}

std::string_view cookieValue(std::string_view cookies, std::string_view name) {
  while (!cookies.empty()) {
    const auto semi = cookies.find(';');
    std::string_view pair = cookies.substr(0, semi);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
    if (semi == std::string_view::npos) break;
    cookies.remove_prefix(semi + 1);
  }
  return {};
}

std::string_view queryValue(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    const auto eq = pair.find('=');
    if (pair.substr(0, eq) == name) return eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return {};
}

}  // namespace

std::string_view requestHashKey(const snapshot::UpstreamRuntime& up, const BalanceInput& in) {
  if (up.algorithm != snapshot::Algorithm::ConsistentHashing) return {};
  const std::string_view key = hashKey(up, in, false);
  return key.empty() ? hashKey(up, in, true) : key;
}

std::string_view hashKey(const snapshot::UpstreamRuntime& up, const BalanceInput& in, bool fallback) {
  const std::string& mode = fallback ? up.hashFallback : up.hashOn;
  const auto header = [&](const std::string& name) {
    return in.header && !name.empty() ? in.header(in.headerContext, name) : std::string_view();
  };
  if (mode == "ip") return in.clientIp;
  if (mode == "consumer") return in.consumerId;
  if (mode == "header") return header(fallback ? up.hashFallbackHeader : up.hashOnHeader);
  if (mode == "cookie") return cookieValue(header("cookie"), up.hashOnCookie);
  if (mode == "path") return in.path;
  if (mode == "query_arg") return queryValue(in.query, fallback ? up.hashFallbackQueryArg : up.hashOnQueryArg);
  if (mode == "uri_capture" && in.uriCaptures) {
    const std::string& name = fallback ? up.hashFallbackUriCapture : up.hashOnUriCapture;
    // Named captures are numbered in pattern order; Kong accepts a capture number too.
    try {
      const size_t n = std::stoul(name);
      if (n >= 1 && n <= in.uriCaptures->size()) return (*in.uriCaptures)[n - 1];
    } catch (const std::exception&) {
    }
  }
  return {};
}

void Balancer::resize(size_t n) {
  if (scores_.size() == n) return;
  scores_.assign(n, 0);
  active_.assign(n, 0);
  ewmaMicros_.assign(n, 0.0);
}

bool Balancer::eligible(const snapshot::UpstreamRuntime& up, size_t i, const std::vector<int>& exclude) const {
  const auto& t = up.targets[i];
  return t.weight > 0 && !t.addresses.empty() && !excluded(exclude, i) && (!t.health || t.health->healthy());
}

int Balancer::roundRobin(const snapshot::UpstreamRuntime& up, const std::vector<int>& exclude) {
  int64_t total = 0;
  int best = -1;
  for (size_t i = 0; i < up.targets.size(); ++i) {
    if (!eligible(up, i, exclude)) continue;
    scores_[i] += up.targets[i].weight;
    total += up.targets[i].weight;
    if (best < 0 || scores_[i] > scores_[static_cast<size_t>(best)]) best = static_cast<int>(i);
  }
  if (best >= 0) scores_[static_cast<size_t>(best)] -= total;
  return best;
}

int Balancer::pick(const snapshot::UpstreamRuntime& up, std::string_view key, const std::vector<int>& exclude) {
  resize(up.targets.size());
  if (up.health.threshold > 0) {  // the whole upstream is down below this share of healthy weight
    int64_t total = 0, healthy = 0;
    for (const auto& t : up.targets) {
      total += std::max(0, t.weight);
      if (!t.health || t.health->healthy()) healthy += std::max(0, t.weight);
    }
    if (total > 0 && static_cast<double>(healthy) * 100.0 / static_cast<double>(total) < up.health.threshold) return -1;
  }
  switch (up.algorithm) {
    case snapshot::Algorithm::LeastConnections:
    case snapshot::Algorithm::Latency: {
      int best = -1;
      double bestScore = 0;
      for (size_t i = 0; i < up.targets.size(); ++i) {
        if (!eligible(up, i, exclude)) continue;
        const double load = static_cast<double>(active_[i] + 1);
        const double score = up.algorithm == snapshot::Algorithm::Latency
                                 ? (ewmaMicros_[i] + 1.0) * load
                                 : load / static_cast<double>(up.targets[i].weight);
        if (best < 0 || score < bestScore) {
          best = static_cast<int>(i);
          bestScore = score;
        }
      }
      return best;
    }
    case snapshot::Algorithm::ConsistentHashing: {
      if (key.empty() || up.ring.empty()) return roundRobin(up, exclude);
      // The first eligible point clockwise from the key's hash.
      auto it = std::lower_bound(up.ring.begin(), up.ring.end(), std::make_pair(snapshot::hash32(key), 0u));
      for (size_t n = 0; n < up.ring.size(); ++n, ++it) {
        if (it == up.ring.end()) it = up.ring.begin();
        if (eligible(up, it->second, exclude)) return static_cast<int>(it->second);
      }
      return -1;
    }
    case snapshot::Algorithm::RoundRobin:
      break;
  }
  return roundRobin(up, exclude);
}

void Balancer::started(int target) {
  if (target >= 0 && static_cast<size_t>(target) < active_.size()) ++active_[static_cast<size_t>(target)];
}

void Balancer::finished(int target, uint64_t latencyMicros) {
  if (target < 0 || static_cast<size_t>(target) >= active_.size()) return;
  auto& a = active_[static_cast<size_t>(target)];
  if (a > 0) --a;
  auto& e = ewmaMicros_[static_cast<size_t>(target)];
  e = e == 0.0 ? static_cast<double>(latencyMicros) : kEwmaWeight * static_cast<double>(latencyMicros) + (1 - kEwmaWeight) * e;
}

}  // namespace sluice::proxy

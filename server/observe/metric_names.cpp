#include "observe/metric_names.h"

namespace sluice::observe {

MetricNames::MetricNames(bool consumers) : trackConsumers_(consumers) {
  routes_.push_back(RouteLabels{"", "(no route)", "", ""});
  consumers_.emplace_back("", "");
  targets_.emplace_back("", "");
}

uint32_t MetricNames::target(const std::string& id, const std::string& upstream, const std::string& target) {
  std::lock_guard lock(mutex_);
  auto [it, added] = targetIds_.try_emplace(id, static_cast<uint32_t>(targets_.size()));
  if (added) targets_.emplace_back();
  targets_[it->second] = {upstream, target};
  return it->second;
}

std::pair<std::string, std::string> MetricNames::targetLabels(uint32_t id) const {
  std::lock_guard lock(mutex_);
  return id < targets_.size() ? targets_[id] : std::pair<std::string, std::string>{};
}

uint32_t MetricNames::consumer(const std::string& id, const std::string& name) {
  if (!trackConsumers_) return 0;
  std::lock_guard lock(mutex_);
  auto [it, added] = consumerIds_.try_emplace(id, static_cast<uint32_t>(consumers_.size()));
  if (added) consumers_.emplace_back();
  consumers_[it->second] = {id, name};
  return it->second;
}

std::pair<std::string, std::string> MetricNames::consumerLabels(uint32_t id) const {
  std::lock_guard lock(mutex_);
  return id < consumers_.size() ? consumers_[id] : std::pair<std::string, std::string>{};
}

uint32_t MetricNames::route(const std::string& id, const std::string& name, const std::string& serviceId,
                            const std::string& serviceName) {
  std::lock_guard lock(mutex_);
  auto [it, added] = routeIds_.try_emplace(id, static_cast<uint32_t>(routes_.size()));
  if (added) routes_.emplace_back();
  RouteLabels& labels = routes_[it->second];
  // (Assigned only when they differ: a rebuild at 10,000 routes passes here 10,000 times.)
  if (labels.id != id) labels.id = id;
  if (labels.name != name) labels.name = name;
  if (labels.serviceId != serviceId) labels.serviceId = serviceId;
  if (labels.serviceName != serviceName) labels.serviceName = serviceName;
  return it->second;
}

uint32_t MetricNames::plugin(const std::string& name) {
  std::lock_guard lock(mutex_);
  auto [it, added] = pluginIds_.try_emplace(name, static_cast<uint32_t>(plugins_.size()));
  if (added) plugins_.push_back(name);
  return it->second;
}

RouteLabels MetricNames::routeLabels(uint32_t id) const {
  std::lock_guard lock(mutex_);
  return id < routes_.size() ? routes_[id] : RouteLabels{};
}

std::string MetricNames::pluginName(uint32_t id) const {
  std::lock_guard lock(mutex_);
  return id < plugins_.size() ? plugins_[id] : std::string();
}

size_t MetricNames::routeCount() const {
  std::lock_guard lock(mutex_);
  return routes_.size();
}

size_t MetricNames::pluginCount() const {
  std::lock_guard lock(mutex_);
  return plugins_.size();
}

}  // namespace sluice::observe

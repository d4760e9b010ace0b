#include "snapshot/config_figures.h"

namespace sluice::snapshot {

std::optional<observe::ConfigFigures> configFigures(const SnapshotPublisher& publisher) {
  const auto snap = publisher.current();
  if (!snap) return std::nullopt;
  observe::ConfigFigures f;
  f.version = snap->version;
  f.buildSeconds = snap->buildMilliseconds / 1000.0;
  f.routes = snap->routes.size();
  for (const auto& up : snap->upstreams)
    for (const auto& t : up.targets) {
      observe::ConfigFigures::Target& out = f.targets.emplace_back();
      out.upstream = up.name;
      out.target = t.target;
      out.state = up.healthState(t);
      for (const auto& a : t.addresses) out.addresses.push_back(a.text);
    }
  return f;
}

}  // namespace sluice::snapshot

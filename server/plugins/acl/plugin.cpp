#include "plugins/acl/plugin.h"

#include "plugins/authentication.h"
#include "plugins/config_values.h"

#include <algorithm>
#include <unordered_map>

namespace sluice::plugins {
namespace {

// Each consumer's groups (the acls entity), and the same joined for X-Consumer-Groups.
struct ConsumerGroups {
  std::unordered_map<size_t, std::vector<std::string>> groups;
  std::unordered_map<size_t, std::string> header;
};

class AclPlugin final : public Plugin {
 public:
  AclPlugin(const nlohmann::json& config, std::shared_ptr<const ConsumerGroups> groups) : groups_(std::move(groups)) {
    allow_ = stringList(config, "allow");
    deny_ = stringList(config, "deny");
    hideGroupsHeader_ = config.at("hide_groups_header").get<bool>();
  }

  uint8_t phases() const override { return phaseBit(Phase::Access); }

  PhaseResult access(RequestContext& ctx) const override {
    if (!ctx.consumer) {
      ctx.respond(401, "Unauthorized");
      return PhaseResult::Respond;
    }
    const auto found = groups_->groups.find(ctx.consumerIndex);
    const std::vector<std::string>* mine = found == groups_->groups.end() ? nullptr : &found->second;
    const auto member = [mine](const std::vector<std::string>& listed) {
      if (!mine) return false;
      for (const auto& g : listed)
        if (std::find(mine->begin(), mine->end(), g) != mine->end()) return true;
      return false;
    };
    const bool blocked = allow_.empty() ? member(deny_) : !member(allow_);
    if (blocked) {
      ctx.respond(403, "You cannot consume this service");
      return PhaseResult::Respond;
    }
    if (!hideGroupsHeader_ && mine) ctx.setHeaders.add("X-Consumer-Groups", groups_->header.at(ctx.consumerIndex));
    return PhaseResult::Continue;
  }

 private:
  std::shared_ptr<const ConsumerGroups> groups_;
  std::vector<std::string> allow_, deny_;
  bool hideGroupsHeader_ = false;
};

}  // namespace

PluginCreateResult createAcl(const nlohmann::json& config, BuildContext& context) {
  auto groups = context.shared<ConsumerGroups>("acl", [&context] {
    auto index = std::make_shared<ConsumerGroups>();
    // In the order they were added (created_at, then name): the order of X-Consumer-Groups.
    std::vector<std::pair<const nlohmann::json*, size_t>> rows;
    forEachCredential(context, "acls", [&](const nlohmann::json& row, size_t consumer) { rows.emplace_back(&row, consumer); });
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      const auto at = [](const nlohmann::json* r) { return std::pair{r->value("created_at", int64_t{0}), r->at("group").get<std::string>()}; };
      return at(a.first) < at(b.first);
    });
    for (const auto& [row, consumer] : rows) index->groups[consumer].push_back(row->at("group").get<std::string>());
    for (const auto& [consumer, list] : index->groups) {
      std::string joined;
      for (const auto& g : list) joined += (joined.empty() ? "" : ", ") + g;
      index->header[consumer] = joined;
    }
    return std::shared_ptr<const ConsumerGroups>(std::move(index));
  });
  return PluginConstSharedPtr(std::make_shared<AclPlugin>(config, std::move(groups)));
}

}  // namespace sluice::plugins

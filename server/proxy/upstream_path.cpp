#include "proxy/upstream_path.h"

namespace sluice::proxy {

void joinUpstreamPath(std::string_view servicePath, std::string_view rest, bool v1, std::string& out) {
  out.assign(servicePath.empty() ? std::string_view("/") : servicePath);
  if (rest.empty()) return;
  const bool slashEnd = !out.empty() && out.back() == '/';
  const bool slashStart = rest.front() == '/';
  if (v1) {  // the service path is a plain prefix; the rest's leading slash is dropped
    if (slashStart) rest.remove_prefix(1);
    out.append(rest);
    return;
  }
  if (slashEnd && slashStart) rest.remove_prefix(1);
  else if (!slashEnd && !slashStart) out.push_back('/');
  out.append(rest);
}

}  // namespace sluice::proxy

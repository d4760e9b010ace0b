#include "net/listen_address.h"

#include <sstream>
#include <stdexcept>

namespace sluice::net {

core::Result<std::vector<ListenAddress>> parseListenList(const std::string& value, const std::string& key) {
  std::vector<ListenAddress> out;
  std::stringstream entries(value);
  std::string entry;
  while (std::getline(entries, entry, ',')) {
    std::stringstream words(entry);
    std::string address, flag;
    if (!(words >> address)) continue;
    if (address == "off") return out;
    ListenAddress listen;
    while (words >> flag) {
      if (flag == "ssl") listen.ssl = true;
      else if (flag == "http2") listen.http2 = true;
      else if (flag == "reuseport" || flag.rfind("backlog=", 0) == 0 || flag == "deferred") continue;
      else return core::Error::badRequest(key + ": unknown flag '" + flag + "' in '" + entry + "'");
    }
    const auto colon = address.rfind(':');
    if (colon == std::string::npos) return core::Error::badRequest(key + ": expected host:port (got '" + address + "')");
    listen.host = address.substr(0, colon);
    if (listen.host.size() > 2 && listen.host.front() == '[') listen.host = listen.host.substr(1, listen.host.size() - 2);
    try {
      const int port = std::stoi(address.substr(colon + 1));
      if (port < 0 || port > 65535) throw std::out_of_range("port");
      listen.port = static_cast<uint16_t>(port);
    } catch (const std::exception&) {
      return core::Error::badRequest(key + ": invalid port in '" + address + "'");
    }
    out.push_back(listen);
  }
  return out;
}

core::Result<ListenAddress> parseFirstListen(const std::string& value, const std::string& key) {
  auto all = parseListenList(value, key);
  if (!all) return all.error();
  if (all->empty()) return core::Error::badRequest(key + ": expected host:port (got '" + value + "')");
  return all->front();
}

}  // namespace sluice::net

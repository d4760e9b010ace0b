#include "plugins/ldap_auth/ldap_binder.h"

#include "core/clock.h"

#include <ldap.h>

#include <sys/time.h>

#include <algorithm>

namespace sluice::plugins {
namespace {

constexpr size_t kMaxIdlePerServer = 64;

void release(LDAP* ld) { ldap_unbind_ext_s(ld, nullptr, nullptr); }

std::string uriOf(const DirectoryServer& s) {
  const bool ipv6 = s.host.find(':') != std::string::npos;
  return std::string(s.tls == DirectoryServer::Tls::Ldaps ? "ldaps://" : "ldap://") + (ipv6 ? "[" : "") + s.host +
         (ipv6 ? "]" : "") + ":" + std::to_string(s.port);
}

// Library errors are negative (no answer); a directory's result codes are positive.
bool answered(int rc) { return rc >= 0; }

}  // namespace

std::string DirectoryServer::poolKey() const {
  return host + ":" + std::to_string(port) + ":" + std::to_string(static_cast<int>(tls)) + (verify ? ":v" : "");
}

LdapBinder::~LdapBinder() {
  for (auto& [key, list] : idle_)
    for (const Idle& i : list) release(i.ld);
}

size_t LdapBinder::idleConnections() const {
  std::lock_guard lock(mutex_);
  size_t n = 0;
  for (const auto& [key, list] : idle_) n += list.size();
  return n;
}

LDAP* LdapBinder::takeIdle(const DirectoryServer& server) {
  const uint64_t now = (core::monotonicMicros() / 1000);
  std::vector<LDAP*> stale;
  LDAP* found = nullptr;
  {
    std::lock_guard lock(mutex_);
    auto it = idle_.find(server.poolKey());
    if (it == idle_.end()) return nullptr;
    auto& list = it->second;
    while (!list.empty()) {
      const Idle last = list.back();
      list.pop_back();
      if (now - last.sinceMs <= static_cast<uint64_t>(std::max(server.keepaliveMs, 0))) {
        found = last.ld;
        break;
      }
      stale.push_back(last.ld);
    }
    // The oldest are at the front: drop those past their time too.
    while (!list.empty() && now - list.front().sinceMs > static_cast<uint64_t>(std::max(server.keepaliveMs, 0))) {
      stale.push_back(list.front().ld);
      list.erase(list.begin());
    }
  }
  for (LDAP* ld : stale) release(ld);  // (outside the lock: an unbind writes to the socket)
  return found;
}

void LdapBinder::keep(const DirectoryServer& server, LDAP* ld) {
  if (server.keepaliveMs <= 0) return release(ld);
  {
    std::lock_guard lock(mutex_);
    auto& list = idle_[server.poolKey()];
    if (list.size() < kMaxIdlePerServer) {
      list.push_back(Idle{ld, (core::monotonicMicros() / 1000)});
      return;
    }
  }
  release(ld);
}

LDAP* LdapBinder::open(const DirectoryServer& server, BindOutcome& failure) const {
  LDAP* ld = nullptr;
  const std::string uri = uriOf(server);
  int rc = ldap_initialize(&ld, uri.c_str());
  if (rc != LDAP_SUCCESS || !ld) {
    failure.message = "cannot use " + uri + ": " + ldap_err2string(rc);
    return nullptr;
  }
  const int version = LDAP_VERSION3;
  ldap_set_option(ld, LDAP_OPT_PROTOCOL_VERSION, &version);
  ldap_set_option(ld, LDAP_OPT_REFERRALS, LDAP_OPT_OFF);
  const int timeoutMs = std::max(server.timeoutMs, 1);
  timeval timeout{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
  ldap_set_option(ld, LDAP_OPT_NETWORK_TIMEOUT, &timeout);
  ldap_set_option(ld, LDAP_OPT_TIMEOUT, &timeout);
  if (server.tls != DirectoryServer::Tls::None) {
    const int require = server.verify ? LDAP_OPT_X_TLS_DEMAND : LDAP_OPT_X_TLS_NEVER;
    ldap_set_option(ld, LDAP_OPT_X_TLS_REQUIRE_CERT, &require);
    if (server.verify && !caFile_.empty()) ldap_set_option(ld, LDAP_OPT_X_TLS_CACERTFILE, caFile_.c_str());
    const int isServer = 0;
    ldap_set_option(ld, LDAP_OPT_X_TLS_NEWCTX, &isServer);  // this handle's own TLS settings
  }
  if (server.tls == DirectoryServer::Tls::StartTls) {
    rc = ldap_start_tls_s(ld, nullptr, nullptr);
    if (rc != LDAP_SUCCESS) {
      failure.message = "StartTLS with " + uri + " failed: " + ldap_err2string(rc);
      release(ld);
      return nullptr;
    }
  }
  return ld;
}

BindOutcome LdapBinder::bind(const DirectoryServer& server, const std::string& dn, const std::string& password) {
  BindOutcome outcome;
  for (int attempt = 0; attempt < 2; ++attempt) {
    LDAP* ld = attempt == 0 ? takeIdle(server) : nullptr;
    const bool reused = ld != nullptr;
    if (!ld && !(ld = open(server, outcome))) return outcome;
    berval credentials{static_cast<ber_len_t>(password.size()), const_cast<char*>(password.data())};
    const int rc = ldap_sasl_bind_s(ld, dn.c_str(), LDAP_SASL_SIMPLE, &credentials, nullptr, nullptr, nullptr);
    if (rc == LDAP_SUCCESS) {
      keep(server, ld);
      return BindOutcome{BindAnswer::Accepted, {}};
    }
    if (answered(rc)) {
      char* detail = nullptr;
      ldap_get_option(ld, LDAP_OPT_DIAGNOSTIC_MESSAGE, &detail);
      outcome = BindOutcome{BindAnswer::Refused, std::string(ldap_err2string(rc)) +
                                                     (detail && *detail ? std::string(": ") + detail : std::string())};
      if (detail) ldap_memfree(detail);
      keep(server, ld);
      return outcome;
    }
    outcome = BindOutcome{BindAnswer::Failed, "bind to " + uriOf(server) + " failed: " + ldap_err2string(rc)};
    release(ld);
    if (!reused) return outcome;  // a kept connection may have been closed by the server: one more, new
  }
  return outcome;
}

std::string escapeDnValue(const std::string& value) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(value.size());
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    const bool special = c == ',' || c == '+' || c == '"' || c == '\\' || c == '<' || c == '>' || c == ';' || c == '=' ||
                         (i == 0 && (c == '#' || c == ' ')) || (i + 1 == value.size() && c == ' ');
    if (c == '\0') {
      out += "\\00";
    } else if (special) {
      out.push_back('\\');
      out.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out.push_back('\\');
      out.push_back(kHex[static_cast<unsigned char>(c) >> 4]);
      out.push_back(kHex[static_cast<unsigned char>(c) & 15]);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace sluice::plugins

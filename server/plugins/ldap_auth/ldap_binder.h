#pragma once
// Simple binds to an LDAP directory (OpenLDAP's libldap), on the plugin threads: one bind checks a
// username and password. Connections are kept per server and TLS mode for `keepalive` ms (Kong's
// cosocket pool), and a kept one that the server closed meanwhile is replaced once.
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

typedef struct ldap LDAP;

namespace sluice::plugins {

struct DirectoryServer {
  enum class Tls : uint8_t { None, Ldaps, StartTls };
  std::string host;
  int port = 389;
  Tls tls = Tls::None;
  bool verify = false;  // the certificate and the host name (verify_ldap_host)
  int timeoutMs = 10000;
  int keepaliveMs = 60000;
  // Connections are kept apart by address and TLS mode (a StartTLS one is never lent as plain).
  std::string poolKey() const;
};

enum class BindAnswer : uint8_t {
  Accepted,  // the directory took the DN and password
  Refused,   // it answered with an error (invalid credentials, no such entry, ...)
  Failed,    // no answer: cannot connect, TLS failed, timed out
};

struct BindOutcome {
  BindAnswer answer = BindAnswer::Failed;
  std::string message;  // the directory's or the library's reason, for the error log
};

class LdapBinder {
 public:
  // `caFile`: the PEM bundle a verified server's certificate must chain to.
  explicit LdapBinder(std::string caFile) : caFile_(std::move(caFile)) {}
  ~LdapBinder();
  LdapBinder(const LdapBinder&) = delete;
  LdapBinder& operator=(const LdapBinder&) = delete;

  // Blocks for up to the server's timeout (twice, when a kept connection turned out closed).
  BindOutcome bind(const DirectoryServer& server, const std::string& dn, const std::string& password);
  size_t idleConnections() const;

 private:
  struct Idle {
    LDAP* ld;
    uint64_t sinceMs;
  };
  LDAP* takeIdle(const DirectoryServer& server);
  void keep(const DirectoryServer& server, LDAP* ld);
  LDAP* open(const DirectoryServer& server, BindOutcome& failure) const;

  std::string caFile_;
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<Idle>> idle_;
};

// A DN attribute value with RFC 4514's special characters escaped (a username cannot reach
// another part of the DN).
std::string escapeDnValue(const std::string& value);

}  // namespace sluice::plugins

#include "plugins/session/plugin.h"

#include "core/clock.h"
#include "http/query_string.h"
#include "plugins/authentication.h"
#include "plugins/body_edits.h"
#include "plugins/config_values.h"
#include "plugins/cookies.h"
#include "plugins/encodings.h"
#include "plugins/session/session_store.h"
#include "snapshot/config_snapshot.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

namespace sluice::plugins {
namespace {

using nlohmann::json;

// The `cookie` storage: the session as JSON, sealed with AES-256-GCM under SHA-256(secret):
// base64urlEncode(nonce 12 | ciphertext | tag 16). The cookie's name is authenticated with it.
class Sealer {
 public:
  explicit Sealer(const std::string& secret) { SHA256(reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), key_); }

  std::string seal(const std::string& name, const std::string& plain) const {
    unsigned char nonce[12];
    RAND_bytes(nonce, sizeof nonce);
    std::string out(reinterpret_cast<const char*>(nonce), sizeof nonce);
    out.resize(sizeof nonce + plain.size() + 16);
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    int n = 0, m = 0;
    auto* cipher = reinterpret_cast<unsigned char*>(out.data()) + sizeof nonce;
    const bool ok = ctx && EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, key_, nonce) &&
                    EVP_EncryptUpdate(ctx, nullptr, &n, reinterpret_cast<const unsigned char*>(name.data()), static_cast<int>(name.size())) &&
                    EVP_EncryptUpdate(ctx, cipher, &n, reinterpret_cast<const unsigned char*>(plain.data()), static_cast<int>(plain.size())) &&
                    EVP_EncryptFinal_ex(ctx, cipher + n, &m) && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, cipher + plain.size());
    EVP_CIPHER_CTX_free(ctx);
    return ok ? base64urlEncode(reinterpret_cast<const unsigned char*>(out.data()), out.size()) : std::string();
  }

  bool open(const std::string& name, std::string_view sealed, std::string& plain) const {
    std::string raw;
    if (!base64urlDecode(sealed, raw) || raw.size() < 12 + 16) return false;
    const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
    const size_t length = raw.size() - 12 - 16;
    plain.resize(length);
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    int n = 0, m = 0;
    const bool ok = ctx && EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, key_, bytes) &&
                    EVP_DecryptUpdate(ctx, nullptr, &n, reinterpret_cast<const unsigned char*>(name.data()), static_cast<int>(name.size())) &&
                    EVP_DecryptUpdate(ctx, reinterpret_cast<unsigned char*>(plain.data()), &n, bytes + 12, static_cast<int>(length)) &&
                    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, 16, const_cast<unsigned char*>(bytes + 12 + length)) &&
                    EVP_DecryptFinal_ex(ctx, reinterpret_cast<unsigned char*>(plain.data()) + n, &m) > 0;
    EVP_CIPHER_CTX_free(ctx);
    return ok;
  }

  // The `kong` storage's cookie: the session id and its HMAC (the id alone can not be forged).
  std::string sign(std::string_view id) const {
    unsigned char mac[32];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key_, sizeof key_, reinterpret_cast<const unsigned char*>(id.data()), id.size(), mac, &length);
    return base64urlEncode(mac, length);
  }

 private:
  unsigned char key_[SHA256_DIGEST_LENGTH];
};

// What access learnt, for header_filter.
struct SessionState {
  bool present = false;
  SessionData data;
  void clear() {
    present = false;
    data = {};
  }
};

class SessionPlugin final : public Plugin {
 public:
  SessionPlugin(const json& config, std::shared_ptr<SessionStore> store)
      : sealer_(optionalString(config, "secret")), store_(std::move(store)) {
    name_ = optionalString(config, "cookie_name");
    lifetime_ = static_cast<int64_t>(config.value("cookie_lifetime", 3600.0));
    idletime_ = config.contains("cookie_idletime") && config["cookie_idletime"].is_number()
                    ? static_cast<int64_t>(config["cookie_idletime"].get<double>())
                    : 0;
    renew_ = static_cast<int64_t>(config.value("cookie_renew", 600.0));
    discard_ = static_cast<int64_t>(config.value("cookie_discard", 10.0));
    logoutMethods_ = stringList(config, "logout_methods");
    logoutQueryArg_ = optionalString(config, "logout_query_arg");
    logoutPostArg_ = optionalString(config, "logout_post_arg");
    // The cookie's attributes, as lua-resty-session writes them.
    attributes_ = "; Path=" + optionalString(config, "cookie_path");
    if (const std::string domain = optionalString(config, "cookie_domain"); !domain.empty()) attributes_ += "; Domain=" + domain;
    if (const std::string samesite = optionalString(config, "cookie_samesite"); !samesite.empty() && samesite != "off")
      attributes_ += "; SameSite=" + samesite;
    if (config.value("cookie_secure", true)) attributes_ += "; Secure";
    if (config.value("cookie_httponly", true)) attributes_ += "; HttpOnly";
  }

  uint8_t phases() const override { return phaseBit(Phase::Access) | phaseBit(Phase::HeaderFilter); }
  bool readsRequestBody() const override { return !logoutPostArg_.empty() && !logoutMethods_.empty(); }

  PhaseResult access(RequestContext& ctx) const override {
    const std::string_view cookie = cookieValue(ctx, name_);
    if (cookie.empty()) return PhaseResult::Continue;
    const int64_t now = core::unixSeconds();
    std::optional<SessionData> session = open(cookie);
    if (!session || session->expires <= now || (idletime_ > 0 && now - session->issued > idletime_)) return PhaseResult::Continue;
    if (loggingOut(ctx)) {
      if (store_) store_->remove(std::string(sessionId(cookie)));
      ctx.local.clear();
      ctx.local.status = 200;
      ctx.local.headers.add("Set-Cookie", expiredCookie());
      return PhaseResult::Respond;
    }
    const auto consumer = ctx.snapshot->consumerById.find(session->consumerId);
    if (consumer == ctx.snapshot->consumerById.end()) {  // the consumer is gone: so is the session
      if (store_) store_->remove(std::string(sessionId(cookie)));
      ctx.responseHeaders.add("Set-Cookie", expiredCookie());
      return PhaseResult::Continue;
    }
    if (session->expires - now < renew_) {  // close to its end: renewed
      if (store_) store_->remove(std::string(sessionId(cookie)), discard_);
      session->expires = now + lifetime_;
      session->issued = now;
      ctx.responseHeaders.add("Set-Cookie", newCookie(*session));
    }
    authenticate(ctx, consumer->second, session->credentialId, session->credentialId);
    SessionState& state = ctx.pluginSlots.get<SessionState>();
    state.present = true;
    state.data = *session;
    return PhaseResult::Continue;
  }

  // A consumer that a credential identified in this request gets a session (unless it came with one).
  void headerFilter(RequestContext& ctx) const override {
    if (!ctx.consumer || ctx.anonymous || ctx.credentialId.empty()) return;
    const SessionState* state = ctx.pluginSlots.find<SessionState>();
    if (state && state->present && state->data.consumerId == ctx.consumer->id && state->data.credentialId == ctx.credentialId) return;
    const int64_t now = core::unixSeconds();
    SessionData data{ctx.consumer->id, ctx.credentialId, now + lifetime_, now};
    ctx.responseHeaders.add("Set-Cookie", newCookie(data));
  }

 private:
  // The session a cookie names: unsealed (`cookie` storage) or found by its signed id (`kong`).
  std::optional<SessionData> open(std::string_view cookie) const {
    if (store_) {
      const size_t dot = cookie.find('.');
      if (dot == std::string_view::npos) return std::nullopt;
      const std::string expected = sealer_.sign(cookie.substr(0, dot));
      const std::string_view given = cookie.substr(dot + 1);
      if (given.size() != expected.size() || CRYPTO_memcmp(given.data(), expected.data(), expected.size()) != 0) return std::nullopt;
      return store_->find(std::string(cookie.substr(0, dot)));
    }
    std::string plain;
    if (!sealer_.open(name_, cookie, plain)) return std::nullopt;
    const json j = json::parse(plain, nullptr, false);
    if (!j.is_object()) return std::nullopt;
    return SessionData{j.value("c", ""), j.value("k", ""), j.value("e", int64_t{0}), j.value("i", int64_t{0})};
  }

  std::string_view sessionId(std::string_view cookie) const { return cookie.substr(0, cookie.find('.')); }

  std::string newCookie(const SessionData& data) const {
    std::string value;
    if (store_) {
      unsigned char raw[32];
      RAND_bytes(raw, sizeof raw);
      const std::string id = base64urlEncode(raw, sizeof raw);
      store_->add(id, data);
      value = id + "." + sealer_.sign(id);
    } else {
      value = sealer_.seal(name_, json{{"c", data.consumerId}, {"k", data.credentialId}, {"e", data.expires}, {"i", data.issued}}.dump());
    }
    return name_ + "=" + value + attributes_;
  }

  std::string expiredCookie() const { return name_ + "=" + attributes_ + "; Expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0"; }

  // Kong's logout: a logout method, with the logout query argument or form field present.
  bool loggingOut(const RequestContext& ctx) const {
    if (std::find(logoutMethods_.begin(), logoutMethods_.end(), ctx.request->method) == logoutMethods_.end()) return false;
    std::string value;
    if (!logoutQueryArg_.empty() && http::findQueryArg(ctx.request->query, logoutQueryArg_, value) > 0) return true;
    if (!logoutPostArg_.empty() && ctx.requestBody && !ctx.requestBody->empty()) {
      const BodyType type = bodyTypeOf(ctx.header("Content-Type"));
      if (type != BodyType::Other && findBodyField(*ctx.requestBody, type, logoutPostArg_, value) > 0) return true;
    }
    return false;
  }

  Sealer sealer_;
  std::shared_ptr<SessionStore> store_;  // null: the `cookie` storage
  std::string name_, attributes_, logoutQueryArg_, logoutPostArg_;
  int64_t lifetime_ = 3600, idletime_ = 0, renew_ = 600, discard_ = 10;
  std::vector<std::string> logoutMethods_;
};

}  // namespace

PluginCreateResult createSession(const nlohmann::json& config, BuildContext& context) {
  std::shared_ptr<SessionStore> store;
  if (config.value("storage", "cookie") == "kong") {
    auto writer = context.node().find<PluginRowWriter>(kPluginRowsKey);
    store = context.node().get<SessionStore>("session:store", [&writer] { return std::make_shared<SessionStore>(writer); });
    context.shared<bool>("session:reloaded", [&] {
      store->reload(context.entities("sessions"));
      return std::make_shared<const bool>(true);
    });
  }
  return PluginConstSharedPtr(std::make_shared<SessionPlugin>(config, std::move(store)));
}

}  // namespace sluice::plugins

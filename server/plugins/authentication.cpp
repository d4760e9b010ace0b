#include "plugins/authentication.h"

#include "snapshot/config_snapshot.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace sluice::plugins {
namespace {

void setOrClear(RequestContext& ctx, std::string_view name, std::string_view value) {
  if (value.empty()) ctx.removeHeaders.add(name);
  else ctx.setHeaders.add(name, value);
}

}  // namespace

void authenticate(RequestContext& ctx, size_t consumerIndex, std::string_view credentialId,
                  std::string_view credentialIdentifier, bool usernameCredential) {
  const snapshot::ConsumerRuntime& consumer = ctx.snapshot->consumers[consumerIndex];
  ctx.consumer = &consumer;
  ctx.consumerIndex = consumerIndex;
  ctx.anonymous = false;
  ctx.credentialId.assign(credentialId);
  ctx.credentialIdentifier.assign(credentialIdentifier);
  setOrClear(ctx, "X-Consumer-ID", consumer.id);
  setOrClear(ctx, "X-Consumer-Custom-ID", consumer.customId);
  setOrClear(ctx, "X-Consumer-Username", consumer.username);
  setOrClear(ctx, "X-Credential-Identifier", credentialIdentifier);
  if (usernameCredential) setOrClear(ctx, "X-Credential-Username", credentialIdentifier);
  ctx.removeHeaders.add("X-Anonymous-Consumer");  // (last: an anonymous consumer sets it instead)
}

void authenticateCredential(RequestContext& ctx, std::string_view credentialId, std::string_view username) {
  ctx.consumer = nullptr;
  ctx.consumerIndex = 0;
  ctx.anonymous = false;
  ctx.credentialId.assign(credentialId);
  ctx.credentialIdentifier.assign(username);
  ctx.removeHeaders.add("X-Consumer-ID");
  ctx.removeHeaders.add("X-Consumer-Custom-ID");
  ctx.removeHeaders.add("X-Consumer-Username");
  setOrClear(ctx, "X-Credential-Identifier", username);
  setOrClear(ctx, "X-Credential-Username", username);
  ctx.removeHeaders.add("X-Anonymous-Consumer");
}

// `anonymous` names the consumer by id or, as Kong 2.8 loads it, by username.
bool authenticateAnonymous(RequestContext& ctx, const std::string& anonymous, bool usernameCredential) {
  auto it = ctx.snapshot->consumerById.find(anonymous);
  if (it == ctx.snapshot->consumerById.end()) {
    it = ctx.snapshot->consumerByUsername.find(anonymous);
    if (it == ctx.snapshot->consumerByUsername.end()) {
      ctx.respond(500, "An unexpected error occurred");
      return false;
    }
  }
  authenticate(ctx, it->second, {}, {}, usernameCredential);
  ctx.anonymous = true;
  ctx.removeHeaders.pop_back();  // X-Anonymous-Consumer is set instead
  ctx.setHeaders.add("X-Anonymous-Consumer", "true");
  return true;
}

PhaseResult failAuthentication(RequestContext& ctx, const std::string& anonymous, int status, std::string_view message,
                               bool usernameCredential) {
  if (!anonymous.empty()) {
    ctx.local.clear();
    return authenticateAnonymous(ctx, anonymous, usernameCredential) ? PhaseResult::Continue : PhaseResult::Respond;
  }
  ctx.respond(status, message);
  return PhaseResult::Respond;
}

bool secretsEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool base64Decode(std::string_view in, std::string& out) {
  while (!in.empty() && (in.back() == ' ' || in.back() == '\t')) in.remove_suffix(1);
  if (in.empty() || in.size() % 4 != 0) return false;
  out.resize(in.size() / 4 * 3);
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(in.data()), static_cast<int>(in.size()));
  if (n < 0) return false;
  size_t length = static_cast<size_t>(n);
  if (in.back() == '=') --length;  // EVP_DecodeBlock counts padding as zero bytes
  if (in[in.size() - 2] == '=') --length;
  out.resize(length);
  return true;
}

}  // namespace sluice::plugins

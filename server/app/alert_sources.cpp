#include "app/alert_sources.h"

#include "model/entities.h"
#include "model/registry.h"

#include <openssl/asn1.h>
#include <openssl/x509.h>

#include <stdexcept>

namespace sluice::app {

namespace {

// A certificate's notAfter as seconds since the epoch.
double notAfter(X509* cert) {
  ASN1_TIME* epoch = ASN1_TIME_set(nullptr, 0);
  int days = 0, seconds = 0;
  const bool ok = epoch && ASN1_TIME_diff(&days, &seconds, epoch, X509_get0_notAfter(cert)) == 1;
  ASN1_TIME_free(epoch);
  return ok ? static_cast<double>(days) * 86400.0 + seconds : 0;
}

std::string subjectOf(X509* cert) {
  char text[256] = {0};
  X509_NAME_get_text_by_NID(X509_get_subject_name(cert), NID_commonName, text, sizeof text);
  return text;
}

}  // namespace

alerts::AlertEngine::Sources alertSources(store::Store& store, snapshot::SnapshotPublisher& publisher,
                                          alerts::WebhookDelivery& webhooks) {
  alerts::AlertEngine::Sources s;
  s.rules = [&store] {
    auto all = store.listAll(model::sluiceAlertRules());
    if (!all) throw std::runtime_error(all.error().message);
    return std::move(*all);
  };
  s.nameOf = [&store](const std::string& entity, const std::string& id) -> std::string {
    const auto* schema = model::findEntity(entity);
    if (!schema) return {};
    auto found = store.get(*schema, id);
    if (!found || !*found) return {};
    const auto& e = **found;
    return e.contains("name") && e["name"].is_string() ? e["name"].get<std::string>() : std::string();
  };
  s.targets = [&publisher] {
    std::vector<alerts::TargetState> out;
    const auto snap = publisher.current();
    if (!snap) return out;
    for (const auto& up : snap->upstreams)
      for (const auto& t : up.targets) out.push_back({up.id, up.name, t.target, up.healthState(t)});
    return out;
  };
  s.certificates = [&publisher] {
    std::vector<alerts::CertificateState> out;
    const auto snap = publisher.current();
    if (!snap) return out;
    for (size_t i = 0; i < snap->certificates.size(); ++i) {
      const auto& c = snap->certificates[i];
      if (!c.pair.cert) continue;
      std::string names;
      for (const auto& [name, index] : snap->sniExact)
        if (index == i) names += (names.empty() ? "" : ", ") + name;
      for (const auto& [name, index] : snap->sniWildcards)
        if (index == i) names += (names.empty() ? "" : ", ") + name;
      out.push_back({c.id, names.empty() ? subjectOf(c.pair.cert.get()) + " (" + c.id + ")" : names, notAfter(c.pair.cert.get())});
    }
    return out;
  };
  s.webhook = [&webhooks](const std::string& url, int retries, const std::string& body) { webhooks.send(url, retries, body); };
  s.configVersion = [&publisher] { return publisher.version(); };
  return s;
}

}  // namespace sluice::app

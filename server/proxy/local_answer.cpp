#include "proxy/local_answer.h"

#include "proxy/proxy_worker.h"

namespace sluice::proxy {

http::GatewayResponse pluginAnswer(const plugins::RequestContext& ctx, std::string& headers, bool unreadBody) {
  const plugins::LocalResponse& local = ctx.local;
  headers.clear();
  const auto add = [&headers](const plugins::HeaderEdits& list) {
    for (const auto& h : list) headers.append(h.name).append(": ").append(h.value).append("\r\n");
  };
  add(local.headers);
  add(ctx.responseHeaders);
  http::GatewayResponse r{local.status, local.message, headers, unreadBody, false};
  if (local.sharedBody) {  // the head goes through the buffer, the body straight from memory
    r.rawBody = true;
    r.bodyLength = local.sharedBody->size();
  } else if (!local.body.empty() || local.message.empty()) {
    r.body = local.body;
    r.contentType = local.contentType;
    r.rawBody = true;
  }
  return r;
}

bool writeLocalAnswer(ProxyWorker& worker, Downstream& client, Exchange& x, const http::GatewayResponse& response,
                      std::shared_ptr<const std::string> body) {
  worker.clientBuffers().acquire(client.out());
  client.out().clear();
  const std::string_view server = worker.settings().serverTokens ? std::string_view("sluice") : std::string_view();
  if (!x.codec.writeGatewayResponse(client.out(), response, x.isHead, server, x.id())) return false;
  x.localBody = std::move(body);
  x.localBodySent = 0;
  return true;
}

Step sendLocalAnswer(Downstream& client, Exchange& x) {
  for (;;) {
    const std::string_view rest =
        x.localBody && !x.isHead ? std::string_view(*x.localBody).substr(std::min(x.localBodySent, x.localBody->size())) : std::string_view();
    if (client.out().readable() == 0 && rest.empty()) break;
    const ssize_t sent = client.write(x, rest);
    if (sent < 0) return Step::close();
    x.localBodySent += static_cast<size_t>(sent);
    if (!client.connection().writable()) return Step::waitForClient();
  }
  x.localBody.reset();
  x.localBodySent = 0;
  return Step::done();
}

}  // namespace sluice::proxy

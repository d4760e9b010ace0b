#pragma once
// Answers the gateway gives itself, instead of an upstream's: its own (404, 408, 502, ...), a
// plugin's (key-auth's 401, a cached response), or a response the body filters rewrote. The head
// goes through the client's buffer, a body kept in memory (x.localBody) straight after it.
#include "http/gateway_response.h"
#include "plugins/request_context.h"
#include "proxy/downstream.h"
#include "proxy/exchange.h"
#include "proxy/step.h"

#include <string>

namespace sluice::proxy {

class ProxyWorker;

// The response a plugin put in the context (ctx.local, with the response headers plugins added;
// `headers` holds their lines). unreadBody: request body bytes are left unread.
http::GatewayResponse pluginAnswer(const plugins::RequestContext& ctx, std::string& headers, bool unreadBody);

// The head (and a small body) into the client's buffer, and a body from memory (a cached
// response) to send after it; false if the head does not fit.
bool writeLocalAnswer(ProxyWorker& worker, Downstream& client, Exchange& x, const http::GatewayResponse& response,
                      std::shared_ptr<const std::string> body = nullptr);

// Sends what writeLocalAnswer wrote, then x.localBody. Done: all of it is out.
Step sendLocalAnswer(Downstream& client, Exchange& x);

}  // namespace sluice::proxy

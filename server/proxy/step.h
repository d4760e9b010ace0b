#pragma once
// What a part of a session (request relay, response relay, local answer) reports after a step.
// The parts move bytes; the session alone decides what comes next (its states, timers, the end
// of an exchange), so that its drive() reads top to bottom.
#include "proxy/upstream_leg.h"

#include <cstdint>
#include <string_view>

namespace sluice::proxy {

struct Step {
  enum class Kind : uint8_t {
    Progress,       // something moved: step again
    ClientMoved,    // the client read or sent: step again, its body timeout stops
    Wait,           // nothing until the next event
    WaitForClient,  // nothing until the client reads or sends: its body timeout runs
    Done,           // the part's job is done: the session moves on
    Respond,        // the gateway answers `status` (with `message`) and the exchange ends
    PluginAnswer,   // a header filter answered instead of the upstream (ctx.local): sent, the exchange ends
    UpstreamFailed, // the upstream leg failed (`failure`): a retry, an answer or a close
    Close,          // the connection cannot go on
  };
  Kind kind = Kind::Wait;
  int status = 0;
  bool unreadBody = false;  // Respond: request body bytes are left unread (the connection closes)
  UpstreamLeg::Failure failure = UpstreamLeg::Failure::Protocol;
  std::string_view message;

  static Step of(Kind kind) {
    Step s;
    s.kind = kind;
    return s;
  }
  static Step progress() { return of(Kind::Progress); }
  static Step clientMoved() { return of(Kind::ClientMoved); }
  static Step wait() { return of(Kind::Wait); }
  static Step waitForClient() { return of(Kind::WaitForClient); }
  static Step done() { return of(Kind::Done); }
  static Step close() { return of(Kind::Close); }
  static Step pluginAnswer() { return of(Kind::PluginAnswer); }
  static Step respond(int status, bool unreadBody, std::string_view message = {}) {
    Step s = of(Kind::Respond);
    s.status = status;
    s.unreadBody = unreadBody;
    s.message = message;
    return s;
  }
  static Step failed(UpstreamLeg::Failure failure) {
    Step s = of(Kind::UpstreamFailed);
    s.failure = failure;
    return s;
  }
};

}  // namespace sluice::proxy

#pragma once
// Ports for the servers a test starts. The gateway binds its listeners with SO_REUSEPORT, so two
// gateways given the same port both bind it and the kernel spreads connections over them: a test
// would then talk to another test's gateway. A port that was merely free a moment ago (bind to 0,
// close) is not enough when suites run in parallel. Ports come from below the kernel's ephemeral
// range (never handed out to bind(0) or outgoing connections) and each is held, for the life of
// the test process, by an flock on a file in /tmp/sluice-test-ports: other test processes skip it,
// and the lock goes away with the process however it ends.
#include <cstdint>

namespace sluice::test {

// A port no other test process holds and that is bindable on 127.0.0.1 now; 0 when none is left.
uint16_t reservePort();

}  // namespace sluice::test

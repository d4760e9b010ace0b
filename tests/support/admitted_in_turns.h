#pragma once
// Rate limits that several nodes keep together: requests sent through each node in turn.
#include <QTest>

#include <functional>
#include <vector>

namespace sluice::test {

// Sends one request through each node in turn (each sender returns its answer's status), `rounds`
// times, pausing `pauseMs` after each (a few sync intervals): how many were let through.
inline int admittedInTurns(const std::vector<std::function<int()>>& senders, int rounds, int pauseMs) {
  int admitted = 0;
  for (int round = 0; round < rounds; ++round)
    for (const auto& send : senders) {
      if (send() == 200) ++admitted;
      QTest::qWait(pauseMs);
    }
  return admitted;
}

}  // namespace sluice::test

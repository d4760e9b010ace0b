#include "core/clock.h"

#include <chrono>

namespace sluice::core {

int64_t unixSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int64_t unixMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

double unixSecondsWithMillis() { return static_cast<double>(unixMillis()) / 1000.0; }

}  // namespace sluice::core

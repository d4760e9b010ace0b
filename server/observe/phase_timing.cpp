#include "observe/phase_timing.h"

namespace sluice::observe {

const char* phaseName(Phase p) {
  switch (p) {
    case Phase::Rewrite: return "rewrite";
    case Phase::Access: return "access";
    case Phase::HeaderFilter: return "header_filter";
    case Phase::BodyFilter: return "body_filter";
    case Phase::Log: return "log";
  }
  return "?";
}

}  // namespace sluice::observe

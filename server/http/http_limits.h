#pragma once
#include <cstddef>

namespace sluice::http {

// Limits on what a client may send, all configurable (sluice.conf): nginx's defaults.
struct HttpLimits {
  size_t maxRequestLine = 8192;   // 414 past it (large_client_header_buffers size)
  size_t maxHeaderBytes = 32768;  // 431 past it (large_client_header_buffers number x size)
  size_t maxHeaders = 100;        // 431 past it
};

}  // namespace sluice::http

#include "net/address_range.h"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>
#include <string>

namespace sluice::net {

std::optional<Address> Address::parse(std::string_view text) {
  char buffer[INET6_ADDRSTRLEN + 1];
  if (text.size() >= sizeof buffer) return std::nullopt;
  std::memcpy(buffer, text.data(), text.size());
  buffer[text.size()] = '\0';
  Address a;
  in_addr v4{};
  if (inet_pton(AF_INET, buffer, &v4) == 1) {
    a.bytes[10] = a.bytes[11] = 0xff;
    std::memcpy(a.bytes.data() + 12, &v4, 4);
    return a;
  }
  if (inet_pton(AF_INET6, buffer, a.bytes.data()) == 1) return a;
  return std::nullopt;
}

std::optional<AddressRange> AddressRange::parse(std::string_view text) {
  const size_t slash = text.find('/');
  const std::string_view address = text.substr(0, slash);
  const auto base = Address::parse(address);
  if (!base) return std::nullopt;
  const bool v4 = address.find(':') == std::string_view::npos;
  AddressRange r{*base, 128};
  if (slash != std::string_view::npos) {
    const std::string_view bits = text.substr(slash + 1);
    int n = -1;
    const auto res = std::from_chars(bits.data(), bits.data() + bits.size(), n);
    if (res.ec != std::errc() || res.ptr != bits.data() + bits.size() || n < 0 || n > (v4 ? 32 : 128)) return std::nullopt;
    r.bits = n + (v4 ? 96 : 0);
  }
  return r;
}

bool AddressRange::contains(const Address& a) const {
  const int full = bits / 8;
  if (std::memcmp(a.bytes.data(), base.bytes.data(), static_cast<size_t>(full)) != 0) return false;
  const int rest = bits % 8;
  if (rest == 0) return true;
  const auto mask = static_cast<unsigned char>(0xff << (8 - rest));
  return (a.bytes[static_cast<size_t>(full)] & mask) == (base.bytes[static_cast<size_t>(full)] & mask);
}

bool inRanges(const std::vector<AddressRange>& ranges, std::string_view address) {
  const auto a = Address::parse(address);
  if (!a) return false;
  for (const auto& r : ranges)
    if (r.contains(*a)) return true;
  return false;
}

}  // namespace sluice::net

#pragma once
// IPv4 and IPv6 addresses and CIDR ranges, for allow and deny lists (ip-restriction, the clients
// allowed to ask for a trace). IPv4 is kept mapped into IPv6 (::ffff:a.b.c.d), so one comparison
// serves both.
#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace sluice::net {

struct Address {
  std::array<unsigned char, 16> bytes{};
  static std::optional<Address> parse(std::string_view text);
};

struct AddressRange {
  Address base;
  int bits = 128;
  // "10.0.0.0/8", "2001:db8::/32", or a single address.
  static std::optional<AddressRange> parse(std::string_view text);
  bool contains(const Address& a) const;
};

// True if `address` (text) is in one of the ranges.
bool inRanges(const std::vector<AddressRange>& ranges, std::string_view address);

}  // namespace sluice::net

#pragma once
// Whether bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past
// U+10FFFF). JSON text must be: values that come from forms, paths or YAML are checked on the way
// in, so that an entity can always be written out again.
#include <string_view>

namespace sluice::core {

bool isUtf8(std::string_view text);

}  // namespace sluice::core

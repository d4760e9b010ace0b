#pragma once
// Light and dark palettes (Fusion style), or the system's: chosen in View ▸ Theme, remembered.
#include <QString>

namespace sluice::manager {

// "system", "light" or "dark"; applies to the running application at once.
void applyTheme(const QString& code);

}  // namespace sluice::manager

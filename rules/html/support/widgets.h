// Disabled widgets: HTML "actually disabled" form controls (HTML 4.10.18.5, without the
// fieldset legend exception) and aria-disabled (WAI-ARIA 1.2), which several ACT rules leave out
// of their applicability (contrast of disabled controls, for instance). Pure functions; no I/O.
#pragma once

#include "engine/page.h"

namespace plainsight::rules {

// Is the element disabled (HTML "actually disabled", or aria-disabled="true") or inside one?
bool IsDisabledOrInDisabled(const engine::Page& page, const engine::Node& element);
// The element itself, not its ancestors: disabled attribute on a form control, optgroup, option
// or fieldset, or aria-disabled="true".
bool IsDisabled(const engine::Node& element);

}  // namespace plainsight::rules

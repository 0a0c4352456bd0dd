// Helpers shared by the keyboard rules (html.click-not-focusable, html.focusable-no-role,
// html.link-button-keys, html.tabindex-positive, html.accesskey): event handler attributes,
// focusability without tabindex, and what the page's scripts may do with keys. Pure functions
// of the page; no I/O.
#pragma once

#include <span>
#include <string_view>

#include "engine/page.h"

namespace plainsight::rules::keyboard {

// Does the element have one of these event handler content attributes ("onclick"...)?
bool HasHandler(const engine::Node& element, std::span<const std::string_view> names);

// Mouse handlers that make an element do something when clicked: onclick, onmousedown,
// onmouseup, ondblclick.
bool HasClickHandler(const engine::Node& element);

// Key handlers: onkeydown, onkeyup, onkeypress, on the element or an ancestor in its document
// (key events bubble, so a handler higher up sees them).
bool HasKeyHandlerOnOrAbove(const engine::Node& element);

// Is the element focusable without a tabindex attribute (HTML 6.6.3: a and area with href,
// enabled button, input other than hidden, select and textarea, iframe, the summary of a
// details, audio and video with controls, editing hosts, SVG a with href)?
bool NativelyFocusable(const engine::Node& element);

// What the page's scripts may do with keyboard events, as far as the markup shows.
enum class KeyScripts : unsigned char {
  kNone,     // no script that runs, and no key handler attribute
  kInline,   // an inline script or handler attribute mentions key events (keydown, keyup,
             // keypress, "key" properties)
  kUnknown,  // scripts loaded from files (not read by the engine): anything is possible
};

KeyScripts KeyScriptsOf(const engine::Page& page);

}  // namespace plainsight::rules::keyboard

// Helpers shared by the form rules (html.fieldset-legend, html.control-group,
// html.placeholder-label, html.label-multiple, html.label-for-target, html.label-unique,
// html.required-marked, html.change-of-context): which elements are labelable and which take
// data, input types, and the named group a field sits in. Pure functions of the page; no I/O.
#pragma once

#include <string>
#include <string_view>

#include "engine/page.h"

namespace plainsight::rules::forms {

// HTML 4.10.2 "labelable elements": button, input (not type=hidden), meter, output, progress,
// select, textarea.
bool IsLabelable(const engine::Node& element);

// The input's type keyword, ASCII-lowercased, "text" when missing or unknown to HTML.
std::string InputType(const engine::Node& input);

// Does the element take data from the user: select, textarea, or an input other than hidden,
// submit, reset, button and image?
bool IsDataField(const engine::Node& element);

// The nearest ancestor that groups form controls: a fieldset, or an element whose role is group
// or radiogroup. nullptr when none.
const engine::Node* GroupOf(const engine::Page& page, const engine::Node& element);

// The control's form owner (HTML, "association of controls and forms"): the element its form
// attribute names (nullptr when no element has that id), else its nearest form ancestor.
const engine::Node* FormOwner(const engine::Node& control);

// The accessible name of GroupOf(element), "" when there is no group or it has no name.
std::string GroupName(const engine::Page& page, const engine::Node& element);

// Is the field marked as required for assistive technology: the required attribute (on
// input, select, textarea) or aria-required="true"?
bool IsMarkedRequired(const engine::Node& element);

}  // namespace plainsight::rules::forms

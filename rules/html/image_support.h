// Helpers shared by the image rules beyond the ACT rules (html.img-alt-title,
// html.img-presentation-alt, html.img-spacer, html.img-alt-repeats-link). Pure; no I/O.
#pragma once

#include "engine/page.h"

namespace plainsight::rules::images {

// Is the element an HTML img that is rendered (not display:none, not in a hidden subtree)?
bool IsRenderedImg(const engine::Page& page, const engine::Node& element);

// Is the element a picture people see: a rendered img (IsRenderedImg), or an input of type
// image that is not display:none?
bool IsRenderedImageOrImageInput(const engine::Page& page, const engine::Node& element);

}  // namespace plainsight::rules::images

// Helpers shared by the image rules beyond the ACT rules.
#include "rules/html/image_support.h"

#include "engine/dom.h"

namespace plainsight::rules::images {

bool IsRenderedImg(const engine::Page& page, const engine::Node& element) {
  return element.IsHtml("img") && !page.PageFor(element).styles().IsDisplayNone(element);
}

bool IsRenderedImageOrImageInput(const engine::Page& page, const engine::Node& element) {
  const bool image_input =
      element.IsHtml("input") &&
      engine::AsciiLower(engine::TrimWhitespace(element.AttrOr("type"))) == "image";
  return IsRenderedImg(page, element) || (image_input && !page.styles().IsDisplayNone(element));
}

}  // namespace plainsight::rules::images

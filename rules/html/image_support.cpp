// Helpers shared by the image rules beyond the ACT rules.
#include "rules/html/image_support.h"

namespace plainsight::rules::images {

bool IsRenderedImg(const engine::Page& page, const engine::Node& element) {
  return element.IsHtml("img") && !page.PageFor(element).styles().IsDisplayNone(element);
}

}  // namespace plainsight::rules::images

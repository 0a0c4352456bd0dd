// libFuzzer target: arbitrary bytes as a stylesheet and as a style attribute, cascaded over a
// small fixed document; the computed values of every element are read.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/css/style.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string css(reinterpret_cast<const char*>(data), size);
  (void)plainsight::engine::ParseDeclarationList(css);
  (void)plainsight::engine::ParseColor(css);
  std::string html = "<style>" + css + "</style><div id=a class=b><p style=\"" + css +
                     "\">text<span>more</span></p></div>";
  auto doc = plainsight::engine::Document::ParseHtml(html, {});
  if (!doc) {
    return 0;
  }
  auto styles = plainsight::engine::Styles::Compute(**doc);
  for (const auto* e : (*doc)->elements()) {
    const auto& s = styles->Of(*e);
    (void)s.Color();
    (void)s.FontSizePx();
    (void)s.LengthPx("letter-spacing");
    (void)styles->BeforeText(*e);
  }
  return 0;
}

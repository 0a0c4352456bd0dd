// html.link-name: links have an accessible name. WCAG 2.2 SC 2.4.4 Link Purpose (In Context) and
// 4.1.2 Name, Role, Value; EN 301 549 9.2.4.4, 9.4.1.2; ACT c487ae (Link has non-empty
// accessible name).
// Interpretation (as ACT): every element whose semantic role is link or inherits from it
// (doc-biblioref, doc-backlink...) and that is included in the accessibility tree. An <area
// href> counts when its <map> is used by an image that is in the accessibility tree: the UA
// stylesheet hides <area> itself, but browsers expose image-map areas as links.
#include "rules/catalog.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"2.4.4", "4.1.2"};
constexpr std::string_view kEn[] = {"9.2.4.4", "9.4.1.2"};
constexpr std::string_view kAct[] = {"c487ae"};
constexpr std::string_view kPasses[] = {
    R"(<a href="/bins">Bin collection days</a>)",
    R"(<a href="/"><img src="logo.png" alt="Kildare County Council home"></a>)",
    R"(<img src="m.png" alt="Wards" usemap="#w"><map name="w"><area href="/n" alt="North"></map>)",
};
constexpr std::string_view kFails[] = {
    R"(<a href="/"></a>)",
    R"(<a href="/"><img src="logo.png" alt=""></a>)",
    R"(<img src="map.png" alt="Wards" usemap="#w"><map name="w"><area href="/north"></map>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<a href="/" role="button">Menu</a>)",
    R"(<a href="/" aria-hidden="true"></a>)",
    R"(<a>No destination</a>)",
};

// Is the <area> part of an image map that an exposed <img usemap> uses?
bool AreaInUsedMap(const engine::Page& p, const engine::Node& area) {
  const engine::Node* map = area.ClosestHtmlAncestor("map");
  if (map == nullptr) {
    return false;
  }
  std::string_view name = map->AttrOr("name");
  if (name.empty()) {
    return false;
  }
  for (const engine::Node* img : p.document().ElementsByTag("img")) {
    std::string_view usemap = engine::TrimWhitespace(img->AttrOr("usemap"));
    if (!usemap.empty() && usemap.front() == '#' && usemap.substr(1) == name &&
        !p.a11y().IsHidden(*img)) {
      return true;
    }
  }
  return false;
}

bool Applies(const engine::Page& p, const engine::Node& e) {
  if (!HasRoleOrSubclass(p, e, LinkRoles())) {
    return false;
  }
  if (e.IsHtml("area")) {
    return !p.a11y().IsAriaHidden(e) && AreaInUsedMap(p, e);
  }
  return !p.a11y().IsHidden(e);
}

void Check(const engine::Page& page, engine::Findings& out) {
  CheckNonEmptyName(page, out, &Applies,
                    "This link has no accessible name: screen readers announce it only as "
                    "\"link\", or read out its address.");
}

}  // namespace

extern const engine::Rule kHtmlLinkName{
    .id = "html.link-name",
    .summary = "Links have an accessible name",
    .why =
        "People using screen readers often move from link to link. A link without a name is "
        "announced as just \"link\" (or its web address), so they cannot tell where it goes.",
    .help =
        "Put text in the link. For a linked image, give the image an alt text that says where "
        "the link goes (alt=\"Home\"); for an icon link, add aria-label. For image map areas, "
        "set alt on each <area>.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = targets::kLinks,
    .target_attributes = targets::kRoleAttribute};

}  // namespace plainsight::rules

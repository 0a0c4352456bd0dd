// html.link-color-only: links in text are told apart by more than colour. WCAG 2.2 SC 1.4.1 Use
// of Color (A); EN 301 549 9.1.4.1; failure F73 (creating links that are not visually evident
// without color vision), techniques G183 and C15.
// Interpretation: targets are visible links (HTML a and area with href, exposed as links) inside
// a block of running text: the link's nearest block ancestor has at least `min_text_chars`
// characters of visible text outside the link. A link with a non-colour cue passes: its own or an
// inline ancestor's computed text-decoration draws a line, its font weight is at least 600 while
// the text around it is lighter, or it is in a different font style. Without one, a link whose
// text colour has a contrast ratio of at least `min_ratio` (3:1) with the surrounding text
// passes (G183: a person still checks the hover and focus cue); under it fails as a warning.
// Links whose colours are unknown, links that are not in running text (menus, lists of links,
// buttons) and links without text are inapplicable.
#include <optional>
#include <string>
#include <unordered_map>

#include "rules/catalog.h"
#include "rules/html/link_support.h"
#include "rules/html/support/contrast.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr double kMinRatioDefault = 3.0;
constexpr double kMinTextCharsDefault = 20;
constexpr int kBoldWeight = 600;

bool IsInline(const engine::Page& p, const engine::Node& e) {
  return p.styles().Of(e).Get("display").text == "inline";
}

// The nearest ancestor laid out as a block.
const engine::Node* BlockOf(const engine::Page& p, const engine::Node& link) {
  for (const engine::Node* n = link.ParentElement(); n != nullptr; n = n->ParentElement()) {
    if (!IsInline(p, *n)) {
      return n;
    }
  }
  return nullptr;
}

bool Underlined(const engine::Page& p, const engine::Node& link, const engine::Node& block) {
  for (const engine::Node* n = &link; n != nullptr && n != &block; n = n->ParentElement()) {
    const std::string& d = p.styles().Of(*n).Get("text-decoration").text;
    if (d.find("underline") != std::string::npos || d.find("overline") != std::string::npos ||
        d.find("line-through") != std::string::npos) {
      return true;
    }
  }
  // A decoration on the link's only child element ("<a><u>...</u></a>") is a cue too.
  for (const engine::Node* c : link.children()) {
    if (c->IsElement() &&
        p.styles().Of(*c).Get("text-decoration").text.find("underline") != std::string::npos) {
      return true;
    }
  }
  return false;
}

// Characters of text in `block` outside its links (any link's, so the same for every link of
// the block: Check asks once per block, not once per link, which was quadratic in a page of
// many links in one block).
size_t TextOutsideLinks(const engine::Node& block) {
  size_t n = 0;
  for (const engine::Node* c : block.children()) {
    if (c->IsText()) {
      n += engine::TrimWhitespace(c->text()).size();
    } else if (c->IsElement() && !c->IsHtml("a") && !c->IsHtml("script") && !c->IsHtml("style")) {
      n += TextOutsideLinks(*c);
    }
  }
  return n;
}

void Check(const engine::Page& page, engine::Findings& out) {
  std::unordered_map<const engine::Node*, size_t> text_outside;  // by block
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!(e.IsHtml("a") && e.Attr("href") != nullptr) || p.styles().IsDisplayNone(e) ||
        !IsInline(p, e) || !IsVisible(p, e) || !links::IsExposedLink(p, e)) {
      return;
    }
    const bool has_text = HasExposedOrVisibleText(p, e);
    const engine::Node* block = BlockOf(p, e);
    if (!has_text || block == nullptr) {
      return;
    }
    auto [it, inserted] = text_outside.try_emplace(block, 0);
    if (inserted) {
      it->second = TextOutsideLinks(*block);
    }
    if (it->second < kMinTextCharsDefault) {
      return;
    }
    if (Underlined(p, e, *block)) {
      out.Pass(&e);
      return;
    }
    const engine::ComputedStyle& ls = p.styles().Of(e);
    const engine::ComputedStyle& bs = p.styles().Of(*block);
    const std::optional<int> lw = ls.FontWeight();
    const std::optional<int> bw = bs.FontWeight();
    if ((lw && bw && *lw >= kBoldWeight && *bw < kBoldWeight) ||
        ls.Get("font-style").text != bs.Get("font-style").text) {
      out.Pass(&e);
      return;
    }
    const std::optional<engine::Rgba> lc = ls.Color();
    const std::optional<engine::Rgba> bc = bs.Color();
    if (!lc || !bc) {
      return;
    }
    const double ratio = ContrastRatio(*lc, *bc);
    if (ratio >= kMinRatioDefault) {
      out.Pass(&e);
      return;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", ratio);
    out.Warn(&e, std::string("This link is not underlined and its colour differs from the text "
                             "around it by only ") +
                     buf + ":1 (3:1 needed): people who cannot see colour will not find it.");
  });
}

constexpr std::string_view kWcag[] = {"1.4.1"};
constexpr std::string_view kEn[] = {"9.1.4.1"};
constexpr std::string_view kTechniques[] = {"F73", "G183", "C15"};
constexpr engine::RuleOption kOptions[] = {
    {"min_ratio", kMinRatioDefault, "Contrast between link and text colour that counts as a cue"},
    {"min_text_chars", kMinTextCharsDefault,
     "Characters of text around a link that make it a "
     "link in running text"}};
constexpr std::string_view kPasses[] = {
    R"(<p>Apply for a parking permit on the <a href="/permits">permits page</a> before May.</p>)",
    R"(<style>a { text-decoration: none; color: #0070e0 }</style><p style="color: #000">Apply for a parking permit on the <a href="/permits">permits page</a> before May.</p>)"};
constexpr std::string_view kFails[] = {
    R"(<style>a { text-decoration: none; color: #1a4f8b }</style><p style="color: #333">Apply for a parking permit on the <a href="/permits">permits page</a> before May.</p>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<style>a { text-decoration: none }</style><ul><li><a href="/a">Bins</a></li><li><a href="/b">Roads</a></li></ul>)",
    R"(<p>No links here at all, only text.</p>)"};

}  // namespace

extern const engine::Rule kHtmlLinkColorOnly{
    .id = "html.link-color-only",
    .summary = "Links in text are underlined or stand out by more than colour",
    .why =
        "A link shown only by a slightly different colour is invisible to many people who are "
        "colour blind or have low vision, so they miss it.",
    .help =
        "Underline links in running text (the browser default), or make the link colour contrast "
        "at least 3:1 with the text and add an underline on hover and focus.",
    .limits =
        "Borders, background colours and hover or focus styles are not read, so a link marked "
        "only by a bottom border may be flagged; the contrast is computed from the cascade.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .options = kOptions,
    .techniques = kTechniques,
    .target_tags = targets::kAnchors};

}  // namespace plainsight::rules

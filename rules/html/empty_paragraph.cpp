// html.empty-paragraph: paragraphs are not left empty to make space. WCAG 2.2 SC 1.3.1 Info and
// Relationships (A); EN 301 549 9.1.3.1; technique G140 (separating information and structure
// from presentation): spacing belongs in CSS (margin, padding).
// Interpretation: targets are rendered HTML p elements (not display:none) in the page and its
// frames. A p with no text other than whitespace or no-break spaces, and no content such as an
// image, form control, media, canvas, SVG or iframe, is an empty paragraph: failed, as a warning
// (structure used for presentation; screen readers may announce it as "blank", but the page can
// still meet 1.3.1). Paragraphs with content pass. Empty paragraphs hidden from everyone are not
// targets. Empty paragraphs with an id, a role or aria-live are left alone: scripts fill such
// elements in (status messages).
#include <string>

#include "rules/catalog.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/tags.h"
#include "rules/html/support/targets.h"

namespace plainsight::rules {
namespace {

// Whitespace, and U+00A0 NO-BREAK SPACE (&nbsp;, UTF-8 C2 A0) that editors insert.
bool IsBlank(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      continue;
    }
    if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      ++i;
      continue;
    }
    return false;
  }
  return true;
}

bool IsEmptyParagraph(const engine::Node& p) {
  std::vector<const engine::Node*> stack{&p};
  while (!stack.empty()) {
    const engine::Node* n = stack.back();
    stack.pop_back();
    for (const engine::Node* c : n->children()) {
      if (c->IsText()) {
        if (!IsBlank(c->text())) {
          return false;
        }
      } else if (c->IsElement()) {
        // Inline wrappers and line breaks may be empty too; anything else is content.
        static constexpr std::string_view kWrappers[] = {
            "br", "span", "b", "strong", "i", "em", "font", "u", "small", "big", "o:p", "wbr", "a"};
        if (!IsHtmlOneOf(*c, kWrappers)) {
          return false;
        }
        stack.push_back(c);
      }
    }
  }
  return true;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!e.IsHtml("p") || p.styles().IsDisplayNone(e) || p.a11y().IsInvisible(e)) {
      return;
    }
    // A live region or an element with an id is likely filled in by a script later.
    const bool script_target =
        e.HasAttribute("id") || e.HasAttribute("aria-live") || e.HasAttribute("role");
    if (IsEmptyParagraph(e) && !script_target) {
      out.Warn(&e,
               "This paragraph is empty: it only makes space, which screen readers may "
               "announce as \"blank\".");
    } else {
      out.Pass(&e);
    }
  });
}

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"9.1.3.1"};
constexpr std::string_view kPasses[] = {
    R"(<p>Our offices are closed on bank holidays.</p>)",
    R"(<p><img src="map.png" alt="Map of the town"></p>)",
    R"(<p id="status" aria-live="polite"></p>)",  // a live region a script fills in
};
constexpr std::string_view kFails[] = {
    R"(<p>Opening hours</p><p>&nbsp;</p><p>Monday to Friday</p>)",
    R"(<p></p>)",
    R"(<p><br></p>)",
    R"(<p><span> </span></p>)",
};
constexpr std::string_view kInapplicable[] = {R"(<div></div>)", R"(<p hidden></p>)",
                                              R"(<p style="display:none"></p>)"};

}  // namespace

extern const engine::Rule kHtmlEmptyParagraph{
    .id = "html.empty-paragraph",
    .summary = "Paragraphs are not left empty to make space",
    .why =
        "Empty paragraphs used as spacers are read out as \"blank\" by some screen readers, "
        "and the spacing they make does not follow people's own text settings the way CSS "
        "margins do.",
    .help =
        "Delete the empty paragraphs and set the space with CSS (margin-top or margin-bottom "
        "on the paragraphs around them). In a content editor, press Enter once, not twice.",
    .limits =
        "Whether an empty paragraph bothers anyone depends on the screen reader; it is a "
        "warning, not an error. Paragraphs that scripts fill in later look empty here, so "
        "those with an id, a role or aria-live are not reported.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kMinor,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = targets::kParagraphs};

}  // namespace plainsight::rules

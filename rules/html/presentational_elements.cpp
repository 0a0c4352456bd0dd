// html.presentational-elements: no obsolete presentational elements (font, center, big, strike,
// tt, basefont). WCAG 2.2 SC 1.3.1 Info and Relationships (A); EN 301 549 9.1.3.1; technique
// G140 (separating information and structure from presentation); HTML 16.2 lists these elements
// as obsolete.
// Interpretation: targets are rendered HTML elements of the page and its frames. The elements
// named above fail as warnings: they carry presentation in the markup, where it cannot adapt to
// people's own settings, and they are often all that makes a heading, a label or an emphasis
// stand out (structure shown only by presentation is a 1.3.1 failure, F2). Pages using them
// are not sure to fail, so a person looks. Other rendered elements are not targets; a page with
// none of these elements passes (on its html element).
#include <string>

#include "rules/catalog.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"

namespace plainsight::rules {
namespace {

struct Obsolete {
  std::string_view tag;
  std::string_view instead;
};

constexpr Obsolete kObsolete[] = {
    {"font",
     "CSS (font-size, color, font-family), and a heading or <strong> where the text is "
     "one"},
    {"basefont", "CSS on the body (font-size, color)"},
    {"center", "CSS (text-align: center, or margin: auto for blocks)"},
    {"big", "CSS (font-size), and a heading or <strong> where the text is one"},
    {"strike", "<del> for deleted text, <s> for text no longer accurate, or CSS"},
    {"tt", "<code>, <kbd> or <samp>, or CSS (font-family: monospace)"},
};

void Check(const engine::Page& page, engine::Findings& out) {
  size_t before = out.count();
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (e.ns() != engine::Namespace::kHtml) {
      return;
    }
    for (const Obsolete& o : kObsolete) {
      if (e.tag() == o.tag) {
        if (!p.styles().IsDisplayNone(e) || e.tag() == "basefont") {
          out.Warn(&e, "<" + e.tag() + "> is obsolete presentational markup; use " +
                           std::string(o.instead) + ".");
        }
        return;
      }
    }
  });
  if (out.count() == before && page.document().html() != nullptr && !page.document().is_xml()) {
    out.Pass(page.document().html());
  }
}

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"9.1.3.1"};
constexpr std::string_view kPasses[] = {
    R"(<h2 style="text-align:center">Welcome</h2><p><strong>Closed</strong> today.</p>)"};
constexpr std::string_view kFails[] = {
    R"(<center><font size="5" color="navy">Welcome</font></center>)",
    R"(<p>Price: <strike>20</strike> 15 euro</p>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<svg xmlns="http://www.w3.org/2000/svg"><text>Hi</text></svg>)"};

}  // namespace

extern const engine::Rule kHtmlPresentationalElements{
    .id = "html.presentational-elements",
    .summary = "No obsolete presentational elements (font, center, big, strike, tt)",
    .why =
        "Elements like <font> and <center> put the look of a page in its markup. Often they "
        "are all that makes a heading or a warning stand out, which screen readers cannot "
        "convey, and people's own text and colour settings cannot override them cleanly.",
    .help =
        "Replace them with CSS for the look, and with the element that says what the text is "
        "(a heading, <strong>, <del>, <code>) for the meaning.",
    .limits =
        "Whether the styling carries meaning (a heading, a warning) is for a person to judge: "
        "this rule reports the elements as warnings. Obsolete attributes (align, bgcolor) are "
        "not reported.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kMinor,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable};

}  // namespace plainsight::rules

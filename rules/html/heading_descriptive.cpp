// html.heading-descriptive: headings describe the topic or purpose of their section. WCAG 2.2
// SC 2.4.6 Headings and Labels (AA); EN 301 549 9.2.4.6; ACT b49b2e (Heading is descriptive).
// Interpretation: elements with the heading role that are visible or in the accessibility tree
// and have a name. Describing a section is a judgement (cantTell), except for text no section
// can be about: template placeholders ("Heading", "Title", "Insert heading here") and "lorem
// ipsum" filler, which fail. English placeholders only.
#include "rules/catalog.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"2.4.6"};
constexpr std::string_view kEn[] = {"9.2.4.6"};
constexpr std::string_view kAct[] = {"b49b2e"};
constexpr std::string_view kFails[] = {
    R"(<h2>Heading 2</h2><p>Bins go out on Monday.</p>)",
    R"(<h2>Lorem ipsum dolor sit amet</h2><p>Bins go out on Monday.</p>)",
};
constexpr std::string_view kCantTell[] = {
    R"(<h2>Bin collection days</h2><p>Bins go out on Monday.</p>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<h2 hidden>Bin collection days</h2><p>Bins go out on Monday.</p>)",
    R"(<p>Bins go out on Monday.</p>)",
};

constexpr std::string_view kPlaceholders[] = {"heading",
                                              "heading 1",
                                              "heading 2",
                                              "heading 3",
                                              "heading 4",
                                              "heading 5",
                                              "heading 6",
                                              "title",
                                              "section title",
                                              "section heading",
                                              "subtitle",
                                              "subheading",
                                              "insert heading here",
                                              "insert title here",
                                              "your heading here",
                                              "heading text",
                                              "title text",
                                              "untitled"};

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (p.a11y().Role(e) != "heading" || (!IsExposed(p, e) && !IsVisible(p, e))) {
      return;
    }
    std::string name = NameOf(p, e);
    if (name.empty()) {
      return;  // html.heading-name reports headings without a name
    }
    JudgeDescriptive(
        out, &e, IsTemplateText(name, kPlaceholders),
        "The heading \"" + name + "\" is placeholder text: say what the section below it is about.",
        "Check that the heading \"" + name + "\" describes the content of the section it starts.");
  });
}

}  // namespace

extern const engine::Rule kHtmlHeadingDescriptive{
    .id = "html.heading-descriptive",
    .summary = "Headings say what their section is about",
    .why =
        "People scan headings to find what they need, and screen reader users jump between "
        "them. A heading that does not describe its section sends them to the wrong place.",
    .help =
        "Make each heading name the topic of the text under it (\"Bin collection days\"), "
        "and replace template text such as \"Heading\" or \"Lorem ipsum\".",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kModerate,
    .check = &Check,
    .passes = {},
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .level = "AA",
    .target_tags = targets::kHeadings,
    .target_attributes = targets::kRoleAttribute};

}  // namespace plainsight::rules

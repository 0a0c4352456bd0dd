// html.html-has-lang: the page says what language it is in. WCAG 3.1.1 Language of Page;
// EN 301 549 9.3.1.1; ACT b5c3f8 (HTML page has lang attribute).
// Interpretation (as ACT): xml:lang alone does not count; HTML browsers ignore it.
#include "rules/catalog.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"3.1.1"};
constexpr std::string_view kEn[] = {"9.3.1.1"};
constexpr std::string_view kAct[] = {"b5c3f8"};
constexpr std::string_view kPasses[] = {R"(<html lang="ga"><title>Fáilte</title></html>)"};
constexpr std::string_view kFails[] = {
    R"(<html><title>Welcome</title></html>)",
    R"(<html lang=" "><title>Welcome</title></html>)",
    R"(<html xml:lang="en"><title>Welcome</title></html>)",
};
constexpr std::string_view kInapplicable[] = {R"(<svg xmlns="http://www.w3.org/2000/svg"></svg>)"};

void Check(const engine::Page& page, engine::Findings& out) {
  if (!IsTopLevelHtmlPage(page)) {
    return;
  }
  const engine::Node* html = page.document().html();
  const std::string* lang = html->Attr("lang");
  if (!lang) {
    out.Fail(html, "The <html> element has no lang attribute.");
  } else if (engine::TrimWhitespace(*lang).empty()) {
    out.Fail(html, "The <html> element's lang attribute is empty.");
  } else {
    out.Pass(html);
  }
}

}  // namespace

extern const engine::Rule kHtmlHtmlHasLang{
    .id = "html.html-has-lang",
    .summary = "Pages declare their language",
    .why =
        "Screen readers choose their voice and pronunciation from the page's language; "
        "without it, Irish or English text may be read out with the wrong rules.",
    .help = R"(Add lang to the <html> element: <html lang="en-IE"> or <html lang="ga">.)",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable};

}  // namespace plainsight::rules

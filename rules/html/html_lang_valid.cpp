// html.html-lang-valid: the page's language is a real language tag. WCAG 3.1.1;
// EN 301 549 9.3.1.1; ACT bf051a (HTML page lang attribute has valid language tag).
#include "engine/language_tag.h"
#include "rules/catalog.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"3.1.1"};
constexpr std::string_view kEn[] = {"9.3.1.1"};
constexpr std::string_view kAct[] = {"bf051a"};
constexpr std::string_view kPasses[] = {R"(<html lang="en-IE"></html>)",
                                        R"(<html lang="GA"></html>)"};
constexpr std::string_view kFails[] = {R"(<html lang="english"></html>)",
                                       R"(<html lang="eng"></html>)"};
constexpr std::string_view kInapplicable[] = {R"(<html></html>)", R"(<html lang=""></html>)"};

void Check(const engine::Page& page, engine::Findings& out) {
  if (!IsTopLevelHtmlPage(page)) {
    return;
  }
  const engine::Node* html = page.document().html();
  const std::string* lang = html->Attr("lang");
  if (!lang || engine::TrimWhitespace(*lang).empty()) {
    return;
  }
  if (engine::IsValidLanguageTag(*lang)) {
    out.Pass(html);
  } else {
    out.Fail(html, "lang=\"" + *lang +
                       "\" is not a valid language tag; its first part must be a "
                       "registered language code such as en, ga or fr.");
  }
}

}  // namespace

extern const engine::Rule kHtmlHtmlLangValid{
    .id = "html.html-lang-valid",
    .summary = "The page's language tag is valid",
    .why =
        "Assistive technology only understands registered language codes; \"english\" or "
        "\"eng\" leaves it guessing.",
    .help =
        "Use a BCP 47 tag whose first part is a two- or three-letter code from the IANA "
        "registry: en, en-IE, ga, fr, de, pl.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable};

}  // namespace plainsight::rules

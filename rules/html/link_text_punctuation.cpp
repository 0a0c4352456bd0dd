// html.link-text-punctuation: link text is words, not only punctuation or symbols. WCAG 2.2 SC
// 2.4.4 Link Purpose (In Context) (A); EN 301 549 9.2.4.4; failure technique F84 (a link whose
// text cannot say where it goes).
// Interpretation: targets are HTML a and area elements with an href, rendered, in the
// accessibility tree and exposed as links, with a non-empty accessible name (an empty name is
// html.link-name's). A name made only of ASCII punctuation and common arrow, quote and bullet
// symbols (">>", "»", "→", "...", "+", "#") fails: screen readers read it as "greater than
// greater than" or skip it, and it says nothing about the destination. A name with any letter
// or digit, ASCII or not, passes.
#include <string>

#include "rules/catalog.h"
#include "rules/html/link_support.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/targets.h"

namespace plainsight::rules {
namespace {

// UTF-8 symbols people use as link text.
constexpr std::string_view kSymbols[] = {
    "\xC2\xBB" /* » */,     "\xC2\xAB" /* « */,     "\xE2\x80\xBA" /* › */,
    "\xE2\x80\xB9" /* ‹ */, "\xE2\x86\x92" /* → */, "\xE2\x86\x90" /* ← */,
    "\xE2\x80\xA6" /* … */, "\xE2\x80\xA2" /* • */, "\xC2\xB7" /* · */,
    "\xE2\x96\xB6" /* ▶ */, "\xE2\x96\xBA" /* ► */, "\xE2\x97\x80" /* ◀ */,
    "\xE2\x80\x93" /* – */, "\xE2\x80\x94" /* — */, "\xC2\xA0" /* nbsp */};

bool OnlyPunctuation(std::string_view name) {
  size_t i = 0;
  while (i < name.size()) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        return false;
      }
      ++i;
      continue;
    }
    bool matched = false;
    for (std::string_view s : kSymbols) {
      if (name.substr(i, s.size()) == s) {
        i += s.size();
        matched = true;
        break;
      }
    }
    if (!matched) {
      return false;  // a letter of another script, or a symbol not listed: not judged here
    }
  }
  return true;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!links::IsExposedLink(p, e)) {
      return;
    }
    const std::string name = NameOf(p, e);
    if (name.empty()) {
      return;
    }
    if (OnlyPunctuation(name)) {
      out.Fail(&e, "This link's text is \"" + name +
                       "\": punctuation or symbols only, which says nothing about where it goes.");
    } else {
      out.Pass(&e);
    }
  });
}

constexpr std::string_view kWcag[] = {"2.4.4"};
constexpr std::string_view kEn[] = {"9.2.4.4"};
constexpr std::string_view kPasses[] = {R"(<a href="/news?p=2">Next page &raquo;</a>)",
                                        R"(<a href="/ga">Gaeilge</a>)"};
constexpr std::string_view kFails[] = {R"(<a href="/news?p=2">&raquo;</a>)",
                                       R"(<a href="/news?p=2">&gt;&gt;</a>)",
                                       R"(<a href="/more">...</a>)"};
constexpr std::string_view kInapplicable[] = {R"(<a href="/news?p=2"></a>)",
                                              R"(<span>&raquo;</span>)"};

}  // namespace

extern const engine::Rule kHtmlLinkTextPunctuation{
    .id = "html.link-text-punctuation",
    .summary = "Link text is words, not only punctuation or symbols",
    .why =
        "A link reading \">>\" or \"»\" is announced as \"greater than greater than\" or not at "
        "all, and in a list of links it says nothing about where it goes.",
    .help =
        "Write what the link does (\"Next page\", \"More about bin collections\"); keep an "
        "arrow as decoration if you like, hidden from screen readers with aria-hidden=\"true\".",
    .limits =
        "Symbols outside the usual arrows and quotes, and text in other scripts, are not "
        "judged; whether a worded link is clear is html.link-descriptive's concern.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_tags = targets::kLinks};

}  // namespace plainsight::rules

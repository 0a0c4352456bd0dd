// html.link-descriptive and html.link-descriptive-in-context: the text of a link says where it
// goes, on its own (WCAG 2.2 SC 2.4.9 Link Purpose (Link Only), AAA; ACT aizyf1) or together
// with its programmatically determined context (SC 2.4.4 Link Purpose (In Context), A;
// EN 301 549 9.2.4.4; ACT 5effbb).
// Interpretation: whether a name describes a link's purpose needs a person, so links are
// cantTell, with two exceptions a machine can defend:
//  - failed: the whole name is a phrase that cannot say where any link goes ("click here",
//    "more", "read more": WCAG failure F84), and, for 2.4.4, the link has no context at all: no
//    description (aria-describedby, title), not in a list item or table cell, and no other text
//    in its paragraph (the run of inline content it belongs to, HTML's "paragraph");
//  - passed: a link to a heading on the same page whose name is that heading's text.
// English and Irish phrases only; other languages get cantTell.
#include <algorithm>

#include "rules/catalog.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/tags.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcagLinkOnly[] = {"2.4.9"};
constexpr std::string_view kActLinkOnly[] = {"aizyf1"};
constexpr std::string_view kWcagInContext[] = {"2.4.4"};
constexpr std::string_view kEnInContext[] = {"9.2.4.4"};
constexpr std::string_view kActInContext[] = {"5effbb"};

constexpr std::string_view kPasses[] = {
    R"(<a href="#hours">Opening hours</a><h2 id="hours">Opening hours</h2><p>9 to 5.</p>)",
};
constexpr std::string_view kFailsLinkOnly[] = {
    R"(<p>Our new recycling centre opens in May. <a href="/recycling">Read more</a></p>)",
    R"(<a href="/form.pdf">Click here</a>)",
    R"(<p lang="ga">Osclófar an t-ionad athchúrsála i mBealtaine. <a href="/ga/athchursail">Léigh tuilleadh</a></p>)",
};
constexpr std::string_view kFailsInContext[] = {
    R"(<a href="/form.pdf">Click here</a><p>Apply for a parking permit.</p>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<a href="/" role="button">Menu</a>)",
    R"(<a>No destination</a>)",
    R"(<a href="/" style="display: none">Home</a>)",
};

// Elements that end an inline run (HTML's paragraphs are runs of phrasing content).
bool IsPhrasing(const engine::Node& e) {
  static constexpr std::string_view kPhrasing[] = {
      "a",   "abbr", "b",   "bdi",  "bdo", "br",  "cite",  "code",  "data", "dfn",    "em",
      "i",   "img",  "kbd", "mark", "q",   "s",   "samp",  "small", "span", "strong", "sub",
      "sup", "time", "u",   "var",  "wbr", "svg", "label", "del",   "ins",  "font"};
  return e.ns() == engine::Namespace::kSvg || IsHtmlOneOf(e, kPhrasing);
}

bool HasWordCharacters(std::string_view text) {
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    // Letters, digits, or any non-ASCII character (conservative: may be a letter).
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80) {
      return true;
    }
  }
  return false;
}

// Text of a node for context purposes, skipping the link itself.
void CollectText(const engine::Node& n, const engine::Node& skip, std::string& out) {
  if (&n == &skip) {
    return;
  }
  if (n.IsText()) {
    out += n.text();
    return;
  }
  if (n.IsElement() && n.IsHtml("img")) {
    out += n.AttrOr("alt");
  }
  for (const engine::Node* c : n.children()) {
    CollectText(*c, skip, out);
  }
}

// Has the link a programmatically determined context (WCAG 2.4.4 definition)? Conservative:
// true whenever some context might exist.
bool HasLinkContext(const engine::Page& p, const engine::Node& link) {
  if (!engine::CollapseWhitespace(p.a11y().AccessibleDescription(link)).empty()) {
    return true;
  }
  // Climb the inline ancestors to the block that holds the link's paragraph.
  const engine::Node* top = &link;
  while (top->ParentElement() != nullptr && IsPhrasing(*top->ParentElement())) {
    top = top->ParentElement();
  }
  const engine::Node* block = top->ParentElement();
  if (block == nullptr) {
    return true;
  }
  static constexpr std::string_view kContextBlocks[] = {
      "p",          "li",         "td",      "th",     "dd",    "dt",  "caption",
      "figcaption", "blockquote", "legend",  "h1",     "h2",    "h3",  "h4",
      "h5",         "h6",         "summary", "button", "label", "pre", "address"};
  std::string text;
  const bool whole_block = IsHtmlOneOf(*block, kContextBlocks);
  if (!block->IsElement() || block->ns() != engine::Namespace::kHtml ||
      !p.a11y().ExplicitRole(*block).empty()) {
    return true;  // unusual containers: leave to a person
  }
  if (whole_block) {
    CollectText(*block, link, text);
    return HasWordCharacters(text);
  }
  // A generic container (div, body, section...): the paragraph is the run of inline siblings
  // around `top`, bounded by block-level children.
  const auto& siblings = block->children();
  auto it = std::find(siblings.begin(), siblings.end(), top);
  if (it == siblings.end()) {
    return true;
  }
  auto inline_node = [](const engine::Node* n) {
    return n->IsText() || (n->IsElement() && IsPhrasing(*n)) || (!n->IsText() && !n->IsElement());
  };
  for (auto b = it; b != siblings.begin() && inline_node(*(b - 1));) {
    --b;
    CollectText(**b, link, text);
  }
  for (auto f = it + 1; f != siblings.end() && inline_node(*f); ++f) {
    CollectText(**f, link, text);
  }
  CollectText(*top, link, text);
  return HasWordCharacters(text);
}

// Is the link a same-page link to a heading whose text is the link's name?
bool NamesItsTargetHeading(const engine::Page& p, const engine::Node& link,
                           const std::string& name) {
  std::string_view href = engine::TrimWhitespace(link.AttrOr("href"));
  if (href.size() < 2 || href.front() != '#') {
    return false;
  }
  const engine::Node* target = p.document().GetElementById(href.substr(1));
  if (target == nullptr || p.a11y().Role(*target) != "heading" || p.a11y().IsHidden(*target)) {
    return false;
  }
  std::string heading = NormalizeForComparison(p.a11y().AccessibleName(*target));
  return !heading.empty() && heading == NormalizeForComparison(name);
}

void CheckLinks(const engine::Page& page, engine::Findings& out, bool in_context) {
  ForEachNamedLink(
      page, [&](const engine::Page& p, const engine::Node& e, const std::string& name) {
        if (IsGenericLinkText(name) && (!in_context || !HasLinkContext(p, e))) {
          out.Fail(&e, "The link text \"" + name + "\" does not say where the link goes" +
                           std::string(in_context ? ", and nothing around it does either" : "") +
                           ": use words that name the destination.");
        } else if (NamesItsTargetHeading(p, e, name)) {
          out.Pass(&e, "names the heading it leads to");
        } else {
          out.CantTell(&e, "Check that the link text \"" + name + "\"" +
                               std::string(in_context ? " (with the sentence, list item or table "
                                                        "cell around it)"
                                                      : "") +
                               " says where the link goes.");
        }
      });
}

void CheckLinkOnly(const engine::Page& page, engine::Findings& out) {
  CheckLinks(page, out, false);
}

void CheckInContext(const engine::Page& page, engine::Findings& out) {
  CheckLinks(page, out, true);
}

}  // namespace

extern const engine::Rule kHtmlLinkDescriptive{
    .id = "html.link-descriptive",
    .summary = "Link text says where the link goes, on its own",
    .why =
        "Screen reader users often list all the links on a page. Out of context, \"click "
        "here\" or \"read more\" tells them nothing, so they must read around every link.",
    .help =
        "Make the link text name the destination: \"Read more about the recycling centre\" "
        "or \"Download the parking permit form (PDF)\" instead of \"Read more\" or \"Click "
        "here\".",
    .wcag = kWcagLinkOnly,
    .en301549 = {},
    .act = kActLinkOnly,
    .impact = engine::Impact::kModerate,
    .check = &CheckLinkOnly,
    .passes = kPasses,
    .fails = kFailsLinkOnly,
    .inapplicable = kInapplicable,
    .level = "AAA",
    .target_tags = targets::kLinks,
    .target_attributes = targets::kRoleAttribute};

extern const engine::Rule kHtmlLinkDescriptiveInContext{
    .id = "html.link-descriptive-in-context",
    .summary = "Link text, with its sentence or list item, says where the link goes",
    .why =
        "People need to know where a link leads before they follow it. A bare \"click here\" "
        "with no sentence around it leaves everyone guessing, screen reader users most.",
    .help =
        "Name the destination in the link text, or at least in the same sentence, list item "
        "or table cell: \"Apply for a parking permit\" rather than a lone \"Click here\".",
    .wcag = kWcagInContext,
    .en301549 = kEnInContext,
    .act = kActInContext,
    .impact = engine::Impact::kSerious,
    .check = &CheckInContext,
    .passes = kPasses,
    .fails = kFailsInContext,
    .inapplicable = kInapplicable,
    .target_tags = targets::kLinks,
    .target_attributes = targets::kRoleAttribute};

}  // namespace plainsight::rules

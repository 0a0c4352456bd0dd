// html.text-styled-as-heading: text that looks like a heading is marked up as one. WCAG 2.2 SC
// 1.3.1 Info and Relationships (A); EN 301 549 9.1.3.1; failure technique F2 (changes in text
// presentation conveying information without the appropriate markup).
// Interpretation: targets are visible HTML p and div elements included in the accessibility
// tree, with no role of their own other than paragraph or generic, that form a block of their
// own holding only inline content: a short line of text (at most 80 characters, not ending like
// a sentence) followed by a sibling block with text that is not styled the same way. Outside
// headings, links, buttons, labels, list items, table cells, captions, legends and summaries.
// When every character of the line is bold or larger than the text around it (at least 1.2
// times the parent's font size), the line is presented as a heading without being one:
//  - larger (and at least 18px): failed, as a warning (very likely a heading; a person checks);
//  - bold only, same size: cantTell (bold lines are also used for emphasis or labels).
// Elements that are headings pass.
#include <cmath>
#include <optional>
#include <string>

#include "rules/catalog.h"
#include "rules/html/structure_support.h"
#include "rules/html/support/tags.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr double kLargerFactor = 1.2;
constexpr double kMinHeadingPx = 18;
constexpr size_t kMaxChars = 80;

// Elements that make bold short text inside them (or themselves) something else than a
// heading.
bool IsExcludedContext(const engine::Node& n) {
  static constexpr std::string_view kContexts[] = {
      "a",       "button",  "label",      "li",         "dt",     "dd",     "td",   "th",
      "caption", "legend",  "summary",    "figcaption", "option", "select", "nav",  "header",
      "footer",  "address", "blockquote", "form",       "dialog", "table",  "menu", "pre"};
  return n.ns() != engine::Namespace::kHtml || IsHtmlOneOf(n, kContexts);
}

struct TextLook {
  size_t chars = 0;      // non-whitespace characters (bytes), capped just past kMaxChars
  bool all_bold = true;  // every text run has font-weight >= 600
  double min_px = 1e9;   // smallest font size among the runs
  bool known = true;     // every run's weight and size are known
  bool block_inside = false;
  bool link_inside = false;
};

TextLook LookOf(const engine::Page& page, const engine::Node& element) {
  TextLook look;
  std::vector<const engine::Node*> stack{&element};
  while (!stack.empty() && look.chars <= kMaxChars) {
    const engine::Node* n = stack.back();
    stack.pop_back();
    for (const engine::Node* c : n->children()) {
      if (c->IsText()) {
        size_t k = 0;
        for (char ch : c->text()) {
          k += !(ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f');
        }
        if (k == 0) {
          continue;
        }
        look.chars += k;
        const engine::ComputedStyle& s = page.styles().Of(*n);
        const std::optional<int> weight = s.FontWeight();
        const std::optional<double> size = s.FontSizePx();
        if (!weight || !size) {
          look.known = false;
          continue;
        }
        look.all_bold = look.all_bold && *weight >= 600;
        look.min_px = std::min(look.min_px, *size);
      } else if (c->IsElement() && !page.styles().IsDisplayNone(*c)) {
        if (structure::IsBlock(page, *c)) {
          look.block_inside = true;
          return look;
        }
        if (c->IsHtml("a") || c->IsHtml("button") || c->IsHtml("input") || c->IsHtml("select") ||
            c->IsHtml("textarea") || c->IsHtml("img")) {
          look.link_inside = true;
          return look;
        }
        stack.push_back(c);
      }
    }
  }
  return look;
}

bool EndsLikeSentence(std::string_view text) {
  if (text.empty()) {
    return false;
  }
  const char last = text.back();
  return last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' ||
         last == ')' || last == '"';
}

// The next element sibling that is rendered and has text, or nullptr.
const engine::Node* NextBlockWithText(const engine::Page& page, const engine::Node& element) {
  for (const engine::Node* s = element.NextElementSibling(); s != nullptr;
       s = s->NextElementSibling()) {
    if (page.styles().IsDisplayNone(*s) || s->IsHtml("script") || s->IsHtml("style")) {
      continue;
    }
    return structure::RenderedTextStart(page, *s, 1).empty() ? nullptr : s;
  }
  return nullptr;
}

void Check(const engine::Page& page, engine::Findings& out) {
  const engine::Accessibility& a11y = page.a11y();
  // Asked of every candidate p and div: each element's answer is kept for the ones below it.
  structure::AncestorOrSelf in_excluded_context(IsExcludedContext);
  for (const engine::Node* e : page.document().elements()) {
    if (!(e->IsHtml("p") || e->IsHtml("div"))) {
      continue;
    }
    const std::string_view role = a11y.Role(*e);
    if (!(role.empty() || role == "paragraph" || role == "generic") || e->HasAttribute("role") ||
        !structure::IsBlock(page, *e) || !IsVisible(page, *e) || !IsExposed(page, *e) ||
        in_excluded_context(*e)) {
      continue;
    }
    const TextLook look = LookOf(page, *e);
    if (look.block_inside || look.link_inside || look.chars < 2 || look.chars > kMaxChars ||
        !look.known) {
      continue;
    }
    const std::string text = structure::RenderedText(page, *e);
    if (EndsLikeSentence(text)) {
      continue;
    }
    const engine::Node* next = NextBlockWithText(page, *e);
    if (next == nullptr) {
      continue;
    }
    const engine::Node* parent = e->ParentElement();
    const std::optional<double> parent_px =
        parent != nullptr ? page.styles().Of(*parent).FontSizePx() : std::nullopt;
    const bool larger =
        parent_px && look.min_px >= *parent_px * kLargerFactor && look.min_px >= kMinHeadingPx;
    if (!larger && !look.all_bold) {
      continue;
    }
    // The block that follows, styled the same way, makes this one line of a run of them (a
    // bold list of names, a column of large figures), not a heading over it.
    const TextLook next_look = LookOf(page, *next);
    if (next_look.known && !next_look.block_inside && next_look.all_bold == look.all_bold &&
        std::abs(next_look.min_px - look.min_px) < 0.5) {
      continue;
    }
    const std::string quoted = "\"" + text + "\"";
    if (larger) {
      out.Warn(e, quoted +
                      " is set larger than the text around it, on a line of its own, like a "
                      "heading, but it is not marked up as one.");
    } else {
      out.CantTell(e, quoted +
                          " is bold on a line of its own, before other text: if it is a "
                          "heading, mark it up as one.");
    }
  }
  for (const engine::Node* h : structure::Headings(page)) {
    out.Pass(h);
  }
}

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"9.1.3.1"};
constexpr std::string_view kPasses[] = {
    R"(<h2>Opening hours</h2><p>Monday to Friday, 9 to 5.</p>)",
    R"(<h2>Fees</h2><p><b>Note:</b> fees rose in May.</p><p>Pay online.</p>)",
};
constexpr std::string_view kFails[] = {
    R"(<p style="font-size:24px;font-weight:bold">Opening hours</p><p>Monday to Friday.</p>)",
    R"(<div><font size="5"><b>Planning</b></font></div><p>How to apply for permission.</p>)",
};
constexpr std::string_view kCantTell[] = {
    R"(<p><strong>Opening hours</strong></p><p>Monday to Friday, 9 to 5.</p>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<p>Plain text.</p><p>More text.</p>)",
    R"(<p><b>Name:</b></p><p>Mary</p>)",
    R"(<p><b>Mary Byrne</b></p><p><b>John Byrne</b></p>)",
};

}  // namespace

extern const engine::Rule kHtmlTextStyledAsHeading{
    .id = "html.text-styled-as-heading",
    .summary = "Text that looks like a heading is marked up as a heading",
    .why =
        "A line set large or bold above a block of text looks like a heading, but unless it is "
        "marked up as one, screen reader users cannot jump to it or hear it announced as a "
        "heading, and the page's outline misses that section.",
    .help =
        "Mark the line up as a heading (<h2>, <h3>... at the right level) and style the "
        "heading with CSS if it should look different.",
    .limits =
        "Whether a short bold line is a heading, a label or emphasis is for a person to judge: "
        "bold lines of normal size are only notices. Layout is not computed, so text placed "
        "side by side with CSS may look like a line of its own here.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell};

}  // namespace plainsight::rules

// html.label-in-name: the visible label of a control is part of its accessible name, so people
// who speak the label (voice control) can operate it. WCAG 2.2 SC 2.5.3 Label in Name (A);
// EN 301 549 9.2.5.3; ACT 2ee8b8 (Visible label is part of accessible name).
// Targets (as ACT): elements with a widget role that takes its name from content (button, link,
// checkbox, menuitem, option, tab...), with visible text, and an aria-label or aria-labelledby.
// Check (ACT "label in name algorithm"): the visible inner text and the name are each tokenised
// (parenthesised text removed, case folded, every character that is not a letter or digit made a
// space, split on whitespace); the label's words must appear as a contiguous run in the name.
// Interpretation: tokenising without ICU (rules may not call it), letters are ASCII letters and
// digits plus any character outside the symbol, punctuation, space and emoji blocks
// (visual_support.h MayBeHumanLanguage's classes); case folding is ASCII. A mismatch is cantTell,
// not failed, when the label may be non-text or the words may differ only in form, which ACT
// leaves out of scope: a single-letter label (an "X" meaning close), text set in an icon font,
// a label word ending in "." that begins a name word (an abbreviation), or words that match
// once hyphens are dropped ("non-standard" and "nonstandard").
#include <string>
#include <vector>

#include "engine/ascii.h"
#include "engine/utf8.h"
#include "rules/catalog.h"
#include "rules/html/support/visible_text.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kRoles[] = {
    "button", "checkbox", "gridcell",  "link",   "menuitem", "menuitemcheckbox", "menuitemradio",
    "option", "radio",    "searchbox", "switch", "tab",      "treeitem"};

bool IsBlockish(std::string_view display) {
  return display == "block" || display == "flex" || display == "grid" || display == "list-item" ||
         display == "table" || display == "flow-root" || display == "table-caption";
}

// ACT "visible inner text" of a node, from computed styles.
void VisibleInnerText(const engine::Page& page, const engine::Node& node, std::string* out) {
  const engine::Styles& styles = page.styles();
  if (node.IsText()) {
    const engine::Node* parent = node.ParentElement();
    bool visible =
        parent && !styles.Of(*parent).VisibilityHidden() && !styles.IsDisplayNone(*parent);
    if (visible) {
      *out += node.text();
    } else if (parent && !styles.IsDisplayNone(*parent) && !HasNonWhitespace(node.text())) {
      *out += ' ';
    }
    return;
  }
  if (!node.IsElement()) {
    return;
  }
  if (styles.IsDisplayNone(node)) {
    return;
  }
  const engine::ComputedStyle& s = styles.Of(node);
  if (page.visibility().IsZeroSize(node) ||
      (s.VisibilityHidden() && !HasNonWhitespace(node.TextContent()))) {
    *out += ' ';
    return;
  }
  if (node.IsHtml("br")) {
    *out += '\n';
    return;
  }
  const std::string& display = s.Get("display").text;
  std::string edge = IsBlockish(display)                                   ? "\n"
                     : (display == "table-cell" || display == "table-row") ? " "
                                                                           : "";
  *out += edge;
  for (const engine::Node* c : node.children()) {
    VisibleInnerText(page, *c, out);
  }
  *out += edge;
}

// The ACT tokeniser (see the file comment for the ASCII simplifications).
std::vector<std::string> Tokenize(std::string_view s) {
  std::string kept;
  int depth = 0;
  for (char c : s) {
    if (c == '(') {
      ++depth;
    } else if (c == ')' && depth > 0) {
      --depth;
    } else if (depth == 0) {
      kept += c;
    }
  }
  if (depth > 0) {  // an unclosed parenthesis removes nothing
    kept.clear();
    for (char c : s) {
      kept += (c == '(' || c == ')') ? ' ' : c;
    }
  }
  // Replace non-letters/digits with spaces, code point by code point.
  std::string cleaned;
  for (size_t i = 0; i < kept.size();) {
    const size_t start = i;
    engine::DecodeUtf8(kept, &i);
    if (i - start == 1) {  // ASCII, or a byte that does not decode (never a letter)
      const char c = engine::AsciiLowerChar(kept[start]);
      bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      cleaned += alnum ? c : ' ';
    } else {
      std::string_view bytes(kept.data() + start, i - start);
      cleaned += MayBeHumanLanguage(bytes) ? std::string(bytes) : std::string(" ");
    }
  }
  std::vector<std::string> out;
  for (std::string_view w : engine::SplitWhitespace(cleaned)) {
    out.emplace_back(w);
  }
  return out;
}

bool IsContiguousSubsequence(const std::vector<std::string>& needle,
                             const std::vector<std::string>& hay) {
  if (needle.empty()) {
    return true;
  }
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    bool all = true;
    for (size_t k = 0; k < needle.size() && all; ++k) {
      all = hay[i + k] == needle[k];
    }
    if (all) {
      return true;
    }
  }
  return false;
}

bool UsesIconFont(const engine::Page& page, const engine::Node& e) {
  std::vector<const engine::Node*> stack{&e};
  while (!stack.empty()) {
    const engine::Node* n = stack.back();
    stack.pop_back();
    std::string family = engine::AsciiLower(page.styles().Of(*n).Get("font-family").text);
    for (const char* marker : {"icon", "awesome", "glyph", "symbol", "dingbat"}) {
      if (family.find(marker) != std::string::npos) {
        return true;
      }
    }
    for (const engine::Node* c : n->children()) {
      if (c->IsElement()) {
        stack.push_back(c);
      }
    }
  }
  return false;
}

// Does a label word ending in "." begin a different name word ("Ave." / "Avenue")?
bool MayBeAbbreviation(std::string_view label, const std::vector<std::string>& name_tokens) {
  std::string lower = engine::AsciiLower(label);
  for (size_t dot = lower.find('.'); dot != std::string::npos; dot = lower.find('.', dot + 1)) {
    size_t start = dot;
    while (start > 0 && ((lower[start - 1] >= 'a' && lower[start - 1] <= 'z'))) {
      --start;
    }
    std::string word = lower.substr(start, dot - start);
    if (word.empty()) {
      continue;
    }
    for (const std::string& n : name_tokens) {
      if (n.size() > word.size() && n.compare(0, word.size(), word) == 0) {
        return true;
      }
    }
  }
  return false;
}

// Do the label's and the name's words match once hyphens are dropped?
bool DiffersOnlyInHyphenation(std::string_view label, std::string_view name) {
  auto strip = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c != '-' && c != '\xad') {
        out += c;
      }
    }
    return out;
  };
  if (label.find('-') == std::string_view::npos && name.find('-') == std::string_view::npos) {
    return false;
  }
  return IsContiguousSubsequence(Tokenize(strip(label)), Tokenize(strip(name)));
}

void Check(const engine::Page& page, engine::Findings& out) {
  if (page.document().is_xml()) {
    return;
  }
  const engine::Accessibility& a11y = page.a11y();
  for (const engine::Node* e : page.document().elements()) {
    if (!e->HasAttribute("aria-label") && !e->HasAttribute("aria-labelledby")) {
      continue;
    }
    std::string_view role = a11y.Role(*e);
    bool applicable_role = false;
    for (std::string_view r : kRoles) {
      applicable_role = applicable_role || r == role;
    }
    if (!applicable_role || !IsVisible(page, *e)) {
      continue;
    }
    std::string label;
    VisibleInnerText(page, *e, &label);
    if (!HasNonWhitespace(label)) {
      continue;
    }
    std::string name = a11y.AccessibleName(*e);
    std::vector<std::string> label_tokens = Tokenize(label);
    std::vector<std::string> name_tokens = Tokenize(name);
    if (IsContiguousSubsequence(label_tokens, name_tokens)) {
      out.Pass(e);
      continue;
    }
    std::string shown = engine::CollapseWhitespace(label);
    std::string message =
        "The visible label \"" + shown + "\" is not part of the accessible name \"" + name + "\"";
    if (label_tokens.size() == 1 && label_tokens[0].size() == 1 &&
        !(label_tokens[0][0] >= '0' && label_tokens[0][0] <= '9')) {
      out.CantTell(e, message +
                          "; check whether the single letter is a symbol (like X for "
                          "close) rather than a word.");
    } else if (UsesIconFont(page, *e)) {
      out.CantTell(e, message +
                          "; the text is set in an icon font: check whether it shows an "
                          "icon rather than words.");
    } else if (MayBeAbbreviation(label, name_tokens)) {
      out.CantTell(e, message + "; check whether the label abbreviates a word of the name.");
    } else if (DiffersOnlyInHyphenation(label, name)) {
      out.CantTell(e, message +
                          "; the words differ only in hyphenation: check they are the "
                          "same words.");
    } else {
      out.Fail(e, message + ", so people using voice control cannot say what they see.");
    }
  }
}

constexpr std::string_view kWcag[] = {"2.5.3"};
constexpr std::string_view kEn[] = {"9.2.5.3"};
constexpr std::string_view kAct[] = {"2ee8b8"};
constexpr std::string_view kPasses[] = {
    R"(<a href="/bins" aria-label="Bin collection days in your area">Bin collection days</a>)",
    R"(<button aria-label="Search by date">Search by date (YYYY-MM-DD)</button>)",
};
constexpr std::string_view kFails[] = {
    R"(<a href="/bins" aria-label="Waste">Bin collection days</a>)",
    R"(<button aria-label="Pay the bill">Pay bill</button>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<nav aria-label="Main menu">Council services</nav>)",
    R"(<a href="/" aria-label="Home"><img src="logo.png" alt="Council logo"></a>)",
    R"(<button>Pay bill</button>)",
};

}  // namespace

extern const engine::Rule kHtmlLabelInName{
    .id = "html.label-in-name",
    .summary = "The visible label of a control is part of its accessible name",
    .why =
        "People who use voice control say the words they see on a button or link. If the "
        "accessible name set with aria-label does not contain those words, the command fails.",
    .help =
        "Make the aria-label (or aria-labelledby text) start with, or at least contain, the "
        "visible words in the same order, or remove it so the visible text is the name.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kSerious,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .level = "A"};

}  // namespace plainsight::rules

// html.text-list: text laid out as a list is marked up as one. WCAG 2.2 SC 1.3.1 Info and
// Relationships (A); EN 301 549 9.1.3.1; technique H48 (using ol, ul and dl for lists) and
// failure technique F2 (structure conveyed only by presentation).
// Interpretation: a run of at least two lines that each start with the same bullet character
// (-, *, +, •, ·, ◦, ▪, ‣, ●, ○, ■, □, –, —, ✓, ✔, ►, >) and a space, or with consecutive
// numbers or letters ("1." "2.", "1)" "2)", "a)" "b)"), is a list shown only by its look. Lines
// are either the lines of one rendered block element split by <br>, or consecutive sibling
// p and div elements. Such a run outside any list (ul, ol, menu, dl, role=list) fails as a
// warning on the element holding its first line; pre and code blocks are left alone. Real lists
// (rendered ul and ol elements) pass.
#include <string>

#include "rules/catalog.h"
#include "rules/html/structure_support.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kBullets[] = {"-",
                                         "*",
                                         "+",
                                         ">",
                                         "\xE2\x80\xA2" /* • */,
                                         "\xC2\xB7" /* · */,
                                         "\xE2\x97\xA6" /* ◦ */,
                                         "\xE2\x96\xAA" /* ▪ */,
                                         "\xE2\x80\xA3" /* ‣ */,
                                         "\xE2\x97\x8F" /* ● */,
                                         "\xE2\x97\x8B" /* ○ */,
                                         "\xE2\x96\xA0" /* ■ */,
                                         "\xE2\x96\xA1" /* □ */,
                                         "\xE2\x80\x93" /* – */,
                                         "\xE2\x80\x94" /* — */,
                                         "\xE2\x9C\x93" /* ✓ */,
                                         "\xE2\x9C\x94" /* ✔ */,
                                         "\xE2\x96\xBA" /* ► */};

// What starts a line: a bullet (kind 1, with the bullet's index), a number (kind 2, value) or a
// lowercase letter (kind 3, value). kind 0: none.
struct Marker {
  int kind = 0;
  int value = 0;
  char punct = 0;  // '.' or ')' for numbers and letters (a copy: lines are temporaries)
};

Marker MarkerOf(std::string_view line) {
  line = engine::TrimWhitespace(line);
  for (size_t i = 0; i < std::size(kBullets); ++i) {
    const std::string_view b = kBullets[i];
    if (line.size() > b.size() + 1 && line.substr(0, b.size()) == b && line[b.size()] == ' ') {
      return Marker{1, static_cast<int>(i), 0};
    }
  }
  size_t k = 0;
  int n = 0;
  while (k < line.size() && k < 3 && line[k] >= '0' && line[k] <= '9') {
    n = n * 10 + (line[k] - '0');
    ++k;
  }
  if (k > 0 && k + 1 < line.size() && (line[k] == '.' || line[k] == ')') && line[k + 1] == ' ') {
    return Marker{2, n, line[k]};
  }
  if (line.size() > 3 && line[0] >= 'a' && line[0] <= 'h' && line[1] == ')' && line[2] == ' ') {
    return Marker{3, line[0] - 'a', line[1]};
  }
  return {};
}

// Do the markers make a list: the same bullet, or numbers (letters) going up by one?
bool Continues(const Marker& a, const Marker& b) {
  if (a.kind == 0 || a.kind != b.kind) {
    return false;
  }
  if (a.kind == 1) {
    return a.value == b.value;
  }
  return b.value == a.value + 1 && a.punct == b.punct;
}

size_t LongestRun(const std::vector<Marker>& markers) {
  size_t best = 0;
  size_t run = 0;
  for (size_t i = 0; i < markers.size(); ++i) {
    if (markers[i].kind == 0) {
      run = 0;
    } else if (run > 0 && Continues(markers[i - 1], markers[i])) {
      ++run;
    } else {
      run = 1;
    }
    best = std::max(best, run);
  }
  return best;
}

// An element that is, or is inside, a list, code or a text field: its lines may start with
// markers of their own.
bool IsListOrCode(const engine::Page& page, const engine::Node& n) {
  return n.IsHtml("ul") || n.IsHtml("ol") || n.IsHtml("menu") || n.IsHtml("dl") ||
         n.IsHtml("pre") || n.IsHtml("code") || n.IsHtml("textarea") || n.IsHtml("script") ||
         n.IsHtml("style") || page.a11y().ExplicitRole(n) == "list";
}

// Walks the block's inline content in tree order, leaving out display:none subtrees: `text(node)`
// for each text node, `br()` for each <br>. Stops and returns false at an element laid out as a
// block.
template <typename Text, typename Br>
bool WalkInline(const engine::Page& page, const engine::Node& n, const Text& text, const Br& br) {
  for (const engine::Node* c : n.children()) {
    if (c->IsText()) {
      text(*c);
    } else if (c->IsElement() && !page.styles().IsDisplayNone(*c)) {
      if (c->IsHtml("br")) {
        br();
      } else if (structure::IsBlock(page, *c) || !WalkInline(page, *c, text, br)) {
        return false;
      }
    }
  }
  return true;
}

// The lines of the element's own text, split at br elements (descendant blocks end the scan:
// their lines are their own).
std::vector<std::string> BrLines(const engine::Page& page, const engine::Node& block,
                                 bool* has_br) {
  std::vector<std::string> lines(1);
  *has_br = false;
  const bool inline_only = WalkInline(
      page, block, [&](const engine::Node& t) { lines.back() += t.text(); },
      [&] {
        *has_br = true;
        lines.emplace_back();
      });
  return inline_only ? lines : std::vector<std::string>{};
}

// Whether BrLines would find lines: a <br> in the block's inline content and no block inside.
// Asked first, without copying text: most paragraphs have no <br>.
bool HasBrLines(const engine::Page& page, const engine::Node& block) {
  bool has_br = false;
  return WalkInline(
             page, block, [](const engine::Node&) {}, [&] { has_br = true; }) &&
         has_br;
}

// How a text starts is all MarkerOf reads: a bullet or up to three digits, a stop and a space.
constexpr size_t kMarkerBytes = 16;

void Check(const engine::Page& page, engine::Findings& out) {
  // Asked of every p, div and td: each element's answer is kept for the ones below it.
  structure::AncestorOrSelf in_list_or_code(
      [&](const engine::Node& n) { return IsListOrCode(page.PageFor(n), n); });
  auto start_of = [](const engine::Page& p, const engine::Node& e) {
    return structure::RenderedTextStart(p, e, kMarkerBytes);
  };
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if ((e.IsHtml("ul") || e.IsHtml("ol")) && !p.styles().IsDisplayNone(e)) {
      out.Pass(&e);
      return;
    }
    if (!(e.IsHtml("p") || e.IsHtml("div") || e.IsHtml("td")) || p.styles().IsDisplayNone(e)) {
      return;
    }
    // Lines split by <br> inside this element.
    bool has_br = false;
    const std::vector<std::string> lines =
        HasBrLines(p, e) ? BrLines(p, e, &has_br) : std::vector<std::string>{};
    if (has_br && !in_list_or_code(e)) {
      std::vector<Marker> markers;
      markers.reserve(lines.size());
      for (const std::string& line : lines) {
        markers.push_back(MarkerOf(line));
      }
      if (LongestRun(markers) >= 2) {
        out.Warn(&e,
                 "These lines start with bullets or numbers typed as text: they look like a "
                 "list but are not marked up as one.");
        return;
      }
    }
    // Consecutive sibling paragraphs, counted from the first of a run.
    if (!(e.IsHtml("p") || e.IsHtml("div")) || in_list_or_code(e)) {
      return;
    }
    const engine::Node* prev = e.PreviousElementSibling();
    const Marker first = MarkerOf(start_of(p, e));
    if (first.kind == 0 || (prev != nullptr && (prev->IsHtml("p") || prev->IsHtml("div")) &&
                            Continues(MarkerOf(start_of(p, *prev)), first))) {
      return;
    }
    std::vector<Marker> markers{first};
    for (const engine::Node* s = e.NextElementSibling();
         s != nullptr && (s->IsHtml("p") || s->IsHtml("div")) && markers.size() < 3;
         s = s->NextElementSibling()) {
      markers.push_back(MarkerOf(start_of(p, *s)));
      if (!Continues(markers[markers.size() - 2], markers.back())) {
        break;
      }
    }
    if (LongestRun(markers) >= 2) {
      out.Warn(&e,
               "This paragraph and the next start with bullets or numbers typed as text: they "
               "look like a list but are not marked up as one.");
    }
  });
}

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"9.1.3.1"};
constexpr std::string_view kPasses[] = {R"(<ul><li>Paper</li><li>Glass</li></ul>)"};
constexpr std::string_view kFails[] = {
    R"(<p>- Paper<br>- Glass<br>- Cans</p>)",
    R"(<p>1. Fill in the form</p><p>2. Pay the fee</p>)",
    "<div>\xE2\x80\xA2 Paper<br>\xE2\x80\xA2 Glass</div>",
};
constexpr std::string_view kInapplicable[] = {
    R"(<p>Bring paper - and glass - to the centre.</p>)",
    R"(<pre>- a<br>- b</pre>)",
    R"(<p>1. Fill in the form</p><p>Then wait.</p>)",
};

}  // namespace

extern const engine::Rule kHtmlTextList{
    .id = "html.text-list",
    .summary = "Text laid out as a list is marked up as a list",
    .why =
        "Lines that start with a dash, a bullet or a number look like a list, but unless they "
        "are marked up as one, screen readers do not say a list starts, how many items it has, "
        "or let people skip it.",
    .help =
        "Use <ul> with <li> items for bullets, or <ol> for numbered steps, and let CSS draw the "
        "bullets or numbers. In a content editor, use the list button.",
    .limits =
        "Lines are found from <br> and paragraph breaks, not from layout; a dash that starts a "
        "line for another reason is still reported, as a warning.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable};

}  // namespace plainsight::rules

// html.parser-repair: the markup needs no repair by the browser's parser: every element whose
// end tag is required is closed, tags are nested properly, and table content sits in cells.
// WCAG 2.1 SC 4.1.1 Parsing (A: "elements have complete start and end tags, elements are nested
// according to their specifications"); EN 301 549 9.4.1.1. WCAG 2.2 made 4.1.1 obsolete because
// browsers repair such markup the same way; EN 301 549 still lists it, and a repaired tree is
// often not the structure the author meant (content swallowed by an unclosed element, table text
// moved out of its table).
// Interpretation: the parser's own record decides (engine ParseRepair bits, from Gumbo):
//  - an HTML element whose end tag is missing, unless HTML 13.1.2.4 lets it be omitted (li, p,
//    td, option...) or it has none (void elements): closed by the parser;
//  - an element the parser made from a stray end tag (</p> with no open p, </br>);
//  - content before a table in the tree that comes after the table's start tag in the source:
//    moved out of the table by the parser ("foster parenting", HTML 13.2.6.1).
// Elements in SVG and MathML are not judged (Gumbo marks all foreign elements as closed by the
// parser). Each finding is an error: the parse error is certain.
#include <ranges>
#include <span>
#include <string>
#include <vector>

#include "rules/catalog.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

// Void elements (no end tag at all) and elements whose end tag may be omitted (HTML 13.1.2.4
// "Optional tags"); p is listed although its omission has conditions, to stay on the safe side.
constexpr std::string_view kEndTagOptional[] = {
    "area",  "base",    "br",    "col",  "embed",    "hr",      "img",      "input",    "link",
    "meta",  "source",  "track", "wbr",  "param",    "keygen",  "frame",    "basefont", "bgsound",
    "image", "isindex", "html",  "head", "body",     "li",      "dt",       "dd",       "p",
    "rt",    "rp",      "rb",    "rtc",  "optgroup", "option",  "colgroup", "caption",  "thead",
    "tbody", "tfoot",   "tr",    "td",   "th",       "menuitem"};

bool EndTagOptional(std::string_view tag) {
  for (std::string_view t : kEndTagOptional) {
    if (t == tag) {
      return true;
    }
  }
  return false;
}

void CheckDocument(const engine::Page& page, engine::Findings& out) {
  const engine::Document& doc = page.document();
  if (doc.is_xml()) {
    return;
  }
  size_t before = out.count();
  for (const engine::Node* e : doc.elements()) {
    if (e->ns() != engine::Namespace::kHtml) {
      continue;
    }
    if (e->HasParseRepair(engine::ParseRepair::kFromEndTag)) {
      out.Fail(e, "</" + e->tag() + "> has no open <" + e->tag() +
                      "> to close; the browser turned it into an element of its own.");
      continue;
    }
    if (e->HasParseRepair(engine::ParseRepair::kNoEndTag) &&
        !e->HasParseRepair(engine::ParseRepair::kNoStartTag) && !EndTagOptional(e->tag())) {
      out.Fail(e, "<" + e->tag() +
                      "> is not closed where it should be (its end tag is missing or comes "
                      "after another element's): the browser closed it where it guessed.");
    }
    if (e->IsHtml("table") && e->parent() != nullptr && e->position().line != 0) {
      // Foster-parented content: moved before the table, written after its start tag. It sits
      // right before the table, so the walk goes back from the table and stops at the first
      // node written before it (a walk from the first child was quadratic in a page of many
      // sibling tables). Reported in tree order.
      const std::span<engine::Node* const> siblings = e->parent()->children();
      std::vector<const engine::Node*> moved;
      for (size_t i = e->child_index(); i-- > 0;) {
        const engine::Node* c = siblings[i];
        const bool content =
            c->IsElement() || (c->IsText() && !engine::TrimWhitespace(c->text()).empty());
        if (content && c->position().offset > e->position().offset) {
          moved.push_back(c);
        } else if (c->position().offset != 0 && c->position().offset < e->position().offset) {
          break;
        }
      }
      for (auto it = moved.rbegin(); it != moved.rend(); ++it) {
        out.Fail((*it)->IsElement() ? *it : e,
                 "Content written inside this table but outside its cells was moved before the "
                 "table by the browser.");
      }
    }
  }
  if (out.count() == before && doc.html() != nullptr) {
    out.Pass(doc.html());
  }
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachDocument(page, [&](const engine::Page& document) { CheckDocument(document, out); });
}

constexpr std::string_view kWcag[] = {"4.1.1"};
constexpr std::string_view kEn[] = {"9.4.1.1"};
constexpr std::string_view kPasses[] = {
    R"(<div><p>One<p>Two</div><ul><li>a<li>b</ul><img src="a.png" alt="A"><br>)",
    R"(<table><tr><td>1<td>2</table><svg><circle r="2"/></svg>)",
};
constexpr std::string_view kFails[] = {
    R"(<div><span>Opening hours</div></span>)",
    R"(<section><h2>News</h2><p>Text</p>)",
    R"(<b><i>Important</b></i>)",
    R"(<p>Text</p></p>)",
    R"(<table><tr><td>1</td></tr><p>Total</p></table>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<svg xmlns="http://www.w3.org/2000/svg"><title>Logo</title></svg>)"};

}  // namespace

extern const engine::Rule kHtmlParserRepair{
    .id = "html.parser-repair",
    .summary = "Tags are closed and nested so the browser need not repair them",
    .why =
        "When tags are left open or closed in the wrong order, the browser rebuilds the page as "
        "it guesses, and different tools guess differently: a heading, list or table can end up "
        "holding content that is not its own, and screen readers announce the structure the "
        "browser built, not the one the author meant.",
    .help =
        "Close every element whose end tag is required (div, span, section, a, b...), in the "
        "reverse order you opened them, and keep table content inside cells. The W3C markup "
        "validator lists each problem.",
    .limits =
        "An end tag with nothing to close that the parser simply drops (a stray </div>) leaves "
        "no trace in the tree and is not reported, and markup written by scripts is not seen. "
        "Whether the repaired tree differs from what the author meant is for a person to judge.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kMinor,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable};

}  // namespace plainsight::rules

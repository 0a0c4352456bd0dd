// html.link-same-purpose and html.link-same-purpose-in-context: links with the same accessible
// name (and, for the second, the same programmatically determined context) lead to the same or
// an equivalent resource. WCAG 2.2 SC 2.4.9 Link Purpose (Link Only), AAA (ACT b20e66); SC 2.4.4
// Link Purpose (In Context), A; EN 301 549 9.2.4.4 (ACT fd3a94).
// Interpretation: a set of links is passed when every link resolves (against its document's
// base URL) to the same normalised URL, fragment included (ACT "same resource": identical parsed
// URLs). Different URLs may still serve equivalent resources (redirects, copies, pages that
// differ only in navigation), which needs a person: cantTell. Failed only when the difference
// is visible in the page itself: every link of the set jumps to a heading of the same page and
// those headings have different names (two "Details" links to "Parking" and "Recycling").
// Names match as ACT's "matching characters": whitespace collapsed, ASCII case ignored.
// Programmatically determined link context (ACT glossary): the listitem ancestors, the closest
// ancestor that generates a block container, and the closest cell or gridcell ancestor (its
// assigned header cells follow from the cell), all included in the accessibility tree.
#include <map>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "rules/catalog.h"
#include "rules/html/support/links.h"
#include "rules/html/support/names.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcagLinkOnly[] = {"2.4.9"};
constexpr std::string_view kActLinkOnly[] = {"b20e66"};
constexpr std::string_view kWcagInContext[] = {"2.4.4"};
constexpr std::string_view kEnInContext[] = {"9.2.4.4"};
constexpr std::string_view kActInContext[] = {"fd3a94"};

constexpr std::string_view kPasses[] = {
    R"(<p><a href="/contact">Contact us</a> or <a href="https://example.ie/contact">Contact us</a></p>)",
};
constexpr std::string_view kFails[] = {
    R"(<p>Opening hours and parking: <a href="#hours">Details</a> <a href="#parking">Details</a></p>
<h2 id="hours">Opening hours</h2><p>9 to 5.</p><h2 id="parking">Parking</h2><p>Free.</p>)",
};
constexpr std::string_view kCantTell[] = {
    R"(<p><a href="/about/contact">Contact us</a> <a href="/careers/contact">Contact us</a></p>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<p><a href="/contact">Contact us</a> <a href="/contact">Reach out</a></p>)",
    R"(<a>Contact us</a><a>Contact us</a>)",
};

// ACT "matching characters": collapsed whitespace, letter case ignored (ASCII only: rules do
// not call ICU, so names differing only in non-ASCII case are not grouped).
std::string MatchKey(std::string_view name) {
  return engine::AsciiLower(engine::CollapseWhitespace(name));
}

bool GeneratesBlockContainer(const engine::Page& p, const engine::Node& e) {
  const engine::StyleValue& display = p.styles().Of(e).Get("display");
  if (!display.known) {
    return true;  // unknown: treat as a boundary, so unrelated links are not grouped
  }
  for (std::string_view d : {"block", "inline-block", "list-item", "flow-root", "table-cell",
                             "table-caption", "block flow", "inline flow-root", "block flow-root",
                             "list-item block", "block list-item"}) {
    if (display.text == d) {
      return true;
    }
  }
  return false;
}

std::vector<const engine::Node*> LinkContext(const engine::Page& p, const engine::Node& link) {
  std::vector<const engine::Node*> context;
  bool block_found = false;
  bool cell_found = false;
  for (const engine::Node* a = link.ParentElement(); a != nullptr; a = a->ParentElement()) {
    if (p.a11y().IsHidden(*a)) {
      continue;
    }
    std::string_view role = p.a11y().Role(*a);
    bool take = role == "listitem";
    if (!block_found && GeneratesBlockContainer(p, *a)) {
      block_found = true;
      take = true;
    }
    if (!cell_found && (role == "cell" || role == "gridcell")) {
      cell_found = true;
      take = true;
    }
    if (take) {
      context.push_back(a);
    }
  }
  return context;
}

struct Member {
  const engine::Page* page;
  const engine::Node* link;
};

// The heading a same-page link jumps to, or nullptr.
const engine::Node* TargetHeading(const Member& m) {
  const engine::Node* target = SamePageTarget(*m.link);
  if (target == nullptr) {
    return nullptr;
  }
  const engine::Page& tp = m.page->PageFor(*target);
  return tp.a11y().Role(*target) == "heading" && !tp.a11y().IsHidden(*target) ? target : nullptr;
}

// Each link's resolved, normalised destination, worked out once per page (Page::Derived): both
// rules judge the same links, and a link's destination is compared with every other's.
struct Destinations {
  explicit Destinations(const engine::Page&) {}

  mutable std::unordered_map<const engine::Node*, std::optional<std::string>> of;
};

const std::optional<std::string>& DestinationOf(const Member& m) {
  auto& of = m.page->Derived<Destinations>().of;
  auto it = of.find(m.link);
  if (it == of.end()) {
    it = of.emplace(m.link, LinkDestination(*m.link)).first;
  }
  return it->second;
}

void JudgeSet(const std::vector<Member>& set, const std::string& name, engine::Findings& out) {
  const std::optional<std::string>& first = DestinationOf(set.front());
  bool same = first.has_value();
  for (size_t k = 1; k < set.size() && same; ++k) {
    same = DestinationOf(set[k]) == first;
  }
  if (same) {
    for (const Member& m : set) {
      out.Pass(m.link, "all links named \"" + name + "\" lead to " + *first);
    }
    return;
  }
  // Same-page jumps to headings with different names: provably different destinations.
  std::map<std::string, const engine::Node*> headings;
  bool all_headings = true;
  for (const Member& m : set) {
    const engine::Node* h = TargetHeading(m);
    if (h == nullptr) {
      all_headings = false;
      break;
    }
    headings.emplace(MatchKey(m.page->PageFor(*h).a11y().AccessibleName(*h)), h);
  }
  if (all_headings && headings.size() > 1 && !headings.contains("")) {
    for (const Member& m : set) {
      out.Fail(m.link, "Links named \"" + name +
                           "\" jump to different sections of the page: give each link a name "
                           "that says which section it opens.");
    }
    return;
  }
  for (const Member& m : set) {
    out.CantTell(m.link, "Several links are named \"" + name +
                             "\" but lead to different addresses: check they lead to the same "
                             "or equivalent content, or name each one after its destination.");
  }
}

void CheckSets(const engine::Page& page, engine::Findings& out, bool by_context) {
  using Key = std::tuple<std::string, std::vector<const engine::Node*>>;
  std::map<Key, std::vector<Member>> sets;
  std::vector<Key> order;
  ForEachNamedLink(page, [&](const engine::Page& p, const engine::Node& e,
                             const std::string& name) {
    Key key{MatchKey(name), by_context ? LinkContext(p, e) : std::vector<const engine::Node*>{}};
    auto& members = sets[key];
    if (members.empty()) {
      order.push_back(key);
    }
    members.push_back(Member{&p, &e});
  });
  for (const Key& key : order) {
    const auto& set = sets[key];
    if (set.size() >= 2) {
      JudgeSet(set, NameOf(*set.front().page, *set.front().link), out);
    }
  }
}

void CheckLinkOnly(const engine::Page& page, engine::Findings& out) {
  CheckSets(page, out, false);
}

void CheckInContext(const engine::Page& page, engine::Findings& out) {
  CheckSets(page, out, true);
}

}  // namespace

extern const engine::Rule kHtmlLinkSamePurpose{
    .id = "html.link-same-purpose",
    .summary = "Links with the same text lead to the same place",
    .why =
        "Screen reader users often browse a list of a page's links. Two links that read the "
        "same but go to different places cannot be told apart in that list.",
    .help =
        "Give links that go to different places different text (\"Contact the parking "
        "office\", \"Contact the library\"), or point links with the same text at the same "
        "page.",
    .wcag = kWcagLinkOnly,
    .en301549 = {},
    .act = kActLinkOnly,
    .impact = engine::Impact::kModerate,
    .check = &CheckLinkOnly,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .level = "AAA",
    .target_tags = targets::kLinks,
    .target_attributes = targets::kRoleAttribute};

extern const engine::Rule kHtmlLinkSamePurposeInContext{
    .id = "html.link-same-purpose-in-context",
    .summary = "Links with the same text in the same sentence or list item lead to the same place",
    .why =
        "When two links in the same sentence, list item or table cell read the same, nothing "
        "around them tells people which is which. If they go to different places, people "
        "using screen readers end up guessing.",
    .help =
        "Name each link after where it goes (\"Contact us by chat\", \"Contact us by phone\"), "
        "or point links with the same text at the same page.",
    .wcag = kWcagInContext,
    .en301549 = kEnInContext,
    .act = kActInContext,
    .impact = engine::Impact::kSerious,
    .check = &CheckInContext,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .target_tags = targets::kLinks,
    .target_attributes = targets::kRoleAttribute};

}  // namespace plainsight::rules

// html.duplicate-id: id values are unique in their document. WCAG 2.1 SC 4.1.1 Parsing (A);
// EN 301 549 9.4.1.1 (which still lists it); WCAG 2.2 made 4.1.1 obsolete, but an id that a
// label or an ARIA attribute points to must still be unique for the relationship to work
// (WCAG 2.2 SC 1.3.1 and 4.1.2; failure technique F77).
// Interpretation: targets are elements with a non-empty id attribute in the page and in each
// nested document (ids are per document). The second and later elements sharing an id fail:
// an error when something in the document refers to the id (label for, aria-labelledby and the
// other ID-reference attributes, headers, list, form, a same-page link), since that reference
// then reaches only the first element; a warning otherwise (the parsing failure of WCAG 2.1 and
// EN 301 549, which scripts may also trip over).
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "rules/catalog.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

// Attributes holding one id or a space-separated list of ids (HTML and WAI-ARIA 1.2).
constexpr std::string_view kIdReferences[] = {"for",
                                              "aria-labelledby",
                                              "aria-describedby",
                                              "aria-controls",
                                              "aria-owns",
                                              "aria-flowto",
                                              "aria-details",
                                              "aria-errormessage",
                                              "aria-activedescendant",
                                              "headers",
                                              "list",
                                              "form",
                                              "popovertarget",
                                              "commandfor",
                                              "anchor"};

void CheckDocument(const engine::Page& page, engine::Findings& out) {
  const auto& elements = page.document().elements();
  std::unordered_map<std::string_view, const engine::Node*> first;
  bool any_repeat = false;
  for (const engine::Node* e : elements) {
    const std::string* id = e->Attr("id");
    if (id != nullptr && !id->empty() && !first.emplace(*id, e).second) {
      any_repeat = true;
    }
  }
  // Which ids something refers to: only worked out when an id repeats.
  std::unordered_set<std::string_view> referenced;
  if (any_repeat) {
    for (const engine::Node* e : elements) {
      for (std::string_view attr : kIdReferences) {
        if (const std::string* v = e->Attr(attr)) {
          for (std::string_view id : engine::SplitWhitespace(*v)) {
            referenced.insert(id);
          }
        }
      }
      if (const std::string* href = e->Attr("href");
          href != nullptr && href->size() > 1 && (*href)[0] == '#') {
        referenced.insert(std::string_view(*href).substr(1));
      }
    }
  }
  for (const engine::Node* e : elements) {
    const std::string* id = e->Attr("id");
    if (id == nullptr || id->empty()) {
      continue;
    }
    const engine::Node* original = first.at(*id);
    if (original == e) {
      out.Pass(e);
      continue;
    }
    const std::string where = "line " + std::to_string(original->position().line);
    if (referenced.count(*id) != 0) {
      out.Fail(e, "id=\"" + *id + "\" is already used (" + where +
                      ") and the page refers to it: a label, ARIA attribute or link that "
                      "points to this id reaches only the first element.");
    } else {
      out.Warn(e, "id=\"" + *id + "\" is already used (" + where +
                      "); ids must be unique in a page (WCAG 2.1 4.1.1, EN 301 549 9.4.1.1).");
    }
  }
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachDocument(page, [&](const engine::Page& document) { CheckDocument(document, out); });
}

constexpr std::string_view kWcag[] = {"4.1.1"};
constexpr std::string_view kEn[] = {"9.4.1.1"};
constexpr std::string_view kPasses[] = {
    R"(<label for="email">Email</label><input id="email"><p id="note">Optional</p>)",
    // Ids are per document: the frame's "x" is not the page's.
    R"(<p id="x">Hi</p><iframe title="Map" srcdoc="<p id='x'>Map</p>"></iframe>)",
};
constexpr std::string_view kFails[] = {
    R"(<label for="name">Name</label><input id="name"><input id="name">)",
    R"(<div id="news">News</div><div id="news">Events</div>)",
};
constexpr std::string_view kInapplicable[] = {R"(<p>No ids here</p>)", R"(<p id="">Empty</p>)"};

}  // namespace

extern const engine::Rule kHtmlDuplicateId{
    .id = "html.duplicate-id",
    .summary = "Each id is used once in a page",
    .why =
        "Labels, ARIA attributes and skip links find elements by id. When two elements share an "
        "id, browsers and screen readers use the first, so a field can end up announced with "
        "another field's label, or with none.",
    .help =
        "Give every element a different id, and update the for, aria-labelledby, "
        "aria-describedby and href=\"#...\" references that point to them.",
    .limits =
        "Scripts may look elements up by id too; a duplicate nothing in the markup refers to "
        "is a warning, since only the scripts show whether it breaks anything. Ids added by "
        "scripts are not seen.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .target_attributes = targets::kIdAttribute};

}  // namespace plainsight::rules

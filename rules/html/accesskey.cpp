// html.accesskey: access keys do not clash. WCAG 2.2 SC 2.1.1 Keyboard (A); EN 301 549 9.2.1.1.
// Interpretation: targets are rendered elements of each document with a non-empty accesskey
// attribute. Two elements of one document sharing a key (compared ASCII case-insensitively, as
// browsers do) fail as a warning: the key reaches only one of them, so the keyboard access the
// page promises does not work for the other. A unique access key needs a person (cantTell): it
// may override a key of the browser or of a screen reader, and people only find it if the page
// says it exists.
#include <algorithm>
#include <map>
#include <string>

#include "rules/catalog.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

void CheckDocument(const engine::Page& page, engine::Findings& out) {
  std::map<std::string, std::vector<const engine::Node*>> by_key;
  for (const engine::Node* e : page.document().elements()) {
    const std::string* key = e->Attr("accesskey");
    if (key == nullptr || engine::TrimWhitespace(*key).empty() || page.styles().IsDisplayNone(*e)) {
      continue;
    }
    by_key[engine::AsciiLower(engine::TrimWhitespace(*key))].push_back(e);
  }
  std::vector<std::pair<const engine::Node*, std::string>> items;
  for (const auto& [key, elements] : by_key) {
    for (const engine::Node* e : elements) {
      items.emplace_back(e, key);
    }
  }
  std::sort(items.begin(), items.end(),
            [](const auto& a, const auto& b) { return a.first->order() < b.first->order(); });
  for (const auto& [e, key] : items) {
    const size_t sharing = by_key[key].size();
    if (sharing > 1) {
      out.Warn(e, "accesskey=\"" + key + "\" is given to " + std::to_string(sharing) +
                      " elements; the key reaches only one of them.");
    } else {
      out.CantTell(e, "accesskey=\"" + key +
                          "\": check that it does not override a browser or screen reader "
                          "key, and that the page tells people it exists.");
    }
  }
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachDocument(page, [&](const engine::Page& document) { CheckDocument(document, out); });
}

constexpr std::string_view kWcag[] = {"2.1.1"};
constexpr std::string_view kEn[] = {"9.2.1.1"};
constexpr std::string_view kFails[] = {
    R"(<a href="/" accesskey="h">Home</a><a href="/help" accesskey="H">Help</a>)"};
constexpr std::string_view kCantTell[] = {R"(<a href="/" accesskey="h">Home</a>)"};
constexpr std::string_view kInapplicable[] = {R"(<a href="/">Home</a>)",
                                              R"(<a href="/" accesskey="">Home</a>)"};

constexpr std::string_view kTargetAttributes[] = {"accesskey"};

}  // namespace

extern const engine::Rule kHtmlAccesskey{
    .id = "html.accesskey",
    .summary = "Access keys are unique and do not clash with other shortcuts",
    .why =
        "Access keys are keyboard shortcuts the page adds. Two elements with the same key leave "
        "one of them unreachable by it, and a key can take over a shortcut that screen reader "
        "or browser users rely on. Few people know a page's access keys exist.",
    .help =
        "Remove accesskey attributes, or give each a different key that no browser or screen "
        "reader uses, and list the keys on an accessibility page.",
    .limits =
        "Which keys a given browser or screen reader already uses is not known here, so a "
        "unique access key is only a notice.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kMinor,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .target_attributes = kTargetAttributes};

}  // namespace plainsight::rules

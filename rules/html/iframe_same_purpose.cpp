// html.iframe-same-purpose: iframes with the same accessible name embed the same or an
// equivalent resource. WCAG 2.2 SC 4.1.2 Name, Role, Value; EN 301 549 9.4.1.2; ACT 4b1c6c.
// Interpretation: a set of iframes (included in the accessibility tree, same non-empty name
// after ACT's "matching characters") is passed when all embed the same normalised URL, the same
// srcdoc, or documents whose loaded source text is identical (an identical copy is an
// equivalent resource). Different content can still be equivalent (two adverts, a page that
// differs only in navigation): cantTell. Failed only when the page proves the difference: one
// iframe of the set is empty (no src or srcdoc, or about:blank) on a page without scripts that
// could fill it, while another embeds something.
#include <map>
#include <vector>

#include "rules/catalog.h"
#include "rules/html/support/links.h"
#include "rules/html/support/names.h"
#include "rules/html/support/scripts.h"
#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"4.1.2"};
constexpr std::string_view kEn[] = {"9.4.1.2"};
constexpr std::string_view kAct[] = {"4b1c6c"};

constexpr std::string_view kPasses[] = {
    R"(<iframe title="Bin collection map" src="/map.html"></iframe>
<iframe aria-label="Bin collection map" src="https://example.ie/map.html"></iframe>)",
};
constexpr std::string_view kFails[] = {
    R"(<iframe title="Bin collection map" src="/map.html"></iframe>
<iframe title="Bin collection map"></iframe>)",
};
constexpr std::string_view kCantTell[] = {
    R"(<iframe title="Advert" src="/ads/one.html"></iframe><iframe title="Advert" src="/ads/two.html"></iframe>)",
};
constexpr std::string_view kInapplicable[] = {
    R"(<iframe title="Map of Dublin" src="/a.html"></iframe><iframe title="Map of Cork" src="/b.html"></iframe>)",
    R"(<iframe title="Map" src="/a.html" aria-hidden="true"></iframe><iframe title="Map" src="/b.html"></iframe>)",
};

std::string MatchKey(std::string_view name) {
  return engine::AsciiLower(engine::CollapseWhitespace(name));
}

bool IsBlank(const engine::Node& iframe) {
  if (iframe.HasAttribute("srcdoc")) {
    return false;
  }
  std::string_view src = engine::TrimWhitespace(iframe.AttrOr("src"));
  return src.empty() || engine::AsciiLower(src) == "about:blank";
}

// What the iframe shows, as a comparable key: "srcdoc:" + text, "url:" + URL, or "" if unknown.
std::string SourceKey(const engine::Node& iframe) {
  if (const std::string* srcdoc = iframe.Attr("srcdoc")) {
    return "srcdoc:" + *srcdoc;
  }
  std::string_view src = engine::TrimWhitespace(iframe.AttrOr("src"));
  auto url = src.empty() ? std::nullopt : ResolveAndNormalize(iframe, src);
  return url ? "url:" + *url : "";
}

struct Member {
  const engine::Page* page;
  const engine::Node* iframe;
};

void JudgeSet(const std::vector<Member>& set, const std::string& name, bool scripts,
              engine::Findings& out) {
  std::string first = SourceKey(*set.front().iframe);
  bool same_source = !first.empty();
  bool same_content = true;
  const engine::Document* first_doc = set.front().iframe->content_document();
  for (const Member& m : set) {
    same_source = same_source && SourceKey(*m.iframe) == first;
    const engine::Document* doc = m.iframe->content_document();
    same_content = same_content && doc != nullptr && first_doc != nullptr &&
                   doc->source() == first_doc->source();
  }
  if (same_source || same_content) {
    for (const Member& m : set) {
      out.Pass(m.iframe,
               same_source ? "embeds the same resource as the other iframes named \"" + name + "\""
                           : "embeds a document identical to the other iframes named "
                             "\"" +
                                 name + "\"");
    }
    return;
  }
  bool some_blank = false;
  bool some_content = false;
  for (const Member& m : set) {
    (IsBlank(*m.iframe) ? some_blank : some_content) = true;
  }
  for (const Member& m : set) {
    if (!scripts && some_blank && some_content && IsBlank(*m.iframe)) {
      out.Fail(m.iframe, "This iframe is empty, yet another iframe named \"" + name +
                             "\" shows content: remove it or give it its own name and content.");
    } else if (!scripts && some_blank && some_content) {
      out.Fail(m.iframe, "Another iframe named \"" + name +
                             "\" is empty: iframes with the same name should embed the same "
                             "or equivalent content.");
    } else {
      out.CantTell(m.iframe, "Several iframes are named \"" + name +
                                 "\" but embed different documents: check they serve the same "
                                 "purpose, or give each one a name that says what it holds.");
    }
  }
}

void Check(const engine::Page& page, engine::Findings& out) {
  std::map<std::string, std::vector<Member>> sets;
  std::vector<std::string> order;
  bool scripts = false;
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (&e == p.document().html()) {
      scripts = scripts || HasScripts(p);
    }
    if (!e.IsHtml("iframe") || p.a11y().IsHidden(e)) {
      return;
    }
    std::string name = NameOf(p, e);
    if (name.empty()) {
      return;
    }
    auto& members = sets[MatchKey(name)];
    if (members.empty()) {
      order.push_back(MatchKey(name));
    }
    members.push_back(Member{&p, &e});
  });
  for (const std::string& key : order) {
    const auto& set = sets[key];
    if (set.size() >= 2) {
      JudgeSet(set, NameOf(*set.front().page, *set.front().iframe), scripts, out);
    }
  }
}

}  // namespace

extern const engine::Rule kHtmlIframeSamePurpose{
    .id = "html.iframe-same-purpose",
    .summary = "Iframes with the same name show the same content",
    .why =
        "Screen readers announce an iframe by its name. Two frames with the same name but "
        "different content leave people unable to tell which one they are in.",
    .help =
        "Give each iframe a title that says what it holds (\"Map of bin collection days\", "
        "\"Video: how to recycle\"), and reuse a title only for frames with the same content.",
    .wcag = kWcag,
    .en301549 = kEn,
    .act = kAct,
    .impact = engine::Impact::kModerate,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .target_tags = targets::kIframes};

}  // namespace plainsight::rules

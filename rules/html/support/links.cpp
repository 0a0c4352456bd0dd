// Where links lead: see links.h.
#include "rules/html/support/links.h"

#include "engine/url.h"

namespace plainsight::rules {
namespace {

const std::string* HrefOf(const engine::Node& element) {
  if (const std::string* href = element.Attr("href")) {
    return href;
  }
  if (element.ns() == engine::Namespace::kSvg) {
    return element.Attr("xlink:href");
  }
  return nullptr;
}

bool HasBaseElement(const engine::Document& doc) {
  for (const engine::Node* e : doc.elements()) {
    if (e->IsHtml("base") && e->HasAttribute("href")) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<std::string> LinkDestination(const engine::Node& element) {
  const std::string* href = HrefOf(element);
  if (href == nullptr) {
    return std::nullopt;
  }
  return ResolveAndNormalize(element, *href);
}

std::optional<std::string> ResolveAndNormalize(const engine::Node& element,
                                               std::string_view reference) {
  auto url = element.document().ResolveToUrl(engine::TrimWhitespace(reference));
  if (!url) {
    return std::nullopt;
  }
  std::string normal = engine::NormalizeUrl(*url);
  if (url->fragment.has_value()) {
    normal += "#" + *url->fragment;
  }
  return normal;
}

bool IsSamePageLink(const engine::Node& link) {
  const std::string* href = HrefOf(link);
  if (href == nullptr) {
    return false;
  }
  std::string_view value = engine::TrimWhitespace(*href);
  const engine::Document& doc = link.document();
  if (doc.url().empty() || doc.url() == "about:srcdoc") {
    // No URL to compare with: only a bare fragment stays on the page, and only without <base>.
    return value.size() > 1 && value.front() == '#' && !HasBaseElement(doc);
  }
  if (value.find('#') == std::string_view::npos) {
    return false;  // resolving drops the base's fragment: no '#' in the reference, none after
  }
  auto there = doc.ResolveToUrl(value);
  if (!there || !there->fragment || there->fragment->empty()) {
    return false;
  }
  const engine::Url* here = doc.ParsedUrl();
  return here != nullptr && engine::NormalizeUrl(*here) == engine::NormalizeUrl(*there);
}

const engine::Node* SamePageTarget(const engine::Node& link) {
  if (!IsSamePageLink(link)) {
    return nullptr;
  }
  std::string_view href = engine::TrimWhitespace(*HrefOf(link));
  std::string fragment(href.substr(href.find('#') + 1));
  // HTML 7.4.6.4: the fragment is percent-decoded before the id lookup; ids with escapes are
  // rare, so only the literal form is tried.
  const engine::Document& doc = link.document();
  if (const engine::Node* by_id = doc.GetElementById(fragment)) {
    return by_id;
  }
  for (const engine::Node* a : doc.ElementsByTag("a")) {
    if (a->IsHtml("a") && a->AttrOr("name") == fragment) {
      return a;
    }
  }
  return nullptr;
}

}  // namespace plainsight::rules

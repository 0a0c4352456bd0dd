// Link discovery (see links.h).
#include "crawler/links.h"

#include "engine/url.h"

namespace plainsight::crawler {

std::vector<Link> ExtractLinks(const engine::Document& doc) {
  std::vector<Link> links;
  auto document_url = engine::ParseUrl(doc.url());
  if (!document_url) {
    return links;
  }
  engine::Url base = *document_url;
  // The first <base href> sets the base (HTML 2.4.1); an invalid one is ignored.
  for (const engine::Node* e : doc.elements()) {
    if (e->IsHtml("base") && e->HasAttribute("href")) {
      auto b = engine::ParseUrl(engine::TrimWhitespace(*e->Attr("href")), &*document_url);
      if (b) {
        base = std::move(*b);
      }
      break;
    }
  }
  auto add = [&](std::string_view reference, LinkSource source, std::string text,
                 std::string hreflang) {
    auto url = engine::ParseUrl(reference, &base);
    if (!url) {
      return;
    }
    if (text.size() > 200) {
      text.resize(200);
    }
    links.push_back(Link{url->Serialize(), source, std::move(text), std::move(hreflang)});
  };
  for (const engine::Node* e : doc.elements()) {
    if (e->ns() != engine::Namespace::kHtml) {
      continue;
    }
    const std::string& tag = e->tag();
    if ((tag == "a" || tag == "area") && e->HasAttribute("href")) {
      std::string text =
          tag == "a" ? engine::CollapseWhitespace(e->TextContent()) : std::string(e->AttrOr("alt"));
      if (text.empty()) {
        text = std::string(e->AttrOr("title"));
      }
      add(*e->Attr("href"), tag == "a" ? LinkSource::kAnchor : LinkSource::kArea, std::move(text),
          std::string(e->AttrOr("hreflang")));
    } else if ((tag == "iframe" || tag == "frame") && e->HasAttribute("src")) {
      add(*e->Attr("src"), LinkSource::kIframe, std::string(e->AttrOr("title")), {});
    } else if (tag == "link" && e->HasAttribute("href")) {
      bool alternate = false;
      for (std::string_view rel : engine::SplitWhitespace(e->AttrOr("rel"))) {
        alternate = alternate || engine::AsciiLower(rel) == "alternate";
      }
      if (alternate) {
        add(*e->Attr("href"), LinkSource::kAlternate, std::string(e->AttrOr("title")),
            std::string(e->AttrOr("hreflang")));
      }
    } else if (tag == "form") {
      std::string method = engine::AsciiLower(engine::TrimWhitespace(e->AttrOr("method", "get")));
      if (method == "get" || method.empty()) {
        // A missing or empty action submits to the document's own URL (HTML 4.10.21.3).
        std::string_view action = engine::TrimWhitespace(e->AttrOr("action"));
        if (action.empty()) {
          add(doc.url(), LinkSource::kForm, std::string(e->AttrOr("aria-label")), {});
        } else {
          add(action, LinkSource::kForm, std::string(e->AttrOr("aria-label")), {});
        }
      }
    }
  }
  return links;
}

bool HasForm(const engine::Document& doc) {
  for (const engine::Node* e : doc.ElementsByTag("form")) {
    for (const engine::Node* other : doc.elements()) {
      if ((other->IsHtml("input") || other->IsHtml("textarea") || other->IsHtml("select")) &&
          other->IsDescendantOf(*e)) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace plainsight::crawler

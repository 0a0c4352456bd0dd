// Which style sheets apply to a document (CSS Cascading 4 section 6.1 origins): the user agent
// sheet, then author sheets from <style> (HTML 4.2.6) and <link rel=stylesheet> (HTML 4.6.7.21,
// alternate sheets and disabled links left out), each under its media query list (Media
// Queries 4), with @import followed by the stylesheet parser; and the rule index the cascade
// matches through (see style_internal.h).
#include "engine/css/style_internal.h"
#include "engine/css/ua_stylesheet.h"

namespace plainsight::engine::style_internal {

void SheetSet::BuildIndex() {
  uint32_t order = 1;
  for (const auto& rule : rules) {
    for (const css::ComplexSelector& sel : rule->selectors) {
      uses_focus = uses_focus || sel.uses_focus;
      switch (sel.pseudo_element) {
        case css::PseudoElement::kNone:
          elements.Add(&sel, rule.get(), order);
          break;
        case css::PseudoElement::kBefore:
          before.Add(&sel, rule.get(), order);
          break;
        case css::PseudoElement::kAfter:
          after.Add(&sel, rule.get(), order);
          break;
        case css::PseudoElement::kOther:
          break;
      }
    }
    ++order;
  }
}

const SheetSet& UserAgentSheet() {
  static const SheetSet* sheet = [] {
    auto* s = new SheetSet;
    css::SheetOptions options;
    options.user_agent = true;
    css::ParseStylesheet(css::kUserAgentStylesheet, options, &s->rules);
    s->BuildIndex();
    return s;
  }();
  return *sheet;
}

namespace {

// Does lowercased CSS text hold a number with a viewport unit (CSS Values 4 section 6.1.2:
// vw, vh, vi, vb, vmin, vmax and their s, l and d forms)? Errs towards yes: "1vi" inside a
// class name counts, which only costs a cascade that was not needed.
bool MentionsViewportUnit(std::string_view css) {
  for (size_t i = 0; i + 2 < css.size(); ++i) {
    if (css[i] < '0' || css[i] > '9') {
      continue;
    }
    size_t j = i + 1;
    if (css[j] == 's' || css[j] == 'l' || css[j] == 'd') {
      ++j;
    }
    if (j + 1 >= css.size() || css[j] != 'v') {
      continue;
    }
    const std::string_view unit = css.substr(j + 1, 3);
    if (unit[0] == 'w' || unit[0] == 'h' || unit[0] == 'i' || unit[0] == 'b' || unit == "min" ||
        unit == "max") {
      return true;
    }
  }
  return false;
}

bool HasToken(std::string_view list, std::string_view word) {
  for (std::string_view w : SplitWhitespace(list)) {
    if (css::EqualsIgnoreCase(w, word)) {
      return true;
    }
  }
  return false;
}

}  // namespace

void StylesImpl::CollectSheets(const Document& document, const MediaContext& media) {
  auto author = std::make_shared<SheetSet>();
  const ResourceLoader* loader = document.loader();
  auto fetch = [&](const std::string& url) -> std::optional<std::string> {
    if (loader == nullptr || !*loader) {
      warnings_.push_back("stylesheet " + url + " not loaded: no resource loader");
      return std::nullopt;
    }
    Result<std::string> body = (*loader)(url);
    if (!body) {
      warnings_.push_back("stylesheet " + url + " not loaded: " + body.error().ToString());
      return std::nullopt;
    }
    author_css_lower_ += AsciiLower(*body);
    author_css_lower_ += '\n';
    return std::move(body).value();
  };
  // Resolved only when a <style> element needs it: most pages have none, and URL parsing is
  // not free.
  std::optional<std::string> document_base;
  for (const Node* e : document.elements()) {
    if (const std::string* inline_style = e->Attr("style")) {
      author_css_lower_ += AsciiLower(*inline_style);
      author_css_lower_ += '\n';
    }
    const bool style =
        (e->ns() == Namespace::kHtml || e->ns() == Namespace::kSvg) && e->tag() == "style";
    const bool link = e->IsHtml("link");
    if (!style && !link) {
      continue;
    }
    if (e->ClosestHtmlAncestor("noscript") != nullptr) {
      continue;  // the audited browser runs scripts, so noscript content is inert text
    }
    if (const std::string* m = e->Attr("media");
        m != nullptr && !css::EvaluateMediaList(*m, media, &viewport_dependent_)) {
      continue;
    }
    css::SheetOptions options;
    options.media = media;
    options.viewport_read = &viewport_dependent_;
    options.fetch = fetch;
    options.warnings = &warnings_;
    if (style) {
      const std::string_view type = TrimWhitespace(e->AttrOr("type"));
      if (!type.empty() && !css::EqualsIgnoreCase(type, "text/css")) {
        continue;
      }
      if (!document_base) {
        document_base = document.ResolveUrl("");
      }
      options.base_url = *document_base;
      const std::string text = e->TextContent();
      author_css_lower_ += AsciiLower(text);
      author_css_lower_ += '\n';
      css::ParseStylesheet(text, options, &author->rules);
      continue;
    }
    const std::string_view rel = e->AttrOr("rel");
    const std::string_view href = TrimWhitespace(e->AttrOr("href"));
    if (!HasToken(rel, "stylesheet") || HasToken(rel, "alternate") || href.empty() ||
        e->HasAttribute("disabled")) {
      continue;
    }
    const std::string url = document.ResolveUrl(href);
    if (url.empty()) {
      warnings_.push_back("stylesheet " + std::string(href) + " not loaded: cannot resolve URL");
      continue;
    }
    std::optional<std::string> body = fetch(url);
    if (!body) {
      continue;
    }
    options.base_url = url;
    css::ParseStylesheet(*body, options, &author->rules);
  }
  author->BuildIndex();
  uses_focus_ = author->uses_focus || UserAgentSheet().uses_focus;
  viewport_dependent_ = viewport_dependent_ || MentionsViewportUnit(author_css_lower_);
  arena_->author = std::move(author);
}

}  // namespace plainsight::engine::style_internal

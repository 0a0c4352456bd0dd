// The CSS cascade: computed styles for every element of a Document.
//
// Normative sources: CSS Syntax Module Level 3 (tokenising and parsing), Selectors Level 4
// (matching and specificity), CSS Cascading and Inheritance Level 4 (origin, importance,
// specificity, order; inheritance; initial values), CSS Values 4 (computed lengths), Media
// Queries 4 (evaluated for a screen of MediaContext's size), and the HTML Standard's rendering
// section (the user-agent stylesheet: display:none for head/script/[hidden], headings, etc.).
//
// What cannot be known statically (a var() with no value, calc() mixing percentages, an
// unsupported function) is reported as unknown rather than guessed: StyleValue::known == false.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/dom.h"

namespace plainsight::engine {

// sRGB colour: r, g, b in 0..255, alpha in 0..1.
struct Rgba {
  double r = 0, g = 0, b = 0, a = 1;
  bool operator==(const Rgba&) const = default;
};

// The viewport the media queries are evaluated against.
struct MediaContext {
  double width_px = 1280;
  double height_px = 1024;
  // "screen"; print rules are not applied.
};

// One property's computed value, serialised: keywords lowercase, absolute lengths in px
// ("16px"), colours as "rgb(r, g, b)" / "rgba(r, g, b, a)".
struct StyleValue {
  std::string text;
  bool known = true;  // false: depends on things the static cascade cannot know
};

// The winning declaration for one property on one element (before inheritance), so that rules
// can ask where a value came from (ACT rules on !important in style attributes need it).
struct CascadedDeclaration {
  std::string value;  // as declared, trimmed, without "!important"
  bool important = false;
  bool from_style_attribute = false;
  bool user_agent = false;  // from the UA stylesheet
};

class ComputedStyle {
 public:
  // The computed value of a property (any of those listed in css/properties.cpp; others return
  // the initial value "" with known=true). Always returns a value: the initial one when unset.
  // Also answers "overflow" (from overflow-x/-y) and custom properties ("--name").
  const StyleValue& Get(std::string_view property) const;
  // The winning cascaded declaration for `property` on this element, nullptr if none applied
  // (the value is then inherited or initial).
  const CascadedDeclaration* Cascaded(std::string_view property) const;

  // Typed views; std::nullopt when the value is unknown or not of that type.
  bool DisplayNone() const;               // display: none
  bool VisibilityHidden() const;          // visibility: hidden or collapse
  bool ContentVisibilityHidden() const;   // content-visibility: hidden (contents skipped)
  std::optional<double> Opacity() const;  // 0..1, this element's own
  std::optional<Rgba> Color() const;      // currentColor resolved
  std::optional<Rgba> BackgroundColor() const;
  std::optional<double> FontSizePx() const;
  std::optional<int> FontWeight() const;  // 100..900 (bold = 700)
  // A length property in px (letter-spacing, word-spacing, line-height, width, height,
  // text-indent...); std::nullopt for keywords such as "normal" or "auto", and when unknown.
  // A unitless line-height (computed "1.5") is returned multiplied by the font size.
  std::optional<double> LengthPx(std::string_view property) const;

  // Implementation detail, used by Styles: property slot storage.
  struct Impl;
  explicit ComputedStyle(std::shared_ptr<Impl> impl);
  ComputedStyle();
  ~ComputedStyle();
  ComputedStyle(const ComputedStyle&);
  ComputedStyle& operator=(const ComputedStyle&);

 private:
  std::shared_ptr<Impl> impl_;
};

class Styles {
 public:
  // Runs the cascade for `document` (not its nested documents: compute those separately).
  // Stylesheets from <link rel=stylesheet> are fetched through document.loader(), if any; a
  // failure to load is a warning, not an error. Never fails: unparseable CSS is skipped per
  // CSS Syntax error recovery.
  static std::unique_ptr<Styles> Compute(const Document& document, const MediaContext& media = {});

  virtual ~Styles();

  // The computed style of an element of the document. Precondition: element.IsElement() and it
  // belongs to the document the styles were computed for.
  virtual const ComputedStyle& Of(const Node& element) const = 0;
  // The ::before / ::after pseudo-element's style, or nullptr when it generates no box
  // (content none/normal, or display none).
  virtual const ComputedStyle* Before(const Node& element) const = 0;
  virtual const ComputedStyle* After(const Node& element) const = 0;
  // The text the ::before / ::after 'content' property generates (strings, attr(), quotes
  // joined); std::nullopt when there is none, or when it cannot be known (counters, url()).
  virtual std::optional<std::string> BeforeText(const Node& element) const = 0;
  virtual std::optional<std::string> AfterText(const Node& element) const = 0;

  // Not rendered: the element or an ancestor has display:none (or is a non-rendered element
  // such as <head>, <script>, <template> content).
  virtual bool IsDisplayNone(const Node& element) const = 0;

  // The computed style `element` has while `focused` has keyboard focus: :focus and
  // :focus-visible match `focused`, :focus-within matches it and its ancestors (Selectors 4
  // section 9.3-9.5). Pass the same element twice for the focused element's own style. The
  // element inherits from its parent's style at rest, so a :focus-within rule on an ancestor
  // changes the element's inherited values only through rules matching the element itself; ask
  // about the ancestor to see its own change. Computed on each call (a match and a cascade for
  // one element), not kept; Of(element) when no author or UA selector mentions focus or the
  // element is not rendered. Not thread-safe, like Page::StylesFor.
  virtual ComputedStyle StyleWhileFocused(const Node& element, const Node& focused) const = 0;

  // Stylesheet load failures, skipped @-rules and the like, for reports.
  virtual const std::vector<std::string>& warnings() const = 0;

  // Does any author CSS (<style> elements, linked and imported sheets, style attributes)
  // contain `lowercase_needle`, ASCII case-insensitively? A cheap test rules use to skip work
  // that cannot matter ("no author CSS mentions overflow"). False positives are fine (a
  // comment may mention it); a false negative never happens.
  virtual bool AuthorCssMentions(std::string_view lowercase_needle) const = 0;

  // Could another viewport size or orientation give other styles? False when no media query
  // (a media attribute, @media, @import) read the viewport and no author CSS uses a viewport
  // unit (vw, vh, vi, vb, vmin, vmax and their s/l/d forms): the styles are then those of any
  // screen, and Page::StylesFor reuses them instead of computing the cascade again.
  virtual bool DependsOnViewport() const = 0;
};

// Parses a declaration list such as a style attribute's value ("color: red; width: 2px
// !important"). Invalid declarations are dropped, as CSS Syntax 3 says.
struct Declaration {
  std::string property;  // lowercase
  std::string value;     // trimmed, without !important
  bool important = false;
};

std::vector<Declaration> ParseDeclarationList(std::string_view css);

// Parses a CSS colour (named, #rgb[a], #rrggbb[aa], rgb[a](), hsl[a](), transparent).
std::optional<Rgba> ParseColor(std::string_view value);

}  // namespace plainsight::engine

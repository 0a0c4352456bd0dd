// html.color-contrast and html.color-contrast-enhanced: text stands out from its background.
// WCAG 2.2 SC 1.4.3 Contrast (Minimum) (AA: 4.5:1, 3:1 for large text) and 1.4.6 Contrast
// (Enhanced) (AAA: 7:1, 4.5:1); EN 301 549 9.1.4.3; ACT afw4f7 (Text has minimum contrast) and
// 09o5cg (Text has enhanced contrast).
// Targets are the visible text nodes that are children of HTML elements, except text of disabled
// widgets and groups, and text of labels of disabled widgets (ACT applicability).
// Interpretation: colours come from the cascade only. The text colour (with its alpha) and each
// ancestor's background colour and opacity are composited over a white canvas
// (visual_support.h ColorsOfText). When that cannot decide the colours (background images or
// gradients, positioned or transformed boxes, text-shadow, unknown values), the outcome is
// cantTell with the reason. Text whose colour equals its background is not visible (ACT) and is
// not a target. A failing ratio is reported cantTell rather than failed when the text may not be
// in a human language: only symbols or icon-font glyphs, or a glyph such as "X" that the
// element's author-given accessible name replaces (ACT: such text is exempt).
// Text in shadow trees built by scripts cannot be seen statically: the page gets cantTell.
#include <cstdint>
#include <cstdio>
#include <set>

#include "engine/aria/aria.h"
#include "engine/layout/text_colors.h"
#include "rules/catalog.h"
#include "rules/html/support/contrast.h"
#include "rules/html/support/scripts.h"
#include "rules/html/support/visible_text.h"
#include "rules/html/support/widgets.h"

namespace plainsight::rules {
namespace {

struct Thresholds {
  double normal;
  double large;
  const char* criterion;
};

bool IsFormControl(const engine::Node& e) {
  return e.IsHtml("button") || e.IsHtml("input") || e.IsHtml("select") || e.IsHtml("textarea");
}

// IsDisabledOrInDisabled for every element of the document, worked out from the top
// down (an element is disabled when it is itself, or its parent is), indexed by
// Node::element_index().
std::vector<uint8_t> DisabledByIndex(const engine::Document& doc) {
  const std::vector<const engine::Node*>& elements = doc.elements();
  std::vector<uint8_t> out(elements.size(), 0);
  for (size_t i = 0; i < elements.size(); ++i) {
    const engine::Node* e = elements[i];
    const engine::Node* parent = e->ParentElement();
    out[i] = IsDisabled(*e) ||
             (parent != nullptr && parent->element_index() < i && out[parent->element_index()]);
  }
  return out;
}

// Labels of disabled widgets: <label> elements of disabled form controls and the elements a
// disabled widget's aria-labelledby points to.
std::set<const engine::Node*> DisabledWidgetLabels(const engine::Page& page,
                                                   const std::vector<uint8_t>& disabled) {
  std::set<const engine::Node*> out;
  const engine::Accessibility& a11y = page.a11y();
  for (const engine::Node* e : page.document().elements()) {
    if (!disabled[e->element_index()]) {
      continue;
    }
    std::string_view role = a11y.Role(*e);
    bool widget = IsFormControl(*e) || (!role.empty() && engine::RoleInheritsFrom(role, "widget"));
    if (!widget) {
      continue;
    }
    for (const engine::Node* label : a11y.Labels(*e)) {
      out.insert(label);
    }
    for (std::string_view id : engine::SplitWhitespace(e->AttrOr("aria-labelledby"))) {
      if (const engine::Node* target = page.document().GetElementById(id)) {
        out.insert(target);
      }
    }
  }
  return out;
}

bool UnderAny(const engine::Node& e, const std::set<const engine::Node*>& set) {
  for (const engine::Node* n = &e; n && n->IsElement(); n = n->parent()) {
    if (set.count(n)) {
      return true;
    }
  }
  return false;
}

// ASCII case-insensitive containment.
bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle) {
  return engine::AsciiLower(haystack).find(engine::AsciiLower(needle)) != std::string::npos;
}

// The nearest ancestor-or-self with an author-given name (aria-label, aria-labelledby) whose
// name does not include the text: the text is then a visual stand-in (an icon glyph).
bool NameReplacesText(const engine::Page& page, const engine::Node& parent, std::string_view text) {
  for (const engine::Node* n = &parent; n && n->IsElement(); n = n->parent()) {
    if (n->HasAttribute("aria-label") || n->HasAttribute("aria-labelledby")) {
      return !ContainsIgnoreCase(page.a11y().AccessibleName(*n), engine::CollapseWhitespace(text));
    }
  }
  return false;
}

// The facts both contrast rules judge, worked out once per page (Page::Derived): each target
// parent with its visible text children, colours, contrast ratio and text size.
struct TextContrast {
  struct Target {
    const engine::Node* parent;
    std::vector<const engine::Node*> texts;
    engine::TextColors colors;
    double ratio = 0;  // when colors.known
    bool large = false;
  };

  bool builds_shadow_trees = false;
  std::vector<Target> targets;

  explicit TextContrast(const engine::Page& page) {
    const engine::Document& doc = page.document();
    if (doc.is_xml()) {
      return;
    }
    builds_shadow_trees = BuildsShadowTrees(page);
    const std::vector<uint8_t> disabled = DisabledByIndex(doc);
    std::set<const engine::Node*> disabled_labels = DisabledWidgetLabels(page, disabled);
    for (const engine::Node* parent : doc.elements()) {
      if (parent->ns() != engine::Namespace::kHtml) {
        continue;
      }
      std::vector<const engine::Node*> texts = VisibleTextChildren(page, *parent);
      if (texts.empty() || disabled[parent->element_index()] ||
          (!disabled_labels.empty() && UnderAny(*parent, disabled_labels))) {
        continue;
      }
      Target target{parent, std::move(texts), engine::ColorsOfText(page, *parent)};
      if (target.colors.known) {
        target.ratio = ContrastRatio(target.colors.foreground, target.colors.background);
        target.large = IsLargeScaleText(page.styles().Of(*parent));
      }
      targets.push_back(std::move(target));
    }
    // Kept for the page's life: a large page's doubling growth would leave up to half spare.
    if (targets.capacity() - targets.size() > 64) {
      targets.shrink_to_fit();
    }
  }
};

void CheckContrast(const engine::Page& page, engine::Findings& out, const Thresholds& t) {
  const engine::Document& doc = page.document();
  if (doc.is_xml()) {
    return;
  }
  const auto& contrast = page.Derived<TextContrast>();
  if (contrast.builds_shadow_trees && doc.html()) {
    out.CantTell(doc.html(),
                 "A script builds shadow trees whose text cannot be checked without "
                 "running it; check the contrast of text the scripts add.");
  }
  for (const TextContrast::Target& target : contrast.targets) {
    const engine::Node* parent = target.parent;
    const engine::TextColors& colors = target.colors;
    for (const engine::Node* text : target.texts) {
      if (!colors.known) {
        out.CantTell(parent, "Cannot work out the text's contrast: " + colors.reason +
                                 ". Check it reaches " + t.criterion + ".");
        continue;
      }
      double ratio = target.ratio;
      if (ratio < 1.0 + 1e-3) {
        continue;  // same colour as the background: not visible, so not a target (ACT)
      }
      bool large = target.large;
      double needed = large ? t.large : t.normal;
      if (ratio + 1e-9 >= needed) {
        out.Pass(parent);
        continue;
      }
      char buf[300];
      std::snprintf(buf, sizeof buf,
                    "The %stext has a contrast ratio of %.2f:1 with its background; %s needs "
                    "at least %.1f:1.",
                    large ? "large " : "", ratio, t.criterion, needed);
      std::string message = buf;
      if (!MayBeHumanLanguage(text->text())) {
        out.CantTell(parent, message +
                                 " The text is only symbols or icons: check whether it "
                                 "conveys anything in words.");
      } else if (NameReplacesText(page, *parent, text->text())) {
        out.CantTell(parent, message +
                                 " The element's accessible name replaces this text: "
                                 "check whether it is an icon rather than words.");
      } else {
        out.Fail(parent, message);
      }
    }
  }
}

void CheckMinimum(const engine::Page& page, engine::Findings& out) {
  CheckContrast(page, out, {4.5, 3.0, "WCAG 1.4.3"});
}

void CheckEnhanced(const engine::Page& page, engine::Findings& out) {
  CheckContrast(page, out, {7.0, 4.5, "WCAG 1.4.6"});
}

constexpr engine::RuleOption kOptionsMin[] = {
    {"min_ratio", 4.5, "contrast needed by normal text (WCAG 1.4.3)"},
    {"min_ratio_large", 3.0, "contrast needed by text of 24px, or 18.66px bold (WCAG 1.4.3)"}};
constexpr engine::RuleOption kOptionsEnh[] = {
    {"min_ratio", 7.0, "contrast needed by normal text (WCAG 1.4.6)"},
    {"min_ratio_large", 4.5, "contrast needed by text of 24px, or 18.66px bold (WCAG 1.4.6)"}};

constexpr std::string_view kWcagMin[] = {"1.4.3"};
constexpr std::string_view kEnMin[] = {"9.1.4.3"};
constexpr std::string_view kActMin[] = {"afw4f7"};
constexpr std::string_view kPassesMin[] = {
    R"(<p style="color: #333; background: #fff">Bin collection days</p>)",
    R"(<p style="color: #000; font-size: 24px; background: #666">Bin collection days</p>)",
};
constexpr std::string_view kFailsMin[] = {
    R"(<p style="color: #aaa; background: white">Bin collection days</p>)",
    R"(<div style="background: #fff"><p style="color: #000; opacity: .3">Bin collection days</p></div>)",
};
constexpr std::string_view kInapplicableMin[] = {
    R"(<p style="display: none; color: #aaa">Bin collection days</p>)",
    R"(<button style="color: #777; background: #eee" disabled>Send</button>)",
    R"(<p><img src="logo.png" alt="Council logo"></p>)",
};

constexpr std::string_view kWcagEnh[] = {"1.4.6"};
constexpr std::string_view kActEnh[] = {"09o5cg"};
constexpr std::string_view kPassesEnh[] = {
    R"(<p style="color: #333; background: #fff">Bin collection days</p>)",
};
constexpr std::string_view kFailsEnh[] = {
    R"(<p style="color: #666; background: white">Bin collection days</p>)",
    R"(<p style="color: #000; font-size: 24px; background: #666">Bin collection days</p>)",
};
constexpr std::string_view kInapplicableEnh[] = {
    R"(<p style="position: absolute; top: -999em; color: #aaa">Bin collection days</p>)",
    R"(<fieldset disabled style="color: #888"><label>Name <input></label></fieldset>)",
};

}  // namespace

extern const engine::Rule kHtmlColorContrast{
    .id = "html.color-contrast",
    .summary = "Text has enough contrast with its background",
    .why =
        "Pale text on a light background, or dark on dark, is hard or impossible to read for "
        "people with low vision or colour blindness, and for anyone in bright sunlight.",
    .help =
        "Darken the text or lighten the background (or the reverse) until the contrast ratio "
        "is at least 4.5:1, or 3:1 for text of 24px or bold text of 18.66px and more.",
    .wcag = kWcagMin,
    .en301549 = kEnMin,
    .act = kActMin,
    .impact = engine::Impact::kSerious,
    .check = &CheckMinimum,
    .passes = kPassesMin,
    .fails = kFailsMin,
    .inapplicable = kInapplicableMin,
    .options = kOptionsMin,
    .level = "AA"};

extern const engine::Rule kHtmlColorContrastEnhanced{
    .id = "html.color-contrast-enhanced",
    .summary = "Text has enhanced contrast with its background (AAA)",
    .why =
        "People with moderately low vision, and older readers, need stronger contrast than the "
        "AA minimum to read comfortably.",
    .help =
        "Raise the contrast ratio to at least 7:1, or 4.5:1 for text of 24px or bold text of "
        "18.66px and more.",
    .wcag = kWcagEnh,
    .en301549 = {},
    .act = kActEnh,
    .impact = engine::Impact::kModerate,
    .check = &CheckEnhanced,
    .passes = kPassesEnh,
    .fails = kFailsEnh,
    .inapplicable = kInapplicableEnh,
    .options = kOptionsEnh,
    .level = "AAA"};

}  // namespace plainsight::rules

// Accessible names and descriptions: Accessible Name and Description Computation 1.2 section 4.3
// (steps 2A-2I: hidden, aria-labelledby, aria-label, host language, name from content, tooltip),
// with HTML-AAM 4.1's rules per element (img alt, input values and types, label elements, fieldset
// legend, table caption, figure figcaption, title, placeholder) and SVG-AAM 8.1 (title, desc);
// label association per HTML 4.10.4.
#include <algorithm>
#include <ranges>

#include "engine/aria/accessibility_internal.h"

namespace plainsight::engine {

using namespace a11y_internal;

// "Has an accessible name" for the roles that depend on it (section, form, aside): only
// author-provided names count, and computing them must not ask for the element's role.
bool AccessibilityImpl::HasAuthorName(const Accessibility& a, Cache& c, const Node& e) {
  for (const Node* ref : IdRefs(a, c, e, "aria-labelledby")) {
    NameContext ctx;
    ctx.root = &e;
    Step step{true, true, true};
    if (!CollapseWhitespace(TextAlternative(a, c, *ref, ctx, step)).empty()) {
      return true;
    }
  }
  return !TrimWhitespace(e.AttrOr("aria-label")).empty() ||
         !TrimWhitespace(e.AttrOr("title")).empty();
}

bool AccessibilityImpl::HiddenForName(const Accessibility& a, Cache& c, const Node& e) {
  const Cache::Flags& f = Flags(a, c, e);
  return f.invisible || f.aria_hidden;
}

std::string AccessibilityImpl::ControlValue(const Accessibility& a, Cache& c, const Node& e,
                                            std::string_view role, NameContext& ctx) {
  if (role == "textbox" || role == "searchbox") {
    if (e.IsHtml("input")) {
      return std::string(e.AttrOr("value"));
    }
    if (e.IsHtml("textarea")) {
      return e.TextContent();
    }
    return e.TextContent();
  }
  if (role == "combobox" || role == "listbox") {
    if (e.IsHtml("select")) {
      std::vector<const Node*> options;
      CollectOptions(e, options);
      std::string out;
      bool any_selected = false;
      for (const Node* o : options) {
        if (o->HasAttribute("selected")) {
          any_selected = true;
          AppendWithSpace(out, OptionText(*o));
          if (!e.HasAttribute("multiple")) {
            break;
          }
        }
      }
      if (!any_selected && role == "combobox" && !options.empty()) {
        out = OptionText(*options.front());  // a single select shows its first option
      }
      return out;
    }
    if (e.IsHtml("input")) {
      return std::string(e.AttrOr("value"));
    }
    // ARIA widgets: the selected options' text alternatives.
    std::string out;
    CollectAriaSelected(a, c, e, ctx, out);
    return out;
  }
  // Range roles.
  if (const std::string* text = e.Attr("aria-valuetext")) {
    return *text;
  }
  if (const std::string* now = e.Attr("aria-valuenow")) {
    return *now;
  }
  if (e.IsHtml("input")) {
    if (const std::string* v = e.Attr("value")) {
      return *v;
    }
    if (InputType(e) == "range") {
      // HTML: the default value of a range is the midpoint of min (0) and max (100).
      double min = 0;
      double max = 100;
      if (auto m = ParseHtmlInteger(e.AttrOr("min"))) {
        min = static_cast<double>(*m);
      }
      if (auto m = ParseHtmlInteger(e.AttrOr("max"))) {
        max = static_cast<double>(*m);
      }
      double mid = max < min ? min : min + (max - min) / 2;
      std::string s = std::to_string(mid);
      s.erase(s.find_last_not_of('0') + 1);
      if (!s.empty() && s.back() == '.') {
        s.pop_back();
      }
      return s;
    }
  }
  return "";
}

void AccessibilityImpl::CollectOptions(const Node& e, std::vector<const Node*>& out) {
  for (const Node* child : e.children()) {
    if (child->IsHtml("option")) {
      out.push_back(child);
    } else if (child->IsHtml("optgroup")) {
      CollectOptions(*child, out);
    }
  }
}

std::string AccessibilityImpl::OptionText(const Node& option) {
  if (const std::string* label = option.Attr("label"); label != nullptr && !label->empty()) {
    return *label;
  }
  return CollapseWhitespace(option.TextContent());
}

void AccessibilityImpl::CollectAriaSelected(const Accessibility& a, Cache& c, const Node& e,
                                            NameContext& ctx, std::string& out) {
  // Iterative walk of the widget's subtree for role=option with aria-selected=true.
  std::vector<const Node*> stack(e.children().rbegin(), e.children().rend());
  while (!stack.empty()) {
    const Node* n = stack.back();
    stack.pop_back();
    if (!n->IsElement()) {
      continue;
    }
    if (a.Role(*n) == "option" && AttrEquals(*n, "aria-selected", "true")) {
      Step step{false, false, true};
      AppendWithSpace(out, TextAlternative(a, c, *n, ctx, step));
      continue;
    }
    for (auto it = n->children().rbegin(); it != n->children().rend(); ++it) {
      stack.push_back(*it);
    }
  }
}

const std::vector<const Node*>& AccessibilityImpl::LabelsOf(const Accessibility& a, Cache& c,
                                                            const Node& e) {
  if (!c.labels_done) {
    c.labels_done = true;
    for (const Node* label : a.document().elements()) {
      if (!label->IsHtml("label")) {
        continue;
      }
      const Node* target = nullptr;
      if (const std::string* f = label->Attr("for")) {
        const Node* candidate = ById(a, c, *f);
        if (candidate != nullptr && IsLabelable(*candidate)) {
          target = candidate;
        }
      } else {
        // The first labelable descendant in tree order.
        std::vector<const Node*> stack(label->children().rbegin(), label->children().rend());
        while (!stack.empty() && target == nullptr) {
          const Node* n = stack.back();
          stack.pop_back();
          if (!n->IsElement()) {
            continue;
          }
          if (IsLabelable(*n)) {
            target = n;
            break;
          }
          for (auto it = n->children().rbegin(); it != n->children().rend(); ++it) {
            stack.push_back(*it);
          }
        }
      }
      if (target != nullptr) {
        c.labels[target].push_back(label);
      }
    }
  }
  static const std::vector<const Node*> kNone;
  auto it = c.labels.find(&e);
  return it == c.labels.end() ? kNone : it->second;
}

const Node* AccessibilityImpl::FirstChildHtml(const Node& e, std::string_view tag) {
  for (const Node* child : e.children()) {
    if (child->IsHtml(tag)) {
      return child;
    }
  }
  return nullptr;
}

// Content of a native text alternative element (label, legend, caption, figcaption, svg
// title): name from content of that element, in a recursive traversal.
std::string AccessibilityImpl::ContentOf(const Accessibility& a, Cache& c, const Node& e,
                                         NameContext& ctx, const Step& step) {
  Step inner = step;
  inner.recursion = true;
  return NameFromContentText(a, c, e, ctx, inner);
}

// accname 2E: the host language's own text alternative. std::nullopt when it provides none
// (so the computation continues); a value (possibly "") when it does.
std::optional<std::string> AccessibilityImpl::HostLanguageName(const Accessibility& a, Cache& c,
                                                               const Node& e, NameContext& ctx,
                                                               const Step& step) {
  if (e.ns() == Namespace::kSvg) {
    if (const Node* title = SvgTitle(e)) {
      std::string text = CollapseWhitespace(title->TextContent());
      if (!text.empty()) {
        return text;
      }
    }
    if (e.tag() == "a") {
      std::string_view t = TrimWhitespace(e.AttrOr("xlink:title"));
      if (!t.empty()) {
        return std::string(t);
      }
    }
    return std::nullopt;
  }
  if (e.ns() != Namespace::kHtml) {
    return std::nullopt;
  }
  const std::string_view t = e.tag();
  if (t == "input") {
    std::string type = InputType(e);
    if (type == "button" || type == "submit" || type == "reset") {
      std::string_view value = e.AttrOr("value");
      if (!TrimWhitespace(value).empty()) {
        return std::string(value);
      }
      if (type == "submit") {
        return std::string("Submit");
      }
      if (type == "reset") {
        return std::string("Reset");
      }
      return std::nullopt;
    }
    if (type == "image") {
      std::string labelled = LabelText(a, c, e, ctx, step);
      if (!labelled.empty()) {
        return labelled;
      }
      std::string_view alt = TrimWhitespace(e.AttrOr("alt"));
      if (!alt.empty()) {
        return std::string(alt);
      }
      std::string_view value = TrimWhitespace(e.AttrOr("value"));
      if (!value.empty()) {
        return std::string(value);
      }
      // Interpretation: HTML-AAM's last resort "Submit Query" is a browser default, not a
      // name the author gave; ACT rule 59796f fails such buttons, so it is not returned.
      return std::nullopt;
    }
  }
  if (IsLabelable(e)) {
    std::string labelled = LabelText(a, c, e, ctx, step);
    if (!labelled.empty()) {
      return labelled;
    }
    return std::nullopt;
  }
  if (t == "img" || t == "area") {
    if (const std::string* alt = e.Attr("alt")) {
      if (!TrimWhitespace(*alt).empty()) {
        return *alt;
      }
    }
    return std::nullopt;
  }
  if (t == "fieldset") {
    if (const Node* legend = FirstChildHtml(e, "legend")) {
      std::string text = ContentOf(a, c, *legend, ctx, step);
      if (!CollapseWhitespace(text).empty()) {
        return text;
      }
    }
    return std::nullopt;
  }
  if (t == "figure") {
    if (const Node* caption = FirstChildHtml(e, "figcaption")) {
      std::string text = ContentOf(a, c, *caption, ctx, step);
      if (!CollapseWhitespace(text).empty()) {
        return text;
      }
    }
    return std::nullopt;
  }
  if (t == "table") {
    if (const Node* caption = FirstChildHtml(e, "caption")) {
      std::string text = ContentOf(a, c, *caption, ctx, step);
      if (!CollapseWhitespace(text).empty()) {
        return text;
      }
    }
    return std::nullopt;
  }
  if (t == "optgroup") {
    std::string_view label = TrimWhitespace(e.AttrOr("label"));
    if (!label.empty()) {
      return std::string(label);
    }
    return std::nullopt;
  }
  if (t == "option") {
    std::string_view label = TrimWhitespace(e.AttrOr("label"));
    if (!label.empty()) {
      return std::string(label);
    }
    return std::nullopt;
  }
  return std::nullopt;
}

std::string AccessibilityImpl::LabelText(const Accessibility& a, Cache& c, const Node& e,
                                         NameContext& ctx, const Step& step) {
  std::string out;
  for (const Node* label : LabelsOf(a, c, e)) {
    if (ctx.visited.count(label) != 0) {
      continue;
    }
    // Interpretation: a hidden label still names its control (as a hidden aria-labelledby
    // target does, accname 2A), including its hidden content.
    Step inner = step;
    inner.recursion = true;
    inner.allow_hidden = step.allow_hidden || HiddenForName(a, c, *label);
    ctx.visited.insert(label);
    AppendWithSpace(out, CollapseWhitespace(NameFromContentText(a, c, *label, ctx, inner)));
  }
  return out;
}

bool AccessibilityImpl::IsBlock(const Accessibility& a, const Node& e) {
  if (e.IsHtml("br")) {
    return true;
  }
  if (!OwnDocument(a, e)) {
    return false;
  }
  return IsBlockDisplay(a.styles().Of(e).Get("display").text);
}

// accname 1.2 2F.iii: block-level boxes are separated from their neighbours by a space.
bool AccessibilityImpl::IsBlockDisplay(std::string_view d) {
  return !(d.empty() || d.rfind("inline", 0) == 0 || d == "contents" || d == "none");
}

void AccessibilityImpl::AppendPseudo(std::string& out, const std::optional<std::string>& text,
                                     const ComputedStyle* style) {
  if (!text) {
    return;
  }
  bool block = style != nullptr && IsBlockDisplay(style->Get("display").text);
  if (block) {
    out.push_back(' ');
  }
  out.append(*text);
  if (block) {
    out.push_back(' ');
  }
}

// accname 2F: the text of the node's ::before, children (and aria-owns targets), ::after.
std::string AccessibilityImpl::NameFromContentText(const Accessibility& a, Cache& c, const Node& e,
                                                   NameContext& ctx, const Step& step) {
  std::string out;
  bool own = OwnDocument(a, e);
  if (own) {
    AppendPseudo(out, a.styles().BeforeText(e), a.styles().Before(e));
  }
  Step child_step = step;
  child_step.recursion = true;
  auto add_child = [&](const Node& child) {
    if (child.IsText()) {
      out.append(child.text());
      return;
    }
    if (!child.IsElement()) {
      return;
    }
    // Interpretation: the control being named is left out of its own label's text (browsers
    // do this: <label>Name <input value=x></label> is "Name", not "Name x").
    if (ctx.visited.count(&child) != 0 || &child == ctx.root) {
      return;
    }
    std::string text = TextAlternative(a, c, child, ctx, child_step);
    if (IsBlock(a, child)) {
      out.push_back(' ');
      out.append(text);
      out.push_back(' ');
    } else {
      out.append(text);
    }
  };
  for (const Node* child : e.children()) {
    add_child(*child);
  }
  EnsureOwners(a, c);
  if (!c.owns.empty()) {
    auto owned = c.owns.find(&e);
    if (owned != c.owns.end()) {
      for (const Node* target : owned->second) {
        out.push_back(' ');
        add_child(*target);
      }
    }
  }
  if (own) {
    AppendPseudo(out, a.styles().AfterText(e), a.styles().After(e));
  }
  return out;
}

bool AccessibilityImpl::AllowsNameFromContent(const Accessibility& a, const Node& e,
                                              std::string_view role) {
  if (const RoleInfo* info = FindRole(role); info != nullptr && !role.empty()) {
    if (info->name_from == NameFrom::kContents) {
      return true;
    }
  }
  // HTML-AAM: summary takes its name from its content; so does an option.
  if (role.empty() && (e.IsHtml("summary") || e.IsHtml("option"))) {
    return true;
  }
  return false;
}

bool AccessibilityImpl::IsEmbeddedControlRole(std::string_view role) {
  return role == "textbox" || role == "searchbox" || role == "combobox" || role == "listbox" ||
         role == "slider" || role == "spinbutton" || role == "scrollbar" || role == "progressbar" ||
         role == "meter";
}

// accname 1.2 4.3.2, for one node. `step` tells how the node was reached.
std::string AccessibilityImpl::TextAlternative(const Accessibility& a, Cache& c, const Node& e,
                                               NameContext& ctx, const Step& step) {
  if (e.IsText()) {
    return std::string(e.text());  // 2G
  }
  if (!e.IsElement()) {
    return "";
  }
  // Deeper than the parser's default nesting cap (ParseOptions::max_depth = 512) only through
  // aria-owns chains: stop rather than overflow the stack.
  if (ctx.depth > 600) {
    return "";
  }

  struct DepthGuard {
    int& d;

    explicit DepthGuard(int& depth) : d(depth) { ++d; }

    ~DepthGuard() { --d; }
  } guard(ctx.depth);

  bool is_root = &e == ctx.root && !step.recursion;
  if (&e != ctx.root) {
    ctx.visited.insert(&e);
  }

  // 2A: hidden nodes contribute nothing, unless the traversal started at a hidden node.
  if (!step.allow_hidden && !is_root && HiddenForName(a, c, e)) {
    return "";
  }
  // Interpretation: comments, <script>, <style> and the like never contribute text.
  if (e.IsHtml("script") || e.IsHtml("style") || e.IsHtml("template") || e.IsHtml("noscript")) {
    return "";
  }

  // 2B: aria-labelledby, not followed from inside another labelledby traversal.
  if (!step.in_labelledby) {
    std::vector<const Node*> refs = IdRefs(a, c, e, "aria-labelledby");
    if (!refs.empty()) {
      std::string out;
      for (const Node* ref : refs) {
        Step inner;
        inner.in_labelledby = true;
        inner.recursion = true;
        inner.allow_hidden = step.allow_hidden || HiddenForName(a, c, *ref);
        // The referenced node is processed even if it is the root (self-reference).
        AppendWithSpace(out, CollapseWhitespace(TextAlternative(a, c, *ref, ctx, inner)));
      }
      if (!CollapseWhitespace(out).empty()) {
        return out;
      }
    }
  }

  std::string_view role = a.Role(e);
  // 2C: an embedded control inside a label or content traversal gives its value.
  if (step.recursion && &e != ctx.root && IsEmbeddedControlRole(role)) {
    return ControlValue(a, c, e, role, ctx);
  }
  // 2D: aria-label.
  if (const std::string* label = e.Attr("aria-label")) {
    if (!TrimWhitespace(*label).empty()) {
      return *label;
    }
  }
  // 2E: host language label, unless presentational.
  if (role != "none") {
    if (std::optional<std::string> native = HostLanguageName(a, c, e, ctx, step)) {
      return *native;
    }
  }
  // 2F: name from content.
  if (step.recursion || AllowsNameFromContent(a, e, role)) {
    std::string text = NameFromContentText(a, c, e, ctx, step);
    if (!CollapseWhitespace(text).empty()) {
      return text;
    }
  }
  // 2I: tooltip (title), then for text fields the placeholder (HTML-AAM 4.1.1).
  if (const std::string* title = e.Attr("title")) {
    if (!TrimWhitespace(*title).empty()) {
      return *title;
    }
  }
  if (e.IsHtml("textarea") || (e.IsHtml("input") && IsTextInputType(InputType(e)))) {
    std::string_view placeholder = TrimWhitespace(e.AttrOr("placeholder"));
    if (!placeholder.empty()) {
      return std::string(placeholder);
    }
  }
  if (role == "textbox" || role == "searchbox") {
    std::string_view placeholder = TrimWhitespace(e.AttrOr("aria-placeholder"));
    if (!placeholder.empty()) {
      return std::string(placeholder);
    }
  }
  return "";
}

std::string AccessibilityImpl::ComputeName(const Accessibility& a, Cache& c, const Node& e) {
  NameContext ctx;
  ctx.root = &e;
  Step step;
  // Asked about a hidden element directly: compute its name as if it were rendered.
  step.allow_hidden = HiddenForName(a, c, e);
  return CollapseWhitespace(TextAlternative(a, c, e, ctx, step));
}

std::string AccessibilityImpl::ComputeDescription(const Accessibility& a, Cache& c, const Node& e) {
  std::vector<const Node*> refs = IdRefs(a, c, e, "aria-describedby");
  if (!refs.empty()) {
    NameContext ctx;
    ctx.root = &e;
    std::string out;
    for (const Node* ref : refs) {
      Step inner;
      inner.in_labelledby = true;
      inner.recursion = true;
      inner.allow_hidden = HiddenForName(a, c, *ref);
      AppendWithSpace(out, CollapseWhitespace(TextAlternative(a, c, *ref, ctx, inner)));
    }
    std::string collapsed = CollapseWhitespace(out);
    if (!collapsed.empty()) {
      return collapsed;
    }
  }
  std::string description = CollapseWhitespace(e.AttrOr("aria-description"));
  if (!description.empty()) {
    return description;
  }
  // SVG-AAM 1.0 8.2: the first <desc> child describes an SVG element.
  if (e.ns() == Namespace::kSvg) {
    for (const Node* child : e.children()) {
      if (child->IsElement() && child->ns() == Namespace::kSvg && child->tag() == "desc") {
        std::string text = CollapseWhitespace(child->TextContent());
        if (!text.empty()) {
          return text;
        }
        break;
      }
    }
  }
  // HTML-AAM: title, when it did not give the name.
  std::string title = CollapseWhitespace(e.AttrOr("title"));
  if (!title.empty() && title != a.AccessibleName(e)) {
    return title;
  }
  // HTML-AAM 4.1.1: a placeholder not used as the name describes the field.
  std::string placeholder = CollapseWhitespace(e.AttrOr("placeholder"));
  if (!placeholder.empty() && placeholder != a.AccessibleName(e) &&
      (e.IsHtml("input") || e.IsHtml("textarea"))) {
    return placeholder;
  }
  return "";
}

std::string Accessibility::AccessibleName(const Node& element) const {
  if (!element.IsElement()) {
    return {};
  }
  auto it = cache_->names.find(&element);
  if (it != cache_->names.end()) {
    return it->second;
  }
  std::string name = AccessibilityImpl::ComputeName(*this, *cache_, element);
  cache_->names.emplace(&element, name);
  return name;
}

std::string Accessibility::AccessibleDescription(const Node& element) const {
  if (!element.IsElement()) {
    return {};
  }
  auto it = cache_->descriptions.find(&element);
  if (it != cache_->descriptions.end()) {
    return it->second;
  }
  std::string description = AccessibilityImpl::ComputeDescription(*this, *cache_, element);
  cache_->descriptions.emplace(&element, description);
  return description;
}

bool Accessibility::NameFromContent(const Node& element) const {
  if (!element.IsElement()) {
    return false;
  }
  return AccessibilityImpl::AllowsNameFromContent(*this, element, Role(element));
}

std::vector<const Node*> Accessibility::Labels(const Node& element) const {
  if (!element.IsElement()) {
    return {};
  }
  return AccessibilityImpl::LabelsOf(*this, *cache_, element);
}

}  // namespace plainsight::engine

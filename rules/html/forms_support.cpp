// Helpers shared by the form rules.
#include "rules/html/forms_support.h"

#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"

namespace plainsight::rules::forms {

bool IsLabelable(const engine::Node& e) {
  if (!e.IsElement() || e.ns() != engine::Namespace::kHtml) {
    return false;
  }
  const std::string& t = e.tag();
  if (t == "input") {
    return InputType(e) != "hidden";
  }
  return t == "button" || t == "meter" || t == "output" || t == "progress" || t == "select" ||
         t == "textarea";
}

std::string InputType(const engine::Node& input) {
  static constexpr std::string_view kTypes[] = {
      "hidden", "text",  "search",         "tel",    "url",   "email", "password", "date",  "month",
      "week",   "time",  "datetime-local", "number", "range", "color", "checkbox", "radio", "file",
      "submit", "image", "reset",          "button"};
  std::string type = engine::AsciiLower(engine::TrimWhitespace(input.AttrOr("type")));
  for (std::string_view t : kTypes) {
    if (type == t) {
      return type;
    }
  }
  return "text";
}

bool IsDataField(const engine::Node& e) {
  if (e.IsHtml("select") || e.IsHtml("textarea")) {
    return true;
  }
  if (!e.IsHtml("input")) {
    return false;
  }
  const std::string type = InputType(e);
  return type != "hidden" && type != "submit" && type != "reset" && type != "button" &&
         type != "image";
}

const engine::Node* GroupOf(const engine::Page& page, const engine::Node& element) {
  const engine::Page& p = page.PageFor(element);
  for (const engine::Node* n = element.ParentElement(); n != nullptr; n = n->ParentElement()) {
    if (n->IsHtml("fieldset")) {
      return n;
    }
    const std::string_view role = p.a11y().Role(*n);
    if (role == "group" || role == "radiogroup") {
      return n;
    }
  }
  return nullptr;
}

const engine::Node* FormOwner(const engine::Node& control) {
  if (const std::string* form = control.Attr("form")) {
    return control.document().GetElementById(*form);
  }
  return control.ClosestHtmlAncestor("form");
}

std::string GroupName(const engine::Page& page, const engine::Node& element) {
  const engine::Node* group = GroupOf(page, element);
  return group == nullptr ? std::string() : NameOf(page.PageFor(*group), *group);
}

bool IsMarkedRequired(const engine::Node& e) {
  if ((e.IsHtml("input") || e.IsHtml("select") || e.IsHtml("textarea")) &&
      e.HasAttribute("required")) {
    return true;
  }
  const std::string* aria = e.Attr("aria-required");
  return aria != nullptr && engine::EqualsIgnoreCase(engine::TrimWhitespace(*aria), "true");
}

}  // namespace plainsight::rules::forms

// Helpers shared by the keyboard rules.
#include "rules/html/keyboard_support.h"

#include <string>

#include "rules/html/support/targets.h"
#include "rules/support.h"

namespace plainsight::rules::keyboard {
namespace {
constexpr std::string_view kKeyHandlers[] = {"onkeydown", "onkeyup", "onkeypress"};
}  // namespace

bool HasHandler(const engine::Node& element, std::span<const std::string_view> names) {
  for (const engine::Attribute& a : element.attributes()) {
    if (a.name.size() < 3 || a.name[0] != 'o' || a.name[1] != 'n') {
      continue;
    }
    for (std::string_view n : names) {
      if (a.name == n && !engine::TrimWhitespace(a.value).empty()) {
        return true;
      }
    }
  }
  return false;
}

bool HasClickHandler(const engine::Node& element) {
  return HasHandler(element, targets::kClickHandlers);
}

bool HasKeyHandlerOnOrAbove(const engine::Node& element) {
  for (const engine::Node* n = &element; n != nullptr && n->IsElement(); n = n->parent()) {
    if (HasHandler(*n, kKeyHandlers)) {
      return true;
    }
  }
  return false;
}

bool NativelyFocusable(const engine::Node& e) {
  if (!e.IsElement()) {
    return false;
  }
  if (e.ns() == engine::Namespace::kSvg) {
    return e.tag() == "a" && (e.HasAttribute("href") || e.HasAttribute("xlink:href"));
  }
  if (e.ns() != engine::Namespace::kHtml) {
    return false;
  }
  const std::string& t = e.tag();
  if (t == "a" || t == "area") {
    return e.HasAttribute("href");
  }
  if (t == "input") {
    return !engine::EqualsIgnoreCase(engine::TrimWhitespace(e.AttrOr("type")), "hidden");
  }
  if (t == "button" || t == "select" || t == "textarea" || t == "iframe") {
    return true;
  }
  if (t == "summary") {
    const engine::Node* parent = e.ParentElement();
    return parent != nullptr && parent->IsHtml("details");
  }
  if (t == "audio" || t == "video") {
    return e.HasAttribute("controls");
  }
  const std::string* editable = e.Attr("contenteditable");
  return editable != nullptr && !engine::EqualsIgnoreCase(*editable, "false");
}

namespace {

bool MentionsKeys(std::string_view code) {
  static constexpr std::string_view kWords[] = {"keydown", "keyup",   "keypress",
                                                ".key",    "keycode", "which"};
  return ContainsAnyOf(engine::AsciiLower(code), kWords);
}

struct KeyScriptFacts {
  explicit KeyScriptFacts(const engine::Page& page) {
    for (const engine::Node* e : page.document().elements()) {
      if (e->IsHtml("script")) {
        const std::string type = engine::AsciiLower(engine::TrimWhitespace(e->AttrOr("type")));
        // HTML 4.12.1: these types run; anything else is a data block.
        if (!(type.empty() || type == "module" || type == "text/javascript" ||
              type == "application/javascript" || type == "text/ecmascript")) {
          continue;
        }
        if (e->HasAttribute("src")) {
          verdict = KeyScripts::kUnknown;
          return;
        }
        if (MentionsKeys(e->TextContent())) {
          verdict = KeyScripts::kInline;
        }
        continue;
      }
      if (HasHandler(*e, kKeyHandlers)) {
        verdict = KeyScripts::kInline;
      }
    }
  }

  KeyScripts verdict = KeyScripts::kNone;
};

}  // namespace

KeyScripts KeyScriptsOf(const engine::Page& page) {
  return page.Derived<KeyScriptFacts>().verdict;
}

}  // namespace plainsight::rules::keyboard

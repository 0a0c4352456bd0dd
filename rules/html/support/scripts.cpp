// Scripts and shadow trees: see scripts.h.
#include "rules/html/support/scripts.h"

#include <string>
#include <string_view>

namespace plainsight::rules {
namespace {

// Does `s`, without leading whitespace, start with "javascript:" in any case?
bool IsJavascriptUrl(std::string_view s) {
  s = engine::TrimWhitespace(s);
  constexpr std::string_view kScheme = "javascript:";
  return s.size() >= kScheme.size() &&
         engine::EqualsIgnoreCase(s.substr(0, kScheme.size()), kScheme);
}

// Worked out once per page (Page::Derived): three verdicts and a rule ask.
struct ScriptFacts {
  explicit ScriptFacts(const engine::Page& page) {
    for (const engine::Node* e : page.document().elements()) {
      if (e->IsHtml("script")) {
        std::string type = engine::AsciiLower(engine::TrimWhitespace(e->AttrOr("type")));
        // HTML 4.12.1: these types are classic or module scripts; anything else is a data block.
        if (type.empty() || type == "module" || type == "text/javascript" ||
            type == "application/javascript" || type == "text/ecmascript") {
          has_scripts = true;
          return;
        }
      }
      for (const engine::Attribute& a : e->attributes()) {
        if (a.name.size() > 2 && a.name.compare(0, 2, "on") == 0) {
          has_scripts = true;
          return;
        }
        if ((a.name == "href" || a.name == "src" || a.name == "action") &&
            IsJavascriptUrl(a.value)) {
          has_scripts = true;
          return;
        }
      }
    }
  }

  bool has_scripts = false;
};

// Worked out once per page (Page::Derived): several rules ask.
struct ShadowTreeFacts {
  explicit ShadowTreeFacts(const engine::Page& page) {
    for (const engine::Node* e : page.document().elements()) {
      if (e->HasAttribute("shadowrootmode") ||
          (e->IsHtml("script") && e->TextContent().find("attachShadow") != std::string::npos)) {
        builds = true;
        return;
      }
    }
  }

  bool builds = false;
};

}  // namespace

bool HasScripts(const engine::Page& page) {
  return page.Derived<ScriptFacts>().has_scripts;
}

bool BuildsShadowTrees(const engine::Page& page) {
  return page.Derived<ShadowTreeFacts>().builds;
}

}  // namespace plainsight::rules

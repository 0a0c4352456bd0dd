// html.link-href-placeholder: links lead somewhere; actions are buttons. WCAG 2.2 SC 4.1.2 Name,
// Role, Value (A); EN 301 549 9.4.1.2; and SC 2.1.1 Keyboard, as the ARIA Authoring Practices
// note: a link whose href is "#" or a javascript: URL is announced as a link but acts as a
// button, or does nothing without scripts.
// Interpretation: targets are HTML a and area elements with an href, rendered, in the
// accessibility tree and exposed as links (an element given role=button is not a target: its
// role is right, and html.link-button-keys looks at its keys). A javascript: URL, or an href
// that is "#" alone (after trimming) on an element with an event handler attribute, fails as a
// warning: the page shows no destination, so the element most likely performs an action (a
// script may still navigate, which a person can see). "#" on a page with scripts but no handler
// on the link needs a person (cantTell: a script may attach one); on a page without scripts it
// passes, as it goes to the top of the page (HTML 7.4.6.4; the ACT cases use it so, 6cfa84).
// Other hrefs pass.
#include <string>

#include "rules/catalog.h"
#include "rules/html/link_support.h"
#include "rules/html/support/descriptive_text.h"
#include "rules/html/support/landmarks.h"
#include "rules/html/support/links.h"
#include "rules/html/support/names.h"
#include "rules/html/support/roles.h"
#include "rules/html/support/scripts.h"
#include "rules/html/support/targets.h"

namespace plainsight::rules {
namespace {

bool HasHandler(const engine::Node& e) {
  for (const engine::Attribute& a : e.attributes()) {
    if (a.name.size() > 2 && a.name.compare(0, 2, "on") == 0) {
      return true;
    }
  }
  return false;
}

void Check(const engine::Page& page, engine::Findings& out) {
  ForEachElement(page, [&](const engine::Page& p, const engine::Node& e) {
    if (!links::IsExposedLink(p, e)) {
      return;
    }
    const std::string href = engine::AsciiLower(engine::TrimWhitespace(e.AttrOr("href")));
    if (href == "#") {
      if (HasHandler(e)) {
        out.Warn(&e,
                 "This link's href is \"#\" and a script handles it: it most likely performs "
                 "an action, and is announced as a link rather than a button.");
      } else if (HasScripts(p)) {
        out.CantTell(&e,
                     "This link's href is \"#\": check whether a script makes it perform an "
                     "action (then it should be a button) or it only goes to the top of the "
                     "page.");
      } else {
        out.Pass(&e);  // without scripts, "#" goes to the top of the page (HTML 7.4.6.4)
      }
    } else if (href.rfind("javascript:", 0) == 0) {
      out.Warn(&e,
               "This link runs a script (a javascript: URL) instead of leading to a page: "
               "announced as a link, it acts as a button, and does nothing without scripts.");
    } else {
      out.Pass(&e);
    }
  });
}

constexpr std::string_view kWcag[] = {"4.1.2"};
constexpr std::string_view kEn[] = {"9.4.1.2"};
constexpr std::string_view kPasses[] = {
    R"(<a href="/bins">Bin collection days</a>)", R"(<a href="#">Back to top</a>)",
    R"(<a href="#main">Skip to content</a><main id="main">x</main>)"};
constexpr std::string_view kFails[] = {
    R"html(<a href="#" onclick="openMenu()">Menu</a>)html",
    R"html(<a href="javascript:void(0)" onclick="print()">Print</a>)html",
    R"html(<a href="JavaScript:history.back()">Back</a>)html",
};
constexpr std::string_view kCantTell[] = {
    R"(<script src="menu.js"></script><a href="#" class="menu">Menu</a>)"};
constexpr std::string_view kInapplicable[] = {
    R"(<a>Not a link</a>)",
    R"html(<a href="#" role="button" onclick="openMenu()" onkeydown="key(event)">Menu</a>)html",
    R"(<a href="#" style="display:none">Hidden</a>)",
};

}  // namespace

extern const engine::Rule kHtmlLinkHrefPlaceholder{
    .id = "html.link-href-placeholder",
    .summary = "Links lead to a destination; actions are buttons",
    .why =
        "A screen reader says \"link\" and people expect to go somewhere. A link with href=\"#\" "
        "or a javascript: URL usually opens a menu or submits something instead, and it does "
        "nothing at all when scripts fail to load.",
    .help =
        "Use a <button type=\"button\"> for actions on the page, and a real URL in href for "
        "links, so that they also work without scripts.",
    .limits =
        "What the script does is not run here: a script that navigates makes the link a real "
        "link, which a person can see. So this is a warning.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kModerate,
    .severity = engine::Severity::kWarning,
    .check = &Check,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .cant_tell = kCantTell,
    .target_tags = targets::kLinks};

}  // namespace plainsight::rules

// Tests of the WAI-ARIA 1.2 tables (aria_tables.cpp): role characteristics, inheritance of
// supported attributes, and value validation per value type.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/aria/aria.h"

namespace plainsight::engine {
namespace {

bool Contains(std::span<const std::string_view> list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

TEST_CASE("aria tables: every WAI-ARIA 1.2 concrete role is defined", "[aria][tables]") {
  const std::vector<std::string_view> roles = {"alert",
                                               "alertdialog",
                                               "application",
                                               "article",
                                               "banner",
                                               "blockquote",
                                               "button",
                                               "caption",
                                               "cell",
                                               "checkbox",
                                               "code",
                                               "columnheader",
                                               "combobox",
                                               "complementary",
                                               "contentinfo",
                                               "definition",
                                               "deletion",
                                               "dialog",
                                               "directory",
                                               "document",
                                               "emphasis",
                                               "feed",
                                               "figure",
                                               "form",
                                               "generic",
                                               "grid",
                                               "gridcell",
                                               "group",
                                               "heading",
                                               "img",
                                               "insertion",
                                               "link",
                                               "list",
                                               "listbox",
                                               "listitem",
                                               "log",
                                               "main",
                                               "marquee",
                                               "math",
                                               "menu",
                                               "menubar",
                                               "menuitem",
                                               "menuitemcheckbox",
                                               "menuitemradio",
                                               "meter",
                                               "navigation",
                                               "none",
                                               "note",
                                               "option",
                                               "paragraph",
                                               "presentation",
                                               "progressbar",
                                               "radio",
                                               "radiogroup",
                                               "region",
                                               "row",
                                               "rowgroup",
                                               "rowheader",
                                               "scrollbar",
                                               "search",
                                               "searchbox",
                                               "separator",
                                               "slider",
                                               "spinbutton",
                                               "status",
                                               "strong",
                                               "subscript",
                                               "superscript",
                                               "switch",
                                               "tab",
                                               "table",
                                               "tablist",
                                               "tabpanel",
                                               "term",
                                               "textbox",
                                               "time",
                                               "timer",
                                               "toolbar",
                                               "tooltip",
                                               "tree",
                                               "treegrid",
                                               "treeitem",
                                               "graphics-document",
                                               "graphics-object",
                                               "graphics-symbol",
                                               "doc-abstract",
                                               "doc-backlink",
                                               "doc-toc",
                                               "doc-pagebreak",
                                               "doc-noteref"};
  for (std::string_view name : roles) {
    INFO(name);
    const RoleInfo* info = FindRole(name);
    REQUIRE(info != nullptr);
    CHECK_FALSE(info->is_abstract);
    CHECK(info->name == name);
  }
}

TEST_CASE("aria tables: abstract roles are flagged and unknown roles are absent",
          "[aria][tables]") {
  for (std::string_view name :
       {"command", "composite", "input", "landmark", "range", "roletype", "section", "sectionhead",
        "select", "structure", "widget", "window"}) {
    INFO(name);
    REQUIRE(FindRole(name) != nullptr);
    CHECK(FindRole(name)->is_abstract);
  }
  CHECK(FindRole("Button") == nullptr);  // lookups are on lowercase names
  CHECK(FindRole("buton") == nullptr);
  CHECK(FindRole("") == nullptr);
}

TEST_CASE("aria tables: every superclass names a defined role", "[aria][tables]") {
  for (const RoleInfo& role : AllRoles()) {
    for (std::string_view super : role.superclasses) {
      INFO(role.name << " -> " << super);
      CHECK(FindRole(super) != nullptr);
    }
    for (std::string_view context : role.required_context) {
      INFO(role.name << " context " << context);
      CHECK(FindRole(context) != nullptr);
    }
    for (std::string_view attribute : role.supported_attributes) {
      INFO(role.name << " supports " << attribute);
      CHECK(FindAriaAttribute(attribute) != nullptr);
    }
  }
}

TEST_CASE("aria tables: required states and properties per WAI-ARIA 1.2", "[aria][tables]") {
  struct Row {
    std::string_view role;
    std::vector<std::string_view> required;
  };

  const std::vector<Row> rows = {
      {"checkbox", {"aria-checked"}},
      {"combobox", {"aria-expanded"}},  // 1.2 as published: aria-controls only when expanded
      {"heading", {"aria-level"}},
      {"meter", {"aria-valuenow"}},
      {"menuitemcheckbox", {"aria-checked"}},
      {"menuitemradio", {"aria-checked"}},
      {"radio", {"aria-checked"}},
      {"scrollbar", {"aria-controls", "aria-valuenow"}},
      {"slider", {"aria-valuenow"}},
      {"switch", {"aria-checked"}},
      {"option", {}},      // 1.2 dropped aria-selected
      {"spinbutton", {}},  // 1.2 dropped aria-valuenow
      {"separator", {}},   // only when focusable
      {"button", {}},
  };
  for (const Row& row : rows) {
    INFO(row.role);
    const RoleInfo* info = FindRole(row.role);
    REQUIRE(info != nullptr);
    std::vector<std::string_view> actual(info->required_attributes.begin(),
                                         info->required_attributes.end());
    CHECK(actual == row.required);
  }
  CHECK(RequiredAttributes("separator", true) == std::vector<std::string_view>{"aria-valuenow"});
  CHECK(RequiredAttributes("separator", false).empty());
  CHECK(RequiredAttributes("nonsense", true).empty());
}

TEST_CASE("aria tables: context, owned elements and name characteristics", "[aria][tables]") {
  CHECK(Contains(FindRole("listitem")->required_context, "list"));
  CHECK(Contains(FindRole("option")->required_context, "listbox"));
  CHECK(Contains(FindRole("tab")->required_context, "tablist"));
  CHECK(Contains(FindRole("row")->required_context, "table"));
  CHECK(Contains(FindRole("menuitem")->required_context, "menubar"));
  CHECK(Contains(FindRole("list")->required_owned, "listitem"));
  CHECK(Contains(FindRole("listbox")->required_owned, "group > option"));
  CHECK(Contains(FindRole("table")->required_owned, "rowgroup > row"));
  CHECK(Contains(FindRole("menu")->required_owned, "menuitemradio"));
  CHECK(FindRole("button")->name_from == NameFrom::kContents);
  CHECK(FindRole("img")->name_from == NameFrom::kAuthor);
  CHECK(FindRole("generic")->name_from == NameFrom::kProhibited);
  CHECK(FindRole("paragraph")->name_from == NameFrom::kProhibited);
  CHECK(FindRole("img")->name_required);
  CHECK_FALSE(FindRole("list")->name_required);
  CHECK(FindRole("button")->children_presentational);
  CHECK(FindRole("graphics-symbol")->children_presentational);
  CHECK_FALSE(FindRole("link")->children_presentational);
}

TEST_CASE("aria tables: role inheritance follows superclasses transitively", "[aria][tables]") {
  CHECK(RoleInheritsFrom("switch", "checkbox"));
  CHECK(RoleInheritsFrom("switch", "input"));
  CHECK(RoleInheritsFrom("switch", "widget"));
  CHECK(RoleInheritsFrom("treegrid", "table"));
  CHECK(RoleInheritsFrom("searchbox", "textbox"));
  CHECK(RoleInheritsFrom("doc-noteref", "link"));
  CHECK(RoleInheritsFrom("graphics-document", "document"));
  CHECK(RoleInheritsFrom("main", "landmark"));
  CHECK(RoleInheritsFrom("button", "button"));
  CHECK_FALSE(RoleInheritsFrom("checkbox", "switch"));
  CHECK_FALSE(RoleInheritsFrom("link", "landmark"));
  CHECK_FALSE(RoleInheritsFrom("bogus", "bogus"));
}

TEST_CASE("aria tables: role ids and role sets agree with RoleInheritsFrom", "[aria][tables]") {
  CHECK(RoleIdOf("bogus") == kNoRoleId);
  CHECK(RoleIdOf("") == kNoRoleId);
  REQUIRE(RoleIdOf("link") != kNoRoleId);
  CHECK(AllRoles()[RoleIdOf("link")].name == "link");
  const RoleSet links{"link"};
  CHECK(links.Contains("link"));
  CHECK(links.Contains("doc-noteref"));
  CHECK(links.Contains("doc-backlink"));
  CHECK_FALSE(links.Contains("button"));
  CHECK_FALSE(links.Contains(kNoRoleId));
  const RoleSet fields{"checkbox", "textbox"};
  CHECK(fields.Contains("switch"));
  CHECK(fields.Contains("searchbox"));
  CHECK_FALSE(fields.Contains("radio"));
  // Every pair of roles: the set built from one role holds exactly the roles inheriting from it.
  for (const RoleInfo& ancestor : AllRoles()) {
    const RoleSet set{ancestor.name};
    for (const RoleInfo& role : AllRoles()) {
      INFO(role.name << " / " << ancestor.name);
      CHECK(set.Contains(role.name) == RoleInheritsFrom(role.name, ancestor.name));
    }
  }
}

TEST_CASE("aria tables: attributes allowed per role, with inheritance and prohibitions",
          "[aria][tables]") {
  struct Row {
    std::string_view role;
    std::string_view attribute;
    bool allowed;
  };

  const std::vector<Row> rows = {
      {"button", "aria-pressed", true},
      {"button", "aria-expanded", true},
      {"button", "aria-sort", false},  // ACT 5c01ea failed example
      {"", "aria-busy", true},         // global on no role
      {"", "aria-pressed", false},
      {"switch", "aria-checked", true},   // inherited from checkbox (and required)
      {"switch", "aria-required", true},  // inherited from checkbox
      {"switch", "aria-readonly", true},
      {"menuitemradio", "aria-posinset", true},  // menuitem
      {"treegrid", "aria-multiselectable", true},
      {"treegrid", "aria-activedescendant", true},  // composite via grid
      {"columnheader", "aria-colspan", true},       // cell
      {"columnheader", "aria-selected", true},      // gridcell
      {"separator", "aria-valuenow", true},
      {"slider", "aria-valuemin", true},  // range
      {"progressbar", "aria-valuetext", true},
      {"listbox", "aria-orientation", true},  // select
      {"listitem", "aria-level", true},
      {"heading", "aria-level", true},
      {"heading", "aria-checked", false},
      {"textbox", "aria-placeholder", true},
      {"searchbox", "aria-multiline", true},
      {"dialog", "aria-modal", true},  // window
      {"alertdialog", "aria-modal", true},
      {"generic", "aria-label", false},  // prohibited
      {"paragraph", "aria-labelledby", false},
      {"none", "aria-label", true},
      {"button", "aria-label", true},
      {"link", "aria-current", true},
      {"img", "aria-checked", false},
      {"audio-bogus-role", "aria-live", true},  // unknown role: globals only
      {"audio-bogus-role", "aria-orientation", false},
      {"button", "aria-notanattribute", false},
      {"graphics-object", "aria-label", true},
      {"row", "aria-expanded", true},
      {"tab", "aria-selected", true},
      {"option", "aria-checked", true},
      {"textbox", "aria-invalid", true},
  };
  for (const Row& row : rows) {
    INFO(row.role << " " << row.attribute);
    CHECK(IsAttributeAllowed(row.role, row.attribute) == row.allowed);
  }
  CHECK(IsAttributeProhibited("", "aria-label"));
  CHECK(IsAttributeProhibited("strong", "aria-labelledby"));
  CHECK_FALSE(IsAttributeProhibited("button", "aria-label"));
}

TEST_CASE("aria tables: attribute definitions carry type, tokens and flags", "[aria][tables]") {
  const AriaAttributeInfo* current = FindAriaAttribute("aria-current");
  REQUIRE(current != nullptr);
  CHECK(current->type == AriaValueType::kToken);
  CHECK(current->global);
  CHECK(Contains(current->allowed_tokens, "page"));
  CHECK(FindAriaAttribute("aria-grabbed")->deprecated);
  CHECK(FindAriaAttribute("aria-dropeffect")->deprecated);
  CHECK_FALSE(FindAriaAttribute("aria-label")->deprecated);
  CHECK_FALSE(FindAriaAttribute("aria-checked")->global);
  CHECK(FindAriaAttribute("aria-labelled") == nullptr);
  CHECK(FindAriaAttribute("aria-not-checked") == nullptr);
  CHECK(AllAriaAttributes().size() >= 48);
  for (const AriaAttributeInfo& attribute : AllAriaAttributes()) {
    INFO(attribute.name);
    CHECK(FindAriaAttribute(attribute.name) == &attribute);
    bool tokens =
        attribute.type == AriaValueType::kToken || attribute.type == AriaValueType::kTokenList;
    CHECK(tokens == !attribute.allowed_tokens.empty());
  }
}

TEST_CASE("aria tables: values are validated per value type", "[aria][tables]") {
  struct Row {
    std::string_view attribute;
    std::string_view value;
    bool valid;
  };

  // Rows follow the shapes of ACT rule 6a7281's examples.
  const std::vector<Row> rows = {
      {"aria-required", "true", true},
      {"aria-required", "FALSE", true},  // ASCII case-insensitive
      {"aria-required", "undefined", false},
      {"aria-required", "", false},
      {"aria-expanded", "undefined", true},
      {"aria-expanded", "collapsed", false},
      {"aria-pressed", "mixed", true},
      {"aria-pressed", "horizontal", false},
      {"aria-checked", " true ", true},  // surrounding whitespace is ignored
      {"aria-errormessage", "my-error", true},
      {"aria-errormessage", "a b", false},  // one IDREF only
      {"aria-activedescendant", "", false},
      {"aria-owns", "item1 item2", true},
      {"aria-owns", "   ", false},
      {"aria-rowindex", "2", true},
      {"aria-rowindex", "2.5", false},
      {"aria-level", "-1", true},  // syntactically an integer
      {"aria-level", "one", false},
      {"aria-valuenow", "1.5", true},
      {"aria-valuemin", "1.0", true},
      {"aria-valuemax", "-.5", true},
      {"aria-valuemax", "1e3", true},
      {"aria-valuenow", "two", false},
      {"aria-valuenow", "1.", false},
      {"aria-valuenow", "", false},
      {"aria-label", "", true},  // any string
      {"aria-current", "page", true},
      {"aria-current", "PAGE", true},
      {"aria-current", "yes", false},
      {"aria-live", "page", false},
      {"aria-live", "polite", true},
      {"aria-relevant", "text removals", true},
      {"aria-relevant", "text always", false},
      {"aria-relevant", "", false},
      {"aria-haspopup", "dialog", true},
      {"aria-haspopup", "popup", false},
      {"aria-invalid", "spelling", true},
      {"aria-orientation", "vertical", true},
      {"aria-sort", "other", true},
      {"aria-autocomplete", "both", true},
      {"aria-dropeffect", "copy move", true},
  };
  for (const Row& row : rows) {
    INFO(row.attribute << "=\"" << row.value << "\"");
    const AriaAttributeInfo* info = FindAriaAttribute(row.attribute);
    REQUIRE(info != nullptr);
    CHECK(IsValidAriaValue(*info, row.value) == row.valid);
  }
}

}  // namespace
}  // namespace plainsight::engine

// WAI-ARIA 1.2 role and state/property tables, plus the WAI-ARIA Graphics Module 1.0 roles
// (graphics-document, graphics-object, graphics-symbol) and the DPUB-ARIA 1.1 doc-* roles.
//
// Normative sources: WAI-ARIA 1.2 (W3C Recommendation, 6 June 2023) sections 5.4 (Definition of
// Roles) and 6.7 (Definitions of States and Properties), 6.4 (global states and properties);
// Graphics-ARIA 1.0 section 4; DPUB-ARIA 1.1 section 4.
//
// The tables are written as data: each list is a space-separated string, split once on first
// use. Supported attributes are listed per role as the spec's "Supported States and
// Properties" row (own only); inheritance from superclasses is computed, so a subclass supports
// every attribute its ancestors support (the spec's "Inherited States and Properties" row).
#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/aria/aria.h"
#include "engine/dom.h"

namespace plainsight::engine {
namespace {

struct RoleRow {
  std::string_view name;
  bool is_abstract;
  std::string_view superclasses;
  std::string_view required_context;
  std::string_view required_owned;  // entries separated by ',' ("group > option, option")
  std::string_view required;
  std::string_view supported;  // own supported, excluding required
  std::string_view prohibited;
  NameFrom name_from;
  bool name_required;
  bool children_presentational;
};

constexpr NameFrom kAuthor = NameFrom::kAuthor;
constexpr NameFrom kContents = NameFrom::kContents;
constexpr NameFrom kProhibited = NameFrom::kProhibited;

constexpr std::string_view kNoName = "aria-label aria-labelledby";
constexpr std::string_view kMenuOwned =
    "group > menuitem, group > menuitemradio, group > menuitemcheckbox, menuitem, "
    "menuitemcheckbox, menuitemradio";

// Columns: name, abstract, superclasses, required context, required owned, required, supported
// (own), prohibited, name from, name required, children presentational.
// Interpretation: roles whose spec row says "Name From: contents, author" are kContents (the
// author may always name them); "author" alone is kAuthor.
constexpr RoleRow kRoles[] = {
    // Abstract roles (WAI-ARIA 1.2 5.3.2).
    {"roletype", true, "", "", "", "", "", "", kAuthor, false, false},
    {"structure", true, "roletype", "", "", "", "", "", kAuthor, false, false},
    {"widget", true, "roletype", "", "", "", "", "", kAuthor, false, false},
    {"window", true, "roletype", "", "", "", "aria-modal", "", kAuthor, false, false},
    {"command", true, "widget", "", "", "", "", "", kAuthor, false, false},
    {"composite", true, "widget", "", "", "", "aria-activedescendant aria-disabled", "", kAuthor,
     false, false},
    {"input", true, "widget", "", "", "", "aria-disabled", "", kAuthor, false, false},
    {"landmark", true, "section", "", "", "", "", "", kAuthor, false, false},
    {"range", true, "structure", "", "", "",
     "aria-valuemax aria-valuemin aria-valuenow aria-valuetext", "", kAuthor, false, false},
    {"section", true, "structure", "", "", "", "", "", kAuthor, false, false},
    {"sectionhead", true, "structure", "", "", "", "", "", kContents, false, false},
    {"select", true, "composite group", "", "", "", "aria-orientation", "", kAuthor, false, false},

    // Concrete roles (WAI-ARIA 1.2 5.4).
    {"alert", false, "section", "", "", "", "", "", kAuthor, false, false},
    {"alertdialog", false, "alert dialog", "", "", "", "", "", kAuthor, true, false},
    {"application", false, "structure", "", "", "",
     "aria-activedescendant aria-disabled aria-errormessage aria-expanded aria-haspopup "
     "aria-invalid",
     "", kAuthor, true, false},
    {"article", false, "document", "", "", "", "aria-posinset aria-setsize", "", kAuthor, false,
     false},
    {"banner", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"blockquote", false, "section", "", "", "", "", "", kAuthor, false, false},
    {"button", false, "command", "", "", "",
     "aria-disabled aria-expanded aria-haspopup aria-pressed", "", kContents, true, true},
    {"caption", false, "section", "figure grid table treegrid", "", "", "", kNoName, kProhibited,
     false, false},
    {"cell", false, "section", "row", "", "",
     "aria-colindex aria-colspan aria-rowindex aria-rowspan", "", kContents, false, false},
    {"checkbox", false, "input", "", "", "aria-checked",
     "aria-errormessage aria-expanded aria-invalid aria-readonly aria-required", "", kContents,
     true, true},
    {"code", false, "section", "", "", "", "", kNoName, kProhibited, false, false},
    {"columnheader", false, "cell gridcell sectionhead", "row", "", "", "aria-sort", "", kContents,
     true, false},
    // Interpretation: WAI-ARIA 1.2 as published requires only aria-expanded on combobox (w3c/aria
    // PR 1335 moved aria-controls to "when the popup is displayed"); ACT rule 4e8ab6 agrees.
    {"combobox", false, "input", "", "", "aria-expanded",
     "aria-activedescendant aria-autocomplete aria-controls aria-errormessage aria-haspopup "
     "aria-invalid aria-readonly aria-required",
     "", kAuthor, true, false},
    {"complementary", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"contentinfo", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"definition", false, "section", "", "", "", "", "", kAuthor, false, false},
    {"deletion", false, "section", "", "", "", "", kNoName, kProhibited, false, false},
    {"dialog", false, "window", "", "", "", "", "", kAuthor, true, false},
    {"directory", false, "list", "", "", "", "", "", kAuthor, false, false},  // deprecated in 1.2
    {"document", false, "structure", "", "", "", "", "", kAuthor, false, false},
    {"emphasis", false, "section", "", "", "", "", kNoName, kProhibited, false, false},
    {"feed", false, "list", "", "article", "", "", "", kAuthor, false, false},
    {"figure", false, "section", "", "", "", "", "", kAuthor, false, false},
    {"form", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"generic", false, "structure", "", "", "", "", kNoName, kProhibited, false, false},
    {"grid", false, "composite table", "", "row, rowgroup > row", "",
     "aria-multiselectable aria-readonly", "", kAuthor, true, false},
    {"gridcell", false, "cell widget", "row", "", "",
     "aria-disabled aria-errormessage aria-expanded aria-haspopup aria-invalid aria-readonly "
     "aria-required aria-selected",
     "", kContents, false, false},
    {"group", false, "section", "", "", "", "aria-activedescendant aria-disabled", "", kAuthor,
     false, false},
    {"heading", false, "sectionhead", "", "", "aria-level", "", "", kContents, true, false},
    {"img", false, "section", "", "", "", "", "", kAuthor, true, true},
    {"insertion", false, "section", "", "", "", "", kNoName, kProhibited, false, false},
    {"link", false, "command", "", "", "", "aria-disabled aria-expanded aria-haspopup", "",
     kContents, true, false},
    {"list", false, "section", "", "listitem", "", "", "", kAuthor, false, false},
    {"listbox", false, "select", "", "group > option, option", "",
     "aria-errormessage aria-expanded aria-invalid aria-multiselectable aria-readonly "
     "aria-required",
     "", kAuthor, true, false},
    {"listitem", false, "section", "directory list", "", "",
     "aria-level aria-posinset aria-setsize", "", kAuthor, false, false},
    {"log", false, "section", "", "", "", "", "", kAuthor, false, false},
    {"main", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"marquee", false, "section", "", "", "", "", "", kAuthor, true, false},
    {"math", false, "section", "", "", "", "", "", kAuthor, false, true},
    {"menu", false, "select", "", kMenuOwned, "", "", "", kAuthor, false, false},
    {"menubar", false, "menu", "", kMenuOwned, "", "", "", kAuthor, false, false},
    {"menuitem", false, "command", "group menu menubar", "", "",
     "aria-disabled aria-expanded aria-haspopup aria-posinset aria-setsize", "", kContents, true,
     false},
    {"menuitemcheckbox", false, "menuitem", "group menu menubar", "", "aria-checked", "", "",
     kContents, true, true},
    {"menuitemradio", false, "menuitemcheckbox", "group menu menubar", "", "aria-checked", "", "",
     kContents, true, true},
    {"meter", false, "range", "", "", "aria-valuenow", "", "", kAuthor, true, true},
    {"navigation", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"none", false, "", "", "", "", "", "", kProhibited, false, false},
    {"note", false, "section", "", "", "", "", "", kAuthor, false, false},
    // WAI-ARIA 1.2 dropped the required aria-selected of 1.1.
    {"option", false, "input", "group listbox", "", "",
     "aria-checked aria-posinset aria-selected aria-setsize", "", kContents, true, true},
    {"paragraph", false, "section", "", "", "", "", kNoName, kProhibited, false, false},
    {"presentation", false, "structure", "", "", "", "", "", kProhibited, false, false},
    {"progressbar", false, "range widget", "", "", "", "", "", kAuthor, true, true},
    {"radio", false, "input", "", "", "aria-checked", "aria-posinset aria-setsize", "", kContents,
     true, true},
    // Interpretation: no required owned elements (WAI-ARIA 1.2 lists none for radiogroup; 1.1's
    // "radio" is not carried over), so a group holding radios plus labels is not a failure.
    {"radiogroup", false, "select", "", "", "",
     "aria-errormessage aria-invalid aria-readonly aria-required", "", kAuthor, true, false},
    {"region", false, "landmark", "", "", "", "", "", kAuthor, true, false},
    {"row", false, "group widget", "grid rowgroup table treegrid",
     "cell, columnheader, gridcell, rowheader", "",
     "aria-colindex aria-expanded aria-level aria-posinset aria-rowindex aria-selected "
     "aria-setsize",
     "", kContents, false, false},
    {"rowgroup", false, "structure", "grid table treegrid", "row", "", "", "", kContents, false,
     false},
    {"rowheader", false, "cell gridcell sectionhead", "row", "", "", "aria-expanded aria-sort", "",
     kContents, true, false},
    {"scrollbar", false, "range widget", "", "", "aria-controls aria-valuenow",
     "aria-disabled aria-orientation", "", kAuthor, false, true},
    {"search", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"searchbox", false, "textbox", "", "", "", "", "", kAuthor, true, false},
    // aria-valuenow is required only when the separator is focusable: see RequiredAttributes().
    {"separator", false, "structure widget", "", "", "",
     "aria-disabled aria-orientation aria-valuemax aria-valuemin aria-valuenow aria-valuetext", "",
     kAuthor, false, true},
    {"slider", false, "input range", "", "", "aria-valuenow",
     "aria-errormessage aria-haspopup aria-invalid aria-orientation aria-readonly", "", kAuthor,
     true, true},
    {"spinbutton", false, "composite input range", "", "", "",
     "aria-errormessage aria-invalid aria-readonly aria-required", "", kAuthor, true, false},
    {"status", false, "section", "", "", "", "", "", kAuthor, false, false},
    {"strong", false, "section", "", "", "", "", kNoName, kProhibited, false, false},
    {"subscript", false, "section", "", "", "", "", kNoName, kProhibited, false, false},
    {"superscript", false, "section", "", "", "", "", kNoName, kProhibited, false, false},
    {"switch", false, "checkbox", "", "", "aria-checked", "", "", kContents, true, true},
    {"tab", false, "sectionhead widget", "tablist", "", "",
     "aria-disabled aria-expanded aria-haspopup aria-posinset aria-selected aria-setsize", "",
     kContents, false, true},
    {"table", false, "section", "", "row, rowgroup > row", "", "aria-colcount aria-rowcount", "",
     kAuthor, true, false},
    {"tablist", false, "composite", "", "tab", "", "aria-multiselectable aria-orientation", "",
     kAuthor, false, false},
    {"tabpanel", false, "section", "", "", "", "", "", kAuthor, true, false},
    {"term", false, "section", "", "", "", "", "", kAuthor, false, false},
    {"textbox", false, "input", "", "", "",
     "aria-activedescendant aria-autocomplete aria-errormessage aria-haspopup aria-invalid "
     "aria-multiline aria-placeholder aria-readonly aria-required",
     "", kAuthor, true, false},
    {"time", false, "section", "", "", "", "", "", kAuthor, false, false},
    {"timer", false, "status", "", "", "", "", "", kAuthor, false, false},
    {"toolbar", false, "group", "", "", "", "aria-orientation", "", kAuthor, false, false},
    {"tooltip", false, "section", "", "", "", "", "", kContents, true, false},
    {"tree", false, "select", "", "group > treeitem, treeitem", "",
     "aria-errormessage aria-invalid aria-multiselectable aria-required", "", kAuthor, true, false},
    {"treegrid", false, "grid tree", "", "row, rowgroup > row", "", "", "", kAuthor, true, false},
    {"treeitem", false, "listitem option", "group tree", "", "", "aria-expanded aria-haspopup", "",
     kContents, true, false},

    // WAI-ARIA Graphics Module 1.0, section 4.
    {"graphics-document", false, "document", "", "", "", "", "", kAuthor, true, false},
    {"graphics-object", false, "group", "", "", "", "", "", kContents, false, false},
    {"graphics-symbol", false, "img", "", "", "", "", "", kAuthor, true, true},

    // DPUB-ARIA 1.1, section 4.
    {"doc-abstract", false, "section", "", "", "", "", "", kAuthor, false, false},
    {"doc-acknowledgments", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"doc-afterword", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"doc-appendix", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"doc-backlink", false, "link", "", "", "", "", "", kContents, true, false},
    {"doc-biblioentry", false, "listitem", "list", "", "", "", "", kAuthor, true, false},
    {"doc-bibliography", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"doc-biblioref", false, "link", "", "", "", "", "", kContents, true, false},
    {"doc-chapter", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"doc-colophon", false, "section", "", "", "", "", "", kAuthor, false, false},
    {"doc-conclusion", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"doc-cover", false, "img", "", "", "", "", "", kAuthor, false, true},
    {"doc-credit", false, "section", "", "", "", "", "", kAuthor, false, false},
    {"doc-credits", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"doc-dedication", false, "section", "", "", "", "", "", kAuthor, false, false},
    {"doc-endnote", false, "listitem", "list", "", "", "", "", kAuthor, false, false},
    {"doc-endnotes", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"doc-epigraph", false, "section", "", "", "", "", "", kAuthor, false, false},
    {"doc-epilogue", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"doc-errata", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"doc-example", false, "section", "", "", "", "", "", kAuthor, false, false},
    {"doc-footnote", false, "section", "", "", "", "", "", kAuthor, false, false},
    {"doc-foreword", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"doc-glossary", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"doc-glossref", false, "link", "", "", "", "", "", kContents, true, false},
    {"doc-index", false, "navigation", "", "", "", "", "", kAuthor, false, false},
    {"doc-introduction", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"doc-noteref", false, "link", "", "", "", "", "", kContents, true, false},
    {"doc-notice", false, "note", "", "", "", "", "", kAuthor, false, false},
    {"doc-pagebreak", false, "separator", "", "", "", "", "", kAuthor, true, true},
    {"doc-pagefooter", false, "section", "", "", "", "", "", kAuthor, false, false},
    {"doc-pageheader", false, "section", "", "", "", "", "", kAuthor, false, false},
    {"doc-pagelist", false, "navigation", "", "", "", "", "", kAuthor, false, false},
    {"doc-part", false, "landmark", "", "", "", "", "", kAuthor, true, false},
    {"doc-preface", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"doc-prologue", false, "landmark", "", "", "", "", "", kAuthor, false, false},
    {"doc-pullquote", false, "section", "", "", "", "", "", kAuthor, false, false},
    {"doc-qna", false, "section", "", "", "", "", "", kAuthor, false, false},
    {"doc-subtitle", false, "sectionhead", "", "", "", "", "", kAuthor, false, false},
    {"doc-tip", false, "note", "", "", "", "", "", kAuthor, false, false},
    {"doc-toc", false, "navigation", "", "", "", "", "", kAuthor, false, false},
};

using T = AriaValueType;

struct AttributeRow {
  std::string_view name;
  AriaValueType type;
  std::string_view tokens;
  bool global;
  bool deprecated;
};

// WAI-ARIA 1.2 6.7. Interpretation: aria-disabled, aria-errormessage, aria-haspopup and
// aria-invalid stay global here ("global use deprecated" in 1.2 means authors should not use them
// on roles that do not list them, but user agents still honour them everywhere); aria-grabbed
// and aria-dropeffect are the deprecated ones. aria-description (WAI-ARIA 1.3 draft, shipped in
// browsers and used by accname for descriptions) is included as a global string.
constexpr AttributeRow kAttributes[] = {
    {"aria-activedescendant", T::kIdRef, "", false, false},
    {"aria-atomic", T::kTrueFalse, "", true, false},
    {"aria-autocomplete", T::kToken, "inline list both none", false, false},
    {"aria-busy", T::kTrueFalse, "", true, false},
    {"aria-checked", T::kTristate, "", false, false},
    {"aria-colcount", T::kInteger, "", false, false},
    {"aria-colindex", T::kInteger, "", false, false},
    {"aria-colspan", T::kInteger, "", false, false},
    {"aria-controls", T::kIdRefList, "", true, false},
    {"aria-current", T::kToken, "page step location date time true false", true, false},
    {"aria-describedby", T::kIdRefList, "", true, false},
    {"aria-description", T::kString, "", true, false},
    {"aria-details", T::kIdRef, "", true, false},
    {"aria-disabled", T::kTrueFalse, "", true, false},
    {"aria-dropeffect", T::kTokenList, "copy execute link move none popup", true, true},
    {"aria-errormessage", T::kIdRef, "", true, false},
    {"aria-expanded", T::kTrueFalseUndefined, "", false, false},
    {"aria-flowto", T::kIdRefList, "", true, false},
    {"aria-grabbed", T::kTrueFalseUndefined, "", true, true},
    {"aria-haspopup", T::kToken, "false true menu listbox tree grid dialog", true, false},
    {"aria-hidden", T::kTrueFalseUndefined, "", true, false},
    {"aria-invalid", T::kToken, "grammar false spelling true", true, false},
    {"aria-keyshortcuts", T::kString, "", true, false},
    {"aria-label", T::kString, "", true, false},
    {"aria-labelledby", T::kIdRefList, "", true, false},
    {"aria-level", T::kInteger, "", false, false},
    {"aria-live", T::kToken, "assertive off polite", true, false},
    {"aria-modal", T::kTrueFalse, "", false, false},
    {"aria-multiline", T::kTrueFalse, "", false, false},
    {"aria-multiselectable", T::kTrueFalse, "", false, false},
    {"aria-orientation", T::kToken, "horizontal undefined vertical", false, false},
    {"aria-owns", T::kIdRefList, "", true, false},
    {"aria-placeholder", T::kString, "", false, false},
    {"aria-posinset", T::kInteger, "", false, false},
    {"aria-pressed", T::kTristate, "", false, false},
    {"aria-readonly", T::kTrueFalse, "", false, false},
    {"aria-relevant", T::kTokenList, "additions all removals text", true, false},
    {"aria-required", T::kTrueFalse, "", false, false},
    {"aria-roledescription", T::kString, "", true, false},
    {"aria-rowcount", T::kInteger, "", false, false},
    {"aria-rowindex", T::kInteger, "", false, false},
    {"aria-rowspan", T::kInteger, "", false, false},
    {"aria-selected", T::kTrueFalseUndefined, "", false, false},
    {"aria-setsize", T::kInteger, "", false, false},
    {"aria-sort", T::kToken, "ascending descending none other", false, false},
    {"aria-valuemax", T::kNumber, "", false, false},
    {"aria-valuemin", T::kNumber, "", false, false},
    {"aria-valuenow", T::kNumber, "", false, false},
    {"aria-valuetext", T::kString, "", false, false},
};

std::vector<std::string_view> Split(std::string_view s, char separator) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i <= s.size()) {
    size_t end = s.find(separator, i);
    if (end == std::string_view::npos) {
      end = s.size();
    }
    std::string_view part = s.substr(i, end - i);
    while (!part.empty() && part.front() == ' ') {
      part.remove_prefix(1);
    }
    while (!part.empty() && part.back() == ' ') {
      part.remove_suffix(1);
    }
    if (!part.empty()) {
      out.push_back(part);
    }
    i = end + 1;
  }
  return out;
}

// The split tables, built once (function-local static: thread-safe, no static-order issues).
struct Registry {
  struct RoleLists {
    std::vector<std::string_view> superclasses, context, owned, required, supported, prohibited;
  };

  std::vector<RoleLists> lists;  // parallel to roles
  std::vector<RoleInfo> roles;
  std::unordered_map<std::string_view, size_t> role_index;
  std::vector<std::vector<std::string_view>> tokens;
  std::vector<AriaAttributeInfo> attributes;
  std::unordered_map<std::string_view, size_t> attribute_index;
  // ancestors[i][j]: role j is role i or one of its superclasses, transitively (RoleInheritsFrom
  // is asked for every element by several rules, so the walk is done once here).
  std::vector<std::vector<bool>> ancestors;

  Registry() {
    constexpr size_t kN = std::size(kRoles);
    lists.resize(kN);
    for (size_t i = 0; i < kN; ++i) {
      role_index.emplace(kRoles[i].name, i);
    }
    for (size_t i = 0; i < kN; ++i) {
      const RoleRow& row = kRoles[i];
      RoleLists& l = lists[i];
      l.superclasses = Split(row.superclasses, ' ');
      l.context = Split(row.required_context, ' ');
      l.owned = Split(row.required_owned, ',');
      l.required = Split(row.required, ' ');
      l.prohibited = Split(row.prohibited, ' ');
    }
    // Supported = own supported + own required + everything every ancestor supports.
    std::vector<int> state(kN, 0);  // 0 new, 1 in progress, 2 done
    for (size_t i = 0; i < kN; ++i) {
      Flatten(i, state);
    }
    roles.reserve(kN);
    for (size_t i = 0; i < kN; ++i) {
      const RoleRow& row = kRoles[i];
      const RoleLists& l = lists[i];
      roles.push_back(RoleInfo{row.name, row.is_abstract, l.superclasses, l.context, l.owned,
                               l.required, l.supported, l.prohibited, row.name_from,
                               row.name_required, row.children_presentational});
    }
    ancestors.assign(kN, std::vector<bool>(kN, false));
    std::vector<int> done(kN, 0);
    for (size_t i = 0; i < kN; ++i) {
      FillAncestors(i, done);
    }
    tokens.resize(std::size(kAttributes));
    for (size_t i = 0; i < std::size(kAttributes); ++i) {
      tokens[i] = Split(kAttributes[i].tokens, ' ');
    }
    for (size_t i = 0; i < std::size(kAttributes); ++i) {
      const AttributeRow& row = kAttributes[i];
      attributes.push_back(
          AriaAttributeInfo{row.name, row.type, tokens[i], row.global, row.deprecated});
      attribute_index.emplace(row.name, i);
    }
  }

  void FillAncestors(size_t i, std::vector<int>& done) {
    if (done[i] != 0) {
      return;  // done, or a cycle (the tables have none)
    }
    done[i] = 1;
    ancestors[i][i] = true;
    for (std::string_view super : lists[i].superclasses) {
      auto it = role_index.find(super);
      if (it == role_index.end()) {
        continue;
      }
      FillAncestors(it->second, done);
      for (size_t j = 0; j < ancestors.size(); ++j) {
        if (ancestors[it->second][j]) {
          ancestors[i][j] = true;
        }
      }
    }
  }

  void Flatten(size_t i, std::vector<int>& state) {
    if (state[i] != 0) {
      return;  // done, or a cycle (the tables have none)
    }
    state[i] = 1;
    std::vector<std::string_view> all = Split(kRoles[i].supported, ' ');
    for (std::string_view r : lists[i].required) {
      all.push_back(r);
    }
    for (std::string_view super : lists[i].superclasses) {
      auto it = role_index.find(super);
      if (it == role_index.end()) {
        continue;
      }
      Flatten(it->second, state);
      for (std::string_view a : lists[it->second].supported) {
        all.push_back(a);
      }
    }
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    // Prohibited attributes are never supported, whatever an ancestor says.
    std::erase_if(all, [&](std::string_view a) {
      return std::find(lists[i].prohibited.begin(), lists[i].prohibited.end(), a) !=
             lists[i].prohibited.end();
    });
    lists[i].supported = std::move(all);
    state[i] = 2;
  }
};

const Registry& GetRegistry() {
  static const Registry kRegistry;
  return kRegistry;
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// HTML "valid integer": optional '-', then one or more ASCII digits. Interpretation: a leading
// '+' is accepted too, as the HTML integer parsing rules (which browsers apply) accept it.
bool IsInteger(std::string_view s) {
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    s.remove_prefix(1);
  }
  return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit);
}

// HTML "valid floating-point number" (2.3.4.3), plus an optional leading '+'.
bool IsNumber(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    ++i;
  }
  size_t digits = 0;
  while (i < s.size() && IsDigit(s[i])) {
    ++i;
    ++digits;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    size_t fraction = 0;
    while (i < s.size() && IsDigit(s[i])) {
      ++i;
      ++fraction;
    }
    if (fraction == 0) {
      return false;
    }
    digits += fraction;
  }
  if (digits == 0) {
    return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
      ++i;
    }
    size_t exponent = 0;
    while (i < s.size() && IsDigit(s[i])) {
      ++i;
      ++exponent;
    }
    if (exponent == 0) {
      return false;
    }
  }
  return i == s.size();
}

bool IsOneOf(std::string_view value, std::span<const std::string_view> allowed) {
  return std::any_of(allowed.begin(), allowed.end(),
                     [&](std::string_view a) { return EqualsIgnoreCase(a, value); });
}

}  // namespace

const RoleInfo* FindRole(std::string_view name) noexcept {
  const Registry& r = GetRegistry();
  auto it = r.role_index.find(name);
  return it == r.role_index.end() ? nullptr : &r.roles[it->second];
}

RoleId RoleIdOf(std::string_view name) noexcept {
  const Registry& r = GetRegistry();
  auto it = r.role_index.find(name);
  return it == r.role_index.end() ? kNoRoleId : static_cast<RoleId>(it->second);
}

RoleSet::RoleSet(std::span<const std::string_view> roles) noexcept {
  const Registry& r = GetRegistry();
  static_assert(std::size(kRoles) <= kCapacity, "RoleSet::kCapacity must exceed the role count");
  for (std::string_view name : roles) {
    RoleId ancestor = RoleIdOf(name);
    if (ancestor == kNoRoleId) {
      continue;
    }
    for (size_t i = 0; i < r.ancestors.size(); ++i) {
      if (r.ancestors[i][ancestor]) {
        bits_[i / 64] |= uint64_t{1} << (i % 64);
      }
    }
  }
}

std::span<const RoleInfo> AllRoles() noexcept {
  return GetRegistry().roles;
}

const AriaAttributeInfo* FindAriaAttribute(std::string_view name) noexcept {
  const Registry& r = GetRegistry();
  auto it = r.attribute_index.find(name);
  return it == r.attribute_index.end() ? nullptr : &r.attributes[it->second];
}

std::span<const AriaAttributeInfo> AllAriaAttributes() noexcept {
  return GetRegistry().attributes;
}

bool RoleInheritsFrom(std::string_view role, std::string_view ancestor_role) noexcept {
  const Registry& r = GetRegistry();
  auto it = r.role_index.find(role);
  if (it == r.role_index.end()) {
    return false;
  }
  auto ancestor = r.role_index.find(ancestor_role);
  return ancestor != r.role_index.end() && r.ancestors[it->second][ancestor->second];
}

bool IsAttributeAllowed(std::string_view role, std::string_view attribute) noexcept {
  const AriaAttributeInfo* attr = FindAriaAttribute(attribute);
  if (attr == nullptr) {
    return false;
  }
  const RoleInfo* info = role.empty() ? FindRole("generic") : FindRole(role);
  if (info == nullptr) {
    return attr->global;
  }
  if (role.empty()) {
    // No role: globals only. (The generic role's prohibition of aria-label/labelledby is a
    // separate question; see IsAttributeProhibited.)
    return attr->global;
  }
  if (std::find(info->prohibited_attributes.begin(), info->prohibited_attributes.end(),
                attribute) != info->prohibited_attributes.end()) {
    return false;
  }
  if (attr->global) {
    return true;
  }
  return std::binary_search(info->supported_attributes.begin(), info->supported_attributes.end(),
                            attribute);
}

bool IsAttributeProhibited(std::string_view role, std::string_view attribute) noexcept {
  const RoleInfo* info = FindRole(role.empty() ? std::string_view("generic") : role);
  if (info == nullptr) {
    return false;
  }
  return std::find(info->prohibited_attributes.begin(), info->prohibited_attributes.end(),
                   attribute) != info->prohibited_attributes.end();
}

std::vector<std::string_view> RequiredAttributes(std::string_view role, bool focusable) {
  std::vector<std::string_view> out;
  const RoleInfo* info = FindRole(role);
  if (info == nullptr) {
    return out;
  }
  out.assign(info->required_attributes.begin(), info->required_attributes.end());
  // WAI-ARIA 1.2 separator: "aria-valuenow (if focusable)".
  if (focusable && role == "separator") {
    out.emplace_back("aria-valuenow");
  }
  return out;
}

bool IsValidAriaValue(const AriaAttributeInfo& attribute, std::string_view value) noexcept {
  std::string_view v = TrimWhitespace(value);
  static constexpr std::string_view kTrueFalse[] = {"true", "false"};
  static constexpr std::string_view kTrueFalseUndefined[] = {"true", "false", "undefined"};
  static constexpr std::string_view kTristate[] = {"true", "false", "mixed", "undefined"};
  switch (attribute.type) {
    case AriaValueType::kTrueFalse:
      return IsOneOf(v, kTrueFalse);
    case AriaValueType::kTrueFalseUndefined:
      return IsOneOf(v, kTrueFalseUndefined);
    case AriaValueType::kTristate:
      return IsOneOf(v, kTristate);
    case AriaValueType::kIdRef:
      return !v.empty() && SplitWhitespace(v).size() == 1;
    case AriaValueType::kIdRefList:
      return !v.empty();
    case AriaValueType::kInteger:
      return IsInteger(v);
    case AriaValueType::kNumber:
      return IsNumber(v);
    case AriaValueType::kString:
      return true;
    case AriaValueType::kToken:
      return IsOneOf(v, attribute.allowed_tokens);
    case AriaValueType::kTokenList: {
      std::vector<std::string_view> tokens = SplitWhitespace(v);
      return !tokens.empty() && std::all_of(tokens.begin(), tokens.end(), [&](std::string_view t) {
        return IsOneOf(t, attribute.allowed_tokens);
      });
    }
  }
  return false;
}

}  // namespace plainsight::engine

// Reviewed false positives, silenced without losing the rule: `plainsight audit --ignore FILE`,
// or `.plainsight.toml` / `.plainsight.json` in the folder the audit runs from.
//
//   # .plainsight.toml
//   [[ignore]]
//   rule = "html.link-name"              # a rule id, or a prefix ending in "*" ("text.*")
//   selector = "#cookie-banner"          # a CSS selector: the element or anything inside it
//   url = "https://www.example.ie/archive/*"   # the page URL or file path; "*" matches any run
//   reason = "Third-party banner, reported to the vendor 2026-11"   # required
//
// Each entry needs a reason and at least one of rule, selector and url; an entry matches a
// finding when every field it has matches. The JSON form is {"ignore": [{...}, ...]}. A
// finding that matches is taken out of the results (the rule's outcome is worked out again
// from what remains) and listed under "ignored" with the entry's reason, so nothing is lost.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/page.h"
#include "engine/result.h"
#include "engine/runner.h"

namespace plainsight::audit {

struct IgnoreEntry {
  std::string rule;      // "" : any rule
  std::string selector;  // "" : any element
  std::string url;       // "" : any page
  std::string reason;
  std::string where;  // "FILE: entry N", for messages
};

class IgnoreList {
 public:
  IgnoreList();
  ~IgnoreList();
  IgnoreList(IgnoreList&&) noexcept;
  IgnoreList& operator=(IgnoreList&&) noexcept;

  // Reads FILE: TOML unless it ends in ".json". A malformed file, an unknown key, an entry
  // without a reason or without anything to match, or a selector that does not parse is an
  // error naming the entry.
  static engine::Result<IgnoreList> Load(const std::string& path);
  static engine::Result<IgnoreList> Parse(std::string_view text, bool json,
                                          const std::string& name);

  // The config file in `folder` (".plainsight.toml", then ".plainsight.json"), "" if none.
  static std::string FindConfig(const std::string& folder);

  bool empty() const { return entries_.empty(); }

  const std::vector<IgnoreEntry>& entries() const { return entries_; }

  // Takes the failed and cantTell findings that match out of `audit` (whose findings still
  // point into the page's nodes) and returns them as a JSON array: the finding's rule, outcome,
  // severity, selector, line, column, snippet, message, plus "reason" and "ignored_by".
  nlohmann::json Apply(engine::PageAudit& audit, const std::string& source) const;

 private:
  struct Compiled;
  std::vector<IgnoreEntry> entries_;
  std::vector<std::unique_ptr<Compiled>> compiled_;  // parallel to entries_
};

// "*" matches any run of characters (including none); everything else literally.
bool GlobMatch(std::string_view pattern, std::string_view text);

}  // namespace plainsight::audit

// Helpers shared by the document rules (rules/pdf/, rules/office/): their findings have no
// HTML element, so each says where it is itself: `selector` a structure path ("Document[1]/
// Sect[2]/Figure[1]"), a page ("page 3") or a paragraph ("paragraph 12"); `snippet` what is
// there, starting with the page or paragraph so that text reports show it.
#pragma once

#include <string>
#include <string_view>

#include "engine/rule.h"

namespace plainsight::rules::doc {

struct Place {
  std::string selector;
  std::string snippet;
};

inline engine::Finding& Record(engine::Findings& out, engine::Outcome outcome, Place place,
                               std::string message) {
  engine::Finding& f = out.Add(outcome, nullptr, std::move(message));
  f.selector = std::move(place.selector);
  f.snippet = std::move(place.snippet);
  return f;
}

inline engine::Finding& Pass(engine::Findings& out, Place place) {
  return Record(out, engine::Outcome::kPassed, std::move(place), {});
}

// A failure with the rule's severity (an error unless the rule says otherwise).
inline engine::Finding& Fail(engine::Findings& out, Place place, std::string message) {
  return Record(out, engine::Outcome::kFailed, std::move(place), std::move(message));
}

// Very likely a failure, a person should look: failed, severity warning.
inline engine::Finding& Warn(engine::Findings& out, Place place, std::string message) {
  engine::Finding& f = Record(out, engine::Outcome::kFailed, std::move(place), std::move(message));
  f.severity = engine::Severity::kWarning;
  return f;
}

inline engine::Finding& CantTell(engine::Findings& out, Place place, std::string message) {
  return Record(out, engine::Outcome::kCantTell, std::move(place), std::move(message));
}

// Does a title look like a file name ("report_v3_final.docx", "Microsoft Word - minutes.doc",
// "Untitled")? Producers put the file name where the author gave no title.
bool LooksLikeFileName(std::string_view title);

// Text shortened to at most `max_bytes` on a UTF-8 boundary, with "…" when cut, in quotes.
std::string Quote(std::string_view text, size_t max_bytes = 60);

}  // namespace plainsight::rules::doc

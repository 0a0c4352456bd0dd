// Helpers shared by the document rules (rules/pdf/, rules/office/): their findings have no
// HTML element, so each says where it is itself: `selector` a structure path ("Document[1]/
// Sect[2]/Figure[1]"), a page ("page 3") or a paragraph ("paragraph 12"); `snippet` what is
// there, starting with the page or paragraph so that text reports show it.
#pragma once

#include <cstdint>
#include <optional>
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

// The whole document: no selector, `what` as snippet.
inline Place DocumentPlace(const std::string& what) {
  return {"", what};
}

// The table-header rules' verdict (pdf.table-headers, office.table-header) on one table: passed
// when it has headers; failed with `no_headers` when it has two rows and two columns or more (it
// holds data); cantTell with `one_line` otherwise (a single row or column may only lay out text).
void JudgeTableHeaders(engine::Findings& out, const Place& place, bool has_headers, uint32_t rows,
                       uint32_t columns, std::string no_headers, std::string one_line);

// Does an optional text (an /Alt, a tooltip, an alternative text) say anything: present and
// not only whitespace?
bool Says(const std::optional<std::string>& text);

// Does a title look like a file name ("report_v3_final.docx", "Microsoft Word - minutes.doc",
// "Untitled")? Producers put the file name where the author gave no title.
bool LooksLikeFileName(std::string_view title);

// Text shortened to at most `max_bytes` on a UTF-8 boundary, with "…" when cut, in quotes.
std::string Quote(std::string_view text, size_t max_bytes = 60);

// The title rules' verdict (pdf.title, office.title) on a document's title, whitespace
// collapsed: failed at `missing` with `missing_message` when empty, a warning when it is a file
// name, passed otherwise. `owner` starts the warning ("The PDF's").
void JudgeTitle(engine::Findings& out, const std::string& title, Place missing,
                std::string missing_message, std::string_view owner);

// The language rules' verdict (pdf.lang, office.lang) on a document's language tag, whitespace
// collapsed: failed at `missing` with `missing_message` when empty, failed at `declared` when
// not a valid BCP 47 tag, passed at `declared` otherwise. `what` names the declaration in the
// failure ("The PDF's /Lang").
void JudgeLanguage(engine::Findings& out, const std::string& lang, Place missing,
                   std::string missing_message, Place declared, std::string_view what);

// The heading-order rules' walk (pdf.heading-order, office.heading-order), fed a document's
// headings in reading order: a heading fails when it is the first and not at level 1
// (`first_message(level)`), or when it is more than one level below the heading before it
// (`skip_message(level, previous)`); it passes otherwise.
class HeadingOrder {
 public:
  using FirstMessage = std::string (*)(int level);
  using SkipMessage = std::string (*)(int level, int previous);

  HeadingOrder(FirstMessage first_message, SkipMessage skip_message)
      : first_message_(first_message), skip_message_(skip_message) {}

  // Judges the next heading, at `level` (1 is the top), found at `place`.
  void Judge(engine::Findings& out, Place place, int level);

 private:
  FirstMessage first_message_;
  SkipMessage skip_message_;
  int previous_ = 0;  // the level of the heading before, 0 before the first
};

}  // namespace plainsight::rules::doc

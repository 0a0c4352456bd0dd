// Text runs as they are laid out in blocks, for the typography rules (italic and capital runs,
// small text): visible text nodes in document order, each with its element's computed style and
// its block (the nearest ancestor whose display is not inline).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/page.h"
#include "engine/rule.h"

namespace plainsight::rules::typography {

struct TextRun {
  const engine::Node* text = nullptr;    // the text node
  const engine::Node* parent = nullptr;  // its element, whose computed style applies
  const engine::Node* block = nullptr;   // the nearest ancestor (or parent) laid out as a block
  const engine::Page* page = nullptr;    // the page (or frame's page) that holds it
};

// Calls `visit` for each visible, non-blank text node of the page and its frames, in document
// order (collected once per page and kept with it). Skips script, style, template, noscript, title
// and elements outside the HTML namespace.
void ForEachTextRun(const engine::Page& page,
                    const std::function<void(const engine::Page&, const TextRun&)>& visit);

struct BlockText {
  const engine::Node* block = nullptr;
  std::string text;   // its visible text runs joined by spaces, in document order
  std::string lower;  // `text` ASCII-lowercased, for the rules that match phrases in it
};

// The visible text of each block of the page and its frames, in document order of the blocks'
// first text.
// Worked out once per page and kept with it.
const std::vector<BlockText>& BlockTexts(const engine::Page& page);

// The check of the rules that ask a person about some blocks of text (html.instructions-color,
// html.instructions-location): cantTell on each block for which `question(its lower-case text)`
// gives a message; passed on the html element when the page has any block of text.
void AskAboutBlocks(
    const engine::Page& page, engine::Findings& out,
    const std::function<std::optional<std::string>(const std::string& lower)>& question);

struct BlockRun {
  const engine::Node* block = nullptr;
  int longest = 0;  // the most words in a row for which the predicate held
};

// For each block with visible text, in document order of its first text: the longest run of
// consecutive words (with a letter), across the block's text runs, that count. A word counts
// when `run_counts(page, run)` holds for its text run (asked once per run: a style, say), or
// else when `word_counts(word)` holds. Either may be null (never counts). Used by the italic
// and capital-letter rules.
using RunPredicate = bool (*)(const engine::Page& page, const TextRun& run);
using WordPredicate = bool (*)(std::string_view word);
std::vector<BlockRun> LongestRuns(const engine::Page& page, RunPredicate run_counts,
                                  WordPredicate word_counts);

// The check of the italic and capital-letter rules: for each block of LongestRuns(page,
// run_counts, word_counts), a warning on the block when its longest run has `min_words` words or
// more ("This block has 12 words in a row in " + `in_what`), passed otherwise.
void CheckLongRuns(const engine::Page& page, engine::Findings& out, RunPredicate run_counts,
                   WordPredicate word_counts, double min_words, std::string_view in_what);

// Does the word have letters, and no lower-case letter (ASCII, Latin-1 and Latin Extended-A
// lower-case letters count), so that it reads as capitals? "NHS" and "FÁILTE" do; "2024" does
// not.
bool IsUpperCaseWord(std::string_view word);

// Does the word contain at least one letter (ASCII or any non-ASCII character)?
bool HasLetter(std::string_view word);

}  // namespace plainsight::rules::typography

#include "rules/html/support/typography.h"

#include <algorithm>
#include <unordered_map>

#include "engine/ascii.h"
#include "rules/support.h"

namespace plainsight::rules::typography {
namespace {

bool Skipped(const engine::Node& e) {
  return e.ns() != engine::Namespace::kHtml || e.IsHtml("script") || e.IsHtml("style") ||
         e.IsHtml("template") || e.IsHtml("noscript") || e.IsHtml("title") || e.IsHtml("head");
}

bool IsInlineDisplay(std::string_view display) {
  return display == "inline" || display == "contents" || display == "ruby" || display.empty();
}

void Walk(const engine::Page& page, const engine::Node& element, const engine::Node* block,
          const std::function<void(const engine::Page&, const TextRun&)>& visit) {
  if (Skipped(element) || page.styles().IsDisplayNone(element)) {
    return;
  }
  const std::string& display = page.styles().Of(element).Get("display").text;
  const engine::Node* own_block = IsInlineDisplay(display) && block != nullptr ? block : &element;
  bool visible_checked = false;
  bool visible = false;
  for (const engine::Node* child : element.children()) {
    if (child->IsText()) {
      if (engine::TrimWhitespace(child->text()).empty()) {
        continue;
      }
      if (!visible_checked) {
        visible = IsVisible(page, element);
        visible_checked = true;
      }
      if (visible) {
        visit(page, TextRun{child, &element, own_block});
      }
    } else if (child->IsElement()) {
      Walk(page, *child, own_block, visit);
    }
  }
}

// The page's text runs, collected once per page (Page::Derived) for every rule that reads them.
struct TextRuns {
  std::vector<TextRun> runs;

  explicit TextRuns(const engine::Page& page) { Collect(page); }

  void Collect(const engine::Page& page) {
    if (const engine::Node* root = page.document().html()) {
      Walk(page, *root, nullptr, [&](const engine::Page& p, const TextRun& r) {
        runs.push_back(r);
        runs.back().page = &p;
      });
    }
    for (const auto& sub : page.subpages()) {
      Collect(*sub);
    }
  }
};

struct BlockTextsOfPage {
  std::vector<BlockText> blocks;

  explicit BlockTextsOfPage(const engine::Page& page) {
    std::unordered_map<const engine::Node*, size_t> index;
    ForEachTextRun(page, [&](const engine::Page&, const TextRun& r) {
      auto [it, added] = index.try_emplace(r.block, blocks.size());
      if (added) {
        blocks.push_back(BlockText{r.block, {}, {}});
      }
      std::string& text = blocks[it->second].text;
      if (!text.empty()) {
        text.push_back(' ');
      }
      text += engine::TrimWhitespace(r.text->text());
    });
    for (BlockText& b : blocks) {
      b.lower = engine::AsciiLower(b.text);
    }
  }
};

}  // namespace

void ForEachTextRun(const engine::Page& page,
                    const std::function<void(const engine::Page&, const TextRun&)>& visit) {
  for (const TextRun& r : page.Derived<TextRuns>().runs) {
    visit(*r.page, r);
  }
}

const std::vector<BlockText>& BlockTexts(const engine::Page& page) {
  return page.Derived<BlockTextsOfPage>().blocks;
}

std::vector<BlockRun> LongestRuns(const engine::Page& page, RunPredicate run_counts,
                                  WordPredicate word_counts) {
  std::vector<BlockRun> out;
  std::vector<int> current;  // the run in progress, per entry of `out`
  std::unordered_map<const engine::Node*, size_t> index;
  for (const TextRun& r : page.Derived<TextRuns>().runs) {
    auto [it, added] = index.try_emplace(r.block, out.size());
    if (added) {
      out.push_back(BlockRun{r.block, 0});
      current.push_back(0);
    }
    BlockRun& b = out[it->second];
    int& run = current[it->second];
    const bool whole_run = run_counts != nullptr && run_counts(*r.page, r);
    // The words: runs of characters that are not ASCII white space.
    const std::string_view text = r.text->text();
    size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && engine::IsAsciiSpace(text[i])) {
        ++i;
      }
      const size_t start = i;
      while (i < text.size() && !engine::IsAsciiSpace(text[i])) {
        ++i;
      }
      const std::string_view w = text.substr(start, i - start);
      if (w.empty() || !HasLetter(w)) {
        continue;
      }
      run = whole_run || (word_counts != nullptr && word_counts(w)) ? run + 1 : 0;
      b.longest = std::max(b.longest, run);
    }
  }
  return out;
}

void CheckLongRuns(const engine::Page& page, engine::Findings& out, RunPredicate run_counts,
                   WordPredicate word_counts, double min_words, std::string_view in_what) {
  for (const BlockRun& b : LongestRuns(page, run_counts, word_counts)) {
    if (b.longest >= min_words) {
      out.Warn(b.block, "This block has " + std::to_string(b.longest) + " words in a row in " +
                            std::string(in_what));
    } else {
      out.Pass(b.block);
    }
  }
}

bool HasLetter(std::string_view word) {
  for (char c : word) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80) {
      return true;
    }
  }
  return false;
}

bool IsUpperCaseWord(std::string_view word) {
  int upper = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    const auto u = static_cast<unsigned char>(word[i]);
    if (u >= 'a' && u <= 'z') {
      return false;
    }
    if (u >= 'A' && u <= 'Z') {
      ++upper;
    } else if (u == 0xC3 && i + 1 < word.size()) {
      // U+00C0..U+00FF: C3 80..9E upper (but not C3 97, the multiplication sign); C3 9F..BF lower.
      const auto next = static_cast<unsigned char>(word[i + 1]);
      if (next >= 0x9F) {
        return false;
      }
      if (next != 0x97) {
        ++upper;
      }
      ++i;
    } else if ((u == 0xC4 || u == 0xC5) && i + 1 < word.size()) {
      // Latin Extended-A alternates upper (even) and lower (odd) code points, mostly.
      const auto next = static_cast<unsigned char>(word[i + 1]);
      if ((next & 1) != 0) {
        return false;
      }
      ++upper;
      ++i;
    }
  }
  return upper >= 1;
}

void AskAboutBlocks(
    const engine::Page& page, engine::Findings& out,
    const std::function<std::optional<std::string>(const std::string& lower)>& question) {
  bool any_text = false;
  for (const BlockText& b : BlockTexts(page)) {
    any_text = true;
    if (std::optional<std::string> message = question(b.lower)) {
      out.CantTell(b.block, std::move(*message));
    }
  }
  if (any_text && page.document().html() != nullptr) {
    out.Pass(page.document().html());
  }
}

}  // namespace plainsight::rules::typography

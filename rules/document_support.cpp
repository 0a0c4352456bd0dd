// Helpers shared by the document rules.
#include "rules/document_support.h"

#include "engine/dom.h"
#include "engine/language_tag.h"
#include "engine/utf8.h"

namespace plainsight::rules::doc {

std::string Quote(std::string_view text, size_t max_bytes) {
  std::string collapsed = engine::CollapseWhitespace(text);
  if (collapsed.size() <= max_bytes) {
    return "\"" + collapsed + "\"";
  }
  return "\"" + collapsed.substr(0, engine::Utf8CutPoint(collapsed, max_bytes)) + "…\"";
}

bool Says(const std::optional<std::string>& text) {
  return text && !engine::CollapseWhitespace(*text).empty();
}

bool LooksLikeFileName(std::string_view title) {
  std::string lower = engine::AsciiLower(engine::CollapseWhitespace(title));
  if (lower.rfind("microsoft word - ", 0) == 0 || lower == "untitled" ||
      lower.rfind("untitled document", 0) == 0 || lower.rfind("document1", 0) == 0) {
    return true;
  }
  size_t dot = lower.rfind('.');
  if (dot == std::string::npos || lower.find(' ', dot) != std::string::npos) {
    return false;
  }
  std::string_view ext = std::string_view(lower).substr(dot + 1);
  for (std::string_view known :
       {"doc",  "docx", "dot", "dotx", "odt",  "ott", "rtf",  "pdf", "txt", "html", "htm",
        "indd", "qxd",  "pub", "xls",  "xlsx", "ppt", "pptx", "tmp", "tex", "md"}) {
    if (ext == known) {
      return true;
    }
  }
  return false;
}

void JudgeTableHeaders(engine::Findings& out, const Place& place, bool has_headers, uint32_t rows,
                       uint32_t columns, std::string no_headers, std::string one_line) {
  if (has_headers) {
    Pass(out, place);
  } else if (rows >= 2 && columns >= 2) {
    Fail(out, place, std::move(no_headers));
  } else {
    CantTell(out, place, std::move(one_line));
  }
}

void JudgeTitle(engine::Findings& out, const std::string& title, Place missing,
                std::string missing_message, std::string_view owner) {
  if (title.empty()) {
    Fail(out, std::move(missing), std::move(missing_message));
    return;
  }
  Place place = DocumentPlace("title " + Quote(title, 120));
  if (LooksLikeFileName(title)) {
    Warn(out, place,
         std::string(owner) + " title " + Quote(title) +
             " is a file name, not a title that says what the document is.");
    return;
  }
  Pass(out, place);
}

void JudgeLanguage(engine::Findings& out, const std::string& lang, Place missing,
                   std::string missing_message, Place declared, std::string_view what) {
  if (lang.empty()) {
    Fail(out, std::move(missing), std::move(missing_message));
    return;
  }
  if (!engine::IsValidLanguageTag(lang)) {
    Fail(out, std::move(declared),
         std::string(what) + " (" + lang + ") is not a valid language tag (BCP 47).");
    return;
  }
  Pass(out, std::move(declared));
}

void HeadingOrder::Judge(engine::Findings& out, Place place, int level) {
  if (previous_ == 0 && level != 1) {
    Fail(out, std::move(place), first_message_(level));
  } else if (previous_ != 0 && level > previous_ + 1) {
    Fail(out, std::move(place), skip_message_(level, previous_));
  } else {
    Pass(out, std::move(place));
  }
  previous_ = level;
}

}  // namespace plainsight::rules::doc

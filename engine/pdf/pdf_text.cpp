// The text a reader extracts, from poppler's text output (the words assistive technology and
// "copy text" get from an untagged or tagged PDF alike), grouped into lines with their font size
// and weight. Runs after pdf_content.cpp has refused files whose content would take poppler
// unbounded time.
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include "engine/pdf/pdf_internal.h"

namespace plainsight::engine::pdf::internal {
namespace {

// poppler reports damage through one process-wide callback; each ReadText counts its own.
thread_local int* tl_poppler_messages = nullptr;

void CountPopplerMessage(const std::string&, void*) {
  if (tl_poppler_messages != nullptr) {
    ++*tl_poppler_messages;
  }
}

std::once_flag install_callback;

bool IsBoldFontName(std::string name) {
  for (char& c : name) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  for (const char* w : {"bold", "black", "heavy", "demi", "semibold", ",b"}) {
    if (name.find(w) != std::string::npos) {
      return true;
    }
  }
  return false;
}

uint32_t NonSpaceUnits(const poppler::ustring& text) {
  uint32_t n = 0;
  for (unsigned short u : text) {
    // Not white space, not the second half of a surrogate pair (one character, two units).
    if (u > 0x20 && u != 0xA0 && !(u >= 0xDC00 && u <= 0xDFFF)) {
      ++n;
    }
  }
  return n;
}

class LineBuilder {
 public:
  explicit LineBuilder(uint32_t page) : page_(page) {}

  // Adds a word; returns true when it started a new line (the previous one is in `done`).
  void Add(const poppler::text_box& box, std::vector<PdfTextLine>& done) {
    poppler::rectf r = box.bbox();
    poppler::byte_array utf8 = box.text().to_utf8();
    std::string word(utf8.begin(), utf8.end());
    if (word.empty()) {
      return;
    }
    double center = (r.top() + r.bottom()) / 2;
    bool same_line = !line_.text.empty() && center >= line_.top - 0.5 &&
                     center <= line_.bottom + 0.5 && r.left() >= last_right_ - 1;
    if (!same_line) {
      Flush(done);
      line_.page = page_;
      line_.top = static_cast<float>(r.top());
      line_.bottom = static_cast<float>(r.bottom());
    } else {
      double gap = r.left() - last_right_;
      if (last_space_after_ || gap > 0.15 * std::max(1.0, r.height())) {
        line_.text += ' ';
      }
      line_.top = std::min(line_.top, static_cast<float>(r.top()));
      line_.bottom = std::max(line_.bottom, static_cast<float>(r.bottom()));
    }
    line_.text += word;
    ++line_.words;
    uint32_t chars = NonSpaceUnits(box.text());
    if (box.has_font_info()) {
      int size_key = static_cast<int>(std::lround(box.get_font_size() * 10));
      size_chars_[size_key] += chars;
      if (IsBoldFontName(box.get_font_name(0))) {
        bold_chars_ += chars;
      }
    }
    chars_ += chars;
    last_right_ = r.right();
    last_space_after_ = box.has_space_after();
  }

  void Flush(std::vector<PdfTextLine>& done) {
    if (!line_.text.empty()) {
      uint32_t best = 0;
      for (const auto& [size, chars] : size_chars_) {
        if (chars > best) {
          best = chars;
          line_.font_size = static_cast<float>(size) / 10;
        }
      }
      line_.bold = bold_chars_ * 2 > chars_;
      done.push_back(std::move(line_));
    }
    line_ = PdfTextLine();
    size_chars_.clear();
    bold_chars_ = 0;
    chars_ = 0;
    last_right_ = 0;
    last_space_after_ = false;
  }

 private:
  uint32_t page_;
  PdfTextLine line_;
  std::map<int, uint32_t> size_chars_;  // font size x 10 -> characters
  uint32_t bold_chars_ = 0;
  uint32_t chars_ = 0;
  double last_right_ = 0;
  bool last_space_after_ = false;
};

}  // namespace

bool ReadText(Reader& reader, std::string_view bytes) {
  std::call_once(install_callback,
                 [] { poppler::set_debug_error_function(&CountPopplerMessage, nullptr); });
  int messages = 0;
  tl_poppler_messages = &messages;

  struct Reset {
    ~Reset() { tl_poppler_messages = nullptr; }
  } reset;

  PdfDocument& doc = reader.doc;
  // poppler reads from our buffer without copying it; it outlives the document below.
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf || pdf->is_locked()) {
    reader.Warn("poppler could not read the text of this PDF; text checks are left to a person");
    return false;
  }
  int count = std::min(pdf->pages(), static_cast<int>(doc.pages.size()));
  bool lines_capped = false;
  for (int i = 0; i < count; ++i) {
    PdfPage& page = doc.pages[i];
    if (!page.read) {
      continue;
    }
    std::unique_ptr<poppler::page> p(pdf->create_page(i));
    if (!p) {
      continue;
    }
    std::vector<poppler::text_box> boxes = p->text_list(poppler::page::text_list_include_font);
    LineBuilder builder(page.number);
    for (const poppler::text_box& box : boxes) {
      page.text_chars += NonSpaceUnits(box.text());
      if (doc.lines.size() < reader.limits.max_text_lines) {
        builder.Add(box, doc.lines);
      } else {
        lines_capped = true;
      }
    }
    builder.Flush(doc.lines);
  }
  if (lines_capped) {
    reader.Warn("only the first " + std::to_string(reader.limits.max_text_lines) +
                " lines of text were kept");
  }
  if (messages > 0) {
    reader.Warn("poppler met " + std::to_string(messages) +
                " problems while extracting the text (damaged content?)");
  }
  return true;
}

}  // namespace plainsight::engine::pdf::internal

// pdf.headings-tagged: a tagged PDF whose text shows headings (short lines set larger or bold)
// tags them as headings. WCAG 2.2 SC 1.3.1; EN 301 549 10.1.3.1; WCAG technique PDF9;
// ISO 14289-1 7.4; Matterhorn 14-001 (headings are not tagged; a human check there, which
// this rule narrows down).
// Very likely (failed, warning): the structure tree has no H or H1-H6 at all and some lines
// look like headings: at most `max_words` words, no closing punctuation, and set at least
// `min_size_ratio` times the body text's size or bold where the body is not. Each such line is
// listed. Untagged PDFs are pdf.tagged's.
#include <cmath>
#include <map>

#include "engine/pdf/pdf_document.h"
#include "rules/catalog.h"
#include "rules/pdf/pdf_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"10.1.3.1"};
constexpr std::string_view kTechniques[] = {"PDF9", "PDF/UA-1 7.4", "Matterhorn 14-001"};
constexpr engine::RuleOption kOptions[] = {
    {"max_words", 12, "a line with more words is not taken for a heading"},
    {"min_size_ratio", 1.2, "a heading's font size over the body text's, at least"},
    {"max_listed", 20, "heading-like lines listed per document"},
};
constexpr std::string_view kPasses[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R "
    ">> endobj 6 0 obj << /Type /StructTreeRoot /K [7 0 R] >> endobj "
    "7 0 obj << /S /H1 /Pg 3 0 R /K 0 >> endobj",
};
constexpr std::string_view kFails[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R "
    ">> endobj 4 0 obj << >> stream\n/P << /MCID 0 >> BDC BT /F1 20 Tf 72 770 Td (Planning "
    "permission) Tj ET EMC /P << /MCID 1 >> BDC BT /F1 11 Tf 72 740 Td (Send the form to the "
    "planning office before the closing date.) Tj ET EMC\nendstream endobj "
    "6 0 obj << /Type /StructTreeRoot /K [7 0 R 8 0 R] >> endobj "
    "7 0 obj << /S /P /Pg 3 0 R /K 0 >> endobj 8 0 obj << /S /P /Pg 3 0 R /K 1 >> endobj",
};
constexpr std::string_view kInapplicable[] = {
    // Tagged, no headings, and nothing that looks like one.
    "1 0 obj << /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R "
    ">> endobj 4 0 obj << >> stream\n/P << /MCID 0 >> BDC BT /F1 11 Tf 72 770 Td (Send the form "
    "to the planning office before the closing date.) Tj ET EMC\nendstream endobj "
    "6 0 obj << /Type /StructTreeRoot /K [7 0 R] >> endobj "
    "7 0 obj << /S /P /Pg 3 0 R /K 0 >> endobj",
    // Untagged.
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
};

bool EndsSentence(const std::string& text) {
  char last = text.empty() ? '.' : text.back();
  return last == '.' || last == ',' || last == ';' || last == ':';
}

bool HasLetters(const std::string& text) {
  int letters = 0;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    letters += (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || u >= 0x80;
  }
  return letters >= 2;
}

void Check(const engine::pdf::PdfDocument& doc, engine::Findings& out) {
  if (!doc.IsTagged() || !doc.text_extracted) {
    return;
  }
  uint32_t headings = 0;
  for (const engine::pdf::StructElement& e : doc.elements) {
    headings += pdf_rules::IsHeading(e);
  }
  if (headings > 0) {
    doc::Pass(out, pdf_rules::DocumentPlace(std::to_string(headings) + " heading tags"));
    return;
  }
  // The body text: the font size most characters are set in, and whether they are bold.
  std::map<int, size_t> size_chars;
  size_t bold_chars = 0;
  size_t chars = 0;
  for (const engine::pdf::PdfTextLine& line : doc.lines) {
    size_chars[static_cast<int>(std::lround(line.font_size * 10))] += line.text.size();
    bold_chars += line.bold ? line.text.size() : 0;
    chars += line.text.size();
  }
  float body = 0;
  size_t best = 0;
  for (const auto& [size, n] : size_chars) {
    if (n > best) {
      best = n;
      body = static_cast<float>(size) / 10;
    }
  }
  bool body_bold = bold_chars * 2 > chars;
  const double max_words = kOptions[0].default_value;
  const double min_ratio = kOptions[1].default_value;
  const double max_listed = kOptions[2].default_value;
  int listed = 0;
  for (const engine::pdf::PdfTextLine& line : doc.lines) {
    bool larger = body > 0 && line.font_size >= body * min_ratio;
    bool bolder = line.bold && !body_bold;
    if (line.words == 0 || line.words > max_words || EndsSentence(line.text) ||
        !HasLetters(line.text) || !(larger || bolder)) {
      continue;
    }
    if (listed++ >= max_listed) {
      break;
    }
    char size[16];
    std::snprintf(size, sizeof size, "%.3g", line.font_size);
    doc::Fail(out, pdf_rules::PagePlace(line.page, doc::Quote(line.text)),
              "This line looks like a heading (" + std::string(larger ? "larger" : "bold") +
                  " text, " + size +
                  " pt) but the PDF tags no headings, so screen reader "
                  "users cannot jump to it.");
  }
}

}  // namespace

extern const engine::Rule kPdfHeadingsTagged{
    .id = "pdf.headings-tagged",
    .summary = "Tagged PDFs tag the headings their text shows",
    .why =
        "Screen reader users skim a document by jumping from heading to heading. Text that "
        "only looks like a heading (bigger or bold) cannot be jumped to.",
    .help =
        "Use heading styles (Heading 1, Heading 2) in the source document instead of "
        "making text big or bold, then export with tags; or tag the headings H1, H2 in a "
        "PDF editor.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .severity = engine::Severity::kWarning,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .options = kOptions,
    .check_pdf = &Check,
    .techniques = kTechniques};

}  // namespace plainsight::rules

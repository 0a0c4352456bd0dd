// office.headings: a document's headings are marked up as headings (a heading style or
// outline level in DOCX, text:h in ODT), not paragraphs made bold or large to look like them.
// WCAG 2.2 SC 1.3.1; EN 301 549 10.1.3.1.
// Very likely (failed, warning):
//  - a paragraph that looks like a heading: at most `max_words` words, no closing punctuation,
//    bold throughout or set `min_size_ratio` times the body size or more, not in a table or
//    list, followed by ordinary text;
//  - a document of `min_words` words or more with no headings at all.
// Styled headings pass. Whether a bold line is a heading needs a person in the end, hence a
// warning, not an error.
#include "engine/office/office_document.h"
#include "rules/catalog.h"
#include "rules/office/office_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"10.1.3.1"};
constexpr engine::RuleOption kOptions[] = {
    {"max_words", 12, "a longer paragraph is not taken for a heading"},
    {"min_size_ratio", 1.2, "a heading's size over the body text's, at least (or bold)"},
    {"min_words", 300, "documents this long need headings"},
};
constexpr std::string_view kPasses[] = {
    "word/document.xml: <w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>How to "
    "apply</w:t></w:r></w:p><w:p><w:r><w:t>Fill in the form and post it to us.</w:t></w:r></w:p>",
    "content.xml: <text:h text:outline-level=\"1\">How to apply</text:h>"
    "<text:p>Fill in the form and post it to us.</text:p>",
};
constexpr std::string_view kFails[] = {
    // Bold.
    "word/document.xml: <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>How to apply</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>Fill in the form and post it to us.</w:t></w:r></w:p>",
    // Large (18 pt over a 12 pt body), in an automatic style.
    "content.xml: <office:automatic-styles><style:style style:name=\"P1\" "
    "style:family=\"paragraph\"><style:text-properties fo:font-size=\"18pt\"/></style:style>"
    "</office:automatic-styles><office:body><office:text><text:p text:style-name=\"P1\">How to "
    "apply</text:p><text:p>Fill in the form and post it to us.</text:p></office:text>"
    "</office:body>",
};
constexpr std::string_view kInapplicable[] = {
    // Short, no headings, nothing that looks like one.
    "word/document.xml: <w:p><w:r><w:t>Bins go out on Tuesday.</w:t></w:r></w:p>",
};

bool EndsSentence(const std::string& text) {
  char last = text.empty() ? '.' : text.back();
  return last == '.' || last == ',' || last == ';' || last == ':';
}

bool LooksLikeHeading(const engine::office::OfficeDocument& doc,
                      const engine::office::Paragraph& p) {
  const double max_words = kOptions[0].default_value;
  const double min_ratio = kOptions[1].default_value;
  if (p.heading_level > 0 || p.title_style || p.in_table || p.list_item || p.words == 0 ||
      p.words > max_words || EndsSentence(p.text)) {
    return false;
  }
  bool larger = doc.body_font_size > 0 && p.font_size >= doc.body_font_size * min_ratio;
  if (!p.bold && !larger) {
    return false;
  }
  // A heading introduces text: the next paragraph is ordinary text.
  const engine::office::Paragraph* next = doc.ParagraphAt(p.index + 1);
  return next != nullptr && next->words > 0 && next->heading_level == 0 && !next->bold &&
         !next->title_style;
}

void Check(const engine::office::OfficeDocument& doc, engine::Findings& out) {
  if (!doc.HasContent()) {
    return;
  }
  uint32_t headings = 0;
  uint32_t lookalikes = 0;
  for (const engine::office::Paragraph& p : doc.paragraphs) {
    if ((p.heading_level > 0 || p.title_style) && p.words > 0) {
      ++headings;
      doc::Pass(out, office_rules::ParagraphPlace(p));
    } else if (LooksLikeHeading(doc, p)) {
      ++lookalikes;
      doc::Fail(out, office_rules::ParagraphPlace(p),
                "This paragraph looks like a heading (" +
                    std::string(p.bold ? "bold" : "large text") +
                    ") but is not styled as one, so screen reader users cannot find it in the "
                    "list of headings.");
    }
  }
  const double min_words = kOptions[2].default_value;
  if (headings == 0 && lookalikes == 0 && doc.words >= min_words) {
    doc::Fail(out, office_rules::DocumentPlace(std::to_string(doc.words) + " words"),
              "The document has " + std::to_string(doc.words) +
                  " words and no headings: people who navigate by headings cannot get around "
                  "it.");
  }
}

}  // namespace

extern const engine::Rule kOfficeHeadings{
    .id = "office.headings",
    .summary = "Word-processing documents use heading styles for their headings",
    .why =
        "Screen reader users list a document's headings and jump between them; the PDF "
        "exported from the document gets its heading tags and bookmarks from them. Text "
        "made bold or large only looks like a heading.",
    .help =
        "Apply the Heading 1, Heading 2 (and so on) styles to headings instead of bold or "
        "a bigger font; change the style's look if you want a different appearance.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .severity = engine::Severity::kWarning,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .options = kOptions,
    .check_office = &Check};

}  // namespace plainsight::rules

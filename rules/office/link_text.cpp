// office.link-text: a link's text says where it goes ("Planning fees 2024"), not "click here".
// WCAG 2.2 SC 2.4.4 (in context); EN 301 549 10.2.4.4; WCAG failure F84.
// Certain (failed, error): the whole link text is a phrase that cannot describe any
// destination ("click here", "more", "read more", "here", "link") and the link is alone in its
// paragraph (no context). Very likely (failed, warning): the same phrases with other text in
// the paragraph, which may give the purpose in context. English phrases only; other links
// pass this rule (it proves nothing about them beyond that).
#include "engine/office/office_document.h"
#include "rules/catalog.h"
#include "rules/office/office_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"2.4.4"};
constexpr std::string_view kEn[] = {"10.2.4.4"};
constexpr std::string_view kPasses[] = {
    "word/document.xml: <w:p><w:hyperlink r:id=\"rId4\"><w:r><w:t>Planning fees 2024</w:t>"
    "</w:r></w:hyperlink></w:p>",
};
constexpr std::string_view kFails[] = {
    "word/document.xml: <w:p><w:hyperlink r:id=\"rId4\"><w:r><w:t>Click here</w:t></w:r>"
    "</w:hyperlink></w:p>",
    "content.xml: <text:p>The fees have changed. <text:a xlink:href=\"https://x.ie/fees\">Read "
    "more</text:a></text:p>",
};
constexpr std::string_view kInapplicable[] = {
    "word/document.xml: <w:p><w:r><w:t>Bins go out on Tuesday.</w:t></w:r></w:p>",
};

constexpr std::string_view kVague[] = {
    "click",
    "click here",
    "click this link",
    "continue",
    "details",
    "find out more",
    "go",
    "here",
    "info",
    "learn more",
    "link",
    "more",
    "more info",
    "more information",
    "read more",
    "see more",
    "this",
    "this link",
    "this page",
    "website",
    "go here",
    "press here",
    "tap here",
    "view",
};

std::string Normal(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               static_cast<unsigned char>(c) >= 0x80) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  return out;
}

bool IsVague(std::string_view text) {
  std::string n = Normal(text);
  for (std::string_view v : kVague) {
    if (n == v) {
      return true;
    }
  }
  return false;
}

void Check(const engine::office::OfficeDocument& doc, engine::Findings& out) {
  for (const engine::office::Link& link : doc.links) {
    if (Normal(link.text).empty()) {
      continue;  // an image link: its name is the image's alternative text (office.image-alt)
    }
    doc::Place place = office_rules::LinkPlace(link);
    if (!IsVague(link.text)) {
      doc::Pass(out, place);
      continue;
    }
    const engine::office::Paragraph* p = doc.ParagraphAt(link.paragraph);
    bool alone = p == nullptr || Normal(p->text) == Normal(link.text);
    std::string message =
        "The link text " + doc::Quote(link.text) + " does not say where the link goes";
    if (alone) {
      doc::Fail(out, place, message + ", and nothing around it does.");
    } else {
      doc::Warn(out, place,
                message + ": people who list the links of a document hear it out of context.");
    }
  }
}

}  // namespace

extern const engine::Rule kOfficeLinkText{
    .id = "office.link-text",
    .summary = "Links in documents say where they go",
    .why =
        "Screen reader users often list a document's links or tab from one to the next. "
        "\"Click here\" and \"read more\" say nothing on their own.",
    .help =
        "Put the link on words that name the destination: \"See the planning fees for "
        "2024\" rather than \"For the fees, click here\".",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kSerious,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .check_office = &Check};

}  // namespace plainsight::rules

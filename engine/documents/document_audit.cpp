// The document audit: reader, document rules (isolated as the page runner isolates page rules,
// STYLE.md section 4), and the plain-language analysis of the extracted text.
#include "engine/documents/document_audit.h"

#include <exception>

#include "engine/dom.h"
#include "engine/text/extract.h"

namespace plainsight::engine::documents {
namespace {

// Runs each rule whose `check` member is set on the model, in the order of `rules`.
template <typename Model, typename CheckFunction>
PageAudit RunModelRules(const Model& model, std::span<const Rule* const> rules,
                        CheckFunction Rule::*check, const RunOptions& options) {
  PageAudit audit;
  for (const Rule* rule : rules) {
    if (rule->*check == nullptr) {
      continue;
    }
    RunIsolated(*rule, options, audit.results.emplace_back(),
                [&](Findings& out) { (rule->*check)(model, out); });
  }
  return audit;
}

std::string Extension(std::string_view name) {
  name = name.substr(0, name.find_first_of("?#"));
  size_t slash = name.rfind('/');
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return {};
  }
  return AsciiLower(name.substr(dot + 1));
}

// The analyser's input for a PDF: the paragraph text, as plain text in the document's language.
Result<text::ExtractedText> PdfText(const pdf::PdfDocument& document) {
  std::string plain = pdf::ParagraphText(document);
  // Control characters a broken ToUnicode map may produce would make the text look binary.
  for (char& c : plain) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\n') {
      c = ' ';
    }
  }
  auto extracted = text::ExtractPlainText(plain);
  if (extracted) {
    extracted->lang = document.lang.value_or("");
    for (text::TextBlock& block : extracted->blocks) {
      block.lang = extracted->lang;
    }
  }
  return extracted;
}

// The text rules among `rules` run on the document's text; their results join the document
// rules' in out.audit (the text view keeps its findings too).
void Analyse(const Result<text::ExtractedText>& extracted, std::span<const Rule* const> rules,
             const DocumentAuditOptions& options, DocumentAudit& out) {
  if (!extracted) {
    out.audit.warnings.push_back("plain-language analysis skipped: " + extracted.error().message);
    return;
  }
  if (extracted->blocks.empty()) {
    return;
  }
  auto analysis = options.analyser->Analyse(*extracted, rules, options.analysis);
  if (analysis) {
    for (const RuleResult& r : analysis->rules) {
      out.audit.results.push_back(r);
    }
    out.analysis = std::move(*analysis);
  } else {
    out.audit.warnings.push_back("plain-language analysis failed: " + analysis.error().message);
  }
}

}  // namespace

const char* DocumentTypeName(DocumentType type) noexcept {
  switch (type) {
    case DocumentType::kPdf:
      return "pdf";
    case DocumentType::kDocx:
      return "docx";
    case DocumentType::kOdt:
      return "odt";
  }
  return "pdf";
}

std::optional<DocumentType> DocumentTypeFromName(std::string_view name) {
  std::string ext = Extension(name);
  if (ext == "pdf") {
    return DocumentType::kPdf;
  }
  if (ext == "docx") {
    return DocumentType::kDocx;
  }
  if (ext == "odt") {
    return DocumentType::kOdt;
  }
  return std::nullopt;
}

std::optional<DocumentType> SniffDocumentType(std::string_view bytes) {
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) {
    return DocumentType::kPdf;
  }
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
    // Member names are stored uncompressed in the local headers and the central directory.
    if (bytes.find("word/document.xml") != std::string_view::npos) {
      return DocumentType::kDocx;
    }
    if (bytes.find("content.xml") != std::string_view::npos &&
        bytes.find("application/vnd.oasis.opendocument.text") != std::string_view::npos) {
      return DocumentType::kOdt;
    }
  }
  return std::nullopt;
}

PageAudit RunPdfRules(const pdf::PdfDocument& document, std::span<const Rule* const> rules,
                      const RunOptions& options) {
  PageAudit audit = RunModelRules(document, rules, &Rule::check_pdf, options);
  audit.type = "pdf";
  audit.title = document.Title();
  audit.lang = document.lang.value_or("");
  audit.warnings = document.warnings;
  return audit;
}

PageAudit RunOfficeRules(const office::OfficeDocument& document, std::span<const Rule* const> rules,
                         const RunOptions& options) {
  PageAudit audit = RunModelRules(document, rules, &Rule::check_office, options);
  audit.type = office::OfficeFormatName(document.format);
  audit.title = CollapseWhitespace(document.title.value_or(""));
  audit.lang = document.lang;
  audit.warnings = document.warnings;
  return audit;
}

Result<DocumentAudit> AuditDocument(std::string_view bytes, DocumentType type, std::string url,
                                    std::span<const Rule* const> rules,
                                    const DocumentAuditOptions& options) {
  DocumentAudit out;
  if (type == DocumentType::kPdf) {
    auto document = pdf::ParsePdf(bytes, options.limits.pdf);
    if (!document) {
      return document.error();
    }
    out.audit = RunPdfRules(*document, rules, options.run);
    if (options.analyser != nullptr && document->HasText()) {
      Analyse(PdfText(*document), rules, options, out);
    }
  } else {
    auto document = type == DocumentType::kDocx ? office::ParseDocx(bytes, options.limits.office)
                                                : office::ParseOdt(bytes, options.limits.office);
    if (!document) {
      return document.error();
    }
    out.audit = RunOfficeRules(*document, rules, options.run);
    if (options.analyser != nullptr && document->words > 0) {
      // The text extractor `plainsight text` uses, so a document gets the same analysis there
      // and in an audit.
      text::ExtractLimits limits;
      limits.max_input_bytes = options.limits.office.max_input_bytes;
      limits.max_member_bytes = options.limits.office.max_member_bytes;
      Analyse(type == DocumentType::kDocx ? text::ExtractDocx(bytes, limits)
                                          : text::ExtractOdt(bytes, limits),
              rules, options, out);
    }
  }
  out.audit.url = std::move(url);
  return out;
}

}  // namespace plainsight::engine::documents

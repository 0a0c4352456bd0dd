// Documents audited like pages (issue 13): a PDF, DOCX or ODT file's bytes in, the same
// PageAudit a web page gets out (type "pdf", "docx" or "odt"; the document rules' results; the
// reader's warnings), plus the plain-language analysis of its text. This is what the CLI, the
// crawler's callback and the scan store call for every document; nothing here does I/O.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "engine/office/office_document.h"
#include "engine/pdf/pdf_document.h"
#include "engine/result.h"
#include "engine/rule.h"
#include "engine/runner.h"
#include "engine/text/analyser.h"

namespace plainsight::engine::documents {

enum class DocumentType : uint8_t { kPdf, kDocx, kOdt };

// "pdf", "docx", "odt": the PageAudit type and the JSON "type".
const char* DocumentTypeName(DocumentType type) noexcept;

// The type a file name or URL path names by its extension (.pdf, .docx, .odt, any case; a query
// or fragment is ignored), nullopt for anything else.
std::optional<DocumentType> DocumentTypeFromName(std::string_view name);
// The type the bytes show: "%PDF-" in the first 1024 bytes; a zip with word/document.xml
// (DOCX) or content.xml (ODT). nullopt for anything else.
std::optional<DocumentType> SniffDocumentType(std::string_view bytes);

struct DocumentLimits {
  pdf::PdfLimits pdf;
  office::OfficeLimits office;
};

struct DocumentAuditOptions {
  RunOptions run;
  DocumentLimits limits;
  // The plain-language analysis of the document's text when set (not owned; one per thread).
  text::Analyser* analyser = nullptr;
  text::AnalysisOptions analysis;
};

struct DocumentAudit {
  PageAudit audit;  // type, url (as given), title, lang, one result per document rule run
  // The plain-language analysis, when an analyser was given and the document has text. When
  // the analysis fails, audit.warnings says why.
  std::optional<text::TextAnalysis> analysis;
};

// Reads the document and runs the rules of `rules` that check this type of document
// (check_pdf for PDF, check_office for DOCX and ODT; the others are skipped, so the whole
// catalogue can be passed). Fails as the reader does: kParse (not a readable PDF / DOCX / ODT,
// saying why), kUnsupported (needs a password), kTooLarge (over a limit: size, decompression or
// XObject bomb). Never throws unless options.run.strict and a rule throws.
Result<DocumentAudit> AuditDocument(std::string_view bytes, DocumentType type, std::string url,
                                    std::span<const Rule* const> rules,
                                    const DocumentAuditOptions& options = {});

// The rules on a model already read (the rule examples' runner). Never throws unless
// options.strict.
PageAudit RunPdfRules(const pdf::PdfDocument& document, std::span<const Rule* const> rules,
                      const RunOptions& options = {});
PageAudit RunOfficeRules(const office::OfficeDocument& document, std::span<const Rule* const> rules,
                         const RunOptions& options = {});

}  // namespace plainsight::engine::documents

// pdf.encryption: an encrypted PDF lets assistive technology extract its text (bit 10 of the
// /P permissions, "extract text and graphics in support of accessibility", ISO 32000-1 Table
// 22). WCAG 2.2 SC 1.3.1 (information that cannot be extracted is not programmatically
// determined); EN 301 549 10.1.3.1; ISO 14289-1 7.16; Matterhorn 26-001 (no /P) and 26-002
// (bit 10 false).
// Certain (failed, error): encrypted without /P, or with bit 10 off (for /R 2, the copy bit,
// as qpdf reads it). Many screen readers and reading tools honour the bit and refuse to read.
// Interpretation: applies to every encrypted PDF, with or without content. A PDF that needs a
// password to open cannot be read at all: the audit reports it as an input error instead.
#include "engine/pdf/pdf_document.h"
#include "rules/catalog.h"
#include "rules/pdf/pdf_support.h"

namespace plainsight::rules {
namespace {

constexpr std::string_view kWcag[] = {"1.3.1"};
constexpr std::string_view kEn[] = {"10.1.3.1"};
constexpr std::string_view kTechniques[] = {"PDF/UA-1 7.16", "Matterhorn 26-001",
                                            "Matterhorn 26-002"};
// Encrypted by qpdf (RC4 128, no user password, owner password "owner"); /U depends on /P.
constexpr std::string_view kPasses[] = {
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj "
    "4 0 obj << /Filter /Standard /Length 128 /V 2 /R 3 /P -4 "
    "/O <566fa873ee33c797cd3b904fdadf814afa34df9a38f6ed41b984e2c6da2aa6f5> "
    "/U <e897b8a3c629af042c4565dfd20a765d0122456a91bae5134273a6db134c87c4> >> endobj "
    "trailer << /Encrypt 4 0 R "
    "/ID [<5af9b15757f3ef5b306b9090bbec95ff><31415926535897932384626433832795>] >>",
};
constexpr std::string_view kFails[] = {
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj "
    "4 0 obj << /Filter /Standard /Length 128 /V 2 /R 3 /P -516 "
    "/O <566fa873ee33c797cd3b904fdadf814afa34df9a38f6ed41b984e2c6da2aa6f5> "
    "/U <d99be826eb80ef5cf33fffd2bda612200122456a91bae5134273a6db134c87c4> >> endobj "
    "trailer << /Encrypt 4 0 R "
    "/ID [<5af9b15757f3ef5b306b9090bbec95ff><31415926535897932384626433832795>] >>",
};
constexpr std::string_view kInapplicable[] = {
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
};

void Check(const engine::pdf::PdfDocument& doc, engine::Findings& out) {
  const engine::pdf::Encryption& e = doc.encryption;
  if (!e.encrypted) {
    return;
  }
  std::string p = e.permissions ? std::to_string(*e.permissions) : "none";
  doc::Place place =
      pdf_rules::DocumentPlace("/Encrypt /R " + std::to_string(e.revision) + " /P " + p);
  if (!e.permissions) {
    doc::Fail(out, place,
              "The PDF is encrypted without a permissions entry (/P), so readers may refuse "
              "assistive technology access to its text.");
  } else if (!e.allows_accessibility) {
    doc::Fail(out, place,
              "The PDF's encryption forbids extracting its text for accessibility: screen "
              "readers that respect the permission will not read it.");
  } else {
    doc::Pass(out, place);
  }
}

}  // namespace

extern const engine::Rule kPdfEncryption{
    .id = "pdf.encryption",
    .summary = "Encrypted PDFs let assistive technology read them",
    .why =
        "A PDF can be locked against copying while still allowing screen readers to read "
        "it. When the accessibility permission is off, some screen readers and read-aloud "
        "tools are refused the text.",
    .help =
        "Publish the PDF without security, or, if it must be protected, keep \"Enable text "
        "access for screen reader devices\" (accessibility) allowed in the security "
        "settings.",
    .wcag = kWcag,
    .en301549 = kEn,
    .impact = engine::Impact::kCritical,
    .passes = kPasses,
    .fails = kFails,
    .inapplicable = kInapplicable,
    .check_pdf = &Check,
    .techniques = kTechniques};

}  // namespace plainsight::rules

// Bad input: malformed, truncated, encrypted, too large, decompression and XObject bombs. Each
// gives a clear error (or a repaired document), never a crash, in bounded time and memory.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <zlib.h>

#include <catch2/catch.hpp>

#include "engine/pdf/pdf_document.h"
#include "engine/pdf/pdf_writer.h"
#include "plainsight/source_dir.h"

namespace pdf = plainsight::engine::pdf;
using plainsight::engine::ErrorCode;

namespace {

std::string ReadDocument(const std::string& name) {
  std::ifstream in(std::string(PLAINSIGHT_SOURCE_DIR) + "/tests/documents/" + name,
                   std::ios::binary);
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A zlib stream that inflates to `megabytes` MB of zeros, built from one compressed megabyte
// repeated (non-final deflate blocks ending on a byte boundary can be concatenated), so the
// test does not spend seconds compressing. Its checksum is wrong, which inflate notices only at
// the end: a bomb need not be valid to be a bomb.
std::string ZeroBomb(int megabytes) {
  std::string zeros(1 << 20, '\0');
  z_stream z{};
  REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string block(1 << 16, '\0');
  z.next_in = reinterpret_cast<Bytef*>(zeros.data());
  z.avail_in = static_cast<uInt>(zeros.size());
  z.next_out = reinterpret_cast<Bytef*>(block.data());
  z.avail_out = static_cast<uInt>(block.size());
  REQUIRE(deflate(&z, Z_FULL_FLUSH) == Z_OK);
  block.resize(block.size() - z.avail_out);
  deflateEnd(&z);
  std::string out = "\x78\x01";
  for (int i = 0; i < megabytes; ++i) {
    out += block;
  }
  out += std::string("\x03\x00", 2);  // an empty final block
  out += std::string(4, '\0');        // Adler-32 (wrong)
  return out;
}

}  // namespace

TEST_CASE("pdf limits: bytes that are not a PDF are refused as such", "[pdf][limits]") {
  auto doc = pdf::ParsePdf("<html><body>not a pdf</body></html>");
  REQUIRE_FALSE(doc.has_value());
  CHECK(doc.error().code == ErrorCode::kParse);
  CHECK(doc.error().message.find("not a PDF") != std::string::npos);
  CHECK_FALSE(pdf::ParsePdf("").has_value());
  CHECK_FALSE(pdf::ParsePdf("%PDF-1.7\n").has_value());
}

TEST_CASE("pdf limits: a truncated PDF is repaired or refused, never a crash", "[pdf][limits]") {
  std::string bytes = ReadDocument("tagged.pdf");
  for (size_t keep : {bytes.size() / 2, bytes.size() / 4, size_t{600}, size_t{20}}) {
    INFO("kept " << keep << " bytes");
    auto doc = pdf::ParsePdf(std::string_view(bytes).substr(0, keep));
    if (doc) {
      CHECK_FALSE(doc->warnings.empty());  // the repair is reported
    } else {
      CHECK(doc.error().code == ErrorCode::kParse);
    }
  }
}

TEST_CASE("pdf limits: a file over the size limit is refused before parsing", "[pdf][limits]") {
  pdf::PdfLimits limits;
  limits.max_input_bytes = 1000;
  std::string bytes = ReadDocument("tagged.pdf");
  auto doc = pdf::ParsePdf(bytes, limits);
  REQUIRE_FALSE(doc.has_value());
  CHECK(doc.error().code == ErrorCode::kTooLarge);
  CHECK(doc.error().message.find("limit") != std::string::npos);
}

TEST_CASE("pdf limits: too many objects are refused", "[pdf][limits]") {
  pdf::PdfLimits limits;
  limits.max_objects = 5;
  auto doc = pdf::ParsePdf(ReadDocument("tagged.pdf"), limits);
  REQUIRE_FALSE(doc.has_value());
  CHECK(doc.error().code == ErrorCode::kTooLarge);
}

TEST_CASE("pdf limits: a decompression bomb is refused at the default limit", "[pdf][limits]") {
  // 1 GB of zeros in about 1 MB: over the default 512 MB of decoded streams.
  std::string bomb = ZeroBomb(1024);
  std::string objects =
      "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj "
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj "
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj "
      "4 0 obj << /Filter /FlateDecode >> stream\n" +
      bomb + "\nendstream endobj";
  auto doc = pdf::ParsePdf(pdf::WritePdf(objects));
  REQUIRE_FALSE(doc.has_value());
  CHECK(doc.error().code == ErrorCode::kTooLarge);
  CHECK(doc.error().message.find("decompression bomb") != std::string::npos);
}

TEST_CASE("pdf limits: an XObject bomb (forms drawing forms) is refused before poppler runs it",
          "[pdf][limits]") {
  // Ten forms, each drawing the next ten times: 10^9 uses of the innermost form's content.
  std::string objects =
      "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj "
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj "
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
      "/Resources << /XObject << /X 10 0 R >> >> >> endobj "
      "4 0 obj << >> stream\n/X Do\nendstream endobj ";
  for (int level = 0; level < 10; ++level) {
    int self = 10 + level;
    std::string content;
    if (level < 9) {
      for (int i = 0; i < 10; ++i) {
        content += "/X Do ";
      }
    } else {
      content = "BT /F1 12 Tf (" + std::string(1000, 'x') + ") Tj ET";
    }
    objects +=
        std::to_string(self) + " 0 obj << /Type /XObject /Subtype /Form /BBox [0 0 9 9] " +
        (level < 9 ? "/Resources << /XObject << /X " + std::to_string(self + 1) + " 0 R >> >> "
                   : "") +
        ">> stream\n" + content + "\nendstream endobj ";
  }
  auto doc = pdf::ParsePdf(pdf::WritePdf(objects));
  REQUIRE_FALSE(doc.has_value());
  CHECK(doc.error().code == ErrorCode::kTooLarge);
  CHECK(doc.error().message.find("XObject bomb") != std::string::npos);
}

TEST_CASE("pdf limits: a PDF that needs a password is refused with a clear error",
          "[pdf][limits]") {
  auto doc = pdf::ParsePdf(ReadDocument("password.pdf"));
  REQUIRE_FALSE(doc.has_value());
  CHECK(doc.error().code == ErrorCode::kUnsupported);
  CHECK(doc.error().message.find("password") != std::string::npos);
}

TEST_CASE("pdf limits: a PDF encrypted without a user password is read, with its permissions",
          "[pdf][limits]") {
  auto doc = pdf::ParsePdf(ReadDocument("no-accessibility.pdf"));
  REQUIRE(doc.has_value());
  CHECK(doc->encryption.encrypted);
  CHECK(doc->encryption.revision >= 3);
  CHECK_FALSE(doc->encryption.allows_accessibility);
  CHECK(doc->HasText());
}

TEST_CASE("pdf limits: pages past max_pages_read are listed unread, with a warning",
          "[pdf][limits]") {
  pdf::PdfLimits limits;
  limits.max_pages_read = 1;
  auto doc = pdf::ParsePdf(ReadDocument("long.pdf"), limits);
  REQUIRE(doc.has_value());
  REQUIRE(doc->pages.size() > 20);
  CHECK(doc->pages[0].read);
  CHECK_FALSE(doc->pages[1].read);
  CHECK(doc->pages[1].text_chars == 0);
  bool warned = false;
  for (const auto& w : doc->warnings) {
    warned |= w.find("only the first 1") != std::string::npos;
  }
  CHECK(warned);
}

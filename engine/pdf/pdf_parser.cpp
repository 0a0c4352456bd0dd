// ParsePdf: opens the file with qpdf (which repairs damaged cross-reference tables, as readers
// do), reads the catalog facts (ISO 32000-1 7.7.2: /MarkInfo, /StructTreeRoot, /Lang,
// /ViewerPreferences, /Outlines, /Metadata; 14.3.3 the information dictionary; 7.6 encryption),
// then the structure tree, forms, content and text (pdf_structure.cpp, pdf_content.cpp,
// pdf_text.cpp). Every bound in PdfLimits is enforced here or in those files.
#include <algorithm>
#include <exception>
#include <set>
#include <stdexcept>

#include <qpdf/Pipeline.hh>
#include <qpdf/QPDFExc.hh>

#include "engine/pdf/pdf_internal.h"

namespace plainsight::engine::pdf {
namespace internal {
namespace {

// Collects decoded stream data up to a cap. Over the cap it throws (qpdf stops decoding) and
// remembers why, so the caller can tell a bomb from damaged data.
class CappedString : public Pipeline {
 public:
  CappedString(std::string& out, uint64_t cap)
      : Pipeline("plainsight-capped", nullptr), out_(out), cap_(cap) {}

  void write(unsigned char const* data, size_t len) override {
    if (out_.size() + len > cap_) {
      over_ = true;
      throw std::length_error("decoded stream over the limit");
    }
    out_.append(reinterpret_cast<const char*>(data), len);
  }

  void finish() override {}

  bool over() const { return over_; }

 private:
  std::string& out_;
  uint64_t cap_;
  bool over_ = false;
};

std::string DescribeLimit(uint64_t bytes) {
  return std::to_string(bytes >> 20) + " MB";
}

}  // namespace

void Reader::Warn(std::string message) {
  if (doc.warnings.size() < kMaxWarnings) {
    doc.warnings.push_back(std::move(message));
  } else {
    ++warnings_dropped;
  }
}

uint32_t Reader::PageNumber(const QPDFObjectHandle& page) const {
  if (!page.isIndirect()) {
    return 0;
  }
  auto it = page_numbers.find(page.getObjGen());
  return it == page_numbers.end() ? 0 : it->second;
}

bool DecodeStream(Reader& reader, QPDFObjectHandle stream, std::string& out, uint64_t max_bytes) {
  out.clear();
  if (!stream.isStream()) {
    return false;
  }
  uint64_t budget = reader.limits.max_decoded_bytes > reader.decoded_bytes
                        ? reader.limits.max_decoded_bytes - reader.decoded_bytes
                        : 0;
  CappedString sink(out, std::min(budget, max_bytes));
  bool ok = false;
  try {
    ok = stream.pipeStreamData(&sink, 0, qpdf_dl_generalized, true, false);
  } catch (const std::exception&) {
    ok = false;
  }
  reader.decoded_bytes += out.size();
  QPDFObjGen og = stream.getObjGen();
  std::string which = "stream " + std::to_string(og.getObj()) + " " + std::to_string(og.getGen());
  if (sink.over()) {
    out.clear();
    if (max_bytes <= budget) {
      throw LimitExceeded{"has a " + which + " that decodes to more than " +
                          DescribeLimit(max_bytes) + " (a decompression bomb?); refused"};
    }
    throw LimitExceeded{"has streams that decode to more than " +
                        DescribeLimit(reader.limits.max_decoded_bytes) +
                        " together (a decompression bomb?); refused"};
  }
  if (!ok) {
    reader.Warn(which + " could not be decoded; read what could be");
  }
  return ok;
}

std::string Utf8(QPDFObjectHandle object) {
  if (object.isString()) {
    return object.getUTF8Value();
  }
  if (object.isName()) {
    std::string name = object.getName();
    return name.empty() ? name : name.substr(1);
  }
  return {};
}

bool IsName(QPDFObjectHandle object, std::string_view name) {
  return object.isName() && object.getName() == name;
}

std::optional<std::string> TextString(QPDFObjectHandle dict, const char* key) {
  if (!dict.isDictionary() || !dict.hasKey(key)) {
    return std::nullopt;
  }
  QPDFObjectHandle value = dict.getKey(key);
  if (!value.isString()) {
    return std::nullopt;
  }
  return value.getUTF8Value();
}

namespace {

void ReadCatalog(Reader& reader) {
  PdfDocument& doc = reader.doc;
  QPDFObjectHandle root = reader.qpdf.getRoot();
  if (!root.isDictionary()) {
    return;
  }
  QPDFObjectHandle mark_info = root.getKey("/MarkInfo");
  if (mark_info.isDictionary()) {
    QPDFObjectHandle marked = mark_info.getKey("/Marked");
    doc.marked = marked.isBool() && marked.getBoolValue();
    QPDFObjectHandle suspects = mark_info.getKey("/Suspects");
    doc.suspects = suspects.isBool() && suspects.getBoolValue();
  }
  doc.has_struct_tree = root.getKey("/StructTreeRoot").isDictionary();
  doc.lang = TextString(root, "/Lang");
  QPDFObjectHandle prefs = root.getKey("/ViewerPreferences");
  if (prefs.isDictionary()) {
    QPDFObjectHandle display = prefs.getKey("/DisplayDocTitle");
    if (display.isBool()) {
      doc.display_doc_title = display.getBoolValue();
    }
  }
  QPDFObjectHandle info = reader.qpdf.getTrailer().getKey("/Info");
  doc.info_title = TextString(info, "/Title");
  QPDFObjectHandle metadata = root.getKey("/Metadata");
  if (metadata.isStream()) {
    doc.xmp_title = ReadXmpTitle(reader, metadata);
  }
  // Bookmarks (14.3.1 document outline): items reached from /First and /Next, each once.
  QPDFObjectHandle outlines = root.getKey("/Outlines");
  if (outlines.isDictionary()) {
    std::set<QPDFObjGen> seen;
    std::vector<QPDFObjectHandle> stack{outlines.getKey("/First")};
    while (!stack.empty() && doc.outline_items < reader.limits.max_outline_items) {
      QPDFObjectHandle item = stack.back();
      stack.pop_back();
      if (!item.isDictionary() || (item.isIndirect() && !seen.insert(item.getObjGen()).second)) {
        continue;
      }
      ++doc.outline_items;
      stack.push_back(item.getKey("/Next"));
      stack.push_back(item.getKey("/First"));
    }
  }
}

void ReadEncryption(Reader& reader) {
  Encryption& e = reader.doc.encryption;
  e.encrypted = reader.qpdf.isEncrypted();
  if (!e.encrypted) {
    return;
  }
  int r = 0;
  int p = 0;
  reader.qpdf.isEncrypted(r, p);
  e.revision = r;
  QPDFObjectHandle encrypt = reader.qpdf.getTrailer().getKey("/Encrypt");
  if (encrypt.isDictionary() && encrypt.getKey("/P").isInteger()) {
    e.permissions = encrypt.getKey("/P").getIntValue();
  }
  e.allows_accessibility = e.permissions.has_value() && reader.qpdf.allowAccessibility();
}

bool LooksLikePdf(std::string_view bytes) {
  // Readers accept the header anywhere in the first 1024 bytes (ISO 32000-1 Annex H.3, note 1).
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

}  // namespace
}  // namespace internal

Result<PdfDocument> ParsePdf(std::string_view bytes, const PdfLimits& limits) noexcept {
  using internal::LimitExceeded;
  using internal::Reader;
  if (bytes.size() > limits.max_input_bytes) {
    return Fail(ErrorCode::kTooLarge, "the PDF is " + std::to_string(bytes.size()) +
                                          " bytes; the limit is " +
                                          std::to_string(limits.max_input_bytes));
  }
  if (!internal::LooksLikePdf(bytes)) {
    return Fail(ErrorCode::kParse, "not a PDF file: no %PDF- header in the first 1024 bytes");
  }
  try {
    PdfDocument doc;
    QPDF qpdf;
    qpdf.setSuppressWarnings(true);
    qpdf.setAttemptRecovery(true);
    try {
      qpdf.processMemoryFile("document.pdf", bytes.data(), bytes.size());
    } catch (const QPDFExc& e) {
      if (e.getErrorCode() == qpdf_e_password) {
        return Fail(ErrorCode::kUnsupported,
                    "the PDF is encrypted and needs a password to open; nobody without the "
                    "password, and no assistive technology, can read it");
      }
      return Fail(ErrorCode::kParse, std::string("not a readable PDF: ") + e.getMessageDetail());
    }
    Reader reader{qpdf, limits, doc};
    if (qpdf.getObjectCount() > limits.max_objects) {
      return Fail(ErrorCode::kTooLarge,
                  "the PDF declares " + std::to_string(qpdf.getObjectCount()) +
                      " objects; the limit is " + std::to_string(limits.max_objects));
    }
    doc.version = qpdf.getPDFVersion();
    try {
      const std::vector<QPDFObjectHandle>& pages = qpdf.getAllPages();
      for (const QPDFObjectHandle& page : pages) {
        auto number = static_cast<uint32_t>(reader.page_numbers.size() + 1);
        reader.page_numbers.emplace(page.getObjGen(), number);
      }
      reader.pages = pages;
      doc.pages.resize(pages.size());
      for (size_t i = 0; i < pages.size(); ++i) {
        doc.pages[i].number = static_cast<uint32_t>(i + 1);
        doc.pages[i].read = i < limits.max_pages_read;
      }
      doc.page_count = static_cast<uint32_t>(pages.size());
    } catch (const std::exception& e) {
      return Fail(ErrorCode::kParse, std::string("the PDF's page tree is broken: ") + e.what());
    }
    internal::ReadEncryption(reader);
    // Each part is read on its own: damage in one (a broken structure tree) is a warning and
    // the others are still read. Limits stop everything.
    auto part = [&reader](const char* what, auto&& read) {
      try {
        read();
      } catch (const LimitExceeded&) {
        throw;
      } catch (const std::exception& e) {
        reader.Warn(std::string(what) + " could not be read: " + e.what());
      }
    };
    part("the catalog", [&] { internal::ReadCatalog(reader); });
    part("the structure tree", [&] { internal::ReadStructure(reader); });
    part("the form fields", [&] { internal::ReadFormFields(reader); });
    part("the page content", [&] { internal::ReadContent(reader); });
    doc.text_extracted = internal::ReadText(reader, bytes);
    std::vector<QPDFExc> qpdf_warnings = qpdf.getWarnings();
    if (!qpdf_warnings.empty()) {
      reader.Warn("the file is damaged; qpdf repaired it (" + std::to_string(qpdf_warnings.size()) +
                  " problems; first: " + qpdf_warnings.front().getMessageDetail() + ")");
    }
    if (reader.warnings_dropped > 0) {
      doc.warnings.push_back(std::to_string(reader.warnings_dropped) + " more warnings");
    }
    return doc;
  } catch (const LimitExceeded& e) {
    return Fail(ErrorCode::kTooLarge, "the PDF " + e.message);
  } catch (const std::bad_alloc&) {
    return Fail(ErrorCode::kTooLarge, "the PDF needs more memory than is available");
  } catch (const std::exception& e) {
    return Fail(ErrorCode::kParse, std::string("not a readable PDF: ") + e.what());
  } catch (...) {
    return Fail(ErrorCode::kParse, "not a readable PDF");
  }
}

}  // namespace plainsight::engine::pdf

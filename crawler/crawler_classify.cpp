// Classification of responses (see crawler_classify.h): the resource kind from Content-Type,
// magic bytes and extension (WHATWG MIME Sniffing 7.1 for HTML sent without a usable type), and
// the names of kinds and skip reasons used in reports.
#include "crawler/crawler_classify.h"

#include <unordered_set>

#include "crawler/crawler.h"
#include "engine/dom.h"

namespace plainsight::crawler {
namespace internal {

std::string MediaType(std::string_view content_type) {
  return engine::AsciiLower(engine::TrimWhitespace(content_type.substr(0, content_type.find(';'))));
}

std::string CharsetParam(std::string_view content_type) {
  std::string ct = engine::AsciiLower(content_type);
  size_t p = ct.find("charset=");
  if (p == std::string::npos) {
    return {};
  }
  std::string v = ct.substr(p + 8);
  v = v.substr(0, v.find(';'));
  std::string out;
  for (char c : v) {
    if (c != '"' && c != '\'' && c != ' ') {
      out.push_back(c);
    }
  }
  return out;
}

std::string Extension(std::string_view url) {
  std::string_view path = url.substr(0, url.find_first_of("?#"));
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return {};
  }
  return engine::AsciiLower(path.substr(dot + 1));
}

bool IsIgnoredExtension(const std::string& ext) {
  static const std::unordered_set<std::string> kIgnored = {
      "jpg",  "jpeg",  "png", "gif", "webp", "svg",  "ico", "bmp", "tif", "tiff",
      "mp3",  "mp4",   "m4a", "wav", "ogg",  "webm", "avi", "mov", "mkv", "zip",
      "gz",   "tgz",   "rar", "7z",  "exe",  "msi",  "dmg", "iso", "css", "js",
      "woff", "woff2", "ttf", "eot", "json", "rss",  "atom"};
  return kIgnored.count(ext) > 0;
}

}  // namespace internal

namespace {

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && engine::EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

}  // namespace

const char* ResourceKindName(ResourceKind kind) {
  switch (kind) {
    case ResourceKind::kHtml:
      return "html";
    case ResourceKind::kPdf:
      return "pdf";
    case ResourceKind::kDocx:
      return "docx";
    case ResourceKind::kOdt:
      return "odt";
    case ResourceKind::kXlsx:
      return "xlsx";
    case ResourceKind::kPptx:
      return "pptx";
    case ResourceKind::kOther:
      return "other";
  }
  return "other";
}

const char* SkipReasonName(SkipReason reason) {
  switch (reason) {
    case SkipReason::kRobots:
      return "robots";
    case SkipReason::kScope:
      return "scope";
    case SkipReason::kTrap:
      return "trap";
    case SkipReason::kLimit:
      return "limit";
    case SkipReason::kDuplicate:
      return "duplicate";
    case SkipReason::kInvalid:
      return "invalid";
  }
  return "invalid";
}

ResourceKind ClassifyResource(std::string_view content_type, std::string_view url,
                              std::string_view body) {
  std::string media = internal::MediaType(content_type);
  std::string ext = internal::Extension(url);
  if (body.substr(0, 5) == "%PDF-") {
    return ResourceKind::kPdf;
  }
  bool zip = body.substr(0, 4) == std::string_view("PK\x03\x04", 4);
  if (zip && body.find("mimetypeapplication/vnd.oasis.opendocument.text") < 100) {
    return ResourceKind::kOdt;
  }
  if (media == "application/pdf") {
    return ResourceKind::kPdf;
  }
  if (media == "application/vnd.openxmlformats-officedocument.wordprocessingml.document") {
    return ResourceKind::kDocx;
  }
  if (media == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") {
    return ResourceKind::kXlsx;
  }
  if (media == "application/vnd.openxmlformats-officedocument.presentationml.presentation") {
    return ResourceKind::kPptx;
  }
  if (media == "application/vnd.oasis.opendocument.text") {
    return ResourceKind::kOdt;
  }
  if (zip || media.empty() || media == "application/octet-stream" || media == "application/zip") {
    if (ext == "pdf") {
      return ResourceKind::kPdf;
    }
    if (ext == "docx") {
      return ResourceKind::kDocx;
    }
    if (ext == "xlsx") {
      return ResourceKind::kXlsx;
    }
    if (ext == "pptx") {
      return ResourceKind::kPptx;
    }
    if (ext == "odt") {
      return ResourceKind::kOdt;
    }
  }
  if (zip) {
    return ResourceKind::kOther;
  }
  if (media == "text/html" || media == "application/xhtml+xml") {
    return ResourceKind::kHtml;
  }
  if (media.empty() || media == "application/octet-stream" || media == "text/plain") {
    // MIME Sniffing 7.1: an HTML signature after leading whitespace.
    size_t b = body.find_first_not_of(" \t\r\n\f");
    std::string_view head = b == std::string_view::npos ? std::string_view() : body.substr(b);
    if (StartsWithNoCase(head, "<!doctype html") || StartsWithNoCase(head, "<html") ||
        StartsWithNoCase(head, "<head") || StartsWithNoCase(head, "<body")) {
      return ResourceKind::kHtml;
    }
    if (body.empty() && (ext == "html" || ext == "htm" || ext.empty())) {
      return ResourceKind::kHtml;  // before a body arrives: guess from the URL
    }
  }
  return ResourceKind::kOther;
}

}  // namespace plainsight::crawler

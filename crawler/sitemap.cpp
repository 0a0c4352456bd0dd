// Sitemap parsing (see sitemap.h).
#include "crawler/sitemap.h"

#include <cstring>

#include <libxml/xmlreader.h>
#include <zlib.h>

#include "engine/dom.h"

namespace plainsight::crawler {
namespace {

bool IsGzip(std::string_view b) {
  return b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1f &&
         static_cast<unsigned char>(b[1]) == 0x8b;
}

// Feeds libxml2's reader: raw bytes, or gzip inflated chunk by chunk, up to max_bytes output.
struct Source {
  std::string_view input;
  size_t offset = 0;
  bool gzip = false;
  z_stream z{};
  bool z_open = false;
  bool z_done = false;
  size_t produced = 0;
  size_t max_bytes = 0;
  bool limit_hit = false;
  bool corrupt = false;
};

int Read(void* ctx, char* buffer, int len) {
  auto* s = static_cast<Source*>(ctx);
  if (s->produced >= s->max_bytes) {
    s->limit_hit = s->limit_hit || (s->gzip ? !s->z_done : s->offset < s->input.size());
    return 0;
  }
  size_t want = std::min<size_t>(static_cast<size_t>(len), s->max_bytes - s->produced);
  if (!s->gzip) {
    size_t n = std::min(want, s->input.size() - s->offset);
    std::memcpy(buffer, s->input.data() + s->offset, n);
    s->offset += n;
    s->produced += n;
    return static_cast<int>(n);
  }
  if (s->z_done) {
    return 0;
  }
  s->z.next_out = reinterpret_cast<Bytef*>(buffer);
  s->z.avail_out = static_cast<uInt>(want);
  while (s->z.avail_out == want) {
    int rc = inflate(&s->z, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      s->z_done = true;
      break;
    }
    if (rc != Z_OK) {
      s->corrupt = true;
      s->z_done = true;
      break;
    }
    if (s->z.avail_in == 0 && s->z.avail_out == want) {
      s->corrupt = true;  // truncated stream
      s->z_done = true;
      break;
    }
  }
  size_t n = want - s->z.avail_out;
  s->produced += n;
  return static_cast<int>(n);
}

int Close(void*) {
  return 0;
}

void IgnoreStructuredError(void*, xmlErrorPtr) {}

}  // namespace

engine::Result<std::string> Gunzip(std::string_view bytes, size_t max_bytes) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
    return engine::Fail(engine::ErrorCode::kInternal, "zlib inflateInit2 failed");
  }
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  std::string out;
  char chunk[65536];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    z.next_out = reinterpret_cast<Bytef*>(chunk);
    z.avail_out = sizeof chunk;
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&z);
      return engine::Fail(engine::ErrorCode::kParse, "corrupt gzip data");
    }
    size_t n = sizeof chunk - z.avail_out;
    if (out.size() + n > max_bytes) {
      inflateEnd(&z);
      return engine::Fail(engine::ErrorCode::kTooLarge, "gzip data decompresses to more than " +
                                                            std::to_string(max_bytes) + " bytes");
    }
    out.append(chunk, n);
    if (n == 0 && z.avail_in == 0 && rc != Z_STREAM_END) {
      inflateEnd(&z);
      return engine::Fail(engine::ErrorCode::kParse, "truncated gzip data");
    }
  }
  inflateEnd(&z);
  return out;
}

engine::Result<Sitemap> ParseSitemap(std::string_view bytes, size_t max_urls, size_t max_bytes) {
  Source source;
  source.input = bytes;
  source.max_bytes = max_bytes;
  source.gzip = IsGzip(bytes);
  if (source.gzip) {
    if (inflateInit2(&source.z, 16 + MAX_WBITS) != Z_OK) {
      return engine::Fail(engine::ErrorCode::kInternal, "zlib inflateInit2 failed");
    }
    source.z_open = true;
    source.z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    source.z.avail_in = static_cast<uInt>(bytes.size());
  }
  // XML_PARSE_NONET and no DTD loading or entity substitution: sitemaps are untrusted input
  // (no XXE, no billion laughs).
  xmlTextReaderPtr reader =
      xmlReaderForIO(&Read, &Close, &source, nullptr, nullptr,
                     XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == nullptr) {
    if (source.z_open) {
      inflateEnd(&source.z);
    }
    return engine::Fail(engine::ErrorCode::kParse, "libxml2 could not start reading the sitemap");
  }
  // Errors become the Result below, never stderr output.
  xmlTextReaderSetStructuredErrorHandler(reader, &IgnoreStructuredError, nullptr);
  Sitemap out;
  bool saw_root = false;
  bool in_loc = false;
  int parent_kind = 0;  // 1 inside <url>, 2 inside <sitemap>
  std::string text;
  int rc = 0;
  while ((rc = xmlTextReaderRead(reader)) == 1) {
    int type = xmlTextReaderNodeType(reader);
    const xmlChar* local = xmlTextReaderConstLocalName(reader);
    std::string_view name = local ? reinterpret_cast<const char*>(local) : "";
    if (type == XML_READER_TYPE_ELEMENT) {
      if (!saw_root) {
        saw_root = true;
        if (name == "sitemapindex") {
          out.is_index = true;
        } else if (name != "urlset") {
          // The name lives in the reader's dictionary: copy it before the reader is freed.
          std::string message = "not a sitemap: root element is <" + std::string(name) + ">";
          xmlFreeTextReader(reader);
          if (source.z_open) {
            inflateEnd(&source.z);
          }
          return engine::Fail(engine::ErrorCode::kParse, std::move(message));
        }
      } else if (name == "url") {
        parent_kind = 1;
      } else if (name == "sitemap") {
        parent_kind = 2;
      } else if (name == "loc" && parent_kind != 0) {
        in_loc = !xmlTextReaderIsEmptyElement(reader);
        text.clear();
      }
    } else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA) && in_loc) {
      const xmlChar* value = xmlTextReaderConstValue(reader);
      if (value != nullptr && text.size() < 4096) {
        text += reinterpret_cast<const char*>(value);
      }
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      if (name == "loc" && in_loc) {
        in_loc = false;
        std::string loc(engine::TrimWhitespace(text));
        if (!loc.empty()) {
          auto& list = parent_kind == 2 ? out.sitemaps : out.urls;
          if (out.urls.size() + out.sitemaps.size() >= max_urls) {
            out.truncated = true;
            break;
          }
          list.push_back(std::move(loc));
        }
      } else if (name == "url" || name == "sitemap") {
        parent_kind = 0;
      }
    }
  }
  bool malformed = rc < 0;
  xmlFreeTextReader(reader);
  if (source.z_open) {
    inflateEnd(&source.z);
  }
  out.truncated = out.truncated || source.limit_hit;
  if (!saw_root) {
    return engine::Fail(engine::ErrorCode::kParse,
                        source.corrupt ? "corrupt gzip sitemap" : "sitemap is not XML");
  }
  if (malformed && out.urls.empty() && out.sitemaps.empty() && !out.truncated) {
    return engine::Fail(engine::ErrorCode::kParse, "malformed sitemap XML");
  }
  return out;
}

}  // namespace plainsight::crawler

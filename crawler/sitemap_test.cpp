// Sitemaps and sitemap indexes, plain and gzipped, with the protocol's limits (crawler/sitemap.h).
#include "crawler/sitemap.h"

#include <string>

#include <zlib.h>

#include <catch2/catch.hpp>

using namespace plainsight;

namespace {

std::string Gzip(const std::string& in) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, in.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

const char* k_urlset =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    "  <url><loc> https://x.ie/a </loc><lastmod>2024-01-01</lastmod></url>\n"
    "  <url><loc>https://x.ie/b?x=1&amp;y=2</loc></url>\n"
    "  <url><loc><![CDATA[https://x.ie/c]]></loc></url>\n"
    "</urlset>\n";

}  // namespace

TEST_CASE("sitemap: a urlset gives its <loc> URLs", "[crawler][sitemap]") {
  auto s = crawler::ParseSitemap(k_urlset);
  REQUIRE(s.has_value());
  CHECK_FALSE(s->is_index);
  CHECK(s->urls ==
        std::vector<std::string>{"https://x.ie/a", "https://x.ie/b?x=1&y=2", "https://x.ie/c"});
  CHECK_FALSE(s->truncated);
}

TEST_CASE("sitemap: a gzipped sitemap index gives its child sitemaps", "[crawler][sitemap]") {
  std::string index =
      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
      "<sitemap><loc>https://x.ie/s1.xml.gz</loc></sitemap>"
      "<sitemap><loc>https://x.ie/s2.xml</loc></sitemap></sitemapindex>";
  auto s = crawler::ParseSitemap(Gzip(index));
  REQUIRE(s.has_value());
  CHECK(s->is_index);
  CHECK(s->sitemaps == std::vector<std::string>{"https://x.ie/s1.xml.gz", "https://x.ie/s2.xml"});
  CHECK(s->urls.empty());
}

TEST_CASE("sitemap: the URL count and decompressed size limits cut the list",
          "[crawler][sitemap]") {
  auto few = crawler::ParseSitemap(k_urlset, /*max_urls=*/2);
  REQUIRE(few.has_value());
  CHECK(few->urls.size() == 2);
  CHECK(few->truncated);
  // A gzip bomb: 60 MB of comments after one URL compresses to well under 200 KB.
  std::string comment = "<!--" + std::string(1020, ' ') + "-->";
  std::string bomb = "<urlset><url><loc>https://x.ie/a</loc></url>";
  for (int i = 0; i < 60 * 1024; ++i) {
    bomb += comment;
  }
  bomb += "<url><loc>https://x.ie/b</loc></url></urlset>";
  std::string gz = Gzip(bomb);
  CHECK(gz.size() < 200'000);
  auto s = crawler::ParseSitemap(gz);
  REQUIRE(s.has_value());
  CHECK(s->urls == std::vector<std::string>{"https://x.ie/a"});
  CHECK(s->truncated);
  auto plain = crawler::Gunzip(gz, 1u << 20);
  REQUIRE_FALSE(plain.has_value());
  CHECK(plain.error().code == engine::ErrorCode::kTooLarge);
}

TEST_CASE("sitemap: HTML, broken XML and corrupt gzip are parse errors", "[crawler][sitemap]") {
  auto html = crawler::ParseSitemap("<html><body>Not found</body></html>");
  REQUIRE_FALSE(html.has_value());
  CHECK(html.error().message == "not a sitemap: root element is <html>");
  CHECK_FALSE(crawler::ParseSitemap("this is not xml").has_value());
  std::string gz = Gzip(k_urlset);
  gz.resize(gz.size() / 2);
  CHECK_FALSE(crawler::Gunzip(gz, 1u << 20).has_value());
  // An external entity is not loaded (no XXE).
  auto xxe = crawler::ParseSitemap(
      "<?xml version=\"1.0\"?><!DOCTYPE u [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
      "<urlset><url><loc>https://x.ie/&e;</loc></url></urlset>");
  if (xxe.has_value()) {
    for (const std::string& u : xxe->urls) {
      CHECK(u.find("root:") == std::string::npos);
    }
  }
}

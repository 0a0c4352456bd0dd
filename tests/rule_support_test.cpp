// Unit tests of helpers the HTML rules share that their examples cannot reach: the animation
// reader on every format it knows and on broken input, the data: URL decoder, capitals, and an
// animated image read through the caller's loader as `plainsight audit` reads local files.
#include <cmath>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/runner.h"
#include "rules/catalog.h"
#include "rules/html/structure_support.h"
#include "rules/html/support/animation.h"
#include "rules/html/support/typography.h"
#include "rules/support.h"

namespace pe = plainsight::engine;
namespace anim = plainsight::rules::animation;

namespace {

void Le16(std::string& s, unsigned v) {
  s.push_back(static_cast<char>(v & 0xFF));
  s.push_back(static_cast<char>((v >> 8) & 0xFF));
}

void Le24(std::string& s, unsigned v) {
  Le16(s, v & 0xFFFF);
  s.push_back(static_cast<char>((v >> 16) & 0xFF));
}

void Le32(std::string& s, unsigned v) {
  Le16(s, v & 0xFFFF);
  Le16(s, v >> 16);
}

void Be32(std::string& s, unsigned v) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    s.push_back(static_cast<char>((v >> shift) & 0xFF));
  }
}

void Be16(std::string& s, unsigned v) {
  s.push_back(static_cast<char>((v >> 8) & 0xFF));
  s.push_back(static_cast<char>(v & 0xFF));
}

// A 1x1 GIF with `frames` frames of `delay` hundredths; loop < 0: no NETSCAPE2.0 block.
std::string Gif(int frames, int loop, unsigned delay) {
  std::string b = "GIF89a";
  Le16(b, 1);
  Le16(b, 1);
  b += std::string("\x80\x00\x00", 3) + std::string("\x00\x00\x00\xff\xff\xff", 6);
  if (loop >= 0) {
    b += std::string("\x21\xff\x0bNETSCAPE2.0\x03\x01", 16);
    Le16(b, static_cast<unsigned>(loop));
    b.push_back('\0');
  }
  for (int i = 0; i < frames; ++i) {
    b += std::string("\x21\xf9\x04\x00", 4);
    Le16(b, delay);
    b += std::string("\x00\x00", 2);
    b += std::string("\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00", 10);
    b += std::string("\x02\x02\x44\x01\x00", 5);
  }
  return b + R"(;)";
}

void PngChunk(std::string& b, std::string_view type, const std::string& data) {
  Be32(b, static_cast<unsigned>(data.size()));
  b += type;
  b += data;
  Be32(b, 0);  // CRC, not checked by the reader
}

std::string Apng(unsigned frames, unsigned plays, unsigned delay_num, unsigned delay_den) {
  std::string b("\x89PNG\r\n\x1a\n", 8);
  PngChunk(b, "IHDR", std::string(13, '\0'));
  if (frames > 0) {
    std::string actl;
    Be32(actl, frames);
    Be32(actl, plays);
    PngChunk(b, "acTL", actl);
  }
  for (unsigned i = 0; i < std::max(frames, 1u); ++i) {
    std::string fctl;
    Be32(fctl, i);
    fctl += std::string(16, '\0');
    Be16(fctl, delay_num);
    Be16(fctl, delay_den);
    fctl += std::string(2, '\0');
    if (frames > 0) {
      PngChunk(b, "fcTL", fctl);
    }
    PngChunk(b, i == 0 ? "IDAT" : "fdAT", std::string(4, '\0'));
  }
  PngChunk(b, "IEND", "");
  return b;
}

std::string Webp(int frames, unsigned loops, unsigned ms) {
  std::string body = "WEBP";
  body += "VP8X";
  Le32(body, 10);
  body += std::string("\x02", 1) + std::string(9, '\0');
  if (frames > 0) {
    body += "ANIM";
    Le32(body, 6);
    Le32(body, 0);
    Le16(body, loops);
    for (int i = 0; i < frames; ++i) {
      body += "ANMF";
      Le32(body, 16);
      body += std::string(12, '\0');
      Le24(body, ms);
      body.push_back('\0');
    }
  }
  std::string b = "RIFF";
  Le32(b, static_cast<unsigned>(body.size()));
  return b + body;
}

}  // namespace

TEST_CASE("animation: GIF frames, delays and loop counts", "[rules][support]") {
  auto still = anim::ReadAnimation(Gif(1, -1, 10));
  REQUIRE(still);
  CHECK_FALSE(still->animated());
  auto once = anim::ReadAnimation(Gif(3, -1, 100));
  REQUIRE(once);
  CHECK(once->frames == 3);
  CHECK_FALSE(once->loops_forever);
  CHECK(once->total_seconds() == Approx(3.0));
  // A loop count of 2 plays three times (as browsers do); 0 loops forever.
  auto thrice = anim::ReadAnimation(Gif(2, 2, 100));
  REQUIRE(thrice);
  CHECK(thrice->total_seconds() == Approx(6.0));
  CHECK(std::isinf(anim::ReadAnimation(Gif(2, 0, 10))->total_seconds()));
  // Delays of 0 play as 100 ms.
  CHECK(anim::ReadAnimation(Gif(4, -1, 0))->total_seconds() == Approx(0.4));
}

TEST_CASE("animation: truncated and foreign input", "[rules][support]") {
  const std::string gif = Gif(3, 0, 10);
  for (size_t cut = 0; cut < gif.size(); ++cut) {
    auto a = anim::ReadAnimation(gif.substr(0, cut));  // never reads past the end (ASan)
    if (a) {
      CHECK(a->frames <= 3);
    }
  }
  CHECK_FALSE(anim::ReadAnimation("\xff\xd8\xff\xe0 JPEG"));
  CHECK_FALSE(anim::ReadAnimation(""));
}

TEST_CASE("animation: APNG and WebP", "[rules][support]") {
  auto png = anim::ReadAnimation(Apng(0, 0, 0, 0));
  REQUIRE(png);
  CHECK_FALSE(png->animated());
  auto apng = anim::ReadAnimation(Apng(4, 0, 1, 2));
  REQUIRE(apng);
  CHECK(apng->frames == 4);
  CHECK(apng->loops_forever);
  auto apng_once = anim::ReadAnimation(Apng(4, 1, 1, 2));
  REQUIRE(apng_once);
  CHECK(apng_once->total_seconds() == Approx(2.0));
  auto webp = anim::ReadAnimation(Webp(3, 1, 3000));
  REQUIRE(webp);
  CHECK(webp->frames == 3);
  CHECK(webp->total_seconds() == Approx(9.0));
  CHECK_FALSE(anim::ReadAnimation(Webp(0, 0, 0))->animated());
}

TEST_CASE("animation: data: URLs", "[rules][support]") {
  CHECK(anim::DecodeDataUrl("data:text/plain,a%20b") == std::string("a b"));
  CHECK(anim::DecodeDataUrl("data:image/gif;base64,R0lG ODlh") == std::string("GIF89a"));
  CHECK_FALSE(anim::DecodeDataUrl("https://example.ie/a.gif"));
  CHECK_FALSE(anim::DecodeDataUrl("data:image/gif;base64,R0l!"));
}

TEST_CASE("typography: words in capitals", "[rules][support]") {
  namespace ty = plainsight::rules::typography;
  CHECK(ty::IsUpperCaseWord("NHS"));
  CHECK(ty::IsUpperCaseWord("F\xC3\x81ILTE"));  // FÁILTE
  CHECK_FALSE(ty::IsUpperCaseWord("F\xC3\xA1ilte"));
  CHECK_FALSE(ty::IsUpperCaseWord("Hello"));
  CHECK_FALSE(ty::IsUpperCaseWord("2024"));
}

namespace {
std::unique_ptr<pe::Page> BuildPage(std::string_view html) {
  auto doc = pe::Document::ParseHtml(html, {});
  REQUIRE(doc);
  return pe::Page::Build(std::move(*doc));
}
}  // namespace

TEST_CASE("support: ContainsAnyOf finds any of the words, as find() would", "[rules][support]") {
  using plainsight::rules::ContainsAnyOf;
  static constexpr std::string_view kWords[] = {"red",  "reddish",  "green",
                                                "gorm", "ar dheis", "cliceáil"};
  CHECK(ContainsAnyOf("fields in red are required", kWords));
  CHECK(ContainsAnyOf("red", kWords));
  CHECK(ContainsAnyOf("the gree green", kWords));
  CHECK(ContainsAnyOf("tá sé ar dheis", kWords));
  CHECK(ContainsAnyOf("cliceáil anseo", kWords));
  CHECK_FALSE(ContainsAnyOf("cliceail anseo", kWords));
  CHECK_FALSE(ContainsAnyOf("re d gree n", kWords));
  CHECK_FALSE(ContainsAnyOf("", kWords));
  CHECK_FALSE(ContainsAnyOf("anything", std::span<const std::string_view>{}));
  // More words than the one-pass masks hold: the rest are still found.
  std::vector<std::string> many;
  many.reserve(40);
  for (int i = 0; i < 40; ++i) {
    many.push_back("w" + std::to_string(i) + "x");
  }
  std::vector<std::string_view> views(many.begin(), many.end());
  CHECK(ContainsAnyOf("a w39x b", views));
  CHECK(ContainsAnyOf("a w0x b", views));
  CHECK_FALSE(ContainsAnyOf("a w40x b", views));
}

TEST_CASE("structure: a rendered text's start is the start of the whole, collapsed",
          "[rules][support]") {
  namespace st = plainsight::rules::structure;
  auto page = BuildPage(
      "<div id=a>\n   <span>  1.</span>   Fill<br>in <b>the</b>\t form<i hidden>x</i>\n</div>"
      "<div id=b>   </div><div id=c><p>ab</p><p style='display:none'>zz</p><p>c d</p></div>"
      "<div id=d>\xC3\xA1\xC3\xA9 x</div>");
  for (const char* id : {"a", "b", "c", "d"}) {
    const pe::Node& e = *page->document().GetElementById(id);
    const std::string whole = st::RenderedText(*page, e);
    for (size_t n = 0; n <= whole.size() + 2; ++n) {
      INFO(id << " " << n);
      CHECK(st::RenderedTextStart(*page, e, n) == whole.substr(0, n));
    }
  }
  CHECK(st::RenderedText(*page, *page->document().GetElementById("a")) == "1. Fill in the form");
}

TEST_CASE("typography: longest runs ask the run's predicate once and the word's otherwise",
          "[rules][support]") {
  namespace ty = plainsight::rules::typography;
  auto page = BuildPage(
      "<p id=a>one TWO THREE <span style='text-transform:uppercase'>four five</span> six "
      "SEVEN</p><p id=b>nothing here 2024</p>");
  const auto runs = ty::LongestRuns(
      *page,
      [](const pe::Page& p, const ty::TextRun& r) {
        return p.styles().Of(*r.parent).Get("text-transform").text == "uppercase";
      },
      &ty::IsUpperCaseWord);
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].block == page->document().GetElementById("a"));
  CHECK(runs[0].longest == 4);  // TWO THREE four five
  CHECK(runs[1].longest == 0);  // "2024" has no letter and breaks nothing
  const auto none = ty::LongestRuns(*page, nullptr, nullptr);
  REQUIRE(none.size() == 2);
  CHECK(none[0].longest == 0);
}

TEST_CASE("img-animated reads linked images through the caller's loader", "[rules][support]") {
  const std::string looping = Gif(2, 0, 10);
  const std::string still = Gif(1, -1, 10);
  pe::ResourceLoader loader = [&](const std::string& url) -> pe::Result<std::string> {
    if (url == "https://example.ie/spin.gif") {
      return looping;
    }
    if (url == "https://example.ie/still.gif") {
      return still;
    }
    return pe::Fail(pe::ErrorCode::kNotFound, "no such file");
  };
  auto outcome = [&](std::string_view html, const pe::ResourceLoader* with) {
    pe::ParseOptions options;
    options.url = "https://example.ie/page.html";
    options.loader = with;
    auto doc = pe::Document::ParseHtml(html, options);
    REQUIRE(doc);
    auto page = pe::Page::Build(std::move(*doc));
    const pe::Rule* rule = plainsight::rules::FindRule("html.img-animated");
    REQUIRE(rule != nullptr);
    const pe::Rule* one[] = {rule};
    return pe::RunRules(*page, one).results.at(0).outcome;
  };
  CHECK(outcome(R"(<img src="spin.gif" alt="Busy">)", &loader) == pe::Outcome::kFailed);
  CHECK(outcome(R"(<img src="still.gif" alt="Logo">)", &loader) == pe::Outcome::kPassed);
  CHECK(outcome(R"(<img src="gone.gif" alt="Logo">)", &loader) == pe::Outcome::kCantTell);
  CHECK(outcome(R"(<img src="spin.gif" alt="Busy">)", nullptr) == pe::Outcome::kCantTell);
}

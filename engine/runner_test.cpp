// Tests for the rule runner: isolation, aggregation and finding locations.
#include "engine/runner.h"

#include <stdexcept>

#include <catch2/catch.hpp>

namespace pe = plainsight::engine;

namespace {

void FailEveryImage(const pe::Page& page, pe::Findings& out) {
  for (const pe::Node* e : page.document().ElementsByTag("img")) {
    out.Fail(e, "image");
  }
}

void Throws(const pe::Page&, pe::Findings& out) {
  out.Pass(nullptr);
  throw std::runtime_error("boom");
}

// Passes every paragraph and fails every image.
void PassParagraphsFailImages(const pe::Page& page, pe::Findings& out) {
  for (const pe::Node* e : page.document().ElementsByTag("p")) {
    out.Pass(e);
  }
  FailEveryImage(page, out);
}

void PassParagraphs(const pe::Page& page, pe::Findings& out) {
  for (const pe::Node* e : page.document().ElementsByTag("p")) {
    out.Pass(e);
  }
}

const pe::Rule kFailImages{
    .id = "test.fail-images", .summary = "s", .why = "w", .help = "h", .check = &FailEveryImage};
const pe::Rule kMixed{.id = "test.mixed",
                      .summary = "s",
                      .why = "w",
                      .help = "h",
                      .check = &PassParagraphsFailImages};
const pe::Rule kPassParagraphs{
    .id = "test.pass-p", .summary = "s", .why = "w", .help = "h", .check = &PassParagraphs};
const pe::Rule kThrows{
    .id = "test.throws", .summary = "s", .why = "w", .help = "h", .check = &Throws};

std::unique_ptr<pe::Page> Build(std::string_view html) {
  auto doc = pe::Document::ParseHtml(html, {});
  REQUIRE(doc.has_value());
  return pe::Page::Build(std::move(*doc));
}

}  // namespace

TEST_CASE("runner: findings carry selector, position and snippet", "[engine][runner]") {
  auto page = Build(
      "<html><body>\n<main><img src=a.png><p></p><img id=logo src=b.png></main></body></html>");
  const pe::Rule* rules[] = {&kFailImages};
  pe::PageAudit audit = pe::RunRules(*page, rules);
  REQUIRE(audit.results.size() == 1);
  CHECK(audit.results[0].outcome == pe::Outcome::kFailed);
  REQUIRE(audit.results[0].findings.size() == 2);
  const pe::Finding& first = audit.results[0].findings[0];
  CHECK(first.selector == "html > body > main > img:nth-child(1)");
  CHECK(first.position.line == 2);
  CHECK(first.position.column == 7);
  CHECK(first.snippet == "<img src=a.png>");
  CHECK(audit.results[0].findings[1].selector == "#logo");
}

TEST_CASE("runner: a rule that throws gives cantTell and the audit goes on", "[engine][runner]") {
  auto page = Build("<img src=a.png>");
  const pe::Rule* rules[] = {&kThrows, &kFailImages};
  pe::PageAudit audit = pe::RunRules(*page, rules);
  REQUIRE(audit.results.size() == 2);
  CHECK(audit.results[0].outcome == pe::Outcome::kCantTell);
  CHECK(audit.results[0].error == "boom");
  CHECK(audit.results[1].outcome == pe::Outcome::kFailed);
  pe::RunOptions strict;
  strict.strict = true;
  CHECK_THROWS(pe::RunRules(*page, rules, strict));
}

TEST_CASE("runner: prepared rules run as the rule list does, document rules left out",
          "[engine][runner]") {
  const pe::Rule warn_images{.id = "test.warn-images",
                             .summary = "s",
                             .why = "w",
                             .help = "h",
                             .severity = pe::Severity::kWarning,
                             .check = &FailEveryImage};
  const pe::Rule document_only{.id = "test.document", .summary = "s", .why = "w", .help = "h"};
  const pe::Rule* rules[] = {&kMixed, &document_only, &warn_images, &kThrows};
  const pe::PreparedRules prepared(rules);
  REQUIRE(prepared.entries().size() == 3);
  CHECK(prepared.entries()[1].id == "test.warn-images");
  CHECK(prepared.entries()[1].severity == pe::Severity::kWarning);
  auto page = Build("<p>a</p><img src=a.png><p>b</p>");
  pe::RunOptions keep;
  keep.keep_passed = true;
  for (const pe::PageAudit& audit :
       {pe::RunRules(*page, prepared, keep), pe::RunRules(*page, rules, keep)}) {
    REQUIRE(audit.results.size() == 3);
    CHECK(audit.results[0].rule == &kMixed);
    CHECK(audit.results[0].passed == 2);
    CHECK(audit.results[0].findings.size() == 3);
    CHECK(audit.results[1].rule == &warn_images);
    REQUIRE(audit.results[1].findings.size() == 1);
    CHECK(audit.results[1].findings[0].rule_id == "test.warn-images");
    CHECK(audit.results[1].findings[0].severity == pe::Severity::kWarning);
    CHECK(audit.results[1].findings[0].selector == "html > body > img");
    CHECK(audit.results[2].rule == &kThrows);
    CHECK(audit.results[2].outcome == pe::Outcome::kCantTell);
    REQUIRE(audit.results[2].findings.size() == 1);
    CHECK(audit.results[2].findings[0].rule_id == "test.throws");
  }
}

TEST_CASE("runner: a failure takes the rule's severity, Warn a warning, cantTell a notice",
          "[engine][runner]") {
  pe::Findings certain("r", pe::Severity::kError);
  certain.Fail(nullptr, "sure");
  certain.Warn(nullptr, "likely");
  certain.CantTell(nullptr, "a person decides");
  certain.Pass(nullptr);
  REQUIRE(certain.items().size() == 4);
  CHECK(certain.items()[0].severity == pe::Severity::kError);
  CHECK(certain.items()[1].outcome == pe::Outcome::kFailed);
  CHECK(certain.items()[1].severity == pe::Severity::kWarning);
  CHECK(certain.items()[2].severity == pe::Severity::kNotice);
  pe::Findings heuristic("h", pe::Severity::kWarning);
  heuristic.Fail(nullptr, "likely");
  CHECK(heuristic.items()[0].severity == pe::Severity::kWarning);
  CHECK(std::string(pe::SeverityName(pe::Severity::kWarning)) == "warning");
}

TEST_CASE("runner: aggregation follows the ACT order of outcomes", "[engine][runner]") {
  using O = pe::Outcome;
  auto f = [](O o) {
    pe::Finding finding;
    finding.rule_id = "r";
    finding.outcome = o;
    return finding;
  };
  CHECK(pe::Aggregate(std::vector<pe::Finding>{}) == O::kInapplicable);
  CHECK(pe::Aggregate(std::vector{f(O::kPassed), f(O::kCantTell)}) == O::kCantTell);
  CHECK(pe::Aggregate(std::vector{f(O::kPassed), f(O::kFailed), f(O::kCantTell)}) == O::kFailed);
  CHECK(pe::Aggregate(std::vector{f(O::kPassed)}) == O::kPassed);
}

namespace {
struct ElementCount {
  explicit ElementCount(const plainsight::engine::Page& page)
      : count(page.document().elements().size()) {
    ++constructed;
  }

  size_t count;
  static inline int constructed = 0;
};
}  // namespace

TEST_CASE("Page::Derived builds each type once per page and hands back the same object",
          "[engine][page]") {
  using namespace plainsight::engine;
  auto doc = Document::ParseHtml("<p>a</p><p>b</p>", ParseOptions{});
  REQUIRE(doc);
  auto page = Page::Build(std::move(*doc));
  ElementCount::constructed = 0;
  const auto& first = page->Derived<ElementCount>();
  const auto& again = page->Derived<ElementCount>();
  CHECK(&first == &again);
  CHECK(ElementCount::constructed == 1);
  CHECK(first.count == page->document().elements().size());
  auto other_doc = Document::ParseHtml("<p>c</p>", ParseOptions{});
  REQUIRE(other_doc);
  auto other = Page::Build(std::move(*other_doc));
  CHECK(&other->Derived<ElementCount>() != &first);
  CHECK(ElementCount::constructed == 2);
}

TEST_CASE("Page::StylesFor computes another viewport's styles only when they can differ",
          "[engine][page]") {
  using namespace plainsight::engine;
  auto plain = Build("<style>p { width: 400px }</style><p id=p>x</p>");
  CHECK(&plain->StylesFor({320, 256}) == &plain->styles());
  auto narrow_css = Build(
      "<style>p { width: 400px } @media (max-width: 400px) { p { width: 300px } }</style>"
      "<p id=p>x</p>");
  const Styles& narrow = narrow_css->StylesFor({320, 256});
  CHECK(&narrow != &narrow_css->styles());
  const Node& p = *narrow_css->document().GetElementById("p");
  CHECK(narrow_css->styles().Of(p).LengthPx("width") == Approx(400));
  CHECK(narrow.Of(p).LengthPx("width") == Approx(300));
  CHECK(&narrow_css->StylesFor({320, 256}) == &narrow);  // kept
  auto units = Build("<p id=p style='width: 50vw'>x</p>");
  const Node& q = *units->document().GetElementById("p");
  CHECK(units->styles().Of(q).LengthPx("width") == Approx(640));
  CHECK(units->StylesFor({320, 256}).Of(q).LengthPx("width") == Approx(160));
}

TEST_CASE("runner: snippets are one line and cut on a character boundary", "[engine][runner]") {
  auto page = Build("<p>x</p><img\nsrc=a.png\talt=\"é\"><p title=\"" + std::string(200, 'a') +
                    "\">y</p><div title=\"" + std::string(147, 'b') + "é\">z</div>");
  const pe::Node* img = page->document().ElementsByTag("img").front();
  CHECK(pe::Snippet(*img) == "<img src=a.png alt=\"é\">");
  const pe::Node* p = page->document().ElementsByTag("p").back();
  const std::string long_snippet = pe::Snippet(*p);
  CHECK(long_snippet.size() == 160 + std::string_view("…").size());
  CHECK(long_snippet.substr(long_snippet.size() - 3) == "…");
  // "<div title=\"" is 12 bytes and 147 b's follow: the é takes bytes 159 and 160, so the
  // cut at 160 would split it and goes before it.
  const pe::Node* div = page->document().ElementsByTag("div").front();
  CHECK(pe::Snippet(*div) == "<div title=\"" + std::string(147, 'b') + "…");
  CHECK(pe::Snippet(*div, 400).find("é") != std::string::npos);
  const pe::Node* body = page->document().ElementsByTag("body").front();
  CHECK(pe::Snippet(*body) == "<body>");  // implied by the parser: no source
}

TEST_CASE("runner: selector paths stop at unique ids, in small and large documents",
          "[engine][runner]") {
  // Documents of up to 32 elements count ids by scanning; larger ones build an index. Both
  // must give the same paths.
  for (int filler : {0, 50}) {
    std::string html = "<main id=m><p>a</p><img id=dup><img id=dup><p><img id=solo></p></main>";
    for (int k = 0; k < filler; ++k) {
      html += "<span></span>";
    }
    auto page = Build(html);
    const auto imgs = page->document().ElementsByTag("img");
    REQUIRE(imgs.size() == 3);
    CHECK(pe::SelectorPath(*imgs[0]) == "#m > img:nth-child(2)");
    CHECK(pe::SelectorPath(*imgs[1]) == "#m > img:nth-child(3)");
    CHECK(pe::SelectorPath(*imgs[2]) == "#solo");
    const auto ps = page->document().ElementsByTag("p");
    CHECK(pe::SelectorPath(*ps[0]) == "#m > p:nth-child(1)");
  }
}

TEST_CASE("runner: locating findings grows with the page, not with findings times page size",
          "[engine][runner]") {
  // 100,000 failing images side by side, and as many again in 2,000 sections of 50: when each
  // finding counted its siblings for :nth-child, this took 10^10 steps (minutes). Steps are
  // counted, not timed: a few per element and per finding.
  std::string html = "<!DOCTYPE html><html><body><main>";
  for (int i = 0; i < 100000; ++i) {
    html += "<img src=a.png>";
  }
  html += "</main>";
  for (int s = 0; s < 2000; ++s) {
    html += "<section><p>text</p>";
    for (int i = 0; i < 50; ++i) {
      html += "<img src=b.png>";
    }
    html += "</section>";
  }
  auto page = Build(html);
  const pe::Rule* rules[] = {&kFailImages};
  pe::PageAudit audit = pe::RunRules(*page, rules);
  REQUIRE(audit.results[0].findings.size() == 200000);
  const size_t elements = page->document().elements().size();
  INFO("locate steps: " << audit.locate_steps << " for " << elements << " elements");
  CHECK(audit.locate_steps < 20 * elements);
  CHECK(audit.results[0].findings[99999].selector == "html > body > main > img:nth-child(100000)");
  CHECK(audit.results[0].findings[199999].selector ==
        "html > body > section:nth-child(2001) > img:nth-child(51)");
}

TEST_CASE("runner: findings deep in a page cost their selector, not a walk of their depth",
          "[engine][runner]") {
  // Found by the page fuzzer (fuzz/seeds/page/gen-nested-11000.html): 5,000 failing images at
  // the bottom of 400 nested sections. When every finding walked its 400 ancestors (each with
  // an id check and an :nth-child place) this took about 4 million steps; the parent's path is
  // now worked out once and kept.
  constexpr int kDepth = 400;
  constexpr int kImages = 5000;
  std::string html = "<!DOCTYPE html><html><body>";
  for (int d = 0; d < kDepth; ++d) {
    html += "<section>";
  }
  for (int i = 0; i < kImages; ++i) {
    html += "<img src=a.png>";
  }
  auto page = Build(html);
  const pe::Rule* rules[] = {&kFailImages, &kFailImages};
  pe::PageAudit audit = pe::RunRules(*page, rules);
  REQUIRE(audit.results[0].findings.size() == kImages);
  const size_t elements = page->document().elements().size();
  INFO("locate steps: " << audit.locate_steps << " for " << elements << " elements");
  CHECK(audit.locate_steps < 20 * elements);
  std::string deepest = "html > body";
  for (int d = 0; d < kDepth; ++d) {
    deepest += " > section";
  }
  CHECK(audit.results[0].findings[0].selector == deepest + " > img:nth-child(1)");
  CHECK(audit.results[1].findings[kImages - 1].selector ==
        deepest + " > img:nth-child(" + std::to_string(kImages) + ")");
  // Ids still end a path, below and above a kept one.
  auto ids = Build("<main id=m><div><img><img></div><div id=d><img id=i><img></div></main>");
  const auto imgs = ids->document().ElementsByTag("img");
  REQUIRE(imgs.size() == 4);
  pe::PageAudit small = pe::RunRules(*ids, rules);
  REQUIRE(small.results[0].findings.size() == 4);
  CHECK(small.results[0].findings[0].selector == "#m > div:nth-child(1) > img:nth-child(1)");
  CHECK(small.results[0].findings[1].selector == "#m > div:nth-child(1) > img:nth-child(2)");
  CHECK(small.results[0].findings[2].selector == "#i");
  CHECK(small.results[0].findings[3].selector == "#d > img:nth-child(2)");
  CHECK(pe::SelectorPath(*imgs[3]) == "#d > img:nth-child(2)");
}

namespace {

// Fails every image with a message grown by appending, as rules often build them.
void FailImagesWithLongMessages(const pe::Page& page, pe::Findings& out) {
  for (const pe::Node* e : page.document().ElementsByTag("img")) {
    std::string message = "This image has no text alternative";
    message += ": screen readers announce its file name, \"";
    message += e->AttrOr("src");
    message += "\", or nothing at all.";
    out.Fail(e, std::move(message));
  }
}

const pe::Rule kLongMessages{.id = "test.long-messages",
                             .summary = "s",
                             .why = "w",
                             .help = "h",
                             .check = &FailImagesWithLongMessages};

}  // namespace

TEST_CASE("runner: kept findings hold their strings without spare room", "[engine][runner]") {
  // A large page keeps hundreds of thousands of findings until they are written: selectors are
  // made to size, and messages give back what their appends left over.
  std::string html = "<!DOCTYPE html><html><body>";
  for (int i = 0; i < 6000; ++i) {  // past 10,000 siblings: five-digit :nth-child places
    html += "<img src=a.png><span></span>";
  }
  auto page = Build(html);
  const pe::Rule* rules[] = {&kLongMessages};
  pe::PageAudit audit = pe::RunRules(*page, rules);
  REQUIRE(audit.results[0].findings.size() == 6000);
  for (const pe::Finding& f : audit.results[0].findings) {
    CHECK(f.selector.capacity() - f.selector.size() <= 15);
    CHECK(f.message.capacity() - f.message.size() <= 15);
  }
  CHECK(audit.results[0].findings.back().selector == "html > body > img:nth-child(11999)");
}

TEST_CASE("runner: without keep_passed, passed targets are counted, not kept", "[engine][runner]") {
  auto page = Build("<p>a</p><p>b</p><img src=a.png><p>c</p>");
  const pe::Rule* rules[] = {&kMixed, &kPassParagraphs, &kFailImages};
  pe::RunOptions count_only;
  count_only.keep_passed = false;
  for (const pe::RunOptions& options : {pe::RunOptions{}, count_only}) {
    INFO("keep_passed " << options.keep_passed);
    pe::PageAudit audit = pe::RunRules(*page, rules, options);
    REQUIRE(audit.results.size() == 3);
    const size_t kept = options.keep_passed ? 3 : 0;
    CHECK(audit.results[0].passed == 3);
    CHECK(audit.results[0].outcome == pe::Outcome::kFailed);
    CHECK(audit.results[0].findings.size() == kept + 1);
    CHECK(audit.results[1].passed == 3);
    CHECK(audit.results[1].outcome == pe::Outcome::kPassed);  // from the count alone
    CHECK(audit.results[1].findings.size() == kept);
    CHECK(audit.results[2].passed == 0);
  }
  // Aggregate counts passes it was not given as findings.
  CHECK(pe::Aggregate({}, 2) == pe::Outcome::kPassed);
  // Findings::count() sees passes that were not kept: rules compare it before and after.
  pe::Findings out("test.count", pe::Severity::kError, false);
  out.Pass(nullptr);
  out.Fail(nullptr, "x");
  CHECK(out.count() == 2);
  CHECK(out.items().size() == 1);
  CHECK(out.passed() == 1);
}

// Tests for the rule runner: isolation, aggregation and finding locations.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "engine/runner.h"

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

const pe::Rule kFailImages{.id = "test.fail-images", .summary = "s", .why = "w", .help = "h",
                           .check = &FailEveryImage};
const pe::Rule kThrows{.id = "test.throws", .summary = "s", .why = "w", .help = "h", .check = &Throws};

std::unique_ptr<pe::Page> Build(std::string_view html) {
  auto doc = pe::Document::ParseHtml(html, {});
  REQUIRE(doc.has_value());
  return pe::Page::Build(std::move(*doc));
}

}  // namespace

TEST_CASE("runner: findings carry selector, position and snippet", "[engine][runner]") {
  auto page = Build("<html><body>\n<main><img src=a.png><p></p><img id=logo src=b.png></main></body></html>");
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

TEST_CASE("runner: aggregation follows the ACT order of outcomes", "[engine][runner]") {
  using O = pe::Outcome;
  auto f = [](O o) { return pe::Finding{"r", o, nullptr, {}, {}, {}, {}, {}}; };
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
  const ElementCount& first = page->Derived<ElementCount>();
  const ElementCount& again = page->Derived<ElementCount>();
  CHECK(&first == &again);
  CHECK(ElementCount::constructed == 1);
  CHECK(first.count == page->document().elements().size());
  auto other_doc = Document::ParseHtml("<p>c</p>", ParseOptions{});
  REQUIRE(other_doc);
  auto other = Page::Build(std::move(*other_doc));
  CHECK(&other->Derived<ElementCount>() != &first);
  CHECK(ElementCount::constructed == 2);
}

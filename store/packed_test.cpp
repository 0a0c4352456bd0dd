// Packing a page's records (packed.h): exact round trips, one order for rule outcomes, valid
// UTF-8 out of any input, and a clear error for a damaged value.
#include "store/packed.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

namespace ps = plainsight::store;
using plainsight::engine::ErrorCode;

TEST_CASE("packed: findings round-trip exactly, quotes, controls and non-ASCII included",
          "[store][packed]") {
  std::vector<ps::FindingRecord> in = {
      {"html.image-name", "failed", "error", "html > body > img:nth-child(2)", 3, 5,
       "<img src=\"a.png\" alt='x'>\n\t<b>", "Back\\slash, \"quotes\", \x01 and \x1f.",
       "https://example.ie/frame?a=1&b=2", 17, 4294967295u},
      {"text.wordy", "cantTell", "notice", "", 0, 0, "Fáilte – “ceart” 🙂", "", "", 0, 0},
  };
  std::string packed = ps::PackFindings(in);
  CHECK(nlohmann::json::accept(packed));
  std::vector<ps::FindingRecord> out;
  REQUIRE(ps::UnpackFindings(packed, out));
  REQUIRE(out.size() == 2);
  CHECK(out[0].rule == in[0].rule);
  CHECK(out[0].selector == in[0].selector);
  CHECK(out[0].snippet == in[0].snippet);
  CHECK(out[0].message == in[0].message);
  CHECK(out[0].document == in[0].document);
  CHECK(out[0].line == 3);
  CHECK(out[0].column == 5);
  CHECK(out[0].span_start == 17);
  CHECK(out[0].span_end == 4294967295u);  // spans keep their 32 bits
  CHECK(out[1].snippet == "Fáilte – “ceart” 🙂");
  CHECK(out[1].severity == "notice");
  CHECK(ps::CountFailed(in) == 1);
  CHECK(ps::PackFindings({}) == "[]");
}

TEST_CASE("packed: rule outcomes are sorted by rule, bytewise, whatever order they come in",
          "[store][packed]") {
  std::vector<ps::RuleOutcomeRecord> in = {{"text.long", "failed", 0, 2, 0},
                                           {"html.b", "passed", 3, 0, 0},
                                           {"html.B", "cantTell", 0, 0, 1}};
  std::string packed = ps::PackRuleOutcomes(in);
  CHECK(packed == R"([["html.B","cantTell",0,0,1],["html.b","passed",3,0,0],)"
                  R"(["text.long","failed",0,2,0]])");
  std::vector<ps::RuleOutcomeRecord> out;
  REQUIRE(ps::UnpackRuleOutcomes(packed, out));
  REQUIRE(out.size() == 3);
  CHECK(out[1].rule == "html.b");
  CHECK(out[1].passed == 3);
  CHECK(out[2].failed == 2);
}

TEST_CASE("packed: text findings round-trip, and lines past 2^31 are held at the 32-bit limit",
          "[store][packed]") {
  std::vector<ps::TextFindingRecord> in = {
      {"wordy-phrase", "warning", 10, 20, 4000000000u, 11, "in order to", "Wordy.", "to"}};
  std::vector<ps::TextFindingRecord> out;
  REQUIRE(ps::UnpackTextFindings(ps::PackTextFindings(in), out));
  REQUIRE(out.size() == 1);
  CHECK(out[0].start == 10);
  CHECK(out[0].end == 20);
  CHECK(out[0].line == 0x7fffffffu);
  CHECK(out[0].column == 11);
  CHECK(out[0].suggestion == "to");
}

TEST_CASE("packed: invalid UTF-8 and NUL bytes become U+FFFD, so the value is always JSON",
          "[store][packed]") {
  std::vector<ps::FindingRecord> in(1);
  in[0].snippet = std::string(
                      "a\xff"
                      "b\xc3",
                      4) +
                  std::string(1, '\0') + "\xe2\x82";
  std::string packed = ps::PackFindings(in);
  CHECK(nlohmann::json::accept(packed));
  std::vector<ps::FindingRecord> out;
  REQUIRE(ps::UnpackFindings(packed, out));
  CHECK(out[0].snippet ==
        "a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("packed: a damaged value is an error that says what, never a crash", "[store][packed]") {
  std::vector<ps::FindingRecord> findings;
  std::vector<ps::RuleOutcomeRecord> rules;
  std::vector<ps::TextFindingRecord> text;
  for (const char* bad : {"", "{", "{}", "[1]", R"([["a"]])", "[[1,2,3,4,5]]",
                          R"([["a","b",-1,0,0]])", R"([["a","b",0,0,5000000000]])"}) {
    INFO(bad);
    auto r = ps::UnpackRuleOutcomes(bad, rules);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::kParse);
    CHECK(r.error().message.find("rule outcomes") != std::string::npos);
    CHECK_FALSE(ps::UnpackFindings(bad, findings));
    CHECK_FALSE(ps::UnpackTextFindings(bad, text));
  }
  CHECK(rules.empty());
  REQUIRE(ps::UnpackTextFindings("[]", text));
  CHECK(text.empty());
}

// Dates in page text (dates.h): English, Irish and numeric forms, and what is not a date.
#include "engine/site/dates.h"

#include <catch2/catch.hpp>

#include "engine/site/text_match.h"

namespace ps = plainsight::engine::site;

namespace {

std::vector<std::string> Isos(std::string_view text) {
  std::vector<std::string> out;
  for (const ps::FoundDate& d : ps::FindDates(ps::NormaliseText(text))) {
    out.push_back(d.Iso());
  }
  return out;
}

}  // namespace

TEST_CASE("site dates: English, Irish and numeric forms are read", "[site][dates]") {
  struct Row {
    std::string_view text;
    std::vector<std::string> expected;
  };

  const Row rows[] = {
      {"This statement was prepared on 23 September 2024.", {"2024-09-23"}},
      {"prepared on the 23rd of September, 2024", {"2024-09-23"}},
      {"Last reviewed: September 23, 2024", {"2024-09-23"}},
      {"It was last reviewed on 1/3/2025.", {"2025-03-01"}},  // day first (EU)
      {"reviewed 01.03.2025", {"2025-03-01"}},
      {"reviewed 3/21/2025", {"2025-03-21"}},  // only the second part can be a day
      {"updated 2025-03-01T10:00", {"2025-03-01"}},
      {"Sept. 2024 and 12 Dec 2023", {"2024-09", "2023-12-12"}},
      {"Ullmhaíodh an ráiteas seo ar an 23 Meán Fómhair 2024.", {"2024-09-23"}},
      {"an 23ú Deireadh Fómhair 2023", {"2023-10-23"}},
      {"Is é an 30 Lúnasa 2022 an uair dheireanach a nuashonraíodh", {"2022-08-30"}},
      {"i mí na Samhna 2023 agus i mí an Mhárta 2024", {"2023-11", "2024-03"}},
      {"Rinneadh athbhreithniú air an 5 Nollaig 2024", {"2024-12-05"}},
      {"ar an 14 Aibreán 2016", {"2016-04-14"}},
      // Not dates: impossible days, years out of range, a may that is a verb.
      {"31 June 2024, 13/13/2024, 5 May 1850", {}},
      {"you may 2024 ideas", {}},
      {"Phone 01 222 2222", {}},
      {"31st of June 2024", {}},  // the impossible day is not dropped to "June 2024"
      {"Published May 2024", {"2024-05"}},
      {"Mar. 2025, Dec. 2024 and dec 2024", {"2025-03", "2024-12"}},  // abbreviations need a stop
  };
  for (const Row& r : rows) {
    INFO(r.text);
    CHECK(Isos(r.text) == r.expected);
  }
}

TEST_CASE("site dates: a non-breaking space inside a date is a space", "[site][dates]") {
  CHECK(Isos("prepared on 23\xC2\xA0September\xC2\xA0"
             "2024") == std::vector<std::string>{"2024-09-23"});
}

TEST_CASE("site dates: ISO dates parse and day counts subtract", "[site][dates]") {
  auto a = ps::ParseIsoDate("2025-06-30");
  REQUIRE(a);
  auto b = ps::ParseIsoDate("2024-06-30T09:00:00Z");
  REQUIRE(b);
  CHECK(a->Days() - b->Days() == 365);
  CHECK_FALSE(ps::ParseIsoDate("2025-02-30"));
  CHECK_FALSE(ps::ParseIsoDate("30/06/2025"));
  CHECK(ps::DaysFromCivil(1970, 1, 1) == 0);
}

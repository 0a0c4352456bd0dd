// CSV cells: quoting and formula neutralisation.
#include "reports/csv.h"

#include <sstream>

#include <catch2/catch.hpp>

namespace pr = plainsight::reports;

TEST_CASE("csv: cells that a spreadsheet would run as formulas are neutralised", "[reports][csv]") {
  CHECK(pr::CsvText("=HYPERLINK(\"http://evil\",\"x\")") ==
        "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
  CHECK(pr::CsvText("+1") == "'+1");
  CHECK(pr::CsvText("-2+3") == "'-2+3");
  CHECK(pr::CsvText("@SUM(A1)") == "'@SUM(A1)");
  CHECK(pr::CsvText("\tcmd") == "'\tcmd");
  CHECK(pr::CsvText("\rcmd") == "\"'\rcmd\"");
  CHECK(pr::CsvText("plain") == "plain");
  CHECK(pr::CsvText("a,b") == "\"a,b\"");
  CHECK(pr::CsvText("line\nbreak") == "\"line\nbreak\"");
}

TEST_CASE("csv: numbers the report computes are not neutralised", "[reports][csv]") {
  std::ostringstream out;
  pr::CsvRow(out).Number(-3.25, 2).Integer(-4).Number(std::nullopt).Text("-x").End();
  CHECK(out.str() == "-3.25,-4,,'-x\r\n");
}

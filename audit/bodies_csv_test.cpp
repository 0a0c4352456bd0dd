// BODIES.csv: RFC 4180 quoting, BOM and CRLF, bad rows reported by line and left out, and files
// that are not CSV at all refused.
#include "audit/bodies_csv.h"

#include <catch2/catch.hpp>

namespace pa = plainsight::audit;
using plainsight::engine::ErrorCode;

TEST_CASE("bodies: a header and rows give the bodies in file order", "[audit][bodies]") {
  auto list = pa::ParseBodiesCsv(
      "id,name,url,sector,lang\n"
      "cc1,Clare County Council,https://www.clarecoco.ie/,local,en\n"
      "dept,Department of Examples,http://dept.example/ga/,central,ga\n");
  REQUIRE(list);
  CHECK(list->problems.empty());
  REQUIRE(list->bodies.size() == 2);
  CHECK(list->bodies[0].id == "cc1");
  CHECK(list->bodies[0].sector == "local");
  CHECK(list->bodies[1].url == "http://dept.example/ga/");
  CHECK(list->bodies[1].lang == "ga");
}

TEST_CASE("bodies: BOM, CRLF, quoted commas, quotes and line breaks, any column order",
          "[audit][bodies]") {
  auto list = pa::ParseBodiesCsv(
      "\xEF\xBB\xBFurl,ID,Name\r\n"
      "https://a.example/,a,\"Office of Public Works, The\"\r\n"
      "https://b.example/,b,\"The \"\"Quoted\"\" Agency\"\r\n"
      "https://c.example/,c,\"Two\r\nLines\"\r\n"
      "\r\n");
  REQUIRE(list);
  REQUIRE(list->bodies.size() == 3);
  CHECK(list->bodies[0].name == "Office of Public Works, The");
  CHECK(list->bodies[1].name == "The \"Quoted\" Agency");
  CHECK(list->bodies[2].name == "Two\r\nLines");
  CHECK(list->bodies[2].id == "c");
}

TEST_CASE("bodies: bad rows are reported with their line and left out", "[audit][bodies]") {
  auto list = pa::ParseBodiesCsv(
      "id,name,url\n"                           // 1
      "a,Alpha,https://a.example/\n"            // 2
      "b,Beta,\n"                               // 3: no URL
      "c,Gamma,ftp://c.example/\n"              // 4: not http(s)
      "a,Alpha again,https://a2.example/\n"     // 5: duplicate id
      ",Nameless,https://n.example/\n"          // 6: no id
      "d,\"Multi\nline\",https://d.example/\n"  // 7-8
      "e,Too,many,fields\n"                     // 9
      "f,Fine,https://f.example/\n");           // 10
  REQUIRE(list);
  REQUIRE(list->bodies.size() == 3);
  CHECK(list->bodies[1].id == "d");
  CHECK(list->bodies[2].id == "f");
  REQUIRE(list->problems.size() == 5);
  CHECK(list->problems[0].line == 3);
  CHECK(list->problems[0].message.find("no URL") != std::string::npos);
  CHECK(list->problems[1].line == 4);
  CHECK(list->problems[1].message.find("http") != std::string::npos);
  CHECK(list->problems[2].line == 5);
  CHECK(list->problems[2].message.find("earlier row") != std::string::npos);
  CHECK(list->problems[3].line == 6);
  CHECK(list->problems[4].line == 9);
}

TEST_CASE("bodies: an invalid lang is dropped with a note; a missing name becomes the host",
          "[audit][bodies]") {
  auto list = pa::ParseBodiesCsv("id,name,url,lang\nx,,https://x.example/,english\n");
  REQUIRE(list);
  REQUIRE(list->bodies.size() == 1);
  CHECK(list->bodies[0].lang.empty());
  CHECK(list->bodies[0].name == "x.example");
  REQUIRE(list->problems.size() == 1);
  CHECK(list->problems[0].line == 2);
}

TEST_CASE("bodies: empty, binary, headerless and unclosed files are refused", "[audit][bodies]") {
  auto empty = pa::ParseBodiesCsv("");
  REQUIRE_FALSE(empty);
  CHECK(empty.error().code == ErrorCode::kInvalidArgument);
  CHECK_FALSE(pa::ParseBodiesCsv("\xEF\xBB\xBF\r\n\r\n"));

  auto binary = pa::ParseBodiesCsv(std::string("id,name,url\n\x89PNG\r\n\x1a\n\0\0", 20));
  REQUIRE_FALSE(binary);
  CHECK(binary.error().code == ErrorCode::kParse);
  CHECK(binary.error().where == "line 2");

  auto latin1 =
      pa::ParseBodiesCsv("id,name,url\nx,Comhairle Contae na Gaillimhe \xe9,https://g/\n");
  REQUIRE_FALSE(latin1);
  CHECK(latin1.error().message.find("UTF-8") != std::string::npos);

  auto headerless = pa::ParseBodiesCsv("cc1,Clare,https://clare.example/\n");
  REQUIRE_FALSE(headerless);
  CHECK(headerless.error().message.find("header") != std::string::npos);

  auto unclosed = pa::ParseBodiesCsv("id,name,url\na,\"Alpha,https://a.example/\n");
  REQUIRE_FALSE(unclosed);
  CHECK(unclosed.error().where == "line 2");
}

TEST_CASE("bodies: a file whose rows are all bad gives no bodies and every problem",
          "[audit][bodies]") {
  auto list = pa::ParseBodiesCsv("id,name,url\na,A,\nb,B,mailto:b@example.org\n");
  REQUIRE(list);
  CHECK(list->bodies.empty());
  CHECK(list->problems.size() == 2);
}

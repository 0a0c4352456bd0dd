// CSS Syntax 3 tokenizer edge cases.
#include "engine/css/tokenizer.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace plainsight::engine::css {
namespace {

std::vector<Token> NonSpace(const TokenList& tl) {
  std::vector<Token> out;
  for (const Token& t : tl.tokens) {
    if (t.type != TokenType::kWhitespace) {
      out.push_back(t);
    }
  }
  return out;
}

TEST_CASE("css tokenizer: a rule becomes ident, braces, colon and semicolon", "[css][tokenizer]") {
  TokenList tl;
  Tokenize("a{color:red;}", &tl);
  const std::vector<TokenType> want = {
      TokenType::kIdent, TokenType::kLeftBrace, TokenType::kIdent,     TokenType::kColon,
      TokenType::kIdent, TokenType::kSemicolon, TokenType::kRightBrace};
  REQUIRE(tl.tokens.size() == want.size());
  for (size_t k = 0; k < want.size(); ++k) {
    CHECK(tl.tokens[k].type == want[k]);
  }
  CHECK(tl.match[1] == 6);
}

TEST_CASE("css tokenizer: escapes are decoded in identifiers and strings", "[css][tokenizer]") {
  TokenList tl;
  Tokenize(R"(\41 bc "x\"y\
z" \31 0)",
           &tl);
  const auto t = NonSpace(tl);
  REQUIRE(t.size() == 3);
  CHECK(t[0].type == TokenType::kIdent);
  CHECK(t[0].value == "Abc");
  CHECK(t[1].type == TokenType::kString);
  CHECK(t[1].value == "x\"yz");
  CHECK(t[2].type == TokenType::kIdent);
  CHECK(t[2].value == "10");
}

TEST_CASE("css tokenizer: a newline in a string makes a bad-string", "[css][tokenizer]") {
  TokenList tl;
  Tokenize("'abc\ndef'", &tl);
  REQUIRE(!tl.tokens.empty());
  CHECK(tl.tokens[0].type == TokenType::kBadString);
}

TEST_CASE("css tokenizer: url() unquoted is a url token, quoted is a function",
          "[css][tokenizer]") {
  TokenList tl;
  Tokenize("url( a.png ) url('b.png') url(c d)", &tl);
  const auto t = NonSpace(tl);
  REQUIRE(t.size() >= 4);
  CHECK(t[0].type == TokenType::kUrl);
  CHECK(t[0].value == "a.png");
  CHECK(t[1].type == TokenType::kFunction);
  CHECK(t[2].type == TokenType::kString);
  CHECK(t[2].value == "b.png");
  CHECK(t[3].type == TokenType::kRightParen);
  CHECK(t.back().type == TokenType::kBadUrl);
}

TEST_CASE("css tokenizer: numbers, percentages and dimensions", "[css][tokenizer]") {
  TokenList tl;
  Tokenize("+.5e2 10px -3% 7 1e3em", &tl);
  const auto t = NonSpace(tl);
  REQUIRE(t.size() == 5);
  CHECK(t[0].type == TokenType::kNumber);
  CHECK(t[0].number == Approx(50));
  CHECK_FALSE(t[0].is_integer);
  CHECK(t[1].type == TokenType::kDimension);
  CHECK(t[1].value == "px");
  CHECK(t[1].number == 10);
  CHECK(t[2].type == TokenType::kPercentage);
  CHECK(t[2].number == -3);
  CHECK(t[3].is_integer);
  CHECK(t[4].type == TokenType::kDimension);
  CHECK(t[4].number == Approx(1000));
  CHECK(t[4].value == "em");
}

TEST_CASE("css tokenizer: comments vanish, even unterminated ones", "[css][tokenizer]") {
  TokenList tl;
  Tokenize("a/* x */b /* never closed", &tl);
  const auto t = NonSpace(tl);
  REQUIRE(t.size() == 2);
  CHECK(t[0].value == "a");
  CHECK(t[1].value == "b");
}

TEST_CASE("css tokenizer: hash tokens know whether they are ids", "[css][tokenizer]") {
  TokenList tl;
  Tokenize("#a1 #1a #-x", &tl);
  const auto t = NonSpace(tl);
  REQUIRE(t.size() == 3);
  CHECK(t[0].hash_id);
  CHECK_FALSE(t[1].hash_id);
  CHECK(t[2].hash_id);
}

TEST_CASE("css tokenizer: CDO, CDC and at-keywords", "[css][tokenizer]") {
  TokenList tl;
  Tokenize("<!-- @media --> @", &tl);
  const auto t = NonSpace(tl);
  REQUIRE(t.size() == 4);
  CHECK(t[0].type == TokenType::kCdo);
  CHECK(t[1].type == TokenType::kAtKeyword);
  CHECK(t[1].value == "media");
  CHECK(t[2].type == TokenType::kCdc);
  CHECK(t[3].type == TokenType::kDelim);
}

TEST_CASE("css tokenizer: only a block's own closer ends it", "[css][tokenizer]") {
  TokenList tl;
  Tokenize("{ ( } ) }", &tl);
  // tokens: { ws ( ws } ws ) ws }
  REQUIRE(tl.tokens.size() == 9);
  CHECK(tl.match[0] == 8);
  CHECK(tl.match[2] == 6);
}

TEST_CASE("css tokenizer: unclosed blocks match the end of input", "[css][tokenizer]") {
  TokenList tl;
  Tokenize("a { b ( c", &tl);
  CHECK(tl.match[2] == tl.tokens.size());
}

TEST_CASE("css tokenizer: NUL and invalid escapes become U+FFFD", "[css][tokenizer]") {
  TokenList tl;
  Tokenize(std::string("a\\0 b", 5), &tl);
  REQUIRE(!tl.tokens.empty());
  CHECK(tl.tokens[0].value ==
        "a\xEF\xBF\xBD"
        "b");
}

}  // namespace
}  // namespace plainsight::engine::css

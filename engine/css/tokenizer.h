// CSS tokenizer: CSS Syntax Module Level 3, section 4 (https://drafts.csswg.org/css-syntax-3/).
// Hand-written because no Debian-packaged C++ library implements CSS Syntax 3 (libcroco follows
// CSS 2.1 and is unmaintained); the algorithm is short and fully specified.
//
// Linear time on any input: every step consumes at least one byte. Token values are views into
// the source, or into TokenList::storage when escapes had to be decoded.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "engine/dom.h"

namespace plainsight::engine::css {

enum class TokenType : uint8_t {
  kIdent,
  kFunction,
  kAtKeyword,
  kHash,
  kString,
  kBadString,
  kUrl,
  kBadUrl,
  kDelim,
  kNumber,
  kPercentage,
  kDimension,
  kWhitespace,
  kCdo,
  kCdc,
  kColon,
  kSemicolon,
  kComma,
  kLeftBracket,
  kRightBracket,
  kLeftParen,
  kRightParen,
  kLeftBrace,
  kRightBrace,
};

struct Token {
  TokenType type = TokenType::kWhitespace;
  bool hash_id = false;     // hash token whose type flag is "id"
  bool is_integer = false;  // number/dimension with type flag "integer"
  double number = 0;        // number, percentage, dimension
  // ident/function/at-keyword/hash: the name (escapes decoded); string/url: the contents;
  // dimension: the unit; delim: the code point's UTF-8 bytes.
  std::string_view value;
  uint32_t start = 0;  // byte range in the source
  uint32_t end = 0;
};

struct TokenList {
  std::vector<Token> tokens;
  std::deque<std::string> storage;  // decoded values that differ from the source bytes
  // For each opening token ('(' '[' '{' or function), the index of its closing token, or
  // tokens.size() when the input ends first. Other entries are 0.
  std::vector<uint32_t> match;
};

// An ident token spelling `word` (ASCII case-insensitive, as CSS keywords are).
inline bool IsIdent(const Token& t, std::string_view word) {
  return t.type == TokenType::kIdent && EqualsIgnoreCase(t.value, word);
}

// A delim token of the one character `c`.
inline bool IsDelim(const Token& t, char c) {
  return t.type == TokenType::kDelim && t.value.size() == 1 && t.value[0] == c;
}

// Tokenises `source` (kept alive by the caller: tokens view into it).
void Tokenize(std::string_view source, TokenList* out);

// True for ASCII case-insensitive equality (CSS keywords).
using engine::EqualsIgnoreCase;  // engine/dom.h

}  // namespace plainsight::engine::css

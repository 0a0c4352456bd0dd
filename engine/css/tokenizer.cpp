// CSS Syntax Module Level 3, section 4: tokenization. Preprocessing (4.3.1: CR, CRLF and FF
// become LF; NUL becomes U+FFFD) is folded into the character tests instead of copying input.
#include "engine/css/tokenizer.h"

#include <charconv>

#include "engine/utf8.h"

namespace plainsight::engine::css {
namespace {

bool IsDigit(int c) {
  return c >= '0' && c <= '9';
}

bool IsHex(int c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool IsNewline(int c) {
  return c == '\n' || c == '\r' || c == '\f';
}

bool IsSpace(int c) {
  return c == ' ' || c == '\t' || IsNewline(c);
}

bool IsNameStart(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80 || c == 0;
}

bool IsName(int c) {
  return IsNameStart(c) || IsDigit(c) || c == '-';
}

bool IsNonPrintable(int c) {
  return (c >= 0 && c <= 8) || c == 0x0b || (c >= 0x0e && c <= 0x1f) || c == 0x7f;
}

int HexValue(int c) {
  if (IsDigit(c)) {
    return c - '0';
  }
  return (c | 0x20) - 'a' + 10;
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

class Tokenizer {
 public:
  Tokenizer(std::string_view s, TokenList* out) : s_(s), out_(out) {}

  void Run() {
    out_->tokens.reserve(s_.size() / 3 + 4);
    while (i_ < s_.size()) {
      const size_t start = i_;
      Token t;
      if (!Next(t)) {
        continue;  // a comment
      }
      t.start = static_cast<uint32_t>(start);
      t.end = static_cast<uint32_t>(i_);
      out_->tokens.push_back(t);
    }
    MatchBlocks();
  }

 private:
  int At(size_t k) const { return k < s_.size() ? static_cast<unsigned char>(s_[k]) : -1; }

  bool ValidEscape(size_t k) const { return At(k) == '\\' && !IsNewline(At(k + 1)); }

  bool StartsIdent(size_t k) const {
    const int c = At(k);
    if (c == '-') {
      return IsNameStart(At(k + 1)) || At(k + 1) == '-' || ValidEscape(k + 1);
    }
    if (c == '\\') {
      return ValidEscape(k);
    }
    return c >= 0 && IsNameStart(c);
  }

  bool StartsNumber(size_t k) const {
    const int c = At(k);
    if (c == '+' || c == '-') {
      return IsDigit(At(k + 1)) || (At(k + 1) == '.' && IsDigit(At(k + 2)));
    }
    if (c == '.') {
      return IsDigit(At(k + 1));
    }
    return IsDigit(c);
  }

  // 4.3.7: consume an escaped code point; i_ is just after the backslash.
  void ConsumeEscape(std::string& out) {
    const int c = At(i_);
    if (c < 0) {
      out += kReplacement;
      return;
    }
    if (IsHex(c)) {
      uint32_t cp = 0;
      int n = 0;
      while (n < 6 && IsHex(At(i_))) {
        cp = cp * 16 + HexValue(At(i_));
        ++i_;
        ++n;
      }
      if (At(i_) == '\r' && At(i_ + 1) == '\n') {
        i_ += 2;
      } else if (IsSpace(At(i_))) {
        ++i_;
      }
      if (cp == 0 || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) {
        out += kReplacement;
      } else {
        AppendUtf8(out, cp);
      }
      return;
    }
    out += static_cast<char>(c);
    ++i_;
  }

  std::string_view Store(std::string s) {
    out_->storage.push_back(std::move(s));
    return out_->storage.back();
  }

  // 4.3.12: consume an ident sequence. Views the source unless an escape or NUL needs decoding.
  std::string_view ConsumeName() {
    const size_t start = i_;
    while (i_ < s_.size()) {
      const int c = At(i_);
      if (c == 0 || c == '\\') {
        break;
      }
      if (!IsName(c)) {
        return s_.substr(start, i_ - start);
      }
      ++i_;
    }
    if (i_ >= s_.size() || (At(i_) == '\\' && !ValidEscape(i_))) {
      return s_.substr(start, i_ - start);
    }
    std::string decoded(s_.substr(start, i_ - start));
    while (i_ < s_.size()) {
      const int c = At(i_);
      if (c == 0) {
        decoded += kReplacement;
        ++i_;
      } else if (IsName(c)) {
        decoded += static_cast<char>(c);
        ++i_;
      } else if (ValidEscape(i_)) {
        ++i_;
        ConsumeEscape(decoded);
      } else {
        break;
      }
    }
    return Store(std::move(decoded));
  }

  // 4.3.3 and 4.3.12-13: a number (value, integer flag), then %, a unit, or nothing.
  void ConsumeNumeric(Token& t) {
    const size_t start = i_;
    bool integer = true;
    if (At(i_) == '+' || At(i_) == '-') {
      ++i_;
    }
    while (IsDigit(At(i_))) {
      ++i_;
    }
    if (At(i_) == '.' && IsDigit(At(i_ + 1))) {
      integer = false;
      i_ += 2;
      while (IsDigit(At(i_))) {
        ++i_;
      }
    }
    if ((At(i_) == 'e' || At(i_) == 'E') &&
        (IsDigit(At(i_ + 1)) ||
         ((At(i_ + 1) == '+' || At(i_ + 1) == '-') && IsDigit(At(i_ + 2))))) {
      integer = false;
      i_ += 2;
      while (IsDigit(At(i_))) {
        ++i_;
      }
    }
    std::string_view text = s_.substr(start, i_ - start);
    bool negative = false;
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
      negative = text[0] == '-';
      text.remove_prefix(1);
    }
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    t.number = negative ? -value : value;
    t.is_integer = integer;
    if (StartsIdent(i_)) {
      t.type = TokenType::kDimension;
      t.value = ConsumeName();
    } else if (At(i_) == '%') {
      ++i_;
      t.type = TokenType::kPercentage;
    } else {
      t.type = TokenType::kNumber;
    }
  }

  void ConsumeString(Token& t, int quote) {
    ++i_;
    const size_t start = i_;
    std::string decoded;
    bool decoding = false;
    t.type = TokenType::kString;
    while (true) {
      const int c = At(i_);
      if (c < 0 || c == quote) {
        std::string_view view = s_.substr(start, i_ - start);
        if (c == quote) {
          ++i_;
        }
        t.value = decoding ? Store(std::move(decoded)) : view;
        return;
      }
      if (IsNewline(c)) {
        t.type = TokenType::kBadString;
        t.value = {};
        return;
      }
      if (c == '\\' || c == 0) {
        if (!decoding) {
          decoding = true;
          decoded.assign(s_.substr(start, i_ - start));
        }
        ++i_;
        if (c == 0) {
          decoded += kReplacement;
        } else if (At(i_) < 0) {
          // Backslash at end of input: nothing.
        } else if (IsNewline(At(i_))) {
          i_ += (At(i_) == '\r' && At(i_ + 1) == '\n') ? 2 : 1;
        } else {
          ConsumeEscape(decoded);
        }
        continue;
      }
      if (decoding) {
        decoded += static_cast<char>(c);
      }
      ++i_;
    }
  }

  void ConsumeBadUrlRemnants() {
    while (i_ < s_.size()) {
      if (At(i_) == ')') {
        ++i_;
        return;
      }
      if (ValidEscape(i_)) {
        ++i_;
        std::string ignored;
        ConsumeEscape(ignored);
        continue;
      }
      ++i_;
    }
  }

  // 4.3.6: consume a url token; i_ is after "url(" and any whitespace.
  void ConsumeUrl(Token& t) {
    while (IsSpace(At(i_))) {
      ++i_;
    }
    std::string value;
    t.type = TokenType::kUrl;
    while (true) {
      const int c = At(i_);
      if (c < 0) {
        t.value = Store(std::move(value));
        return;
      }
      if (c == ')') {
        ++i_;
        t.value = Store(std::move(value));
        return;
      }
      if (IsSpace(c)) {
        while (IsSpace(At(i_))) {
          ++i_;
        }
        if (At(i_) == ')' || At(i_) < 0) {
          if (At(i_) == ')') {
            ++i_;
          }
          t.value = Store(std::move(value));
          return;
        }
        ConsumeBadUrlRemnants();
        t.type = TokenType::kBadUrl;
        return;
      }
      if (c == '"' || c == '\'' || c == '(' || IsNonPrintable(c)) {
        ConsumeBadUrlRemnants();
        t.type = TokenType::kBadUrl;
        return;
      }
      if (c == '\\') {
        if (ValidEscape(i_)) {
          ++i_;
          ConsumeEscape(value);
          continue;
        }
        ConsumeBadUrlRemnants();
        t.type = TokenType::kBadUrl;
        return;
      }
      value += static_cast<char>(c);
      ++i_;
    }
  }

  // 4.3.4: consume an ident-like token.
  void ConsumeIdentLike(Token& t) {
    t.value = ConsumeName();
    if (At(i_) == '(') {
      ++i_;
      if (EqualsIgnoreCase(t.value, "url")) {
        size_t k = i_;
        while (IsSpace(At(k))) {
          ++k;
        }
        if (At(k) == '"' || At(k) == '\'') {
          i_ = k;  // whitespace before a quoted url belongs to the function token
          t.type = TokenType::kFunction;
          return;
        }
        ConsumeUrl(t);
        return;
      }
      t.type = TokenType::kFunction;
      return;
    }
    t.type = TokenType::kIdent;
  }

  // Returns false for comments (no token produced).
  bool Next(Token& t) {
    const int c = At(i_);
    if (c == '/' && At(i_ + 1) == '*') {
      const size_t close = s_.find("*/", i_ + 2);
      i_ = close == std::string_view::npos ? s_.size() : close + 2;
      return false;
    }
    if (IsSpace(c)) {
      while (IsSpace(At(i_))) {
        ++i_;
      }
      t.type = TokenType::kWhitespace;
      return true;
    }
    switch (c) {
      case '"':
      case '\'':
        ConsumeString(t, c);
        return true;
      case '#':
        if (IsName(At(i_ + 1)) || ValidEscape(i_ + 1)) {
          ++i_;
          t.type = TokenType::kHash;
          t.hash_id = StartsIdent(i_);
          t.value = ConsumeName();
          return true;
        }
        break;
      case '(':
        ++i_;
        t.type = TokenType::kLeftParen;
        return true;
      case ')':
        ++i_;
        t.type = TokenType::kRightParen;
        return true;
      case '[':
        ++i_;
        t.type = TokenType::kLeftBracket;
        return true;
      case ']':
        ++i_;
        t.type = TokenType::kRightBracket;
        return true;
      case '{':
        ++i_;
        t.type = TokenType::kLeftBrace;
        return true;
      case '}':
        ++i_;
        t.type = TokenType::kRightBrace;
        return true;
      case ',':
        ++i_;
        t.type = TokenType::kComma;
        return true;
      case ':':
        ++i_;
        t.type = TokenType::kColon;
        return true;
      case ';':
        ++i_;
        t.type = TokenType::kSemicolon;
        return true;
      case '+':
      case '.':
        if (StartsNumber(i_)) {
          ConsumeNumeric(t);
          return true;
        }
        break;
      case '-':
        if (StartsNumber(i_)) {
          ConsumeNumeric(t);
          return true;
        }
        if (At(i_ + 1) == '-' && At(i_ + 2) == '>') {
          i_ += 3;
          t.type = TokenType::kCdc;
          return true;
        }
        if (StartsIdent(i_)) {
          ConsumeIdentLike(t);
          return true;
        }
        break;
      case '<':
        if (s_.substr(i_, 4) == "<!--") {
          i_ += 4;
          t.type = TokenType::kCdo;
          return true;
        }
        break;
      case '@':
        if (StartsIdent(i_ + 1)) {
          ++i_;
          t.type = TokenType::kAtKeyword;
          t.value = ConsumeName();
          return true;
        }
        break;
      case '\\':
        if (ValidEscape(i_)) {
          ConsumeIdentLike(t);
          return true;
        }
        break;
      default:
        if (IsDigit(c)) {
          ConsumeNumeric(t);
          return true;
        }
        if (IsNameStart(c)) {
          ConsumeIdentLike(t);
          return true;
        }
        break;
    }
    // A delim token: one code point (its UTF-8 bytes; a stray continuation byte alone).
    size_t len = 1;
    if (c >= 0xc0) {
      len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      len = std::min(len, s_.size() - i_);
    }
    t.type = TokenType::kDelim;
    t.value = s_.substr(i_, len);
    i_ += len;
    return true;
  }

  // Pairs each opener with its closer. Inside a block only its own closer ends it (CSS Syntax
  // 5.4.8 "consume a simple block"), so other closers are ordinary tokens there.
  void MatchBlocks() {
    auto& tokens = out_->tokens;
    auto& match = out_->match;
    match.assign(tokens.size(), 0);
    std::vector<std::pair<uint32_t, TokenType>> stack;
    for (uint32_t k = 0; k < tokens.size(); ++k) {
      const TokenType type = tokens[k].type;
      switch (type) {
        case TokenType::kLeftParen:
        case TokenType::kFunction:
          stack.emplace_back(k, TokenType::kRightParen);
          break;
        case TokenType::kLeftBracket:
          stack.emplace_back(k, TokenType::kRightBracket);
          break;
        case TokenType::kLeftBrace:
          stack.emplace_back(k, TokenType::kRightBrace);
          break;
        case TokenType::kRightParen:
        case TokenType::kRightBracket:
        case TokenType::kRightBrace:
          if (!stack.empty() && stack.back().second == type) {
            match[stack.back().first] = k;
            stack.pop_back();
          }
          break;
        default:
          break;
      }
    }
    for (const auto& open : stack) {
      match[open.first] = static_cast<uint32_t>(tokens.size());
    }
  }

  std::string_view s_;
  TokenList* out_;
  size_t i_ = 0;
};

}  // namespace

void Tokenize(std::string_view source, TokenList* out) {
  out->tokens.clear();
  out->storage.clear();
  Tokenizer(source, out).Run();
}

}  // namespace plainsight::engine::css

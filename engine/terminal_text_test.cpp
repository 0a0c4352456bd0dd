// Tests for terminal escaping: what a page could make a terminal do is shown, never done.
#include "engine/terminal_text.h"

#include <catch2/catch.hpp>

using plainsight::engine::TerminalSafe;

TEST_CASE("terminal text: control characters and bidi overrides are shown escaped",
          "[engine][terminal]") {
  struct Row {
    std::string in;
    std::string out;
  };

  const Row rows[] = {
      {"plain text, tab\tkept", "plain text, tab\tkept"},
      {"Café – ok ✓", "Café – ok ✓"},                  // other non-ASCII text is left alone
      {"\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"},  // SGR colour
      {"\x1b]0;owned\x07", "\\x1b]0;owned\\x07"},      // window title
      {"\x1b]8;;http://x\x1b\\link", R"(\x1b]8;;http://x\x1b\link)"},  // OSC 8 link
      {"a\rb\nc\x7f", R"(a\x0db\x0ac\x7f)"},                           // CR, LF, DEL
      {std::string("nul\0", 4), "nul\\x00"},
      {"\xC2\x9B"
       "2J",
       "\\u009b2J"},  // C1 CSI, as UTF-8
      {"\x9B"
       "2J",
       "\\x9b2J"},  // a lone byte, not UTF-8
      {"\xE2\x80\xAE"
       "evil",
       "\\u202eevil"},  // RIGHT-TO-LEFT OVERRIDE
      {"\xE2\x81\xA6"
       "x"
       "\xE2\x81\xA9",
       "\\u2066x\\u2069"},               // isolates
      {"\xE2\x80\x8F", "\xE2\x80\x8F"},  // RIGHT-TO-LEFT MARK is not an override: kept
      {"\xC0\xAF", "\\xc0\\xaf"},        // an overlong "/" is not UTF-8
      {"cut \xE2\x80", "cut \\xe2\\x80"},
  };
  for (const Row& row : rows) {
    INFO(row.in);
    CHECK(TerminalSafe(row.in) == row.out);
  }
}

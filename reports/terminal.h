// Text for a terminal: bytes from pages and files may carry escape sequences (colours, cursor
// moves, window titles, OSC 8 links) or bidi overrides that would act on the user's terminal.
#pragma once

#include <string>
#include <string_view>

namespace plainsight::reports {

// `text` with C0 controls (except tab), DEL, C1 controls and the bidi controls U+202A-U+202E
// and U+2066-U+2069 written as escapes ("\x1b", "\u202e"); invalid UTF-8 bytes as "\xNN".
std::string TerminalSafe(std::string_view text);

}  // namespace plainsight::reports

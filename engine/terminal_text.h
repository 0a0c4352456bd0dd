// Text from documents and servers made safe to print on a terminal. A page's bytes reach the text
// reports (snippets, messages, titles, URLs); printed verbatim, its control characters would be
// read by the user's terminal as commands: colours, cursor moves, a new window title, OSC 8
// hyperlinks, or a line rewritten (ECMA-48 control functions, which start with a C0 or C1 control
// character), and the bidi overrides would show text in another order than it is stored
// (Unicode UAX #9, "Trojan Source"). Reports and the CLI share this one helper.
#pragma once

#include <string>
#include <string_view>

namespace plainsight::engine {

// `text` with every character a terminal could act on shown escaped: the C0 controls except tab
// and DEL as "\x1b" (two lowercase hex digits), the C1 controls U+0080-U+009F and the bidi
// embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069 as "\u202e", and bytes
// that are not UTF-8 (a lone 0x9B is CSI to an 8-bit terminal) as "\x9b". Everything else,
// including other non-ASCII text, is kept as it is. A backslash is kept too, so the escapes are
// for reading, not for decoding.
std::string TerminalSafe(std::string_view text);
// The same, appended to `out`.
void AppendTerminalSafe(std::string& out, std::string_view text);

}  // namespace plainsight::engine

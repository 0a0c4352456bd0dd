// Text output is safe for a terminal (issue 19 item 3): a page's bytes reach snippets, messages
// and file names, and its control characters and bidi overrides must be shown, never sent.
// `crawl` and `robots` are tested against a server in tests/crawler/terminal_output_test.cpp.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "cli/commands.h"
#include "cli/text_command.h"
#include "engine/text/test_support.h"

namespace fs = std::filesystem;

namespace {

// The raw bytes no text output may hold: ESC, BEL, CSI as a C1 control (UTF-8 and a lone
// byte), RIGHT-TO-LEFT OVERRIDE, and a carriage return that would let a line be overwritten.
bool HasRawControls(const std::string& s) {
  return s.find('\x1b') != std::string::npos || s.find('\x07') != std::string::npos ||
         s.find("\xC2\x9B") != std::string::npos || s.find('\x9B') != std::string::npos ||
         s.find("\xE2\x80\xAE") != std::string::npos || s.find('\r') != std::string::npos;
}

int RunWithOutput(int (*command)(int, char**), std::vector<std::string> args, std::string* out) {
  std::vector<char*> argv;
  argv.reserve(args.size());
  for (auto& a : args) {
    argv.push_back(a.data());
  }
  std::ostringstream captured;
  auto* old_out = std::cout.rdbuf(captured.rdbuf());
  std::ostringstream errors;
  auto* old_err = std::cerr.rdbuf(errors.rdbuf());
  int status = command(static_cast<int>(argv.size()), argv.data());
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  *out = captured.str() + errors.str();
  return status;
}

}  // namespace

TEST_CASE("audit text output shows a page's control characters escaped", "[cli][terminal]") {
  fs::path dir = fs::temp_directory_path() / ("plainsight-term-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  // The file name itself carries a colour sequence; the images' start tags a window-title
  // sequence, an OSC 8 hyperlink, an 8-bit CSI and a right-to-left override.
  const std::string file = (dir / "page\x1b[31m.html").string();
  std::ofstream(file, std::ios::binary)
      << "<!DOCTYPE html><html lang=en><title>Escapes</title><main>"
         "<img src=\"a\x1b]0;owned\x07.png\">\n"
         "<img src=\"b.png\" "
         "data-link=\"\x1b]8;;http://evil.example/\x1b\\\\click\x1b]8;;\x1b\\\\\">\n"
         "<img src=\"c\xC2\x9B"
         "2J.png\" data-x=\"\xE2\x80\xAE"
         "gnp.exe\">\n"
         "<img src=\"d\r.png\"></main></html>";
  std::string out;
  RunWithOutput(&plainsight::cli::RunAudit, {"audit", file, "--no-text"}, &out);
  fs::remove_all(dir);
  INFO(out);
  CHECK_FALSE(HasRawControls(out));
  CHECK(out.find("page\\x1b[31m.html:1:") != std::string::npos);
  CHECK(out.find("<img src=\"a\\x1b]0;owned\\x07.png\">") != std::string::npos);
  CHECK(out.find("\\x1b]8;;http://evil.example/\\x1b\\") != std::string::npos);
  CHECK(out.find("c\\u009b2J.png") != std::string::npos);
  CHECK(out.find("\\u202egnp.exe") != std::string::npos);
}

TEST_CASE("text command output shows control characters escaped", "[cli][terminal][text]") {
  const std::string file =
      "/tmp/plainsight-term-\x1b]0;x\x07-" + std::to_string(::getpid()) + ".txt";
  std::ofstream(file, std::ios::binary)
      << "We will endeavour to reply \xE2\x80\xAE soon.\nThe form \x1b[2J was approved.\n";
  std::string out;
  RunWithOutput(&plainsight::cli::RunTextCommand,
                {"text", file, "--data-dir", plainsight::engine::text::testing::DataDir()}, &out);
  std::remove(file.c_str());
  INFO(out);
  CHECK_FALSE(HasRawControls(out));
  CHECK(out.find("plainsight-term-\\x1b]0;x\\x07-") != std::string::npos);
  CHECK(out.find("wordy-phrase") != std::string::npos);
}

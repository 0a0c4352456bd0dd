// Local file access for the CLI: reading inputs and resolving file: URLs for stylesheets and
// iframes. The engine never does I/O; this is the loader it is given.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "audit/pipeline.h"
#include "cli/commands.h"

namespace plainsight::cli {

int UsageError(std::string_view message) {
  std::cerr << "plainsight: " << message << "\n";
  return 2;
}

engine::Result<std::string> ReadFile(const std::string& path, size_t max_bytes) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return engine::Fail(engine::ErrorCode::kNotFound, "no such file", path);
  }
  if (std::filesystem::is_directory(path, ec)) {
    return engine::Fail(engine::ErrorCode::kIo, "is a directory", path);
  }
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > max_bytes) {
    return engine::Fail(
        engine::ErrorCode::kTooLarge,
        "file is " + std::to_string(size) + " bytes; the limit is " + std::to_string(max_bytes),
        path);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return engine::Fail(engine::ErrorCode::kIo, "cannot open file for reading", path);
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) {
    return engine::Fail(engine::ErrorCode::kIo, "read error", path);
  }
  return buf.str();
}

std::string FileUrl(const std::string& path) {
  return audit::FileUrl(path);
}

namespace {

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string StripQueryAndFragment(std::string_view url) {
  size_t cut = url.find_first_of("?#");
  return std::string(url.substr(0, cut));
}

}  // namespace

engine::ResourceLoader LocalLoader(std::string web_prefix, std::string folder) {
  return [web_prefix = std::move(web_prefix),
          folder = std::move(folder)](const std::string& url) -> engine::Result<std::string> {
    std::string path;
    if (!web_prefix.empty() && url.rfind(web_prefix, 0) == 0) {
      path = folder + "/" + PercentDecode(StripQueryAndFragment(url.substr(web_prefix.size())));
    } else if (url.rfind("file://", 0) == 0) {
      path = PercentDecode(StripQueryAndFragment(url.substr(7)));
    } else {
      return engine::Fail(engine::ErrorCode::kUnsupported,
                          "only local files are loaded when auditing files", url);
    }
    return ReadFile(path, 16u << 20);
  };
}

}  // namespace plainsight::cli

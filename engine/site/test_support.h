// Helpers for the engine/site tests: the pages in engine/site/testdata, parsed as if fetched
// from https://www.ballykeeran.ie/.
#pragma once

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "engine/dom.h"
#include "engine/site/signals.h"
#include "plainsight/source_dir.h"

namespace plainsight::engine::site::testing {

inline std::string ReadTestPage(const std::string& name) {
  std::ifstream in(std::string(PLAINSIGHT_SOURCE_DIR) + "/engine/site/testdata/" + name,
                   std::ios::binary);
  REQUIRE(in.good());
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::unique_ptr<Document> Parse(const std::string& html,
                                       const std::string& url = "https://www.ballykeeran.ie/") {
  ParseOptions options;
  options.url = url;
  auto doc = Document::ParseHtml(html, options);
  REQUIRE(doc.has_value());
  return std::move(*doc);
}

inline PageSignals SignalsOf(const std::string& file, const std::string& url) {
  auto doc = Parse(ReadTestPage(file), url);
  return ExtractSignals(*doc);
}

}  // namespace plainsight::engine::site::testing

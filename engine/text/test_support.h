// Helpers shared by the engine/text tests: an Analyser over the source tree's corpora/text, and
// an in-memory zip writer (libarchive) for DOCX/ODT cases.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <archive.h>
#include <archive_entry.h>

#include "engine/text/analyser.h"
#include "plainsight/source_dir.h"

namespace plainsight::engine::text::testing {

inline std::string DataDir() {
  return std::string(PLAINSIGHT_SOURCE_DIR) + "/corpora/text";
}

// One Analyser per test binary: loading Hunspell and the tables takes a moment.
inline Analyser& SharedAnalyser() {
  static std::unique_ptr<Analyser> analyser = [] {
    AnalyserConfig config;
    config.data_dir = DataDir();
    auto a = Analyser::Create(config);
    return a ? std::move(*a) : nullptr;
  }();
  return *analyser;
}

// Builds a zip archive in memory. `declared_size` < 0 lets libarchive write the real size.
inline std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& members) {
  std::vector<char> buffer(64u << 20);
  size_t used = 0;
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  archive_write_open_memory(a, buffer.data(), buffer.size(), &used);
  for (const auto& [name, data] : members) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(data.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_write_header(a, e);
    archive_write_data(a, data.data(), data.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  return std::string(buffer.data(), used);
}

}  // namespace plainsight::engine::text::testing

// The crawl state file (crawl_state.h).
#include "audit/crawl_state.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace plainsight::audit {
namespace {

engine::Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return engine::Fail(engine::ErrorCode::kIo, "cannot read the crawl state", path);
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

}  // namespace

engine::Result<CrawlState> LoadCrawlState(const std::string& path) {
  CrawlState out;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return out;  // the first crawl
  }
  auto bytes = ReadWholeFile(path);
  if (!bytes) {
    return bytes.error();
  }
  auto j = nlohmann::json::from_cbor(*bytes, true, false);
  if (j.is_discarded() || j.value("format", "") != "plainsight-crawl-state" ||
      !j.contains("resources")) {
    return engine::Fail(engine::ErrorCode::kParse, "not a plainsight crawl state file", path);
  }
  for (auto it = j["resources"].begin(); it != j["resources"].end(); ++it) {
    crawler::Validators v;
    v.etag = it.value().value("etag", "");
    v.last_modified = it.value().value("last_modified", "");
    v.content_type = it.value().value("content_type", "");
    if (it.value().contains("body") && it.value()["body"].is_binary()) {
      const auto& bin = it.value()["body"].get_binary();
      v.body.assign(bin.begin(), bin.end());
    }
    out.emplace(it.key(), std::move(v));
  }
  return out;
}

void RememberForNextCrawl(const crawler::FetchedResource& r, const CrawlState& previous,
                          CrawlState& next) {
  crawler::Validators v;
  if (r.not_modified) {
    auto it = previous.find(r.url);
    if (it == previous.end()) {
      return;
    }
    v = it->second;  // still current; a 304 may repeat or omit the validators
    if (!r.etag.empty()) {
      v.etag = r.etag;
    }
    if (!r.last_modified.empty()) {
      v.last_modified = r.last_modified;
    }
  } else {
    if (r.etag.empty() && r.last_modified.empty()) {
      return;  // nothing to ask conditionally next time
    }
    v.etag = r.etag;
    v.last_modified = r.last_modified;
    if (r.kind == crawler::ResourceKind::kHtml) {
      v.body = r.body;
      v.content_type = r.content_type;
    }
  }
  next[r.url] = std::move(v);
}

engine::Result<void> SaveCrawlState(
    const std::string& path, const std::unordered_map<std::string, crawler::Validators>& state) {
  nlohmann::json resources = nlohmann::json::object();
  for (const auto& [url, v] : state) {
    nlohmann::json entry{{"etag", v.etag}, {"last_modified", v.last_modified}};
    if (!v.body.empty()) {
      entry["content_type"] = v.content_type;
      entry["body"] = nlohmann::json::binary(std::vector<uint8_t>(v.body.begin(), v.body.end()));
    }
    resources[url] = std::move(entry);
  }
  nlohmann::json j{{"format", "plainsight-crawl-state"}, {"version", 1}, {"resources", resources}};
  std::vector<uint8_t> bytes = nlohmann::json::to_cbor(j);
  // Written beside the target and renamed over it, so an interrupted run keeps the old state.
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      return engine::Fail(engine::ErrorCode::kIo, "cannot write the crawl state", tmp);
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    return engine::Fail(engine::ErrorCode::kIo, "cannot replace the crawl state: " + ec.message(),
                        path);
  }
  return {};
}

}  // namespace plainsight::audit

// The local files of an audit, walked one folder at a time (local_inputs.h).
//
// The order: a sort of full path strings puts a folder's files where its name followed by the
// separator sorts among its siblings' names ("a b/x" < "a.html" < "a/x" < "ab"), because every
// path below a folder starts with that name and separator and no other sibling's name can be a
// prefix of it. So each folder's entries are sorted by name, with "/" after a folder's name, and
// walked depth first: the same sequence without holding more than the folders on the way down.
#include "audit/local_inputs.h"

#include <algorithm>
#include <string_view>
#include <system_error>
#include <utility>

#include "audit/local_files.h"
#include "engine/ascii.h"
#include "engine/documents/document_audit.h"

namespace plainsight::audit {
namespace {

namespace fs = std::filesystem;

}  // namespace

bool IsAuditableName(const fs::path& path) {
  std::string ext = engine::AsciiLower(path.extension().string());
  return ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".svg" ||
         engine::documents::DocumentTypeFromName(ext).has_value();
}

LocalInputs::LocalInputs(std::vector<std::string> paths, std::vector<std::string> extra_roots)
    : paths_(std::move(paths)), extra_roots_(std::move(extra_roots)) {
  is_folder_.reserve(paths_.size());
  for (const std::string& path : paths_) {
    std::error_code ec;
    const bool folder = fs::is_directory(path, ec);
    is_folder_.push_back(folder);
    if (!folder) {
      // A page given on its own may read what lies beside it.
      if (auto real = CanonicalFolder(fs::absolute(path, ec).parent_path().string())) {
        roots_.push_back(*real);
      }
      continue;
    }
    auto [it, added] = folder_roots_.try_emplace(path);
    if (!added) {
      continue;
    }
    if (auto real = CanonicalFolder(path)) {
      it->second.real = *real;
      roots_.push_back(*real);
    } else {
      it->second.error = real.error().message;
    }
  }
}

bool LocalInputs::Enter(const fs::path& path) {
  std::error_code ec;
  fs::directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    return false;
  }
  Level level;
  level.path = path;
  // A failed increment leaves the iterator at the end with `ec` set: checked after the loop.
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    // Folders are walked into, but not through a symbolic link; a link to a folder is neither
    // walked nor listed.
    if (it->is_directory(type_ec)) {
      if (!it->is_symlink(type_ec)) {
        level.entries.push_back({it->path().filename().string() + "/", true});
      }
      continue;
    }
    if (IsAuditableName(it->path())) {
      level.entries.push_back({it->path().filename().string(), false});
    }
  }
  if (ec) {
    return false;
  }
  std::sort(level.entries.begin(), level.entries.end(),
            [](const Entry& a, const Entry& b) { return a.key < b.key; });
  walk_.push_back(std::move(level));
  return true;
}

std::optional<FileInput> LocalInputs::Next() {
  while (true) {
    if (walk_.empty()) {
      if (walking_ != nullptr) {
        const std::string& folder = *walking_;
        walking_ = nullptr;
        if (found_ == 0) {
          return FileInput{
              folder, "no .html, .htm, .xhtml, .svg, .pdf, .docx or .odt files in this folder", ""};
        }
      }
      if (next_input_ == paths_.size()) {
        return std::nullopt;
      }
      const size_t input = next_input_++;
      if (!is_folder_[input]) {
        return FileInput{paths_[input], "", ""};
      }
      walking_ = &paths_[input];
      found_ = 0;
      Enter(paths_[input]);
      continue;
    }
    Level& level = walk_.back();
    if (level.next == level.entries.size()) {
      walk_.pop_back();
      continue;
    }
    const Entry& entry = level.entries[level.next++];
    fs::path path =
        level.path / (entry.folder ? std::string_view(entry.key).substr(0, entry.key.size() - 1)
                                   : std::string_view(entry.key));
    if (entry.folder) {
      // A folder that cannot be read for want of permission is skipped; for another reason,
      // it ends this input's walk.
      if (!Enter(path)) {
        walk_.clear();
      }
      continue;
    }
    ++found_;
    return Checked(FileInput{path.string(), "", *walking_});
  }
}

FileInput LocalInputs::Checked(FileInput file) {
  FolderRoot& root = folder_roots_[file.folder];
  if (root.real.empty()) {
    if (!root.error.empty() && !root.error_told) {
      root.error_told = true;
      file.error = root.error;
    } else {
      file.error = "cannot resolve the folder " + file.folder;
    }
    return file;
  }
  // A symbolic link in the folder may point anywhere: followed only within the folder or
  // --root.
  auto confined = ConfinedPath(file.path, std::vector<std::string>{root.real});
  if (!confined && confined.error().code == engine::ErrorCode::kDisallowed &&
      !ConfinedPath(file.path, extra_roots_)) {
    file.error = confined.error().message;
  }
  return file;
}

}  // namespace plainsight::audit

// The local files an audit covers, handed out one at a time as the folders are walked (issue 17):
// a site of 50,000 pages is never listed whole before its first page is audited, so memory holds
// one folder's entry names per level being walked, not every path of the site, and the audit
// starts at once. The order is the one a sort of every file's full path would give.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit/pipeline.h"

namespace plainsight::audit {

// Is this a name `audit` reads from a folder: .html, .htm, .xhtml, .svg, .pdf, .docx or .odt
// (any case)?
bool IsAuditableName(const std::filesystem::path& path);

// The files of an audit of `paths` (files and folders): a file as given; a folder's entries
// below it named as IsAuditableName says, in the byte order of their full paths. Every such
// entry but a folder is listed, so that the reader says why a FIFO, device, broken link or link
// loop with a page's name is not read rather than it being skipped without a word. Symbolic links
// to folders are not followed below a folder given (a folder given may itself be one). A folder
// without any such entry comes out once with `error` set, in its place in the order.
//
// Each file below a folder is checked before it is handed out: a symbolic link that leads out of
// its folder and out of `extra_roots` (--root), or a folder that cannot be resolved, gets
// FileInput::error instead; other failures (no such file, a link loop) are left to the reader to
// report.
class LocalInputs {
 public:
  // `extra_roots`: real paths (see CanonicalFolder).
  LocalInputs(std::vector<std::string> paths, std::vector<std::string> extra_roots);

  // The folders that the pages may read what they link to from, known before the first file is
  // handed out: each folder given that resolves and each file's own folder, as real paths.
  const std::vector<std::string>& roots() const { return roots_; }

  // The next file, or nullopt after the last.
  std::optional<FileInput> Next();

 private:
  // An entry of a folder: its name, followed by "/" for a folder (the key it sorts by).
  struct Entry {
    std::string key;
    bool folder = false;
  };

  // A folder being walked: its path and its entries in order, and how far the walk is.
  struct Level {
    std::filesystem::path path;
    std::vector<Entry> entries;
    size_t next = 0;
  };

  // What a folder given resolved to: its real path, or why it could not be resolved.
  struct FolderRoot {
    std::string real;
    std::string error;
    bool error_told = false;  // the first of its files says why; the later ones say less
  };

  // Lists `path`'s entries (sorted) onto the walk; a folder that may not be read is walked as
  // empty. False when it cannot be read for another reason (then this input's walk ends).
  bool Enter(const std::filesystem::path& path);
  FileInput Checked(FileInput file);

  std::vector<std::string> paths_;
  std::vector<bool> is_folder_;
  std::vector<std::string> extra_roots_;
  std::vector<std::string> roots_;
  std::map<std::string, FolderRoot> folder_roots_;  // by the folder as given
  size_t next_input_ = 0;
  std::vector<Level> walk_;               // the folders being walked, outermost first
  size_t found_ = 0;                      // files handed out from the folder given being walked
  const std::string* walking_ = nullptr;  // that folder as given (null: none)
};

}  // namespace plainsight::audit

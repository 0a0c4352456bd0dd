// Stylesheets: CSS Syntax 3 section 5 (parsing rules and declarations), Media Queries 4
// (evaluated for a screen), CSS Conditional 3 (@supports), @import (CSS Cascade 4 section 2).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/css/selectors.h"
#include "engine/css/style.h"
#include "engine/css/values.h"

namespace plainsight::engine::css {

enum class CssWide : uint8_t { kNone, kInherit, kInitial, kUnset, kRevert };

// One longhand (or custom property) declaration, after shorthand expansion.
struct Decl {
  PropId prop = kNoProp;
  std::string custom_name;  // for kCustomProp: "--name" (case-sensitive)
  // For a longhand set by a shorthand whose value contains var(): the shorthand, whose value
  // (in cascaded.value) is substituted and expanded at computed-value time.
  Shorthand pending = Shorthand::kNone;
  CascadedDeclaration cascaded;
  CssWide wide = CssWide::kNone;
  bool has_var = false;
  // The computed value when it depends on nothing but the declaration (most of them).
  bool precomputed = false;
  StyleValue computed;
};

struct StyleRule {
  SelectorList selectors;
  std::vector<Decl> decls;
};

struct SheetOptions {
  bool user_agent = false;
  MediaContext media;
  std::string base_url;  // for @import
  // Fetches an @import (absolute URL); std::nullopt when it failed (a warning is recorded).
  std::function<std::optional<std::string>(const std::string& url)> fetch;
  std::vector<std::string>* warnings = nullptr;
  int import_depth = 0;  // @import nesting so far
  // Set when a media query read the viewport's size or orientation (width, height,
  // aspect-ratio, orientation, vw and vh): the sheet may apply differently on another screen.
  bool* viewport_read = nullptr;
};

// Parses a stylesheet, evaluating @media/@supports and following @import, and appends its
// style rules (in cascade order) to `out`.
void ParseStylesheet(std::string_view css, const SheetOptions& options,
                     std::vector<std::unique_ptr<StyleRule>>* out);

// Parses a declaration block's contents (a style attribute) into validated longhands.
std::vector<Decl> ParseDeclarationBlock(std::string_view css, bool user_agent,
                                        bool from_style_attribute);

// Builds one validated declaration list entry (expanding shorthands). Returns false if the
// property is unknown or the value invalid.
bool BuildDecls(std::string_view name, std::string_view value, bool important, bool user_agent,
                bool from_style_attribute, std::vector<Decl>* out);

// A media query list ("screen and (min-width: 40em), print"). Empty matches. Sets
// `*viewport_read` when the answer depended on the viewport's size or orientation.
bool EvaluateMediaList(std::string_view media, const MediaContext& context,
                       bool* viewport_read = nullptr);

}  // namespace plainsight::engine::css

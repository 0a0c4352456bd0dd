// WAI-ARIA 1.2 data: roles and their characteristics, states and properties and their value
// types. Normative source: WAI-ARIA 1.2 (W3C Recommendation), sections 5.3-5.4 (roles) and 6.6-6.7
// (states and properties); deprecated attributes per 6.2. Tables are data in aria_tables.cpp.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>
#include <vector>

namespace plainsight::engine {

enum class AriaValueType : unsigned char {
  kTrueFalse,           // true | false
  kTrueFalseUndefined,  // true | false | undefined
  kTristate,            // true | false | mixed | undefined
  kIdRef,
  kIdRefList,
  kInteger,
  kNumber,
  kString,
  kToken,      // one of allowed_tokens
  kTokenList,  // space-separated list of allowed_tokens
};

struct AriaAttributeInfo {
  std::string_view name;  // "aria-checked"
  AriaValueType type;
  std::span<const std::string_view> allowed_tokens;  // for kToken / kTokenList
  bool global;      // a global state or property (applies to every role unless prohibited)
  bool deprecated;  // deprecated in ARIA 1.2 (e.g. aria-grabbed, aria-dropeffect)
};

// How a role gets its accessible name (WAI-ARIA 1.2 5.2.8.4).
enum class NameFrom : unsigned char { kAuthor, kContents, kProhibited };

struct RoleInfo {
  std::string_view name;
  bool is_abstract;
  std::span<const std::string_view> superclasses;          // direct superclass roles
  std::span<const std::string_view> required_context;      // required context roles (any one)
  std::span<const std::string_view> required_owned;        // required owned elements (any one;
                                                           // "group > row" style entries allowed)
  std::span<const std::string_view> required_attributes;   // required states and properties
  std::span<const std::string_view> supported_attributes;  // supported (own + inherited)
  std::span<const std::string_view> prohibited_attributes;
  NameFrom name_from;
  bool name_required;
  bool children_presentational;
};

// The role named `name` (lowercase), or nullptr if WAI-ARIA 1.2 (plus the graphics-aria and
// dpub-aria module roles) does not define it.
const RoleInfo* FindRole(std::string_view name) noexcept;
// Every role of the tables (abstract ones included), in table order.
std::span<const RoleInfo> AllRoles() noexcept;
// The state or property named `name` ("aria-label"), or nullptr if undefined.
const AriaAttributeInfo* FindAriaAttribute(std::string_view name) noexcept;
// All defined aria-* attributes.
std::span<const AriaAttributeInfo> AllAriaAttributes() noexcept;
// Is `role` the same as or a subclass (transitively) of `ancestor_role`?
bool RoleInheritsFrom(std::string_view role, std::string_view ancestor_role) noexcept;

// A role as a small number: its position in AllRoles(). Rules that test the role of every
// element of a page compare numbers rather than hash names.
using RoleId = uint16_t;
inline constexpr RoleId kNoRoleId = 0xFFFF;  // no role, or a name the tables do not define
// The id of the role named `name`, or kNoRoleId.
RoleId RoleIdOf(std::string_view name) noexcept;

// A set of roles closed under subclassing: built from role names, it contains each of them and
// every role that inherits from one (RoleSet{"link"} holds doc-backlink, doc-noteref...). Meant
// to be built once (a function-local static) and asked per element.
class RoleSet {
 public:
  RoleSet(std::initializer_list<std::string_view> roles) noexcept
      : RoleSet(std::span<const std::string_view>(roles.begin(), roles.size())) {}

  explicit RoleSet(std::span<const std::string_view> roles) noexcept;

  bool Contains(RoleId role) const noexcept {
    return role < kCapacity && (bits_[role / 64] >> (role % 64) & 1u) != 0;
  }

  bool Contains(std::string_view role) const noexcept { return Contains(RoleIdOf(role)); }

  static constexpr size_t kCapacity = 256;  // more than the tables' roles (checked when built)

 private:
  std::array<uint64_t, kCapacity / 64> bits_{};
};

// May `attribute` be set on an element with `role` (global and not prohibited, or supported,
// or required)? A role of "" means no role (generic): only globals.
bool IsAttributeAllowed(std::string_view role, std::string_view attribute) noexcept;
// Is `attribute` explicitly prohibited on `role` (aria-label on generic, paragraph...)? A role of
// "" is treated as generic.
bool IsAttributeProhibited(std::string_view role, std::string_view attribute) noexcept;
// The states and properties `role` requires, including the conditional one the table cannot
// hold: a focusable separator requires aria-valuenow (WAI-ARIA 1.2 separator).
std::vector<std::string_view> RequiredAttributes(std::string_view role, bool focusable);
// Does `value` conform to the attribute's value type? (ID references are checked for syntax
// only here; whether the ids exist is the caller's concern.)
bool IsValidAriaValue(const AriaAttributeInfo& attribute, std::string_view value) noexcept;

}  // namespace plainsight::engine

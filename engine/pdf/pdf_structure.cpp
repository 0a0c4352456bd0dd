// The structure tree (ISO 32000-1 14.7.2 structure elements, 14.7.3 role map, 14.8.4 standard
// structure types, 14.8.5.7 table attributes) and the form fields whose widgets are on pages
// (12.7.3 field dictionaries, 12.5.6.19 widget annotations; ISO 14289-1 7.18.1 and 7.18.4).
#include <algorithm>
#include <ranges>
#include <set>

#include <qpdf/QPDFNumberTreeObjectHelper.hh>

#include "engine/pdf/pdf_internal.h"

namespace plainsight::engine::pdf::internal {
namespace {

// The standard structure types of PDF 1.7 (ISO 32000-1 14.8.4) and PDF 2.0 (ISO 32000-2
// 14.8.4), sorted for binary search.
constexpr std::string_view kStandardTypes[] = {
    "Annot",
    "Art",
    "Artifact",
    "Aside",
    "BibEntry",
    "BlockQuote",
    "Caption",
    "Code",
    "Div",
    "Document",
    "DocumentFragment",
    "Em",
    "FENote",
    "Figure",
    "Form",
    "Formula",
    "H",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "Index",
    "L",
    "LBody",
    "LI",
    "Lbl",
    "Link",
    "NonStruct",
    "Note",
    "P",
    "Part",
    "Private",
    "Quote",
    "RB",
    "RP",
    "RT",
    "Reference",
    "Ruby",
    "Sect",
    "Span",
    "Strong",
    "Sub",
    "TBody",
    "TD",
    "TFoot",
    "TH",
    "THead",
    "TOC",
    "TOCI",
    "TR",
    "Table",
    "Title",
    "WP",
    "WT",
    "Warichu",
};

static_assert(IsSortedList(kStandardTypes));

bool IsStandardType(std::string_view type) {
  return std::binary_search(std::begin(kStandardTypes), std::end(kStandardTypes), type);
}

class StructWalker {
 public:
  StructWalker(Reader& reader, const QPDFObjectHandle& role_map)
      : reader_(reader), doc_(reader.doc), role_map_(role_map) {}

  // Walks a /K value (an element, a marked-content reference, an object reference, an MCID, or
  // an array of them) under `parent` (-1: the StructTreeRoot). Returns the page of the first
  // content found, 0 when none.
  uint32_t WalkKids(QPDFObjectHandle kids, int32_t parent, uint32_t depth) {
    std::map<std::string, int> same_type;  // sibling counts for paths
    uint32_t first_page = 0;
    auto visit = [&](QPDFObjectHandle kid) {
      uint32_t page = 0;
      if (kid.isInteger()) {
        // An MCID: marked content on the parent's page.
        if (parent >= 0) {
          ++doc_.elements[parent].content_items;
        }
        return;
      }
      if (!kid.isDictionary()) {
        return;
      }
      QPDFObjectHandle type = kid.getKey("/Type");
      if (IsName(type, "/MCR") || IsName(type, "/OBJR")) {
        if (parent >= 0) {
          ++doc_.elements[parent].content_items;
        }
        page = reader_.PageNumber(kid.getKey("/Pg"));
      } else if (kid.getKey("/S").isName()) {
        page = AddElement(kid, parent, depth, same_type);
      }
      if (first_page == 0) {
        first_page = page;
      }
    };
    if (kids.isArray()) {
      int n = kids.getArrayNItems();
      for (int i = 0; i < n; ++i) {
        visit(kids.getArrayItem(i));
      }
    } else {
      visit(kids);
    }
    return first_page;
  }

 private:
  std::string MapRole(const std::string& written) {
    std::string type = written;
    // Custom types map to standard ones, possibly through other custom types (14.7.3); a
    // standard type is not mapped further. Bounded against loops.
    for (int step = 0; step < 16 && !IsStandardType(type); ++step) {
      if (!role_map_.isDictionary()) {
        break;
      }
      QPDFObjectHandle mapped = role_map_.getKey("/" + type);
      if (!mapped.isName()) {
        break;
      }
      type = mapped.getName().substr(1);
    }
    return IsStandardType(type) ? type : written;
  }

  static std::string TableScope(QPDFObjectHandle attributes) {
    // /A is an attribute dictionary, or an array of them (possibly with revision numbers).
    std::vector<QPDFObjectHandle> list;
    if (attributes.isArray()) {
      int n = std::min(attributes.getArrayNItems(), 64);
      for (int i = 0; i < n; ++i) {
        list.push_back(attributes.getArrayItem(i));
      }
    } else {
      list.push_back(attributes);
    }
    for (QPDFObjectHandle a : list) {
      if (a.isDictionary() && IsName(a.getKey("/O"), "/Table") && a.getKey("/Scope").isName()) {
        return a.getKey("/Scope").getName().substr(1);
      }
    }
    return {};
  }

  uint32_t AddElement(QPDFObjectHandle elem, int32_t parent, uint32_t depth,
                      std::map<std::string, int>& same_type) {
    if (elem.isIndirect() && !visited_.insert(elem.getObjGen()).second) {
      if (!cycle_reported_) {
        reader_.Warn("the structure tree refers to an element twice (or loops); read once");
        cycle_reported_ = true;
      }
      return 0;
    }
    if (depth >= reader_.limits.max_struct_depth) {
      if (!depth_reported_) {
        reader_.Warn("the structure tree is nested deeper than " +
                     std::to_string(reader_.limits.max_struct_depth) +
                     " levels; the deeper elements were not read");
        depth_reported_ = true;
      }
      return 0;
    }
    if (doc_.elements.size() >= reader_.limits.max_struct_elements) {
      throw LimitExceeded{"has more than " + std::to_string(reader_.limits.max_struct_elements) +
                          " structure elements"};
    }
    auto index = static_cast<uint32_t>(doc_.elements.size());
    {
      StructElement e;
      e.written_type = elem.getKey("/S").getName().substr(1);
      e.type = MapRole(e.written_type);
      e.alt = TextString(elem, "/Alt");
      e.actual_text = TextString(elem, "/ActualText");
      e.title = TextString(elem, "/T").value_or("");
      e.lang = TextString(elem, "/Lang").value_or("");
      e.scope = TableScope(elem.getKey("/A"));
      e.page = reader_.PageNumber(elem.getKey("/Pg"));
      e.parent = parent;
      e.depth = depth;
      int n = ++same_type[e.written_type];
      e.path = (parent >= 0 ? doc_.elements[parent].path + "/" : std::string()) + e.written_type +
               "[" + std::to_string(n) + "]";
      if (e.page == 0 && parent >= 0) {
        e.page = doc_.elements[parent].page;  // /Pg is inherited from the nearest ancestor
      }
      doc_.elements.push_back(std::move(e));
    }
    if (parent >= 0) {
      doc_.elements[parent].children.push_back(index);
    } else {
      doc_.top_elements.push_back(index);
    }
    uint32_t content_page = WalkKids(elem.getKey("/K"), static_cast<int32_t>(index), depth + 1);
    if (doc_.elements[index].page == 0) {
      doc_.elements[index].page = content_page;
    }
    return doc_.elements[index].page;
  }

  Reader& reader_;
  PdfDocument& doc_;
  QPDFObjectHandle role_map_;
  std::set<QPDFObjGen> visited_;
  bool cycle_reported_ = false;
  bool depth_reported_ = false;
};

}  // namespace

void ReadStructure(Reader& reader) {
  QPDFObjectHandle root = reader.qpdf.getRoot().getKey("/StructTreeRoot");
  if (!root.isDictionary()) {
    return;
  }
  StructWalker walker(reader, root.getKey("/RoleMap"));
  walker.WalkKids(root.getKey("/K"), -1, 0);
}

void ReadFormFields(Reader& reader) {
  PdfDocument& doc = reader.doc;
  QPDFObjectHandle struct_root = reader.qpdf.getRoot().getKey("/StructTreeRoot");
  QPDFObjectHandle parent_tree =
      struct_root.isDictionary() ? struct_root.getKey("/ParentTree") : QPDFObjectHandle();
  std::optional<QPDFNumberTreeObjectHelper> parents;
  if (parent_tree.isInitialized() && parent_tree.isDictionary()) {
    parents.emplace(parent_tree, reader.qpdf, false);
  }
  std::map<QPDFObjGen, size_t> field_index;
  std::vector<bool> any_visible;
  for (size_t p = 0; p < reader.pages.size(); ++p) {
    QPDFObjectHandle page = reader.pages[p];
    auto number = static_cast<uint32_t>(p + 1);
    QPDFObjectHandle annots = page.isDictionary() ? page.getKey("/Annots") : QPDFObjectHandle();
    if (!annots.isInitialized() || !annots.isArray()) {
      continue;
    }
    int n = std::min(annots.getArrayNItems(), 10'000);
    for (int i = 0; i < n; ++i) {
      QPDFObjectHandle widget = annots.getArrayItem(i);
      if (!widget.isDictionary() || !IsName(widget.getKey("/Subtype"), "/Widget")) {
        continue;
      }
      // The terminal field: the widget itself when field and widget are merged (it has /T or
      // /FT), else its /Parent.
      QPDFObjectHandle field = widget;
      if (!widget.hasKey("/T") && !widget.hasKey("/FT") &&
          widget.getKey("/Parent").isDictionary()) {
        field = widget.getKey("/Parent");
      }
      bool hidden = false;
      QPDFObjectHandle flags = widget.getKey("/F");
      if (flags.isInteger()) {
        // Annotation flags (12.5.3): bit 2 Hidden, bit 6 NoView.
        hidden = (flags.getIntValue() & (2 | 32)) != 0;
      }
      std::optional<std::string> struct_alt;
      QPDFObjectHandle struct_parent = widget.getKey("/StructParent");
      if (parents && struct_parent.isInteger()) {
        QPDFObjectHandle elem;
        try {
          if (parents->findObject(struct_parent.getIntValue(), elem)) {
            struct_alt = TextString(elem, "/Alt");
          }
        } catch (const std::exception&) {
          // A broken parent tree: the widget has no known structure element.
        }
      }
      QPDFObjGen key = field.isIndirect() ? field.getObjGen() : widget.getObjGen();
      auto [it, added] = field_index.try_emplace(key, doc.fields.size());
      if (added) {
        FormField f;
        // Name and type: /T parts and the inheritable /FT from the field up its ancestors.
        std::vector<std::string> parts;
        std::set<QPDFObjGen> seen;
        for (QPDFObjectHandle node = field; node.isDictionary() && parts.size() < 32;
             node = node.getKey("/Parent")) {
          if (node.isIndirect() && !seen.insert(node.getObjGen()).second) {
            break;
          }
          if (auto t = TextString(node, "/T")) {
            parts.push_back(*t);
          }
          if (f.type.empty() && node.getKey("/FT").isName()) {
            f.type = node.getKey("/FT").getName().substr(1);
          }
        }
        for (auto p = parts.rbegin(); p != parts.rend(); ++p) {
          f.name += (f.name.empty() ? "" : ".") + *p;
        }
        f.tooltip = TextString(field, "/TU");
        f.page = number;
        f.hidden = true;
        doc.fields.push_back(std::move(f));
        any_visible.push_back(false);
      }
      FormField& f = doc.fields[it->second];
      if (!hidden && !any_visible[it->second]) {
        any_visible[it->second] = true;
        f.hidden = false;
        f.page = number;
      }
      if (!f.struct_alt && struct_alt) {
        f.struct_alt = struct_alt;
      }
    }
  }
  // A field's first visible widget may be on a later page than its first widget.
  std::stable_sort(doc.fields.begin(), doc.fields.end(),
                   [](const FormField& a, const FormField& b) { return a.page < b.page; });
}

}  // namespace plainsight::engine::pdf::internal

// ODT: OpenDocument 1.3 Part 3 (5.1 paragraphs and headings, 5.3 lists, 6.4 links, 9 tables,
// 10.4 frames and 10.3 shapes with svg:title / svg:desc, 16 styles with 20.2 fo:/style:
// attributes) and meta.xml (dc:title, dc:language).
//
// Styles are resolved along style:parent-style-name from the family's default style; automatic
// styles (content.xml, styles.xml) and common styles share one name space per family.
#include <algorithm>
#include <cmath>
#include <map>
#include <ranges>

#include "engine/office/office_document.h"
#include "engine/office/office_xml.h"

namespace plainsight::engine::office {
namespace {

using xml::Attr;
using xml::Is;

constexpr const char* kText = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr const char* kTable = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr const char* kDraw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
constexpr const char* kStyle = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
constexpr const char* kOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

struct Props {
  std::optional<bool> bold;
  std::optional<bool> italic;
  std::optional<bool> underline;
  std::optional<bool> caps;
  std::optional<float> size;     // points
  std::optional<float> percent;  // fo:font-size as a percentage of the parent's
  std::optional<std::string> colour;
  std::optional<std::string> highlight;

  // Applies a more specific style's properties over these.
  void Over(const Props& o) {
    for (auto [mine, theirs] : {std::pair{&bold, &o.bold}, std::pair{&italic, &o.italic},
                                std::pair{&underline, &o.underline}, std::pair{&caps, &o.caps}}) {
      if (*theirs) {
        *mine = *theirs;
      }
    }
    if (o.size) {
      size = o.size;
    } else if (o.percent) {
      size = size.value_or(12) * *o.percent / 100;
    }
    if (o.colour) {
      colour = o.colour;
    }
    if (o.highlight) {
      highlight = o.highlight;
    }
  }
};

// An XSL-FO length in points ("12pt", "0.5in", "1cm", "10mm", "16px"); nullopt otherwise.
std::optional<float> Points(const std::string& value) {
  char* end = nullptr;
  double v = std::strtod(value.c_str(), &end);
  if (end == value.c_str() || v <= 0 || v > 2000) {
    return std::nullopt;
  }
  std::string unit(end);
  double factor = unit == "pt"   ? 1
                  : unit == "in" ? 72
                  : unit == "cm" ? 72 / 2.54
                  : unit == "mm" ? 72 / 25.4
                  : unit == "pc" ? 12
                  : unit == "px" ? 0.75
                                 : 0;
  if (factor == 0) {
    return std::nullopt;
  }
  return static_cast<float>(v * factor);
}

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
  }
  return s;
}

Props ReadProps(const xmlNode* text_properties) {
  Props p;
  if (text_properties == nullptr) {
    return p;
  }
  if (auto v = Attr(text_properties, "font-size")) {
    if (!v->empty() && v->back() == '%') {
      p.percent = std::strtof(v->c_str(), nullptr);
    } else {
      p.size = Points(*v);
    }
  }
  if (auto v = Attr(text_properties, "font-weight")) {
    p.bold = *v == "bold" || std::atoi(v->c_str()) >= 600;
  }
  if (auto v = Attr(text_properties, "font-style")) {
    p.italic = *v == "italic" || *v == "oblique";
  }
  if (auto v = Attr(text_properties, "text-underline-style")) {
    p.underline = *v != "none";
  }
  if (auto v = Attr(text_properties, "font-variant")) {
    p.caps = *v == "small-caps";
  }
  if (auto v = Attr(text_properties, "text-transform")) {
    p.caps = *v == "uppercase";
  }
  if (auto v = Attr(text_properties, "color")) {
    std::string c = Upper(*v);
    p.colour = c == "#000000" ? "" : c;
  }
  if (auto v = Attr(text_properties, "background-color")) {
    p.highlight = *v == "transparent" ? "" : Upper(*v);
  }
  return p;
}

struct Style {
  std::string display_name;
  std::string parent;
  Props props;
  int outline_level = 0;  // style:default-outline-level
};

class Styles {
 public:
  // Reads the style:style and style:default-style children of office:styles or
  // office:automatic-styles.
  void Load(const xmlNode* container) {
    for (const xmlNode* s = container ? container->children : nullptr; s != nullptr; s = s->next) {
      bool is_default = Is(s, "default-style", kStyle);
      if (!Is(s, "style", kStyle) && !is_default) {
        continue;
      }
      std::string family = Attr(s, "family").value_or("");
      Style style;
      style.display_name = Attr(s, "display-name").value_or(Attr(s, "name").value_or(""));
      style.parent = Attr(s, "parent-style-name").value_or("");
      style.props = ReadProps(xml::Child(s, "text-properties"));
      style.outline_level = std::atoi(Attr(s, "default-outline-level").value_or("0").c_str());
      if (is_default) {
        defaults_[family] = style.props;
        if (family == "paragraph") {
          if (const xmlNode* tp = xml::Child(s, "text-properties")) {
            default_lang_ = Attr(tp, "language").value_or("");
            std::string country = Attr(tp, "country").value_or("");
            if (!default_lang_.empty() && default_lang_ != "none" && !country.empty() &&
                country != "none") {
              default_lang_ += "-" + country;
            }
            if (default_lang_ == "none") {
              default_lang_.clear();
            }
          }
        }
      } else {
        styles_[{family, Attr(s, "name").value_or("")}] = std::move(style);
      }
    }
  }

  const Style* Find(const std::string& family, const std::string& name) const {
    auto it = styles_.find({family, name});
    return it == styles_.end() ? nullptr : &it->second;
  }

  // The family default, then the style's ancestors, then the style (bounded against loops).
  Props Resolve(const std::string& family, const std::string& name) const {
    std::vector<const Style*> chain;
    std::string current = name;
    for (int i = 0; i < 32 && !current.empty(); ++i) {
      const Style* s = Find(family, current);
      if (s == nullptr || std::find(chain.begin(), chain.end(), s) != chain.end()) {
        break;
      }
      chain.push_back(s);
      current = s->parent;
    }
    Props p;
    if (auto d = defaults_.find(family); d != defaults_.end()) {
      p.Over(d->second);
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      p.Over((*it)->props);
    }
    return p;
  }

  // A text style applied over paragraph properties: only what the text style sets.
  Props TextStyle(const std::string& name) const {
    std::vector<const Style*> chain;
    std::string current = name;
    for (int i = 0; i < 32 && !current.empty(); ++i) {
      const Style* s = Find("text", current);
      if (s == nullptr || std::find(chain.begin(), chain.end(), s) != chain.end()) {
        break;
      }
      chain.push_back(s);
      current = s->parent;
    }
    Props p;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      p.Over((*it)->props);
    }
    return p;
  }

  const std::string& default_lang() const { return default_lang_; }

 private:
  std::map<std::pair<std::string, std::string>, Style> styles_;
  std::map<std::string, Props> defaults_;
  std::string default_lang_;
};

struct Run {
  std::string text;
  Props props;
  bool link = false;
};

bool IsShape(const xmlNode* n) {
  for (const char* local :
       {"custom-shape", "rect", "ellipse", "circle", "line", "polyline", "polygon",
        "regular-polygon", "path", "connector", "g", "measure", "caption"}) {
    if (Is(n, local, kDraw)) {
      return true;
    }
  }
  return false;
}

bool HasText(const xmlNode* n) {
  const xmlNode* p = xml::Descendant(n, "p", 8);
  return p != nullptr && !xml::Collapse(xml::Text(p)).empty();
}

class OdtReader {
 public:
  OdtReader(const Styles& styles, OfficeDocument& doc, const OfficeLimits& limits)
      : styles_(styles), doc_(doc), limits_(limits) {}

  void Walk(const xmlNode* parent, bool in_table, bool in_list, uint32_t depth) {
    if (depth > limits_.max_depth) {
      return;
    }
    for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) {
        continue;
      }
      if (Is(c, "p", kText) || Is(c, "h", kText)) {
        ReadParagraph(c, in_table, in_list, depth);
      } else if (Is(c, "table", kTable)) {
        ReadTable(c, in_table, depth);
      } else if (Is(c, "list-item", kText) || Is(c, "list-header", kText)) {
        Walk(c, in_table, true, depth + 1);
      } else if (Is(c, "frame", kDraw) || IsShape(c)) {
        std::vector<const xmlNode*> nested;
        ReadObject(c, 0, nested);
        for (const xmlNode* n : nested) {
          Walk(n, in_table, in_list, depth + 1);
        }
      } else if (Is(c, "tracked-changes", kText) || Is(c, "sequence-decls", kText) ||
                 Is(c, "forms", kOffice) || Is(c, "annotation", kOffice) ||
                 Is(c, "variable-decls", kText) || Is(c, "user-field-decls", kText)) {
        continue;
      } else {
        Walk(c, in_table, in_list, depth + 1);  // sections, lists, index bodies
      }
    }
  }

 private:
  void ReadParagraph(const xmlNode* p, bool in_table, bool in_list, uint32_t depth) {
    if (doc_.paragraphs.size() >= limits_.max_paragraphs) {
      if (!capped_) {
        doc_.warnings.push_back("only the first " + std::to_string(limits_.max_paragraphs) +
                                " paragraphs were read");
        capped_ = true;
      }
      return;
    }
    Paragraph para;
    para.index = static_cast<uint32_t>(doc_.paragraphs.size() + 1);
    para.in_table = in_table;
    para.list_item = in_list;
    std::string style_name = Attr(p, "style-name").value_or("");
    const Style* style = styles_.Find("paragraph", style_name);
    // Automatic styles (P1) stand for direct formatting on a common style: name the common one.
    const Style* shown = style;
    if (style != nullptr && !style->parent.empty() && style_name.size() <= 4 &&
        style_name[0] == 'P') {
      if (const Style* parent = styles_.Find("paragraph", style->parent)) {
        shown = parent;
      }
    }
    para.style = shown ? shown->display_name : style_name;
    if (para.style == "Standard" || para.style == "Default Paragraph Style") {
      para.style.clear();  // the default, as Word's "Normal" is
    }
    if (Is(p, "h", kText)) {
      para.heading_level =
          std::clamp(std::atoi(Attr(p, "outline-level").value_or("1").c_str()), 1, 10);
    }
    para.title_style = para.style == "Title";
    Props base = styles_.Resolve("paragraph", style_name);
    uint32_t my_index = para.index;
    doc_.paragraphs.push_back(std::move(para));
    std::vector<Run> runs;
    std::vector<const xmlNode*> nested;
    Collect(p, base, false, runs, nested, my_index, depth + 1);
    Finish(doc_.paragraphs[my_index - 1], base, runs);
    for (const xmlNode* n : nested) {
      Walk(n, in_table, in_list, depth + 1);
    }
  }

  void Collect(const xmlNode* node, const Props& props, bool link, std::vector<Run>& runs,
               std::vector<const xmlNode*>& nested, uint32_t para, uint32_t depth) {
    if (depth > limits_.max_depth) {
      return;
    }
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        AddText(reinterpret_cast<const char*>(c->content), props, link, runs);
        continue;
      }
      if (c->type != XML_ELEMENT_NODE) {
        continue;
      }
      if (Is(c, "s", kText)) {
        int n = std::clamp(std::atoi(Attr(c, "c").value_or("1").c_str()), 1, 1000);
        AddText(std::string(static_cast<size_t>(n), ' '), props, link, runs);
      } else if (Is(c, "tab", kText) || Is(c, "line-break", kText)) {
        AddText(" ", props, link, runs);
      } else if (Is(c, "span", kText)) {
        Props inner = props;
        inner.Over(styles_.TextStyle(Attr(c, "style-name").value_or("")));
        Collect(c, inner, link, runs, nested, para, depth + 1);
      } else if (Is(c, "a", kText)) {
        Link l;
        l.index = static_cast<uint32_t>(doc_.links.size() + 1);
        l.target = Attr(c, "href").value_or("");
        l.paragraph = para;
        doc_.links.push_back(std::move(l));
        size_t slot = doc_.links.size() - 1;
        size_t first_run = runs.size();
        Props inner = props;
        inner.Over(styles_.TextStyle(Attr(c, "style-name").value_or("")));
        Collect(c, inner, true, runs, nested, para, depth + 1);
        for (size_t i = first_run; i < runs.size(); ++i) {
          doc_.links[slot].text += runs[i].text;
        }
        doc_.links[slot].text = xml::Collapse(doc_.links[slot].text);
      } else if (Is(c, "frame", kDraw) || IsShape(c)) {
        ReadObject(c, para, nested);
      } else if (Is(c, "note", kText) || Is(c, "annotation", kOffice) || Is(c, "bookmark", kText) ||
                 Is(c, "soft-page-break", kText) || Is(c, "change", kText) ||
                 Is(c, "note-citation", kText)) {
        continue;
      } else {
        Collect(c, props, link, runs, nested, para, depth + 1);
      }
    }
  }

  static void AddText(std::string_view text, const Props& props, bool link,
                      std::vector<Run>& runs) {
    if (text.empty()) {
      return;
    }
    // Text nodes next to each other with the same formatting make one run.
    if (!runs.empty() && runs.back().link == link && runs.back().props.colour == props.colour &&
        runs.back().props.bold == props.bold && runs.back().props.size == props.size &&
        runs.back().props.italic == props.italic &&
        runs.back().props.underline == props.underline &&
        runs.back().props.highlight == props.highlight && runs.back().props.caps == props.caps) {
      runs.back().text += text;
      return;
    }
    runs.push_back(Run{std::string(text), props, link});
  }

  void ReadObject(const xmlNode* node, uint32_t para, std::vector<const xmlNode*>& nested) {
    DrawingObject object;
    object.index = static_cast<uint32_t>(doc_.objects.size() + 1);
    object.paragraph = para;
    object.name = Attr(node, "name").value_or("");
    if (const xmlNode* t = xml::Child(node, "title")) {
      object.title = xml::Text(t);
    }
    if (const xmlNode* d = xml::Child(node, "desc")) {
      object.alt = xml::Collapse(xml::Text(d));
    }
    // LibreOffice 7.x writes loext:decorative="true" for "Decorative" (ODF 1.4 draw:decorative).
    if (auto dec = Attr(node, "decorative")) {
      object.decorative = *dec == "true";
    }
    const xmlNode* text_box = nullptr;
    if (Is(node, "frame", kDraw)) {
      if (xml::Child(node, "image")) {
        object.kind = ObjectKind::kPicture;
      } else if (xml::Child(node, "object") || xml::Child(node, "object-ole")) {
        object.kind = ObjectKind::kChart;  // charts and formulas are embedded objects
      } else if ((text_box = xml::Child(node, "text-box")) != nullptr) {
        object.kind = ObjectKind::kTextBox;
      } else {
        object.kind = ObjectKind::kDiagram;  // plugins, applets, floating frames
      }
    } else {
      object.kind = HasText(node) ? ObjectKind::kTextBox : ObjectKind::kShape;
    }
    doc_.objects.push_back(std::move(object));
    if (text_box != nullptr) {
      nested.push_back(text_box);
    } else if (!Is(node, "frame", kDraw) && HasText(node)) {
      nested.push_back(node);
    }
  }

  void ReadTable(const xmlNode* tbl, bool nested, uint32_t depth) {
    Table table;
    table.index = static_cast<uint32_t>(doc_.tables.size() + 1);
    table.nested = nested;
    table.first_paragraph = static_cast<uint32_t>(doc_.paragraphs.size() + 1);
    size_t slot = doc_.tables.size();
    doc_.tables.push_back(table);
    uint32_t rows = 0;
    uint32_t columns = 0;
    bool header = false;
    std::string first_cell;
    bool first_cell_seen = false;
    // Rows in document order, through header-row and row groups (9.1.x), each group once.
    auto rows_of = [&](auto&& self, const xmlNode* group, bool in_header, uint32_t level) -> void {
      if (level > 8) {
        return;
      }
      for (const xmlNode* c = group->children; c != nullptr; c = c->next) {
        if (Is(c, "table-header-rows", kTable)) {
          self(self, c, true, level + 1);
          continue;
        }
        if (Is(c, "table-rows", kTable) || Is(c, "table-row-group", kTable)) {
          self(self, c, in_header, level + 1);
          continue;
        }
        if (!Is(c, "table-row", kTable)) {
          continue;
        }
        if (rows == 0) {
          header = in_header;
        }
        rows += static_cast<uint32_t>(std::clamp(
            std::atoi(Attr(c, "number-rows-repeated").value_or("1").c_str()), 1, 100'000));
        uint32_t cells = 0;
        for (const xmlNode* cell = c->children; cell != nullptr; cell = cell->next) {
          if (!Is(cell, "table-cell", kTable) && !Is(cell, "covered-table-cell", kTable)) {
            continue;
          }
          cells += static_cast<uint32_t>(std::clamp(
              std::atoi(Attr(cell, "number-columns-repeated").value_or("1").c_str()), 1, 16384));
          if (!first_cell_seen && Is(cell, "table-cell", kTable)) {
            first_cell = xml::Collapse(xml::Text(cell)).substr(0, 80);
            first_cell_seen = true;
          }
          Walk(cell, true, false, depth + 1);
        }
        columns = std::max(columns, cells);
      }
    };
    rows_of(rows_of, tbl, false, 0);
    Table& t = doc_.tables[slot];
    t.rows = rows;
    t.columns = columns;
    t.header_row = header;
    t.first_cell = first_cell;
  }

  void Finish(Paragraph& para, const Props& base, const std::vector<Run>& runs) {
    std::string text;
    std::map<int, uint32_t> size_chars;
    uint32_t chars = 0;
    uint32_t bold_chars = 0;
    uint32_t italic_chars = 0;
    uint32_t other_chars = 0;
    float min_size = 0;
    std::vector<bool> colour_only(runs.size(), false);
    for (size_t i = 0; i < runs.size(); ++i) {
      const Run& r = runs[i];
      text += r.text;
      uint32_t n = 0;
      for (char c : r.text) {
        n += c != ' ' && c != '\n' && c != '\t' && (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      }
      if (n == 0) {
        continue;
      }
      chars += n;
      float size = r.props.size.value_or(12);  // LibreOffice's default paragraph size
      size_chars[static_cast<int>(std::lround(size * 10))] += n;
      min_size = min_size == 0 ? size : std::min(min_size, size);
      bold_chars += r.props.bold.value_or(false) ? n : 0;
      italic_chars += r.props.italic.value_or(false) ? n : 0;
      bool colour_differs = r.props.colour.value_or("") != base.colour.value_or("") ||
                            r.props.highlight.value_or("") != base.highlight.value_or("");
      bool other_differs = r.props.bold.value_or(false) != base.bold.value_or(false) ||
                           r.props.italic.value_or(false) != base.italic.value_or(false) ||
                           r.props.underline.value_or(false) != base.underline.value_or(false) ||
                           r.props.caps.value_or(false) != base.caps.value_or(false) ||
                           std::fabs(r.props.size.value_or(12) - base.size.value_or(12)) >= 1;
      colour_only[i] = colour_differs && !other_differs;
      if (!colour_only[i]) {
        other_chars += n;
      }
    }
    para.text = xml::Collapse(text);
    para.words = xml::CountWords(para.text);
    doc_.words += para.words;
    uint32_t best = 0;
    for (const auto& [size, n] : size_chars) {
      if (n > best) {
        best = n;
        para.font_size = static_cast<float>(size) / 10;
      }
    }
    para.min_font_size = min_size;
    para.bold = chars > 0 && bold_chars == chars;
    para.italic = chars > 0 && italic_chars == chars;
    if (other_chars > 0) {
      for (size_t i = 0; i < runs.size(); ++i) {
        if (!colour_only[i] || xml::Collapse(runs[i].text).empty()) {
          continue;
        }
        std::string colour = !runs[i].props.colour.value_or("").empty()
                                 ? *runs[i].props.colour
                                 : "highlight " + runs[i].props.highlight.value_or("");
        para.colour_only.push_back(ColourRun{xml::Collapse(runs[i].text), colour, runs[i].link});
      }
    }
  }

  const Styles& styles_;
  OfficeDocument& doc_;
  const OfficeLimits& limits_;
  bool capped_ = false;
};

}  // namespace

Result<OfficeDocument> ParseOdtParts(const Parts& parts, const OfficeLimits& limits) noexcept {
  try {
    auto content_part = parts.find("content.xml");
    if (content_part == parts.end()) {
      return Fail(ErrorCode::kParse, "no content.xml: not an ODT file");
    }
    OfficeDocument doc;
    doc.format = OfficeFormat::kOdt;
    Styles styles;
    if (auto it = parts.find("styles.xml"); it != parts.end()) {
      if (auto parsed = xml::Parse(it->second, "styles.xml")) {
        const xmlNode* root = xmlDocGetRootElement(parsed->get());
        styles.Load(xml::Child(root, "styles"));
        styles.Load(xml::Child(root, "automatic-styles"));
      } else {
        doc.warnings.push_back(parsed.error().message + "; styles were not read");
      }
    }
    if (auto it = parts.find("meta.xml"); it != parts.end()) {
      if (auto parsed = xml::Parse(it->second, "meta.xml")) {
        const xmlNode* meta = xml::Child(xmlDocGetRootElement(parsed->get()), "meta");
        if (const xmlNode* title = xml::Child(meta, "title")) {
          doc.title = xml::Text(title);
        }
        if (const xmlNode* lang = xml::Child(meta, "language")) {
          doc.lang = xml::Collapse(xml::Text(lang));
          doc.lang_source = doc.lang.empty() ? "" : "dc:language";
        }
      }
    }
    if (doc.lang.empty() && !styles.default_lang().empty()) {
      doc.lang = styles.default_lang();
      doc.lang_source = "style:default-style";
    }
    auto parsed = xml::Parse(content_part->second, "content.xml");
    if (!parsed) {
      return parsed.error();
    }
    const xmlNode* root = xmlDocGetRootElement(parsed->get());
    styles.Load(xml::Child(root, "automatic-styles"));
    doc.body_font_size = styles.Resolve("paragraph", "").size.value_or(12);
    const xmlNode* body = xml::Child(root, "body");
    const xmlNode* text = body ? xml::Child(body, "text") : nullptr;
    OdtReader reader(styles, doc, limits);
    reader.Walk(text ? text : (body ? body : root), false, false, 0);
    return doc;
  } catch (const std::bad_alloc&) {
    return Fail(ErrorCode::kTooLarge, "the document needs more memory than is available");
  } catch (const std::exception& e) {
    return Fail(ErrorCode::kParse, std::string("the document could not be read: ") + e.what());
  }
}

}  // namespace plainsight::engine::office

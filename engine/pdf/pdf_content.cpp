// Page content (ISO 32000-1 8.8 external objects, 8.9.7 inline images, 9.4.3 text-showing
// operators, 12.5.5 appearance streams) and fonts (9.5-9.10; ISO 14289-1 7.21.7).
//
// Each page's content streams, the form XObjects they draw and the annotation appearances on it
// are tokenised with qpdf, once per stream: the page's images and text operators are counted,
// and so is the content the page's drawing goes through, each use of a form counting again.
// That number bounds what a reader (poppler, in pdf_text.cpp) will execute, so a page built from
// forms that draw forms (an XObject bomb made of small objects) is refused before poppler sees
// it.
#include <algorithm>
#include <limits>
#include <memory>
#include <set>

#include <qpdf/Buffer.hh>
#include <qpdf/BufferInputSource.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFTokenizer.hh>

#include "engine/pdf/pdf_internal.h"

namespace plainsight::engine::pdf::internal {
namespace {

// The Adobe standard Latin character set (ISO 32000-1 Annex D.2), sorted. A simple font whose
// glyph names all come from it (or are uniXXXX / uXXXX names, Adobe Glyph List specification)
// maps to Unicode without a ToUnicode CMap (9.10.2).
constexpr std::string_view kLatinGlyphNames[] = {
    // clang-format off
    "A", "AE", "Aacute", "Acircumflex", "Adieresis", "Agrave", "Aring", "Atilde", "B", "C",
    "Ccedilla", "D", "E", "Eacute", "Ecircumflex", "Edieresis", "Egrave", "Eth", "Euro", "F",
    "G", "H", "I", "Iacute", "Icircumflex", "Idieresis", "Igrave", "J", "K", "L", "Lslash", "M",
    "N", "Ntilde", "O", "OE", "Oacute", "Ocircumflex", "Odieresis", "Ograve", "Oslash", "Otilde",
    "P", "Q", "R", "S", "Scaron", "T", "Thorn", "U", "Uacute", "Ucircumflex", "Udieresis",
    "Ugrave", "V", "W", "X", "Y", "Yacute", "Ydieresis", "Z", "Zcaron", "a", "aacute",
    "acircumflex", "acute", "adieresis", "ae", "agrave", "ampersand", "aring", "asciicircum",
    "asciitilde", "asterisk", "at", "atilde", "b", "backslash", "bar", "braceleft", "braceright",
    "bracketleft", "bracketright", "breve", "brokenbar", "bullet", "c", "caron", "ccedilla",
    "cedilla", "cent", "circumflex", "colon", "comma", "copyright", "currency", "d", "dagger",
    "daggerdbl", "degree", "dieresis", "divide", "dollar", "dotaccent", "dotlessi", "e",
    "eacute", "ecircumflex", "edieresis", "egrave", "eight", "ellipsis", "emdash", "endash",
    "equal", "eth", "exclam", "exclamdown", "f", "fi", "five", "fl", "florin", "four",
    "fraction", "g", "germandbls", "grave", "greater", "guillemotleft", "guillemotright",
    "guilsinglleft", "guilsinglright", "h", "hungarumlaut", "hyphen", "i", "iacute",
    "icircumflex", "idieresis", "igrave", "j", "k", "l", "less", "logicalnot", "lslash", "m",
    "macron", "minus", "mu", "multiply", "n", "nine", "ntilde", "numbersign", "o", "oacute",
    "ocircumflex", "odieresis", "oe", "ogonek", "ograve", "one", "onehalf", "onequarter",
    "onesuperior", "ordfeminine", "ordmasculine", "oslash", "otilde", "p", "paragraph",
    "parenleft", "parenright", "percent", "period", "periodcentered", "perthousand", "plus",
    "plusminus", "q", "question", "questiondown", "quotedbl", "quotedblbase", "quotedblleft",
    "quotedblright", "quoteleft", "quoteright", "quotesinglbase", "quotesingle", "r",
    "registered", "ring", "s", "scaron", "section", "semicolon", "seven", "six", "slash",
    "space", "sterling", "t", "thorn", "three", "threequarters", "threesuperior", "tilde",
    "trademark", "two", "twosuperior", "u", "uacute", "ucircumflex", "udieresis", "ugrave",
    "underscore", "v", "w", "x", "y", "yacute", "ydieresis", "yen", "z", "zcaron", "zero",
    // clang-format on
};
static_assert(IsSortedList(kLatinGlyphNames));

constexpr std::string_view kStandard14[] = {
    "Courier",     "Courier-Bold",   "Courier-BoldOblique",   "Courier-Oblique",
    "Helvetica",   "Helvetica-Bold", "Helvetica-BoldOblique", "Helvetica-Oblique",
    "Symbol",      "Times-Bold",     "Times-BoldItalic",      "Times-Italic",
    "Times-Roman", "ZapfDingbats",
};
static_assert(IsSortedList(kStandard14));

bool IsHex(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
  });
}

// A glyph name that maps to Unicode by the Adobe Glyph List specification's rules restricted to
// the Latin set: components joined by '_', suffixes after '.' ignored.
bool IsStandardGlyphName(std::string_view name) {
  name = name.substr(0, name.find('.'));
  if (name.empty()) {
    return false;
  }
  while (!name.empty()) {
    size_t cut = name.find('_');
    std::string_view part = name.substr(0, cut);
    bool ok = std::binary_search(std::begin(kLatinGlyphNames), std::end(kLatinGlyphNames), part) ||
              (part.size() >= 7 && part.substr(0, 3) == "uni" && (part.size() - 3) % 4 == 0 &&
               IsHex(part.substr(3))) ||
              (part.size() >= 5 && part.size() <= 7 && part[0] == 'u' && IsHex(part.substr(1)));
    if (!ok) {
      return false;
    }
    name = cut == std::string_view::npos ? std::string_view() : name.substr(cut + 1);
  }
  return true;
}

// The first glyph name of a /Differences array that is not standard, "" when all are.
std::string NonStandardDifference(QPDFObjectHandle encoding) {
  QPDFObjectHandle diffs = encoding.getKey("/Differences");
  if (!diffs.isArray()) {
    return {};
  }
  int n = std::min(diffs.getArrayNItems(), 4096);
  for (int i = 0; i < n; ++i) {
    QPDFObjectHandle item = diffs.getArrayItem(i);
    if (item.isName() && !IsStandardGlyphName(item.getName().substr(1))) {
      return item.getName().substr(1);
    }
  }
  return {};
}

uint64_t SatAdd(uint64_t a, uint64_t b) {
  return a > std::numeric_limits<uint64_t>::max() - b ? std::numeric_limits<uint64_t>::max()
                                                      : a + b;
}

struct Stats {
  uint64_t bytes = 0;     // content the drawing goes through, forms counted per use
  uint64_t images = 0;    // image XObjects and inline images drawn
  uint64_t text_ops = 0;  // text-showing operators executed

  void Add(const Stats& other) {
    bytes = SatAdd(bytes, other.bytes);
    images = SatAdd(images, other.images);
    text_ops = SatAdd(text_ops, other.text_ops);
  }
};

class ContentScanner {
 public:
  explicit ContentScanner(Reader& reader) : reader_(reader), doc_(reader.doc) {}

  void ReadPage(size_t index) {
    QPDFObjectHandle page = reader_.pages[index];
    auto number = static_cast<uint32_t>(index + 1);
    PdfPage& out = doc_.pages[index];
    QPDFObjectHandle resources = QPDFPageObjectHelper(page).getAttribute("/Resources", false);
    AddFonts(resources, number);
    if (!out.read) {
      return;
    }
    std::vector<QPDFObjectHandle> streams;
    QPDFObjectHandle contents = page.getKey("/Contents");
    if (contents.isStream()) {
      streams.push_back(contents);
    } else if (contents.isArray()) {
      int n = std::min(contents.getArrayNItems(), 100'000);
      for (int i = 0; i < n; ++i) {
        if (contents.getArrayItem(i).isStream()) {
          streams.push_back(contents.getArrayItem(i));
        }
      }
    }
    Stats stats = ScanStreams(streams, resources, 0, number);
    // Annotation appearances are drawn with the page (12.5.5): the normal appearance, in its
    // current state when it has several.
    QPDFObjectHandle annots = page.getKey("/Annots");
    if (annots.isArray()) {
      int n = std::min(annots.getArrayNItems(), 10'000);
      for (int i = 0; i < n; ++i) {
        QPDFObjectHandle annot = annots.getArrayItem(i);
        if (!annot.isDictionary() || !annot.getKey("/AP").isDictionary()) {
          continue;
        }
        QPDFObjectHandle normal = annot.getKey("/AP").getKey("/N");
        if (normal.isDictionary() && !normal.isStream()) {
          QPDFObjectHandle state = annot.getKey("/AS");
          normal = state.isName() ? normal.getKey(state.getName()) : QPDFObjectHandle();
        }
        if (normal.isInitialized() && normal.isStream()) {
          stats.Add(ScanForm(normal, resources, 1, number));
        }
      }
    }
    if (stats.bytes > reader_.limits.max_page_content_bytes) {
      throw LimitExceeded{"page " + std::to_string(number) + " draws more than " +
                          std::to_string(reader_.limits.max_page_content_bytes >> 20) +
                          " MB of content, counting each use of its forms (an XObject bomb?); "
                          "refused"};
    }
    total_ = SatAdd(total_, stats.bytes);
    if (total_ > reader_.limits.max_total_content_bytes) {
      throw LimitExceeded{"draws more than " +
                          std::to_string(reader_.limits.max_total_content_bytes >> 20) +
                          " MB of content over its pages, counting each use of its forms; "
                          "refused"};
    }
    out.images = static_cast<uint32_t>(std::min<uint64_t>(stats.images, UINT32_MAX));
    out.text_operators = static_cast<uint32_t>(std::min<uint64_t>(stats.text_ops, UINT32_MAX));
  }

 private:
  static constexpr uint32_t kMaxFormDepth = 32;
  static constexpr size_t kMaxFonts = 10'000;

  Stats ScanForm(QPDFObjectHandle form, const QPDFObjectHandle& inherited, uint32_t depth,
                 uint32_t page) {
    if (!form.isStream()) {
      return {};
    }
    QPDFObjGen og = form.getObjGen();
    if (auto done = forms_.find(og); done != forms_.end()) {
      return done->second;
    }
    if (depth > kMaxFormDepth || !active_.insert(og).second) {
      // Readers stop at a loop or a deep nest too; count nothing more.
      reader_.Warn("form XObject " + std::to_string(og.getObj()) +
                   " draws itself or is nested too deep; not followed");
      return {};
    }
    QPDFObjectHandle resources = form.getDict().getKey("/Resources");
    if (!resources.isDictionary()) {
      resources = inherited;  // PDF 1.1 forms use the resources of what draws them
    }
    AddFonts(resources, page);
    Stats stats = ScanStreams({form}, resources, depth, page);
    active_.erase(og);
    forms_[og] = stats;
    return stats;
  }

  Stats ScanStreams(const std::vector<QPDFObjectHandle>& streams, QPDFObjectHandle resources,
                    uint32_t depth, uint32_t page) {
    Stats stats;
    std::string data;
    std::string part;
    for (const QPDFObjectHandle& s : streams) {
      DecodeStream(reader_, s, part, reader_.limits.max_page_content_bytes);
      data += part;
      data += '\n';  // operators do not continue across stream boundaries (7.8.2)
      if (data.size() > reader_.limits.max_page_content_bytes) {
        throw LimitExceeded{"has content on page " + std::to_string(page) +
                            " that decodes to more than " +
                            std::to_string(reader_.limits.max_page_content_bytes >> 20) +
                            " MB (a decompression bomb?); refused"};
      }
    }
    stats.bytes = data.size();
    Buffer buffer(reinterpret_cast<unsigned char*>(data.data()), data.size());
    auto input = std::make_shared<BufferInputSource>("content", &buffer, false);
    QPDFTokenizer tokenizer;
    tokenizer.allowEOF();
    QPDFObjectHandle xobjects =
        resources.isDictionary() ? resources.getKey("/XObject") : QPDFObjectHandle();
    std::string last_name;
    bool name_is_last = false;
    while (true) {
      QPDFTokenizer::Token token = tokenizer.readToken(input, "content", true, 0);
      QPDFTokenizer::token_type_e type = token.getType();
      if (type == QPDFTokenizer::tt_eof) {
        break;
      }
      if (type == QPDFTokenizer::tt_name) {
        last_name = token.getValue();
        name_is_last = true;
        continue;
      }
      if (type != QPDFTokenizer::tt_word) {
        name_is_last = false;
        continue;
      }
      const std::string& op = token.getValue();
      if (op == "Tj" || op == "TJ" || op == "'" || op == "\"") {
        ++stats.text_ops;
      } else if (op == "Do" && name_is_last && xobjects.isInitialized() &&
                 xobjects.isDictionary()) {
        QPDFObjectHandle x = xobjects.getKey(last_name);
        if (x.isStream()) {
          QPDFObjectHandle subtype = x.getDict().getKey("/Subtype");
          if (IsName(subtype, "/Image")) {
            ++stats.images;
          } else if (IsName(subtype, "/Form")) {
            stats.Add(ScanForm(x, resources, depth + 1, page));
          }
        }
      } else if (op == "ID") {
        // Inline image data follows the single white-space character after ID, up to EI.
        ++stats.images;
        char ch;
        input->read(&ch, 1);
        tokenizer.expectInlineImage(input);
        QPDFTokenizer::Token image = tokenizer.readToken(input, "content", true, 0);
        if (image.getType() != QPDFTokenizer::tt_inline_image) {
          break;  // no EI: the rest is image data
        }
      }
      name_is_last = false;
    }
    return stats;
  }

  void AddFonts(QPDFObjectHandle resources, uint32_t page) {
    if (!resources.isInitialized() || !resources.isDictionary()) {
      return;
    }
    if (resources.isIndirect() && !resources_seen_.insert(resources.getObjGen()).second) {
      return;
    }
    QPDFObjectHandle fonts = resources.getKey("/Font");
    if (!fonts.isDictionary()) {
      return;
    }
    for (const std::string& key : fonts.getKeys()) {
      AddFont(fonts.getKey(key), key.substr(1), page);
    }
  }

  void AddFont(QPDFObjectHandle font, const std::string& resource_name, uint32_t page) {
    if (!font.isDictionary() || doc_.fonts.size() >= kMaxFonts) {
      return;
    }
    if (font.isIndirect() && !fonts_seen_.insert(font.getObjGen()).second) {
      return;
    }
    PdfFont f;
    f.first_page = page;
    f.subtype = Utf8(font.getKey("/Subtype"));
    f.name = Utf8(font.getKey("/BaseFont"));
    if (f.name.empty()) {
      f.name = resource_name;
    }
    f.has_to_unicode = font.getKey("/ToUnicode").isStream();
    QPDFObjectHandle encoding = font.getKey("/Encoding");
    if (encoding.isName()) {
      f.encoding = encoding.getName().substr(1);
    } else if (encoding.isStream()) {
      f.encoding = "embedded CMap";
    } else if (encoding.isDictionary()) {
      f.encoding = "dictionary";
    }
    QPDFObjectHandle descriptor = font.getKey("/FontDescriptor");
    QPDFObjectHandle descendant;
    if (f.subtype == "Type0") {
      QPDFObjectHandle descendants = font.getKey("/DescendantFonts");
      if (descendants.isArray() && descendants.getArrayNItems() > 0) {
        descendant = descendants.getArrayItem(0);
        if (descendant.isDictionary()) {
          descriptor = descendant.getKey("/FontDescriptor");
        }
      }
    }
    if (descriptor.isDictionary()) {
      f.embedded = descriptor.hasKey("/FontFile") || descriptor.hasKey("/FontFile2") ||
                   descriptor.hasKey("/FontFile3");
      QPDFObjectHandle flags = descriptor.getKey("/Flags");
      f.symbolic = flags.isInteger() && (flags.getIntValue() & 4) != 0;
    }
    Classify(f, encoding, descendant);
    doc_.fonts.push_back(std::move(f));
  }

  // ISO 32000-1 9.10.2, the methods a reader has to map character codes to Unicode, as
  // ISO 14289-1 7.21.7 requires them.
  static void Classify(PdfFont& f, QPDFObjectHandle encoding, QPDFObjectHandle descendant) {
    if (f.has_to_unicode) {
      f.mapping = UnicodeMapping::kMapped;
      return;
    }
    if (f.subtype == "Type0") {
      std::string collection;
      if (descendant.isInitialized() && descendant.isDictionary()) {
        QPDFObjectHandle info = descendant.getKey("/CIDSystemInfo");
        collection = Utf8(info.isDictionary() ? info.getKey("/Registry") : QPDFObjectHandle()) +
                     "-" +
                     Utf8(info.isDictionary() ? info.getKey("/Ordering") : QPDFObjectHandle());
      }
      bool predefined_cmap =
          encoding.isName() && f.encoding != "Identity-H" && f.encoding != "Identity-V";
      if (predefined_cmap || collection == "Adobe-GB1" || collection == "Adobe-CNS1" ||
          collection == "Adobe-Japan1" || collection == "Adobe-Korea1") {
        f.mapping = UnicodeMapping::kMapped;
      } else {
        f.mapping = UnicodeMapping::kUnmapped;
        f.reason = "a composite font with " +
                   (f.encoding.empty() ? std::string("no") : f.encoding) +
                   " encoding and no ToUnicode map";
      }
      return;
    }
    std::string odd;
    if (encoding.isDictionary()) {
      odd = NonStandardDifference(encoding);
    }
    if (f.subtype == "Type3") {
      if (encoding.isDictionary() && odd.empty()) {
        f.mapping = UnicodeMapping::kMapped;
      } else {
        f.mapping = UnicodeMapping::kUnmapped;
        f.reason = odd.empty() ? "a Type 3 font without an encoding or ToUnicode map"
                               : "a Type 3 font with glyph names such as /" + odd +
                                     " that say nothing of the characters, and no ToUnicode map";
      }
      return;
    }
    if (encoding.isName()) {
      f.mapping = UnicodeMapping::kMapped;  // WinAnsi, MacRoman, MacExpert (and StandardEncoding)
      return;
    }
    if (encoding.isDictionary()) {
      if (odd.empty()) {
        f.mapping = UnicodeMapping::kMapped;
      } else {
        f.mapping = UnicodeMapping::kUncertain;
        f.reason = "glyph names such as /" + odd +
                   " outside the standard Latin set, and no "
                   "ToUnicode map";
      }
      return;
    }
    if (!f.embedded && std::binary_search(std::begin(kStandard14), std::end(kStandard14), f.name)) {
      f.mapping = UnicodeMapping::kMapped;  // the standard 14 fonts' encodings are known
      return;
    }
    f.mapping = UnicodeMapping::kUncertain;
    f.reason = f.embedded ? "the encoding built into the embedded font program, and no "
                            "ToUnicode map"
                          : "no encoding and no ToUnicode map";
  }

  Reader& reader_;
  PdfDocument& doc_;
  std::map<QPDFObjGen, Stats> forms_;
  std::set<QPDFObjGen> active_;
  std::set<QPDFObjGen> fonts_seen_;
  std::set<QPDFObjGen> resources_seen_;
  uint64_t total_ = 0;
};

}  // namespace

void ReadContent(Reader& reader) {
  PdfDocument& doc = reader.doc;
  if (doc.pages.size() > reader.limits.max_pages_read) {
    reader.Warn("only the first " + std::to_string(reader.limits.max_pages_read) + " of " +
                std::to_string(doc.pages.size()) + " pages were read for content and text");
  }
  ContentScanner scanner(reader);
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    try {
      scanner.ReadPage(i);
    } catch (const LimitExceeded&) {
      throw;
    } catch (const std::exception& e) {
      reader.Warn("page " + std::to_string(i + 1) + " could not be read: " + e.what());
    }
  }
}

}  // namespace plainsight::engine::pdf::internal

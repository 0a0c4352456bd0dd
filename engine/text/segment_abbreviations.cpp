// The abbreviation kinds and word sets of segment_abbreviations.h. Written for plainsight from
// style guides' abbreviation lists (titles, Latin, dates, units, company forms) and public-service
// writing in Ireland and the UK; the kinds, not a single list, decide (issue 12).
#include "engine/text/segment_abbreviations.h"

#include <initializer_list>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace plainsight::engine::text {

namespace {

using Kinds = std::unordered_map<std::string_view, AbbreviationKind>;
using Words = std::unordered_set<std::string_view>;

void Add(Kinds& kinds, AbbreviationKind kind, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    kinds.emplace(w, kind);
  }
}

const Kinds& English() {
  static const Kinds kKinds = [] {
    Kinds k;
    using K = AbbreviationKind;
    Add(k, K::kTitle, {"mr",   "mrs",  "ms",  "messrs", "mme",  "mlle", "mx",   "dr",   "prof",
                       "rev",  "revd", "fr",  "hon",    "rt",   "cllr", "supt", "insp", "sgt",
                       "capt", "lt",   "col", "gen",    "maj",  "cpl",  "pte",  "adm",  "cdr",
                       "cmdr", "brig", "mt",  "mgr",    "msgr", "dame", "emer"});
    Add(k, K::kLatin,
        {"e.g", "i.e", "eg", "ie", "cf", "vs", "viz", "approx", "ca", "v", "n.b", "nb", "p.s", "ps",
         "incl", "excl", "resp", "esp"});
    Add(k, K::kStreet, {"st", "rd", "ave", "av", "blvd", "sq", "pl", "terr", "cres", "ft", "ind"});
    Add(k, K::kTitleOrWord,
        {"rep", "sen", "gov", "pres", "det", "dept", "govt", "est", "univ", "assn", "assoc", "natl",
         "intl"});
    Add(k, K::kCompany, {"co", "ltd", "inc", "plc", "corp", "bros", "llc", "llp", "cie"});
    Add(k, K::kNameSuffix,
        {"jr", "snr", "jnr", "esq", "ph.d", "phd", "m.d", "b.a", "m.a", "b.sc", "m.sc", "ll.b",
         "d.phil"});
    Add(k, K::kTime, {"a.m", "p.m"});
    Add(k, K::kDate, {"jan",   "feb", "mar", "apr", "jun", "jul",  "aug", "sep", "sept",
                      "oct",   "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
                      "thurs", "fri", "sat", "sun", "a.d", "b.c",  "yr"});
    Add(k, K::kUnit, {"etc", "al", "min", "mins", "hr",    "hrs",  "yrs",  "sec", "secs", "wk",
                      "wks", "mo", "mos", "cont", "contd", "encl", "misc", "oz",  "lb",   "lbs"});
    Add(k, K::kNumberLabel,
        {"no",   "nos",  "p",    "pp",  "para", "paras", "art", "arts", "s",   "ss",  "fig",
         "figs", "vol",  "vols", "ch",  "chap", "op",    "tel", "ext",  "fax", "ref", "reg",
         "r",    "item", "tab",  "n°",  "nº",   "pt",    "pts", "sect", "div", "ed",  "eds",
         "vv",   "l",    "ll",   "mob", "ph",   "rm",    "apt", "bldg", "gr",  "cl",  "c"});
    return k;
  }();
  return kKinds;
}

const Kinds& Irish() {
  static const Kinds kKinds = [] {
    Kinds k;
    using K = AbbreviationKind;
    // Interpretation: Irish keeps the behaviour of issue 3 (none of these ends a sentence, bar
    // page and number labels before a number) until an Irish-language editor reviews it.
    Add(k, K::kTitle,
        {"uas",  "bn",  "dr",     "co",     "m.sh", "srl",   "i.e",   "e.g",  "r.ch", "tel",
         "fón",  "ll",  "cf",     "vs",     "ean",  "feabh", "márta", "aib",  "beal", "meith",
         "iúil", "lún", "m.fómh", "d.fómh", "samh", "noll",  "prof",  "cllr", "sp",   "id est"});
    Add(k, K::kNumberLabel, {"uimh", "lch", "alt", "no", "p", "pp"});
    return k;
  }();
  return kKinds;
}

}  // namespace

AbbreviationKind EnglishAbbreviationKind(std::string_view lower) {
  auto it = English().find(lower);
  return it == English().end() ? AbbreviationKind::kNone : it->second;
}

AbbreviationKind IrishAbbreviationKind(std::string_view lower) {
  auto it = Irish().find(lower);
  return it == Irish().end() ? AbbreviationKind::kNone : it->second;
}

bool IsEnglishSentenceStarter(std::string_view w) {
  static const Words kWords = {
      // pronouns and determiners
      "i", "you", "he", "she", "it", "we", "they", "me", "him", "us", "them", "my", "your", "his",
      "her", "its", "our", "their", "this", "that", "these", "those", "there", "here", "what",
      "which", "who", "whom", "whose", "where", "when", "why", "how", "one", "someone", "somebody",
      "anyone", "anybody", "everyone", "everybody", "nobody", "nothing", "something", "everything",
      "anything", "each", "both", "either", "neither", "all", "some", "any", "many", "most", "much",
      "more", "few", "several", "none", "another", "other", "others", "such", "the", "a", "an",
      "every", "no", "whatever", "whoever",
      // conjunctions and sentence adverbs
      "and", "but", "or", "nor", "so", "yet", "however", "therefore", "thus", "then", "also",
      "still", "instead", "otherwise", "meanwhile", "moreover", "furthermore", "besides", "indeed",
      "finally", "first", "firstly", "second", "secondly", "third", "next", "later", "now", "today",
      "tomorrow", "yesterday", "tonight", "soon", "afterwards", "again", "only", "even", "just",
      "perhaps", "maybe", "please", "yes", "not", "if", "unless", "while", "whilst", "although",
      "though", "because", "since", "as", "once", "whether", "overall", "sometimes", "often",
      "usually", "always", "never", "currently", "recently", "luckily", "unfortunately",
      "fortunately", "similarly", "likewise", "hence", "consequently",
      // prepositions
      "in", "on", "at", "by", "from", "to", "with", "without", "for", "of", "about", "after",
      "before", "during", "under", "over", "into", "through", "between", "among", "against",
      "within", "despite", "unlike", "until", "following", "according",
      // auxiliaries and modals
      "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "have", "has", "had",
      "can", "could", "will", "would", "shall", "should", "may", "might", "must", "let", "let's",
      "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "can't", "won't",
      "it's", "i'm", "i've", "i'll", "i'd", "we're", "we've", "we'll", "they're", "they've",
      "you're", "you'll", "that's", "there's", "here's", "what's", "he's", "she's",
      // imperatives that open instructions
      "call", "see", "read", "ask", "bring", "send", "apply", "check", "contact", "visit", "use",
      "go", "come", "get", "make", "take", "pay", "fill", "write", "email", "phone", "keep", "find",
      "tell", "give", "put", "turn", "follow", "click", "select", "choose", "enter", "sign",
      "print", "register", "book", "wait", "note", "remember", "try", "stop", "start", "look",
      "leave", "open", "close", "complete", "submit", "return", "attach", "include", "make",
      "ensure", "allow", "avoid", "do", "don't", "be"};
  return kWords.count(w) > 0;
}

bool IsCounty(std::string_view w) {
  static const Words kWords = {
      "antrim",   "armagh",    "carlow",    "cavan",     "clare",       "cork",     "derry",
      "donegal",  "down",      "dublin",    "fermanagh", "galway",      "kerry",    "kildare",
      "kilkenny", "laois",     "leitrim",   "limerick",  "londonderry", "longford", "louth",
      "mayo",     "meath",     "monaghan",  "offaly",    "roscommon",   "sligo",    "tipperary",
      "tyrone",   "waterford", "westmeath", "wexford",   "wicklow",     "durham"};
  return kWords.count(w) > 0;
}

bool IsDayMonthOrTimeZone(std::string_view w) {
  static const Words kWords = {
      "monday", "tuesday",  "wednesday", "thursday",  "friday",   "saturday", "sunday",   "mon",
      "tue",    "tues",     "wed",       "thu",       "thur",     "thurs",    "fri",      "sat",
      "sun",    "weekdays", "weekends",  "january",   "february", "march",    "april",    "may",
      "june",   "july",     "august",    "september", "october",  "november", "december", "jan",
      "feb",    "mar",      "apr",       "jun",       "jul",      "aug",      "sep",      "sept",
      "oct",    "nov",      "dec",       "gmt",       "ist",      "bst",      "utc",      "cet",
      "cest",   "est",      "edt",       "pst",       "pdt",      "irish",    "local"};
  return kWords.count(w) > 0;
}

bool IsTimePhrasePreposition(std::string_view w) {
  static const Words kWords = {"at",    "by",     "from",  "before", "after",   "until",   "till",
                               "since", "around", "about", "on",     "between", "starting"};
  return kWords.count(w) > 0;
}

}  // namespace plainsight::engine::text

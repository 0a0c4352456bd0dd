// What the sentence segmenter knows about abbreviations and the words after them (issue 12).
//
// A full stop after an abbreviation ends a sentence or not depending on the abbreviation's kind
// and on the next word, not on one list: "Mr." never ends one (a name follows); "U.K." ends one
// only before a word that typically starts a sentence ("in the U.K. They..." against "the U.K.
// Parliament"); "Co." and "Ltd." end one before any capitalised word except, for "Co.", an
// Irish county ("Smith & Co. Cork"); "a.m." and "p.m." end one before a capitalised word unless
// a day, month or time zone follows or the sentence so far is a fronted time phrase ("By 9 a.m.
// Ms. Kelly had left"). segment.cpp applies these decisions.
#pragma once

#include <cstdint>
#include <string_view>

namespace plainsight::engine::text {

enum class AbbreviationKind : uint8_t {
  kNone,         // not a known abbreviation
  kTitle,        // before a name: Mr., Dr., Prof., Fr., Cllr., Sgt., Mt.: never ends a sentence
  kLatin,        // read inside a sentence: e.g., i.e., cf., vs., viz., approx.: never ends one
  kStreet,       // St., Rd., Ave. (St. is also Saint): ends only before a sentence starter
  kInitials,     // U.S., U.K., E.U., U.N.: ends only before a sentence starter
  kTitleOrWord,  // Rep., Sen., Gov., Det.: a title, or a word ("sales rep."): as kStreet
  kCompany,      // Co., Ltd., Inc., Bros., plc: ends before a capitalised word (not a county)
  kNameSuffix,   // Jr., Sr., Ph.D., Esq.: ends before a capitalised word
  kTime,         // a.m., p.m.: ends before a capitalised word, with the exceptions above
  kDate,         // Jan., Sept., Mon., Tues.: ends before a capitalised word, not before a number
  kUnit,         // mins., hrs., yrs., etc., et al.: ends before a capitalised word
  kNumberLabel,  // No., p., pp., Fig., Vol., Tel., ext.: never before a number; else a word
};

// The kind of an English abbreviation, given lowercase and without its final full stop ("u.s",
// "ph.d", "co").
AbbreviationKind EnglishAbbreviationKind(std::string_view lower);

// The same for Irish (Uas., lch., Co., srl.).
AbbreviationKind IrishAbbreviationKind(std::string_view lower);

// Words that commonly start an English sentence (pronouns, determiners, conjunctions,
// auxiliaries, sentence adverbs, frequent imperatives), lowercase. They are rarely names, so
// after "U.K." or an initial they signal a new sentence.
bool IsEnglishSentenceStarter(std::string_view lower_word);

// Irish and Northern Irish counties (and Durham), lowercase: "Co. Cork" is an address.
bool IsCounty(std::string_view lower_word);

// Days, months (whole or abbreviated) and time zones, lowercase: "9 a.m. Monday to Friday".
bool IsDayMonthOrTimeZone(std::string_view lower_word);

// Prepositions that open a fronted time phrase: "By 9 a.m. Ms. Kelly had left".
bool IsTimePhrasePreposition(std::string_view lower_word);

}  // namespace plainsight::engine::text

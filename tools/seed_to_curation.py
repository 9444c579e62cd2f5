"""Build data/curation/seed_{places,names,memberships}.csv from the seed checklist.

Dev-time helper: it reads ../shared/seed-places.tsv and the reference files beside it (never
shipped) and writes the reviewed curation files, which are committed (the CSVs are the product).
Re-run it after changing a rule or an override below, then review the diff.

    python tools/seed_to_curation.py [--shared ../shared]

What the script does by itself:
* one place row per seed row (id = seed key); coordinates from the seed, dropping values marked
  ``?`` (none of them could be confirmed: the reference data covers AZ and AM only, and the
  uncertain points have no WOF/GeoNames record there);
* one name row per value of the name columns: english_names -> ``en``, armenian_script -> ``hy``,
  azerbaijani_latin -> ``az-Latn``, russian_cyrillic -> ``ru``, other_armenian_romanizations ->
  ``hy-Latn``; values ending in ``?`` (none attested on the matched reference record) are kept
  as ``uncertain`` variants, never preferred, with a note: left out, a user pasting the common
  Armenian form Գյանջա or Խոջալու would find nothing; ``type`` and ``used_by`` come from the
  place's group (who has the name as its own) and
  the override table ``NAME_OV``;
* historical names: every entry of the checklist's historical_names has a hand-written entry in
  ``HIST`` (text, lang, type, users, years) -- the cell format is too irregular to parse blindly;
  the script fails on an entry ``HIST`` does not cover;
* sources: ``seed:<key>`` on every name, plus ``wof:ID`` / ``geonames:ID`` / ``iso3166-2:CODE``
  when the matched reference record carries exactly the same text;
* ``preferred``: the first non-historical, non-variant name of each (place, lang, used_by) group,
  unless ``NAME_OV`` says otherwise;
* memberships: the hand table ``MEMBERSHIPS``; links already in karabakh_memberships.csv (same
  child, parent, authority and years) are not repeated.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CUR = ROOT / "data" / "curation"
sys.path.insert(0, str(ROOT))

from gazetteer.schema import MEMBERSHIP_COLUMNS, NAME_COLUMNS, PLACE_COLUMNS, write_csv  # noqa: E402

COLUMN_LANG = {
    "english_names": "en",
    "armenian_script": "hy",
    "azerbaijani_latin": "az-Latn",
    "russian_cyrillic": "ru",
    "other_armenian_romanizations": "hy-Latn",
}

# ---------------------------------------------------------------------------------------------
# Place groups: who has the name as its own (type official/endonym) and who uses which language.
# ---------------------------------------------------------------------------------------------
# Nagorno-Karabakh proper (the former NKAO and the Shahumyan area): both the Armenian and the
# Azerbaijani name are a community's own; the Armenian name was the NKR's official one.
NK = {
    "nagorno-karabakh", "nagorno-karabakh-republic", "nkao", "shahumyan-district", "martakert-district",
    "martuni-district", "hadrut-district", "askeran-district", "shusha-district", "khojavend-district",
    "khojaly-district", "stepanakert", "shusha-town", "hadrut-town", "martakert-town", "martuni-town",
    "askeran-town", "khojaly-town", "karintak", "maraga", "talish", "mataghis", "mets-tagher",
    "shaumyanovsk", "getashen", "martunashen", "ghazanchetsots", "kanach-zham", "aguletsots-church",
    "gandzasar", "dadivank", "gtichavank", "amaras", "tigranakert-artsakh",
    "stepanakert-renaissance-square", "stepanakert-airport", "tartar-river", "hakari-river",
    "lachin-corridor", "line-of-contact", "karabakh", "death-valley-lachin",
}
# Districts and towns of the seven surrounding districts (Armenian-held 1993-2020): the Armenian
# forms of the Azerbaijani names are exonyms used by Armenia; the NKR names are historical.
SEVEN = {
    "aghdam-district", "fuzuli-district", "jabrayil-district", "lachin-district", "kalbajar-district",
    "qubadli-district", "zangilan-district", "aghdam-town", "fuzuli-town", "jabrayil-town", "lachin-town",
    "kalbajar-town", "qubadli-town", "zangilan-town", "minjivan", "aghavno", "daskesen", "horadiz",
    "seven-districts",
}
# Armenian historical regions and Armenian-tradition places outside today's Armenia.
ARMENIAN_HIST = {
    "artsakh-historical", "khachen", "varanda", "syunik-historical", "zangezur", "utik", "caspiane",
    "gugark", "lori", "sasun", "armenian-highlands", "greater-armenia", "persian-armenia",
    "western-armenia", "eastern-armenia", "wilsonian-armenia", "avarayr", "arminiya",
}
# Regions whose Azerbaijani name is the community's own.
AZERBAIJANI_HIST = {"karabakh", "lower-karabakh", "karabakh-khanate", "iranian-azerbaijan"}
# Russian Empire units: the Russian name is the official one.
RUSSIAN_EMPIRE = {"elizavetpol-governorate", "georgia-imeretia-governorate", "caspian-oblast",
                  "shemakha-governorate", "erivan-governorate", "kars-oblast"}
# Soviet units of the Azerbaijan SSR (Russian names official in the USSR).
SOVIET_AZ = {"nkao", "shahumyan-district", "martakert-district", "martuni-district", "hadrut-district",
             "askeran-district"}

COUNTRY = {  # ISO 3166-1 of the state the reference sources place it in; empty for former /
    # supranational / historical entities and for the de facto NKR.
    "armenia": "AM", "azerbaijan": "AZ", "georgia": "GE", "iran": "IR", "turkey": "TR", "russia": "RU",
    "nagorno-karabakh": "AZ", "nakhchivan-ar": "AZ", "lachin-corridor": "AZ", "death-valley-lachin": "AZ",
    "tavush-province": "AM", "syunik-province": "AM", "meghri-district": "AM", "abkhazia": "GE",
    "south-ossetia": "GE", "avarayr": "IR", "sasun": "TR", "omar-pass": "AZ", "hakari-river": "AZ",
    "tartar-river": "AZ", "mingachevir-reservoir": "AZ", "tbilisi": "GE", "batumi": "GE", "kars": "TR",
    "ardahan": "TR", "sarikamish": "TR", "yerevan-freedom-square": "AM", "baku-azadliq-square": "AZ",
    "stepanakert-renaissance-square": "AZ", "stepanakert-airport": "AZ", "ghazanchetsots": "AZ",
    "kanach-zham": "AZ", "aguletsots-church": "AZ", "gandzasar": "AZ", "dadivank": "AZ", "gtichavank": "AZ",
    "amaras": "AZ", "tigranakert-artsakh": "AZ", "shaumyanovsk": "AZ", "line-of-contact": "AZ",
}
AM_LOCALITIES = {"yerevan", "gyumri", "vanadzor", "aparan", "sardarapat", "kapan", "goris", "meghri-town",
                 "vardenis"}
AZ_NOT_COUNTRY = {"nkao", "nagorno-karabakh-republic", "shahumyan-district", "martakert-district",
                  "martuni-district", "hadrut-district", "askeran-district", "kashatagh-province",
                  "seven-districts"}

ISO = {  # places that are themselves ISO 3166-2 subdivisions
    "armenia": None, "nakhchivan-ar": "AZ-NX", "shusha-district": "AZ-SUS", "khojavend-district": "AZ-XVD",
    "khojaly-district": "AZ-XCI", "aghdam-district": "AZ-AGM", "fuzuli-district": "AZ-FUZ",
    "jabrayil-district": "AZ-CAB", "lachin-district": "AZ-LAC", "kalbajar-district": "AZ-KAL",
    "qubadli-district": "AZ-QBI", "zangilan-district": "AZ-ZAN", "tartar-district": "AZ-TAR",
    "goranboy-district": "AZ-GOR", "yevlakh-district": "AZ-YEV", "tovuz-district": "AZ-TOV",
    "tavush-province": "AM-TV", "syunik-province": "AM-SU", "stepanakert": "AZ-XA", "yevlakh": "AZ-YE",
    "mingachevir": "AZ-MI", "ganja": "AZ-GA", "baku": "AZ-BA", "sumgait": "AZ-SM", "nakhchivan-city": "AZ-NV",
    "yerevan": "AM-ER",
}

ADMIN_KINDS = {"country", "de_facto_state", "autonomous_republic", "former_autonomous_oblast", "province",
               "economic_region", "historical_state", "former_governorate", "former_province", "district",
               "former_district", "municipality", "city", "town", "village", "airport", "square"}


UNCERTAIN_NOTE = "marked uncertain (?) in the seed checklist; not confirmed by the reference data"

def country_of(key: str, kind: str) -> str | None:
    if key in COUNTRY:
        return COUNTRY[key]
    if key in AM_LOCALITIES:
        return "AM"
    if key in AZ_NOT_COUNTRY:
        return None
    if kind in ("district", "city", "town", "village") or key in NK or key in SEVEN:
        return "AZ"
    return None


def own_langs(key: str, kind: str) -> set[str]:
    """Languages in which the name is the place's own (official / endonym)."""
    c = country_of(key, kind)
    if key in NK:
        return {"hy", "az-Latn"}
    if key in ARMENIAN_HIST or key in {"kashatagh-province", "wilsonian-armenia"}:
        return {"hy"}
    if key in AZERBAIJANI_HIST:
        return {"az-Latn"} | ({"hy"} if key == "karabakh" else set())
    if key in RUSSIAN_EMPIRE:
        return {"ru"}
    if key in ("aras-river",):
        return {"hy", "az-Latn"}
    if key in ("kura-river", "caspian-sea", "kura-aras-lowland", "mingachevir-reservoir", "omar-pass"):
        return {"az-Latn"} | ({"ru"} if key == "caspian-sea" else set())
    return {"AM": {"hy"}, "AZ": {"az-Latn"}, "RU": {"ru"}}.get(c or "", set())


def default_users(key: str, kind: str, lang: str) -> str:
    if lang == "en":
        return "international"
    if lang == "hy":
        if key in NK:
            return "armenia;artsakh"
        if key in ARMENIAN_HIST or kind.startswith("historical") or key in (
                "caucasian-albania", "iranian-azerbaijan", "lower-karabakh", "karabakh-khanate"):
            return "armenian-community"
        return "armenia"
    if lang == "az-Latn":
        if kind.startswith("historical") or key in ARMENIAN_HIST:
            return "azerbaijani-community"
        return "azerbaijan"
    if lang == "ru":
        if key in RUSSIAN_EMPIRE:
            return "russian-empire"
        if key in SOVIET_AZ:
            return "ussr;azssr"
        return "russia"
    return ""


def default_type(key: str, kind: str, lang: str, text: str) -> str:
    if lang == "hy-Latn":
        return "variant"
    if re.fullmatch(r"[A-ZԱ-Ֆ][A-ZԱ-ՖА-Яa-z]{1,5}", text) and sum(ch.isupper() for ch in text) >= 2:
        return "abbreviation"
    if lang in own_langs(key, kind):
        return "official" if kind in ADMIN_KINDS else "endonym"
    return "exonym"


# ---------------------------------------------------------------------------------------------
# Overrides of single names: (key, lang, text) -> fields. ``text`` may be replaced with a list of
# rows via "split" (parenthetical glosses). Fields: type, used_by, from, to, certainty, preferred,
# note, drop.
# ---------------------------------------------------------------------------------------------
A, AA = "armenia", "armenia;artsakh"
NAME_OV: dict[tuple[str, str, str], dict] = {
    # countries: long official forms, short forms
    ("armenia", "en", "Armenia"): dict(type="official", used_by="international;armenia"),
    ("armenia", "en", "Republic of Armenia"): dict(type="official", used_by="armenia;international"),
    ("armenia", "en", "Armenia proper"): dict(type="colloquial", note="Armenia as distinct from Nagorno-Karabakh"),
    ("armenia", "en", "Hayastan"): dict(type="variant", used_by="", note="English text quoting the Armenian name"),
    ("armenia", "hy", "Հայաստանի Հանրապետություն"): dict(type="official"),
    ("armenia", "az-Latn", "Ermənistan Respublikası"): dict(type="exonym"),
    ("azerbaijan", "en", "Azerbaijan"): dict(type="official", used_by="international;azerbaijan"),
    ("azerbaijan", "en", "Republic of Azerbaijan"): dict(type="official", used_by="azerbaijan;international"),
    ("azerbaijan", "en", "Azerbaidzhan"): dict(type="variant", note="romanization of the Russian form"),
    ("georgia", "en", "Georgia"): dict(type="official", used_by="international;georgia"),
    ("georgia", "en", "Sakartvelo"): dict(type="variant", used_by="", note="English text quoting the Georgian name"),
    ("iran", "en", "Persia"): dict(type="exonym", note="international name until 1935; still in use"),
    ("iran", "en", "Islamic Republic of Iran"): dict(type="official", used_by="iran;international"),
    ("iran", "hy", "Պարսկաստան"): dict(type="exonym", note="traditional Armenian name"),
    ("iran", "ru", "Персия"): dict(type="exonym", note="traditional Russian name"),
    ("turkey", "en", "Türkiye"): dict(type="official", used_by="turkey;international", from_=2022,
                                      note="official English form requested by Turkey in 2022"),
    ("turkey", "en", "Republic of Turkey"): dict(type="official"),
    ("russia", "ru", "Российская Федерация"): dict(type="official"),
    ("russia", "en", "Russian Federation"): dict(type="official", used_by="russia;international"),
    # Nagorno-Karabakh: region
    ("nagorno-karabakh", "en", "Artsakh"): dict(type="exonym", used_by="armenia;artsakh",
                                                note="Armenian-derived English form"),
    ("nagorno-karabakh", "en", "Karabakh"): dict(type="colloquial", note="also the wider region (karabakh)"),
    ("nagorno-karabakh", "en", "NK"): dict(type="abbreviation"),
    ("nagorno-karabakh", "en", "Upper Karabakh"): dict(type="exonym", used_by="azerbaijan;international",
                                                       note="calque of Azerbaijani Yuxarı Qarabağ"),
    ("nagorno-karabakh", "en", "Mountainous Karabakh"): dict(type="variant"),
    ("nagorno-karabakh", "en", "Mountainous Karabagh"): dict(type="variant"),
    ("nagorno-karabakh", "hy", "Լեռնային Ղարաբաղ"): dict(type="endonym"),
    ("nagorno-karabakh", "hy", "Արցախ"): dict(type="endonym", note="Armenian name, from the ancient province"),
    ("nagorno-karabakh", "az-Latn", "Dağlıq Qarabağ"): dict(type="endonym"),
    ("nagorno-karabakh", "az-Latn", "Yuxarı Qarabağ"): dict(type="endonym", note="Azerbaijani usage; 'Upper Karabakh'"),
    ("nagorno-karabakh", "ru", "Арцах"): dict(type="exonym", used_by="", note="Russian form of the Armenian name"),
    ("artsakh-historical", "en", "Orchistene"): dict(type="exonym", used_by="scholarly",
                                                     note="Greek name in Strabo (as given in the English column)"),
    # NKR: official names by period
    ("nagorno-karabakh-republic", "en", "Nagorno-Karabakh Republic"): dict(
        type="official", used_by="artsakh;international", preferred=1),
    ("nagorno-karabakh-republic", "en", "NKR"): dict(type="abbreviation", used_by="artsakh;international"),
    ("nagorno-karabakh-republic", "en", "Republic of Artsakh"): dict(type="official", used_by="artsakh"),
    ("nagorno-karabakh-republic", "en", "Artsakh Republic"): dict(type="variant", used_by="artsakh"),
    ("nagorno-karabakh-republic", "en", "Artsakh"): dict(type="colloquial", used_by="artsakh;armenia"),
    ("nagorno-karabakh-republic", "hy", "Արցախի Հանրապետություն"): dict(type="official", used_by="artsakh;armenia",
                                                                        from_=2017, to=2023),
    ("nagorno-karabakh-republic", "hy", "Լեռնային Ղարաբաղի Հանրապետություն"): dict(
        type="official", used_by="artsakh;armenia", from_=1991, to=2023,
        note="official name 1991-2017; alternative official name after the 2017 constitution"),
    ("nagorno-karabakh-republic", "hy", "ԼՂՀ"): dict(type="abbreviation", used_by="artsakh;armenia"),
    ("nagorno-karabakh-republic", "az-Latn", "Dağlıq Qarabağ Respublikası"): dict(
        type="exonym", used_by="", note="Azerbaijani rendering of the NKR's name; Azerbaijan never recognised it"),
    ("nagorno-karabakh-republic", "ru", "Нагорно-Карабахская Республика"): dict(type="exonym", used_by="russia"),
    ("nagorno-karabakh-republic", "ru", "НКР"): dict(type="abbreviation", used_by="russia"),
    ("nagorno-karabakh-republic", "ru", "Республика Арцах"): dict(type="exonym", used_by="russia"),
    # NKAO: Soviet official names in the three languages
    ("nkao", "en", "NKAO"): dict(type="abbreviation"),
    ("nkao", "en", "AONK"): dict(type="abbreviation", from_=1923, to=1937, note="Autonomous Oblast of Nagorno-Karabakh"),
    ("nkao", "en", "Autonomous Oblast of Nagorno-Karabakh"): dict(type="historical", from_=1923, to=1937),
    ("nkao", "hy", "Լեռնային Ղարաբաղի ինքնավար մարզ"): dict(type="official", used_by="nkao;armssr", from_=1923, to=1991),
    ("nkao", "hy", "ԼՂԻՄ"): dict(type="abbreviation", used_by="nkao;armssr"),
    ("nkao", "az-Latn", "Dağlıq Qarabağ Muxtar Vilayəti"): dict(
        type="official", used_by="azssr", from_=1923, to=1991,
        note="written in Azerbaijani Latin 1923-1939 and Cyrillic 1939-1991; modern Latin spelling"),
    ("nkao", "az-Latn", "DQMV"): dict(type="abbreviation", used_by="azssr;azerbaijan"),
    ("nkao", "ru", "Нагорно-Карабахская автономная область"): dict(type="official", used_by="ussr;azssr;nkao",
                                                                   from_=1937, to=1991),
    ("nkao", "ru", "НКАО"): dict(type="abbreviation", used_by="ussr;azssr;nkao;russia"),
    # Karabakh
    ("karabakh", "en", "Karabakh region"): dict(type="variant"),
    ("kashatagh-province", "hy", "Քաշաթաղ"): dict(type="official", used_by="artsakh", from_=1993, to=2020),
    ("kashatagh-province", "hy", "Քաշաթաղի շրջան"): dict(type="official", used_by="artsakh", from_=1993, to=2020),
    ("kashatagh-province", "ru", "Кашатагский район"): dict(type="exonym", used_by=""),
    # seven districts: each community's term
    ("seven-districts", "en", "seven districts"): dict(type="exonym", used_by="international", preferred=1),
    ("seven-districts", "en", "surrounding territories"): dict(type="variant", used_by="international"),
    ("seven-districts", "en", "seven surrounding regions"): dict(type="variant", used_by="international"),
    ("seven-districts", "en", "adjacent districts"): dict(type="variant", used_by="international"),
    ("seven-districts", "en", "occupied territories"): dict(type="colloquial", used_by="azerbaijan", from_=1993, to=2020,
                                                            note="Azerbaijani and UN usage for the Armenian-held districts"),
    ("seven-districts", "en", "liberated territories"): dict(type="colloquial", used_by="armenia;artsakh", from_=1993, to=2020,
                                                             note="Armenian usage"),
    ("seven-districts", "en", "security zone"): dict(type="colloquial", used_by="armenia;artsakh", from_=1993, to=2020,
                                                     note="Armenian usage"),
    ("seven-districts", "az-Latn", "işğal olunmuş ərazilər"): dict(type="colloquial", used_by="azerbaijan",
                                                                  from_=1993, to=2020, note="'occupied territories'"),
    ("seven-districts", "az-Latn", "ətraf rayonlar"): dict(type="colloquial", used_by="azerbaijan", note="'surrounding districts'"),
    ("seven-districts", "ru", "семь районов"): dict(type="exonym", used_by="russia"),
    ("seven-districts", "ru", "прилегающие районы"): dict(type="variant", used_by="russia"),
    ("line-of-contact", "en", "LoC"): dict(type="abbreviation"),
    ("line-of-contact", "en", "line of contact"): dict(type="variant"),
    ("line-of-contact", "hy", "շփման գիծ"): dict(type="exonym", used_by="armenia;artsakh"),
    ("line-of-contact", "az-Latn", "təmas xətti"): dict(type="exonym", used_by="azerbaijan"),
    # Russian Empire units
    ("elizavetpol-governorate", "az-Latn", "Gəncə quberniyası"): dict(type="exonym", used_by="azerbaijan",
                                                                     note="Azerbaijani usage after the city's name"),
    ("shemakha-governorate", "en", "Baku Governorate"): dict(type="historical", from_=1859, to=1918),
    ("shemakha-governorate", "en", "Baku guberniia"): dict(type="historical", from_=1859, to=1918),
    ("shemakha-governorate", "az-Latn", "Bakı quberniyası"): dict(type="historical", from_=1859, to=1918),
    ("shemakha-governorate", "ru", "Бакинская губерния"): dict(type="official", from_=1859, to=1918),
    ("shemakha-governorate", "ru", "Шемахинская губерния"): dict(type="official", from_=1846, to=1859),
    ("erivan-governorate", "en", "Yerevan Governorate"): dict(type="variant"),
    ("nakhchivan-ar", "en", "Nakhchivan Autonomous Republic"): dict(type="official", used_by="azerbaijan;international"),
    ("nakhchivan-ar", "en", "Nakhichevan ASSR"): dict(type="historical", used_by="ussr;azssr", from_=1924, to=1990),
    ("nakhchivan-ar", "hy", "Նախիջեվան"): dict(type="variant", note="reformed spelling without the ligature"),
    ("nakhchivan-ar", "hy", "Նախիջևանի Ինքնավար Հանրապետություն"): dict(type="exonym"),
    ("nakhchivan-ar", "az-Latn", "Naxçıvan"): dict(type="official", preferred=0),
    # Soviet / NKR district names
    ("shahumyan-district", "hy", "Շահումյանի շրջան"): dict(type="official", used_by="armssr;nkao;artsakh",
                                                        note="NKAO-area Armenian usage; NKR province name 1991-2023"),
    ("shahumyan-district", "az-Latn", "Şaumyan rayonu"): dict(type="official", used_by="azssr", to=1991),
    ("martakert-district", "en", "Aghdara District"): dict(type="historical", used_by="azerbaijan", from_=1991, to=1992),
    ("martakert-district", "en", "Martakert Province"): dict(type="historical", used_by="artsakh", from_=1991, to=2023),
    ("martakert-district", "en", "Mardakert"): dict(type="variant", note="Russian-based spelling"),
    ("martakert-district", "az-Latn", "Ağdərə rayonu"): dict(type="historical", used_by="azerbaijan", from_=1991, to=1992,
                                                            note="Azerbaijani successor of the raion, abolished 1992"),
    ("martuni-district", "en", "Martuni Province"): dict(type="historical", used_by="artsakh", from_=1991, to=2023),
    ("martuni-district", "az-Latn", "Martuni rayonu"): dict(type="official", used_by="azssr", to=1991),
    ("hadrut-district", "en", "Hadrut Province"): dict(type="historical", used_by="artsakh", from_=1991, to=2020),
    ("hadrut-district", "az-Latn", "Hadrut rayonu"): dict(type="official", used_by="azssr", to=1991),
    ("askeran-district", "en", "Askeran Province"): dict(type="historical", used_by="artsakh", from_=1991, to=2023),
    ("askeran-district", "az-Latn", "Əsgəran rayonu"): dict(type="official", used_by="azssr", to=1991),
    ("shusha-district", "en", "Shushi District"): dict(type="exonym", used_by="armenia;artsakh",
                                                       note="Armenian-derived English form"),
    ("shusha-district", "en", "Shushi Province"): dict(type="historical", used_by="artsakh", from_=1992, to=2020),
    ("shusha-district", "en", "Susa District"): dict(type="variant", note="Azerbaijani spelling without diacritics"),
    ("shusha-district", "en", "Shusha"): dict(type="colloquial", note="short form; also the town"),
    ("shusha-district", "hy", "Շուշիի շրջան"): dict(type="official", used_by="armenia;artsakh"),
    ("khojavend-district", "en", "Xocavand"): dict(type="variant"),
    ("khojavend-district", "en", "Khojavend"): dict(type="colloquial", note="short form; also the town"),
    ("khojaly-district", "en", "Xocali"): dict(type="variant"),
    ("khojaly-district", "en", "Khojaly"): dict(type="colloquial", note="short form; also the town"),
    ("aghdam-district", "en", "Aghdam"): dict(type="colloquial", note="short form; also the town"),
    ("aghdam-district", "en", "Agdam"): dict(type="colloquial", note="short form; also the town"),
    ("fuzuli-district", "en", "Fuzuli"): dict(type="colloquial", note="short form; also the town"),
    ("fuzuli-district", "en", "Fizuli"): dict(type="colloquial", note="short form; also the town"),
    ("jabrayil-district", "en", "Jebrayil"): dict(type="colloquial", note="short form; also the town"),
    ("jabrayil-district", "en", "Jabrayil"): dict(type="colloquial", note="short form; also the town"),
    ("jabrayil-district", "en", "Cabrayil"): dict(type="colloquial", note="short form; also the town"),
    ("lachin-district", "en", "Lachin"): dict(type="colloquial", note="short form; also the town and the corridor"),
    ("lachin-district", "hy", "Քաշաթաղ"): dict(type="exonym", used_by="armenia;artsakh",
                                               note="name of the wider NKR province (kashatagh-province) used for the district"),
    ("kalbajar-district", "en", "Kalbajar"): dict(type="colloquial", note="short form; also the town"),
    ("kalbajar-district", "en", "Kelbajar"): dict(type="colloquial", note="short form; also the town"),
    ("qubadli-district", "en", "Qubadli"): dict(type="colloquial", note="short form; also the town"),
    ("qubadli-district", "en", "Kubatly"): dict(type="colloquial", note="short form; also the town"),
    ("qubadli-district", "ru", "Губадлинский район"): dict(type="exonym", used_by="azerbaijan",
                                                         note="Russian form after the Azerbaijani name; WOF's Russian name"),
    ("qubadli-district", "ru", "Кубатлинский район"): dict(type="exonym", used_by="ussr;russia", preferred=1),
    ("zangilan-district", "en", "Zangilan"): dict(type="colloquial", note="short form; also the town"),
    ("zangilan-district", "en", "Zangelan"): dict(type="colloquial", note="short form; also the town"),
    ("zangilan-district", "ru", "Зангиланский район"): dict(type="variant", note="form after the Azerbaijani name"),
    ("tartar-district", "en", "Tartar"): dict(type="colloquial", note="short form; also the town and the river"),
    ("tartar-district", "en", "Terter"): dict(type="colloquial", note="short form; also the town and the river"),
    ("goranboy-district", "en", "Goranboy"): dict(type="colloquial", note="short form; also the town"),
    ("goranboy-district", "en", "Geranboi"): dict(type="variant"),
    ("tovuz-district", "en", "Tovuz"): dict(type="colloquial", note="short form; also the town"),
    ("tovuz-district", "en", "Tauz District"): dict(type="variant", note="Soviet-era Russian-based spelling"),
    ("tovuz-district", "ru", "Таузский район"): dict(type="historical", used_by="ussr", note="Soviet spelling"),
    ("tavush-province", "hy", "Տավուշ"): dict(type="official"),
    ("tavush-province", "az-Latn", "Tavuş"): dict(type="exonym"),
    ("tavush-province", "ru", "Тавуш"): dict(type="exonym"),
    ("tavush-province", "en", "Tavush"): dict(type="exonym"),
    ("syunik-province", "az-Latn", "Zəngəzur"): dict(type="exonym", used_by="azerbaijan",
                                                    note="Azerbaijani usage for the area (also the historical region)"),
    ("meghri-district", "hy", "Մեղրիի շրջան"): dict(type="official", used_by="armssr;armenia", to=1995),
    ("meghri-district", "ru", "Мегринский район"): dict(type="official", used_by="ussr;armssr", from_=1930, to=1995),
    ("meghri-district", "az-Latn", "Meğri rayonu"): dict(type="exonym"),
    ("syunik-historical", "en", "Phaunitis"): dict(type="exonym", used_by="scholarly", note="Greek name (Strabo)"),
    ("syunik-historical", "en", "Phauene"): dict(type="exonym", used_by="scholarly", note="Greek name (Strabo)"),
    ("syunik-historical", "en", "Sisakan"): dict(type="exonym", used_by="scholarly", note="medieval Armenian name"),
    ("zangezur", "az-Latn", "Zəngəzur"): dict(type="endonym", used_by="azerbaijan;azerbaijani-community"),
    ("utik", "en", "Otene"): dict(type="exonym", used_by="scholarly", note="Greek name (Strabo)"),
    ("utik", "en", "Otēnē"): dict(type="exonym", used_by="scholarly", note="Greek name (Strabo)"),
    ("caspiane", "en", "Paytakaran"): dict(type="exonym", used_by="scholarly", note="Armenian name"),
    ("gugark", "en", "Gogarene"): dict(type="exonym", used_by="scholarly", note="Greek name"),
    ("caucasian-albania", "en", "Albania"): dict(type="exonym", used_by="scholarly", note="ambiguous with the Balkan country"),
    ("caucasian-albania", "en", "Aghvank"): dict(type="exonym", used_by="scholarly", note="Armenian name"),
    ("caucasian-albania", "en", "Arran"): dict(type="exonym", used_by="scholarly", note="medieval Arabic / Persian name"),
    ("caucasian-albania", "az-Latn", "Albaniya"): dict(type="variant"),
    ("caucasian-albania", "hy", "Աղվանք"): dict(type="endonym", note="Armenian name"),
    ("iranian-azerbaijan", "en", "Azerbaijan (historical, northwest Iran)"): dict(
        text="Azerbaijan", type="exonym", note="the region's name before 1918 ('historical, northwest Iran')"),
    ("iranian-azerbaijan", "en", "Atropatene"): dict(type="historical", used_by="scholarly", note="Greek name"),
    ("iranian-azerbaijan", "en", "South Azerbaijan"): dict(type="colloquial", used_by="azerbaijan",
                                                           note="Azerbaijani irredentist usage"),
    ("iranian-azerbaijan", "az-Latn", "Cənubi Azərbaycan"): dict(type="colloquial", used_by="azerbaijan",
                                                                note="'South Azerbaijan'"),
    ("iranian-azerbaijan", "az-Latn", "İran Azərbaycanı"): dict(type="endonym"),
    ("iranian-azerbaijan", "hy", "Ատրպատական"): dict(type="historical", note="classical Armenian name"),
    ("iranian-azerbaijan", "ru", "Атропатена"): dict(type="historical", note="Greek name (Atropatene)"),
    ("greater-armenia", "en", "Mets Hayk"): dict(type="variant", used_by="", note="English text quoting the Armenian name"),
    ("western-armenia", "en", "Turkish Armenia"): dict(type="historical"),
    ("western-armenia", "en", "Ottoman Armenia"): dict(type="historical"),
    ("eastern-armenia", "en", "Russian Armenia"): dict(type="historical", from_=1828, to=1917),
    ("south-caucasus", "en", "Transcaucasia"): dict(type="exonym", note="Russian/Soviet-derived term"),
    ("south-caucasus", "en", "Caucasia"): dict(type="variant", note="also the whole Caucasus"),
    ("south-caucasus", "hy", "Անդրկովկաս"): dict(type="variant", note="'Transcaucasia'"),
    ("south-caucasus", "az-Latn", "Zaqafqaziya"): dict(type="variant", note="'Transcaucasia'"),
    ("south-caucasus", "ru", "Закавказье"): dict(type="exonym", used_by="russia;ussr", note="'Transcaucasia'"),
    ("abkhazia", "en", "Apsny"): dict(type="variant", used_by="", note="English text quoting the Abkhaz endonym"),
    ("south-ossetia", "en", "Tskhinvali Region"): dict(type="exonym", used_by="georgia", note="Georgian official usage"),
    ("kura-river", "en", "Mtkvari"): dict(type="variant", used_by="georgia", note="Georgian name"),
    ("kura-river", "en", "Kur"): dict(type="variant", note="Azerbaijani/Armenian form"),
    ("aras-river", "en", "Araks"): dict(type="variant", note="Russian form"),
    ("aras-river", "en", "Araxes"): dict(type="exonym", used_by="scholarly", note="classical name"),
    ("hakari-river", "en", "Aghavno"): dict(type="exonym", used_by="armenia;artsakh", note="Armenian name"),
    ("hakari-river", "en", "Akera"): dict(type="variant", note="Russian form"),
    ("hakari-river", "hy", "Աղավնո"): dict(type="endonym"),
    ("tartar-river", "en", "Trtu"): dict(type="exonym", used_by="armenia;artsakh", note="Armenian name"),
    ("tartar-river", "en", "Tartarchay"): dict(type="variant"),
    ("tartar-river", "az-Latn", "Tərtərçay"): dict(type="variant", note="'Tərtər river'"),
    ("tartar-river", "hy", "Տրտու"): dict(type="endonym", note="traditional Armenian name"),
    ("tartar-river", "hy", "Թարթառ"): dict(type="exonym", note="Armenian form of the Azerbaijani name"),
    ("omar-pass", "en", "Murovdag pass"): dict(type="variant"),
    ("lachin-corridor", "en", "Berdzor corridor"): dict(type="exonym", used_by="armenia;artsakh",
                                                        note="Armenian-derived English form"),
    ("lachin-corridor", "en", "Lachin highway"): dict(type="variant"),
    ("lachin-corridor", "hy", "Բերձորի միջանցք"): dict(type="endonym"),
    ("lachin-corridor", "hy", "Լաչինի միջանցք"): dict(type="exonym"),
    ("death-valley-lachin", "en", "Death Valley"): dict(type="colloquial", used_by="armenia", from_=2020, to=2020,
                                                         note="nickname given by the Armenian MoD spokeswoman in 2020"),
    # Stepanakert / Xankəndi
    ("stepanakert", "en", "Stepanakert"): dict(type="exonym", used_by="international;armenia;artsakh",
                                              note="Armenian-derived English form; the city's name 1923-1991"),
    ("stepanakert", "en", "Khankendi"): dict(type="exonym", used_by="azerbaijan;international",
                                            note="Azerbaijani-derived English form"),
    ("stepanakert", "en", "Xankandi"): dict(type="variant", used_by="azerbaijan", note="Azerbaijani spelling without diacritics"),
    ("stepanakert", "en", "Khankend"): dict(type="variant"),
    ("stepanakert", "en", "Khankendy"): dict(type="variant"),
    ("stepanakert", "hy", "Ստեփանակերտ"): dict(type="official", used_by="armenia;artsakh"),
    ("stepanakert", "hy", "Խանքենդի"): dict(type="exonym", used_by="armenia",
                                          note="Armenian form of the Azerbaijani name (pre-1923 and since 1991)"),
    ("stepanakert", "az-Latn", "Xankəndi"): dict(type="official", used_by="azerbaijan", from_=1991),
    ("stepanakert", "ru", "Степанакерт"): dict(type="exonym", used_by="russia"),
    ("stepanakert", "ru", "Ханкенди"): dict(type="exonym", used_by="russia;azerbaijan",
                                          note="Russian form of the Azerbaijani name; ISO 3166-2 Russian name"),
    # Shusha / Shushi
    ("shusha-town", "en", "Shusha"): dict(type="exonym", used_by="international;azerbaijan", note="Azerbaijani-derived English form"),
    ("shusha-town", "en", "Shushi"): dict(type="exonym", used_by="international;armenia;artsakh", note="Armenian-derived English form"),
    ("shusha-town", "en", "Susa"): dict(type="variant", note="Azerbaijani spelling without diacritics"),
    ("shusha-town", "en", "Shoushi"): dict(type="variant"),
    ("shusha-town", "hy", "Շուշի"): dict(type="official", used_by="armenia;artsakh"),
    ("shusha-town", "hy", "Շուշե"): dict(type="variant", note="older Armenian form"),
    ("shusha-town", "az-Latn", "Şuşa"): dict(type="official", used_by="azerbaijan"),
    ("shusha-town", "ru", "Шуша"): dict(type="exonym", used_by="russia;ussr"),
    ("hadrut-town", "en", "Gadrut"): dict(type="variant", note="Russian-based spelling"),
    ("martakert-town", "en", "Martakert"): dict(type="exonym", used_by="international;armenia;artsakh",
                                                note="Armenian-derived English form"),
    ("martakert-town", "en", "Mardakert"): dict(type="variant", used_by="", note="Soviet Russian-based spelling"),
    ("martakert-town", "en", "Aghdara"): dict(type="exonym", used_by="azerbaijan;international",
                                              note="Azerbaijani-derived English form"),
    ("martakert-town", "en", "Agdara"): dict(type="variant"),
    ("martakert-town", "en", "Agdere"): dict(type="variant"),
    ("martakert-town", "az-Latn", "Ağdərə"): dict(type="official", used_by="azerbaijan", from_=1991),
    ("martakert-town", "ru", "Мардакерт"): dict(type="exonym", used_by="russia;ussr"),
    ("martakert-town", "ru", "Агдере"): dict(type="exonym", used_by="russia;azerbaijan"),
    ("martuni-town", "en", "Martuni"): dict(type="exonym", used_by="international;armenia;artsakh",
                                            note="Armenian-derived English form"),
    ("martuni-town", "en", "Khojavend"): dict(type="exonym", used_by="azerbaijan;international",
                                              note="Azerbaijani-derived English form"),
    ("martuni-town", "en", "Xocavand"): dict(type="variant"),
    ("martuni-town", "en", "Novyy Karanlug"): dict(type="historical", used_by="russian-empire", note="earlier name"),
    ("martuni-town", "az-Latn", "Xocavənd"): dict(type="official", used_by="azerbaijan", from_=1991),
    ("martuni-town", "ru", "Мартуни"): dict(type="exonym", used_by="russia;ussr"),
    ("martuni-town", "ru", "Ходжавенд"): dict(type="exonym", used_by="russia;azerbaijan"),
    ("askeran-town", "hy", "Բերդայգի"): dict(type="variant", note="alternative Armenian name"),
    ("askeran-town", "en", "Asgaran"): dict(type="variant", note="Azerbaijani-derived spelling"),
    ("khojaly-town", "en", "Khojaly"): dict(type="exonym", used_by="international;azerbaijan"),
    ("khojaly-town", "en", "Khojalu"): dict(type="variant", used_by="armenia", note="Armenian-derived spelling"),
    ("khojaly-town", "en", "Xocali"): dict(type="variant"),
    ("khojaly-town", "hy", "Խոջալը"): dict(type="exonym", used_by="armenia"),
    ("khojaly-town", "hy", "Իվանյան"): dict(type="official", used_by="artsakh", from_=2000, to=2023, certainty="probable"),
    ("khojaly-town", "hy-Latn", "Ivanyan"): dict(from_=2000, to=2023, certainty="probable", used_by="artsakh"),
    ("aghdam-town", "hy", "Աղդամ"): dict(type="exonym", used_by="armenia;artsakh"),
    ("aghdam-town", "hy", "Ակնա"): dict(type="official", used_by="artsakh", from_=1993, to=2020),
    ("aghdam-town", "hy", "Ակն"): dict(type="variant", used_by="artsakh"),
    ("fuzuli-town", "en", "Karyagino"): dict(type="historical", to=1959, used_by=""),
    ("fuzuli-town", "en", "Varanda"): dict(type="historical", used_by="artsakh", from_=1993, to=2020, note="NKR name"),
    ("fuzuli-town", "hy", "Ֆիզուլի"): dict(type="exonym", used_by="armenia"),
    ("fuzuli-town", "hy", "Վարանդա"): dict(type="official", used_by="artsakh", from_=1993, to=2020),
    ("jabrayil-town", "hy", "Ջաբրայիլ"): dict(type="exonym", used_by="armenia"),
    ("jabrayil-town", "hy", "Ջաբրաիլ"): dict(type="variant", used_by="armenia"),
    ("jabrayil-town", "hy", "Ջրական"): dict(type="official", used_by="artsakh", from_=1993, to=2020),
    ("jabrayil-town", "hy", "Մեխակավան"): dict(type="official", used_by="artsakh", certainty="probable",
                                              note="NKR name; period not given in the checklist"),
    ("lachin-town", "en", "Lachin"): dict(type="exonym", used_by="international;azerbaijan"),
    ("lachin-town", "en", "Berdzor"): dict(type="exonym", used_by="armenia;artsakh", note="Armenian-derived English form"),
    ("lachin-town", "hy", "Բերձոր"): dict(type="official", used_by="artsakh;armenia", from_=1992, to=2022),
    ("lachin-town", "hy", "Լաչին"): dict(type="exonym", used_by="armenia"),
    ("lachin-town", "ru", "Бердзор"): dict(type="exonym", used_by="", note="Russian form of the NKR name"),
    ("kalbajar-town", "en", "Kalbajar"): dict(type="exonym", used_by="international;azerbaijan",
                                              note="Azerbaijani-derived English form"),
    ("kalbajar-town", "en", "Karvachar"): dict(type="exonym", used_by="armenia;artsakh", note="Armenian-derived English form"),
    ("kalbajar-town", "en", "Kerbakhiar"): dict(type="variant", note="GeoNames/WOF romanization"),
    ("kalbajar-town", "hy", "Քարվաճառ"): dict(type="endonym", used_by="armenia;artsakh",
                                            note="traditional Armenian name; NKR official 1993-2020"),
    ("kalbajar-town", "hy", "Քելբաջար"): dict(type="exonym", used_by="armenia"),
    ("qubadli-town", "hy", "Քաշունիք"): dict(type="official", used_by="artsakh", from_=1993, to=2020),
    ("qubadli-town", "hy", "Ղուբաթլը"): dict(type="exonym", used_by="armenia"),
    ("qubadli-town", "hy", "Սանասար"): dict(type="variant", used_by="armenian-community", note="Armenian name"),
    ("zangilan-town", "en", "Kovsakan"): dict(type="exonym", used_by="armenia;artsakh", note="NKR name"),
    ("zangilan-town", "hy", "Կովսական"): dict(type="official", used_by="artsakh", from_=1993, to=2020),
    ("zangilan-town", "ru", "Зангиланский"): dict(drop=True),
    ("tartar-town", "en", "Mir Bashir"): dict(type="historical", from_=1949, to=1991, used_by=""),
    ("tartar-town", "en", "Mirbashir"): dict(type="historical", from_=1949, to=1991, used_by=""),
    ("tartar-town", "hy", "Տերտեր"): dict(type="variant", note="Armenian form after the Russian"),
    ("tartar-town", "hy", "Միր Բաշիր"): dict(type="historical", from_=1949, to=1991, used_by="armssr"),
    ("tartar-town", "az-Latn", "Mirbəşir"): dict(type="historical", from_=1949, to=1991, used_by="azssr"),
    ("tartar-town", "ru", "Мир-Башир"): dict(type="historical", from_=1949, to=1991, used_by="ussr;azssr"),
    ("horadiz", "hy", "Խոռատունիք"): dict(type="variant", used_by="armenian-community", note="Armenian name"),
    ("horadiz", "en", "Goradiz"): dict(type="variant", note="Russian-based spelling (UNSC Resolution 884)"),
    ("minjivan", "hy", "Միջնավան"): dict(type="official", used_by="artsakh", from_=1993, to=2020),
    ("minjivan", "hy", "Մինջևան"): dict(type="exonym", used_by="armenia"),
    ("beylagan", "en", "Zhdanov"): dict(type="historical", from_=1939, to=1989, used_by=""),
    ("beylagan", "hy", "Փայտակարան"): dict(type="historical", used_by="armenian-community",
                                          note="historical Armenian name of the area (cf. caspiane)"),
    ("beylagan", "ru", "Жданов"): dict(type="historical", from_=1939, to=1989, used_by="ussr;azssr"),
    ("barda", "en", "Partav"): dict(type="historical", used_by="scholarly", note="Armenian name"),
    ("barda", "en", "Bardha'a"): dict(type="historical", used_by="scholarly", note="medieval Arabic name"),
    ("barda", "hy", "Պարտավ"): dict(type="exonym", note="Armenian name (historical and current)"),
    ("mingachevir", "ru", "Мингечаур"): dict(type="exonym", used_by="russia;ussr", note="Soviet and current Russian spelling"),
    ("mingachevir", "ru", "Мингечевир"): dict(type="variant", used_by="azerbaijan", note="form after the Azerbaijani name"),
    ("ganja", "en", "Gandzak"): dict(type="exonym", used_by="armenia", note="Armenian name"),
    ("ganja", "en", "Kirovabad"): dict(type="historical", from_=1935, to=1989, used_by=""),
    ("ganja", "en", "Elizavetpol"): dict(type="historical", from_=1804, to=1918, used_by=""),
    ("ganja", "hy", "Գանձակ"): dict(type="exonym", note="Armenian name"),
    ("sumgait", "en", "Sumqayit"): dict(type="variant", used_by="azerbaijan"),
    ("sumgait", "ru", "Сумгайыт"): dict(type="variant", note="form after the Azerbaijani name"),
    ("nakhchivan-city", "ru", "Нахчыван"): dict(type="variant", note="form after the Azerbaijani name"),
    ("goranboy-town", "en", "Kasum-Ismailov"): dict(type="historical", from_=1938, to=1991, used_by=""),
    ("goranboy-town", "az-Latn", "Qasım İsmayılov"): dict(type="historical", from_=1938, to=1991, used_by="azssr"),
    ("getashen", "en", "Getashen"): dict(type="exonym", used_by="international;armenia"),
    ("getashen", "en", "Chaykend"): dict(type="exonym", used_by="azerbaijan"),
    ("getashen", "hy", "Գետաշեն"): dict(type="official", used_by="armenia;armssr"),
    ("getashen", "az-Latn", "Çaykənd"): dict(type="official", used_by="azerbaijan", from_=1991),
    ("getashen", "ru", "Геташен"): dict(type="exonym", used_by="ussr;russia"),
    ("getashen", "ru", "Чайкенд"): dict(type="exonym", used_by="russia;azerbaijan"),
    ("martunashen", "en", "Qarabulaq"): dict(type="exonym", used_by="azerbaijan"),
    ("martunashen", "en", "Garabulag"): dict(type="variant"),
    ("martunashen", "az-Latn", "Qarabulaq"): dict(type="official", used_by="azerbaijan", from_=1991),
    ("martunashen", "az-Latn", "Martunaşen"): dict(type="historical", used_by="azssr", to=1991),
    ("karintak", "en", "Dashalty"): dict(type="exonym", used_by="azerbaijan;international"),
    ("karintak", "en", "Karintak"): dict(type="exonym", used_by="armenia;artsakh;international"),
    ("karintak", "en", "Karindag"): dict(type="variant"),
    ("karintak", "ru", "Каринтак"): dict(type="exonym", used_by="ussr;russia"),
    ("maraga", "en", "Leninavan"): dict(type="historical", used_by="ussr", note="Soviet name after merger"),
    ("maraga", "en", "Shykharkh"): dict(type="exonym", used_by="azerbaijan", from_=1992),
    ("maraga", "az-Latn", "Şıxarx"): dict(type="official", used_by="azerbaijan", from_=1992),
    ("maraga", "az-Latn", "Maraga"): dict(type="historical", used_by="azssr", to=1992),
    ("maraga", "ru", "Ленинаван"): dict(type="historical", used_by="ussr;azssr"),
    ("mataghis", "en", "Madagiz"): dict(type="historical", used_by="", to=2020),
    ("mataghis", "en", "Sugovushan"): dict(type="exonym", used_by="azerbaijan", from_=2020),
    ("mataghis", "en", "Mataghis"): dict(type="exonym", used_by="armenia;artsakh;international"),
    ("mataghis", "hy", "Մադաղիս"): dict(type="variant"),
    ("mataghis", "az-Latn", "Madagiz"): dict(type="historical", used_by="azssr;azerbaijan", to=2020),
    ("mataghis", "az-Latn", "Suqovuşan"): dict(type="official", used_by="azerbaijan", from_=2020),
    ("mataghis", "ru", "Мадагиз"): dict(type="exonym", used_by="ussr;russia"),
    ("mataghis", "ru", "Суговушан"): dict(type="exonym", used_by="russia;azerbaijan", from_=2020),
    ("mets-tagher", "en", "Boyuk Taglar"): dict(type="exonym", used_by="azerbaijan"),
    ("mets-tagher", "en", "Mets Tagher"): dict(type="exonym", used_by="armenia;artsakh;international"),
    ("mets-tagher", "hy", "Մեծ Թաղլար"): dict(type="variant"),
    ("mets-tagher", "az-Latn", "Metstağlar"): dict(type="variant", note="Azerbaijani form of the Armenian name"),
    ("aghavno", "en", "Aghavno"): dict(type="exonym", used_by="armenia;artsakh;international"),
    ("aghavno", "en", "Zabukh"): dict(type="exonym", used_by="azerbaijan;international"),
    ("aghavno", "en", "Ariavan"): dict(type="variant"),
    ("aghavno", "hy", "Աղավնո"): dict(type="official", used_by="artsakh;armenia", certainty="probable"),
    ("aghavno", "hy", "Զաբուխ"): dict(type="exonym", used_by="armenia"),
    ("aghavno", "az-Latn", "Zabux"): dict(type="official", used_by="azerbaijan"),
    ("daskesen", "en", "Dashkesan (Jabrayil)"): dict(text="Dashkesan", type="exonym",
                                                    note="'(Jabrayil)' disambiguates it from Daşkəsən town and district"),
    ("daskesen", "az-Latn", "Daşkəsən"): dict(type="variant", note="WOF spelling; also the unrelated town and district"),
    ("yerevan", "en", "Erivan"): dict(type="historical", used_by="", to=1936),
    ("yerevan", "az-Latn", "İrəvan"): dict(type="exonym", used_by="azerbaijan", note="Azerbaijani name"),
    ("gyumri", "en", "Gyumri"): dict(type="exonym"),
    ("gyumri", "en", "Leninakan"): dict(type="historical", from_=1924, to=1990, used_by=""),
    ("gyumri", "en", "Alexandropol"): dict(type="historical", from_=1837, to=1924, used_by=""),
    ("gyumri", "en", "Kumayri"): dict(type="historical", used_by="", note="ancient name; official 1990-1992"),
    ("gyumri", "hy", "Լենինական"): dict(type="historical", from_=1924, to=1990, used_by="armssr"),
    ("gyumri", "hy", "Ալեքսանդրապոլ"): dict(type="historical", from_=1837, to=1924, used_by="russian-empire;first-republic-armenia;armssr"),
    ("gyumri", "hy", "Կումայրի"): dict(type="historical", from_=1990, to=1992, used_by="armenia", note="also the ancient name"),
    ("gyumri", "ru", "Ленинакан"): dict(type="historical", from_=1924, to=1990, used_by="ussr;armssr"),
    ("gyumri", "ru", "Александрополь"): dict(type="historical", from_=1837, to=1924, used_by="russian-empire"),
    ("gyumri", "hy-Latn", "Kumayri"): dict(type="historical", from_=1990, to=1992, used_by="armenia"),
    ("vanadzor", "en", "Kirovakan"): dict(type="historical", from_=1935, to=1993, used_by=""),
    ("vanadzor", "en", "Karakilisa"): dict(type="historical", to=1935, used_by=""),
    ("vanadzor", "en", "Kharakilisa"): dict(type="historical", to=1935, used_by=""),
    ("vanadzor", "en", "Karaklis"): dict(type="historical", to=1935, used_by=""),
    ("vanadzor", "hy", "Կիրովական"): dict(type="historical", from_=1935, to=1993, used_by="armssr;armenia"),
    ("vanadzor", "hy", "Ղարաքլիս"): dict(type="historical", to=1935, used_by="armenian-community"),
    ("vanadzor", "hy", "Մեծ Ղարաքիլիսա"): dict(type="historical", to=1935, used_by="armenian-community"),
    ("vanadzor", "hy-Latn", "Gharak’ilisa"): dict(type="historical", to=1935),
    ("vanadzor", "ru", "Кировакан"): dict(type="historical", from_=1935, to=1993, used_by="ussr;armssr"),
    ("vanadzor", "ru", "Караклис"): dict(type="historical", to=1935, used_by="russian-empire"),
    ("vanadzor", "az-Latn", "Böyük Qarakilsə"): dict(type="exonym", used_by="azerbaijan",
                                                    note="Azerbaijani name after the pre-1935 name"),
    ("aparan", "en", "Bash Aparan"): dict(type="historical", to=1935, used_by=""),
    ("aparan", "hy-Latn", "K’asagh"): dict(type="historical", note="ancient name"),
    ("aparan", "az-Latn", "Abaran"): dict(type="exonym"),
    ("sardarapat", "en", "Sardarabad"): dict(type="variant", note="Persian/Turkic form"),
    ("sardarapat", "en", "Hoktember"): dict(type="historical", used_by="", note="Soviet name"),
    ("sardarapat", "ru", "Октемберян"): dict(type="historical", used_by="ussr;armssr", note="Soviet name"),
    ("kapan", "en", "Kafan"): dict(type="historical", to=1991, used_by=""),
    ("kapan", "en", "Ghapan"): dict(type="variant", note="Armenian dialect form"),
    ("kapan", "hy", "Ղափան"): dict(type="variant", note="dialect / older form"),
    ("kapan", "ru", "Кафан"): dict(type="historical", to=1991, used_by="ussr;armssr"),
    ("goris", "en", "Geryusy"): dict(type="historical", used_by="russian-empire"),
    ("goris", "en", "Gorus"): dict(type="variant", note="Azerbaijani-derived spelling"),
    ("meghri-town", "en", "Megri"): dict(type="variant", note="Russian-based spelling"),
    ("vardenis", "en", "Basargechar"): dict(type="historical", to=1969, used_by=""),
    ("vardenis", "hy", "Բասարգեչար"): dict(type="historical", to=1969, used_by="armssr"),
    ("vardenis", "ru", "Басаргечар"): dict(type="historical", to=1969, used_by="ussr;armssr"),
    ("vardenis", "hy-Latn", "Basargech’ar"): dict(type="historical", to=1969),
    ("vardenis", "az-Latn", "Basarkeçər"): dict(type="exonym", used_by="azerbaijan", note="Azerbaijani name"),
    ("tbilisi", "en", "Tiflis"): dict(type="historical", to=1936, used_by=""),
    ("tbilisi", "en", "Tblisi"): dict(type="variant", note="common misspelling"),
    ("tbilisi", "az-Latn", "Tiflis"): dict(type="variant", used_by="azerbaijani-community", note="traditional name"),
    ("tbilisi", "ru", "Тифлис"): dict(type="historical", to=1936, used_by="russian-empire;ussr"),
    ("batumi", "en", "Batum"): dict(type="historical", to=1936, used_by=""),
    ("batumi", "ru", "Батум"): dict(type="historical", to=1936, used_by="russian-empire;ussr"),
    ("ardahan", "en", "Ardagan"): dict(type="variant", note="Russian-based spelling"),
    ("sarikamish", "en", "Sarikamis"): dict(type="variant", note="Turkish spelling without diacritics"),
    ("ghazanchetsots", "en", "Holy Saviour Cathedral"): dict(type="variant"),
    ("ghazanchetsots", "en", "Cathedral of Christ the Holy Saviour"): dict(type="variant"),
    ("ghazanchetsots", "hy", "Ղազանչեցոց եկեղեցի"): dict(type="endonym"),
    ("ghazanchetsots", "hy", "Սուրբ Ամենափրկիչ մայր տաճար"): dict(type="official", note="dedication name"),
    ("ghazanchetsots", "hy-Latn", "Surb Amenaprkich"): dict(type="variant", note="dedication name"),
    ("kanach-zham", "en", "Church of St John the Baptist (Shusha)"): dict(
        text="Church of St John the Baptist", type="variant", note="'(Shusha)' disambiguates"),
    ("kanach-zham", "hy", "Սուրբ Հովհաննես Մկրտիչ"): dict(type="official", note="dedication name"),
    ("kanach-zham", "en", "Green Church"): dict(type="variant", note="translation of Kanach Zham"),
    ("gandzasar", "en", "St John the Baptist (Surb Hovhannes Mkrtich) of Gandzasar"): dict(
        text="St John the Baptist of Gandzasar", type="variant",
        note="dedication name; the Armenian form Surb Hovhannes Mkrtich is a separate hy-Latn row"),
    ("gandzasar", "hy-Latn", "Surb Hovhannes Mkrtich"): dict(type="variant", note="dedication name"),
    ("gandzasar", "az-Latn", "Gəncəsər monastırı"): dict(type="exonym", used_by="azerbaijan"),
    ("dadivank", "en", "Khutavank"): dict(type="variant"),
    ("dadivank", "en", "Khotovang"): dict(type="variant"),
    ("dadivank", "az-Latn", "Xudavəng"): dict(type="exonym", used_by="azerbaijan"),
    ("dadivank", "az-Latn", "Vəng"): dict(type="variant", used_by="azerbaijan",
                                         note="WOF name: the village name Vəng"),
    ("dadivank", "ru", "Ванк"): dict(type="variant", note="WOF name: the village name"),
    ("amaras", "az-Latn", "Amaras"): dict(type="exonym", used_by="azerbaijan"),
    ("stepanakert-renaissance-square", "en", "Lenin Square (Stepanakert)"): dict(
        text="Lenin Square", type="historical", used_by="", note="Soviet-era name; '(Stepanakert)' disambiguates"),
    ("stepanakert-renaissance-square", "en", "Central Square (Stepanakert)"): dict(
        text="Central Square", type="variant", note="'(Stepanakert)' disambiguates"),
    ("stepanakert-renaissance-square", "ru", "площадь Ленина"): dict(type="historical", used_by="ussr"),
    ("stepanakert-renaissance-square", "hy", "Վերածննդի հրապարակ"): dict(type="official", used_by="artsakh;armenia"),
    ("baku-azadliq-square", "en", "Freedom Square (Baku)"): dict(text="Freedom Square", type="exonym",
                                                                 note="'(Baku)' disambiguates"),
    ("baku-azadliq-square", "en", "Lenin Square (Baku)"): dict(text="Lenin Square", type="historical", to=1991, used_by="",
                                                               note="'(Baku)' disambiguates"),
    ("baku-azadliq-square", "ru", "площадь Ленина"): dict(type="historical", to=1991, used_by="ussr;azssr"),
    ("baku-azadliq-square", "ru", "площадь Свободы"): dict(type="exonym", note="translation"),
    ("yerevan-freedom-square", "en", "Theater Square"): dict(type="historical", to=1991, used_by=""),
    ("yerevan-freedom-square", "en", "Theatre Square"): dict(type="historical", to=1991, used_by=""),
    ("yerevan-freedom-square", "en", "Opera Square"): dict(type="colloquial"),
    ("yerevan-freedom-square", "en", "Liberty Square"): dict(type="variant"),
    ("yerevan-freedom-square", "hy", "Թատերական հրապարակ"): dict(type="historical", to=1991, used_by="armssr"),
    ("yerevan-freedom-square", "hy-Latn", "T’aterakan hraparak"): dict(type="historical", to=1991),
    ("yerevan-freedom-square", "ru", "Театральная площадь"): dict(type="historical", to=1991, used_by="ussr;armssr"),
    ("stepanakert-airport", "en", "Stepanakert Airport"): dict(type="exonym", used_by="international;armenia;artsakh"),
    ("stepanakert-airport", "en", "Khojaly Airport"): dict(type="exonym", used_by="azerbaijan;international"),
    ("stepanakert-airport", "en", "Xocali Airport"): dict(type="variant", used_by="azerbaijan"),
    ("stepanakert-airport", "en", "Khankendi Airport"): dict(type="variant", used_by="azerbaijan"),
    ("stepanakert-airport", "hy", "Ստեփանակերտի օդանավակայան"): dict(type="official", used_by="artsakh;armenia"),
    ("stepanakert-airport", "ru", "аэропорт Степанакерт"): dict(type="exonym", used_by="russia;ussr"),
    ("mingachevir-reservoir", "en", "Mingachevir dam"): dict(type="variant", note="strictly the dam"),
    ("mingachevir-reservoir", "en", "Mingechaur Reservoir"): dict(type="variant", note="Russian-based spelling"),
    ("mingachevir-reservoir", "ru", "Мингечаурское водохранилище"): dict(type="exonym"),
    ("shaumyanovsk", "en", "Ashaghy Aghjakend"): dict(type="exonym", used_by="azerbaijan;international", from_=1992),
    ("shaumyanovsk", "en", "Asagi Agcakend"): dict(type="variant", from_=1992),
    ("shaumyanovsk", "en", "Shaumyanovsk"): dict(type="historical", to=1992, used_by=""),
    ("shaumyanovsk", "en", "Shahumyan"): dict(type="exonym", used_by="armenia;artsakh"),
    ("shaumyanovsk", "en", "Nerkinshen"): dict(type="exonym", used_by="artsakh", note="NKR name"),
    ("shaumyanovsk", "hy", "Շահումյան"): dict(type="official", used_by="armssr;nkao;armenia"),
    ("shaumyanovsk", "hy", "Ներքինշեն"): dict(type="official", used_by="artsakh", note="NKR name"),
    ("shaumyanovsk", "az-Latn", "Aşağı Ağcakənd"): dict(type="official", used_by="azerbaijan", from_=1992),
    ("shaumyanovsk", "ru", "Шаумяновск"): dict(type="historical", to=1992, used_by="ussr;azssr"),
    ("shaumyanovsk", "ru", "Ашагы-Агджакенд"): dict(type="exonym", used_by="russia;azerbaijan"),
    ("zangezur-corridor", "en", "Zangezur Corridor"): dict(type="variant"),
    ("zangezur-corridor", "az-Latn", "Zəngəzur dəhlizi"): dict(type="endonym", used_by="azerbaijan"),
    ("zangezur-corridor", "hy", "Զանգեզուրի միջանցք"): dict(type="exonym"),
}

# Abbreviations the abbreviation regex does not catch or wrongly catches
for _k, _l, _t in (("transcaucasian-federation", "en", "TDFR"),):
    NAME_OV.setdefault((_k, _l, _t), {}).update(type="abbreviation")

# ---------------------------------------------------------------------------------------------
# Historical names: (key, name part of the checklist entry) -> rows
# (text, lang, type, used_by, from, to, certainty, note). [] = not a name of this place.
# ---------------------------------------------------------------------------------------------
H = "historical"
HIST: dict[tuple[str, str], list[tuple]] = {
    ("armenia", "First Republic of Armenia"): [("First Republic of Armenia", "en", H, "first-republic-armenia;international", 1918, 1920, None, "independent state")],
    ("armenia", "Armenian SSR (Armenian Soviet Socialist Republic)"): [
        ("Armenian SSR", "en", H, "ussr;armssr;international", 1920, 1991, None, "Soviet republic"),
        ("Armenian Soviet Socialist Republic", "en", H, "ussr;armssr;international", 1920, 1991, None, "Soviet republic")],
    ("armenia", "Армянская ССР"): [("Армянская ССР", "ru", H, "ussr;armssr", 1920, 1991, None, None)],
    ("armenia", "Soviet Armenia"): [("Soviet Armenia", "en", H, "international", 1920, 1991, None, None)],
    ("azerbaijan", "Azerbaijan Democratic Republic"): [("Azerbaijan Democratic Republic", "en", H, "adr;international", 1918, 1920, None, "independent state")],
    ("azerbaijan", "Azərbaycan Xalq Cümhuriyyəti"): [("Azərbaycan Xalq Cümhuriyyəti", "az-Latn", H, "adr", 1918, 1920, None, "modern Latin spelling (then written in Arabic script)")],
    ("azerbaijan", "Azerbaijan SSR (Azerbaijani SSR, AzSSR)"): [
        ("Azerbaijan SSR", "en", H, "ussr;azssr;international", 1920, 1991, None, "Soviet republic"),
        ("Azerbaijani SSR", "en", H, "ussr;azssr;international", 1920, 1991, None, "Soviet republic"),
        ("AzSSR", "en", "abbreviation", "ussr;azssr;international", 1920, 1991, None, "Azerbaijan SSR")],
    ("azerbaijan", "Азербайджанская ССР"): [("Азербайджанская ССР", "ru", H, "ussr;azssr", 1920, 1991, None, None)],
    ("azerbaijan", "Soviet Azerbaijan"): [("Soviet Azerbaijan", "en", H, "international", 1920, 1991, None, None)],
    ("georgia", "Democratic Republic of Georgia"): [("Democratic Republic of Georgia", "en", H, "international", 1918, 1921, None, None)],
    ("georgia", "Georgian SSR"): [("Georgian SSR", "en", H, "ussr;international", 1921, 1991, None, "Soviet republic")],
    ("georgia", "Грузинская ССР"): [("Грузинская ССР", "ru", H, "ussr", 1921, 1991, None, None)],
    ("georgia", "საქართველო (Sakartvelo)"): [("საქართველო", "ka", "endonym", "georgia", None, None, None, None),
                                             ("Sakartvelo", "ka-Latn", "endonym", "georgia", None, None, None, "romanization")],
    ("iran", "Persia"): [("Persia", "en", H, "international", None, 1935, None, "international exonym until 1935")],
    ("iran", "Persian Empire"): [("Persian Empire", "en", H, "international", None, None, None, "historical English usage")],
    ("iran", "Պարսկաստան (Parskastan)"): [("Պարսկաստան", "hy", "exonym", "armenia", None, None, None, "traditional Armenian name"),
                                          ("Parskastan", "hy-Latn", "variant", "", None, None, None, None)],
    ("turkey", "Türkiye"): [("Türkiye", "en", "official", "turkey;international", 2022, None, None, "official English form since 2022")],
    ("russia", "Soviet Russia (RSFSR)"): [("Soviet Russia", "en", H, "international", 1917, 1991, None, "Soviet republic"),
                                          ("RSFSR", "en", "abbreviation", "ussr;international", 1917, 1991, None, "Russian SFSR")],
    ("russia", "РСФСР"): [("РСФСР", "ru", "abbreviation", "ussr", 1917, 1991, None, None)],
    ("nagorno-karabakh", "Artsakh (Արցախ)"): [("Artsakh", "en", "exonym", "armenia;artsakh", None, None, None, "Armenian name since antiquity"),
                                               ("Արցախ", "hy", "endonym", "armenia;artsakh", None, None, None, "Armenian name since antiquity")],
    ("nagorno-karabakh", "Yuxarı Qarabağ (Upper Karabakh)"): [("Yuxarı Qarabağ", "az-Latn", "endonym", "azerbaijan", None, None, None, "Azerbaijani usage; 'Upper Karabakh'"),
                                                             ("Upper Karabakh", "en", "exonym", "azerbaijan;international", None, None, None, None)],
    ("artsakh-historical", "Urtekhini"): [("Urtekhini", "und-Latn", H, "scholarly", None, None, None, "Urartian (xur) name in an inscription of Sarduri II, 8th c. BC")],
    ("artsakh-historical", "Orchistene"): [],  # marked uncertain (?) in the checklist: left out
    ("artsakh-historical", "Artsakh"): [("Artsakh", "hy-Latn", H, "scholarly", None, None, None, "province of Greater Armenia from c. 2nd c. BC")],
    ("nagorno-karabakh-republic", "Nagorno-Karabakh Republic"): [("Nagorno-Karabakh Republic", "en", "official", "artsakh;international", 1991, 2017, None, "official name")],
    ("nagorno-karabakh-republic", "Republic of Artsakh"): [("Republic of Artsakh", "en", "official", "artsakh", 2017, 2023, None, "official name after the 2017 constitution")],
    ("nkao", "Autonomous Oblast of Nagorno-Karabakh (AONK)"): [("Autonomous Oblast of Nagorno-Karabakh", "en", H, "", 1923, 1937, None, None),
                                                              ("AONK", "en", "abbreviation", "", 1923, 1937, None, None)],
    ("nkao", "Нагорно-Карабахская автономная область"): [("Нагорно-Карабахская автономная область", "ru", "official", "ussr;azssr;nkao", 1937, 1991, None, None)],
    ("nkao", "Artsakh Armenians Autonomous Region"): [("Artsakh Armenians Autonomous Region", "en", H, "nkao", 1988, 1988, None, "renaming proposed by the regional soviet in 1988; never adopted")],
    ("karabakh", "Qarabağ"): [("Qarabağ", "az-Latn", "endonym", "azerbaijan;azerbaijani-community", None, None, None, "'black garden'; in use since the 13th c. (Turkic/Persian)")],
    ("karabakh", "Qarabağ iqtisadi rayonu"): [("Qarabağ iqtisadi rayonu", "az-Latn", "official", "azerbaijan", 2021, None, None, "Azerbaijani economic region (2021-); a different, smaller unit")],
    ("lower-karabakh", "Arran"): [],  # marked uncertain (?) in the checklist: left out
    ("karabakh-khanate", "Karabakh Province"): [("Karabakh Province", "en", H, "russian-empire", 1822, 1840, None, "Russian successor unit of the khanate")],
    ("khachen", "Khachen"): [("Khachen", "hy-Latn", H, "scholarly", None, None, None, "Armenian principality, 9th-16th c.")],
    ("khachen", "Khachen melikdom"): [("Khachen melikdom", "en", H, "scholarly", None, None, None, "16th-18th c.")],
    ("varanda", "Varanda"): [("Varanda", "hy-Latn", H, "scholarly", None, None, None, "17th-18th c.; one of the five melikdoms (Khamsa) of Karabakh")],
    ("kashatagh-province", "Kashatagh"): [("Kashatagh", "hy-Latn", "official", "artsakh", 1993, 2020, None, "NKR province")],
    ("seven-districts", "'occupied territories'"): [("occupied territories", "en", "colloquial", "azerbaijan", 1993, 2020, None, "Azerbaijani and UN usage for the Armenian-held districts")],
    ("seven-districts", "'security zone' / 'liberated territories'"): [
        ("security zone", "en", "colloquial", "armenia;artsakh", 1993, 2020, None, "Armenian usage"),
        ("liberated territories", "en", "colloquial", "armenia;artsakh", 1993, 2020, None, "Armenian usage")],
    ("elizavetpol-governorate", "Елизаветпольская губерния"): [("Елизаветпольская губерния", "ru", "official", "russian-empire", 1868, 1918, None, None)],
    ("elizavetpol-governorate", "Ganja Governorate"): [("Ganja Governorate", "en", H, "adr", 1918, 1920, None, "under the Azerbaijan Democratic Republic")],
    ("georgia-imeretia-governorate", "Грузино-Имеретинская губерния"): [("Грузино-Имеретинская губерния", "ru", "official", "russian-empire", 1840, 1846, None, None)],
    ("caspian-oblast", "Каспийская область"): [("Каспийская область", "ru", "official", "russian-empire", 1840, 1846, None, None)],
    ("shemakha-governorate", "Шемахинская губерния"): [("Шемахинская губерния", "ru", "official", "russian-empire", 1846, 1859, None, None)],
    ("shemakha-governorate", "Бакинская губерния"): [("Бакинская губерния", "ru", "official", "russian-empire", 1859, 1918, None, "renamed when the seat moved to Baku")],
    ("erivan-governorate", "Armenian Oblast"): [("Armenian Oblast", "en", H, "russian-empire", 1828, 1840, None, "predecessor unit")],
    ("erivan-governorate", "Эриванская губерния"): [("Эриванская губерния", "ru", "official", "russian-empire", 1849, 1917, None, None)],
    ("kars-oblast", "Карсская область"): [("Карсская область", "ru", "official", "russian-empire", 1878, 1918, None, None)],
    ("nakhchivan-ar", "Nakhichevan Khanate"): [("Nakhichevan Khanate", "en", H, "scholarly", 1747, 1828, "probable", "the khanate, predecessor of the region")],
    ("nakhchivan-ar", "Nakhichevan ASSR"): [("Nakhichevan ASSR", "en", H, "ussr;azssr;international", 1924, 1990, None, "Soviet autonomous republic")],
    ("nakhchivan-ar", "Нахичеванская АССР"): [("Нахичеванская АССР", "ru", "official", "ussr;azssr", 1924, 1990, None, None)],
    ("shahumyan-district", "Шаумяновский район"): [("Шаумяновский район", "ru", "official", "ussr;azssr", 1930, 1991, None, "Azerbaijan SSR")],
    ("shahumyan-district", "Shahumyan Province"): [("Shahumyan Province", "en", H, "artsakh", 1991, None, None, "claimed by the NKR from 1991")],
    ("martakert-district", "Мардакертский район"): [("Мардакертский район", "ru", "official", "ussr;azssr", 1930, 1991, "probable", "Soviet NKAO raion")],
    ("martakert-district", "Ağdərə rayonu"): [("Ağdərə rayonu", "az-Latn", H, "azerbaijan", 1991, 1992, None, "split among Tərtər, Kəlbəcər and Ağdam in 1992")],
    ("martakert-district", "Martakert Province"): [("Martakert Province", "en", H, "artsakh", 1991, 2023, None, "NKR province")],
    ("martuni-district", "Мартунинский район"): [("Мартунинский район", "ru", "official", "ussr;azssr", 1930, 1991, "probable", "Soviet NKAO raion")],
    ("martuni-district", "Martuni Province"): [("Martuni Province", "en", H, "artsakh", 1991, 2023, None, "NKR province")],
    ("hadrut-district", "Гадрутский район"): [("Гадрутский район", "ru", "official", "ussr;azssr", 1930, 1991, "probable", "Soviet NKAO raion")],
    ("hadrut-district", "Hadrut Province"): [("Hadrut Province", "en", H, "artsakh", 1991, 2020, None, "NKR province")],
    ("askeran-district", "Аскеранский район"): [("Аскеранский район", "ru", "official", "ussr;azssr", 1978, 1991, "probable", "Soviet NKAO raion (Stepanakert raion until 1978)")],
    ("askeran-district", "Askeran Province"): [("Askeran Province", "en", H, "artsakh", 1991, 2023, None, "NKR province")],
    ("shusha-district", "Шушинский район"): [("Шушинский район", "ru", "official", "ussr;azssr;russia", None, None, None, "Soviet NKAO raion and current Azerbaijani district (ISO 3166-2 Russian name)")],
    ("shusha-district", "Shushi Province"): [("Shushi Province", "en", H, "artsakh", 1992, 2020, None, "NKR province")],
    ("khojavend-district", "Xocavənd rayonu"): [("Xocavənd rayonu", "az-Latn", "official", "azerbaijan", 1991, None, None, "formed from the NKAO Martuni and Hadrut raions")],
    ("khojaly-district", "Xocalı rayonu"): [("Xocalı rayonu", "az-Latn", "official", "azerbaijan", 1991, None, None, "formed from the NKAO Askeran raion")],
    ("aghdam-district", "Askeran/Martakert provinces"): [],  # the NKR units that held the west of the district, not its name
    ("fuzuli-district", "Карягинский район (Karyagino District)"): [
        ("Карягинский район", "ru", H, "ussr;azssr", None, 1959, None, None),
        ("Karyagino District", "en", H, "", None, 1959, None, None)],
    ("jabrayil-district", "Jebrail uezd (Джебраильский уезд)"): [
        ("Jebrail uezd", "en", H, "", None, None, None, "Russian Empire uezd, the district's (wider) predecessor"),
        ("Джебраильский уезд", "ru", H, "russian-empire", None, None, None, "the district's (wider) predecessor")],
    ("jabrayil-district", "part of Hadrut Province"): [],  # a membership (artsakh 1993-2020), not a name
    ("lachin-district", "Kurdistan Uezd ('Red Kurdistan')"): [
        ("Kurdistan Uezd", "en", H, "ussr;azssr", 1923, 1929, None, "Soviet predecessor unit"),
        ("Red Kurdistan", "en", "colloquial", "", 1923, 1929, None, "informal name of the Kurdistan Uezd")],
    ("lachin-district", "Kashatagh Province"): [],  # the wider NKR unit (kashatagh-province), not this district's name
    ("kalbajar-district", "part of Shahumyan Province"): [],  # a membership, not a name
    ("qubadli-district", "part of Kashatagh Province"): [],
    ("zangilan-district", "part of Kashatagh Province"): [],
    ("tartar-district", "Mirbashir District (Мир-Баширский район)"): [
        ("Mirbashir District", "en", H, "", 1949, 1991, None, None),
        ("Мир-Баширский район", "ru", H, "ussr;azssr", 1949, 1991, None, None)],
    ("goranboy-district", "Kasum-Ismailov District (Касум-Измайловский район)"): [
        ("Kasum-Ismailov District", "en", H, "", 1938, 1991, None, None),
        ("Касум-Измайловский район", "ru", H, "ussr;azssr", 1938, 1991, None, None)],
    ("tovuz-district", "Таузский район (Tauz)"): [("Tauz", "en", H, "", None, None, None, "Soviet spelling")],
    ("tavush-province", "Tavush marz"): [("Tavush marz", "hy-Latn", "official", "armenia", 1995, None, None, "Armenian province")],
    ("syunik-province", "Syunik marz"): [("Syunik marz", "hy-Latn", "official", "armenia", 1995, None, None, None)],
    ("syunik-province", "Zəngəzur"): [],  # the az column already has it, with Azerbaijan as user
    ("meghri-district", "Мегринский район"): [("Мегринский район", "ru", "official", "ussr;armssr", 1930, 1995, None, "Soviet/Armenian district")],
    ("syunik-historical", "Phauēnē / Phaunitis"): [("Phauēnē", "grc-Latn", H, "scholarly", None, None, None, "Strabo"),
                                                    ("Phaunitis", "grc-Latn", H, "scholarly", None, None, None, "Strabo")],
    ("syunik-historical", "Sisakan"): [("Sisakan", "hy-Latn", H, "scholarly", None, None, None, "medieval")],
    ("syunik-historical", "Kingdom of Syunik"): [("Kingdom of Syunik", "en", H, "scholarly", None, None, None, "medieval")],
    ("zangezur", "Зангезурский уезд (Zangezur uezd)"): [
        ("Зангезурский уезд", "ru", "official", "russian-empire", 1868, 1921, None, "uezd of the Elizavetpol Governorate"),
        ("Zangezur uezd", "en", H, "", 1868, 1921, None, None)],
    ("zangezur", "Zəngəzur"): [],  # already in the az column, with Azerbaijan as user
    ("utik", "Otene"): [("Otene", "grc-Latn", H, "scholarly", None, None, None, "Strabo")],
    ("utik", "Utik"): [("Utik", "hy-Latn", H, "scholarly", None, None, None, "province of Greater Armenia")],
    ("caspiane", "Caspiane"): [("Caspiane", "la", H, "scholarly", None, None, None, "Strabo")],
    ("caspiane", "Paytakaran"): [("Paytakaran", "hy-Latn", H, "scholarly", None, None, None, "province of Greater Armenia")],
    ("gugark", "Gogarene"): [("Gogarene", "grc-Latn", H, "scholarly", None, None, None, "antiquity")],
    ("gugark", "Gugark"): [("Gugark", "hy-Latn", H, "scholarly", None, None, None, "province of Greater Armenia")],
    ("lori", "Kingdom of Tashir-Dzoraget (Lori)"): [("Kingdom of Tashir-Dzoraget", "en", H, "scholarly", None, None, None, "10th-12th c.")],
    ("sasun", "Sason"): [("Sason", "tr", "official", "turkey", None, None, None, "modern district name")],
    ("caucasian-albania", "Albania"): [("Albania", "la", H, "scholarly", None, None, None, "antiquity")],
    ("caucasian-albania", "Arran"): [("Arran", "ar-Latn", H, "scholarly", None, None, None, "medieval Arabic / Persian name")],
    ("caucasian-albania", "Aghvank"): [("Aghvank", "hy-Latn", H, "scholarly", None, None, None, None)],
    ("iranian-azerbaijan", "Atropatene"): [("Atropatene", "grc-Latn", H, "scholarly", None, None, None, "antiquity")],
    ("iranian-azerbaijan", "Atrpatakan"): [("Atrpatakan", "hy-Latn", H, "scholarly", None, None, None, None)],
    ("iranian-azerbaijan", "Ādurbādagān"): [("Ādurbādagān", "und-Latn", H, "scholarly", None, None, None, "Middle Persian (Pahlavi, pal) name in transliteration")],
    ("iranian-azerbaijan", "Āzarbāyjān"): [("Āzarbāyjān", "fa-Latn", "endonym", "iran", None, None, None, "Persian name in transliteration")],
    ("greater-armenia", "Armenia Maior"): [("Armenia Maior", "la", H, "scholarly", None, None, None, "antiquity")],
    ("persian-armenia", "Persarmenia"): [("Persarmenia", "la", H, "scholarly", 387, None, None, "387 to the 7th c.")],
    ("arminiya", "Arminiya"): [("Arminiya", "ar-Latn", H, "scholarly", None, None, None, "Umayyad/Abbasid province, 7th-9th c.")],
    ("western-armenia", "Turkish Armenia"): [("Turkish Armenia", "en", H, "international", None, None, None, "19th-20th c.")],
    ("western-armenia", "six vilayets"): [("six vilayets", "en", H, "international", None, None, None, "Ottoman provinces")],
    ("eastern-armenia", "Russian Armenia"): [("Russian Armenia", "en", H, "international", 1828, 1917, None, None)],
    ("south-caucasus", "Transcaucasia (Закавказье)"): [],  # both already in the en / ru columns
    ("abkhazia", "Abkhaz ASSR"): [("Abkhaz ASSR", "en", H, "ussr;international", 1931, 1991, None, None)],
    ("abkhazia", "Apsny"): [("Apsny", "und-Latn", "endonym", "", None, None, None, "Abkhaz (ab) endonym Аԥсны in transliteration")],
    ("south-ossetia", "South Ossetian Autonomous Oblast"): [("South Ossetian Autonomous Oblast", "en", H, "ussr;international", 1922, 1990, None, None)],
    ("avarayr", "Avarayr"): [("Avarayr", "hy-Latn", H, "scholarly", 451, 451, None, "battle site")],
    ("kura-river", "Cyrus / Kyros"): [("Cyrus", "la", H, "scholarly", None, None, None, "antiquity"),
                                      ("Kyros", "grc-Latn", H, "scholarly", None, None, None, "antiquity")],
    ("kura-river", "მტკვარი (Mtkvari)"): [("მტკვარი", "ka", "endonym", "georgia", None, None, None, "Georgian name"),
                                          ("Mtkvari", "ka-Latn", "endonym", "georgia", None, None, None, "romanization")],
    ("aras-river", "Araxes"): [("Araxes", "la", H, "scholarly", None, None, None, "antiquity (Greek and Latin)")],
    ("caspian-sea", "Hyrcanian Sea"): [("Hyrcanian Sea", "en", H, "scholarly", None, None, None, "after the Greek name, antiquity")],
    ("caspian-sea", "Khazar Sea"): [("Khazar Sea", "en", "exonym", "", None, None, None, "after the Persian and Azerbaijani name (Xəzər dənizi)")],
    ("death-valley-lachin", "'Death Valley'"): [("Death Valley", "en", "colloquial", "armenia", 2020, 2020, None, "nickname given by the Armenian MoD spokeswoman in 2020")],
    ("stepanakert", "Vararakn (Վարարակն)"): [("Vararakn", "hy-Latn", H, "armenian-community", None, 1923, None, "Armenian village name"),
                                              ("Վարարակն", "hy", H, "armenian-community", None, 1923, None, "Armenian village name")],
    ("stepanakert", "Khankendi (Ханкенди)"): [("Khankendi", "en", H, "russian-empire", None, 1923, None, "name before 1923"),
                                              ("Ханкенди", "ru", H, "russian-empire", None, 1923, None, "name before 1923")],
    ("stepanakert", "Stepanakert"): [
        ("Stepanakert", "en", H, "ussr;azssr;international", 1923, 1991, None, "Soviet official name; Armenian usage after 1991"),
        ("Степанакерт", "ru", "official", "ussr;azssr;nkao", 1923, 1991, None, "Soviet official name"),
        ("Ստեփանակերտ", "hy", "official", "ussr;azssr;nkao", 1923, 1991, None, "Soviet official name")],
    ("stepanakert", "Xankəndi"): [("Xankəndi", "az-Latn", "official", "azerbaijan", 1991, None, None, "Azerbaijani official name")],
    ("shusha-town", "Panahabad / Panakhabad"): [("Panahabad", "en", H, "karabakh-khanate", 1750, None, "probable", "fortress of Panah Ali Khan, c. 1750s"),
                                                 ("Panakhabad", "en", H, "", 1750, None, "probable", "Russian-based spelling")],
    ("shusha-town", "Shushi"): [],  # already in the en column with its users
    ("shusha-town", "Shusha"): [],
    ("martakert-town", "Mardakert (Мардакерт)"): [],  # both already in the en / ru columns
    ("martakert-town", "Ağdərə"): [],  # already in the az column (official since 1991)
    ("martuni-town", "Novyy Karanlug (Новый Каранлуг)"): [("Новый Каранлуг", "ru", H, "russian-empire", None, None, None, "earlier name")],
    ("martuni-town", "Martuni"): [("Мартуни", "ru", "official", "ussr;azssr;nkao", None, 1991, "probable", "Soviet NKAO name")],
    ("martuni-town", "Xocavənd"): [],
    ("khojaly-town", "Ivanyan (Իվանյան)"): [],  # both in the hy / hy-Latn columns, dated by NAME_OV
    ("aghdam-town", "Akna (Ակնա)"): [("Akna", "hy-Latn", "official", "artsakh", 1993, 2020, None, "NKR name")],
    ("fuzuli-town", "Karyagino (Карягино)"): [("Карягино", "ru", H, "russian-empire;ussr;azssr", None, 1959, None, None)],
    ("fuzuli-town", "Varanda (Վարանդա)"): [("Varanda", "hy-Latn", "official", "artsakh", 1993, 2020, None, "NKR name")],
    ("jabrayil-town", "Jrakan (Ջրական)"): [("Jrakan", "hy-Latn", "official", "artsakh", 1993, 2020, None, "NKR name")],
    ("jabrayil-town", "Mekhakavan (Մեխակավան)"): [],  # in the hy / hy-Latn columns
    ("lachin-town", "Abdallar (Абдаляр)"): [("Abdallar", "en", H, "", None, 1929, "probable", "until the 1920s"),
                                            ("Абдаляр", "ru", H, "russian-empire;ussr", None, 1929, "probable", "until the 1920s")],
    ("lachin-town", "Berdzor (Բերձոր)"): [("Berdzor", "hy-Latn", "official", "artsakh", 1992, 2022, None, "NKR name")],
    ("kalbajar-town", "Karvachar (Քարվաճառ)"): [("Karvachar", "hy-Latn", "official", "artsakh", 1993, 2020, None, "traditional Armenian name; NKR official 1993-2020"),
                                                ("Քարվաճառ", "hy", "official", "artsakh", 1993, 2020, None, "NKR official name")],
    ("qubadli-town", "Kashunik (Քաշունիք)"): [("Kashunik", "hy-Latn", "official", "artsakh", 1993, 2020, None, "NKR name")],
    ("qubadli-town", "Sanasar"): [],  # in the hy / hy-Latn columns
    ("zangilan-town", "Kovsakan (Կովսական)"): [("Kovsakan", "hy-Latn", "official", "artsakh", 1993, 2020, None, "NKR name")],
    ("tartar-town", "Mir-Bashir / Mirbəşir (Мир-Башир)"): [("Mir-Bashir", "en", H, "", 1949, 1991, None, None)],
    ("horadiz", "Goradiz"): [],  # in the en column
    ("minjivan", "Mijnavan (Միջնավան)"): [("Mijnavan", "hy-Latn", "official", "artsakh", 1993, 2020, None, "NKR name")],
    ("beylagan", "Zhdanov (Жданов)"): [],  # in the en / ru columns, dated by NAME_OV
    ("beylagan", "Paytakaran"): [("Paytakaran", "hy-Latn", H, "armenian-community", None, None, None, "historical Armenian name")],
    ("barda", "Partav / Partaw"): [("Partav", "hy-Latn", H, "scholarly", None, None, None, "5th-10th c.; capital of Caucasian Albania"),
                                   ("Partaw", "hy-Latn", H, "scholarly", None, None, None, "5th-10th c.; classical transliteration")],
    ("barda", "Bardha'a"): [("Bardha'a", "ar-Latn", H, "scholarly", None, None, None, "medieval Arabic name")],
    ("mingachevir", "Mingechaur (Мингечаур)"): [("Mingechaur", "en", H, "ussr", None, None, None, "Soviet spelling")],
    ("ganja", "Gandzak (Գանձակ)"): [("Gandzak", "hy-Latn", H, "armenian-community", None, None, None, "medieval and later Armenian name")],
    ("ganja", "Elizavetpol (Елизаветполь)"): [("Елизаветполь", "ru", H, "russian-empire", 1804, 1918, None, None)],
    ("ganja", "Ganja"): [("Ganja", "en", H, "adr;azssr", 1918, 1935, None, None),
                         ("Gəncə", "az-Latn", H, "adr;azssr", 1918, 1935, None, "then written in Arabic / Latin script")],
    ("ganja", "Kirovabad (Кировабад)"): [("Кировабад", "ru", H, "ussr;azssr", 1935, 1989, None, None),
                                         ("Kirovabad", "az-Latn", H, "azssr", 1935, 1989, None, "then written in Cyrillic (Кировабад)")],
    ("ganja", "Gəncə"): [("Gəncə", "az-Latn", "official", "azerbaijan;azssr", 1989, None, None, None)],
    ("goranboy-town", "Qasım İsmayılov / Kasum-Ismailov"): [],  # in the az / en columns, dated by NAME_OV
    ("getashen", "Getashen (Գետաշեն)"): [("Getashen", "hy-Latn", H, "armssr;ussr", None, 1991, None, "official name until 1991"),
                                         ("Գետաշեն", "hy", H, "armssr;ussr", None, 1991, None, "official name until 1991")],
    ("getashen", "Çaykənd"): [],
    ("martunashen", "Martunashen"): [("Martunashen", "hy-Latn", H, "ussr;azssr", None, 1991, None, "official name until 1991")],
    ("martunashen", "Qarabulaq"): [],
    ("maraga", "Leninavan (Ленинаван)"): [],  # in the en / ru columns
    ("maraga", "Şıxarx"): [],
    ("mataghis", "Madagiz"): [],  # in the en / az columns, dated by NAME_OV
    ("mataghis", "Suqovuşan"): [],
    ("aghavno", "Aghavno"): [("Aghavno", "hy-Latn", "official", "artsakh", 1990, 2022, "probable", "1990s-2022")],
    ("aghavno", "Zabux"): [],
    ("yerevan", "Erebuni"): [("Erebuni", "und-Latn", H, "scholarly", -782, -782, None, "Urartian (xur) fortress founded 782 BC")],
    ("yerevan", "Erivan (Эривань)"): [("Эривань", "ru", H, "russian-empire;ussr", None, 1936, None, None)],
    ("yerevan", "İrəvan"): [],
    ("gyumri", "Kumayri"): [],  # dated by NAME_OV (1990-1992; also ancient)
    ("gyumri", "Alexandropol (Александрополь)"): [],
    ("gyumri", "Leninakan (Ленинакан)"): [],
    ("vanadzor", "Karakilisa / Karaklis (Караклис)"): [("Karakilisa", "tr", H, "", None, 1935, None, "Turkic name")],
    ("vanadzor", "Kirovakan (Кировакан)"): [],
    ("aparan", "Bash Aparan / Bash Abaran"): [("Bash Abaran", "tr", H, "", None, 1935, None, "Turkic name")],
    ("aparan", "Kasakh (Քասաղ)"): [("Kasakh", "hy-Latn", H, "scholarly", None, None, None, "ancient name"),
                                   ("Քասաղ", "hy", H, "scholarly", None, None, None, "ancient name")],
    ("sardarapat", "Sardarabad"): [("Sardarabad", "fa-Latn", H, "persia", None, None, None, "Persian/Turkic name")],
    ("sardarapat", "Hoktember (Октемберян)"): [],  # in the en / ru columns
    ("kapan", "Kafan (Кафан)"): [],
    ("kapan", "Ghapan"): [("Ghapan", "hy-Latn", "variant", "", None, None, None, None)],
    ("goris", "Gerusy (Герюсы)"): [("Gerusy", "en", H, "", None, 1917, "probable", "Russian Empire name"),
                                   ("Герюсы", "ru", H, "russian-empire", None, 1917, "probable", None)],
    ("vardenis", "Basargechar (Басаргечар)"): [],
    ("tbilisi", "Tiflis (Тифлис)"): [("Tiflis", "tr", H, "", None, 1936, None, "also the Armenian and Azerbaijani form")],
    ("tbilisi", "თბილისი"): [("თბილისი", "ka", "official", "georgia", None, None, None, None)],
    ("batumi", "Batum (Батум)"): [("Batum", "tr", H, "", None, 1936, None, None)],
    ("batumi", "Batum Oblast"): [],  # the Russian province seated in the town, not the town's name
    ("kars", "Kars"): [("Kars", "tr", "official", "turkey", None, None, None, None)],
    ("kars", "centre of Kars Oblast"): [],  # a fact about the town, not a name (see kars-oblast)
    ("ardahan", "Ardagan okrug (Ардаганский округ)"): [
        ("Ardagan okrug", "en", H, "", 1878, 1918, None, "the Russian district centred on the town"),
        ("Ардаганский округ", "ru", H, "russian-empire", 1878, 1918, None, "district of the Kars Oblast centred on the town")],
    ("sarikamish", "Sarıkamış"): [("Sarıkamış", "tr", "official", "turkey", None, None, None, "official Turkish name")],
    ("stepanakert-renaissance-square", "Lenin Square"): [],  # in the en column
    ("baku-azadliq-square", "Lenin Square"): [],
    ("yerevan-freedom-square", "Theater Square"): [],
    ("shaumyanovsk", "Shaumyanovsk (Шаумяновск)"): [],
    ("shaumyanovsk", "Aşağı Ağcakənd"): [],
    ("shaumyanovsk", "Nerkinshen (Ներքինշեն)"): [("Nerkinshen", "hy-Latn", "official", "artsakh", None, None, None, "NKR name")],
}


# ---------------------------------------------------------------------------------------------
# Memberships: (child, parent, authority, from, to, certainty, note)
# ---------------------------------------------------------------------------------------------
AZ_RAYONS_1991 = ["shusha-district", "aghdam-district", "fuzuli-district", "jabrayil-district", "lachin-district",
                  "kalbajar-district", "qubadli-district", "zangilan-district", "tartar-district",
                  "goranboy-district", "yevlakh-district", "tovuz-district"]
# Soviet raions -> NKAO and the NKR provinces are in karabakh_memberships.csv (separate places
# nkao-shusha-raion, artsakh-*-province). Localities whose rayon / marz is not a seed place
# (Getashen, Barda, Gyumri, ...) get no link here: an open-ended curated link would replace the
# importer's finer computed parent with the bare country.
MEMBERSHIPS: list[tuple] = [
    ("stepanakert", "nkao", "ussr", 1923, 1991, "certain", "administrative centre of the NKAO"),
    ("stepanakert", "nagorno-karabakh-republic", "artsakh", 1991, 2023, "certain", "capital of the NKR"),
    ("stepanakert", "azerbaijan", "azerbaijan", 1991, None, "certain", "city of republican subordination (ISO AZ-XA)"),
    ("nkao", "azerbaijan", "ussr", 1923, 1991, "certain", "autonomous oblast of the Azerbaijan SSR"),
    ("khojavend-district", "azerbaijan", "azerbaijan", 1991, None, "certain", "rayon (ISO AZ-XVD), formed 1991"),
    ("khojaly-district", "azerbaijan", "azerbaijan", 1991, None, "certain", "rayon (ISO AZ-XCI), formed 1991"),
    *[(d, "azerbaijan", "azerbaijan", 1991, None, "certain", "rayon of the Republic of Azerbaijan") for d in AZ_RAYONS_1991],
    *[(d, "azerbaijan", "azssr", None, 1991, "probable", "raion of the Azerbaijan SSR (formation year varies)")
      for d in AZ_RAYONS_1991 if d != "shusha-district"],
    ("nakhchivan-ar", "azerbaijan", "azerbaijan", 1991, None, "certain", "autonomous republic (ISO AZ-NX)"),
    ("nakhchivan-ar", "azerbaijan", "azssr", 1924, 1991, "certain", "Nakhichevan ASSR within the Azerbaijan SSR"),
    ("nagorno-karabakh", "azerbaijan", "azerbaijan", 1991, None, "certain", "internationally recognised as part of Azerbaijan"),
    ("nagorno-karabakh", "karabakh", "scholarly", None, None, "certain", "the highland part of Karabakh"),
    ("lower-karabakh", "karabakh", "scholarly", None, None, "certain", "the lowland part of Karabakh"),
    ("karabakh", "south-caucasus", "international", None, None, "certain", "geographic region"),
    ("south-caucasus", "caucasus", "international", None, None, "certain", "geographic region"),
    ("armenia", "south-caucasus", "international", None, None, "certain", "geographic region"),
    ("azerbaijan", "south-caucasus", "international", None, None, "certain", "geographic region"),
    ("georgia", "south-caucasus", "international", None, None, "certain", "geographic region"),
    ("abkhazia", "georgia", "georgia", None, None, "certain", "per Georgia and most states; independence recognised by Russia"),
    ("south-ossetia", "georgia", "georgia", None, None, "certain", "per Georgia and most states; independence recognised by Russia"),
    # current Azerbaijani hierarchy of localities
    ("shusha-town", "shusha-district", "azerbaijan", 1991, None, "certain", None),
    ("karintak", "shusha-district", "azerbaijan", 1991, None, "certain", None),
    ("hadrut-town", "khojavend-district", "azerbaijan", 1991, None, "certain", None),
    ("martuni-town", "khojavend-district", "azerbaijan", 1991, None, "certain", None),
    ("mets-tagher", "khojavend-district", "azerbaijan", 1991, None, "certain", None),
    ("askeran-town", "khojaly-district", "azerbaijan", 1991, None, "certain", None),
    ("khojaly-town", "khojaly-district", "azerbaijan", 1991, None, "certain", None),
    ("martakert-town", "tartar-district", "azerbaijan", 1992, None, "certain", "in Ağdərə rayonu 1991-1992"),
    ("maraga", "tartar-district", "azerbaijan", 1992, None, "certain", None),
    ("talish", "tartar-district", "azerbaijan", 1992, None, "certain", None),
    ("mataghis", "tartar-district", "azerbaijan", 1992, None, "certain", None),
    ("aghdam-town", "aghdam-district", "azerbaijan", 1991, None, "certain", None),
    ("fuzuli-town", "fuzuli-district", "azerbaijan", 1991, None, "certain", None),
    ("horadiz", "fuzuli-district", "azerbaijan", 1991, None, "certain", None),
    ("jabrayil-town", "jabrayil-district", "azerbaijan", 1991, None, "certain", None),
    ("daskesen", "jabrayil-district", "azerbaijan", 1991, None, "certain", None),
    ("lachin-town", "lachin-district", "azerbaijan", 1991, None, "certain", None),
    ("aghavno", "lachin-district", "azerbaijan", 1991, None, "certain", None),
    ("kalbajar-town", "kalbajar-district", "azerbaijan", 1991, None, "certain", None),
    ("qubadli-town", "qubadli-district", "azerbaijan", 1991, None, "certain", None),
    ("zangilan-town", "zangilan-district", "azerbaijan", 1991, None, "certain", None),
    ("minjivan", "zangilan-district", "azerbaijan", 1991, None, "certain", None),
    ("tartar-town", "tartar-district", "azerbaijan", 1991, None, "certain", None),
    ("goranboy-town", "goranboy-district", "azerbaijan", 1991, None, "certain", None),
    ("shaumyanovsk", "goranboy-district", "azerbaijan", 1991, None, "certain", "Shahumyan raion merged into Goranboy 1991"),
    ("shahumyan-district", "goranboy-district", "azerbaijan", 1991, None, "probable", "merged into Goranboy rayon in 1991"),
    ("yevlakh", "azerbaijan", "azerbaijan", 1991, None, "certain", "city of republican subordination (ISO AZ-YE)"),
    ("mingachevir", "azerbaijan", "azerbaijan", 1991, None, "certain", "city of republican subordination (ISO AZ-MI)"),
    ("ganja", "azerbaijan", "azerbaijan", 1991, None, "certain", "city of republican subordination (ISO AZ-GA)"),
    ("baku", "azerbaijan", "azerbaijan", 1991, None, "certain", "capital (ISO AZ-BA)"),
    ("sumgait", "azerbaijan", "azerbaijan", 1991, None, "certain", "city of republican subordination (ISO AZ-SM)"),
    ("nakhchivan-city", "nakhchivan-ar", "azerbaijan", 1991, None, "certain", "capital of the autonomous republic (ISO AZ-NV)"),
    ("ganja", "elizavetpol-governorate", "russian-empire", 1868, 1918, "certain", "seat of the governorate"),
    ("shusha-town", "karabakh-khanate", "karabakh-khanate", None, 1822, "certain", "capital of the khanate"),
    # Armenia
    ("syunik-province", "armenia", "armenia", 1995, None, "certain", "marz (ISO AM-SU)"),
    ("tavush-province", "armenia", "armenia", 1995, None, "certain", "marz (ISO AM-TV)"),
    ("meghri-district", "armenia", "armssr", 1930, 1991, "probable", "raion of the Armenian SSR"),
    ("meghri-district", "armenia", "armenia", 1991, 1995, "probable", "district until the 1995 reform"),
    ("meghri-town", "meghri-district", "armssr", 1930, 1991, "probable", None),
    ("meghri-town", "syunik-province", "armenia", 1995, None, "certain", None),
    ("kapan", "syunik-province", "armenia", 1995, None, "certain", "provincial capital"),
    ("goris", "syunik-province", "armenia", 1995, None, "certain", None),
    ("yerevan", "armenia", "armenia", 1991, None, "certain", "capital (ISO AM-ER)"),
    ("yerevan", "erivan-governorate", "russian-empire", 1849, 1917, "certain", "seat of the governorate"),
    # Georgia, Turkey
    ("tbilisi", "georgia", "georgia", None, None, "certain", "capital"),
    ("batumi", "georgia", "georgia", None, None, "certain", "Adjara"),
    ("kars", "turkey", "turkey", None, None, "certain", "Kars Province"),
    ("ardahan", "turkey", "turkey", None, None, "certain", "Ardahan Province"),
    ("sarikamish", "turkey", "turkey", None, None, "certain", "Kars Province"),
    ("sasun", "turkey", "turkey", None, None, "certain", "Sason district, Batman Province"),
    ("kars", "kars-oblast", "russian-empire", 1878, 1918, "certain", "seat of the oblast"),
    ("ardahan", "kars-oblast", "russian-empire", 1878, 1918, "certain", "seat of the Ardagan okrug"),
    # NKR
    ("kashatagh-province", "nagorno-karabakh-republic", "artsakh", 1993, 2020, "probable", "NKR province while held"),
    # heritage and sites: physical location
    ("ghazanchetsots", "shusha-town", "international", None, None, "certain", "physical location"),
    ("kanach-zham", "shusha-town", "international", None, None, "certain", "physical location"),
    ("aguletsots-church", "shusha-town", "international", None, None, "certain", "physical location"),
    ("gandzasar", "kalbajar-district", "azerbaijan", 1992, None, "probable", "above Vəng village, Kəlbəcər rayon"),
    ("dadivank", "kalbajar-district", "azerbaijan", 1991, None, "certain", None),
    ("gtichavank", "khojavend-district", "azerbaijan", 1991, None, "probable", "near Tuğ village"),
    ("amaras", "khojavend-district", "azerbaijan", 1991, None, "certain", None),
    ("tigranakert-artsakh", "aghdam-district", "azerbaijan", 1991, None, "certain", None),
    ("stepanakert-renaissance-square", "stepanakert", "international", None, None, "certain", "physical location"),
    ("stepanakert-airport", "khojaly-town", "international", None, None, "certain", "physical location"),
    ("baku-azadliq-square", "baku", "international", None, None, "certain", "physical location"),
    ("yerevan-freedom-square", "yerevan", "international", None, None, "certain", "physical location"),
    ("mingachevir-reservoir", "azerbaijan", "azerbaijan", None, None, "certain", "physical location"),
    ("death-valley-lachin", "lachin-district", "international", None, None, "probable", "gorge south of Lachin town"),
    ("khachen", "artsakh-historical", "scholarly", None, None, "probable", "principality within Artsakh"),
    ("varanda", "karabakh", "scholarly", None, None, "certain", "melikdom of Karabakh"),
    ("artsakh-historical", "greater-armenia", "scholarly", None, None, "certain", "province of Greater Armenia"),
    ("syunik-historical", "greater-armenia", "scholarly", None, None, "certain", "province of Greater Armenia"),
    ("utik", "greater-armenia", "scholarly", None, None, "certain", "province of Greater Armenia"),
    ("gugark", "greater-armenia", "scholarly", None, None, "certain", "province of Greater Armenia"),
    ("caspiane", "greater-armenia", "scholarly", None, None, "probable", "province of Greater Armenia (Paytakaran)"),
]


# ---------------------------------------------------------------------------------------------
def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s).strip()


def split_outside_brackets(cell: str) -> list[str]:
    out, depth, cur = [], 0, ""
    for ch in cell:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        if ch == ";" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return [nfc(x) for x in out if nfc(x)]


def hist_name_part(entry: str) -> str:
    return nfc(entry.split("[", 1)[0])


def hist_years(entry: str) -> tuple[int | None, int | None] | None:
    """Numeric years of a checklist historical entry, or None when it gives none."""
    for b in re.findall(r"\[([^\]]*)\]", entry):
        b = b.strip()
        m = re.fullmatch(r"(?:c\.)?(\d{3,4})?\s*-\s*(\d{3,4})?", b)
        if m and (m.group(1) or m.group(2)):
            return (int(m.group(1)) if m.group(1) else None, int(m.group(2)) if m.group(2) else None)
        m = re.fullmatch(r"(\d{3,4})( BC)?", b)
        if m:
            y = -int(m.group(1)) if m.group(2) else int(m.group(1))
            return (y, y)
    return None


def load_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


class Refs:
    def __init__(self, shared: Path):
        self.wof = {r["wof_id"]: r for r in load_tsv(shared / "research-data" / "wof_admin_AZ_AM.tsv")}
        self.gn = {r["geonameid"]: r for r in load_tsv(shared / "sources" / "geonames_cities500_AZ_AM.tsv")}
        self.iso = {r["code"]: r for r in load_tsv(shared / "sources" / "iso3166_2_AZ_AM.tsv")}

    def wof_names(self, wid: str) -> set[str]:
        r = self.wof.get(wid)
        if not r:
            return set()
        out = {nfc(r["wof_name"])}
        for k, v in r.items():
            if k[:4] in ("hye_", "aze_", "rus_", "eng_") and v:
                out |= {nfc(x) for x in v.split("|") if x}
        return out

    def gn_names(self, gid: str) -> set[str]:
        r = self.gn.get(gid)
        if not r:
            return set()
        return {nfc(r["name"])} | {nfc(x) for x in r["alternatenames"].split("|") if x}

    def iso_names(self, code: str | None) -> set[str]:
        r = self.iso.get(code or "")
        if not r:
            return set()
        return {nfc(r[c]) for c in ("name_iso", "name_ru") if r.get(c)}


def build(shared: Path):
    seed = load_tsv(shared / "seed-places.tsv")
    refs = Refs(shared)
    places, names, problems = [], [], []
    dropped_q: list[str] = []

    for r in seed:
        key, kind = r["key"], r["kind"]
        # ---- place ------------------------------------------------------------------------
        lat, lon = r["lat"].strip(), r["lon"].strip()
        src = [f"seed:{key}"]
        note = None
        if lat.endswith("?") or lon.endswith("?"):
            dropped_q.append(f"{key}: coordinates {lat}, {lon}")
            lat = lon = ""
            note = "seed coordinates were uncertain and are not confirmed by the reference data; left empty"
        wid, gid = r["wof_id"].strip(), r["geonames_id"].strip()
        iso = ISO.get(key)
        places.append([key, kind, lat, lon, country_of(key, kind) or "", gid, wid, iso or "", "", "",
                       ";".join(src), note or ""])

        refnames = {}
        if wid:
            refnames[f"wof:{wid}"] = refs.wof_names(wid)
        if gid:
            refnames[f"geonames:{gid}"] = refs.gn_names(gid)
        if iso:
            refnames[f"iso3166-2:{iso}"] = refs.iso_names(iso)

        def add(text, lang, ntype, users, a, b, cert, pref, note, attest=True, ov=False):
            srcs = [f"seed:{key}"]
            if attest:
                srcs += [s for s, ns in refnames.items() if text in ns]
            names.append(dict(place_id=key, text=text, lang=lang, type=ntype, used_by=users or "",
                              **{"from": a, "to": b}, certainty=cert or "", preferred=pref,
                              source=";".join(srcs), derived_from="", note=note or "", _ov=ov))

        # ---- names from the name columns --------------------------------------------------
        for col, lang in COLUMN_LANG.items():
            for val in split_outside_brackets(r[col]):
                ov = NAME_OV.get((key, lang, val), {})
                uncertain = val.endswith("?")
                if uncertain:
                    # kept, as the checklist gives it: uncertain, and said so
                    val = val.rstrip("?").strip()
                    ov = {**NAME_OV.get((key, lang, val), {}), **ov}
                if ov.get("drop"):
                    continue
                text = nfc(ov.get("text", val))
                if "(" in text:
                    problems.append(f"{key}: parenthetical gloss in {text!r} needs an override")
                ntype = ov.get("type") or default_type(key, kind, lang, text)
                users = ov.get("used_by", None)
                if users is None:
                    users = "scholarly" if lang == "hy-Latn" and re.search(r"[ʻǰčłṙšžɫ]|w$", text) else \
                        ("" if lang == "hy-Latn" else default_users(key, kind, lang))
                if uncertain:
                    add(text, lang, "variant", users, ov.get("from_"),
                        ov.get("to"), "uncertain", False, ov.get("note") or UNCERTAIN_NOTE, ov=False)
                    continue
                add(text, lang, ntype, users, ov.get("from_"), ov.get("to"), ov.get("certainty"),
                    ov.get("preferred"), ov.get("note"), ov=bool(ov) and ov.get("type") != "variant")

        # ---- historical names -------------------------------------------------------------
        for entry in split_outside_brackets(r["historical_names"]):
            part = hist_name_part(entry)
            if (key, part) not in HIST:
                problems.append(f"{key}: historical entry not reviewed: {entry!r}")
                continue
            if entry.endswith("?"):
                dropped_q.append(f"{key}: historical {entry}")
            for (text, lang, ntype, users, a, b, cert, note) in HIST[(key, part)]:
                text = nfc(text)
                # the same name from a name column, undated and not reviewed by NAME_OV: the
                # checklist's historical entry dates and types it (one row, not two)
                same = [n for n in names if n["place_id"] == key and n["text"] == text and n["lang"] == lang
                        and n["from"] is None and n["to"] is None and not n["_ov"]]
                if same:
                    n = same[0]
                    n.update(type=ntype, certainty=cert or "", note=note or n["note"], _ov=True,
                             **{"from": a, "to": b})
                    if users:
                        n["used_by"] = users
                    continue
                add(text, lang, ntype, users, a, b, cert, None, note)

    # ---- merge duplicates (same key): union of users and sources -------------------------------
    merged: dict[tuple, dict] = {}
    order = []
    for n in names:
        k = (n["place_id"], n["text"], n["lang"], n["type"], n["from"], n["to"])
        if k in merged:
            m = merged[k]
            for f in ("used_by", "source"):
                vals = [x for x in m[f].split(";") if x]
                vals += [x for x in n[f].split(";") if x and x not in vals]
                m[f] = ";".join(vals)
            if n["note"] and n["note"] not in m["note"]:
                m["note"] = (m["note"] + "; " if m["note"] else "") + n["note"]
            if n["preferred"] is not None and m["preferred"] is None:
                m["preferred"] = n["preferred"]
        else:
            merged[k] = n
            order.append(k)
    names = [merged[k] for k in order]

    # ---- preferred ---------------------------------------------------------------------------
    # For each place, language and authority (rows without used_by form their own group), the best
    # row is preferred: current names before ended ones, then official > endonym > exonym >
    # colloquial > variant > abbreviation > historical, then checklist order. NAME_OV may force it.
    rank = {"official": 0, "endonym": 1, "exonym": 2, "colloquial": 3, "variant": 4, "abbreviation": 5,
            "historical": 6}
    groups = defaultdict(list)
    for i, n in enumerate(names):
        for a in (n["used_by"].split(";") if n["used_by"] else [""]):
            groups[(n["place_id"], n["lang"], a)].append((i, n))
    chosen = set()
    for grp in groups.values():
        if any(n["preferred"] == 1 for _, n in grp):
            continue
        cands = [(i, n) for i, n in grp if n["preferred"] is None]
        if cands:
            i, _ = min(cands, key=lambda t: (t[1]["to"] is not None or t[1]["type"] == "historical",
                                             rank[t[1]["type"]], t[0]))
            chosen.add(i)
    for i, n in enumerate(names):
        n["preferred"] = 1 if (n["preferred"] == 1 or i in chosen) else 0
        n.pop("_ov", None)

    # ---- memberships ---------------------------------------------------------------------------
    existing = set()
    kb = CUR / "karabakh_memberships.csv"
    if kb.exists():
        with kb.open(encoding="utf-8") as fh:
            for m in csv.DictReader(fh):
                existing.add((m["child_id"], m["parent_id"], m["authority"], m["from"], m["to"]))
    members = []
    for (c, p, auth, a, b, cert, note) in MEMBERSHIPS:
        if (c, p, auth, str(a or ""), str(b or "")) in existing:
            continue
        members.append([c, p, auth, a, b, cert, "editorial", note or "reviewed link among seed places"])
    return places, names, members, problems, dropped_q


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args(argv)
    places, names, members, problems, dropped = build(Path(args.shared))
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1

    def cell(v):
        return "" if v is None else str(v)

    write_csv(CUR / "seed_places.csv", PLACE_COLUMNS, [[cell(x) for x in p] for p in places])
    write_csv(CUR / "seed_names.csv", NAME_COLUMNS, [[cell(n[c]) for c in NAME_COLUMNS] for n in names])
    write_csv(CUR / "seed_memberships.csv", MEMBERSHIP_COLUMNS, [[cell(x) for x in m] for m in members])
    print(f"{len(places)} places, {len(names)} names, {len(members)} memberships")
    print("left out (uncertain, not confirmed):\n  " + "\n  ".join(dropped))
    return 0


if __name__ == "__main__":
    sys.exit(main())

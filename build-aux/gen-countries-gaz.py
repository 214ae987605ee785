#!/usr/bin/env python3
# gen-countries-gaz.py: writes data/gazetteer/countries.gaz, one government
# entry per state, from Debian's iso-codes and the demonym table below.
#
# Copyright 2026 The Dossier authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   build-aux/gen-countries-gaz.py [ISO_JSON [FR_MO [OUT]]]
#   build-aux/gen-countries-gaz.py --check
#       exits 1 when countries.gaz is not what the script writes now (a
#       hand-written file or the table changed without a run), 77 (a skip
#       for meson test) when iso-codes is not installed
#
# Names: iso_3166-1.json (English name, common and official names) and its
# French translation iso_3166-1.mo, read with gettext without the locale.
# Each state of the G20, the EU and the EEA also gets its finance ministry.
# Adjectives, feminine forms, usual extra names and the capitals used as
# metonyms ("Berlin a refusé") are written here by hand.  Names and capitals
# are written as places ("@Canada", see README.md): not after "en", "in".  Dependent
# territories are left out; so are names that are also common first names
# or places more often than states ("Jordan", "Chad", "Maurice", "Georgia").
#
# A form that the hand-written files of the folder already give to an
# entry is left out, so that no form has two owners; a state those files
# already have (French government) gets only the forms they lack, under the
# same canonical name (the graph keys actors by that name).

import gettext
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
GAZ_DIR = os.path.join(HERE, "..", "data", "gazetteer")

# code;English adjective;French adjective (masculine);French feminine when
# not regular;extra names (|);metonyms (|).  An empty English adjective
# names the entry after the state ("Antigua and Barbuda government").
# A code absent from iso-codes (XK) needs its names here.
TABLE = """
AF;Afghan;afghan;;Afghanistan;Kaboul|Kabul
AL;Albanian;albanais;;;
DZ;Algerian;algérien;;;Alger|Algiers
AD;Andorran;andorran;;;
AO;Angolan;angolais;;;
AG;;;;;
AR;Argentine;argentin;;Argentina|Argentine;Casa Rosada
AM;Armenian;arménien;;;
AU;Australian;australien;;;Canberra
AT;Austrian;autrichien;;;
AZ;Azerbaijani;azerbaïdjanais;;;
BS;Bahamian;bahaméen;;;
BH;Bahraini;bahreïnien;;Bahreïn|Bahrain;
BD;Bangladeshi;bangladais;;;
BB;Barbadian;barbadien;;;
BY;Belarusian;biélorusse;;Biélorussie|Belarus|Bélarus;
BE;Belgian;belge;;;
BZ;Belizean;bélizien;;;
BJ;Beninese;béninois;;Bénin|Benin;
BT;Bhutanese;bhoutanais;;;
BO;Bolivian;bolivien;;;
BA;Bosnian;bosnien;;;
BW;Botswanan;botswanais;;;
BR;Brazilian;brésilien;;;Brasilia|Brasília|Planalto
BN;Bruneian;brunéien;;Brunei|Brunéi;
BG;Bulgarian;bulgare;;;
BF;Burkinabe;burkinabé;;Burkina;
BI;Burundian;burundais;;;
CV;Cape Verdean;cap-verdien;;Cape Verde|Cap-Vert;
KH;Cambodian;cambodgien;;;
CM;Cameroonian;camerounais;;;
CA;Canadian;canadien;;;Ottawa
CF;Central African;centrafricain;;Centrafrique;
TD;Chadian;tchadien;;Tchad;
CL;Chilean;chilien;;;
CN;Chinese;chinois;;;
CO;Colombian;colombien;;;
KM;Comorian;comorien;;;
CG;Congo-Brazzaville;;;Congo-Brazzaville|République du Congo|Republic of the Congo;
CD;DR Congo;;;RDC|RD Congo|DRC|DR Congo|Congo-Kinshasa|République démocratique du Congo|Democratic Republic of the Congo;Kinshasa
CR;Costa Rican;costaricien;;;
CI;Ivorian;ivoirien;;Côte d'Ivoire|Ivory Coast;
HR;Croatian;croate;;;
CU;Cuban;cubain;;;La Havane|Havana
CY;Cypriot;chypriote;;;
CZ;Czech;tchèque;;Czech Republic|République tchèque|Tchéquie;
DK;Danish;danois;;;
DJ;Djiboutian;djiboutien;;;
DM;;;;;
DO;Dominican;dominicain;;;
EC;Ecuadorian;équatorien;;;
EG;Egyptian;égyptien;;;
SV;Salvadoran;salvadorien;;El Salvador;
GQ;Equatorial Guinean;équato-guinéen;;;
ER;Eritrean;érythréen;;;
EE;Estonian;estonien;;;
SZ;Swazi;swazi;;Eswatini|Swaziland;
ET;Ethiopian;éthiopien;;;
FJ;Fijian;fidjien;;Fiji|Fidji;
FI;Finnish;finlandais;;;
FR;French;français;;;
GA;Gabonese;gabonais;;;
GM;Gambian;gambien;;Gambie|Gambia;
GE;Georgian;géorgien;;;
DE;German;allemand;;;Berlin|Chancellery|Bundeskanzleramt
GH;Ghanaian;ghanéen;;;
GR;Greek;grec;grecque;;
GD;Grenadian;grenadien;;;
GT;Guatemalan;guatémaltèque;;;
GN;Guinean;guinéen;;;
GW;Bissau-Guinean;bissau-guinéen;;;
GY;Guyanese;guyanien;;;
HT;Haitian;haïtien;;;
HN;Honduran;hondurien;;;
HK;Hong Kong;hongkongais;;;
HU;Hungarian;hongrois;;;
IS;Icelandic;islandais;;;
IN;Indian;indien;;;New Delhi
ID;Indonesian;indonésien;;;
IR;Iranian;iranien;;;Téhéran|Tehran
IQ;Iraqi;irakien;;Iraq|Irak;Bagdad|Baghdad
IE;Irish;irlandais;;Republic of Ireland|Eire;
IL;Israeli;israélien;;;
IT;Italian;italien;;;Rome|Palazzo Chigi
JM;Jamaican;jamaïcain;;;
JP;Japanese;japonais;;;Kantei
JO;Jordanian;jordanien;;Jordanie;
KZ;Kazakh;kazakh;kazakhe;;
KE;Kenyan;kényan;;;
KI;;;;;
KP;North Korean;nord-coréen;;North Korea|Corée du Nord;Pyongyang
KR;South Korean;sud-coréen;;South Korea|Corée du Sud;Blue House|Maison bleue
XK;Kosovar;kosovar;;Kosovo;
KW;Kuwaiti;koweïtien;;Koweït|Kuwait;
KG;Kyrgyz;kirghiz;kirghize;Kyrgyzstan|Kirghizstan;
LA;Laotian;laotien;;Laos;
LV;Latvian;letton;lettonne;;
LB;Lebanese;libanais;;;
LS;;;;;
LR;Liberian;libérien;;;
LY;Libyan;libyen;;;
LI;;liechtensteinois;;;
LT;Lithuanian;lituanien;;;
LU;Luxembourgish;luxembourgeois;;;
MG;Malagasy;malgache;;;
MW;Malawian;malawite;;;
MY;Malaysian;malaisien;;Malaysia;
MV;Maldivian;maldivien;;;
ML;Malian;malien;;;
MT;Maltese;maltais;;;
MH;Marshallese;marshallais;;;
MR;Mauritanian;mauritanien;;;
MU;Mauritian;mauricien;;île Maurice|Mauritius;
MX;Mexican;mexicain;;Mexico;
FM;Micronesian;micronésien;;Micronesia|Micronésie;
MD;Moldovan;moldave;;Moldavie|Moldova;
MC;Monegasque;monégasque;;;
MN;Mongolian;mongol;mongole;;
ME;Montenegrin;monténégrin;;;
MA;Moroccan;marocain;;;Rabat
MZ;Mozambican;mozambicain;;;
MM;Burmese;birman;;Burma|Birmanie|Myanmar;
NA;Namibian;namibien;;;
NR;Nauruan;nauruan;;;
NP;Nepalese;népalais;;;
NL;Dutch;néerlandais;;Netherlands|Pays-Bas;La Haye|The Hague
NZ;New Zealand;néo-zélandais;;;
NI;Nicaraguan;nicaraguayen;;;
NE;Nigerien;nigérien;;;
NG;Nigerian;nigérian;;;
MK;North Macedonian;macédonien;;;
NO;Norwegian;norvégien;;;
OM;Omani;omanais;;;
PK;Pakistani;pakistanais;;;Islamabad
PW;Palauan;palaosien;;;
PS;Palestinian;palestinien;;Palestine|Autorité palestinienne|Palestinian Authority;
PA;Panamanian;panaméen;;;
PG;Papua New Guinean;papouan-néo-guinéen;;;
PY;Paraguayan;paraguayen;;;
PE;Peruvian;péruvien;;;
PH;Philippine;philippin;;;
PL;Polish;polonais;;;Varsovie|Warsaw
PT;Portuguese;portugais;;;
QA;Qatari;qatari;qatarie;;
RO;Romanian;roumain;;;
RU;Russian;russe;;Russia|Russie|Fédération de Russie;Moscou|Moscow
RW;Rwandan;rwandais;;;
KN;;;;;
LC;;;;;
VC;;;;;
WS;Samoan;samoan;;;
SM;Sammarinese;saint-marinais;;;
ST;;;;;
SA;Saudi;saoudien;;;Riyad|Riyadh
SN;Senegalese;sénégalais;;;
RS;Serbian;serbe;;;
SC;Seychellois;seychellois;;;
SL;Sierra Leonean;sierra-léonais;;;
SG;Singaporean;singapourien;;;
SK;Slovak;slovaque;;Slovakia|Slovaquie;
SI;Slovenian;slovène;;;
SB;;;;;
SO;Somali;somalien;;;
ZA;South African;sud-africain;;;Pretoria
SS;South Sudanese;sud-soudanais;;;
ES;Spanish;espagnol;;;Moncloa
LK;Sri Lankan;sri-lankais;;;
SD;Sudanese;soudanais;;;
SR;Surinamese;surinamais;;;
SE;Swedish;suédois;;;
CH;Swiss;suisse;;Confédération suisse|Confédération helvétique;Berne|Bern
SY;Syrian;syrien;;Syria|Syrie;Damas|Damascus
TW;Taiwanese;taïwanais;;;Taipei
TJ;Tajik;tadjik;tadjike;Tajikistan|Tadjikistan;
TZ;Tanzanian;tanzanien;;;
TH;Thai;thaïlandais;;;
TL;Timorese;timorais;;East Timor|Timor-Leste;
TG;Togolese;togolais;;;
TO;Tongan;tongien;;;
TT;Trinidadian;trinidadien;;;
TN;Tunisian;tunisien;;;
TR;Turkish;turc;turque;Turkey|Turquie|Türkiye;Ankara
TM;Turkmen;turkmène;;;
TV;Tuvaluan;tuvaluan;;;
UG;Ugandan;ougandais;;;
UA;Ukrainian;ukrainien;;;Kiev|Kyiv
AE;Emirati;émirien;;UAE|EAU|Émirats arabes unis;
GB;British;britannique;;Britain|Great Britain|Grande-Bretagne;Whitehall|Number 10
US;American;américain;;United States of America|America|Amérique;
UY;Uruguayan;uruguayen;;;
UZ;Uzbek;ouzbek;ouzbèke;Uzbekistan|Ouzbékistan;
VU;;;;;
VA;Vatican;;;Vatican|Holy See|Saint-Siège|Cité du Vatican;
VE;Venezuelan;vénézuélien;;Venezuela|Venezuela;Caracas
VN;Vietnamese;vietnamien;;Vietnam|Viêt Nam|Viet Nam;Hanoï|Hanoi
YE;Yemeni;yéménite;;;
ZM;Zambian;zambien;;;
ZW;Zimbabwean;zimbabwéen;;;
GL;Greenlandic;groenlandais;;Greenland|Groenland;
"""

# Heads of government (and of the US executive) since 2010, for the
# "Trudeau government", "gouvernement Fillon", "administration Obama" forms.
HEADS = {
    "US": "Obama Trump Biden", "FR": "Fillon Ayrault Valls Cazeneuve Philippe Castex "
    "Borne Attal Barnier Bayrou Lecornu", "DE": "Merkel Scholz Merz",
    "GB": "Brown Cameron Johnson Truss Sunak Starmer", "IT": "Berlusconi Monti Letta "
    "Renzi Gentiloni Conte Draghi Meloni", "ES": "Zapatero Rajoy Sánchez",
    "NL": "Rutte Schoof", "BE": "Michel Wilmès De_Croo De_Wever", "CA": "Harper Trudeau Carney",
    "JP": "Kan Noda Abe Suga Kishida Ishiba Takaichi", "IN": "Modi", "AU": "Rudd Gillard "
    "Abbott Turnbull Morrison Albanese", "BR": "Lula Rousseff Temer Bolsonaro",
    "AR": "Macri Milei", "PL": "Tusk Morawiecki", "GR": "Tsipras Mitsotakis",
    "PT": "Costa Montenegro", "AT": "Kurz Nehammer", "HU": "Orbán Orban",
    "KR": "Yoon", "MX": "Sheinbaum", "ZA": "Ramaphosa", "TR": "Erdoğan Erdogan",
}

# Canonical names kept from the hand-written governments.gaz, whose
# style differs from "<adjective> government".
CANONICAL = {
    "US": "United States government",
    "VA": "Holy See",
}

# Names that are also first names, other places or common words: they
# would turn "Maurice Lévy" or "Michael Jordan" into a state.
SKIP_FORMS = {
    "Chad", "Jordan", "Georgia", "Géorgie", "Maurice", "Salvador", "Grenade",
    "Dominique", "Congo", "Corée", "Korea", "Guinée", "Guinea", "Hong Kong",
    "Macau", "Macao", "America", "Amérique",
}

# States whose finance ministry gets an entry of its own ("ministère des
# Finances néerlandais"): the G20, the EU and the EEA.  The United States
# and Switzerland have theirs in governments.gaz under their own names.
MINISTRY_STATES = set(
    "AR AU BR CA CN FR DE IN ID IT JP KR MX RU SA ZA TR GB "
    "AT BE BG HR CY CZ DK EE FI GR HU IE LV LT LU MT NL PL PT RO SK SI ES SE "
    "IS LI NO".split())

# English names said with "the".
THE_NAMES = {
    "Bahamas", "Gambia", "Netherlands", "Philippines", "United Kingdom",
    "United States", "United Arab Emirates", "Central African Republic",
    "Dominican Republic", "Czech Republic", "Maldives", "Marshall Islands",
    "Solomon Islands", "Comoros", "Seychelles",
}

# Dependent territories and zones without a government of their own.
TERRITORIES = set(
    "AS AI AQ AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GP GS GU HM IM "
    "IO JE KY MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG "
    "VI WF YT".split())

ELISION = re.compile(r"^(?:l|d|qu|jusqu|lorsqu)'")
ARTICLES = {"le", "la", "les", "l", "the"}


def fold(form):
    """About what dossier_fold does: the key under which two forms clash."""
    s = form.replace("’", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    words = []
    for w in re.split(r"[\s\-_.]+", s):
        w = ELISION.sub("", w)
        w = re.sub(r"'s$", "", w)
        w = re.sub(r"[^\w&']", "", w)
        if w:
            words.append(w)
    if len(words) >= 3 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def feminine(m):
    if m.endswith("e"):
        return m
    if m.endswith("en"):
        return m + "ne"
    return m + "e"


def plural(w):
    return w if w.endswith(("s", "x")) else w + "s"


def read_claimed(folder, skip):
    """Folded form -> canonical name, over the hand-written .gaz files."""
    claimed = {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".gaz") or name == skip:
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                fields = line.split("\t")
                forms = [fields[1]]
                if len(fields) > 2:
                    forms += [a.strip().lstrip("~") for a in fields[2].split("|")]
                for form in forms:
                    if form.strip():
                        claimed[fold(form)] = fields[1]
    return claimed


def usable_name(name):
    return name and "," not in name and "(" not in name


def main():
    check = sys.argv[1:] == ["--check"]
    args = [] if check else sys.argv[1:]
    iso_json = args[0] if len(args) > 0 else "/usr/share/iso-codes/json/iso_3166-1.json"
    fr_mo = args[1] if len(args) > 1 else "/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo"
    out = args[2] if len(args) > 2 else os.path.join(GAZ_DIR, "countries.gaz")

    if check and not (os.path.exists(iso_json) and os.path.exists(fr_mo)):
        print("SKIP: iso-codes is not installed", file=sys.stderr)
        sys.exit(77)

    with open(iso_json, encoding="utf-8") as f:
        iso = {c["alpha_2"]: c for c in json.load(f)["3166-1"]}
    with open(fr_mo, "rb") as f:
        fr = gettext.GNUTranslations(f)
    claimed = read_claimed(os.path.dirname(out), os.path.basename(out))

    rows = {}
    for line in TABLE.strip().splitlines():
        code, en_adj, fr_adj, fr_fem, names, metonyms = (x.strip() for x in line.split(";"))
        rows[code] = (en_adj, fr_adj, fr_fem, names, metonyms)
    missing = sorted(set(iso) - set(rows) - TERRITORIES)
    if missing:
        sys.exit("gen-countries-gaz: no row for " + " ".join(missing))

    entries = []  # (canonical, [forms])
    for code, (en_adj, fr_adj, fr_fem, names, metonyms) in rows.items():
        c = iso.get(code, {})
        en_names = [c.get("name"), c.get("common_name"), c.get("official_name")]
        fr_names = [fr.gettext(n) for n in en_names if n]
        plain = [n for n in en_names + fr_names if usable_name(n)]
        plain = [re.sub(r"^(?:the|l') ?", "", n) for n in plain]
        plain += [n for n in names.split("|") if n]
        short = next((n for n in [c.get("common_name"), c.get("name")] if usable_name(n)),
                     names.split("|")[0])
        canonical = CANONICAL.get(code) or "%s government" % (en_adj or short)

        forms = []
        if en_adj:
            forms += ["%s government" % en_adj, "%s authorities" % en_adj]
        forms += ["government of %s%s" % ("the " if n in THE_NAMES else "", n)
                  for n in plain[:1] if n.isascii()]
        if fr_adj:
            fem = fr_fem or feminine(fr_adj)
            forms += ["gouvernement %s" % fr_adj, "État %s" % fr_adj,
                      "exécutif %s" % fr_adj, "autorités %s" % plural(fem)]
        for head in HEADS.get(code, "").split():
            head = head.replace("_", " ")
            forms += ["%s government" % head, "gouvernement %s" % head,
                      "%s administration" % head, "administration %s" % head]
        # Names and capitals are places too: "@" keeps "au Canada" out.
        forms += ["@" + n for n in plain]
        forms += ["@" + m for m in metonyms.split("|") if m]
        entries.append((canonical, forms))
        if code in MINISTRY_STATES and en_adj and fr_adj:
            entries.append(("%s Ministry of Finance" % en_adj, [
                "%s finance ministry" % en_adj, "%s treasury" % en_adj,
                "%s economy ministry" % en_adj, "%s Ministry of Economy" % en_adj,
                "ministère des Finances %s" % fr_adj, "ministère %s des Finances" % fr_adj,
                "ministère de l'Économie %s" % fr_adj, "ministère %s de l'Économie" % fr_adj,
            ]))

    # A form two states share ("congolais") names neither.
    owners = {}
    for canonical, forms in entries:
        for form in forms:
            owners.setdefault(fold(form.lstrip("@")), set()).add(canonical)

    lines = []
    n_forms = 0
    # A ministry the hand-written files already have under another name
    # is left to them whole, or it would be two actors.
    entries = [(c, forms) for c, forms in entries
               if not c.endswith("Ministry of Finance") or
               not any(claimed.get(fold(f), c) != c for f in [c] + forms)]
    for canonical, forms in sorted(entries):
        seen = {fold(canonical)}
        aliases = []
        for form in forms:
            key = fold(form.lstrip("@"))
            if (form.lstrip("@") in SKIP_FORMS or key in seen or len(owners[key]) > 1 or
                    key in claimed):
                continue
            seen.add(key)
            aliases.append(form)
        n_forms += len(aliases)
        line = "government\t" + canonical
        if aliases:
            line += "\t" + " | ".join(aliases)
        lines.append(line)

    n_ministries = sum(1 for c, _ in entries if c.endswith("Ministry of Finance"))
    header = [
        "# Dossier gazetteer: countries.gaz (format: README.md)",
        "# GENERATED by build-aux/gen-countries-gaz.py from Debian's iso-codes",
        "# (iso_3166-1.json and its French translation) and the script's own",
        "# table of adjectives and metonyms: do not edit, change the script and run",
        "#   python3 build-aux/gen-countries-gaz.py",
        "# Forms that the other files of this folder already give are left out;",
        "# states those files have keep their entry there and get the rest here.",
        "# %d states and %d finance ministries, %d aliases." % (
            len(lines) - n_ministries, n_ministries, n_forms),
        "",
    ]
    text = "\n".join(header + lines) + "\n"
    if check:
        with open(out, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit("FAIL: %s is stale: run python3 build-aux/gen-countries-gaz.py" % out)
        return
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    print("gen-countries-gaz: %d entries, %d aliases -> %s" % (len(lines), n_forms, out))


if __name__ == "__main__":
    main()

/* dossier-lexicon.c
 *
 * Copyright 2026 The Dossier authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-lexicon"

#include "config.h"

#include <string.h>

#include "dossier-dictionary.h"
#include "dossier-lexicon.h"

/* Word lists, folded (lower case, no accents).  They describe French and
 * English news prose; none names an actor. */

static const char *stop_words[] = {
  /* function words that start sentences or titles */
  "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "en", "dans", "sur",
  "pour", "par", "avec", "sans", "sous", "chez", "vers", "entre", "depuis", "pendant", "apres",
  "avant", "selon", "et", "ou", "mais", "donc", "or", "ni", "car", "si", "que", "qu", "qui", "quoi",
  "quand", "comme", "comment", "pourquoi", "ou", "ce", "cet", "cette", "ces", "ca", "cela", "ceci",
  "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "j", "tu", "c", "s", "n", "y",
  "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "leur", "leurs", "notre", "votre",
  "tout", "tous", "toute", "toutes", "aucun", "aucune", "chaque", "plusieurs", "certains",
  "certaines", "quelques", "autre", "autres", "meme", "ainsi", "alors", "aussi", "bien", "puis",
  "enfin", "encore", "deja", "toujours", "jamais", "peut", "etre", "plus", "moins", "tres", "trop",
  "oui", "non", "voici", "voila", "bref", "bon", "bah", "ben", "euh", "merci", "bravo",
  "cependant", "pourtant", "neanmoins", "toutefois", "desormais", "aujourd", "hier", "demain",
  "ici", "la", "lorsque", "lorsqu", "puisque", "puisqu", "jusqu", "quel", "quelle", "quels",
  "quelles", "dont", "est", "sont", "a", "ont", "fait", "sera", "serait", "etait",
  "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
  "you", "i", "his", "her", "their", "our", "your", "my", "in", "on", "at", "of", "for", "to",
  "from", "with", "by", "as", "but", "and", "or", "if", "so", "yet", "when", "while", "after",
  "before", "since", "because", "although", "though", "however", "meanwhile", "according",
  "there", "here", "what", "which", "who", "whom", "whose", "why", "how", "all", "some", "many",
  "most", "more", "no", "not", "yes", "also", "still", "now", "then", "just", "only", "even",
  "last", "next", "new", "first", "other", "another", "such", "each", "every", "both", "is",
  "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "will", "would",
  "can", "could", "should", "may", "might", "must", "said", "says", "today", "yesterday",
  "under", "over", "about", "despite", "amid", "among", "through", "during", "without", "within",
  "against", "upon", "beyond", "toward", "towards", "following", "including", "unlike", "like",
  "into", "onto", "across", "behind", "outside", "inside", "until", "unless", "whether", "where",
  "once", "perhaps", "instead", "overall", "earlier", "later", "separately", "shares", "sources",
  /* months and days, both languages */
  "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
  "octobre", "novembre", "decembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
  "dimanche", "january", "february", "march", "april", "june", "july", "august", "september",
  "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
  "saturday", "sunday",
  /* page furniture and generic capitalised nouns */
  "menu", "accueil", "home", "tags", "tag", "image", "images", "photo", "photos", "video",
  "videos", "source", "sources", "premium", "breaking", "update", "maj",
  "mise", "jour", "lire", "voir", "aussi", "publicite", "newsletter", "abonnez", "abonnement",
  "connexion", "utilisateur", "commentaires", "commentaire", "partager", "share", "accessibilite",
  "redige", "vos", "page", "pages", "article", "articles", "read", "more", "subscribe", "sign",
  "login", "log", "advertisement", "related", "comments", "comment", "reply", "repondre",
  "signaler", "suivre", "follow", "copyright", "tous", "droits", "reserves", "contact",
  "ia", "ai", "app", "apps", "internet", "web", "cloud", "tech", "startup", "startups", "business",
  "marketing", "digital", "data", "covid", "virus", "pandemie", "pandemic", "reseaux", "sociaux",
  "strategie", "innovation", "technologie", "technologies", "economie", "politique", "societe",
  "monde", "france", "europe", "afrique", "asie", "amerique", "occident", "ouest", "est", "nord",
  "sud", "pdg", "ceo", "cdd", "cdi", "sql", "eo", "oe", "ue", "un", "ok", "tv", "pc", "dg",
  "etats", "unis", "gouvernement", "administration", "president", "presidente", "ministre",
  "senateur", "senat", "congres", "parlement", "government", "congress", "senate", "parliament",
  "company", "group", "groupe", "entreprise", "entreprises", "plateforme", "application",
  "rachat", "vente", "accord", "deal", "partenariat", "partenaire", "decret", "loi", "law",
  "oui", "non", "merci", "fin", "debut", "suite", "note", "notes", "info", "infos", "question",
  "questions", "reponse", "reponses", "conclusion", "introduction", "resume", "analyse",
  "imaginez", "ajoutez", "plongeons", "rassurez", "ecoutez", "juste", "quelles", "voici",
  "avatar", "dossier", "dossiers", "focus", "exclusif", "exclusive", "live", "direct",
};

/* Places named as places ("en Australie", "dans la Silicon Valley"): not
 * actors unless the gazetteer knows them as a state acting. */
static const char *place_words[] = {
  "australie", "canada", "nouvelle", "zelande", "silicon", "valley", "californie", "texas",
  "new", "york", "londres", "paris", "berlin", "tokyo", "redmond", "seattle", "cupertino",
  "shenzhen", "shanghai", "hong", "kong", "taiwan", "inde", "india", "japon", "japan", "coree",
  "korea", "russie", "russia", "allemagne", "germany", "italie", "italy", "espagne", "spain",
  "royaume", "uni", "kingdom", "bresil", "brazil", "mexique", "mexico", "irlande", "ireland",
  "bruxelles", "brussels", "geneve", "geneva", "stanford", "harvard", "ouigours", "uyghurs",
  "americain", "americains", "americaine", "americaines", "chinois", "chinoise", "chinoises",
  "europeen", "europeens", "europeenne", "francais", "francaise", "american", "americans",
  "chinese", "european", "french", "british", "indien", "japonais", "russe", "allemand",
  "wall", "street", "manhattan", "bay", "area", "asia", "pacific", "atlantique", "atlantic",
};

static const char *first_names[] = {
  "aaron", "adam", "alain", "alan", "albert", "alex", "alexander", "alexandre", "alexis",
  "alice", "alicia", "amanda", "amy", "andre", "andrew", "andy", "angela", "ann", "anna",
  "anne", "anthony", "antoine", "arnaud", "arthur", "ashley", "audrey", "barack", "barbara",
  "ben", "benjamin", "benoit", "bernard", "bill", "bob", "boris", "brad", "brian", "bruce",
  "bruno", "carl", "carlos", "carol", "caroline", "catherine", "cecile", "charles", "charlie",
  "chris", "christian", "christine", "christophe", "christopher", "claire", "claude", "cyril",
  "damien", "daniel", "danielle", "david", "denis", "dennis", "didier", "dominique", "donald",
  "doug", "douglas", "edouard", "edward", "elizabeth", "elon", "emily", "emma", "emmanuel",
  "emmanuelle", "eric", "erik", "etienne", "eva", "fabien", "florence", "francois", "francoise",
  "frank", "frederic", "gabriel", "gary", "george", "georges", "gerald", "gerard", "gilles",
  "gina", "greg", "gregory", "guillaume", "helen", "henri", "henry", "hugo", "ian", "isabelle",
  "jack", "jacques", "jake", "james", "jamie", "jan", "jane", "janet", "jared", "jason", "jean",
  "jeff", "jeffrey", "jennifer", "jensen", "jeremy", "jerome", "jessica", "jim", "joe", "john",
  "johnny", "jonathan", "jordan", "jose", "joseph", "josh", "joshua", "julia", "julie", "julien",
  "justin", "karen", "kate", "katherine", "kevin", "kim", "larry", "laura", "laurent", "lina",
  "linda", "lisa", "louis", "luc", "lucas", "lucie", "marc", "marco", "margaret", "margrethe",
  "maria", "marie", "marine", "mark", "martin", "mary", "matt", "matthew", "maxime", "melanie",
  "michael", "michel", "michelle", "mike", "nancy", "natalie", "nathalie", "nicholas", "nick",
  "nicolas", "olivier", "pascal", "patrick", "paul", "peter", "philippe", "pierre", "rachel",
  "ralph", "raphael", "rebecca", "richard", "rishi", "robert", "roger", "ron", "ryan", "sam",
  "samuel", "sandra", "sarah", "satya", "scott", "sean", "sebastien", "shou", "simon", "sophie",
  "stephane", "stephanie", "stephen", "steve", "steven", "sundar", "susan", "sylvie", "ted",
  "thierry", "thomas", "tim", "timothy", "tom", "tony", "ursula", "valerie", "vincent", "virginie",
  "vladimir", "walter", "william", "xavier", "xi", "yann", "yves", "zhang", "jack", "kamala",
  "mitch", "nancy", "chuck", "marco", "ted", "lindsey", "elizabeth", "bernie", "gavin", "jerome",
  "janet", "gina", "antony", "lloyd", "merrick", "lael", "keir", "olaf", "giorgia", "pedro",
  "narendra", "recep", "justin", "fumio", "shigeru", "yoon", "li", "wang", "sheryl", "safra",
  "marissa", "travis", "brian", "reed", "evan", "kevin", "sam", "demis", "mustafa", "dario",
};

static const char *title_words[] = {
  "m", "mme", "mmes", "mlle", "mr", "mrs", "ms", "dr", "pr", "me", "sir", "dame", "lord",
  "senateur", "senatrice", "senator", "sen", "depute", "deputee", "representative", "rep",
  "ministre", "minister", "secretaire", "secretary", "juge", "judge", "gouverneur", "governor",
  "maire", "mayor", "commissaire", "commissioner", "ambassadeur", "ambassador",
  "analyste", "analyst", "journaliste", "journalist", "reporter", "chroniqueur", "columnist",
  "economiste", "economist", "avocat", "avocate", "lawyer", "attorney", "professeur",
  "professor", "chercheur", "researcher", "porte", "parole", "spokesman", "spokeswoman",
  "spokesperson", "conseiller", "conseillere", "adviser", "advisor", "candidat", "candidate",
  "milliardaire", "billionaire", "entrepreneur", "investisseur", "investor", "chancelier",
  "chanceliere", "chancellor", "roi", "reine", "king", "queen", "prince", "princesse",
  "vice", "premier", "premiere", "prime", "speaker", "homologue", "counterpart", "tresorier",
  "tresoriere", "treasurer", "rapporteur", "rapporteure", "negociateur", "negotiator",
};

static const char *role_words[] = {
  "pdg", "ceo", "cfo", "cto", "coo", "dg", "patron", "patronne", "fondateur", "fondatrice",
  "cofondateur", "cofondatrice", "founder", "cofounder", "co", "directeur", "directrice",
  "director", "dirigeant", "dirigeante", "chairman", "chairwoman", "chair", "chief", "boss",
  "head", "president", "presidente", "proprietaire", "owner", "actionnaire", "executive",
};

static const char *head_words[] = {
  "president", "presidente", "premier", "prime", "chancelier", "chanceliere", "chancellor",
  "roi", "reine", "king", "queen", "dirigeant", "leader", "pdg", "ceo", "patron",
  "ministre", "minister", "secretaire", "secretary", "gouverneur", "governor", "commissaire",
  "commissioner", "chef",
};

static const char *company_cues[] = {
  "societe", "groupe", "entreprise", "firme", "start", "startup", "jeune", "pousse",
  "constructeur", "fabricant", "editeur", "operateur", "equipementier", "geant", "mastodonte",
  "specialiste", "leader", "numero", "concurrent", "rival", "filiale", "marque", "enseigne",
  "banque", "assureur", "fonds", "laboratoire", "plateforme", "application", "reseau",
  "company", "companies", "firm", "group", "giant", "maker", "chipmaker", "carmaker",
  "manufacturer", "retailer", "provider", "operator", "subsidiary", "brand", "bank", "fund",
  "insurer", "platform", "app", "lab", "conglomerate", "conglomerat", "consortium", "compagnie",
  "cabinet", "chaine", "distributeur", "services", "messagerie", "moteur", "network",
};

static const char *media_cues[] = {
  "journal", "quotidien", "hebdomadaire", "magazine", "mensuel", "newspaper", "daily",
  "weekly", "tabloid", "outlet", "agence", "agency", "media", "chaine", "radio", "television",
  "site", "blog", "publication", "gazette",
};

static const char *gov_cues[] = {
  "ministere", "ministry", "departement", "department", "agence", "agency", "autorite",
  "authority", "commission", "regulateur", "regulator", "tribunal", "court", "cour",
  "parlement", "parliament", "gouvernement", "government", "administration",
};

static const char *company_ends[] = {
  "inc", "corp", "corporation", "ltd", "llc", "plc", "sa", "sas", "sarl", "ag", "gmbh", "nv",
  "bv", "spa", "co", "holdings", "holding", "group", "groupe", "technologies", "labs",
  "systems", "motors", "airlines", "pharmaceuticals", "industries", "ventures", "capital",
  "partners", "software", "networks", "semiconductor", "electronics", "telecom", "bank",
  "banque", "energies", "energy", "robotics", "ai",
};

static const char *media_ends[] = {
  "times", "journal", "post", "news", "tribune", "herald", "gazette", "magazine", "daily",
  "telegraph", "guardian", "observer", "chronicle", "monde", "figaro", "echos", "express",
  "press", "presse", "radio", "tv", "tribune", "insider", "week", "wire", "review", "today",
  "mail", "standard", "economist", "verge",
};

static const char *nationalities[] = {
  "americain", "americaine", "chinois", "chinoise", "francais", "francaise", "europeen",
  "europeenne", "japonais", "japonaise", "coreen", "coreenne", "allemand", "allemande",
  "britannique", "russe", "indien", "indienne", "canadien", "canadienne", "taiwanais",
  "suedois", "suisse", "italien", "italienne", "espagnol", "neerlandais", "israelien",
  "american", "chinese", "french", "european", "japanese", "korean", "german", "british",
  "russian", "indian", "canadian", "taiwanese", "swedish", "swiss", "italian", "spanish",
  "dutch", "israeli", "us", "tech",
  "neerlandaise", "belge", "autrichien", "autrichienne", "polonais", "polonaise", "portugais",
  "portugaise", "grec", "grecque", "irlandais", "irlandaise", "danois", "danoise", "norvegien",
  "norvegienne", "finlandais", "finlandaise", "suedoise", "turc", "turque", "bresilien",
  "bresilienne", "mexicain", "mexicaine", "argentin", "argentine", "saoudien", "saoudienne",
  "australien", "australienne", "indonesien", "indonesienne", "espagnole", "luxembourgeois",
  "belgian", "austrian", "polish", "portuguese", "greek", "irish", "danish", "norwegian",
  "finnish", "turkish", "brazilian", "mexican", "argentine", "saudi", "australian", "indonesian",
  "luxembourgish", "ukrainian", "ukrainien", "ukrainienne", "qatari", "emirati", "singaporean", "technologique", "numerique", "informatique", "pharmaceutique",
  "automobile", "petrolier", "bancaire", "californien", "californienne", "rival", "concurrent",
  "software", "social", "media", "internet", "online", "cloud", "videos", "video",
};

static const char *determiners[] = {
  "le", "la", "les", "l", "un", "une", "des", "du", "the", "a", "an", "sa", "son", "ses", "its",
  "his", "her", "their", "leur", "leurs", "ce", "cet", "cette", "notre", "our",
};

static const char *prepositions[] = {
  "de", "d", "du", "des", "avec", "pour", "par", "sur", "a", "au", "aux", "contre", "chez",
  "dans", "en", "vers", "entre", "sans", "of", "with", "for", "by", "on", "to", "from",
  "against", "at", "in", "into", "between", "without", "about",
};

static const char *connectors[] = {
  "de", "du", "von", "van", "der", "den", "da", "di", "del", "bin", "al", "le", "of",
};

static const char *coords[] = { "et", "and", "ou", "or", "ni", "nor", "ainsi", "&", NULL };

static const char *clause_words[] = {
  "mais", "but", "tandis", "alors", "whereas", "cependant", "however", "pourtant", "car",
  "because", "although", "bien",
};

static const char *relative_words[] = {
  "que", "qu", "qui", "dont", "lequel", "laquelle", "which", "who", "whom", "whose", "that",
  "lorsque", "quand", "when", "si", "if", "ou", "where",
};

static const char *negations[] = {
  "ne", "n", "pas", "not", "never", "jamais", "aucun", "aucune", "no", "nor", "ni", "didn",
  "doesn", "don", "won", "wouldn", "isn", "wasn", "hasn", "haven", "refuse", "refused",
  "refuses", "sans", "without", "plus",
};

static const char *hypotheses[] = {
  "pourrait", "pourraient", "pourra", "pourront", "serait", "seraient", "aurait", "auraient",
  "devrait", "devraient", "si", "could", "would", "might", "may", "if", "envisage", "envisagerait",
  "envisagent", "potentiel", "potentielle", "potentiellement", "possible", "eventuel",
  "eventuellement", "rumeur", "rumeurs", "rumor", "rumour", "reportedly", "supposedly",
  "considering", "considers", "mulls", "weighs", "peut", "peuvent",
};

static const char *agents[] = { "par", "by" };

/* The first or last word of the name of a thing or a place, not of an
 * actor: "Investment Canada Act", "Elk Valley", "Tour Eiffel". */
static const char *thing_words[] = {
  "act", "law", "loi", "bill", "treaty", "traite", "valley", "vallee", "river", "riviere",
  "street", "road", "avenue", "boulevard", "rue", "square", "park", "parc", "bridge", "pont",
  "tower", "tour", "building", "airport", "aeroport", "index", "indice", "prize", "prix",
  "award", "cup", "coupe", "war", "guerre", "summit", "sommet", "island", "ile", "mount",
  "lake", "lac", "district", "circuit", "county", "province", "region", "state", "etat",
  "comite", "committee", "conseil", "board", "assemblee", "plan", "programme", "program",
};

/* Verbs of saying after a name: the name is a person's ("X a déclaré"). */
static const char *saying[] = {
  "said", "says", "told", "added", "explained", "argued", "wrote", "declared", "insisted",
  "declare", "dit", "estime", "explique", "ajoute", "affirme", "souligne", "precise", "assure",
  "indique", "confie", "raconte", "martele", "rappelle", "regrette", "juge", "reconnait",
};

/* An open addressing table over (bytes, length): no copy and no
 * NUL-terminated key per lookup, which runs for every word of the text. */
typedef struct
{
  const char *word;   /* NULL: empty */
  guint32     len;
  guint32     hash;
  guint       classes;
} ClassSlot;

#define CLASS_TABLE_SIZE 4096  /* power of two, > 2x the words listed */

static ClassSlot class_table[CLASS_TABLE_SIZE];

static void
add_words (const char **words,
           gsize        n,
           guint        cls)
{
  for (gsize i = 0; i < n; i++)
    {
      gsize len;
      guint32 h;

      if (words[i] == NULL)
        continue;
      len = strlen (words[i]);
      h = dossier_fold_hash (words[i], len);
      for (guint k = h & (CLASS_TABLE_SIZE - 1);; k = (k + 1) & (CLASS_TABLE_SIZE - 1))
        {
          ClassSlot *slot = &class_table[k];

          if (slot->word == NULL)
            {
              slot->word = words[i];
              slot->len = len;
              slot->hash = h;
              slot->classes = cls;
              break;
            }
          if (slot->hash == h && slot->len == len && memcmp (slot->word, words[i], len) == 0)
            {
              slot->classes |= cls;
              break;
            }
        }
    }
}

static gpointer
build_classes (gpointer data)
{
  add_words (stop_words, G_N_ELEMENTS (stop_words), DOSSIER_WORD_STOP);
  add_words (place_words, G_N_ELEMENTS (place_words), DOSSIER_WORD_PLACE);
  add_words (first_names, G_N_ELEMENTS (first_names), DOSSIER_WORD_FIRST_NAME);
  add_words (title_words, G_N_ELEMENTS (title_words), DOSSIER_WORD_TITLE);
  add_words (role_words, G_N_ELEMENTS (role_words), DOSSIER_WORD_ROLE);
  add_words (head_words, G_N_ELEMENTS (head_words), DOSSIER_WORD_HEAD);
  add_words (company_cues, G_N_ELEMENTS (company_cues), DOSSIER_WORD_COMPANY_CUE);
  add_words (media_cues, G_N_ELEMENTS (media_cues), DOSSIER_WORD_MEDIA_CUE);
  add_words (gov_cues, G_N_ELEMENTS (gov_cues), DOSSIER_WORD_GOV_CUE);
  add_words (company_ends, G_N_ELEMENTS (company_ends), DOSSIER_WORD_COMPANY_END);
  add_words (media_ends, G_N_ELEMENTS (media_ends), DOSSIER_WORD_MEDIA_END);
  add_words (nationalities, G_N_ELEMENTS (nationalities), DOSSIER_WORD_NATIONALITY);
  add_words (determiners, G_N_ELEMENTS (determiners), DOSSIER_WORD_DETERMINER);
  add_words (prepositions, G_N_ELEMENTS (prepositions), DOSSIER_WORD_PREPOSITION);
  add_words (connectors, G_N_ELEMENTS (connectors), DOSSIER_WORD_CONNECTOR);
  add_words (coords, G_N_ELEMENTS (coords), DOSSIER_WORD_COORD);
  add_words (clause_words, G_N_ELEMENTS (clause_words), DOSSIER_WORD_CLAUSE);
  add_words (relative_words, G_N_ELEMENTS (relative_words), DOSSIER_WORD_RELATIVE);
  add_words (negations, G_N_ELEMENTS (negations), DOSSIER_WORD_NEGATION);
  add_words (hypotheses, G_N_ELEMENTS (hypotheses), DOSSIER_WORD_HYPOTHESIS);
  add_words (agents, G_N_ELEMENTS (agents), DOSSIER_WORD_AGENT);
  add_words (saying, G_N_ELEMENTS (saying), DOSSIER_WORD_SAYING);
  add_words (thing_words, G_N_ELEMENTS (thing_words), DOSSIER_WORD_THING);

  return NULL;
}

/* The probe alone, the table built: dossier_lexicon_classify_tokens() tests
 * the once-flag once a window, not once a word. */
static inline guint
lookup_classes (const char *word,
                gsize       len,
                guint32     h)
{
  if (len == 0 || len > 32)
    return 0;

  for (guint k = h & (CLASS_TABLE_SIZE - 1);; k = (k + 1) & (CLASS_TABLE_SIZE - 1))
    {
      const ClassSlot *slot = &class_table[k];

      if (slot->word == NULL)
        return 0;
      if (slot->hash == h && slot->len == len && dossier_fold_word_equal (slot->word, word, len))
        return slot->classes;
    }
}

/* What the hunspell dictionaries add for a capitalised word. */
static guint
dictionary_classes (const char *word,
                    gsize       len,
                    guint32     hash)
{
  guint dict = dossier_dictionary_lookup_hashed (word, len, hash);
  guint classes = 0;

  if (dict & DOSSIER_DICT_COMMON)
    classes |= DOSSIER_WORD_COMMON;
  if (dict & DOSSIER_DICT_PROPER)
    classes |= DOSSIER_WORD_PROPER;
  if (dict & DOSSIER_DICT_GIVEN_NAME)
    classes |= DOSSIER_WORD_FIRST_NAME;
  if (dict & DOSSIER_DICT_SURNAME)
    classes |= DOSSIER_WORD_SURNAME;
  return classes;
}

void
dossier_lexicon_classify_tokens (const DossierFolded *folded,
                                 const DossierToken  *tokens,
                                 guint                n,
                                 guint               *classes)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, build_classes, NULL);

  for (guint i = 0; i < n; i++)
    {
      const DossierToken *t = &tokens[i];
      const char *word = folded->folded + t->fstart;
      gsize len = t->fend - t->fstart;

      classes[i] = lookup_classes (word, len, t->hash);
      if (dossier_token_is_capitalised (t))
        classes[i] |= dictionary_classes (word, len, t->hash);
    }
}

/* Relation cues.  Stems end in '*'.  The kind says where the two actors
 * sit around the cue; the extractor checks their types. */
static const DossierCue cues[] = {
  /* acquires: bids, offers, purchases, attempts */
  { "rachat*", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_NOUN, FALSE },
  { "rachet*", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "racheter", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "acquisition*", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_NOUN, FALSE },
  { "acqui*", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "achat", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_NOUN, FALSE },
  { "acheter", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "achete", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "achetee", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "achetera", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "reprendre", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "reprise", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_NOUN, FALSE },
  { "encheres", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_NOUN, FALSE },
  { "enchere", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_NOUN, FALSE },
  { "candidat au rachat", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_NOUN, FALSE },
  { "porte candidat", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "offre*", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_AGENT_NOUN, FALSE },
  { "proposition", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_AGENT_NOUN, FALSE },
  { "approche", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "buy*", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "bought", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "purchas*", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "takeover", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_NOUN, FALSE },
  { "take over", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "bid*", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_NOUN, FALSE },
  { "bidding", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_NOUN, FALSE },
  { "merger", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_NOUN, FALSE },
  { "fusion", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_NOUN, FALSE },
  { "s interesse a", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "interested in", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "mis la main sur", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "mettre la main sur", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "met la main sur", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "entrer au capital", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "entre au capital", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "monte au capital", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "take a stake", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  { "took a stake", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_VERB, FALSE },
  /* "la vente de Y à X", "the sale of Y to X": X acquires Y */
  { "vente", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_SALE, FALSE },
  { "cession", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_SALE, FALSE },
  { "sale", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_SALE, FALSE },
  { "offre d achat", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_AGENT_NOUN, FALSE },
  { "opa", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_AGENT_NOUN, FALSE },
  { "offer", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_AGENT_NOUN, FALSE },
  { "tender offer", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_AGENT_NOUN, FALSE },
  { "acquirer", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_NOUN, FALSE },
  { "prise de controle", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_NOUN, FALSE },
  { "prise de participation", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_NOUN, FALSE },
  { "montee au capital", DOSSIER_RELATION_ACQUIRES, DOSSIER_CUE_NOUN, FALSE },
  { "stake in", DOSSIER_RELATION_OWNS, DOSSIER_CUE_STAKE, TRUE },
  { "stake", DOSSIER_RELATION_OWNS, DOSSIER_CUE_STAKE, TRUE },
  { "du capital", DOSSIER_RELATION_OWNS, DOSSIER_CUE_NOUN, TRUE },
  { "participation dans", DOSSIER_RELATION_OWNS, DOSSIER_CUE_STAKE, TRUE },
  { "participation", DOSSIER_RELATION_OWNS, DOSSIER_CUE_STAKE, TRUE },
  { "actionnaire", DOSSIER_RELATION_OWNS, DOSSIER_CUE_ROLE, TRUE },
  { "shareholder", DOSSIER_RELATION_OWNS, DOSSIER_CUE_ROLE, TRUE },

  /* owns */
  { "maison mere", DOSSIER_RELATION_OWNS, DOSSIER_CUE_PARENT, TRUE },
  { "societe mere", DOSSIER_RELATION_OWNS, DOSSIER_CUE_PARENT, TRUE },
  { "groupe mere", DOSSIER_RELATION_OWNS, DOSSIER_CUE_PARENT, TRUE },
  { "parent company", DOSSIER_RELATION_OWNS, DOSSIER_CUE_PARENT, TRUE },
  { "parent", DOSSIER_RELATION_OWNS, DOSSIER_CUE_PARENT, TRUE },
  { "proprietaire", DOSSIER_RELATION_OWNS, DOSSIER_CUE_PARENT, TRUE },
  { "owner", DOSSIER_RELATION_OWNS, DOSSIER_CUE_PARENT, TRUE },
  { "filiale", DOSSIER_RELATION_OWNS, DOSSIER_CUE_CHILD, TRUE },
  { "appartient", DOSSIER_RELATION_OWNS, DOSSIER_CUE_CHILD, TRUE },
  { "detenu", DOSSIER_RELATION_OWNS, DOSSIER_CUE_CHILD, TRUE },
  { "detenue", DOSSIER_RELATION_OWNS, DOSSIER_CUE_CHILD, TRUE },
  { "subsidiary", DOSSIER_RELATION_OWNS, DOSSIER_CUE_CHILD, TRUE },
  { "controle par", DOSSIER_RELATION_OWNS, DOSSIER_CUE_CHILD, TRUE },
  { "controlee par", DOSSIER_RELATION_OWNS, DOSSIER_CUE_CHILD, TRUE },
  { "controlled by", DOSSIER_RELATION_OWNS, DOSSIER_CUE_CHILD, TRUE },
  { "controls", DOSSIER_RELATION_OWNS, DOSSIER_CUE_VERB, FALSE },
  { "possede", DOSSIER_RELATION_OWNS, DOSSIER_CUE_VERB, FALSE },
  { "detient", DOSSIER_RELATION_OWNS, DOSSIER_CUE_VERB, FALSE },
  { "owns", DOSSIER_RELATION_OWNS, DOSSIER_CUE_VERB, FALSE },
  { "owned", DOSSIER_RELATION_OWNS, DOSSIER_CUE_CHILD, TRUE },
  { "appartenant", DOSSIER_RELATION_OWNS, DOSSIER_CUE_CHILD, TRUE },
  { "vendre", DOSSIER_RELATION_OWNS, DOSSIER_CUE_VERB, TRUE },
  { "vend*", DOSSIER_RELATION_OWNS, DOSSIER_CUE_VERB, TRUE },
  { "ceder", DOSSIER_RELATION_OWNS, DOSSIER_CUE_VERB, TRUE },
  { "cede*", DOSSIER_RELATION_OWNS, DOSSIER_CUE_VERB, TRUE },
  { "sell*", DOSSIER_RELATION_OWNS, DOSSIER_CUE_VERB, TRUE },
  { "sold", DOSSIER_RELATION_OWNS, DOSSIER_CUE_VERB, TRUE },
  { "divest*", DOSSIER_RELATION_OWNS, DOSSIER_CUE_VERB, TRUE },
  { "spin off", DOSSIER_RELATION_OWNS, DOSSIER_CUE_VERB, TRUE },

  /* partners */
  { "partenaire*", DOSSIER_RELATION_PARTNERS, DOSSIER_CUE_NOUN, FALSE },
  { "partenariat*", DOSSIER_RELATION_PARTNERS, DOSSIER_CUE_NOUN, FALSE },
  { "associer", DOSSIER_RELATION_PARTNERS, DOSSIER_CUE_VERB, FALSE },
  { "associe", DOSSIER_RELATION_PARTNERS, DOSSIER_CUE_VERB, FALSE },
  { "alliance", DOSSIER_RELATION_PARTNERS, DOSSIER_CUE_NOUN, FALSE },
  { "collaboration", DOSSIER_RELATION_PARTNERS, DOSSIER_CUE_NOUN, FALSE },
  { "collabore*", DOSSIER_RELATION_PARTNERS, DOSSIER_CUE_VERB, FALSE },
  { "cooperation", DOSSIER_RELATION_PARTNERS, DOSSIER_CUE_NOUN, FALSE },
  { "coentreprise", DOSSIER_RELATION_PARTNERS, DOSSIER_CUE_NOUN, FALSE },
  { "joint venture", DOSSIER_RELATION_PARTNERS, DOSSIER_CUE_NOUN, FALSE },
  { "partner*", DOSSIER_RELATION_PARTNERS, DOSSIER_CUE_NOUN, FALSE },
  { "team up", DOSSIER_RELATION_PARTNERS, DOSSIER_CUE_VERB, FALSE },
  { "teamed up", DOSSIER_RELATION_PARTNERS, DOSSIER_CUE_VERB, FALSE },
  { "collaborat*", DOSSIER_RELATION_PARTNERS, DOSSIER_CUE_NOUN, FALSE },
  { "mariage", DOSSIER_RELATION_PARTNERS, DOSSIER_CUE_NOUN, FALSE },
  { "accord avec", DOSSIER_RELATION_PARTNERS, DOSSIER_CUE_NOUN, FALSE },
  { "agreement with", DOSSIER_RELATION_PARTNERS, DOSSIER_CUE_NOUN, FALSE },

  /* supplies */
  { "fournisseur*", DOSSIER_RELATION_SUPPLIES, DOSSIER_CUE_NOUN, FALSE },
  { "fourni*", DOSSIER_RELATION_SUPPLIES, DOSSIER_CUE_VERB, FALSE },
  { "technologies cloud", DOSSIER_RELATION_SUPPLIES, DOSSIER_CUE_NOUN, FALSE },
  { "services cloud", DOSSIER_RELATION_SUPPLIES, DOSSIER_CUE_PROVIDER, FALSE },
  { "cloud", DOSSIER_RELATION_SUPPLIES, DOSSIER_CUE_PROVIDER, FALSE },
  { "serveurs", DOSSIER_RELATION_SUPPLIES, DOSSIER_CUE_PROVIDER, FALSE },
  { "servers", DOSSIER_RELATION_SUPPLIES, DOSSIER_CUE_PROVIDER, FALSE },
  { "heberge*", DOSSIER_RELATION_SUPPLIES, DOSSIER_CUE_PROVIDER, FALSE },
  { "hosted", DOSSIER_RELATION_SUPPLIES, DOSSIER_CUE_PROVIDER, FALSE },
  { "hosts", DOSSIER_RELATION_SUPPLIES, DOSSIER_CUE_VERB, FALSE },
  { "supplies", DOSSIER_RELATION_SUPPLIES, DOSSIER_CUE_VERB, FALSE },
  { "supplied", DOSSIER_RELATION_SUPPLIES, DOSSIER_CUE_VERB, FALSE },
  { "fournit", DOSSIER_RELATION_SUPPLIES, DOSSIER_CUE_VERB, FALSE },
  { "supplie*", DOSSIER_RELATION_SUPPLIES, DOSSIER_CUE_NOUN, FALSE },
  { "provider", DOSSIER_RELATION_SUPPLIES, DOSSIER_CUE_NOUN, FALSE },
  { "provides", DOSSIER_RELATION_SUPPLIES, DOSSIER_CUE_VERB, FALSE },
  { "licence", DOSSIER_RELATION_SUPPLIES, DOSSIER_CUE_NOUN, FALSE },
  { "license*", DOSSIER_RELATION_SUPPLIES, DOSSIER_CUE_NOUN, FALSE },
  { "client", DOSSIER_RELATION_SUPPLIES, DOSSIER_CUE_CHILD, FALSE },
  { "customer", DOSSIER_RELATION_SUPPLIES, DOSSIER_CUE_CHILD, FALSE },

  /* leads */
  { "pdg", DOSSIER_RELATION_LEADS, DOSSIER_CUE_ROLE, TRUE },
  { "p dg", DOSSIER_RELATION_LEADS, DOSSIER_CUE_ROLE, TRUE },
  { "ceo", DOSSIER_RELATION_LEADS, DOSSIER_CUE_ROLE, TRUE },
  { "chief executive", DOSSIER_RELATION_LEADS, DOSSIER_CUE_ROLE, TRUE },
  { "directeur general", DOSSIER_RELATION_LEADS, DOSSIER_CUE_ROLE, TRUE },
  { "directrice generale", DOSSIER_RELATION_LEADS, DOSSIER_CUE_ROLE, TRUE },
  { "patron", DOSSIER_RELATION_LEADS, DOSSIER_CUE_ROLE, TRUE },
  { "patronne", DOSSIER_RELATION_LEADS, DOSSIER_CUE_ROLE, TRUE },
  { "fondateur", DOSSIER_RELATION_LEADS, DOSSIER_CUE_ROLE, TRUE },
  { "fondatrice", DOSSIER_RELATION_LEADS, DOSSIER_CUE_ROLE, TRUE },
  { "cofondateur", DOSSIER_RELATION_LEADS, DOSSIER_CUE_ROLE, TRUE },
  { "founder", DOSSIER_RELATION_LEADS, DOSSIER_CUE_ROLE, TRUE },
  { "co founder", DOSSIER_RELATION_LEADS, DOSSIER_CUE_ROLE, TRUE },
  { "chairman", DOSSIER_RELATION_LEADS, DOSSIER_CUE_ROLE, TRUE },
  { "president", DOSSIER_RELATION_LEADS, DOSSIER_CUE_ROLE, TRUE },
  { "presidente", DOSSIER_RELATION_LEADS, DOSSIER_CUE_ROLE, TRUE },
  { "dirigeant", DOSSIER_RELATION_LEADS, DOSSIER_CUE_ROLE, TRUE },
  { "dirige", DOSSIER_RELATION_LEADS, DOSSIER_CUE_VERB, TRUE },
  { "leads", DOSSIER_RELATION_LEADS, DOSSIER_CUE_VERB, TRUE },
  { "head of", DOSSIER_RELATION_LEADS, DOSSIER_CUE_ROLE, TRUE },
  { "a la tete", DOSSIER_RELATION_LEADS, DOSSIER_CUE_ROLE, TRUE },
  { "premier ministre", DOSSIER_RELATION_LEADS, DOSSIER_CUE_ROLE, TRUE },
  { "prime minister", DOSSIER_RELATION_LEADS, DOSSIER_CUE_ROLE, TRUE },

  /* supports */
  { "soutien*", DOSSIER_RELATION_SUPPORTS, DOSSIER_CUE_NOUN, FALSE },
  { "soutient", DOSSIER_RELATION_SUPPORTS, DOSSIER_CUE_VERB, FALSE },
  { "soutenu", DOSSIER_RELATION_SUPPORTS, DOSSIER_CUE_VERB, FALSE },
  { "soutenir", DOSSIER_RELATION_SUPPORTS, DOSSIER_CUE_VERB, FALSE },
  { "soutiendr*", DOSSIER_RELATION_SUPPORTS, DOSSIER_CUE_VERB, FALSE },
  { "allie", DOSSIER_RELATION_SUPPORTS, DOSSIER_CUE_NOUN, FALSE },
  { "ally", DOSSIER_RELATION_SUPPORTS, DOSSIER_CUE_NOUN, FALSE },
  { "allies", DOSSIER_RELATION_SUPPORTS, DOSSIER_CUE_NOUN, FALSE },
  { "support*", DOSSIER_RELATION_SUPPORTS, DOSSIER_CUE_VERB, FALSE },
  { "backs", DOSSIER_RELATION_SUPPORTS, DOSSIER_CUE_VERB, FALSE },
  { "backed", DOSSIER_RELATION_SUPPORTS, DOSSIER_CUE_VERB, FALSE },
  { "endorse*", DOSSIER_RELATION_SUPPORTS, DOSSIER_CUE_VERB, FALSE },
  { "collecte de fonds", DOSSIER_RELATION_SUPPORTS, DOSSIER_CUE_NOUN, FALSE },
  { "levee de fonds", DOSSIER_RELATION_SUPPORTS, DOSSIER_CUE_NOUN, FALSE },
  { "fundrais*", DOSSIER_RELATION_SUPPORTS, DOSSIER_CUE_NOUN, FALSE },
  { "donation", DOSSIER_RELATION_SUPPORTS, DOSSIER_CUE_NOUN, FALSE },
  { "au secours", DOSSIER_RELATION_SUPPORTS, DOSSIER_CUE_NOUN, FALSE },
  { "a la rescousse", DOSSIER_RELATION_SUPPORTS, DOSSIER_CUE_NOUN, FALSE },
  { "came to the rescue", DOSSIER_RELATION_SUPPORTS, DOSSIER_CUE_VERB, FALSE },

  /* opposes */
  /* not "critique", "critical": adjectives as often as verbs */
  { "critiquant", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "critiquer", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "critiquent", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "critiquait", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "a critique", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "criticiz*", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "criticis*", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "critic of", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_NOUN, FALSE },
  { "mepris", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_NOUN, FALSE },
  { "oppos*", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "conteste*", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "denonce*", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "accuse*", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "attaque*", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "poursuit en justice", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "plainte contre", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_NOUN, FALSE },
  { "action contre", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_NOUN, FALSE },
  { "cible", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_NOUN, FALSE },
  { "collimateur", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_NOUN, FALSE },
  { "riposter", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "sued", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "saisi la justice", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "saisit la justice", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "porte plainte", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "sue", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "suing", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "lawsuit*", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_NOUN, FALSE },
  { "plainte*", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_NOUN, FALSE },
  { "recours contre", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_NOUN, FALSE },
  { "poursuivre en justice", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "rejette*", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "rejeter", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "reject*", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "sues", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "lawsuit against", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_NOUN, FALSE },
  { "condemn*", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "condamne*", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },
  { "blasted", DOSSIER_RELATION_OPPOSES, DOSSIER_CUE_VERB, FALSE },

  /* regulates: orders, bans, deadlines, approvals, pressure */
  { "decret*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_NOUN, FALSE },
  { "executive order", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_NOUN, FALSE },
  { "interdi*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "bannir", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "banni*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "bannissement", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_NOUN, FALSE },
  { "ban", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "banned", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "bans", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "eviction", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_NOUN, FALSE },
  { "approuve*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "approbation", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_NOUN, FALSE },
  { "approv*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "autoris*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "authoriz*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "bloque*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "bloquer", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "empech*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "prevent", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "prevents", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "prevented", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "block*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "sanction*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "amende*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_NOUN, FALSE },
  { "fine*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "enquete*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_NOUN, FALSE },
  { "investigat*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_NOUN, FALSE },
  { "probe", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_NOUN, FALSE },
  { "probing", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "probed", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "probes", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  /* not "scrutin*": a French "scrutin" is a vote */
  { "scrutinis*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "scrutiniz*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "scrutiny", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_NOUN, FALSE },
  { "ordonne*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "ordered", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "oblige*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "force*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "pression", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_NOUN, FALSE },
  { "pressure", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_NOUN, FALSE },
  { "ultimatum", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_NOUN, FALSE },
  { "date butoir", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_NOUN, FALSE },
  { "deadline", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_NOUN, FALSE },
  { "impose*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "regul*", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_VERB, FALSE },
  { "sceptique", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_NOUN, FALSE },
  { "skeptical", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_NOUN, FALSE },
  { "antitrust", DOSSIER_RELATION_REGULATES, DOSSIER_CUE_NOUN, FALSE },

  /* negotiates */
  { "negociation*", DOSSIER_RELATION_NEGOTIATES, DOSSIER_CUE_NOUN, FALSE },
  { "negocie*", DOSSIER_RELATION_NEGOTIATES, DOSSIER_CUE_VERB, FALSE },
  { "pourparlers", DOSSIER_RELATION_NEGOTIATES, DOSSIER_CUE_NOUN, FALSE },
  { "discussions avec", DOSSIER_RELATION_NEGOTIATES, DOSSIER_CUE_NOUN, FALSE },
  { "discussion*", DOSSIER_RELATION_NEGOTIATES, DOSSIER_CUE_NOUN, FALSE },
  { "trouver un accord", DOSSIER_RELATION_NEGOTIATES, DOSSIER_CUE_VERB, FALSE },
  { "parvenir a un accord", DOSSIER_RELATION_NEGOTIATES, DOSSIER_CUE_VERB, FALSE },
  { "reach an agreement", DOSSIER_RELATION_NEGOTIATES, DOSSIER_CUE_VERB, FALSE },
  { "reach a deal", DOSSIER_RELATION_NEGOTIATES, DOSSIER_CUE_VERB, FALSE },
  { "talks", DOSSIER_RELATION_NEGOTIATES, DOSSIER_CUE_NOUN, FALSE },
  { "rapprochement", DOSSIER_RELATION_NEGOTIATES, DOSSIER_CUE_NOUN, FALSE },
  { "negotiat*", DOSSIER_RELATION_NEGOTIATES, DOSSIER_CUE_NOUN, FALSE },
  { "talks with", DOSSIER_RELATION_NEGOTIATES, DOSSIER_CUE_NOUN, FALSE },
  { "in talks", DOSSIER_RELATION_NEGOTIATES, DOSSIER_CUE_NOUN, FALSE },

  /* withdraws */
  { "retire*", DOSSIER_RELATION_WITHDRAWS, DOSSIER_CUE_VERB, FALSE },
  { "retrait", DOSSIER_RELATION_WITHDRAWS, DOSSIER_CUE_NOUN, FALSE },
  { "abandonne*", DOSSIER_RELATION_WITHDRAWS, DOSSIER_CUE_VERB, FALSE },
  { "renonce*", DOSSIER_RELATION_WITHDRAWS, DOSSIER_CUE_VERB, FALSE },
  { "jette l eponge", DOSSIER_RELATION_WITHDRAWS, DOSSIER_CUE_VERB, FALSE },
  { "se separer", DOSSIER_RELATION_WITHDRAWS, DOSSIER_CUE_VERB, FALSE },
  { "s est separe", DOSSIER_RELATION_WITHDRAWS, DOSSIER_CUE_VERB, FALSE },
  { "withdr*", DOSSIER_RELATION_WITHDRAWS, DOSSIER_CUE_VERB, FALSE },
  { "pulled out", DOSSIER_RELATION_WITHDRAWS, DOSSIER_CUE_VERB, FALSE },
  { "pulls out", DOSSIER_RELATION_WITHDRAWS, DOSSIER_CUE_VERB, FALSE },
  { "walked away", DOSSIER_RELATION_WITHDRAWS, DOSSIER_CUE_VERB, FALSE },
  { "abandon*", DOSSIER_RELATION_WITHDRAWS, DOSSIER_CUE_VERB, FALSE },
  { "quitte*", DOSSIER_RELATION_WITHDRAWS, DOSSIER_CUE_VERB, FALSE },
  { "exits", DOSSIER_RELATION_WITHDRAWS, DOSSIER_CUE_VERB, FALSE },
  { "dropped out", DOSSIER_RELATION_WITHDRAWS, DOSSIER_CUE_VERB, FALSE },
  { "jettison*", DOSSIER_RELATION_WITHDRAWS, DOSSIER_CUE_VERB, FALSE },
  { "call off", DOSSIER_RELATION_WITHDRAWS, DOSSIER_CUE_VERB, FALSE },
  { "called off", DOSSIER_RELATION_WITHDRAWS, DOSSIER_CUE_VERB, FALSE },
  { "calls off", DOSSIER_RELATION_WITHDRAWS, DOSSIER_CUE_VERB, FALSE },
  { "terminate*", DOSSIER_RELATION_WITHDRAWS, DOSSIER_CUE_VERB, FALSE },

  /* reports */
  { "selon", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SOURCE, TRUE },
  { "d apres", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SOURCE, TRUE },
  { "according to", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SOURCE, TRUE },
  { "rapporte par", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SOURCE, TRUE },
  { "rapportee par", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SOURCE, TRUE },
  { "relaye par", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SOURCE, TRUE },
  { "relayee par", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SOURCE, TRUE },
  { "relayees par", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SOURCE, TRUE },
  { "relayes par", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SOURCE, TRUE },
  { "cite par", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SOURCE, TRUE },
  { "citee par", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SOURCE, TRUE },
  { "revele par", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SOURCE, TRUE },
  { "reported by", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SOURCE, TRUE },
  { "first reported by", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SOURCE, TRUE },
  { "told", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SOURCE, TRUE },
  { "rapporte*", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SAYS, TRUE },
  { "revele*", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SAYS, TRUE },
  { "reveal*", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SAYS, TRUE },
  { "report*", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SAYS, TRUE },
  { "indique*", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SAYS, TRUE },
  { "ecrit", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SAYS, TRUE },
  { "wrote", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SAYS, TRUE },
  { "writes", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SAYS, TRUE },
  { "affirme*", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SAYS, TRUE },
  { "annonce*", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SAYS, TRUE },
  { "a appris", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SAYS, TRUE },
  { "learned", DOSSIER_RELATION_REPORTS, DOSSIER_CUE_SAYS, TRUE },
};

typedef struct
{
  const DossierCue *cue;
  char            **words;   /* without the '*' */
  gsize            *lens;    /* of words[] */
  gboolean         *stems;
  guint             n_words;
  gsize             weight;  /* cue_weight (), once */
} CompiledCue;

/* Cues by the first three bytes of their first word (a stem may be as
 * short as that), packed into an integer: one probe per token. */
#define CUE_TABLE_SIZE 1024

typedef struct
{
  guint32    key;   /* 0: empty */
  GPtrArray *cues;  /* CompiledCue */
} CueSlot;

static CueSlot cue_table[CUE_TABLE_SIZE];

static inline guint32
cue_key (const char *word,
         gsize       len)
{
  guint32 key = 0;

  /* Most words have three letters or more: no loop for them, as the key
   * is made for every token of the text. */
  if (len >= 3)
    return ((guint32) (guchar) word[0] << 16) | ((guint32) (guchar) word[1] << 8) |
           (guint32) (guchar) word[2] | (3u << 24);
  for (gsize i = 0; i < len; i++)
    key = (key << 8) | (guchar) word[i];
  return key | ((guint32) len << 24);
}

static CueSlot *
cue_slot (guint32  key,
          gboolean create)
{
  for (guint k = (key * 2654435761u) >> 22;; k = (k + 1) & (CUE_TABLE_SIZE - 1))
    {
      CueSlot *slot = &cue_table[k & (CUE_TABLE_SIZE - 1)];

      if (slot->key == key)
        return slot;
      if (slot->key == 0)
        {
          if (!create)
            return NULL;
          slot->key = key;
          slot->cues = g_ptr_array_new ();
          return slot;
        }
    }
}

/* Equal in words, the longer pattern is the more specific, and a word
 * spelled out beats a stem of the same length: "soutient" (a verb) over
 * "soutien*" (a noun). */
static gsize
cue_weight (const CompiledCue *c)
{
  gsize weight = 0;

  for (guint w = 0; w < c->n_words; w++)
    weight += 2 * c->lens[w] + (c->stems[w] ? 0 : 1);
  return weight;
}

static gpointer
build_cues (gpointer data)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cues); i++)
    {
      CompiledCue *c = g_new0 (CompiledCue, 1);
      g_auto(GStrv) words = g_strsplit (cues[i].pattern, " ", -1);

      c->cue = &cues[i];
      c->n_words = g_strv_length (words);
      c->words = g_new0 (char *, c->n_words + 1);
      c->stems = g_new0 (gboolean, c->n_words);
      c->lens = g_new0 (gsize, c->n_words);
      for (guint w = 0; w < c->n_words; w++)
        {
          gsize len = strlen (words[w]);

          c->stems[w] = len > 0 && words[w][len - 1] == '*';
          c->lens[w] = c->stems[w] ? len - 1 : len;
          c->words[w] = g_strndup (words[w], c->lens[w]);
        }
      c->weight = cue_weight (c);

      g_ptr_array_add (cue_slot (cue_key (c->words[0], strlen (c->words[0])), TRUE)->cues, c);
    }

  return NULL;
}

/* What may follow a stem: the endings of French and English verbs and
 * nouns, folded.  A stem is a lemma, not a prefix: "vend*" reads "vendu",
 * "vendent", "vendra", never "vendredi". */
static const char * const inflections[] = {
  "", "s", "x", "e", "es", "ee", "ees", "er", "ers", "ez", "ent", "ons", "ait", "aient", "ais",
  "a", "as", "ant", "ante", "antes", "ants", "erent", "era", "eront", "erait", "eraient", "erons",
  "ra", "ront", "rait", "raient", "re", "u", "ue", "us", "ues", "i", "ie", "ies", "is", "ise",
  "ises", "it", "issent", "issait", "issaient", "ir", "ira", "iront", "irait", "d", "ed", "ing",
  "ion", "ions", "ation", "ations", "ement", "ements", "eur", "eurs", "rice", "rices", "ert",
  "ierent", "erir", "errait", "erra", "ition", "itions", "red", "res", "ring", "ly", "ship",
  "ships", "ial", "ive", "ives", "or", "ors", "ure", "ures", "ure", "es", "ies", "ied", "ying",
  "nt", "nne", "nnent", "ndra", "ndront", "ndrait", "ndre", "ndu", "ndue", "ndus", "ndues",
  /* irregular stems: acqui-ert/-se/-sition/-rir, interdi-t/-sent/-ction, regul-ation/-ator,
   * withdr-aw/-ew/-awn/-awal, bid-der, approv-al, fourni-ssent, banni-ssement */
  "t", "te", "tes", "sent", "se", "ses", "sition", "sitions", "rir", "ction", "ctions", "ate",
  "ates", "ated", "ating", "ator", "ators", "atory", "ateur", "ateurs", "atrice", "aw", "aws",
  "ew", "awn", "awal", "awals", "awing", "der", "ders", "ding", "al", "als", "ssent", "sseur",
  "sseurs", "ssait", "ment", "ments", "ssement", "ants", "ition", "itions", "ence", "ences",
};

static gboolean
is_inflection (const char *rest,
               gsize       len)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (inflections); i++)
        g_hash_table_add (t, (gpointer) inflections[i]);
      g_once_init_leave (&table, t);
    }
  if (len > 8)
    return FALSE;
  {
    char buf[9];

    memcpy (buf, rest, len);
    buf[len] = '\0';
    return g_hash_table_contains (table, buf);
  }
}

static inline gboolean
word_matches (const char *word,
              gsize       len,
              const char *pattern,
              gsize       plen,
              gboolean    stem)
{
  if (stem)
    return len >= plen && memcmp (word, pattern, plen) == 0 && is_inflection (word + plen, len - plen);
  return len == plen && memcmp (word, pattern, plen) == 0;
}

/* "ouvertement", "vivement", "strongly": a word in -ment or -ly. */
static gboolean
is_adverb (const DossierFolded *folded,
           const DossierToken  *t)
{
  const char *w = folded->folded + t->fstart;
  gsize len = t->fend - t->fstart;

  return (len > 6 && memcmp (w + len - 4, "ment", 4) == 0) ||
         (len > 5 && memcmp (w + len - 2, "ly", 2) == 0);
}

const DossierCue *
dossier_lexicon_match_cue (const DossierFolded *folded,
                           const DossierToken  *tokens,
                           guint                i,
                           guint                end,
                           guint               *cue_end)
{
  static GOnce once = G_ONCE_INIT;
  const char *word = folded->folded + tokens[i].fstart;
  gsize len = tokens[i].fend - tokens[i].fstart;
  const CueSlot *slot;
  GPtrArray *list;
  const DossierCue *best = NULL;
  guint best_n = 0;
  gsize best_len = 0;
  guint best_end = i;

  g_once (&once, build_cues, NULL);

  if ((slot = cue_slot (cue_key (word, len), FALSE)) == NULL)
    return NULL;
  list = slot->cues;

  for (guint k = 0; k < list->len; k++)
    {
      const CompiledCue *c = g_ptr_array_index (list, k);
      guint w, p = i;

      if (c->n_words < best_n || i + c->n_words > end)
        continue;
      if (c->n_words == best_n && c->weight <= best_len)
        continue;
      for (w = 0; w < c->n_words && p < end; w++, p++)
        {
          const DossierToken *t = &tokens[p];

          if (w > 0 && (t->flags & (DOSSIER_TOKEN_STOP | DOSSIER_TOKEN_BREAK)))
            break;
          /* "a ouvertement critiqué", "s'est vivement opposé": one adverb
           * may sit inside a cue of several words. */
          if (w > 0 && p == i + w && p + 1 < end && is_adverb (folded, t) &&
              !word_matches (folded->folded + t->fstart, t->fend - t->fstart, c->words[w], c->lens[w], c->stems[w]))
            t = &tokens[++p];
          if (!word_matches (folded->folded + t->fstart, t->fend - t->fstart,
                             c->words[w], c->lens[w], c->stems[w]))
            break;
        }
      if (w == c->n_words)
        {
          best = c->cue;
          best_n = c->n_words;
          best_len = c->weight;
          best_end = p;
        }
    }

  if (best != NULL)
    *cue_end = best_end;
  return best;
}

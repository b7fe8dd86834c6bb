/** Capitalised words that are not names even when compromise does not know them (lower case). */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set([
  // calendar
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'tomorrow', 'yesterday',
  'christmas', 'easter',
  // pronouns, greetings, interjections and other sentence openers
  'i', 'im', 'id', 'ive', 'ill', 'hi', 'hello', 'hey', 'dear', 'thanks', 'thank', 'please', 'yes', 'no', 'ok',
  'okay', 'sir', 'madam', 'bot', 'user', 'ps', 're', 'fw', 'fwd', 'cc', 'bcc', 'subject', 'from', 'to', 'date',
  // honorifics and titles
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'rev', 'hon', 'md', 'phd', 'jr', 'sr', 'esq',
  'president', 'director', 'manager', 'officer', 'doctor', 'nurse', 'patient', 'client', 'customer',
  // document words often capitalised
  'name', 'address', 'phone', 'email', 'mobile', 'fax', 'desk', 'office', 'tel', 'street', 'road', 'avenue', 'city',
  'state', 'country', 'zip', 'code', 'number', 'account', 'card', 'invoice', 'total', 'page', 'section', 'article',
  'chapter', 'table', 'figure', 'appendix', 'note', 'notes', 'summary', 'report', 'memo', 'agreement', 'contract',
  'company', 'university', 'college', 'school', 'hospital', 'department', 'ministry', 'government', 'court',
  'bank', 'inc', 'llc', 'ltd', 'corp', 'co', 'gmbh', 'plc', 'group', 'internet', 'web', 'website', 'app',
  'english', 'american', 'european', 'british', 'french', 'german', 'spanish', 'italian', 'chinese', 'japanese',
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central',
  'god', 'lord', 'devil', 'ceo', 'cfo', 'cto', 'hr', 'it', 'pm', 'am', 'usa', 'us', 'uk', 'eu', 'un',
]);

/** Words that close an organisation's name: the capitalised words before them are not a person. */
export const ORGANISATION_SUFFIXES: ReadonlySet<string> = new Set([
  'inc', 'llc', 'llp', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company', 'gmbh', 'ag', 'sa', 'plc', 'bv',
  'nv', 'oy', 'ab', 'as', 'spa', 'srl', 'software', 'consulting', 'group', 'bank', 'systems', 'solutions',
  'technologies', 'technology', 'partners', 'associates', 'holdings', 'labs', 'media', 'services', 'international',
  'industries', 'enterprises', 'foundation', 'institute', 'university', 'hospital', 'orchestra', 'club', 'records',
  'studios', 'motors', 'airlines', 'pharmaceuticals', 'insurance', 'capital', 'ventures', 'networks', 'trust',
  'society', 'association', 'council', 'agency', 'authority', 'school', 'college', 'academy', 'church', 'hotel',
  'restaurant', 'cafe', 'bar', 'store', 'stores', 'market', 'mall', 'center', 'centre', 'museum', 'weekly', 'times',
  'news', 'post', 'journal', 'magazine', 'tv', 'radio', 'band',
]);

/** Honorifics that announce a name ("Mr. Smith", "ms. Kuyra"). */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'madam', 'mme', 'mlle', 'herr', 'frau', 'rev', 'fr',
]);

/** Lower-case particles inside names ("Ludwig van Beethoven", "Leonardo da Vinci"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'van', 'von', 'der', 'den', 'de', 'da', 'di', 'del', 'della', 'dos', 'das', 'du', 'la', 'le', 'bin', 'binti', 'ibn',
  'al', 'el', 'ter', 'ten', 'y',
]);

/** Endings of English abstract nouns and adverbs, which capitalised are words, not names ("Wisdom", "Happiness"). */
export const COMMON_WORD_ENDINGS = /(?:dom|ness|ment|tion|sion|ity|ship|hood|ism|ance|ence|ology|ical|ously|ively|fully|ingly)$/i;

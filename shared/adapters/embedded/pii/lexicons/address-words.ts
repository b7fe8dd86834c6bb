/** Street types that end (or start) a street name, English and other languages (lower case, without dots). */
export const STREET_TYPES: ReadonlySet<string> = new Set([
  'street', 'st', 'str', 'avenue', 'ave', 'av', 'road', 'rd', 'boulevard', 'blvd', 'lane', 'ln', 'drive', 'dr',
  'court', 'ct', 'way', 'place', 'pl', 'plaza', 'square', 'sq', 'terrace', 'ter', 'parkway', 'pkwy', 'highway',
  'hwy', 'circle', 'cir', 'crescent', 'cres', 'close', 'grove', 'gardens', 'gdns', 'row', 'alley', 'trail', 'trl',
  'path', 'walk', 'mews', 'hill', 'heights', 'park', 'view', 'esplanade', 'parade', 'promenade', 'quay', 'wharf',
  'crossing', 'xing', 'expressway', 'freeway', 'turnpike', 'pike', 'loop', 'run', 'pass', 'point', 'green',
  'rue', 'via', 'viale', 'vicolo', 'piazza', 'piazzale', 'corso', 'calle', 'avenida', 'avda', 'carrer', 'camino',
  'paseo', 'rua', 'travessa', 'largo', 'praça', 'estrada', 'rambla', 'ronda', 'straße', 'strasse', 'gasse',
  'platz', 'weg', 'allee', 'ring', 'damm', 'ufer', 'chaussee', 'straat', 'laan', 'plein', 'gracht', 'kade',
  'dreef', 'steeg', 'singel', 'gata', 'gatan', 'gade', 'vej', 'vei', 'veien', 'vägen', 'väg', 'tie', 'katu', 'utca',
  'út', 'útja', 'tér', 'körút', 'ulica', 'ul', 'aleja', 'al', 'plac', 'náměstí', 'nám', 'třída', 'nábřeží',
  'ulice', 'cesta', 'πλατεία', 'οδός', 'λεωφόρος', 'chemin', 'impasse', 'allée', 'quai', 'cours', 'sokak', 'sokağı',
  'cadde', 'caddesi', 'bulevar', 'bulevardi', 'rruga', 'ulitsa', 'prospekt', 'pereulok',
]);

/** Endings of compound street names ("Nassaustraat", "Auerstrasse", "Ziegelgasse", "Aðalgata"). */
export const STREET_ENDINGS =
  /(?:stra(?:at|sse|ße)|str\.?|gasse|gässchen|weg|laan|plein|gracht|dreef|steeg|kade|singel|gata|gatan|gade|vej|vei|veien|vägen|väg|katu|tie|allee|platz|ring|damm|ufer|utca|útja|ulica|ulice|road|street|avenue|way)$/i;

/** Words that introduce a unit inside a building ("Apt. 974", "Suite 446"). */
export const UNIT_WORDS: ReadonlySet<string> = new Set([
  'apt', 'apartment', 'suite', 'ste', 'unit', 'flat', 'floor', 'fl', 'room', 'rm', 'bldg', 'building', 'box', 'po',
  'lot', 'dept', 'level', 'lvl', 'no', 'nr', 'piso', 'puerta', 'étage', 'bus',
]);

/** US state and Canadian province codes. */
export const STATE_CODES: ReadonlySet<string> = new Set(
  (
    'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA ' +
    'RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP AB BC MB NB NL NS NT NU ON PE QC SK YT'
  ).split(' '),
);

/** Context before a street address that says one follows. */
export const ADDRESS_CONTEXT =
  /\b(?:address(?:es)?|addr|live[sd]?|living|reside[sd]?|located|location|return(?:ed)?\s+to|sen[dt]\s+(?:it\s+)?to|deliver(?:ed|y)?(?:\s+to)?|ship(?:ped|ping)?(?:\s+to)?|mail(?:ed|ing)?(?:\s+to)?|move[ds]?\s+to|moving\s+to|meet\s+(?:me|us)\s+at|taxi\s+to|visit(?:ing)?|stay(?:ing)?\s+at|billing|shipping|postal|residence|home|office\s+at|is\s+at|are\s+at|on|at|in|to)\b[^\n.?!]{0,25}$/i;

/** Prepositions before a lone proper noun that make it a place ("grew up in Monroe", "arrived at Nugeri"). */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in', 'from', 'at', 'near', 'to', 'into', 'outside', 'around', 'across', 'via', 'towards', 'toward',
]);

import { foldName } from './text.js';

/**
 * English short names of every ISO 3166-1 alpha-2 code. Kept as data rather than taken
 * from `Intl.DisplayNames` so that names (and so stored records) do not change with the
 * ICU version of the runtime.
 */
const CURRENT: Readonly<Record<string, string>> = {
  AD: 'Andorra',
  AE: 'United Arab Emirates',
  AF: 'Afghanistan',
  AG: 'Antigua and Barbuda',
  AI: 'Anguilla',
  AL: 'Albania',
  AM: 'Armenia',
  AO: 'Angola',
  AQ: 'Antarctica',
  AR: 'Argentina',
  AS: 'American Samoa',
  AT: 'Austria',
  AU: 'Australia',
  AW: 'Aruba',
  AX: 'Åland Islands',
  AZ: 'Azerbaijan',
  BA: 'Bosnia and Herzegovina',
  BB: 'Barbados',
  BD: 'Bangladesh',
  BE: 'Belgium',
  BF: 'Burkina Faso',
  BG: 'Bulgaria',
  BH: 'Bahrain',
  BI: 'Burundi',
  BJ: 'Benin',
  BL: 'Saint Barthélemy',
  BM: 'Bermuda',
  BN: 'Brunei',
  BO: 'Bolivia',
  BQ: 'Caribbean Netherlands',
  BR: 'Brazil',
  BS: 'Bahamas',
  BT: 'Bhutan',
  BV: 'Bouvet Island',
  BW: 'Botswana',
  BY: 'Belarus',
  BZ: 'Belize',
  CA: 'Canada',
  CC: 'Cocos (Keeling) Islands',
  CD: 'Democratic Republic of the Congo',
  CF: 'Central African Republic',
  CG: 'Republic of the Congo',
  CH: 'Switzerland',
  CI: "Côte d'Ivoire",
  CK: 'Cook Islands',
  CL: 'Chile',
  CM: 'Cameroon',
  CN: 'China',
  CO: 'Colombia',
  CR: 'Costa Rica',
  CU: 'Cuba',
  CV: 'Cabo Verde',
  CW: 'Curaçao',
  CX: 'Christmas Island',
  CY: 'Cyprus',
  CZ: 'Czechia',
  DE: 'Germany',
  DJ: 'Djibouti',
  DK: 'Denmark',
  DM: 'Dominica',
  DO: 'Dominican Republic',
  DZ: 'Algeria',
  EC: 'Ecuador',
  EE: 'Estonia',
  EG: 'Egypt',
  EH: 'Western Sahara',
  ER: 'Eritrea',
  ES: 'Spain',
  ET: 'Ethiopia',
  FI: 'Finland',
  FJ: 'Fiji',
  FK: 'Falkland Islands',
  FM: 'Micronesia',
  FO: 'Faroe Islands',
  FR: 'France',
  GA: 'Gabon',
  GB: 'United Kingdom',
  GD: 'Grenada',
  GE: 'Georgia',
  GF: 'French Guiana',
  GG: 'Guernsey',
  GH: 'Ghana',
  GI: 'Gibraltar',
  GL: 'Greenland',
  GM: 'Gambia',
  GN: 'Guinea',
  GP: 'Guadeloupe',
  GQ: 'Equatorial Guinea',
  GR: 'Greece',
  GS: 'South Georgia and the South Sandwich Islands',
  GT: 'Guatemala',
  GU: 'Guam',
  GW: 'Guinea-Bissau',
  GY: 'Guyana',
  HK: 'Hong Kong',
  HM: 'Heard Island and McDonald Islands',
  HN: 'Honduras',
  HR: 'Croatia',
  HT: 'Haiti',
  HU: 'Hungary',
  ID: 'Indonesia',
  IE: 'Ireland',
  IL: 'Israel',
  IM: 'Isle of Man',
  IN: 'India',
  IO: 'British Indian Ocean Territory',
  IQ: 'Iraq',
  IR: 'Iran',
  IS: 'Iceland',
  IT: 'Italy',
  JE: 'Jersey',
  JM: 'Jamaica',
  JO: 'Jordan',
  JP: 'Japan',
  KE: 'Kenya',
  KG: 'Kyrgyzstan',
  KH: 'Cambodia',
  KI: 'Kiribati',
  KM: 'Comoros',
  KN: 'Saint Kitts and Nevis',
  KP: 'North Korea',
  KR: 'South Korea',
  KW: 'Kuwait',
  KY: 'Cayman Islands',
  KZ: 'Kazakhstan',
  LA: 'Laos',
  LB: 'Lebanon',
  LC: 'Saint Lucia',
  LI: 'Liechtenstein',
  LK: 'Sri Lanka',
  LR: 'Liberia',
  LS: 'Lesotho',
  LT: 'Lithuania',
  LU: 'Luxembourg',
  LV: 'Latvia',
  LY: 'Libya',
  MA: 'Morocco',
  MC: 'Monaco',
  MD: 'Moldova',
  ME: 'Montenegro',
  MF: 'Saint Martin',
  MG: 'Madagascar',
  MH: 'Marshall Islands',
  MK: 'North Macedonia',
  ML: 'Mali',
  MM: 'Myanmar',
  MN: 'Mongolia',
  MO: 'Macao',
  MP: 'Northern Mariana Islands',
  MQ: 'Martinique',
  MR: 'Mauritania',
  MS: 'Montserrat',
  MT: 'Malta',
  MU: 'Mauritius',
  MV: 'Maldives',
  MW: 'Malawi',
  MX: 'Mexico',
  MY: 'Malaysia',
  MZ: 'Mozambique',
  NA: 'Namibia',
  NC: 'New Caledonia',
  NE: 'Niger',
  NF: 'Norfolk Island',
  NG: 'Nigeria',
  NI: 'Nicaragua',
  NL: 'Netherlands',
  NO: 'Norway',
  NP: 'Nepal',
  NR: 'Nauru',
  NU: 'Niue',
  NZ: 'New Zealand',
  OM: 'Oman',
  PA: 'Panama',
  PE: 'Peru',
  PF: 'French Polynesia',
  PG: 'Papua New Guinea',
  PH: 'Philippines',
  PK: 'Pakistan',
  PL: 'Poland',
  PM: 'Saint Pierre and Miquelon',
  PN: 'Pitcairn Islands',
  PR: 'Puerto Rico',
  PS: 'Palestine',
  PT: 'Portugal',
  PW: 'Palau',
  PY: 'Paraguay',
  QA: 'Qatar',
  RE: 'Réunion',
  RO: 'Romania',
  RS: 'Serbia',
  RU: 'Russia',
  RW: 'Rwanda',
  SA: 'Saudi Arabia',
  SB: 'Solomon Islands',
  SC: 'Seychelles',
  SD: 'Sudan',
  SE: 'Sweden',
  SG: 'Singapore',
  SH: 'Saint Helena, Ascension and Tristan da Cunha',
  SI: 'Slovenia',
  SJ: 'Svalbard and Jan Mayen',
  SK: 'Slovakia',
  SL: 'Sierra Leone',
  SM: 'San Marino',
  SN: 'Senegal',
  SO: 'Somalia',
  SR: 'Suriname',
  SS: 'South Sudan',
  ST: 'São Tomé and Príncipe',
  SV: 'El Salvador',
  SX: 'Sint Maarten',
  SY: 'Syria',
  SZ: 'Eswatini',
  TC: 'Turks and Caicos Islands',
  TD: 'Chad',
  TF: 'French Southern Territories',
  TG: 'Togo',
  TH: 'Thailand',
  TJ: 'Tajikistan',
  TK: 'Tokelau',
  TL: 'Timor-Leste',
  TM: 'Turkmenistan',
  TN: 'Tunisia',
  TO: 'Tonga',
  TR: 'Türkiye',
  TT: 'Trinidad and Tobago',
  TV: 'Tuvalu',
  TW: 'Taiwan',
  TZ: 'Tanzania',
  UA: 'Ukraine',
  UG: 'Uganda',
  UM: 'United States Minor Outlying Islands',
  US: 'United States',
  UY: 'Uruguay',
  UZ: 'Uzbekistan',
  VA: 'Vatican City',
  VC: 'Saint Vincent and the Grenadines',
  VE: 'Venezuela',
  VG: 'British Virgin Islands',
  VI: 'United States Virgin Islands',
  VN: 'Vietnam',
  VU: 'Vanuatu',
  WF: 'Wallis and Futuna',
  WS: 'Samoa',
  // User-assigned code (ISO keeps X* for users), used for Kosovo by the EU, the IMF and CLDR:
  // Kosovo is a state recognised by about half the UN members, not a non-state actor.
  XK: 'Kosovo',
  YE: 'Yemen',
  YT: 'Mayotte',
  ZA: 'South Africa',
  ZM: 'Zambia',
  ZW: 'Zimbabwe',
};

/**
 * States that no longer exist, by the alpha-2 part of their ISO 3166-3 code, limited to
 * those SIPRI lists by name.
 */
const FORMER: Readonly<Record<string, string>> = {
  CS: 'Czechoslovakia',
  DD: 'East Germany',
  SU: 'Soviet Union',
  YD: 'South Yemen',
  YU: 'Yugoslavia',
  // ISO never coded the Republic of Viet Nam apart: its code VN passed to unified Viet Nam,
  // which SIPRI files under North Viet Nam's history. A user-assigned code keeps the two
  // sides of the war apart.
  XV: 'South Vietnam',
};

/**
 * SIPRI spellings that do not fold to the catalogue name. North Yemen takes YE because
 * ISO kept the Yemen Arab Republic's code for unified Yemen (as SIPRI's "Germany" also
 * covers West Germany). Variants of older releases are listed so they keep mapping.
 */
const SIPRI_ALIASES: Readonly<Record<string, string>> = {
  'Bosnia-Herzegovina': 'BA',
  Congo: 'CG',
  'Czech Republic': 'CZ',
  'DR Congo': 'CD',
  'East Germany (GDR)': 'DD',
  'Libya GNC': 'LY',
  'Libya HoR': 'LY',
  Macedonia: 'MK',
  'North Yemen': 'YE',
  'Saint Vincent': 'VC',
  Swaziland: 'SZ',
  Turkey: 'TR',
  UAE: 'AE',
  UK: 'GB',
  'Viet Nam': 'VN',
  'Yemen Arab Republic (North Yemen)': 'YE',
};

/**
 * Territories SIPRI lists as recipients without marking them non-state, which have no
 * ISO code: breakaway states of their time. The value is the country they broke from.
 */
const BREAKAWAY_TERRITORIES: Readonly<Record<string, string>> = {
  Biafra: 'NG',
  Katanga: 'CD',
  'Northern Cyprus': 'CY',
};

// Maps, not the literals: `'constructor' in CURRENT` would be true.
const current = new Map(Object.entries(CURRENT));
const former = new Map(Object.entries(FORMER));
const breakaway = new Map(Object.entries(BREAKAWAY_TERRITORIES));
const byFoldedName = new Map<string, string>();
for (const [code, name] of [...current, ...former]) byFoldedName.set(foldName(name), code);
for (const [name, code] of Object.entries(SIPRI_ALIASES)) byFoldedName.set(foldName(name), code);

/** The English name of a current or former country, or null for a code not in the catalogue. */
export function countryName(code: string): string | null {
  return current.get(code) ?? former.get(code) ?? null;
}

/** Whether `code` stands for a state that no longer exists (Soviet Union, Yugoslavia, ...). */
export function isFormerCountry(code: string): boolean {
  return former.has(code);
}

/**
 * The country code for a state as SIPRI names it ("Turkiye", "Viet Nam", "UAE",
 * "Soviet Union"); accents, case and punctuation do not matter. Null for anything that
 * is not a state: parties marked with `*` or `**`, "unknown supplier(s)", and breakaway
 * territories without an ISO code such as "Northern Cyprus".
 */
export function countryCodeForSipriName(name: string): string | null {
  // Folding drops the stars, and "Palestine*" must not become the state of Palestine.
  if (name.includes('*')) return null;
  return byFoldedName.get(foldName(name)) ?? null;
}

/** The country a breakaway territory SIPRI lists ("Biafra") broke from, or null. */
export function hostCountryForSipriName(name: string): string | null {
  return breakaway.get(name.trim()) ?? null;
}

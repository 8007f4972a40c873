/** The kinds of entity, each the prefix of its ids: `leader:vladimir-putin`, `country:IR`. */
export const ENTITY_KINDS = ['source', 'country', 'organization', 'leader', 'meeting', 'deal', 'event', 'statement'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Kinds that can stand as a party to a deal or event. */
export const ACTOR_KINDS = ['leader', 'country', 'organization'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

const ID_PATTERN = /^([a-z]+):([A-Za-z0-9][A-Za-z0-9._-]{0,159})$/;
const COUNTRY_CODE = /^[A-Z]{2}$/;

/** The kind of a well-formed id, or null when the text is not one of ours. */
export function kindOf(id: string): EntityKind | null {
  const m = ID_PATTERN.exec(id);
  if (!m) return null;
  const kind = m[1] as EntityKind;
  if (!ENTITY_KINDS.includes(kind)) return null;
  if (kind === 'country' && !COUNTRY_CODE.test(m[2] ?? '')) return null;
  return kind;
}

/** Whether `id` is a well-formed id of one of `kinds`. */
export function isIdOf(id: string, kinds: readonly EntityKind[]): boolean {
  const kind = kindOf(id);
  return kind !== null && kinds.includes(kind);
}

/** The id of the country with ISO code `code`. */
export function countryId(code: string): string {
  return `country:${code}`;
}

/** Whether `code` has the shape of an ISO 3166-1 alpha-2 (or 3166-3 former state) code. */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODE.test(code);
}

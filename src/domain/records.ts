import { z } from 'zod';
import { ACTOR_KINDS, type EntityKind, isCountryCode, isIdOf } from './ids.js';
import { isPartialDate } from './partial-date.js';

/**
 * The records of the feed format (version 1): one JSON object per line, each with a `type`.
 * These validators are the single definition of what a fact may look like: the sync,
 * the editor mutations and the published JSON Schema all come from them.
 */

export const FEED_FORMAT = 'geo-feed';
export const FEED_VERSION = 1;

const text = (max = 500) => z.string().trim().min(1).max(max);
const partialDate = z
  .string()
  .refine(isPartialDate, { message: 'must be a date like 2022, 2022-07 or 2024-10-11' })
  .meta({ description: 'PartialDate: YYYY, YYYY-MM or YYYY-MM-DD', examples: ['2022', '2022-07', '2024-10-11'] });
const idOf = (...kinds: EntityKind[]) =>
  z.string().refine((v) => isIdOf(v, kinds), { message: `must be the id of a ${kinds.join(' or ')} (e.g. ${kinds[0]}:…)` });
const countryCode = z.string().refine(isCountryCode, { message: 'must be an ISO 3166 alpha-2 code such as "IR"' });
const actorId = idOf(...ACTOR_KINDS);

export const confidenceSchema = z.enum(['CONFIRMED', 'REPORTED', 'ALLEGED', 'DENIED']);
export const meetingStatusSchema = z.enum(['PLANNED', 'HELD', 'CANCELLED']);
export const dealStatusSchema = z.enum(['PROPOSED', 'AGREED', 'DELIVERING', 'DELIVERED', 'CANCELLED', 'UNKNOWN']);
export const participantRoleSchema = z.enum(['HOST', 'GUEST', 'PARTICIPANT', 'DELEGATION_MEMBER']);
export const invitationStatusSchema = z.enum(['EXTENDED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN']);
export const organizationKindSchema = z.enum([
  'GOVERNMENT_BODY',
  'ARMED_FORCE',
  'NON_STATE_GROUP',
  'INTERNATIONAL_ORGANIZATION',
  'MEDIA',
  'THINK_TANK',
  'COMPANY',
  'UNKNOWN',
]);

export const citationSchema = z.strictObject({
  source: idOf('source'),
  excerpt: text(4000).optional().describe('The passage of the source that supports the fact, verbatim.'),
});
const citations = z.array(citationSchema).min(1, { message: 'every fact cites at least one source' }).max(50);

const locationSchema = z.strictObject({
  city: text(200).optional(),
  country: countryCode.optional(),
});

export const sourceRecordSchema = z.strictObject({
  type: z.literal('source'),
  id: idOf('source'),
  title: text(500),
  publisher: text(200).optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  publishedOn: partialDate.optional(),
});

export const countryRecordSchema = z.strictObject({
  type: z.literal('country'),
  id: idOf('country'),
  code: countryCode,
  name: text(200),
  aliases: z.array(text(200)).max(20).default([]),
  former: z.boolean().default(false).describe('A state that no longer exists, coded by ISO 3166-3.'),
});

export const organizationRecordSchema = z.strictObject({
  type: z.literal('organization'),
  id: idOf('organization'),
  name: text(300),
  aliases: z.array(text(300)).max(20).default([]),
  kind: organizationKindSchema,
  country: countryCode.optional(),
  parent: idOf('organization').optional(),
  citations,
});

export const roleSchema = z.strictObject({
  title: text(200),
  country: countryCode.optional(),
  organization: idOf('organization').optional(),
  start: partialDate.optional(),
  end: partialDate.optional(),
  heldOn: z
    .array(partialDate)
    .max(50)
    .optional()
    .describe(
      'Dates on which the source shows the role held, when it does not say when the role began: the role counts as held from the first of them (or its start) to the last (or its end).',
    ),
});

export const leaderRecordSchema = z.strictObject({
  type: z.literal('leader'),
  id: idOf('leader'),
  name: text(200),
  aliases: z.array(text(200)).max(20).default([]),
  country: countryCode.optional().describe('The state the leader serves; absent for leaders of non-state groups.'),
  organization: idOf('organization').optional().describe('The organisation the leader leads or serves, when that is not a state.'),
  roles: z.array(roleSchema).max(50).default([]),
  citations,
});

export const delegationSchema = z.strictObject({
  description: text(500).describe('As the source puts it: "two aides to President Putin".'),
  size: z.number().int().positive().optional(),
  country: countryCode.optional(),
  representing: idOf('leader', 'organization').optional(),
});

export const participantSchema = z.strictObject({
  leader: idOf('leader'),
  role: participantRoleSchema,
});

export const invitationSchema = z.strictObject({
  invitee: idOf('leader'),
  invitedBy: idOf('leader').optional(),
  extendedOn: partialDate.optional().describe('When the invitation was extended.'),
  extendedAt: idOf('meeting').optional().describe('The meeting at which it was extended.'),
  status: invitationStatusSchema,
  citations: z.array(citationSchema).max(20).default([]),
});

export const meetingRecordSchema = z.strictObject({
  type: z.literal('meeting'),
  id: idOf('meeting'),
  date: partialDate,
  endDate: partialDate.optional(),
  status: meetingStatusSchema,
  location: locationSchema.optional(),
  occasion: text(500).optional(),
  summary: text(2000).optional(),
  participants: z.array(idOf('leader')).max(100).default([]),
  participantRoles: z
    .array(participantSchema)
    .max(100)
    .default([])
    .describe('The part each participant played (host, guest, delegation member); a participant not listed here is PARTICIPANT.'),
  invitations: z
    .array(invitationSchema)
    .max(100)
    .default([])
    .describe('Leaders invited to the meeting, each with the status of the invitation.'),
  delegations: z.array(delegationSchema).max(20).default([]),
  countries: z.array(countryCode).max(50).default([]).describe('The states taking part; they place the meeting on bilateral timelines.'),
  topics: z.array(text(200)).max(50).default([]),
  citations,
});

export const armsItemSchema = z.strictObject({
  designation: text(200).optional(),
  description: text(500),
  quantity: z.number().int().nonnegative().optional(),
  quantityUncertain: z.boolean().optional(),
  quantityNote: text(200).optional(),
  delivered: z.number().int().nonnegative().optional(),
  deliveredUncertain: z.boolean().optional(),
  deliveryYears: z.array(z.number().int().min(1900).max(2100)).max(100).optional(),
  status: dealStatusSchema.optional().describe('Where this item stands, when the source says it for this item apart from the deal.'),
  condition: text(100).optional().describe('SIPRI status: New, Second hand, Second hand but modernized.'),
});

export const tivSchema = z.strictObject({
  perUnit: z.number().nonnegative().optional(),
  total: z.number().nonnegative().optional(),
  delivered: z.number().nonnegative().optional(),
});

export const armsDeliverySchema = z.strictObject({
  year: z.number().int().min(1900).max(2100),
  delivered: z.number().int().nonnegative().optional().describe('How many weapons were delivered that year.'),
  tiv: z
    .number()
    .nonnegative()
    .optional()
    .describe('SIPRI trend-indicator value of what was delivered that year, in millions: military volume, not money.'),
  estimate: z.boolean().optional().describe('Whether the source flags the number or the year of this delivery as an estimate.'),
});

/** The first year that two deliveries give, or undefined when each year is given once. */
function repeatedYear(deliveries: readonly { year: number }[]): number | undefined {
  const seen = new Set<number>();
  for (const { year } of deliveries) {
    if (seen.has(year)) return year;
    seen.add(year);
  }
  return undefined;
}

/**
 * A deal's deliveries by year. A feed may list them in any order; they are stored in year
 * order, so that two feeds listing the same years differently make the same record.
 */
const deliveriesSchema = z
  .array(armsDeliverySchema)
  .max(100)
  .superRefine((deliveries, ctx) => {
    const year = repeatedYear(deliveries);
    if (year !== undefined) {
      ctx.addIssue({ code: 'custom', message: `${year} is given twice: one entry per year of delivery, with that year's figures summed` });
    }
  })
  .transform((deliveries) => [...deliveries].sort((a, b) => a.year - b.year))
  .describe(
    "What was delivered in each year, one entry per year: given only where the source gives per-year figures (SIPRI's per-delivery export, or a deal-level row with a single year of delivery). Sorted by year when stored.",
  );

export const dealRecordSchema = z.strictObject({
  type: z.literal('deal'),
  id: idOf('deal'),
  supplier: actorId,
  recipient: actorId,
  items: z.array(armsItemSchema).min(1).max(100),
  value: z.strictObject({ amount: z.number().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/) }).optional(),
  tiv: tivSchema.optional().describe('SIPRI trend-indicator values, in millions: a measure of military volume, not money.'),
  deliveries: deliveriesSchema.optional(),
  agreedOn: partialDate.optional().describe('When it was agreed or ordered; absent when no source says.'),
  agreedOnUncertain: z.boolean().optional(),
  disclosedOn: partialDate.optional().describe('When the transfer became public, kept apart from the date of agreement.'),
  status: dealStatusSchema,
  confidence: confidenceSchema,
  summary: text(2000).optional(),
  comments: text(2000).optional(),
  sameAs: idOf('deal')
    .optional()
    .describe('Set by the sync, not by feeds: the deal of another source this register record describes (see docs/deal-matching.md).'),
  citations,
});

/** A link from one fact to another that carries how well the link itself is established. */
export const factLinkSchema = z.strictObject({
  event: idOf('event'),
  confidence: confidenceSchema.describe('CONFIRMED when established; ALLEGED when only a party says so.'),
  claimedBy: actorId.optional().describe("Who says so, for a link that is a party's claim."),
  citations: z.array(citationSchema).max(20).default([]),
});

export const eventRecordSchema = z.strictObject({
  type: z.literal('event'),
  id: idOf('event'),
  kind: z.string().regex(/^[A-Z][A-Z_]{1,40}$/, { message: 'must be an upper-case kind such as MISSILE_ATTACK' }),
  date: partialDate,
  endDate: partialDate.optional(),
  summary: text(2000),
  location: locationSchema.optional(),
  actors: z.array(actorId).max(50).default([]),
  targets: z.array(actorId).max(50).default([]),
  unnamedTargets: z
    .array(text(500))
    .max(20)
    .default([])
    .describe('Targets the source describes without naming them: "ships and companies allegedly involved…".'),
  countries: z.array(countryCode).max(20).default([]).describe('States the event is about beyond its actors and targets.'),
  respondsTo: z
    .array(z.union([idOf('event'), factLinkSchema]))
    .max(50)
    .default([])
    .describe('Earlier events this one answered: an id (an established link) or a link with its own confidence.'),
  confidence: confidenceSchema.default('REPORTED'),
  citations,
});

export const statementRecordSchema = z.strictObject({
  type: z.literal('statement'),
  id: idOf('statement'),
  speaker: idOf('leader'),
  coSpeakers: z
    .array(idOf('leader'))
    .max(20)
    .default([])
    .describe('Others the source gives the words to along with the speaker ("they also rejected…").'),
  quote: text(4000),
  date: partialDate,
  meeting: idOf('meeting').optional(),
  location: locationSchema.optional().describe('Where it was said.'),
  reportedBy: text(200).optional(),
  reporter: idOf('organization')
    .optional()
    .describe('The organisation that carried it, as a record (reportedBy is its name as the source gives it).'),
  countries: z.array(countryCode).max(20).default([]).describe('The states the statement is between or about.'),
  citations,
});

export const recordSchema = z.discriminatedUnion('type', [
  sourceRecordSchema,
  countryRecordSchema,
  organizationRecordSchema,
  leaderRecordSchema,
  meetingRecordSchema,
  dealRecordSchema,
  eventRecordSchema,
  statementRecordSchema,
]);

export type SourceRecord = z.infer<typeof sourceRecordSchema>;
export type CountryRecord = z.infer<typeof countryRecordSchema>;
export type OrganizationRecord = z.infer<typeof organizationRecordSchema>;
export type LeaderRecord = z.infer<typeof leaderRecordSchema>;
export type MeetingRecord = z.infer<typeof meetingRecordSchema>;
export type DealRecord = z.infer<typeof dealRecordSchema>;
export type EventRecord = z.infer<typeof eventRecordSchema>;
export type StatementRecord = z.infer<typeof statementRecordSchema>;
export type ArmsDelivery = z.infer<typeof armsDeliverySchema>;
export type Citation = z.infer<typeof citationSchema>;
export type FactLink = z.infer<typeof factLinkSchema>;
export type RoleRecord = z.infer<typeof roleSchema>;

/** Any fact of the knowledge base, as stored and as carried by the feed. */
export type EntityRecord = z.infer<typeof recordSchema>;
/** The record type of entities of kind K. */
export type RecordOf<K extends EntityKind> = Extract<EntityRecord, { type: K }>;

/** The first line of a feed file: which format and version the records follow. */
export const feedHeaderSchema = z.strictObject({
  format: z.literal(FEED_FORMAT),
  version: z.literal(FEED_VERSION),
  description: z.string().max(2000).optional(),
  generatedAt: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })])
    .optional()
    .describe(
      'When the data of this feed was taken (an ISO 8601 date or date-time). A record from a feed generated earlier than the one that stored it is counted as stale and not written.',
    ),
});

/**
 * A snapshot time as stored and compared: an ISO 8601 instant in UTC. A date alone stands
 * for its first instant, so "2026-05-18" and "2026-05-18T14:29:20Z" compare in time order.
 */
export function snapshotTime(generatedAt: string): string {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(generatedAt) ? `${generatedAt}T00:00:00Z` : generatedAt).toISOString();
}

/** Whether the id's kind matches the record's type (`leader:…` for a leader). */
function idMatchesType(record: EntityRecord): boolean {
  return record.id.startsWith(`${record.type}:`);
}

/** A reason a person understands, from the first few zod issues. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** The result of checking one record: the record, or a reason to refuse it. */
export type Checked = { ok: true; record: EntityRecord } | { ok: false; reason: string };

/** A field left out reads "required", not as zod's "expected string, received undefined". */
const missingField: z.core.$ZodErrorMap = (issue) =>
  issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value') ? 'required' : undefined;

/** Checks one raw record against the feed format. */
export function checkRecord(raw: unknown): Checked {
  const parsed = recordSchema.safeParse(raw, { error: missingField });
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error) };
  const record = parsed.data;
  if (!idMatchesType(record)) return { ok: false, reason: `id: "${record.id}" is not an id of a ${record.type}` };
  if (record.type === 'country' && record.id !== `country:${record.code}`) {
    return { ok: false, reason: `id: a country's id must be country:${record.code}` };
  }
  if (record.type === 'meeting') {
    const stranger = record.participantRoles.find((r) => !record.participants.includes(r.leader));
    if (stranger) return { ok: false, reason: `participantRoles: ${stranger.leader} is not one of the participants` };
  }
  return { ok: true, record };
}

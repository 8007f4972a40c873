import { countryId } from './ids.js';
import type { Citation, EntityRecord } from './records.js';

/** One reference a record makes: the field that holds it (as a path) and the id it names. */
export interface Reference {
  field: string;
  id: string;
}

const citing = (citations: Citation[], at = ''): Reference[] =>
  citations.map((c, i) => ({ field: `${at}citations[${i}].source`, id: c.source }));
const each = (field: string, ids: readonly string[]): Reference[] => ids.map((id, i) => ({ field: `${field}[${i}]`, id }));
const maybe = (field: string, id: string | undefined): Reference[] => (id === undefined ? [] : [{ field, id }]);
const country = (field: string, code: string | undefined): Reference[] => maybe(field, code === undefined ? undefined : countryId(code));

/**
 * Every record a record refers to, with the field that names it: the participants of a
 * meeting, the parties of a deal, the citations' sources, the countries named by code, and
 * so on. These must exist for the record to be written, and while they are referred to they
 * cannot be deleted. A record naming itself (none should) is left out.
 */
export function referencesOf(record: EntityRecord): Reference[] {
  const refs = ((): Reference[] => {
    switch (record.type) {
      case 'source':
      case 'country':
        return [];
      case 'organization':
        return [...country('country', record.country), ...maybe('parent', record.parent), ...citing(record.citations)];
      case 'leader':
        return [
          ...country('country', record.country),
          ...maybe('organization', record.organization),
          ...record.roles.flatMap((role, i) => [
            ...country(`roles[${i}].country`, role.country),
            ...maybe(`roles[${i}].organization`, role.organization),
          ]),
          ...citing(record.citations),
        ];
      case 'meeting':
        return [
          ...each('participants', record.participants),
          ...record.participantRoles.map((p, i) => ({ field: `participantRoles[${i}].leader`, id: p.leader })),
          ...record.invitations.flatMap((invitation, i) => [
            { field: `invitations[${i}].invitee`, id: invitation.invitee },
            ...maybe(`invitations[${i}].invitedBy`, invitation.invitedBy),
            ...maybe(`invitations[${i}].extendedAt`, invitation.extendedAt),
            ...citing(invitation.citations, `invitations[${i}].`),
          ]),
          ...record.countries.map((code, i) => ({ field: `countries[${i}]`, id: countryId(code) })),
          ...country('location.country', record.location?.country),
          ...record.delegations.flatMap((d, i) => [
            ...country(`delegations[${i}].country`, d.country),
            ...maybe(`delegations[${i}].representing`, d.representing),
          ]),
          ...citing(record.citations),
        ];
      case 'deal':
        // `sameAs` is not one: the sync derives it, and deleting the deal it names releases it.
        return [{ field: 'supplier', id: record.supplier }, { field: 'recipient', id: record.recipient }, ...citing(record.citations)];
      case 'event':
        return [
          ...each('actors', record.actors),
          ...each('targets', record.targets),
          ...record.countries.map((code, i) => ({ field: `countries[${i}]`, id: countryId(code) })),
          ...record.respondsTo.flatMap((link, i) =>
            typeof link === 'string'
              ? [{ field: `respondsTo[${i}]`, id: link }]
              : [
                  { field: `respondsTo[${i}].event`, id: link.event },
                  ...maybe(`respondsTo[${i}].claimedBy`, link.claimedBy),
                  ...citing(link.citations, `respondsTo[${i}].`),
                ],
          ),
          ...country('location.country', record.location?.country),
          ...citing(record.citations),
        ];
      case 'statement':
        return [
          { field: 'speaker', id: record.speaker },
          ...each('coSpeakers', record.coSpeakers),
          ...maybe('meeting', record.meeting),
          ...country('location.country', record.location?.country),
          ...maybe('reporter', record.reporter),
          ...record.countries.map((code, i) => ({ field: `countries[${i}]`, id: countryId(code) })),
          ...citing(record.citations),
        ];
    }
  })();
  return refs.filter((ref) => ref.id !== record.id);
}

/** The distinct ids a record refers to. */
export function referencedIds(record: EntityRecord): string[] {
  return [...new Set(referencesOf(record).map((ref) => ref.id))];
}

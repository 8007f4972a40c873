import type { OrganizationRecord } from '../../domain/records.js';

/** What the knowledge base calls a party SIPRI lists under a name of its own. */
export interface KnownParty {
  id: string;
  name: string;
  kind: OrganizationRecord['kind'];
  country?: string;
}

/**
 * SIPRI's non-state and international parties that are entities the knowledge base knows by
 * another name, keyed by SIPRI's name without its stars. A party listed here lands on that
 * entity (the article's Hezbollah, not a second "Hezbollah (Lebanon)"); any other keeps an id
 * of its own, `organization:sipri-<name>`. The ids are those of data/article.ndjson where the
 * article names the party, and plain names otherwise, so a feed can describe them too.
 */
export const KNOWN_PARTIES: ReadonlyMap<string, KnownParty> = new Map([
  ['Hezbollah (Lebanon)', { id: 'organization:hezbollah', name: 'Hezbollah', kind: 'NON_STATE_GROUP', country: 'LB' }],
  ['Hamas (Palestine)', { id: 'organization:hamas', name: 'Hamas', kind: 'NON_STATE_GROUP', country: 'PS' }],
  ['Houthi rebels (Yemen)', { id: 'organization:houthis', name: 'Houthis', kind: 'NON_STATE_GROUP', country: 'YE' }],
  ['PKK (Turkiye)', { id: 'organization:pkk', name: 'Kurdistan Workers’ Party', kind: 'NON_STATE_GROUP', country: 'TR' }],
  [
    'Palestinian Islamic Jihad (Israel/Palestine)',
    { id: 'organization:palestinian-islamic-jihad', name: 'Palestinian Islamic Jihad', kind: 'NON_STATE_GROUP' },
  ],
  ['NATO', { id: 'organization:nato', name: 'NATO', kind: 'INTERNATIONAL_ORGANIZATION' }],
  ['United Nations', { id: 'organization:united-nations', name: 'United Nations', kind: 'INTERNATIONAL_ORGANIZATION' }],
  ['African Union', { id: 'organization:african-union', name: 'African Union', kind: 'INTERNATIONAL_ORGANIZATION' }],
  ['European Union', { id: 'organization:european-union', name: 'European Union', kind: 'INTERNATIONAL_ORGANIZATION' }],
  ['OSCE', { id: 'organization:osce', name: 'Organization for Security and Co-operation in Europe', kind: 'INTERNATIONAL_ORGANIZATION' }],
]);

import type { MeetingRecord } from '../../src/domain/records.js';

/** A held meeting of two leaders of Russia and Iran: the record the list-model unit tests move around. */
export const MEETING: MeetingRecord = {
  type: 'meeting',
  id: 'meeting:m1',
  date: '2024-10-11',
  status: 'HELD',
  participants: ['leader:a', 'leader:b'],
  participantRoles: [],
  invitations: [],
  delegations: [],
  countries: ['RU', 'IR'],
  topics: [],
  citations: [{ source: 'source:s' }],
};

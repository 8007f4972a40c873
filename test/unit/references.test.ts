import { describe, expect, it } from 'vitest';
import type { EventRecord, LeaderRecord, MeetingRecord } from '../../src/domain/records.js';
import { referencedIds, referencesOf } from '../../src/domain/references.js';

describe('Domain: references of a record', () => {
  it('lists every reference of a meeting with the field that holds it', () => {
    const meeting: MeetingRecord = {
      type: 'meeting',
      id: 'meeting:m',
      date: '2024-10-11',
      status: 'HELD',
      location: { city: 'Ashgabat', country: 'TM' },
      participants: ['leader:a', 'leader:b'],
      participantRoles: [{ leader: 'leader:a', role: 'HOST' }],
      invitations: [{ invitee: 'leader:c', invitedBy: 'leader:a', status: 'DECLINED', citations: [] }],
      delegations: [{ description: 'aides', country: 'RU', representing: 'leader:a' }],
      countries: ['RU', 'IR'],
      topics: [],
      citations: [{ source: 'source:s' }],
    };
    expect(referencesOf(meeting)).toEqual([
      { field: 'participants[0]', id: 'leader:a' },
      { field: 'participants[1]', id: 'leader:b' },
      { field: 'participantRoles[0].leader', id: 'leader:a' },
      { field: 'invitations[0].invitee', id: 'leader:c' },
      { field: 'invitations[0].invitedBy', id: 'leader:a' },
      { field: 'countries[0]', id: 'country:RU' },
      { field: 'countries[1]', id: 'country:IR' },
      { field: 'location.country', id: 'country:TM' },
      { field: 'delegations[0].country', id: 'country:RU' },
      { field: 'delegations[0].representing', id: 'leader:a' },
      { field: 'citations[0].source', id: 'source:s' },
    ]);
    expect(referencedIds(meeting)).toEqual(['leader:a', 'leader:b', 'leader:c', 'country:RU', 'country:IR', 'country:TM', 'source:s']);
  });

  it("lists a leader's country and roles, and an event's parties and what it responds to", () => {
    const leader: LeaderRecord = {
      type: 'leader',
      id: 'leader:l',
      name: 'L',
      aliases: [],
      country: 'IR',
      roles: [{ title: 'Minister', organization: 'organization:o', country: 'IR' }],
      citations: [{ source: 'source:s' }],
    };
    const event: EventRecord = {
      type: 'event',
      id: 'event:e',
      kind: 'MISSILE_ATTACK',
      date: '2024-10-01',
      summary: 'S',
      actors: ['country:IR'],
      targets: ['country:IL'],
      unnamedTargets: [],
      countries: ['LB'],
      respondsTo: [
        'event:e',
        'event:before',
        { event: 'event:claimed', confidence: 'ALLEGED', claimedBy: 'organization:o', citations: [] },
      ],
      confidence: 'REPORTED',
      citations: [{ source: 'source:s' }],
    };
    expect(referencesOf(leader).map((r) => `${r.field}=${r.id}`)).toEqual([
      'country=country:IR',
      'roles[0].country=country:IR',
      'roles[0].organization=organization:o',
      'citations[0].source=source:s',
    ]);
    // An event naming itself is left out.
    expect(referencesOf(event).map((r) => `${r.field}=${r.id}`)).toEqual([
      'actors[0]=country:IR',
      'targets[0]=country:IL',
      'countries[0]=country:LB',
      'respondsTo[1]=event:before',
      'respondsTo[2].event=event:claimed',
      'respondsTo[2].claimedBy=organization:o',
      'citations[0].source=source:s',
    ]);
  });
});

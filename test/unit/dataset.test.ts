import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type EntityKind, kindOf } from '../../src/domain/ids.js';
import { dateRange, overlaps } from '../../src/domain/partial-date.js';
import {
  checkRecord,
  type DealRecord,
  type EntityRecord,
  type EventRecord,
  feedHeaderSchema,
  type LeaderRecord,
  type MeetingRecord,
  type StatementRecord,
} from '../../src/domain/records.js';
import { responseLinks } from '../../src/domain/response-links.js';
import { roleSpan } from '../../src/domain/roles.js';

const ARTICLE = readFileSync(new URL('../../data/article.txt', import.meta.url), 'utf8');
const FEED = readFileSync(new URL('../../data/article.ndjson', import.meta.url), 'utf8');
const SOURCE_ID = 'source:article-putin-pezeshkian-ashgabat-2024-10-11';

interface NumberedLine {
  number: number;
  text: string;
}

/** The lines of the feed, numbered from 1 as an editor shows them; a final newline ends the last line. */
function feedLines(): NumberedLine[] {
  const texts = FEED.split('\n');
  if (texts.at(-1) === '') texts.pop();
  return texts.map((text, i) => ({ number: i + 1, text }));
}

/** Every record of the feed (line 2 onwards), checked; a line that fails throws with its number. */
function loadRecords(): EntityRecord[] {
  return feedLines()
    .slice(1)
    .map(({ number, text }) => {
      const checked = checkRecord(JSON.parse(text));
      if (!checked.ok) throw new Error(`line ${number}: ${checked.reason}`);
      return checked.record;
    });
}

function byId(records: EntityRecord[]): Map<string, EntityRecord> {
  return new Map(records.map((r) => [r.id, r]));
}

function find<T extends EntityRecord['type']>(records: EntityRecord[], type: T, id: string): Extract<EntityRecord, { type: T }> {
  const record = records.find((r) => r.id === id);
  if (!record || record.type !== type) throw new Error(`no ${type} ${id}`);
  return record as Extract<EntityRecord, { type: T }>;
}

/** Every id a record points at, with the kinds it may resolve to. */
function references(record: EntityRecord): { field: string; id: string; kinds: EntityKind[] }[] {
  const actor: EntityKind[] = ['leader', 'country', 'organization'];
  const refs: { field: string; id: string; kinds: EntityKind[] }[] = [];
  const add = (field: string, ids: readonly (string | undefined)[], kinds: EntityKind[]) => {
    for (const id of ids) if (id !== undefined) refs.push({ field, id, kinds });
  };
  if ('citations' in record)
    add(
      'citations.source',
      record.citations.map((c) => c.source),
      ['source'],
    );
  switch (record.type) {
    case 'organization':
      add('parent', [record.parent], ['organization']);
      break;
    case 'leader':
      add('organization', [record.organization], ['organization']);
      add(
        'roles.organization',
        record.roles.map((r) => r.organization),
        ['organization'],
      );
      break;
    case 'meeting':
      add('participants', record.participants, ['leader']);
      add(
        'invitations.invitee',
        record.invitations.flatMap((i) => [i.invitee, i.invitedBy]),
        ['leader'],
      );
      add(
        'invitations.extendedAt',
        record.invitations.map((i) => i.extendedAt),
        ['meeting'],
      );
      add(
        'delegations.representing',
        record.delegations.map((d) => d.representing),
        ['leader', 'organization'],
      );
      break;
    case 'deal':
      add('supplier', [record.supplier], actor);
      add('recipient', [record.recipient], actor);
      break;
    case 'event':
      add('actors', record.actors, actor);
      add('targets', record.targets, actor);
      add(
        'respondsTo',
        responseLinks(record).map((l) => l.event),
        ['event'],
      );
      add(
        'respondsTo.claimedBy',
        responseLinks(record).map((l) => l.claimedBy),
        actor,
      );
      break;
    case 'statement':
      add('speaker', [record.speaker], ['leader']);
      add('meeting', [record.meeting], ['meeting']);
      add('coSpeakers', record.coSpeakers, ['leader']);
      add('reporter', [record.reporter], ['organization']);
      break;
    default:
      break;
  }
  return refs;
}

/** Every ISO country code a record uses outside its own id. */
function countryCodes(record: EntityRecord): string[] {
  const codes: (string | undefined)[] = [];
  switch (record.type) {
    case 'organization':
      codes.push(record.country);
      break;
    case 'leader':
      codes.push(record.country, ...record.roles.map((r) => r.country));
      break;
    case 'meeting':
      codes.push(record.location?.country, ...record.countries, ...record.delegations.map((d) => d.country));
      break;
    case 'event':
      codes.push(record.location?.country);
      break;
    case 'statement':
      codes.push(...record.countries);
      break;
    default:
      break;
  }
  return codes.filter((c): c is string => c !== undefined);
}

/** Every citation of a record: its own, and those of its invitations and links. */
function allCitations(record: EntityRecord): { source: string; excerpt?: string | undefined }[] {
  const own = 'citations' in record ? record.citations : [];
  if (record.type === 'meeting') return [...own, ...record.invitations.flatMap((i) => i.citations)];
  if (record.type === 'event') return [...own, ...responseLinks(record).flatMap((l) => l.citations)];
  return own;
}

function heldRoleOn(leader: LeaderRecord, title: string, day: string): boolean {
  return leader.roles.some((role) => {
    const span = roleSpan(role);
    return role.title === title && span !== null && overlaps(span, dateRange(day));
  });
}

/** A quotation without the punctuation the article puts inside the closing quote mark. */
function bare(quote: string): string {
  return quote.trim().replace(/[.,;:!?]+$/u, '');
}

describe('Dataset: article.ndjson', () => {
  it('starts with a header in the feed format', () => {
    // Prepare
    const [first] = feedLines();

    // Act
    const parsed = feedHeaderSchema.safeParse(JSON.parse(first?.text ?? 'null'));

    // Assess
    expect(parsed.success).toBe(true);
  });

  it('has one valid record on every line after the header, with no blank lines', () => {
    // Prepare
    const lines = feedLines().slice(1);

    // Act
    const failures = lines.flatMap(({ number, text }) => {
      if (text.trim() === '') return [`line ${number}: blank`];
      const checked = checkRecord(JSON.parse(text));
      return checked.ok ? [] : [`line ${number}: ${checked.reason}`];
    });

    // Assess
    expect(lines.length).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });

  it('gives every record a unique id', () => {
    // Prepare
    const ids = loadRecords().map((r) => r.id);

    // Act
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);

    // Assess
    expect(duplicates).toEqual([]);
  });

  it('resolves every reference to a record of the right type', () => {
    // Prepare
    const records = loadRecords();
    const index = byId(records);

    // Act
    const dangling = records.flatMap((record) =>
      references(record)
        .filter(({ id, kinds }) => {
          const target = index.get(id);
          const kind = kindOf(id);
          return !target || kind === null || !kinds.includes(kind) || target.type !== kind;
        })
        .map(({ field, id }) => `${record.id} ${field} -> ${id}`),
    );

    // Assess
    expect(dangling).toEqual([]);
  });

  it('has a country record for every country code it uses', () => {
    // Prepare
    const records = loadRecords();
    const index = byId(records);

    // Act
    const missing = records.flatMap((record) =>
      countryCodes(record)
        .filter((code) => index.get(`country:${code}`)?.type !== 'country')
        .map((code) => `${record.id} -> ${code}`),
    );

    // Assess
    expect(missing).toEqual([]);
  });

  it('cites the article, verbatim, for every fact but the countries', () => {
    // Prepare
    const records = loadRecords();

    // Act
    const uncited = records.filter((r) => r.type !== 'source' && r.type !== 'country' && !('citations' in r && r.citations.length > 0));
    const notVerbatim = records.flatMap((record) =>
      allCitations(record)
        .filter((c) => c.excerpt === undefined || !ARTICLE.includes(c.excerpt))
        .map((c) => `${record.id}: ${c.excerpt ?? '(no excerpt)'}`),
    );
    const otherSources = records.flatMap((r) => ('citations' in r ? r.citations.filter((c) => c.source !== SOURCE_ID) : []));

    // Assess
    expect(uncited.map((r) => r.id)).toEqual([]);
    expect(notVerbatim).toEqual([]);
    expect(otherSources).toEqual([]);
  });

  it('describes the article as its source', () => {
    // Prepare
    const records = loadRecords();

    // Act
    const source = find(records, 'source', SOURCE_ID);

    // Assess
    expect(source.title).toBe(ARTICLE.split('\n')[0]);
    expect(source.publishedOn).toBe('2024-10-11');
    expect(source.publisher).toBeUndefined();
    expect(source.url).toBeUndefined();
  });

  it('has Putin and Pezeshkian meeting in Ashgabat on 2024-10-11', () => {
    // Prepare
    const records = loadRecords();

    // Act
    const meeting: MeetingRecord = find(records, 'meeting', 'meeting:2024-10-11-putin-pezeshkian-ashgabat');

    // Assess
    expect(meeting.date).toBe('2024-10-11');
    expect(meeting.status).toBe('HELD');
    expect(meeting.participants).toEqual(expect.arrayContaining(['leader:vladimir-putin', 'leader:masoud-pezeshkian']));
    expect(meeting.countries).toEqual(expect.arrayContaining(['RU', 'IR']));
    expect(meeting.location).toEqual({ city: 'Ashgabat', country: 'TM' });
  });

  it('has Raisi as President of Iran on 2023-10-23 but not on 2024-10-11', () => {
    // Prepare
    const raisi: LeaderRecord = find(loadRecords(), 'leader', 'leader:ebrahim-raisi');

    // Act
    const thenPresident = heldRoleOn(raisi, 'President of Iran', '2023-10-23');
    const stillPresident = heldRoleOn(raisi, 'President of Iran', '2024-10-11');

    // Assess
    expect(thenPresident).toBe(true);
    expect(stillPresident).toBe(false);
  });

  it('has Pezeshkian, not Raisi, as President of Iran on 2024-10-11', () => {
    // Prepare
    const records = loadRecords();
    const presidents = records.filter((r): r is LeaderRecord => r.type === 'leader');

    // Act
    const onTheDay = presidents.filter((l) => heldRoleOn(l, 'President of Iran', '2024-10-11')).map((l) => l.id);

    // Assess
    expect(onTheDay).toEqual(['leader:masoud-pezeshkian']);
  });

  it('values the 2022 drone deal at 1.7 billion US dollars, from Iran to Russia', () => {
    // Prepare
    const records = loadRecords();

    // Act
    const drones: DealRecord = find(records, 'deal', 'deal:2022-iran-russia-drones');

    // Assess
    expect(drones.value).toEqual({ amount: 1.7e9, currency: 'USD' });
    expect(drones.supplier).toBe('country:IR');
    expect(drones.recipient).toBe('country:RU');
    expect(drones.agreedOn).toBe('2022');
  });

  it('has the attack of 2024-10-01 respond to the Beirut strike and the killing of Haniyeh', () => {
    // Prepare
    const records = loadRecords();

    // Act
    const attack: EventRecord = find(records, 'event', 'event:2024-10-01-iran-missile-attack-israel');
    const causes = responseLinks(attack).map((link) => find(records, 'event', link.event));

    // Assess
    expect(attack.targets).toContain('country:IL');
    expect(causes.some((e) => e.targets.includes('leader:hassan-nasrallah') && e.location?.city === 'Beirut')).toBe(true);
    expect(causes.some((e) => e.targets.includes('leader:ismail-haniyeh') && e.location?.city === 'Tehran')).toBe(true);
  });

  it('has a statement for every quotation of the article', () => {
    // Prepare
    const quotations = [...ARTICLE.matchAll(/“([^”\n]+)”|"([^"\n]+)"/gu)].map((m) => bare(m[1] ?? m[2] ?? ''));
    const quotes = loadRecords()
      .filter((r): r is StatementRecord => r.type === 'statement')
      .map((s) => s.quote);

    // Act
    const unquoted = quotations.filter((q) => !quotes.some((quote) => quote.includes(q)));

    // Assess
    expect(quotations.length).toBeGreaterThanOrEqual(10);
    expect(unquoted).toEqual([]);
  });

  it('quotes every statement verbatim from the article', () => {
    // Prepare
    const statements = loadRecords().filter((r): r is StatementRecord => r.type === 'statement');

    // Act
    const invented = statements.filter((s) => !ARTICLE.includes(bare(s.quote))).map((s) => s.id);

    // Assess
    expect(invented).toEqual([]);
  });
});

/** The article's sentence that contains `words`, to check a fact against the text it comes from. */
function sentenceWith(words: string): string {
  const sentence = ARTICLE.split(/(?<=[.”"])\s+(?=[A-Z“"])/u).find((s) => s.includes(words));
  if (!sentence) throw new Error(`the article has no sentence with "${words}"`);
  return sentence;
}

describe('Dataset: corrections to what the article says', () => {
  it('gives "serious provocation" to Russia (an event), not to Lavrov, and keeps only his own fuller words', () => {
    // Prepare: the article says 'Russia … warned Friday …, saying it would amount to a "serious provocation."'
    const records = loadRecords();
    expect(sentenceWith('serious provocation."')).toMatch(/^Meanwhile, Russia, .* warned Friday/);

    // Act
    const lavrov = records.filter((r): r is StatementRecord => r.type === 'statement' && r.speaker === 'leader:sergey-lavrov');
    const warning = find(records, 'event', 'event:2024-10-11-russia-warns-against-strike-on-iranian-nuclear-facilities');

    // Assess
    expect(lavrov.map((s) => s.quote)).toEqual([
      "If any plans or threats to attack the Islamic Republic of Iran's peaceful nuclear facilities are realized, it would indeed be a very serious provocation",
      'illegitimate unilateral sanctions',
    ]);
    expect(warning.actors).toEqual(['country:RU']);
    expect(warning.date).toBe('2024-10-11');
  });

  it('gives "illegitimate unilateral sanctions" to all three at the meeting ("They also rejected…")', () => {
    // Prepare: "Lavrov met with then-President Ebrahim Raisi and then-Foreign Minister Hossein Amir Abdollahian … They also rejected…"
    const statement = find(loadRecords(), 'statement', 'statement:2023-10-23-lavrov-illegitimate-unilateral-sanctions');

    // Act
    const speakers = [statement.speaker, ...statement.coSpeakers];

    // Assess
    expect(sentenceWith('illegitimate unilateral sanctions')).toMatch(/^They also rejected/);
    expect(speakers).toEqual(['leader:sergey-lavrov', 'leader:ebrahim-raisi', 'leader:hossein-amir-abdollahian']);
  });

  it('keeps the dates the transfers became public apart from dates of agreement the article does not give', () => {
    // Prepare: missiles — "Speaking at a press conference in London Sept. 10"; radars — "Reports also emerged in August".
    const records = loadRecords();

    // Act
    const missiles = find(records, 'deal', 'deal:2024-iran-russia-short-range-ballistic-missiles');
    const radars = find(records, 'deal', 'deal:2024-russia-iran-radar-air-defense');

    // Assess
    expect([missiles.agreedOn, missiles.disclosedOn]).toEqual([undefined, '2024-09']);
    expect([radars.agreedOn, radars.disclosedOn]).toEqual([undefined, '2024-08']);
  });

  it('does not say the drone deal delivered nothing: the article gives no delivery, so its status is UNKNOWN', () => {
    // Prepare: "In a $1.7 billion deal signed in late 2022, Iran agreed to supply Russia with hundreds of drones"
    const drones = find(loadRecords(), 'deal', 'deal:2022-iran-russia-drones');

    // Act
    const { status, agreedOn } = drones;

    // Assess
    expect(status).toBe('UNKNOWN');
    expect(agreedOn).toBe('2022');
    expect(drones.items).toEqual([{ description: 'drones', quantityNote: 'hundreds' }]);
  });

  it('says per item that the Yak-130s were delivered and the rest is unclear', () => {
    // Prepare: "The Yak-130s have been delivered … it remains unclear whether any of the other aircraft have as well."
    const aircraft = find(loadRecords(), 'deal', 'deal:2023-11-russia-iran-combat-aircraft');

    // Act
    const statuses = Object.fromEntries(aircraft.items.map((i) => [i.designation, i.status]));

    // Assess
    expect(statuses).toEqual({ 'Su-35': 'UNKNOWN', 'Mi-28': 'UNKNOWN', 'Yak-130': 'DELIVERED' });
    expect(aircraft.agreedOn).toBe('2023-11');
  });

  it('dates Farahi and Nilforoushan only as the article does, so neither holds a role in 1950', () => {
    // Prepare: Farahi "announced at the time" (November 2023); Nilforoushan was killed on Sept. 27 (2024).
    const records = loadRecords();
    const farahi = find(records, 'leader', 'leader:mahdi-farahi');
    const nilforoushan = find(records, 'leader', 'leader:abbas-nilforoushan');

    // Act
    const in1950 = [farahi, nilforoushan].filter((l) => l.roles.some((r) => heldRoleOn(l, r.title, '1950')));

    // Assess
    expect(in1950).toEqual([]);
    expect(heldRoleOn(farahi, 'Deputy Minister of Defense of Iran', '2023-11')).toBe(true);
    expect(heldRoleOn(nilforoushan, 'Deputy Commander of the Quds Force', '2024-09-27')).toBe(true);
  });

  it('cites nothing outside the article for role dates: each start, end and heldOn date is one the article gives', () => {
    // Prepare: the dates the article gives, written out from its text.
    const articleDates = [
      '2022-07',
      '2023-10-23',
      '2023-11',
      '2024-07',
      '2024-09-10',
      '2024-09-17',
      '2024-09-27',
      '2024-09-30',
      '2024-10-01',
      '2024-10-11',
    ];
    const leaders = loadRecords().filter((r): r is LeaderRecord => r.type === 'leader');

    // Act
    const dates = leaders.flatMap((l) => l.roles.flatMap((r) => [r.start, r.end, ...(r.heldOn ?? [])])).filter((d) => d !== undefined);

    // Assess
    expect(dates.filter((d) => !articleDates.includes(d))).toEqual([]);
  });

  it('has the US sanctions aimed at ships and companies, not at Iran and Russia', () => {
    // Prepare: "fresh US sanctions imposed on ships and companies allegedly involved in the transfer of weapons from Iran to Russia"
    const sanctions = find(loadRecords(), 'event', 'event:2024-09-10-us-sanctions-iran-russia-weapons-transfer');

    // Act
    const { targets, unnamedTargets, countries } = sanctions;

    // Assess
    expect(targets).toEqual([]);
    expect(unnamedTargets).toEqual([
      'ships allegedly involved in the transfer of weapons from Iran to Russia',
      'companies allegedly involved in the transfer of weapons from Iran to Russia',
    ]);
    expect(countries).toEqual(['IR', 'RU']);
  });

  it('keeps what the 1 October attack answered as Tehran’s claim, not an established link', () => {
    // Prepare: "in what Tehran said was a response to …"
    const attack = find(loadRecords(), 'event', 'event:2024-10-01-iran-missile-attack-israel');

    // Act
    const links = responseLinks(attack).map((l) => [l.event, l.confidence, l.claimedBy]);

    // Assess
    expect(links).toEqual([
      ['event:2024-09-27-israeli-strike-beirut-nasrallah-nilforoushan', 'ALLEGED', 'country:IR'],
      ['event:2024-07-31-haniyeh-killing-tehran', 'ALLEGED', 'country:IR'],
    ]);
    expect(
      responseLinks(attack).every((l) => l.citations.some((c) => c.excerpt?.startsWith('in what Tehran said was a response to'))),
    ).toBe(true);
  });

  it('has Nasrallah and Haniyeh lead their organisations, not Lebanon or the Palestinian territories', () => {
    // Prepare: "Hezbollah Secretary-General Hassan Nasrallah", "Hamas political leader Ismail Haniyeh"
    const records = loadRecords();

    // Act
    const [nasrallah, haniyeh] = ['leader:hassan-nasrallah', 'leader:ismail-haniyeh'].map((id) => find(records, 'leader', id));

    // Assess
    expect([nasrallah?.country, nasrallah?.organization, nasrallah?.roles.map((r) => [r.title, r.country, r.organization])]).toEqual([
      undefined,
      'organization:hezbollah',
      [['Secretary-General of Hezbollah', undefined, 'organization:hezbollah']],
    ]);
    expect([haniyeh?.country, haniyeh?.organization, haniyeh?.roles.map((r) => [r.title, r.country, r.organization])]).toEqual([
      undefined,
      'organization:hamas',
      [['Political leader of Hamas', undefined, 'organization:hamas']],
    ]);
  });

  it('dates Iran’s BRICS membership only as the article does: "last year", 2023', () => {
    // Prepare: "congratulating Iran on becoming a full member of the bloc last year" in an article of 2024-10-11.
    const membership = find(loadRecords(), 'event', 'event:2023-08-24-iran-joins-brics');

    // Act
    const { date, endDate } = membership;

    // Assess
    expect([date, endDate]).toEqual(['2023', undefined]);
    expect(membership.summary).not.toMatch(/24 August|1 January/);
  });

  it('dates events only as precisely as the article does', () => {
    // Prepare: "invasion of Ukraine in February 2022", "two weeks after Hamas launched its attack" (October 2023),
    // "the killing of … Haniyeh in Tehran in July", "the second such attack this year" (2024), "election in late July".
    const records = loadRecords();
    const expected: Record<string, string> = {
      'event:2022-02-24-russia-invasion-ukraine': '2022-02',
      'event:2023-10-07-hamas-attack-israel': '2023-10',
      'event:2024-07-31-haniyeh-killing-tehran': '2024-07',
      'event:2024-04-13-iran-attack-israel': '2024',
      'event:2024-07-pezeshkian-election': '2024-07',
    };

    // Act
    const dates = Object.fromEntries(Object.keys(expected).map((id) => [id, find(records, 'event', id).date]));

    // Assess
    expect(dates).toEqual(expected);
  });

  it('calls both killings TARGETED_KILLING, the kind the schema names', () => {
    // Prepare
    const records = loadRecords();

    // Act
    const kinds = ['event:2024-09-27-israeli-strike-beirut-nasrallah-nilforoushan', 'event:2024-07-31-haniyeh-killing-tehran'].map(
      (id) => find(records, 'event', id).kind,
    );

    // Assess
    expect(kinds).toEqual(['TARGETED_KILLING', 'TARGETED_KILLING']);
    expect(records.some((r) => r.type === 'event' && r.kind === 'ASSASSINATION')).toBe(false);
  });

  it('has Putin invite Pezeshkian to Kazan as an invitation of its own, extended in Ashgabat and not known to be accepted', () => {
    // Prepare: "Putin extended an invitation for Pezeshkian to attend the upcoming BRICS summit in the Russian city of Kazan Oct. 23–24"
    const kazan = find(loadRecords(), 'meeting', 'meeting:2024-10-23-brics-summit-kazan');

    // Act
    const [invitation] = kazan.invitations;

    // Assess
    expect(kazan.invitations).toHaveLength(1);
    expect(invitation).toMatchObject({
      invitee: 'leader:masoud-pezeshkian',
      invitedBy: 'leader:vladimir-putin',
      extendedOn: '2024-10-11',
      extendedAt: 'meeting:2024-10-11-putin-pezeshkian-ashgabat',
      status: 'EXTENDED',
    });
    expect([kazan.date, kazan.endDate, kazan.location?.city]).toEqual(['2024-10-23', '2024-10-24', 'Kazan']);
  });

  it('places Lavrov’s words in Laos and links the agencies that carried Putin’s and Pezeshkian’s', () => {
    // Prepare: "said at a press conference in Laos today"; "as reported by RIA Novosti"; "according to the Iranian state-run Press TV"
    const records = loadRecords();

    // Act
    const lavrov = find(records, 'statement', 'statement:2024-10-11-lavrov-attack-on-nuclear-facilities-provocation');
    const putin = find(records, 'statement', 'statement:2024-10-11-putin-relations-with-iran-a-priority');
    const pezeshkian = find(records, 'statement', 'statement:2024-10-11-pezeshkian-positions-much-closer');

    // Assess
    expect(lavrov.location).toEqual({ country: 'LA' });
    expect([putin.reportedBy, putin.reporter]).toEqual(['RIA Novosti', 'organization:ria-novosti']);
    expect([pezeshkian.reportedBy, pezeshkian.reporter]).toEqual(['Press TV', 'organization:press-tv']);
  });
});

describe('Feed format: parts played at a meeting', () => {
  it('refuses a part given to a leader who is not a participant (an invitee is listed under invitations)', () => {
    // Prepare: the Kazan summit with Pezeshkian, invited only, wrongly given a part.
    const kazan = find(loadRecords(), 'meeting', 'meeting:2024-10-23-brics-summit-kazan');

    // Act
    const checked = checkRecord({
      ...kazan,
      participantRoles: [...kazan.participantRoles, { leader: 'leader:masoud-pezeshkian', role: 'GUEST' }],
    });

    // Assess
    expect(checked).toEqual({ ok: false, reason: 'participantRoles: leader:masoud-pezeshkian is not one of the participants' });
  });
});

import { describe, expect, it } from 'vitest';
import { dealDisagreements } from '../../src/domain/deal-disagreements.js';
import { categoriesOf, dealsMatch, designationFamily } from '../../src/domain/deal-matching.js';
import type { DealRecord } from '../../src/domain/records.js';

const citations = [{ source: 'source:s' }];

/** The article's aircraft deal: "finalized a deal last November to procure Sukhoi SU-35 fighters, Mil Mi-28 attack helicopters, and Yak-130 jet trainers". */
const aircraft: DealRecord = {
  type: 'deal',
  id: 'deal:2023-11-russia-iran-combat-aircraft',
  supplier: 'country:RU',
  recipient: 'country:IR',
  items: [
    { designation: 'Su-35', description: 'Sukhoi Su-35 fighter aircraft', status: 'UNKNOWN' },
    { designation: 'Mi-28', description: 'Mil Mi-28 attack helicopters', status: 'UNKNOWN' },
    { designation: 'Yak-130', description: 'Yak-130 jet trainers', status: 'DELIVERED' },
  ],
  agreedOn: '2023-11',
  status: 'DELIVERING',
  confidence: 'CONFIRMED',
  citations,
};

/** The article's drones: "a $1.7 billion deal signed in late 2022 … hundreds of drones". */
const drones: DealRecord = {
  type: 'deal',
  id: 'deal:2022-iran-russia-drones',
  supplier: 'country:IR',
  recipient: 'country:RU',
  items: [{ description: 'drones', quantityNote: 'hundreds' }],
  agreedOn: '2022',
  status: 'UNKNOWN',
  confidence: 'REPORTED',
  citations,
};

/** A SIPRI record as the parser makes it, from a row's values. */
function sipri(
  supplier: string,
  recipient: string,
  year: string,
  designation: string,
  description: string,
  extra: Partial<DealRecord['items'][number]> = {},
): DealRecord {
  return {
    type: 'deal',
    id: `deal:sipri-${designation.toLowerCase().replace(/[^a-z0-9]/g, '')}`,
    supplier,
    recipient,
    items: [{ designation, description, ...extra }],
    agreedOn: year,
    status: extra.delivered ? (extra.quantity !== undefined && extra.delivered >= extra.quantity ? 'DELIVERED' : 'DELIVERING') : 'AGREED',
    confidence: 'CONFIRMED',
    citations,
  };
}

describe('Domain: deal matching', () => {
  it('takes letters and the first number as the designation family', () => {
    expect(
      ['Su-35', 'Su-35S', 'SU 35', 'Mi-28N', 'Yak-130', 'Shahed-136', 'S-300PMU2 Favorit', '9M338', 'ship engine'].map(designationFamily),
    ).toEqual(['SU35', 'SU35', 'SU35', 'MI28', 'YAK130', 'SHAHED136', 'S300', '9', null]);
  });

  it('names the category of a weapon in either source’s words', () => {
    expect(categoriesOf('drones')).toEqual(['drone']);
    expect(categoriesOf('one-way attack drone')).toEqual(['drone']);
    expect(categoriesOf('short-range ballistic missiles')).toEqual(['ballistic missile']);
    expect(categoriesOf('surface-to-surface missile')).toEqual(['ballistic missile']);
    expect(categoriesOf('anti-tank missile')).toEqual([]);
  });

  it('links SIPRI’s Su-35S, Mi-28N (2023) and Yak-130 (2022) to the article’s deal of November 2023', () => {
    // SIPRI rows: "Iran,Russia,2023,?,,,Su-35S,…", "Iran,Russia,2023,,,,Mi-28N,…", "Iran,Russia,2022,?,24,?,Yak-130,…"
    for (const record of [
      sipri('country:RU', 'country:IR', '2023', 'Su-35S', 'fighter/ground-attack aircraft'),
      sipri('country:RU', 'country:IR', '2023', 'Mi-28N', 'combat helicopter'),
      sipri('country:RU', 'country:IR', '2022', 'Yak-130', 'trainer/combat aircraft'),
    ]) {
      expect(dealsMatch(aircraft, record), record.items[0]?.designation).toBe(true);
    }
  });

  it('does not link other designations, other parties or years more than one apart', () => {
    expect(dealsMatch(aircraft, sipri('country:RU', 'country:IR', '2015', 'S-300PMU2 Favorit', 'surface-to-air missile system'))).toBe(
      false,
    );
    expect(dealsMatch(aircraft, sipri('country:RU', 'country:IR', '2021', 'Yak-130', 'trainer/combat aircraft'))).toBe(false);
    expect(dealsMatch(aircraft, sipri('country:RU', 'country:DZ', '2023', 'Su-35S', 'fighter/ground-attack aircraft'))).toBe(false);
    expect(dealsMatch(drones, sipri('country:IR', 'country:RU', '2023', 'Fath-360', 'surface-to-surface missile'))).toBe(false);
  });

  it('links a deal without designations by category and year: the drones to SIPRI’s Shahed-136 of 2022', () => {
    // "Russia,Iran,2022,,,,Shahed-136,one-way attack drone,6600,?,2022; 2023; 2024; 2025,…"
    expect(dealsMatch(drones, sipri('country:IR', 'country:RU', '2022', 'Shahed-136', 'one-way attack drone', { delivered: 6600 }))).toBe(
      true,
    );
  });

  it('matches a deal known only by its disclosure to orders of that year and the two before', () => {
    const missiles: DealRecord = {
      ...drones,
      id: 'deal:m',
      items: [{ description: 'short-range ballistic missiles' }],
      agreedOn: undefined,
      disclosedOn: '2024-09',
    };
    delete missiles.agreedOn;
    const fath = (year: string) => sipri('country:IR', 'country:RU', year, 'Fath-360', 'surface-to-surface missile');
    expect(['2021', '2022', '2023', '2024', '2025'].map((y) => dealsMatch(missiles, fath(y)))).toEqual([false, true, true, true, false]);
  });

  it('reports where the sources disagree, each value with its record: Yak-130 agreed 2023-11 and delivered vs ordered 2022, 6 of 24 delivered', () => {
    // SIPRI: "Iran,Russia,2022,?,24,?,Yak-130,trainer/combat aircraft,6,?,2023; 2024"
    const yak = sipri('country:RU', 'country:IR', '2022', 'Yak-130', 'trainer/combat aircraft', { quantity: 24, delivered: 6 });
    const su35 = sipri('country:RU', 'country:IR', '2023', 'Su-35S', 'fighter/ground-attack aircraft', { delivered: 0 });

    const found = dealDisagreements(aircraft, [yak, su35]).map((d) => [d.field, d.values.map((v) => [v.value, v.deal.id])]);

    // The article says nothing of the Su-35s' delivery (UNKNOWN) and its 2023-11 lies within SIPRI's 2023: no disagreement.
    expect(found).toEqual([
      [
        'agreedOn of Yak-130',
        [
          ['2023-11', aircraft.id],
          ['2022', yak.id],
        ],
      ],
      [
        'status of Yak-130',
        [
          ['DELIVERED', aircraft.id],
          ['DELIVERING (6 of 24 delivered)', yak.id],
        ],
      ],
    ]);
  });
});

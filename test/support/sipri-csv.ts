import { readFileSync } from 'node:fs';

/** A deal of a SIPRI deal-level export, as the file gives it. */
export interface CsvDeal {
  recipient: string;
  supplier: string;
  year: number;
  ordered: number;
  delivered: number;
  /** TIV in hundredths (SIPRI gives two decimals), so that sums are exact. */
  tivOrdered: number;
  tivDelivered: number;
  /** The years of delivery the row lists. */
  deliveryYears: number[];
}

/**
 * Reads a SIPRI deal-level export on its own terms, without the project's parser: Latin-1,
 * SIPRI's preamble up to the header, then 16 comma-separated cells a row (the export quotes
 * nothing). Tests and the bench compare the gateway's totals with this independent reading.
 */
export function readSipriCsv(path: string): CsvDeal[] {
  const lines = readFileSync(path).toString('latin1').split(/\r?\n/);
  const header = lines.findIndex((l) => l.startsWith('Recipient,Supplier,Year of order'));
  if (header < 0) throw new Error(`${path} is not a deal-level SIPRI export`);
  const hundredths = (cell: string) => (cell.trim() === '' ? 0 : Math.round(Number(cell) * 100));
  return lines
    .slice(header + 1)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const c = line.split(',');
      if (c.length !== 16) throw new Error(`a row without 16 cells: ${line}`);
      return {
        recipient: (c[0] as string).trim(),
        supplier: (c[1] as string).trim(),
        year: Number(c[2]),
        ordered: Number(c[4] || 0),
        delivered: Number(c[8] || 0),
        tivOrdered: hundredths(c[14] as string),
        tivDelivered: hundredths(c[15] as string),
        deliveryYears: (c[10] as string).trim() === '' ? [] : (c[10] as string).split(';').map((y) => Number(y.trim())),
      };
    });
}

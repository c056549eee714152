// Structural twins of the portal contracts' result types. The domain imports nothing of ours (ARCHITECTURE.md), so it
// declares the shapes it produces; TypeScript's structural typing makes them interchangeable with @portico/contracts.

export type ResultFlag = 'N' | 'H' | 'L' | 'HH' | 'LL' | 'A';
export type Comparator = '<' | '<=' | '>' | '>=';

export type ResultValue =
  | { kind: 'quantity'; numeric: number; comparator: Comparator | null; text: string; unit: string | null }
  | { kind: 'text'; text: string }
  | { kind: 'none' };

export interface ReferenceRange {
  low: number | null;
  high: number | null;
  text: string;
  unit: string | null;
}

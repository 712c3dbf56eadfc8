/**
 * The period a unit standard is stated for; the annual amount is standard × periodsPerYear.
 * Apart from the catalog's schema (catalogSchema.ts), so that the model's year resolution reads
 * it without loading the parser.
 */
export const PERIODS = { year: 1, month: 12 } as const;

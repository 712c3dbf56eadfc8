/**
 * Money as text for the streaming writers: integer fen to yuan with two decimals
 * ("-1234.50"), by integer arithmetic only (no decimal library, no rounding of a float
 * amount). The same text as fenToYuanString (src/model/money.ts), built faster: the two
 * decimals come from a table.
 */
import { assertFen } from '../../model/money.ts';

const CENTS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** Integer fen as yuan text with two decimals; throws unless `fen` is a safe integer. */
export function fenText(fen: number): string {
  if (!Number.isSafeInteger(fen)) assertFen(fen, 'amount');
  const abs = fen < 0 ? -fen : fen;
  const yuan = wholeYuan(abs);
  return `${fen < 0 ? '-' : ''}${yuan}.${CENTS[abs - yuan * 100]!}`;
}

/**
 * The whole yuan of a non-negative safe integer amount of fen: the exact integer quotient by
 * 100 (the division is a double, corrected by one where it rounded across a whole yuan). The
 * cents are then `abs − yuan × 100`, from 0 to 99.
 */
export function wholeYuan(abs: number): number {
  const yuan = Math.floor(abs / 100);
  const cents = abs - yuan * 100;
  return cents < 0 ? yuan - 1 : cents >= 100 ? yuan + 1 : yuan;
}

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
  let yuan = Math.floor(abs / 100);
  let cents = abs - yuan * 100;
  // the division is a double: correct it to the exact integer quotient
  if (cents < 0) {
    yuan -= 1;
    cents += 100;
  } else if (cents >= 100) {
    yuan += 1;
    cents -= 100;
  }
  return `${fen < 0 ? '-' : ''}${yuan}.${CENTS[cents]!}`;
}

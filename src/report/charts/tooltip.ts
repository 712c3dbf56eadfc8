/**
 * A chart tooltip "label: value". The charts do not know the page's language, so the colon
 * follows the label: full-width after Chinese text (中央：5.15), ": " after Latin text or digits.
 */
const CJK_END = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]$/;

export function tooltip(label: string, value: string): string {
  return `${label}${CJK_END.test(label) ? '：' : ': '}${value}`;
}

import { toHalfWidth } from '../values/index.ts';
import type { Label } from '../families/spec.ts';

// Every sheet of a form repeats the same label and header texts; remember their normal forms.
const MEMO_LIMIT = 20_000;
const normMemo = new Map<string, string>();

/** Cell text reduced for label matching: half-width, no whitespace, （）and［］ as ASCII brackets. */
export function normalizeLabel(text: string): string {
  let norm = normMemo.get(text);
  if (norm === undefined) {
    if (normMemo.size >= MEMO_LIMIT) normMemo.clear();
    norm = toHalfWidth(text)
      .replace(/[\s\u3000]+/g, '')
      .replace(/[（]/g, '(')
      .replace(/[）]/g, ')')
      .replace(/[．]/g, '.');
    normMemo.set(text, norm);
  }
  return norm;
}

/** True when the normalised text matches one of the labels. */
export function matchesLabel(normalized: string, labels: readonly Label[]): boolean {
  if (normalized === '') return false;
  for (const label of labels) {
    if (typeof label === 'string' ? normalized === label : label.test(normalized)) return true;
  }
  return false;
}

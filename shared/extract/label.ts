import { toHalfWidth } from '../values/index.ts';
import type { Label } from '../families/spec.ts';

/** Cell text reduced for label matching: half-width, no whitespace, （）and［］ as ASCII brackets. */
export function normalizeLabel(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[．]/g, '.');
}

/** True when the normalised text matches one of the labels. */
export function matchesLabel(normalized: string, labels: readonly Label[]): boolean {
  if (normalized === '') return false;
  for (const label of labels) {
    if (typeof label === 'string' ? normalized === label : label.test(normalized)) return true;
  }
  return false;
}

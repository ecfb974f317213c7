/**
 * A number as en-US writes it with thousands separators and at most `fractionDigits` decimals, rounded half
 * away from zero on its shortest decimal form (1.0005 → "1.001"), trailing zeros dropped: what
 * `Intl.NumberFormat('en-US', { maximumFractionDigits })` gives, without creating an ICU formatter (the
 * first one in a process costs ≈ 10 ms of start-up).
 */
export function formatNumber(n: number, fractionDigits: number): string {
  if (Number.isNaN(n)) return 'NaN';
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  const abs = Math.abs(n);
  if (abs === Infinity) return `${sign}∞`;
  const { whole, fraction } = rounded(plainDigits(abs), fractionDigits);
  const decimals = fraction.replace(/0+$/, '');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${decimals ? `.${decimals}` : ''}`;
}

/** The shortest decimal form of a non-negative finite number, without an exponent. */
function plainDigits(abs: number): { whole: string; fraction: string } {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(abs));
  if (!m) throw new Error(`formatNumber: cannot read ${abs}`);
  const digits = `${m[1]}${m[2] ?? ''}`;
  const point = m[1]!.length + Number(m[3] ?? 0);
  if (point <= 0) return { whole: '0', fraction: `${'0'.repeat(-point)}${digits}` };
  if (point >= digits.length) return { whole: `${digits}${'0'.repeat(point - digits.length)}`, fraction: '' };
  return { whole: digits.slice(0, point), fraction: digits.slice(point) };
}

/** Rounds half up to `places` decimals, carrying through the digits as text. */
function rounded(
  { whole, fraction }: { whole: string; fraction: string },
  places: number,
): { whole: string; fraction: string } {
  if (fraction.length <= places) return { whole: stripZeros(whole), fraction };
  const up = fraction.charCodeAt(places) >= 53; // '5'
  const kept = `${whole}${fraction.slice(0, places)}`;
  const digits = up ? increment(kept) : kept;
  const cut = digits.length - places;
  return { whole: stripZeros(digits.slice(0, cut)), fraction: digits.slice(cut) };
}

function increment(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return `1${out.join('')}`;
}

function stripZeros(whole: string): string {
  return whole.replace(/^0+(?=\d)/, '');
}

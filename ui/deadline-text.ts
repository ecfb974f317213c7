// The deadline in the words the console and the add-in both use.

/** A YYYY-MM-DD date as 2021年4月30日. */
export function dateText(date: string | null): string {
  if (!date) return '—';
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** How far the deadline is: あと3日 / 本日が期限 / 3日超過. */
export function daysLeftText(daysLeft: number | null): string {
  if (daysLeft === null) return '';
  return daysLeft > 0 ? `あと${daysLeft}日` : daysLeft === 0 ? '本日が期限' : `${-daysLeft}日超過`;
}

import { describe, expect, it } from 'vitest';
import { deadlineText, fetchDeadline } from '../../addin/src/use-cases/collection-deadline.ts';

const settings = { intakeUrl: 'https://intake.example.lg.jp/', token: 'tok-123' };

function answering(status: number, body: unknown) {
  const calls: { url: string; auth: string | null }[] = [];
  const fetcher = (async (url: string, init?: RequestInit) => {
    calls.push({ url, auth: new Headers(init?.headers).get('authorization') });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { fetcher, calls };
}

describe('the collection’s 提出期限 in the pane, before 提出', () => {
  it('asks the intake with the division’s token and shows the console’s words', async () => {
    const { fetcher, calls } = answering(200, { deadline: '2021-04-30', daysLeft: 3, own: { overdue: false } });
    const d = await fetchDeadline({ settings, fetch: fetcher });
    expect(calls).toEqual([{ url: 'https://intake.example.lg.jp/api/console/year', auth: 'Bearer tok-123' }]);
    expect(d).toEqual({ deadline: '2021-04-30', daysLeft: 3, overdue: false });
    expect(deadlineText(d!)).toBe('提出期限 2021年4月30日（あと3日）');
    expect(deadlineText({ deadline: '2021-04-30', daysLeft: 0, overdue: false })).toBe(
      '提出期限 2021年4月30日（本日が期限）',
    );
    expect(deadlineText({ deadline: '2021-04-30', daysLeft: -2, overdue: true })).toBe(
      '提出期限 2021年4月30日（期限超過）',
    );
  });

  it('stays silent (null) without a deadline, without settings, over plain http, or when the intake fails', async () => {
    expect(
      await fetchDeadline({ settings, fetch: answering(200, { deadline: null, daysLeft: null }).fetcher }),
    ).toBeNull();
    expect(await fetchDeadline({ settings, fetch: answering(401, { error: {} }).fetcher })).toBeNull();
    const never = answering(200, {});
    expect(await fetchDeadline({ settings: { intakeUrl: '', token: '' }, fetch: never.fetcher })).toBeNull();
    expect(
      await fetchDeadline({
        settings: { ...settings, intakeUrl: 'http://intake.example.lg.jp' },
        fetch: never.fetcher,
      }),
    ).toBeNull();
    expect(never.calls).toEqual([]);
    const broken = (async () => {
      throw new TypeError('network');
    }) as typeof fetch;
    expect(await fetchDeadline({ settings, fetch: broken })).toBeNull();
  });
});

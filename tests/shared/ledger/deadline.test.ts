import { describe, expect, it } from 'vitest';
import { daysUntil, isCalendarDate, overdueStatus, pastDeadline } from '../../../shared/ledger/deadline.ts';

describe('提出期限', () => {
  it('is past only from the day after the deadline', () => {
    expect(pastDeadline('2021-04-30', '2021-04-30')).toBe(false);
    expect(pastDeadline('2021-04-30', '2021-05-01')).toBe(true);
    expect(pastDeadline(null, '2021-05-01')).toBe(false);
    expect(pastDeadline('2021-04-30', null)).toBe(false);
  });

  it('counts whole days to the deadline across month ends', () => {
    expect(daysUntil('2021-04-30', '2021-04-23')).toBe(7);
    expect(daysUntil('2021-03-01', '2021-02-28')).toBe(1);
    expect(daysUntil('2021-04-30', '2021-05-02')).toBe(-2);
  });

  it('tells real calendar days from look-alikes', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2021-02-29')).toBe(false);
    expect(isCalendarDate('2021-4-30')).toBe(false);
  });

  it('marks late only the words that still lack a usable sheet', () => {
    expect(['未提出', '差戻し', '読込不可', '受理', '処理中'].map((s) => overdueStatus(s as never, true))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(overdueStatus('未提出', false)).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLedger, OLDER_COUNTED } from '../../../shared/ledger/build-ledger.ts';
import type { LedgerEntry, LedgerScope, Slot } from '../../../shared/ledger/types.ts';

const SCOPE: LedgerScope = {
  ward: '秋葉区',
  fiscalYear: 2020,
  divisions: ['地域総務課', '健康福祉課', '産業振興課', '建設課'],
  deadline: '2021-04-30',
};

function entry(id: string, order: string, slot: Slot, status: '受理' | '差戻し' | '読込不可' | null): LedgerEntry {
  return {
    id,
    file: `${id}.xlsx`,
    receivedAt: null,
    order,
    slot,
    verdict:
      status === null
        ? null
        : { status, code: status === '受理' ? null : 'x', reason: status === '受理' ? null : `${id} の理由` },
  };
}
const division = (d: string): Slot => ({ kind: 'division', division: d });

describe('the ward-year ledger', () => {
  it('gives each expected division and the ward sheet one row, with the latest word and the latest 受理 counted', () => {
    const ledger = buildLedger(
      [
        entry('k1', '1', division('健康福祉課'), '受理'),
        entry('k2', '2', division('健康福祉課'), '読込不可'),
        entry('c1', '3', division('地域総務課'), '差戻し'),
        entry('s1', '4', division('産業振興課'), null),
        entry('w1', '5', { kind: 'ward' }, '受理'),
        entry('x1', '6', { kind: 'unattributed' }, '読込不可'),
      ],
      SCOPE,
    );
    expect(ledger.wardSheet).toMatchObject({ division: '秋葉区', status: '受理', submission: 'w1', counted: 'w1' });
    expect(ledger.divisions.map((r) => [r.division, r.status, r.submission, r.counted, r.reason])).toEqual([
      ['地域総務課', '差戻し', 'c1', null, 'c1 の理由'],
      ['健康福祉課', '読込不可', 'k2', 'k1', `k2 の理由 ${OLDER_COUNTED}`],
      ['産業振興課', '処理中', 's1', null, null],
      ['建設課', '未提出', null, null, null],
    ]);
    expect(ledger.counts).toEqual({ expected: 4, submitted: 3, 受理: 0, 差戻し: 1, 読込不可: 1, 処理中: 1, 未提出: 1 });
    expect(ledger.unattributed).toHaveLength(1);
    expect(ledger.deadline).toBe('2021-04-30');
  });

  it('marks 期限超過 only after the deadline day, and only rows still without a usable sheet', () => {
    const entries = [
      entry('k1', '1', division('健康福祉課'), '受理'),
      entry('c1', '2', division('地域総務課'), '差戻し'),
      entry('s1', '3', division('産業振興課'), null),
    ];
    const late = (today: string | null) =>
      buildLedger(entries, { ...SCOPE, today }).divisions.map((r) => [r.division, r.overdue]);
    expect(late('2021-04-30')).toEqual([
      ['地域総務課', false],
      ['健康福祉課', false],
      ['産業振興課', false],
      ['建設課', false],
    ]);
    expect(late('2021-05-01')).toEqual([
      ['地域総務課', true],
      ['健康福祉課', false],
      ['産業振興課', false],
      ['建設課', true],
    ]);
    expect(late(null).every(([, overdue]) => overdue === false)).toBe(true);
    const ledger = buildLedger(entries, { ...SCOPE, today: '2021-05-01' });
    expect([ledger.pastDeadline, ledger.wardSheet.overdue]).toEqual([true, true]);
    expect(buildLedger(entries, { ...SCOPE, deadline: null, today: '2030-01-01' }).pastDeadline).toBe(false);
  });

  it("orders a row's versions by the dates their sheets carry only when every version carries some", () => {
    const dated = (id: string, order: string, written: string | null): LedgerEntry => ({
      ...entry(id, order, division('健康福祉課'), '受理'),
      written,
    });
    // A mailed copy (later mtime) of an older version: its sheets' 修正日 says it is older.
    expect(
      buildLedger([dated('new', '1', '2021-03-25'), dated('old', '2', '2021-03-01')], SCOPE).divisions[1]!.submission,
    ).toBe('new');
    // One version without dates: arrival decides for the whole row.
    expect(
      buildLedger([dated('a', '1', '2021-03-25'), dated('b', '2', null), dated('c', '3', '2021-03-01')], SCOPE)
        .divisions[1]!.submission,
    ).toBe('c');
  });

  it("turns a coordinator's 差戻す into 差戻し with their reason, and counts an older 受理 version instead", () => {
    const ledger = buildLedger(
      [
        entry('k1', '1', division('健康福祉課'), '受理'),
        {
          ...entry('k2', '2', division('健康福祉課'), '受理'),
          sentBack: { reason: '別の課のシートです', by: '取りまとめ', at: '2021-04-01T00:00:00Z' },
        },
      ],
      SCOPE,
    );
    expect(ledger.divisions[1]).toMatchObject({
      status: '差戻し',
      counted: 'k1',
      reason: `取りまとめ担当が差し戻しました: 別の課のシートです ${OLDER_COUNTED}`,
    });
  });

  const slots: Slot[] = [
    ...SCOPE.divisions.map(division),
    division('秘書課'),
    { kind: 'ward' },
    { kind: 'unattributed' },
  ];
  const entries = fc
    .uniqueArray(
      fc.record({
        order: fc.integer({ min: 0, max: 50 }),
        slot: fc.constantFrom(...slots),
        status: fc.constantFrom('受理' as const, '差戻し' as const, '読込不可' as const, null),
        // The dates a file's sheets carry, when it has some (consolidate orders a row by them when all have).
        written: fc.option(
          fc.integer({ min: 0, max: 9 }).map((d) => `2021-04-0${d}`),
          { nil: null },
        ),
      }),
      { maxLength: 25, selector: (e) => e.order },
    )
    .map((list) =>
      list.map((e, i) => ({
        ...entry(`s${i}`, String(e.order).padStart(3, '0'), e.slot, e.status),
        written: e.written,
      })),
    );

  it('gives the same answer for any order of arrival', () => {
    fc.assert(
      fc.property(entries, fc.func(fc.integer()), (list, shuffleKey) => {
        const shuffled = [...list].sort((a, b) => shuffleKey(a.id) - shuffleKey(b.id));
        expect(buildLedger(shuffled, SCOPE)).toEqual(buildLedger(list, SCOPE));
      }),
    );
  });

  it("never changes another division's row when a later file arrives", () => {
    fc.assert(
      fc.property(
        entries,
        fc.constantFrom(...slots),
        fc.constantFrom('受理' as const, '差戻し' as const, null),
        (list, slot, status) => {
          const before = buildLedger(list, SCOPE);
          const after = buildLedger([...list, entry('late', '999', slot, status)], SCOPE);
          for (const row of before.divisions)
            if (slot.kind !== 'division' || row.division !== slot.division)
              expect(after.divisions.find((r) => r.division === row.division)).toEqual(row);
          if (slot.kind !== 'ward') expect(after.wardSheet).toEqual(before.wardSheet);
        },
      ),
    );
  });

  it('always adds its counts up over the expected divisions, the ward sheet apart', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const { counts, divisions } = buildLedger(list, SCOPE);
        const expected = divisions.filter((r) => r.expected);
        expect(counts.expected).toBe(SCOPE.divisions.length);
        expect(counts.受理 + counts.差戻し + counts.読込不可 + counts.処理中 + counts.未提出).toBe(counts.expected);
        expect(counts.submitted).toBe(counts.expected - counts.未提出);
        expect(expected.map((r) => r.division)).toEqual(SCOPE.divisions);
        for (const row of divisions) {
          const latest = row.versions.find((v) => v.latest);
          expect(row.submission).toBe(latest?.id ?? null);
          if (row.counted) expect(row.versions.find((v) => v.id === row.counted)?.status).toBe('受理');
          if (row.counted && row.counted !== row.submission) expect(row.reason).toContain(OLDER_COUNTED);
        }
      }),
    );
  });
});

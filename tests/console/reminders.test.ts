import { describe, expect, it } from 'vitest';
import { buildLedger } from '../../shared/ledger/build-ledger.ts';
import type { LedgerEntry } from '../../shared/ledger/types.ts';
import { configSchema } from '../../worker/config/index.ts';
import { reminderMails } from '../../worker/console-server/reminders.ts';

const ward = configSchema.parse({
  wards: [
    {
      id: 'akiha',
      name: '秋葉区',
      fiscalYear: 2020,
      deadline: '2021-04-30',
      divisions: [
        { name: '地域総務課', email: 'chiiki@example.lg.jp' },
        { name: '健康福祉課', email: ['kenko@example.lg.jp'] },
        '産業振興課',
        { name: '建設課', email: [] },
      ],
    },
  ],
}).wards[0]!;

const entry = (id: string, division: string, status: '受理' | '読込不可', sentBack?: string): LedgerEntry => ({
  id,
  file: `${id}.xlsx`,
  receivedAt: null,
  order: id,
  slot: { kind: 'division', division },
  verdict: { status, code: status === '受理' ? null : 'not-zip', reason: status === '受理' ? null : '壊れています。' },
  ...(sentBack ? { sentBack: { reason: sentBack, by: null, at: '2021-04-01T00:00:00Z' } } : {}),
});

describe('督促メール', () => {
  it('reads division addresses from the config, a plain name staying valid', () => {
    expect(ward.divisions).toEqual(['地域総務課', '健康福祉課', '産業振興課', '建設課']);
    expect(ward.divisionEmails).toEqual({
      地域総務課: ['chiiki@example.lg.jp'],
      健康福祉課: ['kenko@example.lg.jp'],
      建設課: [],
    });
  });

  it('writes one mail per 差戻し or 未提出 division with an address, saying what is wrong and when it is due', () => {
    const ledger = buildLedger(
      [entry('a', '地域総務課', '受理', '指標2の実績値が空欄です。'), entry('b', '健康福祉課', '受理')],
      {
        ward: '秋葉区',
        fiscalYear: 2020,
        divisions: ward.divisions,
        deadline: '2021-04-30',
        today: '2021-04-28',
      },
    );
    const { mails, noAddress } = reminderMails(ward, ledger, '2021-04-28', undefined);
    expect(mails.map((m) => [m.division, m.subject, m.status])).toEqual([
      ['地域総務課', '【再提出のお願い】令和2年度 目標シート（地域総務課）', '差戻し'],
    ]);
    expect(mails[0]!.body).toContain('理由: 取りまとめ担当が差し戻しました: 指標2の実績値が空欄です。');
    expect(mails[0]!.body).toContain('提出期限: 2021年4月30日（あと2日です）');
    expect(noAddress).toEqual(['産業振興課', '建設課']);
  });

  it('asks a division whose file could not be read to send it again', () => {
    const ledger = buildLedger([entry('c', '健康福祉課', '読込不可')], {
      ward: '秋葉区',
      fiscalYear: 2020,
      divisions: ward.divisions,
      deadline: '2021-04-30',
      today: '2021-04-30',
    });
    const mail = reminderMails(ward, ledger, '2021-04-30', undefined).mails.find((m) => m.division === '健康福祉課')!;
    expect(mail.body).toContain('提出された目標シートを読み込めませんでした。');
    expect(mail.body).toContain('理由: 壊れています。');
    expect(mail.body).toContain('（本日が期限です）');
  });
});

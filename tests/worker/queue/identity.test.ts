import { describe, expect, it } from 'vitest';
import type { SheetRecord } from '../../../shared/model/record.ts';
import { checkIdentity, organizationKey, sameOrganization } from '../../../worker/queue/identity.ts';
import type { IngestResult } from '../../../worker/queue/ingest-workbook.ts';

const WARD = { id: 'akiha', name: '秋葉区', fiscalYear: 2020, divisions: ['地域総務課', '健康福祉課', '産業振興課'] };

function sheet(organization: string | null, variant = 'division'): SheetRecord {
  return {
    sheet: 'S',
    family: 'org-goals',
    organization,
    fiscalYear: 2020,
    measures: [],
    findings: [],
    variant,
    fields: organization ? { division: { value: organization, cell: 'C4' } } : {},
  };
}
const accepted = (...sheets: SheetRecord[]): IngestResult => ({ status: 'accepted', error: null, sheets });

describe('identity of a submission', () => {
  it('matches 組織名 the way staff write it: full-width, spaces, the ward in front, 課 or 室', () => {
    for (const written of [
      '健康福祉課',
      '健康福祉室',
      '健康福祉',
      ' 健康福祉 課 ',
      '健康　福祉課',
      '秋葉区健康福祉課',
      '秋葉区　健康福祉課',
      '健康・福祉課',
    ]) {
      expect(sameOrganization(written, '健康福祉課', '秋葉区'), written).toBe(true);
    }
    expect(sameOrganization('ＩＣＴ推進課', 'ICT推進課')).toBe(true);
    for (const other of ['地域総務課', '健康課', '福祉課', '健康福祉部', '秋葉区'])
      expect(sameOrganization(other, '健康福祉課', '秋葉区'), other).toBe(false);
    expect(organizationKey('秋葉区', '秋葉区')).toBe('秋葉区');
  });

  it("rejects another division's sheet with a Japanese finding at the 組織名 cell", () => {
    const result = checkIdentity(accepted(sheet('健康福祉課')), { ward: WARD, division: '地域総務課' }, []);
    expect(result.status).toBe('rejected');
    expect(result.error).toMatchObject({ code: 'validation' });
    const [finding] = result.sheets[0]!.findings;
    expect(finding).toMatchObject({ severity: 'error', code: 'identity.division-mismatch', cell: 'C4' });
    expect(finding!.message).toBe(
      'シートの組織名「健康福祉課」が、提出した課「地域総務課」と一致しません。健康福祉課のシートは健康福祉課が提出します。自分の課のシートを提出してください。',
    );
    expect(checkIdentity(accepted(sheet('健康福祉室')), { ward: WARD, division: '健康福祉課' }, []).status).toBe(
      'accepted',
    );
  });

  it("keeps the ward's sheet to the coordinator, or the division the config names for it", () => {
    const ward = sheet('秋葉区', 'ward');
    expect(
      checkIdentity(accepted(ward), { ward: WARD, division: '健康福祉課' }, []).sheets[0]!.findings[0],
    ).toMatchObject({ code: 'identity.ward-sheet', severity: 'error' });
    expect(checkIdentity(accepted(ward), { ward: WARD, division: '秋葉区' }, []).status).toBe('accepted');
    expect(
      checkIdentity(accepted(ward), { ward: { ...WARD, wardSheetDivision: '地域総務課' }, division: '地域総務課' }, [])
        .status,
    ).toBe('accepted');
    // The coordinator submits the ward's sheet, not a division's.
    expect(
      checkIdentity(accepted(sheet('健康福祉課')), { ward: WARD, division: '秋葉区' }, []).sheets[0]!.findings[0],
    ).toMatchObject({ code: 'identity.coordinator-division-sheet' });
  });

  it('flags the same content from another division of the ward as a warning, not from the same division', () => {
    const same = [
      { id: 'a', ward: 'akiha', fiscalYear: 2020, division: '健康福祉課' },
      { id: 'b', ward: 'akiha', fiscalYear: 2020, division: '産業振興課' },
      { id: 'c', ward: 'nishi', fiscalYear: 2020, division: '地域課' },
    ];
    const result = checkIdentity(accepted(sheet(null)), { ward: WARD, division: '健康福祉課' }, same);
    expect(result.status).toBe('accepted');
    const warning = result.sheets[0]!.findings.find((f) => f.code === 'identity.duplicate-content');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain('産業振興課');
    expect(warning?.message).not.toContain('地域課');
    expect(
      checkIdentity(accepted(sheet(null)), { ward: WARD, division: '健康福祉課' }, [same[0]!]).sheets[0]!.findings,
    ).toEqual([]);
  });

  it('leaves unreadable results and other forms alone', () => {
    const unreadable: IngestResult = { status: 'unreadable', error: { code: 'not-zip', message: 'x' }, sheets: [] };
    expect(checkIdentity(unreadable, { ward: WARD, division: '健康福祉課' }, [])).toBe(unreadable);
    const plan = { ...sheet('西区'), family: 'action-plan' as const };
    expect(checkIdentity(accepted(plan), { ward: WARD, division: '健康福祉課' }, []).status).toBe('accepted');
  });
});

import { describe, expect, it } from 'vitest';
import { judge, quantities, readCriteria, yearPairs } from '../../../../shared/families/policy-review/figures.ts';

describe('policy-review figures', () => {
  it('reads quantities with their labels, skipping dates and periods', () => {
    expect(
      quantities('平成28年3月末時点　ＨＰアクセス数204,568件、ツイッターフォロワー数2,110件（H27.3末現在）').map(
        (q) => [q.label, q.value, q.unit],
      ),
    ).toEqual([
      ['HPアクセス数', 204568, '件'],
      ['ツイッターフォロワー数', 2110, '件'],
    ]);
    expect(
      quantities('・公共施設への花苗の無償提供：年間2万株以上\n・フリーペーパー発行：年3回9,000部以上').map((q) => [
        q.label,
        q.value,
        q.unit,
      ]),
    ).toEqual([
      ['公共施設への花苗の無償提供', 20000, '株'],
      ['フリーペーパー発行', 3, '回'],
      ['フリーペーパー発行', 9000, '部'],
    ]);
    expect(quantities('区民アンケート（回収率3割を目標）').map((q) => [q.label, q.value, q.unit])).toEqual([
      ['回収率', 30, '%'],
    ]);
    expect(quantities('評価点3.3（5点満点）以上').map((q) => [q.label, q.value, q.unit])).toEqual([
      ['評価点', 3.3, ''],
      ['', 5, '点'],
    ]);
  });

  it('pairs last year with this year across an arrow, or in order with 前年度までの実績', () => {
    expect(yearPairs('―', ['防災訓練参加者数　26年度　1,720人→ 27年度　1,800人　対前年比で5％増加'])).toEqual([
      { label: '防災訓練参加者数', previous: 1720, current: 1800, unit: '人' },
    ]);
    expect(yearPairs('・フォロワー数　1,882件\n・いいね数　444件', ['フォロワー数2,110件、いいね数655件'])).toEqual([
      { label: 'フォロワー数', previous: 1882, current: 2110, unit: '件' },
      { label: 'いいね数', previous: 444, current: 655, unit: '件' },
    ]);
    expect(yearPairs('・フォロワー数　1,882件', ['フォロワー数2,110件、いいね数655件'])).toEqual([]);
  });

  it('reads withdrawal criteria: share of last year, growth on last year, a level', () => {
    expect(readCriteria('参加者が前年度実績の80％を下回った場合、取組を再構築する。', 'withdrawal')).toMatchObject([
      { kind: 'ratio', percent: 80, below: true },
    ]);
    expect(readCriteria('上記の数値が前年比増2％未満であれば、事業手法を再構築する。', 'withdrawal')).toMatchObject([
      { kind: 'growth', percent: 2, below: true },
    ]);
    expect(readCriteria('区民アンケート回収率が2割を下回った場合は、事業を再構築する。', 'withdrawal')).toMatchObject([
      { kind: 'level', label: '区民アンケート回収率', value: 20, unit: '%', below: true },
    ]);
    expect(readCriteria('格付け調査において評価が星ゼロとなった場合、事業を再構築する。', 'withdrawal')).toEqual([]);
  });

  it('reads performance targets: growth, an increase, levels with 以上/以下', () => {
    expect(readCriteria('フォロワー数を前年度比１０％増をめざす。', 'goal')).toMatchObject([
      { kind: 'growth', percent: 10, below: false },
    ]);
    expect(readCriteria('参加者を前年度同行事に比べ増やす。', 'goal')).toMatchObject([{ kind: 'increase' }]);
    expect(readCriteria('待ち時間：15分以下、相談件数：年40件以上', 'goal')).toMatchObject([
      { kind: 'level', label: '相談件数', value: 40, below: false },
    ]);
    expect(readCriteria('放置自転車：300台以下', 'goal')).toMatchObject([
      { kind: 'level', label: '放置自転車', value: 300, unit: '台', below: true },
    ]);
    expect(readCriteria('苦情件数：30件以下', 'goal')).toMatchObject([
      { kind: 'level', label: '苦情件数', value: 30, below: true, inclusive: true },
    ]);
  });

  it('shows the arithmetic it judged by', () => {
    const [growth] = readCriteria('前年比増2％未満', 'withdrawal');
    const pairs = [
      { label: 'HP', previous: 208872, current: 204568, unit: '件' },
      { label: 'SNS', previous: 1882, current: 2110, unit: '件' },
    ];
    expect(judge(growth!, pairs, [])).toEqual([
      { holds: true, computed: 'HP 208,872件→204,568件（前年度比 −2.1%）' },
      { holds: false, computed: 'SNS 1,882件→2,110件（前年度比 +12.1%）' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseValue, type ParsedValue } from '../../../shared/values/index.ts';

type Reading = Partial<Omit<ParsedValue, 'raw'>>;

/** The fields a case names, read from parseValue; unnamed fields must hold their defaults. */
function expectReading(text: string, expected: Reading, hint?: { unit?: string | null }): void {
  const defaults: Omit<ParsedValue, 'raw'> = {
    value: null,
    unit: null,
    comparator: null,
    year: null,
    cumulative: false,
    blank: false,
  };
  expect(parseValue(text, hint)).toEqual({ raw: text, ...defaults, ...expected });
}

describe('parseValue', () => {
  describe('plain numbers', () => {
    it.each([
      ['3', 3],
      ['87', 87],
      ['1,660', 1660],
      ['320,354', 320354],
      ['9,957', 9957],
      ['10,855', 10855],
      ['5,000,000', 5000000],
      ['4,597,752', 4597752],
      ['0.581', 0.581],
      ['99.0', 99],
      ['0', 0],
      ['1660', 1660],
    ])('reads %s as %d with no unit', (text, value) => {
      expectReading(text, { value });
    });

    it('reads mixed full-width digits', () => {
      expectReading('3３6', { value: 336 });
      expectReading('１，６６０', { value: 1660 });
      expectReading('１２．５', { value: 12.5 });
    });

    it('reads numbers with surrounding spaces and line breaks', () => {
      expectReading(' 1,843 ', { value: 1843 });
      expectReading('1,907\n', { value: 1907 });
    });

    it('reads △, ▲ and a leading minus as negative', () => {
      expectReading('△1,000', { value: -1000 });
      expectReading('▲5.5％', { value: -5.5, unit: '%' });
      expectReading('▲ 3', { value: -3 });
      expectReading('-3', { value: -3 });
      expectReading('－12', { value: -12 });
    });

    it('reads a range by its first number', () => {
      expectReading('1-3', { value: 1 });
      expectReading('10～20回', { value: 10, unit: '回' });
    });
  });

  describe('units', () => {
    it.each<[string, number, string]>([
      ['16講座実施', 16, '講座'],
      ['20講座実施', 20, '講座'],
      ['239件', 239, '件'],
      ['3.1件', 3.1, '件'],
      ['8.6％', 8.6, '%'],
      ['6.6%', 6.6, '%'],
      ['10パーセント', 10, '%'],
      ['3.0点', 3, '点'],
      ['435g', 435, 'g'],
      ['年1コース実施', 1, 'コース'],
      ['14ヶ所で実施', 14, 'ヶ所'],
      ['11科目実施', 11, '科目'],
      ['避難マップ 57地区完成', 57, '地区'],
      ['15コミ協で開催', 15, 'コミ協'],
      ['区内全19小学校での活動支援の継続', 19, '小学校'],
      ['飛砂防止柵設置・更新42m 地域住民との協働による海浜植物の植栽', 42, 'm'],
      ['面積A=23.0ha', 23, 'ha'],
      ['区バスの運行 2路線(中野小屋、坂井輪)', 2, '路線'],
      ['農福連携サポーターの農場への派遣 215時間', 215, '時間'],
      ['3割', 3, '割'],
      ['100m2', 100, 'm2'],
    ])('reads %s as %d %s', (text, value, unit) => {
      expectReading(text, { value, unit });
    });

    it('skips numbers that are part of a name (5G, 第3次)', () => {
      expectReading('5G（第5世代移動通信システム）の整備', {});
      expectReading('第3次 いきいき西区ささえあいプランの推進', {});
      expectReading('ホームページアクセス数3,000', { value: 3000 });
    });
  });

  describe('multipliers', () => {
    it('multiplies 万 and 億 into the base unit', () => {
      expectReading('1.2万人', { value: 12000, unit: '人' });
      expectReading('1.1万人', { value: 11000, unit: '人' });
      expectReading('約1.5億円', { value: 150000000, unit: '円' });
      expectReading('・公共施設への花苗の無償提供：年間\n2万株以上', { value: 20000, unit: '株', comparator: '>=' });
    });

    it('reads 千円 as yen', () => {
      expectReading('1,000千円', { value: 1000000, unit: '円' });
      expectReading('2,500千円', { value: 2500000, unit: '円' });
      expectReading('３百万円', { value: 3000000, unit: '円' });
    });
  });

  describe('comparators', () => {
    it.each<[string, number, string | null, string]>([
      ['435g以下', 435, 'g', '<='],
      ['50％以上', 50, '%', '>='],
      ['幼児健診受診率96%以上', 96, '%', '>='],
      ['参加延べ人数530人以上', 530, '人', '>='],
      ['西区小・中学校 13校以上で実施', 13, '校', '>='],
      ['90.0 未満', 90, null, '<'],
      ['12.0 未満', 12, null, '<'],
      ['99.0（維持）', 99, null, '>='],
      ['99.0を維持', 99, null, '>='],
      ['50%を超える', 50, '%', '>'],
      ['20件超', 20, '件', '>'],
      ['30分以内', 30, '分', '<='],
      ['業績目標の指数の50％未満の場合、\n事業を再構築', 50, '%', '<'],
      ['参加者が前年度実績の80％を下回った場合、取組を再構築する。', 80, '%', '<'],
      ['≧50%', 50, '%', '>='],
      ['＞ 10', 10, null, '>'],
    ])('reads %s as %d %s %s', (text, value, unit, comparator) => {
      expectReading(text, { value, unit, comparator: comparator as ParsedValue['comparator'] });
    });

    it('reads a bare 現状維持 as "keep at least" with no number', () => {
      expectReading('現状維持', { comparator: '>=' });
    });

    it('takes no comparator from 維持管理 or from words before the number', () => {
      expectReading('施設の適正な維持管理', {});
      expectReading('超高齢社会 3件', { value: 3, unit: '件' });
    });
  });

  describe('cumulative', () => {
    it('flags 累計 wherever it is written', () => {
      expectReading('15（累計）', { value: 15, cumulative: true });
      expectReading('累計登録者数3,520人', { value: 3520, unit: '人', cumulative: true });
      expectReading('津波避難ビル等の指定(累計) 31施設', { value: 31, unit: '施設', cumulative: true });
      expectReading('累計登録者数の増加', { cumulative: true });
      expectReading('累積 120件', { value: 120, unit: '件', cumulative: true });
    });
  });

  describe('years', () => {
    it('reads a parenthesised year after the value', () => {
      expectReading('86.5（2019）', { value: 86.5, year: 2019 });
      expectReading('9,560（2019）', { value: 9560, year: 2019 });
      expectReading('183,595（2019）', { value: 183595, year: 2019 });
      expectReading('0（2019）', { value: 0, year: 2019 });
      expectReading('50.0 (2019年度)', { value: 50, year: 2019 });
      expectReading('22（R1）', { value: 22, year: 2019 });
    });

    it('reads a deadline year before the value', () => {
      expectReading('H29年度までに50％以上', { value: 50, unit: '%', comparator: '>=', year: 2017 });
      expectReading('H29年度まで\nに50％以上', { value: 50, unit: '%', comparator: '>=', year: 2017 });
      expectReading('H29年度まで\nに\n１件以上', { value: 1, unit: '件', comparator: '>=', year: 2017 });
      expectReading('H29年度まで\nに3.5点以上', { value: 3.5, unit: '点', comparator: '>=', year: 2017 });
      expectReading('平成29年度末までに90％以上', { value: 90, unit: '%', comparator: '>=', year: 2017 });
      expectReading('令和4年度 30件', { value: 30, unit: '件', year: 2022 });
      expectReading('R7年度までに100人', { value: 100, unit: '人', year: 2025 });
      expectReading('2025年度 500件', { value: 500, unit: '件', year: 2025 });
    });

    it('never takes a year expression for the value', () => {
      expectReading('令和2年度', { year: 2020 });
      expectReading('R2', { year: 2020 });
      expectReading('2020年度', { year: 2020 });
      expectReading('平成27年度中に地域資源に関する情報が得られる仕組みを立ち上げる。', { year: 2015 });
      expectReading('・Ｈ29-31学生コミュニティフィールドワー\nク', { year: 2017 });
      expectReading('小須戸地区（H29年11月）', { year: 2017 });
      expectReading('防災訓練参加者数　26年度　1,720人\n→ 27年度　1,800人　対前年比で5％\n増加', {
        value: 1720,
        unit: '人',
      });
    });

    it('reads the fiscal year of an as-of date', () => {
      expectReading('・ホームページアクセス件数　208,872\n件（H27.3末現在）', {
        value: 208872,
        unit: '件',
        year: 2014,
      });
      expectReading('平成28年3月末時点　ＨＰアクセス数\n204,568件', { value: 204568, unit: '件', year: 2015 });
    });

    it("does not report a base year (…年度比) as the value's year", () => {
      expectReading('電気使用量を平成25年度比で、\n1.3％減', { value: 1.3, unit: '%' });
    });

    it('skips month names', () => {
      expectReading('・区政会議4回開催（5月、8月、10月、\n1月）', { value: 4, unit: '回' });
    });
  });

  describe('blanks', () => {
    it.each([
      '',
      ' ',
      '\n',
      '－',
      '―',
      '-',
      '—',
      '‐',
      'ー',
      '− ',
      '――',
      '―\n―',
      '/',
      'なし',
      '該当なし',
      'N/A',
      '（中止）',
    ])('reads %j as blank', (text) => {
      expectReading(text, { blank: true });
    });

    it('reads no-value notes as blank and keeps the year they name', () => {
      expectReading('(R3新規事業のため実績なし)', { blank: true, year: 2021 });
      expectReading('（R3で事業終了）', { blank: true, year: 2021 });
      expectReading('(R3で事業終了)', { blank: true, year: 2021 });
      expectReading('新型コロナウイルス感染拡大の影響により、事業中止とした。', { blank: true });
      expectReading('－ （2019）', { blank: true, year: 2019 });
    });

    it('does not read 未実施 as blank: it reports a qualitative result', () => {
      expectReading('未実施', {});
    });

    it('is not blank when a note still gives a number', () => {
      expectReading('R3で事業終了（実績12件）', { value: 12, unit: '件', year: 2021 });
    });
  });

  describe('qualitative text', () => {
    it.each([
      '実施',
      'リニューアル\nの実施',
      'プレーパー\nクの実施',
      '体験事業の\n実施',
      '連携事業の\n実施',
      '花き関連施\n設連携事業',
      'DVDの作成・HPへの動画掲載と広報',
      '提案事業の実施支援',
      '〃',
      '（２）',
      '①(ⅰ)',
    ])('reads %j as no number', (text) => {
      expectReading(text, {});
    });

    it('takes the first count from a qualitative plan with numbers (青パト)', () => {
      expectReading('青パト月4回\n区だよりによ\nる実施団体\nの募集　年2\n回', { value: 4, unit: '回' });
    });
  });

  describe('labels in front of the number', () => {
    it('prefers the number carrying a unit after a label word over a number inside a name', () => {
      expectReading('西区3図書館の児童書の貸出冊数 177,998冊', { value: 177998, unit: '冊' });
      expectReading('西区3図書館のレファレンス・所蔵調査 件数 14,095件', { value: 14095, unit: '件' });
      expectReading('区内4公民館で各種家庭教育学級の実施 ・21事業', { value: 21, unit: '事業' });
      expectReading('・区民アンケート　回収率 35.5％\n（1500人中532人）', { value: 35.5, unit: '%' });
      expectReading('区役所が、区政運営について区民の意見や要望を反映していると思う区民の割合：\n26.7％', {
        value: 26.7,
        unit: '%',
      });
    });

    it('takes the first measured number when a cell holds two measures', () => {
      expectReading(
        '住民主体の生活支援サービス等の実施団体数(累計) 52件 支え合いのしくみづくり啓発講座、地域の茶の間研修会開催数2回',
        { value: 52, unit: '件', cumulative: true },
      );
      expectReading('事業の支援 13件 講座の開催等 4回', { value: 13, unit: '件' });
      expectReading(
        'H30年中区内の刑法犯総数239件\n　　　　〃　　　　犯罪率3.1件\n　　　　　　　　　　（8区内で最低）',
        { value: 239, unit: '件', year: 2018 },
      );
      expectReading('自治協議会を年12回開催 委員研修会を1回開催 広報紙及び区だより特集の広報機会4回', {
        value: 12,
        unit: '回',
      });
    });

    it('prefers the number carrying the hinted unit', () => {
      const text = '保安林ボランティア育成講座開催数 1回 保安林ボランティア活動団体数(コミ協等含む) 14団体';
      expectReading(text, { value: 1, unit: '回' });
      expectReading(text, { value: 14, unit: '団体' }, { unit: '団体' });
      expectReading('1,500人中553人から回答 回収率36.9％', { value: 36.9, unit: '%' }, { unit: '％' });
    });

    it('keeps the unit null when the number has none, whatever the hint', () => {
      expectReading('防犯ボランティアネットワーク団体の登録団体数 40', { value: 40 }, { unit: '団体' });
      expectReading('1660', { value: 1660 }, { unit: '人' });
      expectReading('87', { value: 87 }, { unit: null });
    });
  });

  it('keeps the raw text as given', () => {
    expect(parseValue(' １，６６０ ').raw).toBe(' １，６６０ ');
  });

  it('reads any integer however staff format it', () => {
    const fullWidth = (s: string): string => s.replace(/[0-9,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.boolean(), fc.boolean(), (n, grouped, wide) => {
        let text = grouped ? n.toLocaleString('en-US') : String(n);
        if (wide) text = fullWidth(text);
        return parseValue(text).value === n;
      }),
    );
  });

  it("never throws and always returns the contract's shape", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const p = parseValue(text);
        return (
          Object.keys(p).join() === 'raw,value,unit,comparator,year,cumulative,blank' &&
          (p.value === null || Number.isFinite(p.value))
        );
      }),
    );
  });
});

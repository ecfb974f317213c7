// `mokuhyo parse value|header <text>...`: prints what the Japanese value reader makes of each text.
import { parseHeader, parseValue } from '../../shared/values/index.ts';
import type { Command } from './command.ts';

const USAGE = `使い方: mokuhyo parse value <文字列>...
       mokuhyo parse header <文字列>...

  value   セルの値を読み取ります（例: "１，６６０" "H29年度までに50％以上" "－"）
  header  年度列の見出しを読み取ります（例: "Ｈ29実績" "R2目標" "現状値（年度）"）

結果は入力順に 1 行 1 件の JSON で出力します。
`;

/** Reads each text as a cell value or a column header and prints one JSON object per line, keys in contract order. */
export const parseCommand: Command = async (args) => {
  const [mode, ...rest] = args;
  const beforeTexts = rest[0] === '--' ? [] : rest.slice(0, 1);
  if (mode === '--help' || mode === '-h' || beforeTexts.includes('--help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const texts = rest[0] === '--' ? rest.slice(1) : rest;
  if (mode !== 'value' && mode !== 'header') {
    process.stderr.write(
      mode === undefined
        ? `mokuhyo parse: value か header を指定してください。\n\n${USAGE}`
        : `mokuhyo parse: 不明な種類です: ${mode}（value か header を指定してください）\n\n${USAGE}`,
    );
    return 2;
  }
  // An option-like word before the texts (`--bogus`) is a mistake, not a text: values never start with "--"
  // followed by a letter ("-5", "－" and "--" still read as texts; after "--" everything is a text).
  const unknown = rest[0] === '--' ? undefined : texts.find((text) => /^--?[A-Za-z]/.test(text) && !/^-\d/.test(text));
  if (unknown !== undefined) {
    process.stderr.write(
      `mokuhyo parse ${mode}: 不明なオプションです: ${unknown}（「-」で始まる文字列は mokuhyo parse ${mode} -- ${unknown} のように -- の後に書いてください）\n\n${USAGE}`,
    );
    return 2;
  }
  if (texts.length === 0) {
    process.stderr.write(`mokuhyo parse ${mode}: 読み取る文字列を 1 つ以上指定してください。\n\n${USAGE}`);
    return 2;
  }
  const lines = texts.map((text) => JSON.stringify(mode === 'value' ? valueLine(text) : headerLine(text)));
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
};

function valueLine(text: string): Record<string, unknown> {
  const p = parseValue(text);
  return {
    raw: p.raw,
    value: p.value,
    unit: p.unit,
    comparator: p.comparator,
    year: p.year,
    cumulative: p.cumulative,
    blank: p.blank,
  };
}

function headerLine(text: string): Record<string, unknown> {
  const p = parseHeader(text);
  return { raw: p.raw, year: p.year, kind: p.kind };
}

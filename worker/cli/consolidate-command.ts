import { parseArgs } from 'node:util';
import type { Phase } from '../../shared/rules/index.ts';
import { collectFiles } from '../ingest/collect-files.ts';
import { defaultThreads } from '../ingest/parallel-ingest.ts';
import { consolidateFiles, writeAtomically, type ConsolidateTimings } from '../summary/consolidate-files.ts';
import { measuresCsv, measuresJson } from '../summary/export-open-data.ts';
import type { Command } from './main.ts';
import { describeOptionError } from './option-error.ts';

const USAGE = '使い方: mokuhyo consolidate <file.xlsx|フォルダ>... -o <summary.xlsx> [--ward 区名] [--fiscal-year 2020] [--csv out.csv] [--json out.json] [--phase planning|evaluation] [--threads N] [--timings]\n';

/** `mokuhyo consolidate`: embedded mode, no Redis — every workbook in, one summary workbook out. */
export const consolidateCommand: Command = async (args) => {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        ward: { type: 'string' },
        'fiscal-year': { type: 'string' },
        csv: { type: 'string' },
        json: { type: 'string' },
        phase: { type: 'string' },
        threads: { type: 'string' },
        timings: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`mokuhyo consolidate: ${describeOptionError(err) ?? (err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length === 0 || !values.output) {
    process.stderr.write(USAGE);
    return 2;
  }
  const fiscalYear = values['fiscal-year'] ? Number(values['fiscal-year']) : null;
  if (fiscalYear !== null && !Number.isInteger(fiscalYear)) {
    process.stderr.write(`mokuhyo consolidate: --fiscal-year には西暦の年度を書いてください（例: 2020）\n`);
    return 2;
  }
  if (values.phase && values.phase !== 'planning' && values.phase !== 'evaluation') {
    process.stderr.write(`mokuhyo consolidate: --phase は planning か evaluation です\n`);
    return 2;
  }
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
    process.stderr.write(`mokuhyo consolidate: --threads には 1 以上の整数を書いてください\n`);
    return 2;
  }
  const files = await collectFiles(positionals);
  if (files.length === 0) {
    process.stderr.write('mokuhyo consolidate: Excel ブック（.xlsx）が見つかりません\n');
    return 1;
  }
  const ward = await expectedWard(values.ward ?? null, fiscalYear);
  const bar = progressBar();
  const { model, timings } = await consolidateFiles(files, {
    output: values.output,
    ward: ward.name,
    fiscalYear: fiscalYear ?? ward.fiscalYear,
    expectedDivisions: ward.divisions,
    ...(values.phase ? { phase: values.phase as Phase } : {}),
    now: new Date(),
    onProgress: bar,
    threads: threads ?? defaultThreads(files.length),
  });
  // Measured before the exports, which --timings leaves out: the phases of the summary itself.
  const finished = performance.now();
  if (values.csv) await writeAtomically(values.csv, measuresCsv(model));
  if (values.json) await writeAtomically(values.json, measuresJson(model));
  if (values.timings) process.stderr.write(`${timingLine(finished, files.length, timings)}\n`);
  const rows = model.tables.reduce((n, t) => n + t.rows.length, 0);
  const refused = model.statuses.filter((s) => s.state === 'rejected' || s.state === 'unreadable');
  process.stdout.write(
    `集計を書き出しました: ${values.output}\n` +
      `  ${model.ward ?? '区名未設定'} ${model.fiscalYear ?? (model.fiscalYears.join('・') || '不明')}年度\u3000課 ${model.divisions.length}\u3000指標 ${rows}\u3000ファイル ${files.length}（差戻し ${model.counts.rejected}、読込不可 ${model.counts.unreadable}）\n` +
      refused.map((s) => `  ✗ ${s.file}: ${s.reason ?? ''}\n`).join(''),
  );
  return 0;
};

/**
 * Where the time went, for a coordinator asking why a run is slow: start-up (process start to the first file,
 * incl. listing the folders), then the three phases of consolidateFiles, in seconds.
 */
export function timingLine(finishedMs: number, files: number, t: ConsolidateTimings): string {
  const sec = (ms: number): string => (ms / 1000).toFixed(2);
  const startMs = finishedMs - t.ingestMs - t.buildMs - t.writeMs;
  return `処理時間: 起動 ${sec(startMs)} 秒、読み込み・検証 ${sec(t.ingestMs)} 秒（${files} ファイル）、集計 ${sec(t.buildMs)} 秒、書き出し ${sec(t.writeMs)} 秒、合計 ${sec(finishedMs)} 秒`;
}

/** The ward's name and expected divisions from MOKUHYO_CONFIG when one is set and names that ward. */
async function expectedWard(name: string | null, fiscalYear: number | null): Promise<{ name: string | null; fiscalYear: number | null; divisions: string[] }> {
  if (!process.env['MOKUHYO_CONFIG']) return { name, fiscalYear: null, divisions: [] };
  // Loaded only with a config file: the schema library is not on the start-up path of a plain run.
  const { loadConfig } = await import('../config/index.ts');
  const config = loadConfig();
  const ward = config.wards.find((w) => (name ? w.name === name || w.id === name : config.wards.length === 1) && (fiscalYear === null || w.fiscalYear === fiscalYear));
  return ward ? { name: ward.name, fiscalYear: ward.fiscalYear, divisions: ward.divisions } : { name, fiscalYear: null, divisions: [] };
}

function progressBar(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

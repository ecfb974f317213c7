import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, serviceConfigProblem, type Config } from '../config/index.ts';
import { runWorkers, type RunningWorkers } from '../queue/run-workers.ts';
import { log, onShutdown, openRuntime, privateDataDir } from '../queue/runtime.ts';
import type { Command } from './command.ts';

/** `mokuhyo worker`: queue workers only (ingest + consolidation); run as many as you like. */
export const workerCommand: Command = async (args) => {
  parseArgs({ args, options: {} });
  const config = serviceConfig('worker');
  if (!config) return 2;
  await privateDataDir(config.dataDir, log);
  const runtime = openRuntime(config, log);
  let workers: RunningWorkers | null = null;
  onShutdown(async () => {
    await workers?.close();
    await runtime.close();
  }, log);
  workers = await runWorkers({ config, ...runtime, log });
  log(`mokuhyo worker: 起動しました（Redis ${redactUrl(config.redisUrl)}、データ ${config.dataDir}）`);
  return new Promise<number>(() => undefined);
};

/**
 * The config `serve` and `worker` run with, or null after saying why not (fail closed): MOKUHYO_CONFIG must
 * name a file, and the file at least one ward and one token.
 */
export function serviceConfig(command: 'serve' | 'worker'): Config | null {
  const refuse = (why: string) => {
    process.stderr.write(`mokuhyo ${command}: ${why}\n`);
    return null;
  };
  if (!process.env['MOKUHYO_CONFIG'])
    return refuse(
      '設定ファイルが指定されていません。環境変数 MOKUHYO_CONFIG に設定ファイル（JSON）のパスを指定してください（書き方は docs/worker.md を参照）。',
    );
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) return refuse(err.message);
    throw err;
  }
  const problem = serviceConfigProblem(config);
  return problem ? refuse(`設定ファイル ${process.env['MOKUHYO_CONFIG']} で起動できません: ${problem}`) : config;
}

/** A Redis URL without its password, for logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}

import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/index.ts';
import { runWorkers } from '../queue/run-workers.ts';
import { log, onShutdown, openRuntime } from '../queue/runtime.ts';
import type { Command } from './main.ts';

/** `mokuhyo worker`: queue workers only (ingest + consolidation); run as many as you like. */
export const workerCommand: Command = async (args) => {
  parseArgs({ args, options: {} });
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`mokuhyo worker: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const runtime = openRuntime(config);
  const workers = await runWorkers({ config, ...runtime, log });
  log(`mokuhyo worker: 起動しました（Redis ${redactUrl(config.redisUrl)}、データ ${config.dataDir}）`);
  onShutdown(async () => {
    await workers.close();
    await runtime.close();
  }, log);
  return new Promise<number>(() => undefined);
};

/** A Redis URL without its password, for logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}

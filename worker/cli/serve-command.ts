import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/index.ts';
import { buildServer } from '../intake/build-server.ts';
import { reconcile } from '../queue/reconcile.ts';
import { runWorkers, type RunningWorkers } from '../queue/run-workers.ts';
import { log, onShutdown, openRuntime } from '../queue/runtime.ts';
import type { Command } from './main.ts';
import { redactUrl } from './worker-command.ts';

/** `mokuhyo serve [--no-worker]`: the intake HTTP API, plus the queue workers unless --no-worker. */
export const serveCommand: Command = async (args) => {
  const { values } = parseArgs({ args, options: { 'no-worker': { type: 'boolean', default: false } } });
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`mokuhyo serve: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const runtime = openRuntime(config);
  const app = await buildServer({ config, ...runtime, logger: process.env['MOKUHYO_LOG'] !== 'off' });
  let workers: RunningWorkers | null = null;
  if (values['no-worker']) {
    await reconcile(runtime.store, runtime.summaries, runtime.queues).catch((err: Error) => log(`reconcile failed: ${err.message}`));
  } else {
    workers = await runWorkers({ config, ...runtime, log });
  }
  const address = await app.listen({ port: config.port, host: config.host });
  log(`mokuhyo serve: ${address} で受付中（Redis ${redactUrl(config.redisUrl)}、データ ${config.dataDir}${workers ? '' : '、ワーカーなし'}）`);
  onShutdown(async () => {
    await app.close();
    await workers?.close();
    await runtime.close();
  }, log);
  return new Promise<number>(() => undefined);
};

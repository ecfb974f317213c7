import { parseArgs } from 'node:util';
import { consoleAssets } from '../console-server/console-build.ts';
import { buildServer } from '../intake/build-server.ts';
import { reconcile } from '../queue/reconcile.ts';
import { sweepStaleTemps } from '../storage/durable-write.ts';
import { runWorkers, type RunningWorkers } from '../queue/run-workers.ts';
import { log, onShutdown, openRuntime, privateDataDir } from '../queue/runtime.ts';
import type { Command } from './command.ts';
import { startWarnings } from './start-warnings.ts';
import { redactUrl, serviceConfig } from './worker-command.ts';

/** `mokuhyo serve [--no-worker]`: the intake HTTP API, plus the queue workers unless --no-worker. */
export const serveCommand: Command = async (args) => {
  const { values } = parseArgs({ args, options: { 'no-worker': { type: 'boolean', default: false } } });
  const config = serviceConfig('serve');
  if (!config) return 2;
  for (const warning of startWarnings(config, process.env['MOKUHYO_CONFIG'])) log(warning);
  await privateDataDir(config.dataDir, log);
  // Temporary files a killed serve or worker left behind (never a stored submission: those are renamed whole).
  void sweepStaleTemps(config.dataDir).then(
    (n) => n > 0 && log(`mokuhyo serve: 書きかけの一時ファイル ${n} 件を削除しました`),
    () => undefined,
  );
  const runtime = openRuntime(config, log);
  let app: Awaited<ReturnType<typeof buildServer>> | null = null;
  let workers: RunningWorkers | null = null;
  // Registered first: a SIGTERM during start-up (Redis away, say) still ends the process in time.
  onShutdown(async () => {
    await app?.close();
    await workers?.close();
    await runtime.close();
  }, log);
  app = await buildServer({ config, ...runtime, logger: process.env['MOKUHYO_LOG'] !== 'off' });
  const address = await app.listen({ port: config.port, host: config.host });
  // The console's files are found (or built, when its sources changed since the install) now, not on the first visit.
  void consoleAssets()
    .prepare()
    .catch((err: Error) => log(`web console build failed: ${err.message}`));
  if (values['no-worker']) {
    void reconcile(runtime.store, runtime.summaries, runtime.queues).catch((err: Error) =>
      log(`reconcile failed: ${err.message}`),
    );
  } else {
    workers = await runWorkers({ config, ...runtime, log });
  }
  log(
    `mokuhyo serve: ${address} で受付中（Redis ${redactUrl(config.redisUrl)}、データ ${config.dataDir}${workers ? '' : '、ワーカーなし'}）`,
  );
  return new Promise<number>(() => undefined);
};

// Test-only preload (NODE_OPTIONS="--import <this file>") for the slow- and hanging-file faults: in an ingest
// sandbox child, a workbook whose SHA-256 is MOKUHYO_TEST_HANG_SHA256 sends the parser into an endless
// CPU loop, as a pathological file would. It lives in tests/ and no config key can load it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// With MOKUHYO_TEST_SLOW_MS instead, every workbook waits that long before it is read, so a test can
// catch a job while it is processing (an ingest otherwise takes a few milliseconds).
const target = process.env['MOKUHYO_TEST_HANG_SHA256'];
// With MOKUHYO_TEST_BOOT_MS, a sandbox child takes that long to start (a busy machine), before it listens.
const bootMs = Number(process.env['MOKUHYO_TEST_BOOT_MS'] ?? 0);
if (bootMs > 0 && /ingest-child\.m?[jt]s$/.test(process.argv[1] ?? '')) {
  const until = Date.now() + bootMs;
  while (Date.now() < until) {
    // Busy start-up.
  }
}
const slowMs = Number(process.env['MOKUHYO_TEST_SLOW_MS'] ?? 0);
// The child runs from its source (ingest-child.ts, through tsx) or its cached bundle (ingest-child.mjs).
if ((target || slowMs > 0) && /ingest-child\.m?[jt]s$/.test(process.argv[1] ?? '')) {
  // Wrap the child's own message listener rather than adding one: an early listener would start
  // reading the IPC channel before the child is ready and the first workbook would be lost.
  const on = process.on.bind(process);
  process.on = (event, listener) => {
    if (event !== 'message') return on(event, listener);
    return on(event, (msg, ...rest) => {
      if (slowMs > 0) {
        setTimeout(() => listener(msg, ...rest), slowMs);
        return undefined;
      }
      // The workbook comes as bytes or as the path of the stored file.
      const bytes = msg?.bytes ?? (typeof msg?.file === 'string' ? readFileSync(msg.file) : null);
      if (bytes && createHash('sha256').update(bytes).digest('hex') === target) {
        for (;;) {
          // Spin: the sandbox's timeout must kill this process.
        }
      }
      return listener(msg, ...rest);
    });
  };
}

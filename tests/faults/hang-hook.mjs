// Test-only preload (NODE_OPTIONS="--import <this file>") for the hanging-file fault: in an ingest
// sandbox child, a workbook whose SHA-256 is MOKUHYO_TEST_HANG_SHA256 sends the parser into an endless
// CPU loop, as a pathological file would. It lives in tests/ and no config key can load it.
import { createHash } from 'node:crypto';

const target = process.env['MOKUHYO_TEST_HANG_SHA256'];
if (target && process.argv[1]?.endsWith('ingest-child.ts')) {
  // Wrap the child's own message listener rather than adding one: an early listener would start
  // reading the IPC channel before the child is ready and the first workbook would be lost.
  const on = process.on.bind(process);
  process.on = (event, listener) => {
    if (event !== 'message') return on(event, listener);
    return on(event, (msg, ...rest) => {
      if (msg?.bytes && createHash('sha256').update(msg.bytes).digest('hex') === target) {
        for (;;) {
          // Spin: the sandbox's timeout must kill this process.
        }
      }
      return listener(msg, ...rest);
    });
  };
}

import { z } from 'zod';

const MiB = 1024 * 1024;

const wardSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, '英小文字・数字・ハイフンで書いてください（例: akiha）'),
  name: z.string().min(1, '区名を書いてください'),
  fiscalYear: z.number().int().min(1989).max(2200),
  divisions: z.array(z.string().min(1)).default([]),
});

const tokenSchema = z.discriminatedUnion('role', [
  z.object({ token: z.string().min(16, 'トークンは16文字以上にしてください'), ward: z.string(), division: z.string().min(1), role: z.literal('submitter') }),
  z.object({ token: z.string().min(16, 'トークンは16文字以上にしてください'), ward: z.string(), role: z.literal('coordinator') }),
]);

/** The worker's configuration (CONTRACTS.md): one schema, defaults for everything but wards and tokens. */
export const configSchema = z
  .object({
    dataDir: z.string().min(1).default('./data'),
    redisUrl: z.string().min(1).default('redis://127.0.0.1:6379'),
    port: z.number().int().min(0).max(65535).default(8080),
    host: z.string().default('0.0.0.0'),
    /** Largest accepted upload. */
    maxUploadBytes: z.number().int().positive().default(20 * MiB),
    /** Quiet period before a ward's summary is rebuilt after an accepted submission. */
    consolidationDelayMs: z.number().int().min(0).default(5000),
    /** Time and memory a sandboxed ingest may use before it is killed. */
    ingestTimeoutMs: z.number().int().positive().default(120_000),
    ingestMemoryMb: z.number().int().positive().default(512),
    /** A job whose worker stops renewing its lock for this long is taken over (stalled-job recovery). */
    lockDurationMs: z.number().int().positive().default(30_000),
    stalledIntervalMs: z.number().int().positive().default(30_000),
    /** How often stored submissions without a job are re-enqueued. */
    reconcileIntervalMs: z.number().int().positive().default(60_000),
    /** Ingest jobs each worker process runs at once. */
    concurrency: z.number().int().positive().default(2),
    /** Origins allowed to call the API from a browser: where the add-in's task pane is served (CORS). */
    allowedOrigins: z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'https://host[:port] の形で書いてください（末尾の / なし）')).default(['https://localhost:3000']),
    wards: z.array(wardSchema).default([]),
    tokens: z.array(tokenSchema).default([]),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.tokens.forEach((t, i) => {
      const ward = config.wards.find((w) => w.id === t.ward);
      if (!ward) ctx.addIssue({ code: 'custom', path: ['tokens', i, 'ward'], message: `区「${t.ward}」は wards にありません` });
      else if (t.role === 'submitter' && ward.divisions.length > 0 && !ward.divisions.includes(t.division)) {
        ctx.addIssue({ code: 'custom', path: ['tokens', i, 'division'], message: `課「${t.division}」は区「${ward.id}」の divisions にありません` });
      }
      if (seen.has(t.token)) ctx.addIssue({ code: 'custom', path: ['tokens', i, 'token'], message: '同じトークンが二度書かれています' });
      seen.add(t.token);
    });
    const ids = new Set<string>();
    config.wards.forEach((w, i) => {
      if (ids.has(w.id)) ctx.addIssue({ code: 'custom', path: ['wards', i, 'id'], message: `区 ID「${w.id}」が重複しています` });
      ids.add(w.id);
    });
  });

export type Config = z.infer<typeof configSchema>;
export type WardConfig = Config['wards'][number];
export type TokenConfig = Config['tokens'][number];

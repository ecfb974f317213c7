import { z } from 'zod';

const MiB = 1024 * 1024;

const email = z.string().regex(/^[^\s@<>]+@[^\s@<>]+$/, 'メールアドレスを name@example.lg.jp の形で書いてください');

/** A division: its name, or `{"name", "email": [...]}` when 督促メール should reach it. */
const divisionSchema = z.union([
  z.string().min(1),
  z.object({ name: z.string().min(1), email: z.union([email, z.array(email)]).default([]) }),
]);

const wardObject = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, '英小文字・数字・ハイフンで書いてください（例: akiha）'),
  name: z.string().min(1, '区名を書いてください'),
  fiscalYear: z.number().int().min(1989).max(2200),
  divisions: z.array(divisionSchema).default([]),
  /** A division whose submitter token may also submit the ward's own sheet (区の組織目標); else only coordinators. */
  wardSheetDivision: z.string().min(1).optional(),
  /** 提出期限 of the year's collection (YYYY-MM-DD, Japan time). */
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '2021-04-30 のように年-月-日で書いてください')
    .refine(
      (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
      '実在する日付を書いてください',
    )
    .optional(),
});

/** A ward with its divisions as names (what every reader uses) and their mail addresses apart. */
const wardSchema = wardObject.transform(({ divisions, ...ward }) => {
  const names = divisions.map((d) => (typeof d === 'string' ? d : d.name));
  const addresses = Object.fromEntries(
    divisions.flatMap((d) =>
      typeof d === 'string' ? [] : [[d.name, typeof d.email === 'string' ? [d.email] : d.email] as const],
    ),
  );
  return {
    ...ward,
    divisions: names,
    ...(Object.keys(addresses).length > 0 ? { divisionEmails: addresses as Record<string, string[]> } : {}),
  };
});

/** Mail for 督促メール: the ward's SMTP server and the sender. */
const mailSchema = z.object({
  /** smtp://host:port (smtps:// for TLS); user and password may be in the URL. */
  smtp: z.string().regex(/^smtps?:\/\/\S+$/, 'smtp://ホスト:ポート の形で書いてください'),
  from: z.string().min(3),
  /** A copy of every reminder (the coordinator's own address), optional. */
  cc: z.array(email).default([]),
});

const SHA256 = /^[0-9a-f]{64}$/;
const secret = {
  token: z.string().min(16, 'トークンは16文字以上にしてください').optional(),
  /** The token's SHA-256 (hex) instead of the token itself: `mokuhyo token` prints such a line. */
  tokenSha256: z.string().regex(SHA256, 'SHA-256 の16進64文字で書いてください').optional(),
  /** The person the token belongs to (shown in the audit of who did what, never a secret). */
  name: z.string().min(1).max(100).optional(),
};

const tokenSchema = z
  .discriminatedUnion('role', [
    z.object({ ...secret, ward: z.string(), division: z.string().min(1), role: z.literal('submitter') }),
    z.object({ ...secret, ward: z.string(), role: z.literal('coordinator') }),
    /** Operates the service: the queue dashboard; no ward, no submissions. */
    z.object({ ...secret, role: z.literal('admin') }),
  ])
  .refine((t) => (t.token === undefined) !== (t.tokenSha256 === undefined), {
    message: 'token か tokenSha256 のどちらか一方を書いてください',
    path: ['token'],
  });

/** Per-token request rates (token buckets: `burst` at once, refilled at `perMinute`). */
const rateSchema = z
  .object({
    submissionsPerMinute: z.number().positive().default(30),
    submissionsBurst: z.number().int().positive().optional(),
    /** Every other authenticated API request (status polls, downloads). */
    requestsPerMinute: z.number().positive().default(600),
  })
  .default({ submissionsPerMinute: 30, requestsPerMinute: 600 });

/** Connection hygiene of the HTTP intake (see SECURITY.md). */
const httpSchema = z
  .object({
    /** Time to receive a request's headers. */
    headersTimeoutMs: z.number().int().positive().default(10_000),
    /** Time to receive a whole request, body included (answered 408). */
    requestTimeoutMs: z.number().int().positive().default(30_000),
    /** A connection silent this long is closed. */
    idleTimeoutMs: z.number().int().positive().default(15_000),
    keepAliveTimeoutMs: z.number().int().positive().default(5_000),
    /** An answer being sent that makes no progress this long (the client stopped reading) is cut off. */
    writeTimeoutMs: z.number().int().positive().default(20_000),
    /** Open connections at once, all clients / one client address. Past a cap the oldest idle connection goes. */
    maxConnections: z.number().int().positive().default(2_000),
    maxConnectionsPerAddress: z.number().int().positive().default(1_000),
    /** Uploads scanned at once (worker threads), and waiting for a scan before 503. */
    /** Default: one core fewer than the machine has, at most 2 (the event loop keeps a core to itself). */
    scanThreads: z.number().int().positive().max(16).optional(),
    scanQueue: z.number().int().min(0).default(64),
  })
  .default({
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 30_000,
    idleTimeoutMs: 15_000,
    keepAliveTimeoutMs: 5_000,
    writeTimeoutMs: 20_000,
    maxConnections: 2_000,
    maxConnectionsPerAddress: 1_000,
    scanQueue: 64,
  });

/** The worker's configuration (docs/worker.md): one schema, defaults for everything but wards and tokens. */
export const configSchema = z
  .object({
    dataDir: z.string().min(1).default('./data'),
    redisUrl: z.string().min(1).default('redis://127.0.0.1:6379'),
    port: z.number().int().min(0).max(65535).default(8080),
    /** Loopback unless told otherwise (put a TLS proxy in front). */
    host: z.string().min(1).default('127.0.0.1'),
    /** Largest accepted upload. */
    maxUploadBytes: z
      .number()
      .int()
      .positive()
      .default(20 * MiB),
    /**
     * Rebuild a ward's summary by itself after accepted submissions (one build per quiet period). Off by
     * default: summaries are built when the coordinator asks (集計を作成), each listed with what it covers.
     */
    autoSummaries: z.boolean().default(false),
    /** Quiet period before a ward's summary is rebuilt after an accepted submission (with autoSummaries). */
    consolidationDelayMs: z.number().int().min(0).default(5000),
    /** Time and memory a sandboxed ingest may use before it is killed. */
    ingestTimeoutMs: z.number().int().positive().default(120_000),
    ingestMemoryMb: z.number().int().positive().default(512),
    /** A job whose worker stops renewing its lock for this long is taken over (stalled-job recovery). */
    // 10 s + a 5 s check: a SIGKILLed worker's jobs run again within about 15 s (BullMQ's defaults: ≈ 61 s).
    lockDurationMs: z.number().int().positive().default(10_000),
    stalledIntervalMs: z.number().int().positive().default(5_000),
    /** How often stored submissions without a job are re-enqueued. */
    reconcileIntervalMs: z.number().int().positive().default(60_000),
    /** Ingest jobs each worker process runs at once. */
    concurrency: z.number().int().positive().default(2),
    /** Origins allowed to call the API from a browser: where the add-in's task pane is served (CORS). */
    allowedOrigins: z
      .array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'https://host[:port] の形で書いてください（末尾の / なし）'))
      .default(['https://localhost:3000']),
    /** Where staff open the web console ("https://mokuhyo.example.lg.jp"); the summary links each row to its submission there. */
    publicUrl: z
      .string()
      .regex(/^https?:\/\/\S+$/, 'https://host[:port][/path] の形で書いてください')
      .optional(),
    rateLimits: rateSchema,
    http: httpSchema,
    wards: z.array(wardSchema).default([]),
    /** Enables 督促メール (docs/console.md). */
    mail: mailSchema.optional(),
    tokens: z.array(tokenSchema).default([]),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.tokens.forEach((t, i) => {
      const secretOf = t.tokenSha256 ?? t.token ?? '';
      if (seen.has(secretOf))
        ctx.addIssue({ code: 'custom', path: ['tokens', i, 'token'], message: '同じトークンが二度書かれています' });
      seen.add(secretOf);
      if (t.role === 'admin') return;
      const ward = config.wards.find((w) => w.id === t.ward);
      if (!ward)
        ctx.addIssue({
          code: 'custom',
          path: ['tokens', i, 'ward'],
          message: `区 ID${shown(t.ward)}は wards にありません（wards の id のどれかを書いてください）`,
        });
      else if (t.role === 'submitter' && ward.divisions.length > 0 && !ward.divisions.includes(t.division)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tokens', i, 'division'],
          message: `課名${shown(t.division)}は区「${ward.id}」の divisions にありません（divisions の課名をそのまま書いてください）`,
        });
      }
    });
    const ids = new Set<string>();
    config.wards.forEach((w, i) => {
      if (ids.has(w.id))
        ctx.addIssue({ code: 'custom', path: ['wards', i, 'id'], message: `区 ID「${w.id}」が重複しています` });
      ids.add(w.id);
      if (w.wardSheetDivision !== undefined && w.divisions.length > 0 && !w.divisions.includes(w.wardSheetDivision)) {
        ctx.addIssue({
          code: 'custom',
          path: ['wards', i, 'wardSheetDivision'],
          message: `課「${w.wardSheetDivision}」は区「${w.id}」の divisions にありません`,
        });
      }
    });
  });

/**
 * A token entry's value as an error may quote it: only when it cannot be a token pasted into the wrong
 * field — it holds Japanese (a division's name; tokens are ASCII) or is shorter than any accepted token.
 */
function shown(value: string | undefined): string {
  if (value === undefined) return '';
  const safe = /[\u3000-\u9fff\uff00-\uffef]/.test(value) || [...value].length < MIN_TOKEN_LENGTH;
  return safe ? `「${value}」` : '';
}

export type Config = z.infer<typeof configSchema>;
export type WardConfig = Config['wards'][number];
export type TokenConfig = Config['tokens'][number];

/**
 * What `serve` and `worker` need beyond the shape (fail closed): at least one ward and one token. `mokuhyo
 * consolidate` reads the same file for wards and divisions only, so this is not part of the schema.
 * Returns a Japanese reason, or null when the config can run a service.
 */
export function serviceConfigProblem(config: Config): string | null {
  if (config.wards.length === 0) return '区（wards）が一つも設定されていません。少なくとも一つの区を設定してください。';
  if (config.tokens.length === 0)
    return 'トークン（tokens）が一つも設定されていません。`mokuhyo token` で発行して設定してください。';
  const weak = config.tokens.findIndex((t) => t.token !== undefined && weakToken(t.token));
  if (weak >= 0)
    return `tokens[${weak}].token は推測されやすいトークンです（${MIN_TOKEN_LENGTH} 文字以上で、${MIN_DISTINCT_CHARACTERS} 種類以上の文字を含めてください）。\`mokuhyo token\` で発行し直してください。`;
  return null;
}

/** A token clear in the config must be at least this long… */
export const MIN_TOKEN_LENGTH = 16;
/** …and hold at least this many different characters (16 identical characters are not a secret). */
export const MIN_DISTINCT_CHARACTERS = 8;

/** True for a token too short or too uniform to be a secret; `mokuhyo token` prints 43 random characters. */
export function weakToken(token: string): boolean {
  return token.length < MIN_TOKEN_LENGTH || new Set(token).size < MIN_DISTINCT_CHARACTERS;
}

import type { SentBack, SubmissionVerdict } from '../../shared/ledger/types.ts';
import type { FileError, SheetRecord } from '../../shared/model/record.ts';

/** Where a submission is in its life; accepted and rejected are final. */
export type SubmissionState = 'queued' | 'processing' | 'accepted' | 'rejected';

/** What is kept about one submission besides its bytes. Nothing here comes from a client-chosen path. */
export interface SubmissionMeta {
  id: string;
  ward: string;
  fiscalYear: number;
  division: string;
  sha256: string;
  size: number;
  receivedAt: string;
  status: SubmissionState;
  error: FileError | null;
  finishedAt: string | null;
  /** The file name as uploaded (sanitised, display only: never part of a path); absent when none was sent. */
  fileName?: string;
  /** Who sent it: a division's submitter or the ward's coordinator (records before roles were kept have none). */
  role?: 'submitter' | 'coordinator';
  /** The ledger's decision per row, copied from the result when final (so the ledger reads metadata only). */
  verdicts?: SubmissionVerdict[];
  /** 提出メモ: the division's note sent with the file (shown to the coordinator). */
  memo?: string;
  /** The coordinator's 差戻す with its 理由; the ledger then calls it 差戻し whatever the checks said. */
  sentBack?: SentBack | null;
}

/** The outcome of ingesting a submission: records and findings of every sheet. */
export interface SubmissionResult {
  status: 'accepted' | 'rejected';
  error: FileError | null;
  sheets: SheetRecord[];
  /** When the submission was finalised; the metadata's finishedAt is copied from here. */
  finishedAt?: string;
  /** The ledger's decision per row it fills (decided once, at ingest); absent in records written before it. */
  verdicts?: SubmissionVerdict[];
}

export type NewSubmission = Pick<
  SubmissionMeta,
  'ward' | 'fiscalYear' | 'division' | 'receivedAt' | 'fileName' | 'role' | 'memo'
>;

/** Durable submissions: the bytes content-addressed, metadata and results as JSON. */
export interface SubmissionStore {
  /** Stores the bytes (fsynced) and the metadata with status "queued"; resolves only once both are durable. */
  put(bytes: Buffer, submission: NewSubmission): Promise<SubmissionMeta>;
  get(id: string): Promise<SubmissionMeta | null>;
  bytes(meta: SubmissionMeta): Promise<Buffer>;
  /** Where the bytes are on this machine's disk, for stores that keep them as files (a sandbox then reads them itself). */
  file?(meta: SubmissionMeta): string;
  /** Sets the status (and error); returns the updated metadata. A final status is never set back to a non-final one. */
  update(
    id: string,
    patch: Partial<Pick<SubmissionMeta, 'status' | 'error' | 'finishedAt' | 'verdicts' | 'sentBack'>>,
  ): Promise<SubmissionMeta>;
  /** Stores the outcome once: the first result stored wins and later calls leave it (exactly-once finalisation). Resolves true when this call's result was stored. */
  putResult(id: string, result: SubmissionResult): Promise<boolean>;
  getResult(id: string): Promise<SubmissionResult | null>;
  list(filter?: { ward?: string; fiscalYear?: number }): Promise<SubmissionMeta[]>;
}

/** Where built summaries go; the latest per ward and fiscal year is what coordinators download. */
export interface SummaryStore {
  /** `asOf`: when the submissions it was built from were listed (defaults to now). */
  put(ward: string, fiscalYear: number, bytes: Buffer, asOf?: Date, about?: SummaryAbout): Promise<void>;
  get(ward: string, fiscalYear: number): Promise<Buffer | null>;
  /** The stored summary's `asOf`, or null when there is none: reconciliation rebuilds a stale one. */
  asOf(ward: string, fiscalYear: number): Promise<Date | null>;
  /** Every summary built for the ward and year, newest first (each `put` keeps a copy). */
  history?(ward: string, fiscalYear: number): Promise<SummaryVersion[]>;
  /** The bytes of one earlier summary, by its `history` id. */
  getVersion?(ward: string, fiscalYear: number, id: string): Promise<Buffer | null>;
}

/** What a built summary covers and who asked for it, kept beside its copy in the history. */
export interface SummaryAbout {
  /** 集計担当 (or the person's name), or 自動 for a rebuild after submissions. */
  by: string;
  /** The ledger's counts when it was built: expected divisions, submitted, 受理, 差戻し, 読込不可, 未提出. */
  counts: {
    expected: number;
    submitted: number;
    accepted: number;
    rejected: number;
    unreadable: number;
    missing: number;
  };
}

/** One built summary kept in the history. */
export interface SummaryVersion {
  id: string;
  builtAt: string;
  size: number;
  /** Absent for builds made before this was recorded. */
  about?: SummaryAbout;
}

/** A storage operation failed (disk full, permissions): the intake answers 503. */
export class StorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StorageError';
  }
}

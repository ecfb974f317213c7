/** One family's seed builder: writes that family's sample workbooks under the seeds folder. */
export interface SeedBuilder {
  /** Form family id (docs/api.md), also the sub-folder of seeds/ it writes to. */
  family: string;
  /** Writes the workbooks into `outDir` (created if missing) and returns the written paths. */
  build(outDir: string): Promise<string[]>;
}

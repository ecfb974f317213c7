// `npm run seeds`: regenerates every sample workbook under seeds/<family>/ from the transcriptions.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionPlanBuilder } from './build/action-plan.ts';
import { orgGoalsBuilder } from './build/org-goals.ts';
import { policyReviewBuilder } from './build/policy-review.ts';
import { planMeasuresBuilder } from './build/plan-measures.ts';
import { policyStatementBuilder } from './build/policy-statement.ts';
import type { SeedBuilder } from './build/seed-builder.ts';

/** Every family's builder; add a sibling module under seed-src/build/ and list it here. */
export const builders: readonly SeedBuilder[] = [
  orgGoalsBuilder,
  actionPlanBuilder,
  policyReviewBuilder,
  planMeasuresBuilder,
  policyStatementBuilder,
];

/** The sample workbooks live in the top-level seeds/, which holds nothing else (the main job reads all of it). */
const seedsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'seeds');

async function main(): Promise<void> {
  for (const builder of builders) {
    const written = await builder.build(join(seedsDir, builder.family));
    for (const path of written) console.log(`${builder.family}: ${relative(process.cwd(), path)}`);
  }
}

await main();

// Expected extraction of the action-plan seed, derived from its JSON transcription, and a comparable digest.
import { fileURLToPath } from 'node:url';
import type { ActionPlanSeed } from '../../../../seed-src/build/action-plan-data.ts';
import type { Measure } from '../../../../shared/model/record.ts';
import { toHalfWidth } from '../../../../shared/values/index.ts';

export const SEED_FILE = fileURLToPath(new URL('../../../../seeds/action-plan/nishi-2021-2022.xlsx', import.meta.url));

export interface ExpectedRow {
  sheet: string;
  group: string;
  name: string;
  summary: string;
  detail: string;
  actual: string;
  targets: string[];
  division: string;
  pillar: string;
  policy: string;
  measure: string;
}

/** One row per 事業内容 row of the transcription; null cells continue the row above, as merged cells read. */
export function expectedRows(seed: ActionPlanSeed): ExpectedRow[] {
  const rows: ExpectedRow[] = [];
  for (const pillar of seed.pillars) {
    for (const policy of pillar.policies) {
      for (const measure of policy.measures) {
        for (const block of measure.blocks) {
          for (const project of block.projects) {
            let prev: ExpectedRow | undefined;
            for (const r of project.rows) {
              const row: ExpectedRow = {
                sheet: pillar.sheetName,
                group: project.no,
                name: project.name,
                summary: r.summary ?? prev?.summary ?? '',
                detail: r.content ?? prev?.detail ?? '',
                actual: r.actual ?? prev?.actual ?? '',
                targets: r.targets.map((t, i) => t ?? prev?.targets[i] ?? ''),
                division: r.division ?? prev?.division ?? '',
                pillar: `${pillar.no} ${pillar.title}`,
                policy: `◆${policy.title}`,
                measure: `${measure.no}${measure.title}`,
              };
              rows.push(row);
              prev = row;
            }
          }
        }
      }
    }
  }
  return rows;
}

/** A measure as ExpectedRow (headings and texts as read). */
export function rowOf(sheet: string, m: Measure): ExpectedRow {
  const f = m.fields ?? {};
  return {
    sheet,
    group: m.group ?? '',
    name: m.name,
    summary: f['summary'] ?? '',
    detail: m.detail ?? '',
    actual: m.values[0]?.raw ?? '',
    targets: m.values.slice(1).map((v) => v.raw),
    division: f['division'] ?? '',
    pillar: f['pillar'] ?? '',
    policy: f['policy'] ?? '',
    measure: f['measure'] ?? '',
  };
}

/** What must survive any re-layout: texts (half-width, no spaces) and each value's year, kind, number and blankness. */
export function digest(m: Measure): unknown {
  const t = (s: string | null | undefined) => toHalfWidth(s ?? '').replace(/\s+/g, '');
  const f = m.fields ?? {};
  return {
    group: t(m.group),
    name: t(m.name),
    detail: t(m.detail),
    summary: t(f['summary']),
    division: t(f['division']),
    place: [t(f['pillar']), t(f['policy']), t(f['measure'])],
    relistOf: f['relistOf'] ?? null,
    values: m.values.map((v) => [v.year, v.kind, v.value, v.blank, v.blank ? '' : t(v.raw)]),
  };
}

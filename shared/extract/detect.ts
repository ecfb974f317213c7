import type { Grid } from '../grid/index.ts';
import type { FamilySpec, Label, VariantSpec } from '../families/spec.ts';
import { findTables, type TableLayout } from './table.ts';
import type { SheetIndex } from './sheet-index.ts';

/** The defined name templates carry: `"org-goals:division:1"` (family, variant, template version). */
export const FORM_TAG_NAME = 'MOKUHYO_FORM';

export interface FormTag {
  family: string;
  variant: string | null;
  version: string | null;
}

/** Reads the template tag from the sheet's defined names, if the workbook came from a template. */
export function readFormTag(grid: Grid): FormTag | undefined {
  const raw = grid.names?.[FORM_TAG_NAME];
  if (!raw) return undefined;
  const [family, variant, version] = raw.replace(/^=/, '').replace(/^"|"$/g, '').split(':');
  if (!family) return undefined;
  return { family, variant: variant || null, version: version || null };
}

export interface Detection {
  family: FamilySpec;
  variant: VariantSpec;
  score: number;
  /** Headers found, per table key of the variant. */
  tables: Map<string, TableLayout[]>;
}

/** Scores every variant against the sheet; a variant counts only when all its required labels are there. */
export function detect(index: SheetIndex, families: readonly FamilySpec[], tag?: FormTag): Detection | undefined {
  let best: Detection | undefined;
  for (const family of families) {
    for (const variant of family.variants) {
      const d = scoreVariant(index, family, variant, tag);
      if (d && (!best || d.score > best.score)) best = d;
    }
  }
  return best;
}

function scoreVariant(
  index: SheetIndex,
  family: FamilySpec,
  variant: VariantSpec,
  tag?: FormTag,
): Detection | undefined {
  const spec = variant.detect;
  if (spec.none && index.has(spec.none)) return undefined;
  let score = 0;
  for (const group of spec.all) {
    if (!index.has(group)) return undefined;
    score += 2;
  }
  const anyHits = (spec.any ?? []).filter((label: Label) => index.has([label])).length;
  if (anyHits < (spec.minAny ?? 0)) return undefined;
  score += anyHits;
  const tables = new Map<string, TableLayout[]>();
  for (const table of variant.tables ?? []) {
    const found = findTables(index, table);
    if (found.length > 0) tables.set(table.key, found);
  }
  if (spec.requireTable && tables.size === 0) return undefined;
  score += 5 * tables.size;
  if (tag?.family === family.id) score += tag.variant === null || tag.variant === variant.id ? 100 : 50;
  return { family, variant, score, tables };
}

import { FAMILIES, type FamilySpec, type VariantSpec } from '../shared/families/index.ts';
import { generateTemplate } from './generate-template.ts';
import { planMeasuresTemplate } from './plan-measures.ts';
import { policyStatementTemplate } from './policy-statement.ts';

/** One blank form mokuhyo can write: a family variant and how to lay it out for a fiscal year. */
export interface TemplateEntry {
  family: FamilySpec;
  variant: VariantSpec;
  build(fiscalYear: number): Promise<Buffer>;
}

/** Narrative forms whose layout the generic block generator cannot express; they share their seed builder's layout. */
const LAYOUTS: Record<string, () => Promise<Buffer>> = {
  'plan-measures': () => planMeasuresTemplate(),
  'policy-statement': () => policyStatementTemplate(),
};

/** Every variant with a blank form: spec-driven where the spec has a template layout, else the family's own layout. */
export function templateEntries(): TemplateEntry[] {
  return FAMILIES.flatMap((family) =>
    family.variants.flatMap((variant): TemplateEntry[] => {
      if (variant.template)
        return [
          {
            family,
            variant,
            build: async (fiscalYear) => (await generateTemplate(family, variant, { fiscalYear })).bytes,
          },
        ];
      const layout = LAYOUTS[family.id];
      return layout && variant === family.variants[0] ? [{ family, variant, build: () => layout() }] : [];
    }),
  );
}

import { FAMILIES, type FamilySpec, type VariantSpec } from '../shared/families/index.ts';
import { eraFiscalYear } from '../shared/values/index.ts';
import { generateTemplate } from './generate-template.ts';
import { planMeasuresTemplate } from './plan-measures.ts';
import { policyStatementTemplate } from './policy-statement.ts';

/** One blank form mokuhyo can write: a family variant and how to lay it out for a fiscal year. */
export interface TemplateEntry {
  family: FamilySpec;
  variant: VariantSpec;
  /** The blank form for a year; `fill` writes in the body collecting and the division where the form has such fields. */
  build(fiscalYear: number, fill?: TemplateFill): Promise<Buffer>;
}

/** What a handed-out form is pre-filled with. */
export interface TemplateFill {
  /** The body collecting (the ward: 秋葉区). */
  body: string;
  /** The organisation the form belongs to: the division, or the body for the body's own forms. */
  organization: string;
}

/** Narrative forms whose layout the generic block generator cannot express; they share their seed builder's layout. */
const LAYOUTS: Record<string, (fiscalYear: number, fill?: TemplateFill) => Promise<Buffer>> = {
  'plan-measures': (_year, fill) => planMeasuresTemplate(null, undefined, fill?.body ?? null),
  'policy-statement': (year, fill) =>
    policyStatementTemplate(
      null,
      undefined,
      fill ? { fiscalYear: eraFiscalYear(year), organization: fill.organization } : null,
    ),
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
            build: async (fiscalYear, fill) =>
              (
                await generateTemplate(family, variant, {
                  fiscalYear,
                  ...(fill ? { organization: fill.organization } : {}),
                })
              ).bytes,
          },
        ];
      const layout = LAYOUTS[family.id];
      return layout && variant === family.variants[0] ? [{ family, variant, build: layout }] : [];
    }),
  );
}

import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { fiscalYearText, SEVERITY_LABEL } from '../../../ui/finding-text.ts';
import type { SheetView } from '../use-cases/sheet-view.ts';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: '2px', paddingBlock: '4px', minWidth: 0 },
  facts: { display: 'flex', flexWrap: 'wrap', gap: '0 10px', color: tokens.colorNeutralForeground2, minWidth: 0 },
  counts: { display: 'flex', flexWrap: 'wrap', gap: '0 10px' },
});

const PHASE = { planning: '計画', evaluation: '評価' } as const;

/** Which form the active sheet is (family, template version, division, fiscal year, phase) and its counts. */
export function FormHeader({ view }: { view: SheetView | null }) {
  const styles = useStyles();
  if (!view)
    return (
      <header className={styles.header}>
        <Text weight="semibold">シートを読み込んでいます…</Text>
      </header>
    );
  const { form } = view;
  return (
    <header className={styles.header} aria-label="様式の情報">
      <Text as="h1" size={400} weight="semibold">
        {form ? form.family : '様式を認識できません'}
      </Text>
      <div className={styles.facts}>
        <Text size={200}>シート: {view.sheet}</Text>
        {form?.variant && <Text size={200}>{form.variant}</Text>}
        {form && <Text size={200}>版: {form.templateVersion ?? '—'}</Text>}
        {form && <Text size={200}>組織: {form.organization ?? '—'}</Text>}
        {form && <Text size={200}>{fiscalYearText(form.fiscalYear)}</Text>}
        {form && (
          <Badge size="small" appearance="tint" color={form.phase === 'evaluation' ? 'brand' : 'informative'}>
            {PHASE[form.phase]}
          </Badge>
        )}
      </div>
      {form && (
        <div className={styles.counts} role="status" aria-label="件数">
          {(['error', 'warning', 'info'] as const).map((s) => (
            <Text key={s} size={300} weight={s === 'error' && view.counts.error > 0 ? 'semibold' : 'regular'}>
              {SEVERITY_LABEL[s]} {view.counts[s]}件
            </Text>
          ))}
        </div>
      )}
    </header>
  );
}

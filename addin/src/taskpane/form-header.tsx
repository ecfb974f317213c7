import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SEVERITY_LABEL } from '../../../ui/finding-text.ts';
import type { SheetView } from '../use-cases/sheet-view.ts';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: '2px', paddingBlock: '4px', minWidth: 0 },
  title: { display: 'flex', alignItems: 'baseline', gap: '8px', flexWrap: 'wrap', minWidth: 0 },
  sheet: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere', minWidth: 0 },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '0 12px',
    margin: 0,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    minWidth: 0,
  },
  fact: { display: 'flex', gap: '4px', minWidth: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere', minWidth: 0 },
  counts: { display: 'flex', flexWrap: 'wrap', gap: '0 10px' },
});

const PHASE = { planning: '計画', evaluation: '評価' } as const;

/**
 * Which form the active sheet is and what the check recognised on it (様式, 団体, 課, 年度, 指標 — the words
 * the summary and the web console use), the template version, the phase, and the counts.
 */
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
    <header className={styles.header} role="region" aria-label="様式の情報">
      <div className={styles.title}>
        <Text as="h1" size={400} weight="semibold">
          {form ? form.family : '様式を認識できません'}
        </Text>
        {form && (
          <Badge size="small" appearance="tint" color={form.phase === 'evaluation' ? 'brand' : 'informative'}>
            {PHASE[form.phase]}
          </Badge>
        )}
      </div>
      <Text size={200} className={styles.sheet}>
        シート「{view.sheet}」
      </Text>
      {form && (
        <dl className={styles.facts}>
          {[...view.facts, ...(form.templateVersion ? [{ label: '版', value: form.templateVersion }] : [])].map(
            (fact) => (
              <div key={fact.label} className={styles.fact}>
                <dt className={styles.term}>{fact.label}</dt>
                <dd className={styles.value}>{fact.value}</dd>
              </div>
            ),
          )}
        </dl>
      )}
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

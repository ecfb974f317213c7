import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SheetView } from '../use-cases/sheet-view.ts';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: '2px', paddingBlock: '8px' },
  facts: { display: 'flex', flexWrap: 'wrap', gap: '4px 12px', color: tokens.colorNeutralForeground2 },
});

const PHASE = { planning: '計画', evaluation: '評価' } as const;

/** Which form the active sheet is: family, template version, division, fiscal year, phase. */
export function FormHeader({ view }: { view: SheetView | null }) {
  const styles = useStyles();
  if (!view) return <header className={styles.header}><Text weight="semibold">シートを読み込んでいます…</Text></header>;
  const { form } = view;
  return (
    <header className={styles.header} aria-label="様式の情報">
      <Text as="h1" size={500} weight="semibold">{form ? form.family : '既知の様式ではありません'}</Text>
      <div className={styles.facts}>
        <Text>シート: {view.sheet}</Text>
        {form && <Text>様式: {form.variant ?? '—'}</Text>}
        {form && <Text>版: {form.templateVersion ?? '—'}</Text>}
        {form && <Text>組織: {form.organization ?? '—'}</Text>}
        {form && <Text>年度: {form.fiscalYear ?? '—'}</Text>}
        {form && <Badge appearance="tint" color={form.phase === 'evaluation' ? 'brand' : 'informative'}>{PHASE[form.phase]}</Badge>}
      </div>
    </header>
  );
}

import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { Capabilities } from '../excel/capabilities.ts';
import { SEVERITY_LABEL } from '../../../ui/finding-text.ts';
import type { SheetView } from '../use-cases/sheet-view.ts';

const NOT_A_FORM =
  'このシートは目標シートの様式として認識できませんでした。様式のシートを開いてから［再チェック］を押してください。提出する前に、正しいブックか確認してください。';

const MODE_NOTE = {
  comments: 'この Excel ではメモを書き込めないため、注釈の説明はコメントに書いています。',
  'list-only': 'この Excel ではシートに注釈を付けられないため、一覧だけを表示しています。',
} as const;

const PROTECTED =
  'シートが保護されているため、注釈（色とメモ）は付けていません。一覧は最新です。付けるには［校閲］→［シート保護の解除］のあと［再チェック］を押してください。';

const LIST_ONLY_WHILE_TYPING =
  'この Excel では注釈を書き込むと「元に戻す」の履歴が消えるため、入力中は一覧だけを更新しています。シートの注釈は［再チェック］で更新します。';

function countsText(counts: Record<'error' | 'warning' | 'info', number>): string {
  return (['error', 'warning', 'info'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${SEVERITY_LABEL[s]} ${counts[s]}件`)
    .join('、');
}

/**
 * What the pane says about the last check besides its findings: a sheet that is not a form, why the sheet
 * carries no annotations (protection, a refused write, typing on an Excel without undo for add-ins, an
 * older Excel), and — when 自動 read the sheet as 計画 — what checking it as 評価 would find.
 */
export function PaneNotices({
  view,
  caps,
  onEvaluate,
  asking = false,
}: {
  view: SheetView | null;
  caps: Capabilities;
  onEvaluate: () => void;
  /** 提出 is asking about a sheet that is not a form: its own warning says it, once. */
  asking?: boolean;
}) {
  if (!view) return null;
  const outcome = view.outcome;
  const other = view.otherPhase;
  const otherTotal = other ? other.counts.error + other.counts.warning + other.counts.info : 0;
  const notes: { key: string; text: string; intent: 'info' | 'warning' }[] = [];
  if (!view.form && !asking) notes.push({ key: 'form', text: NOT_A_FORM, intent: 'warning' });
  if (outcome?.protected) notes.push({ key: 'protected', text: PROTECTED, intent: 'info' });
  else if (outcome?.writeError) notes.push({ key: 'write', text: outcome.writeError, intent: 'warning' });
  else if (outcome && !outcome.marked && caps.fills && !caps.undoableWrites)
    notes.push({ key: 'typing', text: LIST_ONLY_WHILE_TYPING, intent: 'info' });
  if (outcome?.marked && outcome.mode !== 'notes')
    notes.push({ key: 'mode', text: MODE_NOTE[outcome.mode], intent: 'info' });
  return (
    <>
      {notes.map((n) => (
        <MessageBar key={n.key} intent={n.intent}>
          <MessageBarBody>{n.text}</MessageBarBody>
        </MessageBar>
      ))}
      {other && otherTotal > view.counts.error + view.counts.warning + view.counts.info && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            評価日などが空欄のため、計画の段階として確認しました。評価として確認すると{countsText(other.counts)}
            があります。
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onEvaluate}>
              評価として確認
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}

// Reads an xlsx with a second program (openpyxl) so tests see what another reader sees.
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { missingTool } from '../../helpers/required-tools.ts';

const PYTHON = '/usr/bin/python3';

const SCRIPT = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
stored = openpyxl.load_workbook(sys.argv[1], data_only=True)
out = {}
for ws in wb.worksheets:
    cached = {c.coordinate: stored[ws.title][c.coordinate].value for r in ws.iter_rows() for c in r if c.data_type == 'f'}
    rows = [[None if c is None else str(c) for c in r] for r in ws.iter_rows(values_only=True)]
    formulas = [c.coordinate for r in ws.iter_rows() for c in r if c.data_type == 'f']
    texts = {c.coordinate: c.value for r in ws.iter_rows() for c in r if c.data_type == 'f'}
    links = {c.coordinate: c.hyperlink.target for r in ws.iter_rows() for c in r if c.hyperlink is not None}
    numbers = {c.coordinate: [c.value, c.number_format] for r in ws.iter_rows() for c in r if c.data_type == 'n' and c.value is not None}
    sizes = [c.font.sz for r in ws.iter_rows() for c in r if c.value is not None and c.font is not None and c.font.sz]
    out[ws.title] = {"rows": rows, "formulas": formulas, "formulaText": texts, "cached": cached, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
                     "orientation": ws.page_setup.orientation, "paper": ws.page_setup.paperSize,
                     "titles": ws.print_title_rows, "font": ws["A2"].font.name, "links": links, "numbers": numbers,
                     "scale": ws.page_setup.scale, "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
                     "header": ws.oddHeader.left.text, "footer": ws.oddFooter.center.text, "minFont": min(sizes) if sizes else None,
                     "charts": [{"type": type(c).__name__, "grouping": c.grouping, "series": [s.val.numRef.f for s in c.series]} for c in ws._charts]}
print(json.dumps(out))
`;

export interface SheetDump {
  rows: (string | null)[][];
  formulas: string[];
  /** Formula cells: coordinate → the formula ("=SUM(E5:E9)"). */
  formulaText: Record<string, string>;
  /** Formula cells: coordinate → the result stored with it, as a reader without a calculation engine sees it. */
  cached: Record<string, number | string | null>;
  freeze: string | null;
  filter: string | null;
  orientation: string | null;
  paper: string | number | null;
  titles: string | null;
  font: string | null;
  links: Record<string, string>;
  /** Numeric cells: coordinate → [value, number format]. */
  numbers: Record<string, [number, string]>;
  scale: number | null;
  fitToPage: boolean | null;
  header: string | null;
  footer: string | null;
  /** The smallest font size of any non-empty cell. */
  minFont: number | null;
  /** Charts as openpyxl parses them (it reads chart parts against the schema). */
  charts: { type: string; grouping: string; series: string[] }[];
}

/** True when python3 with openpyxl is available; its absence is a skip, or a failure when tools are required. */
export async function hasOpenpyxl(): Promise<boolean> {
  const ok = await access(PYTHON).then(
    () => new Promise<boolean>((done) => execFile(PYTHON, ['-c', 'import openpyxl'], (e) => done(!e))),
    () => false,
  );
  if (!ok) missingTool('/usr/bin/python3 with openpyxl', 'install the Debian package python3-openpyxl');
  return ok;
}

/** Every sheet of the workbook as openpyxl reads it. */
export function readWithOpenpyxl(path: string): Promise<Record<string, SheetDump>> {
  return new Promise((done, fail) => {
    execFile(PYTHON, ['-c', SCRIPT, path], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) fail(new Error(`openpyxl failed: ${stderr}`));
      else done(JSON.parse(stdout) as Record<string, SheetDump>);
    });
  });
}

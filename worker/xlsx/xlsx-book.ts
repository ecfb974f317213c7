import { fitCellText } from './cell-text.ts';
import { StyleTable, type CellStyle } from './xlsx-styles.ts';
import { columnName } from '../../shared/grid/address.ts';
import { chartXml, drawingXml, type ChartSpec } from './xlsx-chart.ts';
import {
  absoluteRows,
  attr,
  MAIN_NS,
  num,
  PACKAGE_REL_NS,
  quoteSheet,
  REL_NS,
  ROOT_RELS,
  text,
  textElement,
  XML_HEAD,
} from './xlsx-xml.ts';
import { ZipWriter, type ZipEntryWriter } from './zip-writer.ts';

export type { CellAlignment, CellBorder, CellBorderSide, CellFill, CellFont, CellStyle } from './xlsx-styles.ts';
export type { ChartSeries, ChartSpec } from './xlsx-chart.ts';

/**
 * A streaming SpreadsheetML writer for generated workbooks: rows go out as XML as they are added, so a
 * sheet is never held as cell objects. Covers what a print-ready report needs — shared strings, fonts,
 * fills, borders, alignment, number formats, column widths, row heights, frozen panes, auto filters, external
 * hyperlinks, A4 page setup with print titles, headers and footers, bar charts, and formulas over the
 * workbook's own cells with their computed results — and nothing else. Text is always written as text, never as a formula.
 */
export class XlsxBook {
  private readonly zip = new ZipWriter();
  private readonly sheets: { name: string; titleRows: string | null }[] = [];
  private readonly strings = new Map<string, number>();
  private stringCount = 0;
  private readonly styles = new StyleTable();
  private current: SheetWriter | null = null;
  private charts = 0;

  constructor(private readonly props: { creator: string; created: Date }) {}

  /** Starts the next worksheet; the previous one must have ended. */
  addSheet(name: string, options: SheetOptions): SheetWriter {
    if (this.current) throw new Error(`xlsx: sheet ${name} started before ${this.current.name} ended`);
    // Excel refuses to open a workbook with such a name: a programmer's error, caught here.
    if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name))
      throw new Error(`xlsx: invalid sheet name ${JSON.stringify(name)}`);
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw new Error(`xlsx: duplicate sheet name ${name}`);
    const index = this.sheets.length + 1;
    this.sheets.push({ name, titleRows: options.print?.titleRows ?? null });
    const sheet = new SheetWriter(name, this.zip.entry(`xl/worksheets/sheet${index}.xml`), options, {
      string: (text) => this.sharedString(text),
      style: (style) => this.styles.id(style),
      selected: index === 1,
      chartId: () => ++this.charts,
      done: (links, chart) => {
        this.current = null;
        if (links.length > 0 || chart)
          this.zip.add(`xl/worksheets/_rels/sheet${index}.xml.rels`, sheetRels(links, chart?.id ?? null));
        if (chart) {
          this.zip.add(`xl/drawings/drawing${chart.id}.xml`, drawingXml(chart.spec, `グラフ ${chart.id}`));
          this.zip.add(
            `xl/drawings/_rels/drawing${chart.id}.xml.rels`,
            `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/chart" Target="../charts/chart${chart.id}.xml"/></Relationships>`,
          );
          this.zip.add(`xl/charts/chart${chart.id}.xml`, chartXml(chart.spec));
        }
      },
    });
    this.current = sheet;
    return sheet;
  }

  /** The finished .xlsx package. */
  finish(): Buffer {
    if (this.current) throw new Error(`xlsx: sheet ${this.current.name} has not ended`);
    const count = this.sheets.length;
    const strings = this.zip.entry('xl/sharedStrings.xml');
    strings.write(`${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.stringCount}" uniqueCount="${this.strings.size}">`);
    for (const text of this.strings.keys()) strings.write(`<si>${textElement(text)}</si>`);
    strings.write('</sst>');
    strings.end();
    this.zip.add('xl/styles.xml', this.styles.xml());
    this.zip.add('xl/workbook.xml', workbookXml(this.sheets));
    this.zip.add('xl/_rels/workbook.xml.rels', workbookRels(count));
    this.zip.add('[Content_Types].xml', contentTypes(count, this.charts));
    this.zip.add('_rels/.rels', ROOT_RELS);
    this.zip.add('docProps/core.xml', coreXml(this.props));
    this.zip.add('docProps/app.xml', appXml(this.sheets.map((s) => s.name)));
    return this.zip.finish();
  }

  private sharedString(raw: string): number {
    this.stringCount++;
    const text = fitCellText(raw);
    let id = this.strings.get(text);
    if (id === undefined) this.strings.set(text, (id = this.strings.size));
    return id;
  }
}

/**
 * A formula the summary computes from its own cells, with the value it computed (the cached result every
 * reader without a calculation engine shows). Only cell references, numbers, operators and function
 * names: submitted text never becomes a formula (SECURITY #13).
 */
export interface FormulaValue {
  formula: string;
  /** The computed value; '' for a formula whose value is empty text. */
  result: number | string;
}

/** What a cell holds: text, a number, a flag, text linking to another file, or one of our own formulas. */
export type CellValue = string | number | boolean | { text: string; hyperlink: string } | FormulaValue;

/**
 * What a formula of ours may contain outside its string literals: A1 references, numbers, operators and the
 * functions the summary uses. A literal is text of our own ("指標の達成割合 ", "0.0%"), closed, its quotes doubled.
 */
const OWN_FORMULA = /^[A-Z0-9$:(),.+\-*/<>=&% ]+$/;
const OWN_FUNCTIONS = new Set(['SUM', 'IF', 'TEXT']);
const LITERAL = /"(?:[^"]|"")*"/g;

/** Is `formula` one of ours: well-formed literals, and around them only references, operators and SUM / IF / TEXT? */
export function isOwnFormula(formula: string): boolean {
  const rest = formula.replace(LITERAL, '0');
  if (rest.includes('"') || !OWN_FORMULA.test(rest)) return false;
  return [...rest.matchAll(/([A-Z]+)\(/g)].every((m) => OWN_FUNCTIONS.has(m[1]!));
}

/** Is this cell value one of our formulas? */
export function isFormula(value: CellValue): value is FormulaValue {
  return typeof value === 'object' && 'formula' in value;
}

export interface SheetOptions {
  /** Column widths in character units, from column A; a style applies to the column's empty cells. */
  columns?: readonly { width: number; style?: CellStyle }[];
  /** The first scrolling row (rows above it stay visible). */
  freezeRow?: number;
  print?: {
    paperSize: number;
    orientation: 'portrait' | 'landscape';
    /** Fit to this many pages wide (0 = as many as needed) and tall. */
    fitToWidth: number;
    fitToHeight: number;
    margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
    /** Rows repeated on every printed page, "1:2". */
    titleRows?: string;
    /** A fixed print scale in percent instead of fitting to pages (Excel ignores the scale when fitting). */
    scale?: number;
    /** Header and footer of every page in Excel's codes ("&L…&C…&R…", "&P / &N"); "&" in text is "&&". */
    header?: string;
    footer?: string;
  };
}

interface SheetHooks {
  string: (text: string) => number;
  style: (style: CellStyle | undefined) => number;
  selected: boolean;
  chartId: () => number;
  done: (links: readonly string[], chart: { id: number; spec: ChartSpec } | null) => void;
}

/** One worksheet being written: rows in ascending order, then end(). */
export class SheetWriter {
  private lastRow = 0;
  /** Column letters by 0-based index, named once per sheet rather than once per cell. */
  private readonly letters: string[] = [];
  private readonly links: { ref: string; target: string }[] = [];
  private chartSpec: ChartSpec | null = null;

  constructor(
    readonly name: string,
    private readonly out: ZipEntryWriter,
    private readonly options: SheetOptions,
    private readonly hooks: SheetHooks,
  ) {
    out.write(`${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
    if (options.print && options.print.scale === undefined)
      out.write('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    out.write(sheetViews(options.freezeRow ?? 1, hooks.selected));
    out.write('<sheetFormatPr defaultRowHeight="15"/>');
    const columns = options.columns ?? [];
    if (columns.length > 0) {
      out.write('<cols>');
      // Neighbouring columns alike share one <col> range, as Excel writes them.
      for (let first = 0; first < columns.length;) {
        const c = columns[first]!;
        let last = first;
        while (
          last + 1 < columns.length &&
          columns[last + 1]!.width === c.width &&
          columns[last + 1]!.style === c.style
        )
          last++;
        const style = c.style ? ` style="${hooks.style(c.style)}"` : '';
        out.write(`<col min="${first + 1}" max="${last + 1}" width="${num(c.width)}"${style} customWidth="1"/>`);
        first = last + 1;
      }
      out.write('</cols>');
    }
    out.write('<sheetData>');
  }

  /** Writes row `r` (1-based, above every row written so far); empty values leave the cell out. */
  row(
    r: number,
    cells: readonly ({ value: CellValue | null | undefined; style?: CellStyle | undefined } | null | undefined)[],
    height?: number,
  ): void {
    if (!Number.isInteger(r) || r <= this.lastRow)
      throw new Error(`xlsx: row ${r} written after row ${this.lastRow} in ${this.name}`);
    this.lastRow = r;
    let xml = height === undefined ? `<row r="${r}">` : `<row r="${r}" ht="${num(height)}" customHeight="1">`;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (!cell || cell.value === null || cell.value === undefined || cell.value === '') continue;
      const ref = `${(this.letters[i] ??= columnName(i))}${r}`;
      const s = this.hooks.style(cell.style);
      const style = s === 0 ? '' : ` s="${s}"`;
      const value = cell.value;
      if (typeof value === 'number' && Number.isFinite(value)) xml += `<c r="${ref}"${style}><v>${value}</v></c>`;
      else if (typeof value === 'boolean') xml += `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
      else if (isFormula(value)) {
        // A programmer's error, caught here: a formula is built from references, never from submitted text.
        if (!isOwnFormula(value.formula)) throw new Error(`xlsx: not a formula of ours in ${ref}`);
        const f = `<f>${text(value.formula)}</f>`;
        xml +=
          typeof value.result === 'number' && Number.isFinite(value.result)
            ? `<c r="${ref}"${style}>${f}<v>${value.result}</v></c>`
            : `<c r="${ref}"${style} t="str">${f}<v>${text(String(value.result))}</v></c>`;
      } else {
        const text = typeof value === 'object' ? value.text : String(value);
        if (typeof value === 'object') this.links.push({ ref, target: value.hyperlink });
        xml += `<c r="${ref}"${style} t="s"><v>${this.hooks.string(text)}</v></c>`;
      }
    }
    this.out.write(`${xml}</row>`);
  }

  /** Places a chart over the sheet (one per sheet), drawn from cells of this workbook. */
  chart(spec: ChartSpec): void {
    if (this.chartSpec) throw new Error(`xlsx: a second chart on ${this.name}`);
    this.chartSpec = spec;
  }

  /** Closes the sheet, with an auto filter over the given range if asked. */
  end(autoFilter?: { fromRow: number; toRow: number; columns: number } | null): void {
    this.out.write('</sheetData>');
    if (autoFilter)
      this.out.write(
        `<autoFilter ref="A${autoFilter.fromRow}:${columnName(autoFilter.columns - 1)}${autoFilter.toRow}"/>`,
      );
    if (this.links.length > 0) {
      this.out.write('<hyperlinks>');
      this.links.forEach((l, i) => this.out.write(`<hyperlink ref="${l.ref}" r:id="rId${i + 1}"/>`));
      this.out.write('</hyperlinks>');
    }
    const print = this.options.print;
    if (print) {
      const m = print.margins;
      this.out.write(
        `<pageMargins left="${num(m.left)}" right="${num(m.right)}" top="${num(m.top)}" bottom="${num(m.bottom)}" header="${num(m.header)}" footer="${num(m.footer)}"/>`,
      );
      const fit =
        print.scale === undefined
          ? `fitToWidth="${print.fitToWidth}" fitToHeight="${print.fitToHeight}"`
          : `scale="${Math.round(print.scale)}"`;
      this.out.write(`<pageSetup paperSize="${print.paperSize}" orientation="${print.orientation}" ${fit}/>`);
      if (print.header || print.footer) {
        const header = print.header ? `<oddHeader>${text(print.header)}</oddHeader>` : '';
        const footer = print.footer ? `<oddFooter>${text(print.footer)}</oddFooter>` : '';
        this.out.write(`<headerFooter>${header}${footer}</headerFooter>`);
      }
    }
    const chart = this.chartSpec ? { id: this.hooks.chartId(), spec: this.chartSpec } : null;
    // The drawing's relationship follows the hyperlinks' rId1…rIdN.
    if (chart) this.out.write(`<drawing r:id="rId${this.links.length + 1}"/>`);
    this.out.write('</worksheet>');
    this.out.end();
    this.hooks.done(
      this.links.map((l) => l.target),
      chart,
    );
  }
}

function sheetViews(freezeRow: number, selected: boolean): string {
  const tab = selected ? ' tabSelected="1"' : '';
  if (freezeRow <= 1) return `<sheetViews><sheetView${tab} workbookViewId="0"/></sheetViews>`;
  const top = `A${freezeRow}`;
  return `<sheetViews><sheetView${tab} workbookViewId="0"><pane ySplit="${freezeRow - 1}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`;
}

function workbookXml(sheets: readonly { name: string; titleRows: string | null }[]): string {
  const entries = sheets
    .map((s, i) => `<sheet name="${attr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  const titles = sheets
    .map((s, i) =>
      s.titleRows
        ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${text(`${quoteSheet(s.name)}!${absoluteRows(s.titleRows)}`)}</definedName>`
        : '',
    )
    .join('');
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${entries}</sheets>${titles ? `<definedNames>${titles}</definedNames>` : ''}<calcPr calcId="191029"/></workbook>`;
}

function workbookRels(sheets: number): string {
  let rels = '';
  for (let i = 1; i <= sheets; i++)
    rels += `<Relationship Id="rId${i}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i}.xml"/>`;
  rels += `<Relationship Id="rId${sheets + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`;
  rels += `<Relationship Id="rId${sheets + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`;
  return `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">${rels}</Relationships>`;
}

function sheetRels(targets: readonly string[], drawing: number | null): string {
  let rels = targets
    .map(
      (t, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/hyperlink" Target="${attr(t)}" TargetMode="External"/>`,
    )
    .join('');
  if (drawing !== null)
    rels += `<Relationship Id="rId${targets.length + 1}" Type="${REL_NS}/drawing" Target="../drawings/drawing${drawing}.xml"/>`;
  return `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">${rels}</Relationships>`;
}

function contentTypes(sheets: number, charts: number): string {
  const ct = 'application/vnd.openxmlformats-officedocument';
  let overrides = `<Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/>`;
  for (let i = 1; i <= sheets; i++)
    overrides += `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/>`;
  for (let i = 1; i <= charts; i++) {
    overrides += `<Override PartName="/xl/drawings/drawing${i}.xml" ContentType="${ct}.drawing+xml"/>`;
    overrides += `<Override PartName="/xl/charts/chart${i}.xml" ContentType="${ct}.drawingml.chart+xml"/>`;
  }
  overrides += `<Override PartName="/xl/styles.xml" ContentType="${ct}.spreadsheetml.styles+xml"/>`;
  overrides += `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.spreadsheetml.sharedStrings+xml"/>`;
  overrides +=
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>';
  overrides += `<Override PartName="/docProps/app.xml" ContentType="${ct}.extended-properties+xml"/>`;
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`;
}

function coreXml(props: { creator: string; created: Date }): string {
  const when = props.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${text(props.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
}

function appXml(names: readonly string[]): string {
  const parts = names.map((n) => `<vt:lpstr>${text(n)}</vt:lpstr>`).join('');
  return `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>mokuhyo</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>ワークシート</vt:lpstr></vt:variant><vt:variant><vt:i4>${names.length}</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${names.length}" baseType="lpstr">${parts}</vt:vector></TitlesOfParts></Properties>`;
}

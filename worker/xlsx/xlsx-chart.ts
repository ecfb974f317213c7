import { attr, num, REL_NS, text, XML_HEAD } from './xlsx-xml.ts';

const CHART_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const SHEET_DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

/** A range of cells the chart reads, with the values it holds now (the cache viewers draw from). */
export interface ChartRange<T> {
  /** An absolute reference, "'概要'!$A$5:$A$9". */
  ref: string;
  values: readonly T[];
}

export interface ChartSeries {
  /** The series name and the cell holding it. */
  name: ChartRange<string>;
  values: ChartRange<number | null>;
  /** RRGGBB. */
  color: string;
}

/**
 * A bar or column chart placed over a cell range: categories down one column, one series per column of
 * values. Written as a DrawingML chart part that refers to the cells and carries their values, so Excel
 * and LibreOffice draw it without recalculating.
 */
export interface ChartSpec {
  title: string;
  /** Columns side by side, or stacked on each other. */
  grouping: 'clustered' | 'stacked';
  categories: ChartRange<string>;
  series: readonly ChartSeries[];
  /** Number format of the value axis ("0", "0%"). */
  valueFormat: string;
  /** Fixed value-axis bounds, when the scale should not follow the data (0–1 for a rate). */
  valueMin?: number;
  valueMax?: number;
  /**
   * The cells the chart covers: 0-based from (inclusive) and to (exclusive) column and row; or, with `size`,
   * its top-left cell and its size in pixels, so that tall rows under it do not stretch it off the page.
   */
  anchor: { fromCol: number; fromRow: number; toCol: number; toRow: number; size?: { width: number; height: number } };
  /** East Asian font of every label. */
  font: string;
  /** Size of the axis, legend and value labels in points (default 9); the title is 1.5 pt larger. */
  fontSize?: number;
  /** Print each bar segment's value on it (zeros left out), so a printed page needs no axis reading. */
  valueLabels?: boolean;
}

/** The chart part: xl/charts/chartN.xml. */
export function chartXml(spec: ChartSpec): string {
  const series = spec.series.map((s, i) => seriesXml(s, i, spec.categories)).join('');
  const size = Math.round((spec.fontSize ?? 9) * 100);
  const titleSize = size + 150;
  const overlap = spec.grouping === 'stacked' ? '<c:overlap val="100"/>' : '';
  const bounds = `${spec.valueMax !== undefined ? `<c:max val="${num(spec.valueMax)}"/>` : ''}${spec.valueMin !== undefined ? `<c:min val="${num(spec.valueMin)}"/>` : ''}`;
  return (
    `${XML_HEAD}<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_NS}" xmlns:r="${REL_NS}">` +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="${titleSize}" b="1"/></a:pPr><a:r><a:rPr lang="ja-JP" sz="${titleSize}" b="1"><a:ea typeface="${attr(spec.font)}"/></a:rPr><a:t>${text(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="col"/><c:grouping val="${spec.grouping}"/><c:varyColors val="0"/>${series}${spec.valueLabels ? VALUE_LABELS : ''}` +
    `<c:gapWidth val="60"/>${overlap}<c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
    '<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/>${bounds}</c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${attr(spec.valueFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    '<c:crossAx val="50010"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"><a:latin typeface="${attr(spec.font)}"/><a:ea typeface="${attr(spec.font)}"/></a:defRPr></a:pPr><a:endParaRPr lang="ja-JP"/></a:p></c:txPr>` +
    '</c:chartSpace>'
  );
}

/** Data labels showing each value, zeros hidden by the number format (CT_DLbls, in schema order). */
const VALUE_LABELS =
  '<c:dLbls><c:numFmt formatCode="0;;;" sourceLinked="0"/><c:showLegendKey val="0"/><c:showVal val="1"/>' +
  '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>';

function seriesXml(s: ChartSeries, i: number, categories: ChartRange<string>): string {
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:strRef><c:f>${text(s.name.ref)}</c:f>${strCache(s.name.values)}</c:strRef></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${attr(s.color)}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
    `<c:cat><c:strRef><c:f>${text(categories.ref)}</c:f>${strCache(categories.values)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${text(s.values.ref)}</c:f>${numCache(s.values.values)}</c:numRef></c:val></c:ser>`
  );
}

function strCache(values: readonly string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${text(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numCache(values: readonly (number | null)[]): string {
  const points = values
    .map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

/** The drawing part that places chart `rId1` over the anchor cells: xl/drawings/drawingN.xml. */
export function drawingXml(spec: ChartSpec, name: string): string {
  const a = spec.anchor;
  const corner = (col: number, row: number): string =>
    `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  const frame =
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${attr(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${REL_NS}" r:id="rId1"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/>';
  // EMU per pixel at 96 dpi.
  const emu = (px: number): number => Math.round(px * 9525);
  const anchor = a.size
    ? `<xdr:oneCellAnchor><xdr:from>${corner(a.fromCol, a.fromRow)}</xdr:from><xdr:ext cx="${emu(a.size.width)}" cy="${emu(a.size.height)}"/>${frame}</xdr:oneCellAnchor>`
    : `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${corner(a.fromCol, a.fromRow)}</xdr:from><xdr:to>${corner(a.toCol, a.toRow)}</xdr:to>${frame}</xdr:twoCellAnchor>`;
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="${SHEET_DRAWING_NS}" xmlns:a="${DRAWING_NS}">${anchor}</xdr:wsDr>`;
}

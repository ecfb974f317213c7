import { attr, MAIN_NS, num, XML_HEAD } from './xlsx-xml.ts';

export interface CellFont {
  name?: string;
  size?: number;
  bold?: boolean;
  underline?: boolean;
  color?: { argb: string };
}

export interface CellFill {
  type: 'pattern';
  pattern: 'solid';
  fgColor: { argb: string };
}

export interface CellBorderSide {
  style: 'thin' | 'medium';
  color?: { argb: string };
}

export interface CellBorder {
  top?: CellBorderSide;
  left?: CellBorderSide;
  bottom?: CellBorderSide;
  right?: CellBorderSide;
}

export interface CellAlignment {
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  wrapText?: boolean;
}

export interface CellStyle {
  /** Excel number format code ("#,##0", "0.0%", '#,##0"人"'); absent: General. */
  numFmt?: string;
  font?: CellFont;
  fill?: CellFill;
  border?: CellBorder;
  alignment?: CellAlignment;
}

/** Fonts, fills, borders and cell formats, each written once however many cells share it. */
export class StyleTable {
  private readonly fonts = new Registry(fontXml(DEFAULT_FONT));
  private readonly fills = new Registry(
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  );
  private readonly borders = new Registry('<border><left/><right/><top/><bottom/><diagonal/></border>');
  private readonly formats = new Registry('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
  private readonly byObject = new Map<CellStyle, number>();
  /** Custom number formats by code; ids from 164 as Excel numbers them. */
  private readonly numFmts = new Map<string, number>();

  id(style: CellStyle | undefined): number {
    if (!style) return 0;
    let id = this.byObject.get(style);
    if (id === undefined) this.byObject.set(style, (id = this.formats.id(this.xfXml(style))));
    return id;
  }

  xml(): string {
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      (this.numFmts.size > 0
        ? `<numFmts count="${this.numFmts.size}">${[...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${attr(code)}"/>`).join('')}</numFmts>`
        : '') +
      `<fonts count="${this.fonts.size}">${this.fonts.xml()}</fonts>` +
      `<fills count="${this.fills.size}">${this.fills.xml()}</fills>` +
      `<borders count="${this.borders.size}">${this.borders.xml()}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.formats.size}">${this.formats.xml()}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0"/></styleSheet>'
    );
  }

  private numFmtId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.numFmts.get(code);
    if (id === undefined) this.numFmts.set(code, (id = 164 + this.numFmts.size));
    return id;
  }

  private xfXml(style: CellStyle): string {
    const fontId = style.font ? this.fonts.id(fontXml({ ...DEFAULT_FONT, ...style.font })) : 0;
    const fillId = style.fill
      ? this.fills.id(
          `<fill><patternFill patternType="solid"><fgColor rgb="${attr(style.fill.fgColor.argb)}"/></patternFill></fill>`,
        )
      : 0;
    const borderId = style.border ? this.borders.id(borderXml(style.border)) : 0;
    const a = style.alignment;
    const alignment = a && (a.horizontal || a.vertical || a.wrapText) ? alignmentXml(a) : '';
    const numFmtId = style.numFmt ? this.numFmtId(style.numFmt) : 0;
    const applies = `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${alignment ? ' applyAlignment="1"' : ''}`;
    const open = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    return alignment ? `${open}>${alignment}</xf>` : `${open}/>`;
  }
}

/** Number formats Excel knows by id without declaring them. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
};

/** Distinct XML snippets in first-seen order; the index is the id a cell format refers to. */
class Registry {
  private readonly ids = new Map<string, number>();

  constructor(...fixed: string[]) {
    for (const xml of fixed) this.id(xml);
  }

  get size(): number {
    return this.ids.size;
  }

  id(xml: string): number {
    let id = this.ids.get(xml);
    if (id === undefined) this.ids.set(xml, (id = this.ids.size));
    return id;
  }

  xml(): string {
    return [...this.ids.keys()].join('');
  }
}

/** Excel's own default: the column-width unit is this font's digit width, so widths read as before. */
const DEFAULT_FONT: CellFont = { name: 'Arial', size: 10 };

function fontXml(f: CellFont): string {
  return `<font>${f.bold ? '<b/>' : ''}${f.underline ? '<u/>' : ''}${f.color ? `<color rgb="${attr(f.color.argb)}"/>` : ''}<sz val="${num(f.size ?? 11)}"/><name val="${attr(f.name ?? 'Calibri')}"/></font>`;
}

function borderXml(b: CellBorder): string {
  const side = (tag: string, s: CellBorderSide | undefined): string =>
    s ? `<${tag} style="${s.style}">${s.color ? `<color rgb="${attr(s.color.argb)}"/>` : ''}</${tag}>` : `<${tag}/>`;
  return `<border>${side('left', b.left)}${side('right', b.right)}${side('top', b.top)}${side('bottom', b.bottom)}<diagonal/></border>`;
}

function alignmentXml(a: CellAlignment): string {
  const vertical = a.vertical === 'middle' ? 'center' : a.vertical;
  return `<alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}${vertical ? ` vertical="${vertical}"` : ''}${a.wrapText ? ' wrapText="1"' : ''}/>`;
}

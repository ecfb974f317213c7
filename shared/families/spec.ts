import type { FamilyId } from '../model/record.ts';
import type { HeaderKind } from '../values/types.ts';

/**
 * A label as a pattern over normalised cell text (half-width, no whitespace, （）→()).
 * Strings match exactly; regular expressions are tested as they are.
 */
export type Label = string | RegExp;

/** How a sheet is recognised: every `all` label present, and at least `minAny` of `any`. */
export interface DetectSpec {
  all: Label[][];
  any?: Label[];
  minAny?: number;
  /** Labels whose presence rules the variant out (they belong to another form). */
  none?: Label[];
  /** The variant only counts when its table header is found. */
  requireTable?: boolean;
}

export type FieldType = 'text' | 'fiscal-year' | 'date' | 'number';

/** A scalar field or narrative block: the value sits right of its label or below it. */
export interface FieldSpec {
  key: string;
  label: Label[];
  /** Where the value is: 'right' (same row), 'below' (the cell under the label), or 'right-or-below'. */
  direction: 'right' | 'below' | 'right-or-below';
  /** Cells that are their own value (a title line, a period written alone), used when no label gives one. */
  self?: Label[];
  type?: FieldType;
  /** Also look for the value inside the label cell itself ("令和２年度 秋葉区組織目標" → 2020). */
  inline?: RegExp;
  required?: boolean;
  /** The label a blank template writes. */
  caption?: string;
}

export type ColumnRole = 'group' | 'name' | 'detail' | 'field';

/** One non-year column of a table, found by its header label. */
export interface ColumnSpec {
  key: string;
  label: Label[];
  role: ColumnRole;
  /** Blank cells take the value above (a merged goal cell unmerged or left blank below its first row). */
  carryDown?: boolean;
  required?: boolean;
  /** The header a blank template writes, and its column width in characters. */
  caption?: string;
  width?: number;
  /** When the table has no group column, a new value here starts the next group, numbered 1, 2, 3… */
  fallbackGroup?: boolean;
}

/** Year columns: every header that reads as year + kind (parseHeader) becomes one. */
export interface YearColumnsSpec {
  kinds: HeaderKind[];
  /** Kind to use when the header sits under a parent label (工程・数値目標 › R3 → target). */
  parentKinds?: { label: Label[]; kind: HeaderKind }[];
  /** Kind of a header that names a year only ("R3") when no parent label gives one. */
  yearOnlyKind?: HeaderKind;
  /** Columns whose header names no year: 前年度/今年度 (`offset` from the sheet's 年度) or 目標値 (year read from the cell). */
  named?: { label: Label[]; kind: HeaderKind; offset?: number }[];
}

/** A heading above a table block that gives each row its place (pillar Ⅰ › ◆ policy › (1) measure). */
export interface HeadingSpec {
  key: string;
  /** Tested on the normalised text of the cells above the rows; listed from the outermost level in. */
  label: Label[];
}

/** A table of measures: header row(s) found by labels, one measure per row with a name. */
export interface TableSpec {
  /** Names the table when a variant has several (成果指標, プロセス指標); stored on each measure. */
  key: string;
  /** A label in the rows just above the header that tells this table from the variant's others. */
  title?: Label[];
  /** How many rows above the header the title may sit. */
  titleDistance?: number;
  /** The header repeats for each block (one table per measure of a plan); read every occurrence. */
  repeat?: boolean;
  /** Headings above the blocks, outermost first; each measure gets the latest of each level. */
  headings?: HeadingSpec[];
  columns: ColumnSpec[];
  years: YearColumnsSpec;
  /**
   * One measure per sheet row that has a cell of its own in the name column or one of these columns
   * (column keys, or 'years'); merged or blank cells continue the row above. Default: one per name cell.
   */
  rowsBy?: string[];
  /** Group-column labels that mark a row re-listing an earlier project (「(再)」): linked by name, not counted twice. */
  relist?: Label[];
  /** Minimum number of year columns for a row to count as this table's header. */
  minYearColumns: number;
  /** Labels that end the table when they appear in a row (the narrative blocks below it). */
  end: Label[];
  /** Consecutive empty rows that end the table. */
  maxGap: number;
  /** Rows are list entries (主な取組内容, 各主体の役割), read into record.items[key] instead of measures. */
  items?: boolean;
  /** Carried columns also continue into the first row of the next group (a plan merged over rows of two 施策). */
  carryAcrossGroups?: boolean;
  template?: TableTemplate;
}

/** How a blank template writes a table: column order, year headers relative to the fiscal year, bands. */
export interface TableTemplate {
  /** Column keys left to right; `years` stands for the year columns, `year:<kind>` for those of one kind. */
  order: string[];
  /** Year columns; `caption` writes a header that names no year (目標値, 前年度 — see `YearColumnsSpec.named`). */
  years: { kind: HeaderKind; offset: number; caption?: string }[];
  notation: 'era' | 'western';
  /** Header bands over several columns (a second header row): keys, or `years` / `year:<kind>`. */
  bands?: { caption: string; keys: string[] }[];
  /** Blank rows to provide. */
  rows: number;
}

/** One block of a blank template, top to bottom. */
export type TemplateBlock =
  | { type: 'title'; text: string }
  | { type: 'fields'; keys: string[]; perRow: number }
  | { type: 'table'; key: string }
  | { type: 'narrative'; keys: string[]; height: number }
  | { type: 'list'; key: string; caption: string; count: number }
  /** The family's code legends (A：順調 …), one line per legend key, each introduced by what it rates. */
  | { type: 'legends'; caption: string; legends: { key: string; caption: string }[] };

/** The blank form of a variant, as the template generator lays it out. */
export interface TemplateSpec {
  /** Total columns; tables use their own column count when wider. */
  columns: number;
  orientation: 'landscape' | 'portrait';
  blocks: TemplateBlock[];
}

/** A numbered list next to a label (重点目標 １…４): one item per row with a number and a text. */
export interface ListSpec {
  key: string;
  label: Label[];
  /** Labels that end the list. */
  end: Label[];
}

/** A labelled part inside a numbered section item (実現したい成果, 取組内容). */
export interface SectionPartSpec {
  key: string;
  label: Label[];
  /** Also split the part into its numbered entries (①②③, 1.) under record.items[list]. */
  list?: string;
}

/** Numbered items inside a section ((1), (2)…), one per number, read into record.items[key]. */
export interface SectionItemsSpec {
  key: string;
  parts?: SectionPartSpec[];
  /** Copies each item's text onto the same-numbered item of another section as field `as` (上期 reports on 重点取組項目 (1)). */
  reportsOn?: { items: string; as: string };
}

/** A numbered narrative section (１．組織の使命): its heading and the text after it, up to the next section. */
export interface SectionSpec {
  key: string;
  label: Label[];
  items?: SectionItemsSpec;
}

/** One layout of a form family ("division" sheet, "ward" sheet). */
export interface VariantSpec {
  id: string;
  title: string;
  detect: DetectSpec;
  fields: FieldSpec[];
  tables?: TableSpec[];
  lists?: ListSpec[];
  /** Numbered narrative sections, read into record.fields[key] (and their items into record.items). */
  sections?: SectionSpec[];
  /** Field keys that name the organisation, in order of preference. */
  organization: string[];
  /** Field key of the fiscal year. */
  fiscalYear: string;
  /** Field keys naming the body when the form's body cells are blank (a 方針書's title 「…増田地域局の方針書」). */
  body?: string[];
  template?: TemplateSpec;
  /** What is filled in only at evaluation time (field keys or `items.<list>.<key>`); default 評価日 (`evaluatedOn`). */
  evaluatedWhen?: string[];
  /**
   * What a filled-in sheet carries, so a blank form is told from one (a blank form is sent back): at least one
   * measure (the default), or an entry of a list with text in one of the named item fields.
   */
  content?: ContentSpec;
  /** The body's own sheet (区の組織目標): it has its own row in the ledger, never a division's. */
  wardSheet?: boolean;
  /**
   * The sheet's organisation names the division that keeps it (課の組織目標管理シート, 方針書): a division's
   * token may submit only its own, and the coordinator none of them.
   */
  ownedByDivision?: boolean;
}

/** What makes a sheet of a variant "filled in": any one of these is enough. */
export interface ContentSpec {
  measures?: boolean;
  /** List key → item fields, any of which holding text makes the entry count. */
  items?: Record<string, string[]>;
}

/** A form family: data only, read by the extractor, the template generator and the rules. */
export interface FamilySpec {
  id: FamilyId;
  title: string;
  templateVersion: string;
  /** Code legends the form prints (A：順調 …), by what they rate; rules and the summary read them. */
  legends?: Record<string, { code: string; meaning: string }[]>;
  variants: VariantSpec[];
}

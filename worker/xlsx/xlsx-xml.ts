// XML and SpreadsheetML helpers shared by the workbook writer's parts.

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${PACKAGE_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`;

/** "1:2" → "$1:$2". */
export function absoluteRows(rows: string): string {
  return rows
    .split(':')
    .map((r) => `$${r}`)
    .join(':');
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function num(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

// Characters XML 1.0 cannot carry at all; a spreadsheet cell could hold them, the package cannot.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text content: escaped, characters XML cannot hold dropped. */
export function text(s: string): string {
  return s.replace(INVALID_XML, '').replace(/[&<>]/g, (c) => ESCAPES[c]!);
}

export function attr(s: string): string {
  return s.replace(INVALID_XML, '').replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

/** A <t> element, keeping leading and trailing spaces (which XML would otherwise let a reader drop). */
export function textElement(s: string): string {
  const body = text(s);
  return /^\s|\s$/.test(body) ? `<t xml:space="preserve">${body}</t>` : `<t>${body}</t>`;
}

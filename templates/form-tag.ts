import JSZip from 'jszip';
import { FORM_TAG_NAME } from '../shared/extract/index.ts';

/**
 * Adds the form tag as a workbook-level defined name holding a string constant
 * (`MOKUHYO_FORM = "org-goals:division:1"`). exceljs cannot write constant names, so the package's
 * workbook.xml is edited directly; Excel, LibreOffice and the worker's reader all keep and read it.
 */
export async function withFormTag(xlsx: Uint8Array, tag: string): Promise<Buffer> {
  if (!/^[a-z0-9:.-]+$/i.test(tag)) throw new Error(`invalid form tag: ${tag}`);
  const zip = await JSZip.loadAsync(xlsx);
  const part = zip.file('xl/workbook.xml');
  if (!part) throw new Error('xl/workbook.xml missing');
  let xml = await part.async('string');
  const name = `<definedName name="${FORM_TAG_NAME}">"${tag}"</definedName>`;
  xml = xml.replace(new RegExp(`<definedName name="${FORM_TAG_NAME}"[^>]*>[^<]*</definedName>`), '');
  if (/<definedNames\s*\/>/.test(xml)) xml = xml.replace(/<definedNames\s*\/>/, `<definedNames>${name}</definedNames>`);
  else if (xml.includes('<definedNames>')) xml = xml.replace('<definedNames>', `<definedNames>${name}`);
  else xml = xml.replace('</sheets>', `</sheets><definedNames>${name}</definedNames>`);
  // Fixed entry dates keep a regenerated template byte-identical when nothing in it changed.
  const stamp = new Date(Date.UTC(2020, 0, 1));
  zip.file('xl/workbook.xml', xml, { date: stamp });
  zip.forEach((_path, entry) => {
    entry.date = stamp;
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

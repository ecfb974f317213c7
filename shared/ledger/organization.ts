import { bodyKey, bodyName } from '../summary/group-inputs.ts';

/**
 * A division or ward name as staff may write it, reduced for comparison: full-width letters, digits and
 * spaces made half-width (NFKC), every space and middle dot dropped, the ward's name in front dropped, and
 * one trailing 課 or 室 dropped (健康福祉課 = 健康福祉室 = 健康福祉 = ｢ 健康福祉 課 ｣).
 */
export function organizationKey(name: string, wardName = ''): string {
  let key = name.normalize('NFKC').replace(/[\s\u3000・･]/g, '');
  const ward = wardName.normalize('NFKC').replace(/[\s\u3000]/g, '');
  if (ward && key.startsWith(ward) && key.length > ward.length) key = key.slice(ward.length);
  return key.replace(/[課室]$/, '');
}

/**
 * True when a sheet's 組織名 names the division, with the tolerance above; a name written with its
 * department in front ("まちづくり推進部 建設課") names the division its last word names.
 */
export function sameOrganization(sheetName: string, division: string, wardName = ''): boolean {
  const wanted = organizationKey(division, wardName);
  if (organizationKey(sheetName, wardName) === wanted) return true;
  const words = sheetName
    .normalize('NFKC')
    .trim()
    .split(/[\s\u3000]+/);
  return words.length > 1 && organizationKey(words.at(-1)!, wardName) === wanted;
}

/** A name that is a municipal body of its own (a ward, city, town, village or prefecture). */
const PEER_BODY = /[都道府県市区町村]$/;

/**
 * True when the body a sheet names is certainly another than the one collecting: "北区" for 秋葉区, "須坂市"
 * for 秋葉区. "新潟市秋葉区", "秋葉区役所" and "秋葉区" are one body; a department ("健康福祉部") or an office
 * ("増田地域局") may belong to it, so it is never called another body.
 */
export function namesOtherBody(sheetBody: string | null, collecting: string): boolean {
  if (!sheetBody) return false;
  const mine = bodyKey(collecting);
  const theirs = bodyKey(sheetBody);
  if (!mine || !theirs || mine === theirs) return false;
  const words = (bodyName(sheetBody) ?? '').split(' ').map((w) => bodyKey(w));
  if (words.includes(mine)) return false;
  return PEER_BODY.test(theirs);
}

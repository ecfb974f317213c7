// 様式 in bulk: one zip of a division's blank forms, or of every division's (and the ward's own), each form
// pre-filled with the year, the ward and the division where it has such fields.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { eraFiscalYear } from '../../shared/values/index.ts';
import type { WardConfig } from '../config/index.ts';
import type { Principal } from '../intake/auth.ts';
import { audit } from '../intake/request-log.ts';
import { jstStamp } from '../storage/index.ts';
import { ZipWriter } from '../xlsx/zip-writer.ts';
import { contentDisposition } from './cookies.ts';

type Entry = Awaited<typeof import('../../templates/registry.ts')>['templateEntries'] extends () => (infer E)[]
  ? E
  : never;

/** The form's Japanese title as the console lists it (課の組織目標管理シート, 施策シート…). */
export function formTitle(family: string, variant: string): string {
  if (variant.includes(family)) return variant;
  return family.includes(variant) ? family : `${family}（${variant}）`;
}

/** A form belongs to the ward itself (its variant is the ward's), not to a division. */
export function wardOwned(entry: Entry): boolean {
  return entry.variant.id === 'ward';
}

/**
 * One blank form for the ward's year, pre-filled: the division's name (or, for forms that name the ward —
 * 実施計画 — and without a division, the ward's), the year, and the body collecting.
 */
export async function buildForm(entry: Entry, ward: WardConfig, division: string | null): Promise<Buffer> {
  const wardForm = ['ward', 'wardName'].includes(entry.variant.organization[0] ?? '');
  const organization = division !== null && !wardForm ? division : ward.name;
  return entry.build(ward.fiscalYear, { body: ward.name, organization });
}

function fail(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: { code, message } });
}

/** File names inside a zip: no path separators or characters Windows refuses. */
function safe(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is being removed
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}

export function registerTemplateRoutes(app: FastifyInstance, wardOf: (p: Principal | null) => WardConfig | undefined) {
  // GET /api/console/templates.zip[?division=…]: that division's forms, or every division's and the ward's.
  app.get('/api/console/templates.zip', async (req, reply) => {
    const p = req.principal;
    const ward = p?.role === 'coordinator' ? wardOf(p) : undefined;
    if (!ward) return fail(reply, 403, 'forbidden', '様式を配布できるのは区の集計担当だけです。');
    const division = (req.query as { division?: unknown }).division;
    if (division !== undefined && (typeof division !== 'string' || !ward.divisions.includes(division)))
      return fail(reply, 404, 'not-found', 'その課はこの区の設定にありません。');
    const { templateEntries } = await import('../../templates/registry.ts');
    const entries = templateEntries();
    const year = eraFiscalYear(ward.fiscalYear);
    const zip = new ZipWriter();
    const addFor = async (owner: string, folder: string, forms: Entry[]) => {
      for (const entry of forms) {
        const title = formTitle(entry.family.title, entry.variant.title);
        const bytes = await buildForm(entry, ward, owner === ward.name ? null : owner);
        zip.add(`${folder}${safe(`${owner}_${title}_${year}.xlsx`)}`, bytes);
      }
    };
    const divisionForms = entries.filter((e) => !wardOwned(e));
    if (typeof division === 'string') await addFor(division, '', divisionForms);
    else {
      for (const d of ward.divisions) await addFor(d, `${safe(d)}/`, divisionForms);
      await addFor(ward.name, `${safe(ward.name)}（区の様式）/`, entries.filter(wardOwned));
    }
    const stamp = jstStamp();
    const name =
      typeof division === 'string' ? `${division}_様式_${year}.zip` : `${ward.name}_全課の様式_${year}_${stamp}.zip`;
    audit(req, { action: 'templates-zip', ...(typeof division === 'string' ? { division } : {}) });
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', contentDisposition(name, `templates-${ward.id}-${ward.fiscalYear}.zip`))
      .header('cache-control', 'no-store')
      .send(zip.finish());
  });
}

/** The development origin every URL of manifest.xml starts with. */
export const DEV_ORIGIN = 'https://localhost:3000';

/** Points every development URL of the manifest at `baseUrl` (MOKUHYO_ADDIN_URL); unchanged when none. */
export function rewriteManifest(xml: string, baseUrl: string | undefined): string {
  const base = baseUrl?.trim().replace(/\/+$/, '');
  if (!base) return xml;
  if (!/^https:\/\//.test(base)) throw new Error(`MOKUHYO_ADDIN_URL must be an https:// URL (Office loads add-ins over HTTPS only): ${base}`);
  return xml.split(DEV_ORIGIN).join(base);
}

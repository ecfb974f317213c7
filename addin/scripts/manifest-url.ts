/** The development origin every URL of manifest.xml starts with. */
export const DEV_ORIGIN = 'https://localhost:3000';

/**
 * Points every development URL of the manifest at `baseUrl` (MOKUHYO_ADDIN_URL); unchanged when none. An
 * `<AppDomain>`, should one be added, takes an origin only (AppDomain reference: "Don't include any segments
 * of a URL past the domain"), so it would get the base's origin while page URLs keep its path.
 */
export function rewriteManifest(xml: string, baseUrl: string | undefined): string {
  const base = baseUrl?.trim().replace(/\/+$/, '');
  if (!base) return xml;
  if (!/^https:\/\//.test(base))
    throw new Error(`MOKUHYO_ADDIN_URL must be an https:// URL (Office loads add-ins over HTTPS only): ${base}`);
  const origin = new URL(base).origin;
  return xml
    .replace(
      /<AppDomain>([^<]*)<\/AppDomain>/g,
      (_, domain: string) => `<AppDomain>${domain.trim() === DEV_ORIGIN ? origin : domain}</AppDomain>`,
    )
    .split(DEV_ORIGIN)
    .join(base);
}

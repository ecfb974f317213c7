// The external programs some tests drive — redis-server, Chromium, LibreOffice (soffice), python3 with
// openpyxl — and what happens when one is missing: by default those tests are skipped with a warning;
// with MOKUHYO_REQUIRE_TOOLS=1 (which .ci/run sets) or CI set, a missing tool fails the run instead.
import { existsSync } from 'node:fs';

/** Whether a missing tool is a failure rather than a skip. */
export function toolsRequired(): boolean {
  return process.env['MOKUHYO_REQUIRE_TOOLS'] === '1' || Boolean(process.env['CI']);
}

/** Reports a missing tool: throws when tools are required, else warns once per caller and returns null. */
export function missingTool(tool: string, install: string): null {
  if (toolsRequired())
    throw new Error(`${tool} is required (MOKUHYO_REQUIRE_TOOLS=1 or CI is set) but missing: ${install}`);
  console.warn(`skipping: ${tool} is missing (${install}); MOKUHYO_REQUIRE_TOOLS=1 makes this a failure`);
  return null;
}

/** Where the browser tests look for Chromium unless MOKUHYO_CHROMIUM names another executable. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The Chromium executable the browser tests launch: $MOKUHYO_CHROMIUM, else /usr/bin/chromium; null when missing. */
export function findChromium(): string | null {
  const path = process.env['MOKUHYO_CHROMIUM'] || DEFAULT_CHROMIUM;
  if (existsSync(path)) return path;
  return missingTool(
    `Chromium (${path})`,
    'install the Debian package chromium, or set MOKUHYO_CHROMIUM to a Chromium or Chrome executable',
  );
}

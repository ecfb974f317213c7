import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEV_ORIGIN, rewriteManifest } from '../../addin/scripts/manifest-url.ts';

const xml = readFileSync(new URL('../../manifest.xml', import.meta.url), 'utf8');

describe('rewriteManifest', () => {
  it('points every development URL at the production base', () => {
    const out = rewriteManifest(xml, 'https://intranet.example.lg.jp/mokuhyo/');
    expect(out).not.toContain('localhost');
    expect(out.split('https://intranet.example.lg.jp/mokuhyo/').length).toBe(xml.split(`${DEV_ORIGIN}/`).length);
    expect(out).toContain('<SourceLocation DefaultValue="https://intranet.example.lg.jp/mokuhyo/taskpane.html"/>');
  });

  it('lists no AppDomain of its own origin ("has no effect and may be misleading"), before or after the rewrite', () => {
    for (const out of [xml, rewriteManifest(xml, 'https://intranet.example.lg.jp:8443/mokuhyo')]) {
      const source = new URL(/<SourceLocation DefaultValue="([^"]+)"/.exec(out)![1]!).origin;
      const domains = [...out.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1]);
      expect(domains).not.toContain(source);
      // AppDomains "can't be empty": the element goes with its last domain.
      expect(/<AppDomains>\s*<\/AppDomains>/.test(out)).toBe(false);
    }
  });

  it('asks for ExcelApi 1.14 (Office LTSC 2021), the oldest host the add-in supports', () => {
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.14"\/>/);
  });

  it('keeps the manifest as it is without a base and refuses plain http', () => {
    expect(rewriteManifest(xml, undefined)).toBe(xml);
    expect(() => rewriteManifest(xml, 'http://intranet.example.lg.jp')).toThrow(/https/);
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CHROMIUM, findChromium, missingTool, toolsRequired } from './required-tools.ts';

const ROOT = resolve(import.meta.dirname, '../..');

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('required tools', () => {
  it('skips with a warning by default, and fails when MOKUHYO_REQUIRE_TOOLS=1', () => {
    vi.stubEnv('CI', '');
    vi.stubEnv('MOKUHYO_REQUIRE_TOOLS', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(toolsRequired()).toBe(false);
    expect(missingTool('redis-server', 'install redis-server')).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('MOKUHYO_REQUIRE_TOOLS=1 makes this a failure'));

    vi.stubEnv('MOKUHYO_REQUIRE_TOOLS', '1');
    expect(() => missingTool('redis-server', 'install redis-server')).toThrow(/redis-server is required/);
  });

  it('takes the Chromium path from MOKUHYO_CHROMIUM, /usr/bin/chromium otherwise', () => {
    vi.stubEnv('CI', '');
    vi.stubEnv('MOKUHYO_REQUIRE_TOOLS', '1');
    vi.stubEnv('MOKUHYO_CHROMIUM', process.execPath); // any existing executable stands in
    expect(findChromium()).toBe(process.execPath);
    vi.stubEnv('MOKUHYO_CHROMIUM', '/nowhere/chromium');
    expect(() => findChromium()).toThrow(/Chromium \(\/nowhere\/chromium\) is required/);
    vi.stubEnv('MOKUHYO_CHROMIUM', '');
    expect(DEFAULT_CHROMIUM).toBe('/usr/bin/chromium');
  });

  it('is what .ci/run asks for', () => {
    expect(readFileSync(resolve(ROOT, '.ci/run'), 'utf8')).toMatch(/^export MOKUHYO_REQUIRE_TOOLS=1$/m);
  });
});

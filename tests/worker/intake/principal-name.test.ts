import { describe, expect, it } from 'vitest';
import { TokenAuth } from '../../../worker/intake/auth.ts';
import { principalOfIssued } from '../../../worker/intake/issued-tokens.ts';
import { actorOf } from '../../../worker/console-server/year-routes.ts';

describe('records say who did it: the token’s person when it names one', () => {
  it('carries a config token’s name into its principal, and the records use it', () => {
    const auth = new TokenAuth([
      { token: 'coordinator-tanaka-7Qx2', ward: 'akiha', role: 'coordinator', name: '田中 一郎' },
      { token: 'coordinator-nameless-9Kp', ward: 'akiha', role: 'coordinator' },
      { token: 'submitter-kenko-3Zr8w1', ward: 'akiha', division: '健康福祉課', role: 'submitter' },
    ] as ConstructorParameters<typeof TokenAuth>[0]);
    const tanaka = auth.identify('Bearer coordinator-tanaka-7Qx2')!;
    expect(tanaka).toMatchObject({ role: 'coordinator', ward: 'akiha', name: '田中 一郎' });
    expect(actorOf(tanaka)).toBe('田中 一郎');
    expect(actorOf(auth.identify('Bearer coordinator-nameless-9Kp')!)).toBe('集計担当');
    expect(actorOf(auth.identify('Bearer submitter-kenko-3Zr8w1')!)).toBe('健康福祉課');
  });

  it('does the same for a token an admin issued', () => {
    const p = principalOfIssued({
      id: 'abc',
      role: 'coordinator',
      ward: 'akiha',
      division: null,
      name: '山田 花子',
      issuedAt: '2026-12-07T00:00:00Z',
      issuedBy: 'admin',
    } as Parameters<typeof principalOfIssued>[0])!;
    expect(actorOf(p)).toBe('山田 花子');
  });
});

// `mokuhyo token`: issues a new random token (printed once) and the config line that stores only its SHA-256.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { tokenSha256 } from '../intake/auth.ts';
import type { Command } from './command.ts';

const USAGE = `使い方: mokuhyo token --role submitter --ward <区ID> --division <課名>
       mokuhyo token --role coordinator --ward <区ID>
       mokuhyo token --role admin

  新しいトークンを発行し、トークン（この一度だけ表示）と、設定ファイルの tokens に加える 1 行
  （トークンそのものではなく SHA-256 だけを含む）を表示します。トークンは利用者に安全な方法で渡してください。
`;

const ROLES = new Set(['submitter', 'coordinator', 'admin']);
const WARD = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export const tokenCommand: Command = async (args) => {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      ward: { type: 'string' },
      division: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const problem = check(values);
  if (problem) {
    process.stderr.write(`mokuhyo token: ${problem}\n\n${USAGE}`);
    return 2;
  }
  const token = randomBytes(32).toString('base64url');
  const role = values.role as 'submitter' | 'coordinator' | 'admin';
  const entry =
    role === 'admin'
      ? { tokenSha256: tokenSha256(token), role }
      : role === 'coordinator'
        ? { tokenSha256: tokenSha256(token), ward: values.ward, role }
        : { tokenSha256: tokenSha256(token), ward: values.ward, division: values.division, role };
  process.stdout.write(
    `トークン（この一度だけ表示します。利用者に渡し、控えは残さないでください）:\n${token}\n\n` +
      `設定ファイル（MOKUHYO_CONFIG）の "tokens" に加える行（serve と worker の再起動で有効になります）:\n${JSON.stringify(entry)}\n`,
  );
  return 0;
};

function check(values: {
  role?: string | undefined;
  ward?: string | undefined;
  division?: string | undefined;
}): string | null {
  if (!values.role) return '--role（submitter / coordinator / admin）を指定してください。';
  if (!ROLES.has(values.role))
    return `--role は submitter、coordinator、admin のいずれかです（指定: ${values.role}）。`;
  if (values.role === 'admin')
    return values.ward || values.division
      ? 'admin のトークンは区にも課にも属しません（--ward と --division は不要です）。'
      : null;
  if (!values.ward) return '--ward（区ID、例: akiha）を指定してください。';
  if (!WARD.test(values.ward)) return `--ward は英小文字・数字・ハイフンの区ID です（指定: ${values.ward}）。`;
  if (values.role === 'submitter' && !values.division)
    return 'submitter のトークンには --division（課名）を指定してください。';
  if (values.role === 'coordinator' && values.division)
    return 'coordinator のトークンは区全体のものです（--division は不要です）。';
  return null;
}

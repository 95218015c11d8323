/** Parsed CLI settings. */
export interface CliSettings {
  port: number;
  host: string;
  jwtSecret?: string;
  anonKey?: string;
  help: boolean;
}

/** `presence-kit-server --help` text. */
export const HELP = `presence-kit-server: a local Supabase-Realtime-compatible server (Presence and Broadcast)

Usage: presence-kit-server [options]

  --port <n>          port to listen on (env PORT, default 54321; 0 picks a free one)
  --host <addr>       interface to bind (env HOST, default 127.0.0.1)
  --jwt-secret <s>    HS256 secret for JWTs (env JWT_SECRET, default the Supabase CLI dev secret)
  --anon-key <jwt>    anon key to print (env ANON_KEY, default an anon JWT signed with the secret)
  --help              show this help

For development, tests and demos. Use hosted Supabase Realtime in production.
`;

// A Map: `--constructor` must be an unknown option, not Object's constructor.
const FLAGS = new Map<string, keyof Omit<CliSettings, 'help'>>([
  ['--port', 'port'],
  ['--host', 'host'],
  ['--jwt-secret', 'jwtSecret'],
  ['--anon-key', 'anonKey'],
]);

function readFlags(argv: readonly string[]): {
  values: Partial<Record<keyof Omit<CliSettings, 'help'>, string>>;
  help: boolean;
} {
  const values: Partial<Record<keyof Omit<CliSettings, 'help'>, string>> = {};
  let help = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const [flag = '', inline] = arg.split(/=(.*)/s, 2);
    const field = FLAGS.get(flag);
    if (!field) throw new Error(`unknown option ${arg} (see --help)`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    values[field] = value;
  }
  return { values, help };
}

/** Reads flags, falling back to PORT, HOST, JWT_SECRET and ANON_KEY. Throws on bad input. */
export function parseCliArgs(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): CliSettings {
  const { values, help } = readFlags(argv);
  const portText = values['port'] ?? env['PORT'] ?? '54321';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`invalid port ${portText}`);
  const settings: CliSettings = { port, host: values['host'] ?? env['HOST'] ?? '127.0.0.1', help };
  const jwtSecret = values['jwtSecret'] ?? env['JWT_SECRET'];
  const anonKey = values['anonKey'] ?? env['ANON_KEY'];
  if (jwtSecret) settings.jwtSecret = jwtSecret;
  if (anonKey) settings.anonKey = anonKey;
  return settings;
}

import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/server/node/cliArgs.js';

describe('the server CLI', () => {
  it('reads flags before env and env before defaults', () => {
    expect(parseCliArgs([], {})).toEqual({ port: 54321, host: '127.0.0.1', help: false });
    expect(
      parseCliArgs(['--port', '0', '--jwt-secret=s'], {
        PORT: '9',
        HOST: '0.0.0.0',
        ANON_KEY: 'k',
      }),
    ).toEqual({
      port: 0,
      host: '0.0.0.0',
      jwtSecret: 's',
      anonKey: 'k',
      help: false,
    });
    expect(() => parseCliArgs(['--nope'], {})).toThrow('unknown option --nope');
    expect(() => parseCliArgs(['__proto__', 'x'], {})).toThrow('unknown option __proto__');
    expect(() => parseCliArgs(['--port', 'x'], {})).toThrow('invalid port x');
  });

  it('prints one ready line with the URL and anon key, serves health and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/server/node/cli.ts', '--port', '0'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('\n')) resolve(out.trim());
        });
        child.on('exit', () => reject(new Error(`exited early: ${out}`)));
      });
      const [, url, key] = /url=(http:\/\/127\.0\.0\.1:\d+) anonKey=(\S+)$/.exec(line) ?? [];
      expect(key).toMatch(/^eyJ/);
      expect((await fetch(`${url}/health`)).status).toBe(200);
      const exit = new Promise<number | null>((resolve) =>
        child.on('exit', (code) => resolve(code)),
      );
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

/**
 * A lab for unit tests: an Engine whose nodes run the simulated programs that exist,
 * and a `docker(args)` that runs the CLI on a node and drives the virtual clock until
 * it is done, as the headless runner does.
 */
import { Engine, type EngineOptions } from '../../src/sim-engine/hosts/engine.ts';
import { drive } from '../../src/sim-engine/headless/drive.ts';
import type { Program } from '../../src/sim-engine/process/types.ts';
import { labPrograms } from './programs.ts';

export interface Result {
  out: string;
  /** stdout alone */
  stdout: string;
  stderr: string;
  status: number;
  finished: boolean;
}

export interface TestLab {
  engine: Engine;
  /** `docker …` on a node (node1 by default); `args` as an array, or a string split on spaces */
  docker(
    args: string | string[],
    options?: { node?: string; stdin?: string; env?: Record<string, string> },
  ): Promise<Result>;
  /** advance virtual time */
  sleep(ms: number): Promise<void>;
}

export const yieldToEngine = () => new Promise<void>((r) => setImmediate(r));

export function testLab(options: Partial<EngineOptions> = {}): TestLab {
  const { programs, utilities } = labPrograms();
  const engine = new Engine({
    programs,
    utilities,
    shell: 'bash',
    seed: 'test',
    pulledImages: true,
    ...options,
  });
  return {
    engine,
    async docker(args, o = {}) {
      const argv = typeof args === 'string' ? args.split(' ').filter(Boolean) : args;
      const host = engine.host(o.node);
      let out = '';
      let stdout = '';
      let stderr = '';
      let input = o.stdin;
      const proc = host.processes.spawn('docker', ['docker', ...argv], {
        fs: host.fs,
        env: new Map([['HOME', '/root'], ...Object.entries(o.env ?? {})]),
        cwd: '/root',
        stdin: {
          read: async () => {
            const v = input ?? null;
            input = undefined;
            return v;
          },
        },
        stdout: {
          write: (t) => {
            out += t;
            stdout += t;
          },
        },
        stderr: {
          write: (t) => {
            out += t;
            stderr += t;
          },
        },
      });
      const r = await drive(proc.wait(), { clock: engine.clock, yieldToEngine });
      return { out, stdout, stderr, status: r.finished ? (r.value as number) : -1, finished: r.finished };
    },
    async sleep(ms) {
      const until = engine.clock.now() + ms;
      while (engine.clock.nextDue() !== undefined && engine.clock.nextDue()! <= until) {
        engine.clock.advanceTo(engine.clock.nextDue()!);
        await yieldToEngine();
      }
      engine.clock.advanceTo(until);
      await yieldToEngine();
    },
  };
}

export type { Program };

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getoptMessage, parseOptions } from './getopt.ts';
import type { CommandSpec } from './getopt.ts';

const LS: CommandSpec = {
  options: [
    { key: 'l', short: 'l' },
    { key: 'a', short: 'a', long: 'all' },
    { key: 'A', short: 'A', long: 'almost-all' },
    { key: 'w', short: 'w', long: 'width', arg: 'required' },
    { key: 'color', long: 'color', arg: 'optional' },
  ],
};

describe('parseOptions', () => {
  it('combines short options and mixes operands', () => {
    const r = parseOptions(['-la', 'dir', '-A'], LS);
    expect(r.ok && r.options.list.map((o) => o.key)).toEqual(['l', 'a', 'A']);
    expect(r.ok && r.operands).toEqual(['dir']);
  });

  it('takes arguments attached or next', () => {
    const r1 = parseOptions(['-w80'], LS);
    const r2 = parseOptions(['-w', '80'], LS);
    const r3 = parseOptions(['--width=80'], LS);
    const r4 = parseOptions(['--wid', '80'], LS);
    for (const r of [r1, r2, r3, r4]) expect(r.ok && r.options.last('w')).toBe('80');
  });

  it('stops at -- and keeps a lone -', () => {
    const r = parseOptions(['-', '--', '-l'], LS);
    expect(r.ok && r.operands).toEqual(['-', '-l']);
  });

  it('reports errors as glibc and musl word them', () => {
    const bad = parseOptions(['-z'], LS);
    expect(!bad.ok && getoptMessage('ls', bad.error, 'glibc')).toBe("ls: invalid option -- 'z'");
    expect(!bad.ok && getoptMessage('ls', bad.error, 'musl')).toBe('ls: unrecognized option: z');
    const amb = parseOptions(['--al'], LS);
    expect(!amb.ok && getoptMessage('ls', amb.error, 'glibc')).toBe(
      "ls: option '--al' is ambiguous; possibilities: '--all' '--almost-all'",
    );
    const extra = parseOptions(['--all=3'], LS);
    expect(!extra.ok && getoptMessage('ls', extra.error, 'glibc')).toBe(
      "ls: option '--all' doesn't allow an argument",
    );
    const unknown = parseOptions(['--foo=bar'], LS);
    expect(!unknown.ok && getoptMessage('ls', unknown.error, 'glibc')).toBe(
      "ls: unrecognized option '--foo=bar'",
    );
    const missing = parseOptions(['-w'], LS);
    expect(!missing.ok && getoptMessage('ls', missing.error, 'glibc')).toBe(
      "ls: option requires an argument -- 'w'",
    );
    expect(!missing.ok && getoptMessage('ls', missing.error, 'musl')).toBe(
      'ls: option requires an argument: w',
    );
  });

  it('stops at the first operand when asked', () => {
    const r = parseOptions(['-i', 'cmd', '-l'], { options: [{ key: 'i', short: 'i' }], stopAtOperand: true });
    expect(r.ok && r.operands).toEqual(['cmd', '-l']);
  });

  it('reads -NUM when asked', () => {
    const r = parseOptions(['-5', 'f'], { options: [], numberKey: 'n' });
    expect(r.ok && r.options.last('n')).toBe('5');
  });

  it('never throws, and every operand came from the arguments', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string(), fc.constantFrom('-l', '-la', '-w', '--', '-', '--all', '--w=3', '--col')),
        ),
        (args) => {
          const r = parseOptions(args, LS);
          if (r.ok) for (const op of r.operands) expect(args).toContain(op);
          else expect(getoptMessage('ls', r.error, 'glibc')).toMatch(/^ls: /);
        },
      ),
    );
  });
});

/**
 * `alias` and `unalias`.
 */
import type { Builtin } from './types.ts';

const quote = (v: string) => `'${v.replace(/'/g, `'\\''`)}'`;

export const alias: Builtin = {
  run(call) {
    const sh = call.sh;
    const aliases = sh.state.aliases;
    const bash = sh.dialect.name === 'bash';
    const show = (n: string) => `${bash ? 'alias ' : ''}${n}=${quote(aliases.get(n)!)}\n`;
    const args = call.argv.slice(1).filter((a) => a !== '-p');
    let out = '';
    let status = 0;
    if (!args.length) for (const n of [...aliases.keys()].sort()) out += show(n);
    for (const a of args) {
      const eq = a.indexOf('=');
      if (eq > 0) aliases.set(a.slice(0, eq), a.slice(eq + 1));
      else if (aliases.has(a)) out += show(a);
      else {
        status = 1;
        if (bash) {
          call.io.stdout.write(out);
          out = '';
          call.error(`${a}: not found`);
        } else out += `alias: ${a} not found\n`;
      }
    }
    call.io.stdout.write(out);
    return status;
  },
};

export const unalias: Builtin = {
  run(call) {
    const sh = call.sh;
    const args = call.argv.slice(1);
    if (args[0] === '-a') {
      sh.state.aliases.clear();
      return 0;
    }
    let status = 0;
    for (const a of args) {
      if (sh.state.aliases.delete(a)) continue;
      status = 1;
      if (sh.dialect.name === 'bash') call.error(`${a}: not found`);
      else call.io.stdout.write(`unalias: ${a} not found\n`);
    }
    return status;
  },
};

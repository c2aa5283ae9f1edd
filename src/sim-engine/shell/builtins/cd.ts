/**
 * `cd` and `pwd`. cd is logical, as in every shell by default: `..` is taken off the
 * path by text (`cd link/..` goes back where it came from), and the result must be
 * a directory that exists. PWD and OLDPWD follow.
 */
import { resolve } from '../../fs/path.ts';
import type { Builtin, BuiltinCall } from './types.ts';

function fail(call: BuiltinCall, dir: string, reason: string): number {
  const sh = call.sh;
  switch (sh.dialect.name) {
    case 'bash':
      call.error(`${dir}: ${reason}`);
      return 1;
    case 'dash':
      call.error(`can't cd to ${dir}`);
      return 2;
    case 'busybox':
      call.error(`can't cd to ${dir}: ${reason}`);
      return 2;
  }
}

export const cd: Builtin = {
  run(call) {
    const sh = call.sh;
    const vars = sh.state.vars;
    const args = call.argv.slice(1).filter((a, i) => !(i === 0 && (a === '-L' || a === '-P' || a === '--')));
    if (args.length > 1 && sh.dialect.name === 'bash') {
      call.error('too many arguments');
      return 1;
    }
    let dir = args[0];
    let print = false;
    if (dir === undefined) {
      const home = vars.get('HOME');
      if (home === undefined) {
        if (sh.dialect.name === 'bash') {
          call.error('HOME not set');
          return 1;
        }
        return 0;
      }
      if (home === '') return 0;
      dir = home;
    } else if (dir === '-') {
      const old = vars.get('OLDPWD');
      if (old === undefined) {
        if (sh.dialect.name === 'bash') {
          call.error('OLDPWD not set');
          return 1;
        }
        dir = sh.state.cwd;
      } else dir = old;
      print = true;
    }
    if (dir === '') return 0;
    const target = resolve(sh.state.cwd, dir).replace(/(.)\/$/, '$1');
    const st = sh.ctx.fs.stat(target);
    if (!st) return fail(call, dir, 'No such file or directory');
    if (st.kind !== 'dir') return fail(call, dir, 'Not a directory');
    const user = sh.ctx.user;
    if (user.uid !== 0) {
      const bits = st.uid === user.uid ? st.mode >> 6 : st.gid === user.gid ? st.mode >> 3 : st.mode;
      if (!(bits & 1)) return fail(call, dir, 'Permission denied');
    }
    const old = sh.state.cwd;
    sh.state.cwd = target;
    vars.set('OLDPWD', vars.get('PWD') ?? old);
    vars.set('PWD', target);
    if (print) call.io.stdout.write(`${target}\n`);
    return 0;
  },
};

export const pwd: Builtin = {
  run(call) {
    const sh = call.sh;
    let dir = sh.state.cwd;
    if (call.argv.includes('-P')) {
      try {
        dir = sh.ctx.fs.realpath(dir);
      } catch {
        // a directory removed under us: print what we have
      }
    }
    call.io.stdout.write(`${dir}\n`);
    return 0;
  },
};

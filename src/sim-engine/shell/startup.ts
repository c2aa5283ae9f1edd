/**
 * The variables a shell sets for itself when it starts, as each real shell does
 * with an empty environment (`env -i bash -c 'export -p'` and friends).
 */
import type { ProcessContext } from '../process/types.ts';
import type { Dialect } from './dialect.ts';
import { ShellState } from './state.ts';
import { Vars } from './vars.ts';

const DEFAULT_PATH: Record<Dialect['name'], string> = {
  bash: '/usr/local/bin:/usr/local/sbin:/usr/bin:/usr/sbin:/bin:/sbin:.',
  dash: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  busybox: '/sbin:/usr/sbin:/bin:/usr/bin',
};

export function initialState(
  ctx: ProcessContext,
  dialect: Dialect,
  arg0: string,
  interactive: boolean,
): ShellState {
  const vars = Vars.fromEnv(ctx.env);
  const state = new ShellState(vars, ctx.cwd, arg0);
  state.options.interactive = interactive;
  const d = dialect.name;
  if (!vars.has('PATH')) {
    if (d === 'busybox') vars.export('PATH', DEFAULT_PATH[d]);
    else vars.set('PATH', DEFAULT_PATH[d]);
  }
  vars.export('PWD', ctx.cwd);
  if (d !== 'dash') {
    const level = Number(vars.get('SHLVL') ?? '0');
    vars.export('SHLVL', String(Number.isFinite(level) ? level + 1 : 1));
  }
  vars.set('OPTIND', '1');
  vars.set('PS4', '+ ');
  if (interactive || d !== 'bash') vars.set('PS2', '> ');
  const self = ctx.processes().find((p) => p.pid === ctx.pid);
  if (self) vars.set('PPID', String(self.ppid));
  if (d === 'bash' || d === 'busybox') vars.set('HOSTNAME', ctx.hostname);
  if (d === 'bash') {
    vars.set('BASH', '/bin/bash');
    vars.set('BASH_VERSION', '5.2.15(1)-release');
    vars.set('HOSTTYPE', 'x86_64');
    vars.set('OSTYPE', 'linux-gnu');
    vars.set('MACHTYPE', 'x86_64-pc-linux-gnu');
    vars.setReadonly('UID', String(ctx.user.uid));
    vars.setReadonly('EUID', String(ctx.user.uid));
    if (!vars.entry('OLDPWD')) vars.export('OLDPWD');
    state.expandAliases = interactive;
  }
  return state;
}

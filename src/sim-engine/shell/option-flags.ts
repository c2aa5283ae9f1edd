/**
 * `$-`, the letters of the options that are on, in each shell's own order.
 */
import type { Interp } from './interp.ts';

/** `$-`: the options on, as each shell lists them (bash -c: `hBc`). */
export function optionFlags(sh: Interp): string {
  const o = sh.state.options;
  const on = (b: boolean, c: string) => (b ? c : '');
  const common = on(o.errexit, 'e') + on(o.noglob, 'f');
  switch (sh.dialect.name) {
    case 'bash':
      return (
        on(o.allexport, 'a') +
        common +
        'h' +
        on(sh.interactive, 'im') +
        on(o.noexec, 'n') +
        on(o.nounset, 'u') +
        on(o.verbose, 'v') +
        on(o.xtrace, 'x') +
        'B' +
        on(o.noclobber, 'C') +
        on(sh.interactive, 'H') +
        (sh.mode === 'c' ? 'c' : sh.mode === 'script' ? '' : 's')
      );
    case 'dash':
      return (
        common +
        on(sh.interactive, 'i') +
        on(o.xtrace, 'x') +
        on(o.verbose, 'v') +
        on(o.noclobber, 'C') +
        on(o.allexport, 'a') +
        on(o.nounset, 'u')
      );
    case 'busybox':
      return (
        on(sh.mode === 'c', 'c') + common + on(sh.interactive, 'i') + on(o.xtrace, 'x') + on(o.nounset, 'u')
      );
  }
}

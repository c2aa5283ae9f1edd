/**
 * Programs a package installs that the simulation does not run: full-screen ones
 * (editors, top) say so honestly, others say they are not simulated, and a few answer
 * the one question people ask them (`git --version`, `lsb_release -a`).
 * less and more copy their input, as they do when the output is not a terminal.
 */
import type { Program } from '../../../process/types.ts';
import { distroOf } from '../support/distro.ts';
import { cat } from '../files/cat.ts';

function nameOf(argv0: string | undefined, fallback: string): string {
  const n = argv0 ?? fallback;
  return n.slice(n.lastIndexOf('/') + 1) || fallback;
}

/** vim, vi, nano, top, htop, watch: they need a full-screen terminal. */
export const fullScreen: Program = async (ctx) => {
  const name = nameOf(ctx.argv[0], 'vi');
  ctx.stderr.write(
    `${name}: full-screen programs are not available in this simulator. ` +
      `Edit files in the editor panel, or write them with a here-document: cat > FILE <<'EOF'\n`,
  );
  return 1;
};

/** A program a package installs that Dockyard does not simulate. */
export const notSimulated: Program = async (ctx) => {
  const name = nameOf(ctx.argv[0], 'program');
  ctx.stderr.write(`${name}: this program is installed but not simulated in Dockyard\n`);
  return 1;
};

/** less and more: without a terminal to page on, they copy like cat. */
export const pager: Program = async (ctx) => {
  const files = ctx.argv.slice(1).filter((a) => !a.startsWith('-') || a === '-');
  return cat({ ...ctx, argv: ['cat', ...files], variant: 'gnu' });
};

export const git: Program = async (ctx) => {
  if (ctx.argv[1] === '--version' || ctx.argv[1] === 'version') {
    const ubuntu = distroOf(ctx.fs).id === 'ubuntu';
    const alpine = ctx.fs.stat('/etc/alpine-release') !== undefined;
    ctx.stdout.write(`git version ${ubuntu ? '2.43.0' : alpine ? '2.49.1' : '2.47.3'}\n`);
    return 0;
  }
  return notSimulated(ctx);
};

export const lsbRelease: Program = async (ctx) => {
  let text = '';
  try {
    text = ctx.fs.readFile('/etc/os-release');
  } catch {
    // none
  }
  const field = (name: string) => new RegExp(`^${name}="?([^"\\n]*)"?$`, 'm').exec(text)?.[1] ?? 'n/a';
  const id = field('NAME').split(' ')[0] ?? 'n/a';
  const rows: [string, string, string][] = [
    ['i', 'Distributor ID', id],
    ['d', 'Description', field('PRETTY_NAME')],
    ['r', 'Release', field('VERSION_ID')],
    ['c', 'Codename', field('VERSION_CODENAME')],
  ];
  const flags = ctx.argv.slice(1).join('').replace(/-/g, '');
  const all = flags.includes('a');
  const short = flags.includes('s');
  ctx.stderr.write('No LSB modules are available.\n');
  for (const [flag, label, value] of rows) {
    if (!all && !flags.includes(flag)) continue;
    ctx.stdout.write(short ? `${value}\n` : `${label}:\t${value}\n`);
  }
  return 0;
};

export const updateCaCertificates: Program = async (ctx) => {
  ctx.stdout.write(
    'Updating certificates in /etc/ssl/certs...\n0 added, 0 removed; done.\nRunning hooks in /etc/ca-certificates/update.d...\ndone.\n',
  );
  return 0;
};

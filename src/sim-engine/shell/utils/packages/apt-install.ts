/**
 * apt's install and remove: resolving what to add, the summary in apt-get's or apt
 * 3.0's words, the prompt, the downloads, and dpkg's unpack/setup lines; then the
 * package files really land in the file system.
 */
import type { ProcessContext } from '../../../process/types.ts';
import { readLines } from '../support/io.ts';
import { columnList, wrappedList } from './apt-output.ts';
import { BASE_PACKAGES, closure, findPackage, providerOf } from './deb-catalogue.ts';
import type { DebPackage, Flavour } from './deb-catalogue.ts';
import { installedPackages, listsPresent, recordInstalled, recordRemoved } from './dpkg-state.ts';
import { placeFiles, removeFiles, sizeToStr } from './install-files.ts';
import { DEBIAN_FILES } from './package-files.ts';

const AVAILABLE_BYTES = 37_030_180 * 1024;

export interface Run {
  ctx: ProcessContext;
  binary: 'apt' | 'apt-get';
  flavour: Flavour;
  /** apt 3.0's new output (the `apt` binary on trixie) */
  v30: boolean;
  quiet: number;
  yes: boolean;
  out: (text: string) => void;
}

const shownName = (p: DebPackage) =>
  p.multiArch ? `${p.name}:${p.arch === 'all' ? 'amd64' : p.arch}` : p.name;

export function progressLines(r: Run, withTree: boolean): void {
  if (r.quiet >= 1) return;
  const done = r.ctx.tty ? ' Done' : '';
  r.out(`Reading package lists...${done}\n`);
  if (withTree) r.out(`Building dependency tree...${done}\nReading state information...${done}\n`);
}

export function error(r: Run, message: string): void {
  r.ctx.stderr.write(`E: ${message}\n`);
}

async function confirm(r: Run): Promise<boolean> {
  const question = r.v30 ? 'Continue? [Y/n] ' : 'Do you want to continue? [Y/n] ';
  r.out(question);
  let answer: string | undefined;
  if (r.ctx.tty) {
    for await (const { line } of readLines(r.ctx.stdin)) {
      answer = line;
      break;
    }
  }
  if (answer !== undefined && /^(y|yes|)$/i.test(answer.trim())) return true;
  r.out('Abort.\n');
  return false;
}

function archiveLine(r: Run, p: DebPackage, n: number): string {
  const ubuntu = r.flavour.id === 'ubuntu';
  const suite = ubuntu && r.flavour.overrides[p.name] ? `${r.flavour.codename}-updates` : r.flavour.codename;
  return `Get:${n} ${r.flavour.mirror} ${suite}/${p.component} amd64 ${p.name} ${p.arch} ${p.version} [${sizeToStr(p.size)}B]\n`;
}

function debName(p: DebPackage): string {
  return `${p.name}_${p.version.replace(/:/g, '%3a')}_${p.arch}.deb`;
}

export async function install(
  r: Run,
  names: string[],
  options: { recommends: boolean; simulate: boolean; reinstall: boolean },
): Promise<number> {
  const { ctx } = r;
  progressLines(r, true);
  const installed = installedPackages(ctx.fs);
  const haveLists = listsPresent(ctx.fs);
  const wanted: string[] = [];
  let failed = false;
  for (const raw of names) {
    const name = raw.replace(/=.*$/, '').replace(/:amd64$/, '');
    const provider = providerOf(name);
    if (haveLists && provider && !findPackage(name, r.flavour)) {
      r.out(`Note, selecting '${provider}' instead of '${name}'\n`);
      wanted.push(provider);
      continue;
    }
    if (!haveLists || !findPackage(name, r.flavour)) {
      if (!installed.has(name)) {
        error(r, `Unable to locate package ${name}`);
        failed = true;
        continue;
      }
    }
    wanted.push(name);
  }
  if (failed) return 100;
  const already = wanted.filter((n) => installed.has(n) && !options.reinstall);
  for (const n of already) {
    const version = installed.get(n) || findPackage(n, r.flavour)?.version || '';
    r.out(`${n} is already the newest version (${version}).\n`);
  }
  const isInstalled = (n: string) => installed.has(n) && !(options.reinstall && wanted.includes(n));
  const pkgs = closure(
    wanted.filter((n) => !already.includes(n)),
    isInstalled,
    r.flavour,
    options.recommends,
  );
  const sorted = [...pkgs].map((p) => p.name).sort();
  const extra = sorted.filter((n) => !wanted.includes(n));
  const downloadBytes = pkgs.reduce((s, p) => s + p.size, 0);
  const diskBytes = pkgs.reduce((s, p) => s + p.installedKiB * 1024, 0);
  if (r.v30) {
    const direct = sorted.filter((n) => wanted.includes(n));
    r.out(columnList('Installing:', direct));
    r.out(columnList('Installing dependencies:', extra));
    r.out(`Summary:\n  Upgrading: 0, Installing: ${pkgs.length}, Removing: 0, Not Upgrading: 0\n`);
    if (pkgs.length > 0) {
      r.out(`  Download size: ${sizeToStr(downloadBytes)}B\n`);
      r.out(`  Space needed: ${sizeToStr(diskBytes)}B / ${sizeToStr(AVAILABLE_BYTES)}B available\n`);
    }
  } else {
    r.out(wrappedList('The following additional packages will be installed:', extra));
    r.out(wrappedList('The following NEW packages will be installed:', sorted));
    r.out(`0 upgraded, ${pkgs.length} newly installed, 0 to remove and 0 not upgraded.\n`);
    if (pkgs.length > 0) {
      r.out(`Need to get ${sizeToStr(downloadBytes)}B of archives.\n`);
      r.out(`After this operation, ${sizeToStr(diskBytes)}B of additional disk space will be used.\n`);
    }
  }
  if (pkgs.length === 0) return 0;
  if (options.simulate) {
    for (const p of pkgs)
      r.out(
        `Inst ${p.name} (${p.version} ${r.flavour.id === 'ubuntu' ? 'Ubuntu' : 'Debian'}:${r.flavour.codename} [${p.arch}])\n`,
      );
    for (const p of pkgs)
      r.out(
        `Conf ${p.name} (${p.version} ${r.flavour.id === 'ubuntu' ? 'Ubuntu' : 'Debian'}:${r.flavour.codename} [${p.arch}])\n`,
      );
    return 0;
  }
  if (extra.length > 0 && !r.yes && r.quiet < 2 && !(await confirm(r))) return 1;
  if (r.v30) r.out('\n');
  if (r.quiet < 2) pkgs.forEach((p, i) => r.out(archiveLine(r, p, i + 1)));
  const hasDebconf = pkgs.some((p) => p.name === 'ca-certificates' || p.name === 'tzdata');
  if (hasDebconf)
    ctx.stderr.write('debconf: delaying package configuration, since apt-utils is not installed\n');
  await ctx.sleep(1000);
  if (r.quiet < 2) r.out(`Fetched ${sizeToStr(downloadBytes)}B in 1s (${sizeToStr(downloadBytes)}B/s)\n`);
  // dpkg: unpack everything, then configure
  const width = Math.max(2, String(pkgs.length - 1).length);
  // the base image's entries, and a rough two dozen for every package added since
  let files = r.flavour.baseFiles + Math.max(0, installed.size - BASE_PACKAGES.size) * 25;
  pkgs.forEach((p, i) => {
    r.out(`Selecting previously unselected package ${shownName(p)}.\n`);
    if (i === 0) r.out(`(Reading database ... ${files} files and directories currently installed.)\n`);
    r.out(
      `Preparing to unpack .../${pkgs.length > 1 ? `${String(i).padStart(width, '0')}-` : ''}${debName(p)} ...\n`,
    );
    r.out(`Unpacking ${shownName(p)} (${p.version}) ...\n`);
    files += Math.max(3, Math.round(p.installedKiB / 40));
  });
  for (const p of pkgs) {
    r.out(`Setting up ${shownName(p)} (${p.version}) ...\n`);
    r.out(setupNotes(p));
    placeFiles(ctx.fs, DEBIAN_FILES[p.name] ?? []);
  }
  if (pkgs.some((p) => p.name.startsWith('lib')))
    r.out(`Processing triggers for libc-bin (${r.flavour.libcBin}) ...\n`);
  if (pkgs.some((p) => p.name === 'ca-certificates')) {
    r.out(
      `Processing triggers for ca-certificates (${findPackage('ca-certificates', r.flavour)?.version ?? r.flavour.caCertificates}) ...\nUpdating certificates in /etc/ssl/certs...\n0 added, 0 removed; done.\nRunning hooks in /etc/ca-certificates/update.d...\ndone.\n`,
    );
  }
  recordInstalled(ctx.fs, pkgs);
  return 0;
}

function setupNotes(p: DebPackage): string {
  switch (p.name) {
    case 'ca-certificates':
      return 'Updating certificates in /etc/ssl/certs...\n146 added, 0 removed; done.\n';
    case 'vim':
      return ['vim', 'vimdiff', 'rvim', 'rview', 'vi', 'view', 'ex', 'editor']
        .map(
          (n) =>
            `update-alternatives: using /usr/bin/vim.basic to provide /usr/bin/${n === 'editor' ? 'editor' : n} (${n}) in auto mode\n`,
        )
        .join('');
    case 'less':
      return 'update-alternatives: using /usr/bin/less to provide /usr/bin/pager (pager) in auto mode\n';
    case 'netcat-openbsd':
      return 'update-alternatives: using /bin/nc.openbsd to provide /bin/nc (nc) in auto mode\n';
    default:
      return '';
  }
}

export async function remove(r: Run, names: string[], purge: boolean): Promise<number> {
  progressLines(r, true);
  const installed = installedPackages(r.ctx.fs);
  const present = names.filter((n) => installed.has(n));
  for (const n of names.filter((x) => !installed.has(x))) {
    if (!findPackage(n, r.flavour)) {
      error(r, `Unable to locate package ${n}`);
      return 100;
    }
    r.out(`Package '${n}' is not installed, so not removed\n`);
  }
  if (present.length === 0) {
    r.out('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
    return 0;
  }
  const pkgs = present.map((n) => findPackage(n, r.flavour)).filter((p): p is DebPackage => p !== undefined);
  r.out(
    wrappedList('The following packages will be REMOVED:', present.map((n) => (purge ? `${n}*` : n)).sort()),
  );
  r.out(`0 upgraded, 0 newly installed, ${present.length} to remove and 0 not upgraded.\n`);
  const freed = pkgs.reduce((s, p) => s + p.installedKiB * 1024, 0);
  r.out(`After this operation, ${sizeToStr(freed)}B disk space will be freed.\n`);
  if (!r.yes && r.quiet < 2 && !(await confirm(r))) return 1;
  r.out(`(Reading database ... ${r.flavour.baseFiles} files and directories currently installed.)\n`);
  for (const p of pkgs) {
    r.out(`Removing ${shownName(p)} (${p.version}) ...\n`);
    removeFiles(r.ctx.fs, DEBIAN_FILES[p.name] ?? []);
  }
  recordRemoved(r.ctx.fs, present);
  return 0;
}

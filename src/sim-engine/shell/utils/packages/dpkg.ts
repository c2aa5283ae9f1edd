/**
 * dpkg and apt-cache as scripts and Dockerfiles use them: `dpkg --print-architecture`,
 * `dpkg -l [PATTERN]`, `dpkg -s PKG`, `dpkg -L PKG`; `apt-cache policy PKG`,
 * `apt-cache show PKG`, `apt-cache search WORD`.
 */
import type { Program } from '../../../process/types.ts';
import { fnmatch } from '../support/fnmatch.ts';
import { findPackage, flavourOf, providerOf } from './deb-catalogue.ts';
import { installedPackages, listsPresent } from './dpkg-state.ts';
import { DEBIAN_FILES } from './package-files.ts';
import { TRIXIE_PACKAGES } from './debian-trixie.ts';

export const dpkg: Program = async (ctx) => {
  const [cmd, ...args] = ctx.argv.slice(1);
  const flavour = flavourOf(ctx.fs);
  const installed = installedPackages(ctx.fs);
  const version = (name: string) => installed.get(name) || findPackage(name, flavour)?.version || '';
  switch (cmd) {
    case '--print-architecture':
      ctx.stdout.write('amd64\n');
      return 0;
    case '--print-foreign-architectures':
      return 0;
    case '--version':
      ctx.stdout.write(
        `Debian 'dpkg' package management program version ${flavour.id === 'ubuntu' ? '1.22.6ubuntu6.1' : '1.22.21'} (amd64).\n`,
      );
      return 0;
    case '-l':
    case '--list': {
      const names = [...installed.keys()]
        .sort()
        .filter((n) => args.length === 0 || args.some((p) => fnmatch(p, n)));
      if (names.length === 0) {
        ctx.stderr.write(`dpkg-query: no packages found matching ${args.join(' ')}\n`);
        return 1;
      }
      const header = [
        'Desired=Unknown/Install/Remove/Purge/Hold',
        '| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend',
        '|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)',
        '||/ Name           Version      Architecture Description',
        '+++-==============-============-============-=================================',
      ];
      const rows = names.map(
        (n) =>
          `ii  ${n.padEnd(14)} ${version(n).padEnd(12)} ${(findPackage(n, flavour)?.arch ?? 'amd64').padEnd(12)} ${n}`,
      );
      ctx.stdout.write([...header, ...rows].join('\n') + '\n');
      return 0;
    }
    case '-s':
    case '--status': {
      let status = 0;
      for (const n of args) {
        if (!installed.has(n)) {
          ctx.stderr.write(
            `dpkg-query: package '${n}' is not installed and no information is available\nUse dpkg --info (= dpkg-deb --info) to examine archive files.\n`,
          );
          status = 1;
          continue;
        }
        const p = findPackage(n, flavour);
        ctx.stdout.write(
          `Package: ${n}\nStatus: install ok installed\nArchitecture: ${p?.arch ?? 'amd64'}\nVersion: ${version(n)}\n\n`,
        );
      }
      return status;
    }
    case '-L':
    case '--listfiles':
      for (const n of args) {
        if (!installed.has(n)) {
          ctx.stderr.write(`dpkg-query: package '${n}' is not installed\n`);
          return 1;
        }
        ctx.stdout.write((DEBIAN_FILES[n] ?? []).map((f) => f.path + '\n').join(''));
      }
      return 0;
    default:
      ctx.stderr.write(
        `dpkg: error: need an action option\n\nType dpkg --help for help about installing and deinstalling packages [*];\nUse 'apt' or 'aptitude' for user-friendly package management;\nType dpkg -Dhelp for a list of dpkg debug flag values;\nType dpkg --force-help for a list of forcing options;\nType dpkg-deb --help for help about manipulating *.deb files;\n\nOptions marked [*] produce a lot of output - pipe it through 'less' or 'more' !\n`,
      );
      return 2;
  }
};

export const aptCache: Program = async (ctx) => {
  const [cmd, ...args] = ctx.argv.slice(1);
  const flavour = flavourOf(ctx.fs);
  const lists = listsPresent(ctx.fs);
  const installed = installedPackages(ctx.fs);
  switch (cmd) {
    case 'policy':
      for (const raw of args) {
        const n = providerOf(raw) ?? raw;
        const p = lists ? findPackage(n, flavour) : undefined;
        const current = installed.get(n);
        ctx.stdout.write(
          `${n}:\n  Installed: ${current === undefined ? '(none)' : current || p?.version || ''}\n  Candidate: ${p?.version ?? current ?? '(none)'}\n  Version table:\n` +
            (p
              ? `     ${p.version} 500\n        500 ${flavour.mirror} ${flavour.codename}/main amd64 Packages\n`
              : ''),
        );
      }
      return 0;
    case 'show':
    case 'search': {
      if (!lists) {
        if (cmd === 'show') {
          ctx.stderr.write(`E: No packages found\n`);
          return 100;
        }
        return 0;
      }
      if (cmd === 'search') {
        const re = new RegExp(args.join('|') || '.', 'i');
        for (const [name] of TRIXIE_PACKAGES) if (re.test(name)) ctx.stdout.write(`${name} - ${name}\n`);
        return 0;
      }
      let status = 0;
      for (const n of args) {
        const p = findPackage(providerOf(n) ?? n, flavour);
        if (!p) {
          ctx.stderr.write(`E: No packages found\n`);
          status = 100;
          continue;
        }
        ctx.stdout.write(
          `Package: ${p.name}\nVersion: ${p.version}\nArchitecture: ${p.arch}\nInstalled-Size: ${p.installedKiB}\nDepends: ${p.depends.map((d) => d.join(' | ')).join(', ')}\nSize: ${p.size}\n\n`,
        );
      }
      return status;
    }
    default:
      ctx.stderr.write(`E: Invalid operation ${cmd ?? ''}\n`);
      return 100;
  }
};

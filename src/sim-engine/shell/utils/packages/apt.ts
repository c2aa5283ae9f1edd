/**
 * apt-get and apt on Debian and Ubuntu images: update, install (-y, -q, -qq,
 * --no-install-recommends, -s), reinstall, remove/purge, upgrade, clean, autoremove,
 * show, list --installed. Output follows apt 3.0 (trixie) and 2.7 (noble): apt-get
 * keeps the classic text; the `apt` binary of apt 3.0 uses its new Summary format.
 * Installing really adds the packages' programs to the file system (package-files.ts).
 *
 * Differs from apt: no "Suggested packages:" block (the catalogue has no Suggests);
 * debconf's frontend warnings are not printed.
 */
import type { Program } from '../../../process/types.ts';
import { parseOptions } from '../support/getopt.ts';
import { error, install, progressLines, remove } from './apt-install.ts';
import type { Run } from './apt-install.ts';
import { findPackage, flavourOf, providerOf } from './deb-catalogue.ts';
import { installedPackages, listsPresent, writeLists } from './dpkg-state.ts';
import { sizeToStr } from './install-files.ts';

async function update(r: Run): Promise<number> {
  const again = listsPresent(r.ctx.fs);
  let total = 0;
  r.flavour.indexes.forEach(([url, size], i) => {
    if (r.quiet >= 2) return;
    r.out(again ? `Hit:${i + 1} ${url}\n` : `Get:${i + 1} ${url} [${size}]\n`);
    total += 1;
  });
  await r.ctx.sleep(again ? 300 : 1000);
  if (!again && r.quiet < 2 && total > 0)
    r.out(
      `Fetched ${sizeToStr(r.flavour.fetchedKb * 1000)}B in 1s (${sizeToStr(r.flavour.fetchedKb * 1000)}B/s)\n`,
    );
  writeLists(r.ctx.fs, r.flavour);
  progressLines(r, r.binary === 'apt');
  if (r.binary === 'apt' && r.quiet < 2) r.out('All packages are up to date.\n');
  return 0;
}

export function makeApt(binary: 'apt' | 'apt-get'): Program {
  return async (ctx) => {
    const flavour = flavourOf(ctx.fs);
    const parsed = parseOptions(ctx.argv.slice(1), {
      options: [
        { key: 'y', short: 'y', long: 'yes' },
        { key: 'y', long: 'assume-yes' },
        { key: 'q', short: 'q', long: 'quiet', arg: 'optional' },
        { key: 's', short: 's', long: 'simulate' },
        { key: 's', long: 'dry-run' },
        { key: 's', long: 'just-print' },
        { key: 'no-install-recommends', long: 'no-install-recommends' },
        { key: 'install-recommends', long: 'install-recommends' },
        { key: 'reinstall', long: 'reinstall' },
        { key: 'purge', long: 'purge' },
        { key: 'f', short: 'f', long: 'fix-broken' },
        { key: 'o', short: 'o', long: 'option', arg: 'required' },
        { key: 'V', short: 'v', long: 'version' },
        { key: 'h', short: 'h', long: 'help' },
        { key: 'installed', long: 'installed' },
        { key: 'upgradable', long: 'upgradable' },
        { key: 'allow', long: 'allow-unauthenticated' },
        { key: 'allow', long: 'allow-downgrades' },
        { key: 'allow', long: 'allow-remove-essential' },
        { key: 'allow', long: 'allow-change-held-packages' },
        { key: 'fix-missing', long: 'fix-missing' },
        { key: 'auto-remove', long: 'auto-remove' },
        { key: 'auto-remove', long: 'autoremove' },
        { key: 'no-cache', long: 'no-cache' },
      ],
    });
    if (!parsed.ok) {
      const e = parsed.error;
      ctx.stderr.write(
        `E: Command line option ${e.kind.endsWith('short') ? `'${e.option}' [from -${e.option}]` : `--${e.option.replace(/^--/, '').split('=')[0]}`} is not understood in combination with the other options\n`,
      );
      return 100;
    }
    const o = parsed.options;
    const aptVersion = flavour.id === 'ubuntu' ? '2.8.3' : '3.0.3';
    if (o.has('V')) {
      ctx.stdout.write(`apt ${aptVersion} (amd64)\n`);
      return 0;
    }
    const quietOpt = o.all('q').reduce((n, v) => (v === '' ? n + 1 : Math.max(n, Number(v) || 0)), 0);
    const quiet =
      quietOpt + (o.list.filter((x) => x.key === 'q' && x.value && /^q+$/.test(x.value)).length > 0 ? 1 : 0);
    const r: Run = {
      ctx,
      binary,
      flavour,
      v30: binary === 'apt' && flavour.id === 'debian',
      quiet,
      yes: o.has('y'),
      out: (text) => ctx.stdout.write(text),
    };
    const [command, ...args] = parsed.operands;
    if (binary === 'apt' && !ctx.tty && command !== undefined) {
      ctx.stderr.write(
        '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n',
      );
    }
    if (command === undefined || o.has('h')) {
      const usage = `apt ${aptVersion} (amd64)\nUsage: ${binary} [options] command\n`;
      if (command === undefined && !o.has('h')) {
        ctx.stdout.write(usage);
        return binary === 'apt-get' ? 100 : 1;
      }
      ctx.stdout.write(usage);
      return 0;
    }
    if (ctx.user.uid !== 0 && !['show', 'list', 'search', 'policy'].includes(command)) {
      ctx.stderr.write(
        command === 'update'
          ? 'Reading package lists...\nE: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n'
          : 'E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n',
      );
      return 100;
    }
    switch (command) {
      case 'update':
        if (args.length > 0) {
          error(r, 'The update command takes no arguments');
          return 100;
        }
        return update(r);
      case 'install':
      case 'reinstall':
        if (args.length === 0) {
          progressLines(r, true);
          r.out('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
          return 0;
        }
        return install(r, args, {
          recommends: !o.has('no-install-recommends'),
          simulate: o.has('s'),
          reinstall: command === 'reinstall' || o.has('reinstall'),
        });
      case 'remove':
      case 'purge':
        return remove(r, args, command === 'purge' || o.has('purge'));
      case 'upgrade':
      case 'dist-upgrade':
      case 'full-upgrade':
      case 'autoremove':
        progressLines(r, true);
        if (command !== 'autoremove') r.out('Calculating upgrade...' + (ctx.tty ? ' Done' : '') + '\n');
        r.out(
          r.v30
            ? 'Summary:\n  Upgrading: 0, Installing: 0, Removing: 0, Not Upgrading: 0\n'
            : '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n',
        );
        return 0;
      case 'clean':
      case 'autoclean':
        return 0;
      case 'list': {
        const installed = installedPackages(ctx.fs);
        ctx.stdout.write('Listing...' + (ctx.tty ? ' Done' : '') + '\n');
        if (o.has('installed')) {
          for (const name of [...installed.keys()].sort()) {
            const p = findPackage(name, flavour);
            ctx.stdout.write(
              `${name}/${flavour.codename},now ${installed.get(name) || p?.version || ''} ${p?.arch ?? 'amd64'} [installed]\n`,
            );
          }
        }
        return 0;
      }
      case 'show': {
        let status = 0;
        for (const name of args) {
          const p = findPackage(providerOf(name) ?? name, flavour);
          if (!p || !listsPresent(ctx.fs)) {
            ctx.stderr.write(`E: No packages found\n`);
            status = 100;
            continue;
          }
          ctx.stdout.write(
            `Package: ${p.name}\nVersion: ${p.version}\nArchitecture: ${p.arch}\nInstalled-Size: ${p.installedKiB}\nDepends: ${p.depends.map((d) => d.join(' | ')).join(', ')}\nDownload-Size: ${sizeToStr(p.size)}B\nAPT-Sources: ${flavour.mirror} ${flavour.codename}/main amd64 Packages\n\n`,
          );
        }
        return status;
      }
      default:
        error(r, `Invalid operation ${command}`);
        return 100;
    }
  };
}

export const aptGet = makeApt('apt-get');
export const apt = makeApt('apt');

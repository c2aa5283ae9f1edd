/**
 * pip (the images' bundled pip): `install` (names, `==`/`>=` pins, `-r
 * requirements.txt`) prints pip's Collecting/Downloading/Installing lines and the
 * root-user warning, and records each package in site-packages (a package directory
 * and its .dist-info, console scripts such as `flask` in /usr/local/bin), so that
 * `pip list`, `pip freeze`, `pip show` and `import` see it; `uninstall`, `--version`.
 *
 * Differs from pip: "PyPI" is the table in packages.ts and is always reachable; an
 * unknown name is "No matching distribution found", as pip says of a missing one.
 */
import type { ProcessContext, Program } from '../../../process/types.ts';
import { normalise, PYPI } from './packages.ts';
import type { PyPackage } from './packages.ts';
import { pythonVersion, sitePackages } from './runtime.ts';

function pipVersion(python: string): string {
  return python.startsWith('3.12') ? '25.0.1' : '25.2';
}

const ROOT_WARNING =
  "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering your system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you want to disable this warning.\n";

interface Installed {
  name: string;
  version: string;
}

function installed(ctx: ProcessContext, site: string): Installed[] {
  let names: string[];
  try {
    names = ctx.fs.readdir(site);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.dist-info'))
    .map((n) => {
      let meta = '';
      try {
        meta = ctx.fs.readFile(`${site}/${n}/METADATA`);
      } catch {
        // a dist-info without METADATA is skipped below
      }
      return {
        name: /^Name: (.*)$/m.exec(meta)?.[1] ?? n,
        version: /^Version: (.*)$/m.exec(meta)?.[1] ?? '',
      };
    })
    .filter((p) => p.version);
}

function requirementName(spec: string): string {
  return spec.split(/[<>=!~;[ ]/)[0]!.trim();
}

function write(ctx: ProcessContext, site: string, python: string, p: PyPackage): void {
  const mod = p.module ?? normalise(p.name);
  ctx.fs.mkdir(`${site}/${mod}`, { parents: true });
  ctx.fs.writeFile(
    `${site}/${mod}/__init__.py`,
    `# ${p.name} ${p.version} (abridged: the simulation provides what it does)\n`,
  );
  const info = `${site}/${p.name.replace(/-/g, '_')}-${p.version}.dist-info`;
  ctx.fs.mkdir(info, { parents: true });
  ctx.fs.writeFile(`${info}/METADATA`, `Metadata-Version: 2.4\nName: ${p.name}\nVersion: ${p.version}\n`);
  ctx.fs.writeFile(`${info}/INSTALLER`, 'pip\n');
  for (const script of p.scripts ?? []) {
    const mm = python.split('.').slice(0, 2).join('.');
    ctx.fs.writeFile(
      `/usr/local/bin/${script}`,
      `#!/usr/local/bin/python${mm}\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom ${mod}.cli import main\nif __name__ == '__main__':\n    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])\n    sys.exit(main())\n`,
      { mode: 0o755, ...(script === 'flask' ? { program: 'python3@flask' } : {}) },
    );
  }
}

async function install(ctx: ProcessContext, args: string[]): Promise<number> {
  const python = pythonVersion(ctx);
  const site = sitePackages(python);
  const quiet = args.some((a) => a === '-q' || a === '--quiet');
  const requirements: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-r' || a === '--requirement') {
      const file = args[++i] ?? '';
      let text: string;
      try {
        text = ctx.fs.readFile(file.startsWith('/') ? file : `${ctx.cwd === '/' ? '' : ctx.cwd}/${file}`);
      } catch {
        ctx.stderr.write(
          `ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${file}'\n`,
        );
        return 1;
      }
      requirements.push(
        ...text
          .split('\n')
          .map((l) => l.replace(/#.*/, '').trim())
          .filter(Boolean),
      );
    } else if (!a.startsWith('-')) requirements.push(a);
  }
  if (requirements.length === 0) {
    ctx.stderr.write('ERROR: You must give at least one requirement to install (see "pip help install")\n');
    return 1;
  }
  const have = new Set(installed(ctx, site).map((p) => normalise(p.name)));
  const out = (t: string) => {
    if (!quiet) ctx.stdout.write(t);
  };
  const order: PyPackage[] = [];
  const seen = new Set<string>();
  const collect = (spec: string, parent?: string): boolean => {
    const key = normalise(requirementName(spec));
    const p = PYPI[key];
    if (!p) {
      ctx.stderr.write(
        `ERROR: Could not find a version that satisfies the requirement ${spec} (from versions: none)\nERROR: No matching distribution found for ${requirementName(spec)}\n`,
      );
      return false;
    }
    if (seen.has(key)) return true;
    seen.add(key);
    if (have.has(key)) {
      out(
        `Requirement already satisfied: ${spec}${parent ? '' : ''} in ${site} (${parent ? `from ${parent}) (` : ''}${p.version})\n`,
      );
      return true;
    }
    out(
      `Collecting ${spec}${parent ? ` (from ${parent})` : ''}\n  Downloading ${p.name.toLowerCase().replace(/-/g, '_')}-${p.version}-${p.wheel ?? 'py3-none-any'}.whl.metadata (${p.kb[1]})\n`,
    );
    for (const d of p.deps) if (!collect(d, requirementName(spec))) return false;
    order.push(p);
    return true;
  };
  for (const r of requirements) if (!collect(r)) return 1;
  for (const p of [...order].reverse())
    out(
      `Downloading ${p.name.toLowerCase().replace(/-/g, '_')}-${p.version}-${p.wheel ?? 'py3-none-any'}.whl (${p.kb[0]})\n`,
    );
  if (order.length) {
    out(`Installing collected packages: ${order.map((p) => p.name.toLowerCase()).join(', ')}\n`);
    for (const p of order) write(ctx, site, python, p);
    out(
      `Successfully installed ${[...order]
        .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1))
        .map((p) => `${p.name.toLowerCase()}-${p.version}`)
        .join(' ')}\n`,
    );
  }
  if (ctx.user.uid === 0 && !args.some((a) => a.startsWith('--root-user-action')))
    ctx.stderr.write(ROOT_WARNING);
  if (!args.includes('--disable-pip-version-check') && python.startsWith('3.12')) {
    ctx.stderr.write(
      `\n[notice] A new release of pip is available: ${pipVersion(python)} -> 25.2\n[notice] To update, run: pip install --upgrade pip\n`,
    );
  }
  return 0;
}

export const pip: Program = async (ctx) => {
  const python = pythonVersion(ctx);
  const site = sitePackages(python);
  const args = ctx.argv.slice(1);
  const cmd = args.find((a) => !a.startsWith('-'));
  if (args.includes('--version') || args.includes('-V')) {
    ctx.stdout.write(
      `pip ${pipVersion(python)} from ${site}/pip (python ${python.split('.').slice(0, 2).join('.')})\n`,
    );
    return 0;
  }
  const all = () =>
    [{ name: 'pip', version: pipVersion(python) }, ...installed(ctx, site)].sort((a, b) =>
      a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1,
    );
  switch (cmd) {
    case 'install':
      return install(ctx, args.slice(args.indexOf('install') + 1));
    case 'list': {
      const pkgs = all();
      const w = Math.max(7, ...pkgs.map((p) => p.name.length));
      const v = Math.max(7, ...pkgs.map((p) => p.version.length));
      ctx.stdout.write(`${'Package'.padEnd(w)} ${'Version'.padEnd(v)}\n${'-'.repeat(w)} ${'-'.repeat(v)}\n`);
      for (const p of pkgs) ctx.stdout.write(`${p.name.padEnd(w)} ${p.version}\n`);
      return 0;
    }
    case 'freeze':
      for (const p of all().filter((x) => x.name !== 'pip')) ctx.stdout.write(`${p.name}==${p.version}\n`);
      return 0;
    case 'show': {
      const name = args[args.indexOf('show') + 1] ?? '';
      const p = all().find((x) => normalise(x.name) === normalise(name));
      if (!p) {
        ctx.stderr.write(`WARNING: Package(s) not found: ${name}\n`);
        return 1;
      }
      ctx.stdout.write(`Name: ${p.name}\nVersion: ${p.version}\nLocation: ${site}\n`);
      return 0;
    }
    case 'uninstall': {
      for (const name of args.slice(args.indexOf('uninstall') + 1).filter((a) => !a.startsWith('-'))) {
        const p = installed(ctx, site).find((x) => normalise(x.name) === normalise(name));
        if (!p) {
          ctx.stderr.write(`WARNING: Skipping ${name} as it is not installed.\n`);
          continue;
        }
        const pkg = PYPI[normalise(name)];
        ctx.fs.rm(`${site}/${pkg?.module ?? normalise(p.name)}`, { recursive: true, force: true });
        ctx.fs.rm(`${site}/${p.name.replace(/-/g, '_')}-${p.version}.dist-info`, {
          recursive: true,
          force: true,
        });
        ctx.stdout.write(
          `Found existing installation: ${p.name} ${p.version}\nUninstalling ${p.name}-${p.version}:\n  Successfully uninstalled ${p.name}-${p.version}\n`,
        );
      }
      return 0;
    }
    case undefined:
      ctx.stdout.write(
        '\nUsage:   \n  pip <command> [options]\n\nCommands:\n  install                     Install packages.\n  uninstall                   Uninstall packages.\n  freeze                      Output installed packages in requirements format.\n  list                        List installed packages.\n  show                        Show information about installed packages.\n',
      );
      return 0;
    default:
      ctx.stderr.write(`ERROR: unknown command "${cmd}"\n`);
      return 1;
  }
};

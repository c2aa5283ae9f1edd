/**
 * Layers of the language images: python, node (and yarn), go, and the buildpack-deps
 * layers under their full variants (which add curl, wget, git, ssh, procps, gcc…).
 */
import { LayerBuilder, words } from './layer-builder.ts';
import type { LayerEntry } from '../types.ts';

export function pythonInstall(version: string, mtime: number): LayerEntry[] {
  const b = new LayerBuilder(mtime);
  const mm = version.split('.').slice(0, 2).join('.');
  b.bin(`/usr/local/bin/python${mm}`, 'python3', 17_648);
  b.link('/usr/local/bin/python3', `python${mm}`, 'python3');
  b.bin(`/usr/local/bin/pip${mm}`, 'pip', 236).link('/usr/local/bin/pip3', `pip${mm}`, 'pip');
  b.script(
    `/usr/local/bin/idle${mm}`,
    'idle3',
    `#!/usr/local/bin/python${mm}\nfrom idlelib.pyshell import main\nif __name__ == '__main__':\n    main()\n`,
  );
  b.link('/usr/local/bin/idle3', `idle${mm}`).link('/usr/local/bin/pydoc3', `pydoc${mm}`);
  b.script(
    `/usr/local/bin/pydoc${mm}`,
    'pydoc3',
    `#!/usr/local/bin/python${mm}\n\nimport pydoc\nif __name__ == '__main__':\n    pydoc.cli()\n`,
  );
  b.bin(`/usr/local/bin/python${mm}-config`, 'python3-config', 3_120).link(
    '/usr/local/bin/python3-config',
    `python${mm}-config`,
  );
  b.bin(`/usr/local/lib/libpython${mm}.so.1.0`, 'lib', 28_361_784).link(
    '/usr/local/lib/libpython3.so',
    `libpython${mm}.so.1.0`,
  );
  b.dirs([`/usr/local/lib/python${mm}/site-packages`, `/usr/local/include/python${mm}`]);
  b.file(
    `/usr/local/lib/python${mm}/site-packages/README.txt`,
    'This directory exists so that 3rd party packages can be installed\nhere.  Read the source for site.py for more details.\n',
  );
  return b.entries();
}

/** python's last RUN: the unversioned names. */
export function pythonLinks(mtime: number): LayerEntry[] {
  const b = new LayerBuilder(mtime);
  for (const n of ['idle', 'pip', 'pydoc', 'python', 'python-config'])
    b.link(
      `/usr/local/bin/${n}`,
      `${n.replace(/(-config)?$/, '3$1')}`,
      n === 'python' ? 'python3' : n === 'pip' ? 'pip' : undefined,
    );
  return b.entries();
}

export function nodeInstall(version: string, mtime: number): LayerEntry[] {
  const b = new LayerBuilder(mtime);
  const major = Number(version.split('.')[0]);
  b.bin('/usr/local/bin/node', 'node', 119_802_248).link(
    '/usr/local/bin/nodejs',
    '/usr/local/bin/node',
    'node',
  );
  const npm = '/usr/local/lib/node_modules/npm';
  b.script(`${npm}/bin/npm-cli.js`, 'npm', "#!/usr/bin/env node\nrequire('../lib/cli.js')(process)\n");
  b.script(`${npm}/bin/npx-cli.js`, 'npx', "#!/usr/bin/env node\n\nconst cli = require('../lib/cli.js')\n");
  b.file(`${npm}/package.json`, `{\n  "name": "npm",\n  "version": "${major >= 24 ? '11' : '10'}.x"\n}\n`);
  b.link('/usr/local/bin/npm', '../lib/node_modules/npm/bin/npm-cli.js', 'npm');
  b.link('/usr/local/bin/npx', '../lib/node_modules/npm/bin/npx-cli.js', 'npx');
  if (major < 25) {
    b.script(
      '/usr/local/lib/node_modules/corepack/dist/corepack.js',
      'corepack',
      "#!/usr/bin/env node\nrequire('./lib/corepack.cjs').runMain(process.argv.slice(2));\n",
    );
    b.link('/usr/local/bin/corepack', '../lib/node_modules/corepack/dist/corepack.js', 'corepack');
  }
  b.dirs(['/usr/local/include/node', '/usr/local/share/doc/node']);
  return b.entries();
}

export function nodeUser(
  base: string,
  mtime: number,
  withUser: (b: LayerBuilder) => LayerBuilder,
): LayerEntry[] {
  const b = new LayerBuilder(mtime);
  withUser(b);
  b.dir('/home/node', { mode: base === 'alpine' ? 0o2755 : 0o755, uid: 1000, gid: 1000 });
  return b.entries();
}

export function yarnInstall(mtime: number): LayerEntry[] {
  const b = new LayerBuilder(mtime);
  b.script('/opt/yarn-v1.22.22/bin/yarn.js', 'yarn', "#!/usr/bin/env node\nrequire('../lib/cli.js');\n");
  b.script('/opt/yarn-v1.22.22/bin/yarn', 'yarn', '#!/bin/sh\nexec node "$(dirname "$0")/yarn.js" "$@"\n');
  b.link('/usr/local/bin/yarn', '/opt/yarn-v1.22.22/bin/yarn', 'yarn').link(
    '/usr/local/bin/yarnpkg',
    '/opt/yarn-v1.22.22/bin/yarnpkg',
    'yarn',
  );
  b.link('/opt/yarn-v1.22.22/bin/yarnpkg', 'yarn');
  return b.entries();
}

export const NODE_ENTRYPOINT = `#!/bin/sh
set -e

# Run command with node if the first argument contains a "-" or is not a system command. The last
# part inside the "{}" is a workaround for the following bug in ash/dash:
# https://bugs.debian.org/cgi-bin/bugreport.cgi?bug=874264
if [ "\${1#-}" != "\${1}" ] || [ -z "$(command -v "\${1}")" ] || { [ -f "\${1}" ] && ! [ -x "\${1}" ]; }; then
  set -- node "$@"
fi

exec "$@"
`;

export function goInstall(version: string, mtime: number): LayerEntry[] {
  const b = new LayerBuilder(mtime);
  b.bin('/usr/local/go/bin/go', 'go', 14_852_480).bin('/usr/local/go/bin/gofmt', 'gofmt', 3_285_248);
  b.file('/usr/local/go/VERSION', `go${version}\ntime 2026-07-07T22:00:00Z\n`);
  b.dirs(['/usr/local/go/src', '/usr/local/go/pkg/tool/linux_amd64', '/usr/local/go/lib']);
  return b.entries();
}

export function goPath(mtime: number): LayerEntry[] {
  return new LayerBuilder(mtime)
    .dir('/go', { mode: 0o1777 })
    .dir('/go/src', { mode: 0o1777 })
    .dir('/go/bin', { mode: 0o1777 })
    .entries();
}

/** buildpack-deps' three layers on top of Debian: curl, scm, dev. */
export function buildpack(kind: string, mtime: number): LayerEntry[] {
  const b = new LayerBuilder(mtime);
  const put = (names: string, size: number) => {
    for (const n of words(names)) b.bin(`/usr/bin/${n}`, n, size);
  };
  if (kind === 'curl') {
    put('curl wget gpg gpg-agent dirmngr sq', 300_000);
    b.file('/etc/ssl/certs/ca-certificates.crt', '# ca-certificates bundle (abridged)\n');
  } else if (kind === 'scm') {
    put('git hg svn ssh scp sftp ssh-keygen ssh-add ssh-agent', 1_000_000);
    for (const n of words('ps top kill free pgrep pkill pmap pwdx uptime vmstat w watch sysctl'))
      b.bin(`/usr/bin/${n}`, `${n}@procps`, 40_000);
  } else if (kind === 'gcc') {
    put('gcc g++ cc c++ cpp make pkg-config ld as ar', 1_000_000);
  } else {
    put(
      'gcc g++ cc c++ cpp make pkg-config ld as ar autoconf automake libtool patch file unzip bzip2 xz convert',
      1_000_000,
    );
  }
  return b.entries();
}

import { describe, expect, it } from 'vitest';
import {
  catalogue,
  catalogueLayers,
  hasRepository,
  imageConfigDocument,
  lookup,
  pullLayers,
  resolve,
  resolveReference,
  type CatalogueImage,
  type LayerEntry,
} from './index.ts';

const image = (ref: string): CatalogueImage => {
  const r = resolveReference(ref);
  if (!r.ok) throw new Error(r.error);
  const res = resolve(r.ref);
  if (!res.ok) throw new Error(res.message);
  return res.image;
};

/** The merged file system of an image: later layers win, whiteouts delete. */
function files(img: CatalogueImage): Map<string, LayerEntry> {
  const out = new Map<string, LayerEntry>();
  for (const layer of catalogueLayers(img)) {
    for (const e of layer) {
      if (e.kind === 'whiteout') out.delete(e.path);
      else out.set(e.path, e);
    }
  }
  return out;
}

/** Follow symlinks the way a path lookup would (enough for these tests). */
function resolvePath(fs: Map<string, LayerEntry>, path: string, depth = 0): LayerEntry | undefined {
  if (depth > 20) return undefined;
  const parts = path.split('/').filter(Boolean);
  let cur = '';
  for (let i = 0; i < parts.length; i++) {
    cur += `/${parts[i]}`;
    const e = fs.get(cur);
    if (!e) return undefined;
    if (e.kind === 'symlink') {
      const target = normalize(
        e.target!.startsWith('/') ? e.target! : `${cur.slice(0, cur.lastIndexOf('/'))}/${e.target}`,
      );
      const rest = parts.slice(i + 1).join('/');
      if (i === parts.length - 1) return resolvePath(fs, target, depth + 1) ?? e;
      return resolvePath(fs, `${normalize(target)}/${rest}`, depth + 1);
    }
  }
  return fs.get(cur);
}
/** The directory a path names once its symlinks are followed. */
function realDir(fs: Map<string, LayerEntry>, dir: string): string {
  let cur = '';
  for (const part of dir.split('/').filter(Boolean)) {
    cur += `/${part}`;
    const e = fs.get(cur);
    if (e?.kind === 'symlink')
      cur = realDir(
        fs,
        normalize(
          e.target!.startsWith('/') ? e.target! : `${cur.slice(0, cur.lastIndexOf('/'))}/${e.target}`,
        ),
      );
  }
  return cur;
}
function normalize(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '..') out.pop();
    else if (part && part !== '.') out.push(part);
  }
  return `/${out.join('/')}`;
}
const read = (img: CatalogueImage, path: string) => resolvePath(files(img), path)?.data;
const program = (img: CatalogueImage, path: string) => {
  const fs = files(img);
  // the final component's own tag first (an applet symlink says which applet), then its target's
  const dir = path.slice(0, path.lastIndexOf('/'));
  const parent = dir ? resolvePath(fs, dir) : undefined;
  const real = parent ? `${realDir(fs, dir)}${path.slice(path.lastIndexOf('/'))}` : path;
  return fs.get(real)?.program ?? resolvePath(fs, path)?.program;
};

describe('lookup', () => {
  it('finds tags and digests, and only in their repository', () => {
    const nginx = lookup('library/nginx', 'latest')!;
    expect(nginx.tags).toContain('mainline');
    expect(lookup('library/nginx', 'mainline')).toBe(nginx);
    expect(lookup('library/nginx', '1.31')).toBe(nginx);
    expect(lookup('library/nginx', nginx.digest)).toBe(nginx);
    expect(lookup('library/nginx', 'nosuchtag')).toBeUndefined();
    expect(lookup('library/alpine', 'mainline')).toBeUndefined();
    expect(hasRepository('library/nginx')).toBe(true);
    expect(hasRepository('library/foo')).toBe(false);
  });

  it("answers with the daemon's messages", () => {
    const missing = resolveReference('foo');
    expect(missing.ok && resolve(missing.ref)).toEqual({
      ok: false,
      status: 404,
      message:
        "pull access denied for foo, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    });
    const tag = resolveReference('nginx:nosuchtag');
    expect(tag.ok && resolve(tag.ref)).toEqual({
      ok: false,
      status: 404,
      message: 'manifest for nginx:nosuchtag not found: manifest unknown: manifest unknown',
    });
    const other = resolveReference('localhost:5000/app');
    expect(other.ok && !resolve(other.ref).ok).toBe(true);
  });

  it('serves every tag the course needs', () => {
    const wanted = [
      'alpine',
      'alpine:3.24',
      'alpine:3.23',
      'alpine:3.22',
      'alpine:3.21',
      'alpine:3.20',
      'busybox',
      'busybox:stable',
      'busybox:1.37',
      'busybox:1.36',
      'busybox:musl',
      'busybox:glibc',
      'ubuntu',
      'ubuntu:26.04',
      'ubuntu:24.04',
      'ubuntu:22.04',
      'ubuntu:noble',
      'ubuntu:jammy',
      'debian',
      'debian:trixie',
      'debian:bookworm',
      'debian:trixie-slim',
      'debian:bookworm-slim',
      'debian:13',
      'debian:12',
      'nginx',
      'nginx:alpine',
      'nginx:stable',
      'nginx:mainline',
      'nginx:stable-alpine',
      'nginx:1.17',
      'nginx:1.18',
      'nginx:1.19',
      'nginx:1.20',
      'nginx:1.21',
      'nginx:1.25',
      'nginx:1.26',
      'nginx:1.27',
      'nginx:1.28',
      'nginx:1.29',
      'httpd',
      'httpd:2.4',
      'httpd:alpine',
      'redis',
      'redis:7',
      'redis:8',
      'redis:alpine',
      'postgres',
      'postgres:16',
      'postgres:17',
      'postgres:alpine',
      'mysql',
      'mysql:8.0',
      'mysql:8.4',
      'mysql:9',
      'python',
      'python:3.12',
      'python:3.12-slim',
      'python:3.13',
      'python:3.13-slim',
      'python:alpine',
      'node',
      'node:20',
      'node:22',
      'node:24',
      'node:20-alpine',
      'node:22-alpine',
      'node:lts',
      'golang',
      'golang:1.24',
      'golang:1.25',
      'golang:alpine',
      'registry',
      'registry:2',
      'registry:3',
      'traefik/whoami',
      'hello-world',
    ];
    for (const ref of wanted) expect(() => image(ref), ref).not.toThrow();
  });

  it('has unique tags and IDs per repository', () => {
    const seen = new Set<string>();
    const ids = new Set<string>();
    for (const img of catalogue()) {
      expect(ids.has(img.id), img.tags[0]).toBe(false);
      ids.add(img.id);
      for (const t of img.tags) {
        const key = `${img.repository}:${t}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
  });
});

describe('real data', () => {
  it('keeps the Hub digests where they are known', () => {
    expect(image('nginx').id).toBe('sha256:4e5db4761e0ff445f7fd29aad680ad28e8abf7d204895557f145d65535abcc1c');
    expect(image('alpine').digest).toBe(
      'sha256:5b02b42e375f7426f8d65c3af331ca05d9878f9989230354504e0b9dfd431f60',
    );
    expect(pullLayers(image('alpine'))[0]!.shortId).toBe('e2de96513ba9');
    expect(pullLayers(image('hello-world')).map((l) => [l.shortId, l.download])).toEqual([
      ['4f55086f7dd0', 2415],
    ]);
  });

  it('sizes images as docker images shows them', () => {
    expect(Math.round(image('nginx').size / 1e6)).toBe(169); // local/latest.md: ~161.33 MiB
    expect(image('alpine').size / 1e6).toBeCloseTo(8.65, 1);
    expect(image('hello-world').size).toBe(10_072);
    for (const img of catalogue()) expect(img.size).toBe(img.layers.reduce((s, l) => s + l.size, 0));
  });
});

describe('shared layers', () => {
  it('gives tags of one image the same ID and layers', () => {
    expect(image('nginx:mainline')).toBe(image('nginx:latest'));
    expect(image('node:lts')).toBe(image('node:24'));
    expect(image('debian:13')).toBe(image('debian:trixie'));
  });

  it("shares alpine's base layer under nginx:alpine, redis:alpine, python:alpine", () => {
    const base = image('alpine').layers[0]!;
    for (const ref of [
      'nginx:alpine',
      'redis:alpine',
      'python:alpine',
      'httpd:alpine',
      'golang:alpine',
      'node:alpine',
    ]) {
      expect(image(ref).layers[0], ref).toEqual(base);
    }
    expect(image('alpine:3.23').layers[0]!.diffId).not.toBe(base.diffId);
  });

  it('shares buildpack-deps layers between the full node, python and golang images of one build', () => {
    const [a, b] = [image('python:3.13').layers, image('python').layers];
    expect(a.slice(0, 4)).toEqual(b.slice(0, 4));
    expect(image('node:22').layers.slice(0, 4)).toEqual(image('node').layers.slice(0, 4));
  });

  it('shares the Debian base of redis, httpd and postgres', () => {
    const base = image('debian:trixie-slim').layers[0]!.diffId;
    for (const ref of ['redis', 'httpd', 'postgres:16', 'postgres'])
      expect(image(ref).layers[0]!.diffId, ref).toBe(base);
  });

  it("uses BuildKit's empty layer for WORKDIR", () => {
    expect(image('golang').layers.at(-1)!.diffId).toBe(
      'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef',
    );
  });
});

describe('history and config', () => {
  it('has a history row per layer and RFC 3339 dates', () => {
    for (const img of catalogue()) {
      expect(img.history.filter((h) => !h.empty_layer)).toHaveLength(img.layers.length);
      for (const h of img.history) expect(h.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
      expect(img.created).toBe(img.history.at(-1)!.created);
    }
  });

  it('matches the oracle specs for the images it recorded', () => {
    const nginx = image('nginx');
    expect(nginx.config).toMatchObject({
      Entrypoint: ['/docker-entrypoint.sh'],
      Cmd: ['nginx', '-g', 'daemon off;'],
      ExposedPorts: { '80/tcp': {} },
      StopSignal: 'SIGQUIT',
    });
    expect(nginx.history.map((h) => h.created_by).at(-1)).toBe('CMD ["nginx" "-g" "daemon off;"]');
    expect(image('nginx:1.17').config.Entrypoint).toBeUndefined();
    expect(image('nginx:1.18').config.StopSignal).toBe('SIGTERM');
    expect(image('nginx:1.18').config.Env).toContain('PKG_RELEASE=2~buster');
    expect(image('redis:7').config.Volumes).toEqual({ '/data': {} });
    expect(image('redis').config.Volumes).toBeUndefined();
    expect(image('httpd').config.StopSignal).toBe('SIGWINCH');
    expect(image('postgres:16').config.Env).toContain('PGDATA=/var/lib/postgresql/data');
    expect(image('postgres').config.Volumes).toEqual({ '/var/lib/postgresql': {} });
    expect(image('ubuntu:24.04').history[3]!.created_by).toBe(
      '/bin/sh -c #(nop) ADD file:43d479b270bbaf47965cfc86b37f4c517bda83ddefda6f708f98c3b2b7d15396 in / ',
    );
    expect(image('traefik/whoami').config.Entrypoint).toEqual(['/whoami']);
    expect(image('hello-world').config.Cmd).toEqual(['/hello']);
  });

  it("keeps the oracle's buster ADD row under nginx 1.17 and 1.18", () => {
    for (const ref of ['nginx:1.17', 'nginx:1.18']) {
      expect(image(ref).history[0]!.created_by).toBe(
        '/bin/sh -c #(nop) ADD file:d2abb0e4e7ac1773741f51f57d3a0b8ffc7907348842d773f8c341ba17f856d5 in / ',
      );
    }
  });

  it('derives legacy file: hashes', () => {
    const row = image('ubuntu:22.04').history.find((h) => h.created_by.includes('in / '))!;
    expect(row.created_by).toMatch(/^\/bin\/sh -c #\(nop\) ADD file:[0-9a-f]{64} in \/ $/);
  });

  it('serves the config document with diff IDs', () => {
    const doc = imageConfigDocument(image('alpine'));
    expect(doc.rootfs.diff_ids).toEqual([image('alpine').layers[0]!.diffId]);
    expect(doc.architecture).toBe('amd64');
  });
});

describe('file systems', () => {
  it('builds every layer of every image, small', () => {
    let total = 0;
    for (const img of catalogue()) {
      const count = files(img).size;
      expect(count, img.tags[0]).toBeLessThan(700);
      total += count;
    }
    expect(total).toBeGreaterThan(1000);
  });

  it('puts each distribution in /etc', () => {
    expect(read(image('alpine'), '/etc/alpine-release')).toBe('3.24.2\n');
    expect(read(image('alpine'), '/etc/os-release')).toContain('PRETTY_NAME="Alpine Linux v3.24"');
    expect(read(image('debian'), '/etc/os-release')).toContain('PRETTY_NAME="Debian GNU/Linux 13 (trixie)"');
    expect(read(image('debian:bookworm'), '/etc/debian_version')).toBe('12.13\n');
    expect(read(image('ubuntu:24.04'), '/etc/os-release')).toContain('VERSION="24.04.4 LTS (Noble Numbat)"');
    expect(read(image('ubuntu'), '/etc/passwd')).toContain(
      'ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash',
    );
    expect(read(image('nginx'), '/etc/passwd')).toContain(
      'nginx:x:101:101:nginx user:/nonexistent:/bin/false',
    );
    expect(read(image('redis'), '/etc/passwd')).toContain('redis:x:999:999::/home/redis:/bin/sh');
    expect(read(image('postgres'), '/etc/passwd')).toContain(
      'postgres:x:999:999::/var/lib/postgresql:/bin/bash',
    );
    expect(read(image('node'), '/etc/passwd')).toContain('node:x:1000:1000::/home/node:/bin/bash');
  });

  it('tags shells and tools with the right variant', () => {
    expect(program(image('debian'), '/bin/sh')).toBe('sh@dash');
    expect(program(image('debian'), '/bin/bash')).toBe('bash');
    expect(program(image('debian'), '/bin/ls')).toBe('ls@gnu');
    expect(program(image('nginx:1.18'), '/bin/ls')).toBe('ls@gnu');
    expect(program(image('alpine'), '/bin/sh')).toBe('sh@busybox');
    expect(program(image('alpine'), '/bin/ls')).toBe('ls@busybox');
    expect(program(image('alpine'), '/sbin/apk')).toBe('apk');
    expect(program(image('busybox'), '/bin/ls')).toBe('ls@busybox');
    expect(program(image('ubuntu'), '/usr/bin/whoami')).toBe('whoami@gnu');
  });

  it('has only the tools each image really ships', () => {
    const alpine = files(image('alpine'));
    expect(resolvePath(alpine, '/bin/bash')).toBeUndefined();
    expect(resolvePath(files(image('busybox')), '/sbin/apk')).toBeUndefined();
    for (const tool of ['ps', 'curl', 'wget', 'ping', 'ip', 'vim', 'less']) {
      expect(resolvePath(files(image('debian')), `/usr/bin/${tool}`), tool).toBeUndefined();
      expect(resolvePath(files(image('ubuntu')), `/usr/bin/${tool}`), tool).toBeUndefined();
    }
    expect(program(image('nginx'), '/usr/bin/curl')).toBe('curl');
    expect(resolvePath(files(image('nginx:1.18')), '/usr/bin/curl')).toBeUndefined();
    expect(program(image('python'), '/usr/bin/ps')).toBe('ps@procps');
    expect(program(image('alpine'), '/bin/ps')).toBe('ps@busybox');
  });

  it('runs each server from its entrypoint and binaries', () => {
    expect(program(image('nginx'), '/docker-entrypoint.sh')).toBe('nginx-entrypoint');
    expect(read(image('nginx'), '/docker-entrypoint.sh')).toContain('exec "$@"');
    expect(program(image('nginx'), '/usr/sbin/nginx')).toBe('nginx');
    expect(files(image('nginx')).has('/docker-entrypoint.d/15-local-resolvers.envsh')).toBe(true);
    expect(files(image('nginx:1.18')).has('/docker-entrypoint.d/15-local-resolvers.envsh')).toBe(false);
    expect(files(image('nginx:1.17')).has('/docker-entrypoint.sh')).toBe(false);
    expect(program(image('httpd'), '/usr/local/bin/httpd-foreground')).toBe('httpd-foreground');
    expect(read(image('httpd'), '/usr/local/apache2/htdocs/index.html')).toBe(
      '<html><body><h1>It works!</h1></body></html>\n',
    );
    expect(program(image('redis'), '/usr/local/bin/docker-entrypoint.sh')).toBe('redis-entrypoint');
    expect(program(image('redis'), '/usr/local/bin/redis-cli')).toBe('redis-cli');
    expect(program(image('postgres'), '/usr/lib/postgresql/18/bin/postgres')).toBe('postgres');
    expect(program(image('postgres:16'), '/usr/lib/postgresql/16/bin/psql')).toBe('psql');
    expect(program(image('mysql'), '/usr/sbin/mysqld')).toBe('mysqld');
    expect(program(image('mysql'), '/usr/local/bin/docker-entrypoint.sh')).toBe('mysql-entrypoint');
    expect(program(image('python:3.12-slim'), '/usr/local/bin/python')).toBe('python3');
    expect(program(image('python'), '/usr/local/bin/pip')).toBe('pip');
    expect(program(image('node:20-alpine'), '/usr/local/bin/node')).toBe('node');
    expect(program(image('node'), '/usr/local/bin/npm')).toBe('npm');
    expect(program(image('node'), '/usr/local/bin/docker-entrypoint.sh')).toBe('node-entrypoint');
    expect(program(image('golang'), '/usr/local/go/bin/go')).toBe('go');
    expect(program(image('registry'), '/bin/registry')).toBe('registry');
    expect(program(image('registry'), '/entrypoint.sh')).toBe('registry-entrypoint');
    expect(files(image('registry')).has('/etc/distribution/config.yml')).toBe(true);
    expect(files(image('registry:2')).has('/etc/docker/registry/config.yml')).toBe(true);
    expect(program(image('traefik/whoami'), '/whoami')).toBe('whoami-server');
    expect(program(image('hello-world'), '/hello')).toBe('hello');
  });

  it('serves the welcome page of each nginx generation', () => {
    expect(read(image('nginx'), '/usr/share/nginx/html/index.html')).toContain('f5.com/nginx');
    expect(read(image('nginx:1.25'), '/usr/share/nginx/html/index.html')).toContain(
      'html { color-scheme: light dark; }',
    );
    const old = read(image('nginx:1.18'), '/usr/share/nginx/html/index.html')!;
    expect(old).toContain('Commercial support is available at');
    expect(old).not.toContain('color-scheme');
    expect(read(image('nginx'), '/etc/nginx/conf.d/default.conf')).toContain('root   /usr/share/nginx/html;');
  });

  it('stamps entries with their layer time and caches layers', () => {
    const img = image('alpine');
    const [layer] = catalogueLayers(img);
    expect(layer![0]!.mtime).toBe(Date.parse('2026-09-17T20:37:20Z'));
    expect(catalogueLayers(image('nginx:alpine'))[0]).toBe(layer);
  });
});

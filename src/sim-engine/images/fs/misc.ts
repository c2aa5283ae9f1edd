/** Layers of the small images: registry, traefik/whoami, hello-world; gosu and ca-certificates. */
import { LayerBuilder } from './layer-builder.ts';
import type { LayerEntry } from '../types.ts';

export const REGISTRY_CONFIG = `version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: /var/lib/registry
http:
  addr: :5000
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
`;

export const REGISTRY_ENTRYPOINT = `#!/bin/sh

set -e

case "$1" in
    *.yaml|*.yml) set -- registry serve "$@" ;;
    serve|garbage-collect|help|-*) set -- registry "$@" ;;
esac

exec "$@"
`;

export function registryConfig(major: string, mtime: number): LayerEntry[] {
  const path = major === '2' ? '/etc/docker/registry/config.yml' : '/etc/distribution/config.yml';
  return new LayerBuilder(mtime).file(path, REGISTRY_CONFIG).entries();
}

export function registryEntrypoint(mtime: number): LayerEntry[] {
  return new LayerBuilder(mtime)
    .script('/entrypoint.sh', 'registry-entrypoint', REGISTRY_ENTRYPOINT)
    .entries();
}

export function registryBin(version: string, mtime: number): LayerEntry[] {
  return new LayerBuilder(mtime)
    .bin('/bin/registry', 'registry', version.startsWith('2') ? 20_473_856 : 41_676_952)
    .dir('/var/lib/registry')
    .entries();
}

export function whoamiBin(mtime: number): LayerEntry[] {
  return new LayerBuilder(mtime).bin('/whoami', 'whoami-server', 7_012_504).entries();
}

export function zoneinfo(mtime: number): LayerEntry[] {
  const b = new LayerBuilder(mtime);
  for (const z of ['UTC', 'Etc/UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo'])
    b.file(`/usr/share/zoneinfo/${z}`, 'TZif2\n');
  return b.entries();
}

export function caBundle(mtime: number): LayerEntry[] {
  return new LayerBuilder(mtime)
    .file('/etc/ssl/certs/ca-certificates.crt', '# ca-certificates bundle (abridged)\n')
    .entries();
}

export function hello(mtime: number): LayerEntry[] {
  return new LayerBuilder(mtime).bin('/hello', 'hello', 10_072).entries();
}

export function gosu(mtime: number): LayerEntry[] {
  return new LayerBuilder(mtime).bin('/usr/local/bin/gosu', 'gosu', 2_318_520).entries();
}

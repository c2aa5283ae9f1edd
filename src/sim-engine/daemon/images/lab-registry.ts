/**
 * A registry the learner runs in the lab (`registry:2` behind a published port),
 * spoken to over the simulated network from the daemon's host, with the Registry HTTP
 * API V2 as the daemon's distribution client uses it: `GET /v2/`, blob `HEAD`, a
 * mount or an upload (`POST`, `PATCH`, `PUT ?digest=`), manifest `PUT` and `GET`.
 *
 * Which endpoint (registry/config.go, service_v2.go): a registry is insecure — plain
 * HTTP allowed — only if its address is in 127.0.0.0/8 (the daemon's default
 * insecure-registries), so `localhost:5000` works and `node1:5000` fails as Docker
 * fails against a plain-HTTP server: `http: server gave HTTP response to HTTPS client`.
 */
import { ENGINE_GIT_COMMIT, ENGINE_VERSION, GO_VERSION } from '../../api/version.ts';
import { NetError, type HttpResponse } from '../../process/types.ts';
import type { Daemon } from '../daemon.ts';
import { KERNEL_VERSION } from '../system/engine-host.ts';
import {
  deserializeLayer,
  MEDIA_CONFIG,
  MEDIA_MANIFEST,
  serializeLayer,
  type Blob,
  type ManifestAnswer,
  type RemoteRegistry,
} from './distribution.ts';
import type { LayerRecord } from './record.ts';

export type LabEndpoint = { ok: true; registry: RemoteRegistry } | { ok: false; message: string };

const USER_AGENT = `docker/${ENGINE_VERSION} go/${GO_VERSION} git-commit/${ENGINE_GIT_COMMIT} kernel/${KERNEL_VERSION} os/linux arch/amd64 UpstreamClient(Docker-Client/${ENGINE_VERSION} \\(linux\\))`;

/**
 * Find the registry at `domain` (`host[:port]`) from the daemon's host, or Docker's
 * error for why it cannot be reached.
 */
export function labEndpoint(d: Daemon, domain: string): LabEndpoint {
  const colon = domain.lastIndexOf(':');
  const host = colon < 0 ? domain : domain.slice(0, colon);
  const port = colon < 0 ? 443 : Number(domain.slice(colon + 1));
  const ip = d.hostNs.resolve(host) ?? d.labResolve(host);
  if (ip === undefined) {
    return {
      ok: false,
      message: `Get "https://${domain}/v2/": dial tcp: lookup ${host} on 127.0.0.11:53: no such host`,
    };
  }
  const insecure = ip.startsWith('127.');
  const scheme = insecure ? 'http' : 'https';
  const route = d.hostNs.route(ip);
  if (!route)
    return {
      ok: false,
      message: `Get "${scheme}://${domain}/v2/": dial tcp ${ip}:${port}: connect: no route to host`,
    };
  const listener = route.ns.listenerFor(ip, port);
  if (!listener?.http)
    return {
      ok: false,
      message: `Get "${scheme}://${domain}/v2/": dial tcp ${ip}:${port}: connect: connection refused`,
    };
  // every simulated server speaks plain HTTP
  if (!insecure)
    return {
      ok: false,
      message: `Get "https://${domain}/v2/": http: server gave HTTP response to HTTPS client`,
    };
  return { ok: true, registry: new LabRegistry(d, domain, host, port) };
}

class LabRegistry implements RemoteRegistry {
  readonly domain: string;
  readonly #d: Daemon;
  readonly #host: string;
  readonly #port: number;

  constructor(d: Daemon, domain: string, host: string, port: number) {
    this.#d = d;
    this.domain = domain;
    this.#host = host;
    this.#port = port;
  }

  async #send(
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body = '',
  ): Promise<HttpResponse> {
    try {
      return await this.#d.hostNs.http(this.#host, this.#port, {
        method,
        path,
        headers: { Host: this.domain, 'User-Agent': USER_AGENT, ...headers },
        body,
      });
    } catch (err) {
      if (err instanceof NetError) {
        // Go's url.Error: the method as `Get`, `Put`…
        const verb = method[0] + method.slice(1).toLowerCase();
        throw new Error(
          `${verb} "http://${this.domain}${path}": dial tcp 127.0.0.1:${this.#port}: connect: connection refused`,
          { cause: err },
        );
      }
      throw err;
    }
  }

  /** The registry's error (`manifest unknown`), as the distribution client words it. */
  #error(res: HttpResponse): Error {
    try {
      const body = JSON.parse(res.body) as { errors?: { code: string; message: string }[] };
      const first = body.errors?.[0];
      if (first) return new Error(`${first.code.toLowerCase().replace(/_/g, ' ')}: ${first.message}`);
    } catch {
      // not JSON
    }
    return new Error(`received unexpected HTTP status: ${res.status} ${res.statusText ?? ''}`.trim());
  }

  async ping(): Promise<void> {
    await this.#send('GET', '/v2/');
  }

  async statBlob(repo: string, digest: string): Promise<boolean> {
    const res = await this.#send('HEAD', `/v2/${repo}/blobs/${digest}`);
    return res.status === 200;
  }

  async mountBlob(repo: string, digest: string, from: string): Promise<boolean> {
    const res = await this.#send(
      'POST',
      `/v2/${repo}/blobs/uploads/?from=${encodeURIComponent(from)}&mount=${encodeURIComponent(digest)}`,
    );
    if (res.status === 201) return true;
    // a mount refused starts an upload; the client cancels it
    const location = res.headers['Location'];
    if (res.status === 202 && location) await this.#send('DELETE', location);
    return false;
  }

  async putBlob(repo: string, digest: string, blob: Blob): Promise<void> {
    const content = blob.kind === 'layer' ? serializeLayer(blob.layer) : blob.text;
    const started = await this.#send('POST', `/v2/${repo}/blobs/uploads/`);
    if (started.status !== 202) throw this.#error(started);
    const patched = await this.#send(
      'PATCH',
      started.headers['Location']!,
      { 'Content-Type': 'application/octet-stream' },
      content,
    );
    if (patched.status !== 202) throw this.#error(patched);
    const location = patched.headers['Location']!;
    const done = await this.#send(
      'PUT',
      `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`,
    );
    if (done.status !== 201) throw this.#error(done);
  }

  async putManifest(repo: string, tag: string, content: string): Promise<string> {
    const res = await this.#send(
      'PUT',
      `/v2/${repo}/manifests/${tag}`,
      { 'Content-Type': MEDIA_MANIFEST },
      content,
    );
    if (res.status !== 201) throw this.#error(res);
    return res.headers['Docker-Content-Digest']!;
  }

  async getManifest(repo: string, reference: string): Promise<ManifestAnswer> {
    const res = await this.#send('GET', `/v2/${repo}/manifests/${reference}`, {
      Accept: `${MEDIA_MANIFEST}, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json`,
    });
    if (res.status === 200)
      return { ok: true, digest: res.headers['Docker-Content-Digest']!, content: res.body };
    if (res.status === 404) {
      const code = /"code":"([A-Z_]+)"/.exec(res.body)?.[1];
      return { ok: false, reason: code === 'NAME_UNKNOWN' ? 'no-repository' : 'no-manifest' };
    }
    throw this.#error(res);
  }

  async getConfig(repo: string, digest: string): Promise<string | undefined> {
    const res = await this.#send('GET', `/v2/${repo}/blobs/${digest}`, { Accept: MEDIA_CONFIG });
    return res.status === 200 ? res.body : undefined;
  }

  async getLayer(repo: string, digest: string): Promise<LayerRecord | undefined> {
    const res = await this.#send('GET', `/v2/${repo}/blobs/${digest}`);
    return res.status === 200 ? deserializeLayer(res.body) : undefined;
  }

  async tags(repo: string): Promise<string[]> {
    const res = await this.#send('GET', `/v2/${repo}/tags/list`);
    if (res.status !== 200) return [];
    return ((JSON.parse(res.body) as { tags?: string[] | null }).tags ?? []).slice().sort();
  }
}

/** Reach a lab registry and say hello (`GET /v2/`), as every push and pull starts. */
export async function pingLab(registry: RemoteRegistry): Promise<void> {
  if (registry instanceof LabRegistry) await registry.ping();
}

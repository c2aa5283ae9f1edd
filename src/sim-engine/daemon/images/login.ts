/**
 * `POST /auth` (moby registry/service.go Auth, auth.go loginV2): check credentials
 * against a registry and answer `{"Status":"Login Succeeded","IdentityToken":""}`.
 * Docker Hub (no server, `https://index.docker.io/v1/`, `docker.io`…) accepts the lab's
 * users (hub.ts); a registry container in the lab has no authentication configured, so
 * its `GET /v2/` answering 200 is a successful login, whatever the credentials.
 */
import type { AuthConfig } from '../../api/registry-auth.ts';
import { DaemonError, invalidParameter, systemError } from '../../errdefs.ts';
import type { Daemon } from '../daemon.ts';
import { HUB_UNAUTHORIZED, hubLogin } from './hub.ts';
import { labEndpoint, pingLab } from './lab-registry.ts';

const HUB_HOSTS = new Set(['index.docker.io', 'docker.io', 'registry-1.docker.io']);

export async function authenticate(
  d: Daemon,
  config: AuthConfig,
): Promise<{ Status: string; IdentityToken: string }> {
  let host = 'index.docker.io';
  if (config.serveraddress) {
    const address = /^https?:\/\//.test(config.serveraddress)
      ? config.serveraddress
      : `https://${config.serveraddress}`;
    const m = /^https?:\/\/([^/?#]*)/.exec(address);
    if (!m || m[1] === '') throw invalidParameter('unable to parse server address: parse error');
    host = m[1]!;
  }
  if (HUB_HOSTS.has(host)) {
    if (!hubLogin(config)) throw new DaemonError('Unauthorized', HUB_UNAUTHORIZED);
    return { Status: 'Login Succeeded', IdentityToken: '' };
  }
  const endpoint = labEndpoint(d, host);
  if (!endpoint.ok) throw systemError(endpoint.message);
  try {
    await pingLab(endpoint.registry);
  } catch (err) {
    throw systemError(err instanceof Error ? err.message : String(err));
  }
  return { Status: 'Login Succeeded', IdentityToken: '' };
}

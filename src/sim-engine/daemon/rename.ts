/** `POST /containers/{id}/rename` (moby daemon/rename.go). */
import { DaemonError, invalidParameter } from '../errdefs.ts';
import type { Container } from './container.ts';
import type { Daemon } from './daemon.ts';

const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export function containerRename(d: Daemon, c: Container, newName: string): void {
  if (newName === '') throw invalidParameter('Neither old nor new names may be empty');
  if (!VALID_NAME.test(newName)) {
    throw invalidParameter(`Invalid container name (${newName}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
  }
  const full = newName.startsWith('/') ? newName : '/' + newName;
  const oldName = c.name;
  if (oldName === full) throw invalidParameter('Renaming a container with the same name as its current name');
  try {
    d.reserveName(full, c.id);
  } catch (err) {
    if (err instanceof DaemonError)
      throw new DaemonError(err.kind, `Error when allocating new name: ${err.message}`);
    throw err;
  }
  d.releaseName(oldName);
  c.name = full;
  for (const net of c.networks.keys()) {
    const endpoint = d.networks.find(net)?.endpoints.get(c.id);
    if (endpoint) endpoint.name = full.slice(1);
    const settings = c.networks.get(net)!;
    if (settings.DNSNames) settings.DNSNames = [full.slice(1), ...settings.DNSNames.slice(1)];
  }
  d.containerEvent(c, 'rename', { oldName });
}

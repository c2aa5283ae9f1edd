/**
 * A new container's networks (moby daemon/create.go validateNetworkingConfig and
 * updateContainerNetworkSettings): the endpoint settings it asked for are checked,
 * then recorded by network name. Nothing more happens until it starts, so a network
 * that does not exist yet is not an error here — starting is (Docker 28 creates the
 * container, and `docker run` then fails with "failed to set up container
 * networking: network x not found").
 */
import type { ContainerCreateRequest, EndpointSettings, HostConfig } from '../../api/types/container.ts';
import { invalidParameter } from '../../errdefs.ts';
import type { Daemon } from '../daemon.ts';
import { endpointSettings } from './connect.ts';
import { endpointSettingsProblem } from './endpoint.ts';
import { joinErrors } from './validate-ipam.ts';

export function createTimeNetworks(
  d: Daemon,
  host: HostConfig,
  request: ContainerCreateRequest,
): Map<string, EndpointSettings> {
  const out = new Map<string, EndpointSettings>();
  const mode = host.NetworkMode;
  const endpoints = { ...(request.NetworkingConfig?.EndpointsConfig ?? {}) };
  // the "default" endpoint is the one of the network NetworkMode defaulted to
  if (endpoints['default'] && mode !== 'default') {
    endpoints[mode] = endpoints['default'];
    delete endpoints['default'];
  }
  const errs: string[] = [];
  for (const [name, cfg] of Object.entries(endpoints)) {
    if (!cfg) {
      errs.push(`invalid config for network ${name}: EndpointsConfig is nil`);
      continue;
    }
    let nw;
    try {
      nw = d.networks.find(name);
    } catch {
      nw = undefined;
    }
    const problem = endpointSettingsProblem(nw, name, cfg);
    if (problem) errs.push(`invalid config for network ${name}: invalid endpoint settings:\n${problem}`);
  }
  if (errs.length > 0) throw invalidParameter(joinErrors(errs));

  if (mode.startsWith('container:')) {
    // adaptContainerSettings: a container found now is recorded by its ID
    const target = d.findContainer(mode.slice('container:'.length));
    if (target) host.NetworkMode = `container:${target.id}`;
    return out;
  }
  for (const [name, cfg] of Object.entries(endpoints)) {
    const found = safeFind(d, name);
    out.set(found && found.id === name ? found.name : name, endpointSettings(cfg));
  }
  if (out.size === 0) {
    const found = safeFind(d, mode);
    out.set(found && mode !== 'default' ? found.name : mode, endpointSettings({}));
  }
  return out;
}

function safeFind(d: Daemon, term: string) {
  try {
    return d.networks.find(term);
  } catch {
    return undefined;
  }
}

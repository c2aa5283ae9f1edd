/**
 * `POST /networks/create` (moby daemon/network.go createNetwork, then libnetwork's
 * Controller.NewNetwork): refuse predefined and taken names, check the driver and
 * the IPAM configuration, allocate the address pools, and put the new bridge on the
 * host. Swarm-scoped networks (overlay) belong to the swarm: a node that is not a
 * manager refuses them, a manager hands them to the cluster (`redirect`).
 */
import type { IPAMConfig, NetworkCreateRequest, NetworkCreateResponse } from '../../api/types/network.ts';
import { conflict, DaemonError, forbidden, invalidParameter, notFound } from '../../errdefs.ts';
import { masked, parseAddr4, parsePrefix, type Subnet } from '../../network/ipv4.ts';
import type { Daemon } from '../daemon.ts';
import { withGateway } from './controller.ts';
import { logNetworkEvent } from './events.ts';
import { NO_MORE_SUBNETS, newPool } from './ipam.ts';
import { isPredefined, type NetworkRecord, type Pool } from './record.ts';
import { validateIPAM } from './validate-ipam.ts';

/**
 * Drivers built into dockerd, with the scope of their data (driverapi.Capability.DataScope).
 * Differs from Docker: macvlan and ipvlan are plumbed like a bridge with no host
 * interface, because the lab has no parent NIC to attach them to.
 */
const DRIVERS: Record<string, 'local' | 'global'> = {
  bridge: 'local',
  host: 'local',
  null: 'local',
  macvlan: 'local',
  ipvlan: 'local',
  overlay: 'global',
};

export const NOT_SWARM_MANAGER =
  'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';

/** libnetwork.ManagerRedirectError: a manager creates swarm-scoped networks in the cluster. */
export class ManagerRedirect extends Error {
  constructor(name: string) {
    super('Redirect the request to the manager');
    this.name = name;
  }
}

export interface CreateNetworkOptions {
  /** the ID the swarm chose (agent networks) */
  id?: string;
  /** created by the swarm on this node: no manager check, no redirect */
  agent?: boolean;
}

export function networkCreate(
  d: Daemon,
  req: NetworkCreateRequest,
  opts: CreateNetworkOptions = {},
): NetworkCreateResponse {
  const c = d.networks;
  const name = req.Name ?? '';
  if (isPredefined(name)) throw forbidden(`operation is not permitted on predefined ${name} network `);
  const driver = req.Driver || 'bridge';
  if (driver === 'overlay' && !c.swarm.isManager() && !opts.agent) throw forbidden(NOT_SWARM_MANAGER);

  const options: Record<string, string> = { ...(req.Options ?? {}) };
  const enableIPv4 = boolOption(options, 'com.docker.network.enable_ipv4', req.EnableIPv4, true);
  const enableIPv6 = boolOption(options, 'com.docker.network.enable_ipv6', req.EnableIPv6, false);

  const problem = validateIPAM(req.IPAM?.Config, enableIPv6);
  if (problem && !opts.agent) throw invalidParameter(problem);

  // libnetwork Controller.NewNetwork
  if (opts.id && c.networks.has(opts.id)) throw conflict(`network with name ${opts.id} already exists`);
  if (name.trim() === '') throw invalidParameter('invalid name: name is empty');
  if (c.byName(name)) throw conflict(`network with name ${name} already exists`);

  const record = c.newRecord(name, driver, {
    ...(opts.id ? { id: opts.id } : {}),
    enableIPv4,
    enableIPv6,
    options,
    labels: { ...(req.Labels ?? {}) },
    attachable: req.Attachable ?? false,
    ingress: req.Ingress ?? false,
    internal: req.Internal ?? false,
    configOnly: req.ConfigOnly ?? false,
    configFrom: req.ConfigFrom?.Network ?? '',
    ipamDriver: req.IPAM?.Driver || 'default',
    ipamOptions: req.IPAM ? (req.IPAM.Options ?? null) : null,
    ipamConfig: (req.IPAM?.Config ?? []).map((cfg) => ({ ...cfg })),
    scope: scopeOf(req.Scope),
    dynamic: opts.agent ?? false,
  });

  if (record.configOnly) {
    // config-only networks are placeholders: local, driver "null", no addresses
    record.scope = 'local';
    record.driver = 'null';
    c.register(record);
    logNetworkEvent(d, record, 'create');
    return { Id: record.id, Warning: '' };
  }

  const dataScope = DRIVERS[driver];
  if (!dataScope) throw notFound(`plugin "${driver}" not found`);
  if (req.Scope === 'local' && dataScope === 'global')
    throw forbidden(`cannot downgrade network scope for ${driver} networks`);
  if (record.ingress && dataScope !== 'global')
    throw forbidden('Ingress network can only be global scope network');
  if (!req.Scope) record.scope = dataScope === 'global' ? 'swarm' : 'local';

  if (record.configFrom) applyConfigFrom(d, record);

  if ((dataScope === 'global' || record.scope === 'swarm') && c.swarm.isSwarmNode() && !record.dynamic) {
    if (c.swarm.isManager()) {
      if (!record.enableIPv4) throw invalidParameter('IPv4 cannot be disabled in a Swarm scoped network');
      throw new ManagerRedirect(name);
    }
    throw forbidden(
      'Cannot create a multi-host network from a worker node. Please create the network from a manager node.',
    );
  }
  if (record.scope === 'swarm' && !c.swarm.isSwarmNode())
    throw forbidden('cannot create a swarm scoped network when swarm is not active');

  if (driver === 'host' || driver === 'null') {
    // the null IPAM: no pools; and only the predefined instance may exist
    if (c.all().some((n) => n.driver === driver && !n.configOnly))
      throw forbidden(`only one instance of "${driver}" network is allowed`);
  } else {
    record.pools = allocatePools(d, record);
  }
  c.register(record);
  logNetworkEvent(d, record, 'create');
  return { Id: record.id, Warning: '' };
}

function scopeOf(scope: string | undefined): NetworkRecord['scope'] {
  return scope === 'swarm' || scope === 'global' ? scope : 'local';
}

/** EnableIPv4/EnableIPv6 from the request, else from the driver option of that name. */
function boolOption(
  options: Record<string, string>,
  key: string,
  requested: boolean | undefined,
  fallback: boolean,
): boolean {
  if (requested !== undefined && requested !== null) {
    // a conflicting default option would look wrong in inspect
    delete options[key];
    return requested;
  }
  const v = options[key];
  if (v === undefined) return fallback;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  throw invalidParameter(`driver-opt "${key}" is not a valid bool`);
}

/** `--config-from`: the IPAM configuration and options of a config-only network. */
function applyConfigFrom(d: Daemon, record: NetworkRecord): void {
  const source = d.networks.byName(record.configFrom);
  if (!source || !source.configOnly)
    throw notFound(`configuration network "${record.configFrom}" does not exist`);
  record.ipamConfig = source.ipamConfig.map((cfg) => ({ ...cfg }));
  record.ipamDriver = source.ipamDriver;
  record.ipamOptions = source.ipamOptions;
  record.options = source.options;
  record.enableIPv6 = source.enableIPv6;
  record.internal = source.internal;
}

/**
 * ipamAllocateVersion(4): one pool per IPv4 config, or one from the default pools.
 * Differs from Docker: no IPv6 pools (IPv6 subnets are kept for inspect only),
 * because the simulated namespaces route IPv4 alone.
 */
function allocatePools(d: Daemon, record: NetworkRecord): Pool[] {
  if (!record.enableIPv4) return [];
  const space = d.networks.spaceOf(record);
  const v4 = record.ipamConfig.filter((cfg) => parsePrefix(cfg.Subnet ?? '')?.family === 4);
  const configs: IPAMConfig[] = v4.length > 0 ? v4 : [{}];
  const pools: Pool[] = [];
  try {
    for (const cfg of configs) {
      let subnet: Subnet;
      let range: Subnet | undefined;
      if (cfg.Subnet) {
        const p = parsePrefix(cfg.Subnet)!;
        subnet = masked(p as Extract<typeof p, { family: 4 }>);
        const r = cfg.IPRange ? parsePrefix(cfg.IPRange) : undefined;
        range = r?.family === 4 ? masked(r) : undefined;
        // a range as big as the subnet is no sub-pool at all
        if (range && range.prefix <= subnet.prefix) range = undefined;
        space.allocateSubnet(subnet, range);
      } else {
        const auto = space.allocatePredefined(record.scope === 'local' ? d.networks.reservedNetworks() : []);
        if (!auto) throw invalidParameter(NO_MORE_SUBNETS);
        subnet = auto;
      }
      const pool = newPool(subnet, range);
      pools.push(pool);
      // auxiliary addresses are reserved before the gateway is chosen
      for (const aux of Object.values(cfg.AuxiliaryAddresses ?? {})) {
        const n = parseAddr4(aux);
        if (n !== undefined) pool.allocated.add(n);
      }
      withGateway(pool, cfg.Gateway || undefined);
    }
  } catch (err) {
    for (const pool of pools) space.release(pool.subnet, pool.range);
    throw err instanceof DaemonError ? err : invalidParameter(String(err));
  }
  return pools;
}

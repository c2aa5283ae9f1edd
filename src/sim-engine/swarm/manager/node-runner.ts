/**
 * A daemon's side of swarm mode (moby daemon/cluster/swarm.go and noderunner.go):
 * `swarm init` makes a cluster with this node as its only manager and leader,
 * `swarm join` reaches a manager over the lab network and joins with a token,
 * `swarm leave` (leave.ts) stops the node, and `Info` is the Swarm part of `docker info` and
 * of the `Swarm` header of every ping.
 */
import type { SwarmInfo } from '../../api/types/system.ts';
import type {
  InitRequest,
  JoinRequest,
  Node,
  NodeAvailability,
  Swarm,
  SwarmSpec,
} from '../../api/types/swarm.ts';
import type { Daemon } from '../../daemon/daemon.ts';
import { inactiveSwarm, setSwarmInfoProvider } from '../../daemon/system/info.ts';
import { invalidParameter, systemError, unavailable } from '../../errdefs.ts';
import { Cluster, machineOf, membershipOf } from '../cluster.ts';
import {
  DEFAULT_LISTEN_ADDR,
  labAddress,
  resolveAdvertiseAddr,
  resolveListenAddr,
  splitHostPort,
  validateAddr,
} from './addresses.ts';
import { describeNode, newRootCA } from './describe.ts';
import { BAD_JOIN_SECRET, INVALID_JOIN_TOKEN, JOIN_TIMEOUT, SWARM_EXISTS } from './errors.ts';
import {
  base36ToHex,
  generateJoinToken,
  newID,
  newRootCADigest,
  newUnlockKey,
  parseJoinToken,
  tokenDigest,
} from './identity.ts';
import { nodeJoinedNetworks, nodeLeftNetworks, swarmNetworksInit } from '../networking/membership.ts';
import { hasQuorum } from './raft.ts';
import { runtimeOf } from './runtime.ts';
import { swarmView, type StoredCluster } from './control.ts';

/** moby swarmConnectTimeout: how long `swarm join` waits before answering JOIN_TIMEOUT */
export const SWARM_CONNECT_TIMEOUT_MS = 20_000;

/** A daemon whose join did not complete: `Swarm: pending` until it leaves. */
const pending = new WeakMap<Daemon, { remote: string }>();
/** Each member's advertised address (host:port), for NodeAddr and ManagerStatus.Addr. */
const advertised = new WeakMap<Daemon, string>();

/** The swarm spec of a new cluster (swarmkit manager's defaults, as `docker info` shows them). */
export function defaultSpec(): SwarmSpec {
  return {
    Name: 'default',
    Labels: {},
    Orchestration: { TaskHistoryRetentionLimit: 5 },
    Raft: {
      SnapshotInterval: 10000,
      KeepOldSnapshots: 0,
      LogEntriesForSlowFollowers: 500,
      ElectionTick: 10,
      HeartbeatTick: 1,
    },
    Dispatcher: { HeartbeatPeriod: 5_000_000_000 },
    CAConfig: { NodeCertExpiry: 7_776_000_000_000_000 },
    TaskDefaults: {},
    EncryptionConfig: { AutoLockManagers: false },
  };
}

/** convert.MergeSwarmSpecToGRPC: the init request's spec fields that were set. */
function mergeInitSpec(base: SwarmSpec, s: SwarmSpec | undefined, autolock: boolean): SwarmSpec {
  const spec = JSON.parse(JSON.stringify(base)) as SwarmSpec;
  if (s?.Labels && Object.keys(s.Labels).length > 0) spec.Labels = { ...s.Labels };
  if (
    s?.Orchestration?.TaskHistoryRetentionLimit !== undefined &&
    s.Orchestration.TaskHistoryRetentionLimit !== null
  )
    spec.Orchestration = { TaskHistoryRetentionLimit: s.Orchestration.TaskHistoryRetentionLimit };
  if (s?.Raft?.SnapshotInterval) spec.Raft!.SnapshotInterval = s.Raft.SnapshotInterval;
  if (s?.Raft?.KeepOldSnapshots !== undefined && s.Raft.KeepOldSnapshots !== null)
    spec.Raft!.KeepOldSnapshots = s.Raft.KeepOldSnapshots;
  if (s?.Dispatcher?.HeartbeatPeriod) spec.Dispatcher = { HeartbeatPeriod: s.Dispatcher.HeartbeatPeriod };
  if (s?.CAConfig?.NodeCertExpiry)
    spec.CAConfig = { ...spec.CAConfig, NodeCertExpiry: s.CAConfig.NodeCertExpiry };
  if (s?.CAConfig?.ExternalCAs?.length)
    spec.CAConfig = { ...spec.CAConfig, ExternalCAs: s.CAConfig.ExternalCAs };
  spec.EncryptionConfig = { AutoLockManagers: autolock };
  return spec;
}

function checkAvailability(a: NodeAvailability | undefined): NodeAvailability {
  if (a === undefined || (a as string) === '') return 'active';
  if (a !== 'active' && a !== 'pause' && a !== 'drain')
    throw invalidParameter(`invalid Availability: "${a}"`);
  return a;
}

function ensureInfoProvider(d: Daemon): void {
  setSwarmInfoProvider(d, () => swarmInfoOf(d));
}

/** Cluster.Init: a new swarm, this node its first manager. Returns the node ID. */
export function swarmInit(d: Daemon, req: InitRequest): string {
  if (membershipOf(d) || pending.has(d)) throw unavailable(SWARM_EXISTS);
  const spec0 = req.Spec ?? {};
  if (spec0.Name !== undefined && spec0.Name !== '' && spec0.Name !== 'default')
    throw invalidParameter('swarm spec must be named "default"');
  const listen = validateAddr(req.ListenAddr || DEFAULT_LISTEN_ADDR);
  const [, listenPort] = resolveListenAddr(d, listen);
  const [advHost, advPort] = resolveAdvertiseAddr(d, req.AdvertiseAddr ?? '', listenPort);
  const availability = checkAvailability(req.Availability);

  const random = d.random;
  const cluster = new Cluster(newID(random), d.clock, random, newRootCADigest(random));
  const tls = newRootCA(random);
  const nodeId = newID(random);
  const now = cluster.timestamp();
  const stored: StoredCluster = {
    ID: cluster.id,
    CreatedAt: now,
    UpdatedAt: now,
    Spec: mergeInitSpec(defaultSpec(), req.Spec, req.AutoLockManagers === true),
    TLSInfo: tls,
    RootRotationInProgress: false,
    DefaultAddrPool: req.DefaultAddrPool?.length ? [...req.DefaultAddrPool] : null,
    SubnetSize: req.SubnetSize || 24,
    DataPathPort: req.DataPathPort || 4789,
    JoinTokens: {
      Worker: generateJoinToken(random, cluster.rootCADigest),
      Manager: generateJoinToken(random, cluster.rootCADigest),
    },
    UnlockKey: req.AutoLockManagers ? newUnlockKey(random) : '',
  };
  cluster.store.update((tx) => {
    tx.create<StoredCluster & { Version: { Index: number } }>('cluster', stored);
    tx.create<Node>('node', newNode(d, nodeId, 'manager', availability, tls, now));
  });
  const addr = `${advHost}:${advPort}`;
  advertised.set(d, addr);
  cluster.raft.set(nodeId, { nodeId, addr });
  cluster.addMember(nodeId, d);
  swarmNetworksInit(cluster, d, nodeId);
  ensureInfoProvider(d);
  runtimeOf(cluster).reconcile();
  return nodeId;
}

function newNode(
  d: Daemon,
  id: string,
  role: 'manager' | 'worker',
  availability: NodeAvailability,
  tls: Swarm['TLSInfo'],
  now: string,
): Node {
  return {
    ID: id,
    Version: { Index: 0 },
    CreatedAt: now,
    UpdatedAt: now,
    Spec: { Labels: {}, Role: role, Availability: availability },
    Description: describeNode(d, tls),
    Status: { State: 'unknown', Addr: labAddress(d) },
  };
}

/**
 * Cluster.Join: reach the manager at RemoteAddrs[0] over the lab network and join with
 * the token's role. A manager that cannot be reached (stopped, unplugged, no such
 * address, nothing listening on that port, no leader to admit us) makes the daemon
 * wait swarmConnectTimeout and answer JOIN_TIMEOUT, leaving the node `pending`.
 *
 * Differs from Docker: a pending node does not keep trying in the background; it stays
 * pending until `docker swarm leave`.
 */
export async function swarmJoin(d: Daemon, req: JoinRequest): Promise<void> {
  if (membershipOf(d) || pending.has(d)) throw unavailable(SWARM_EXISTS);
  const listen = validateAddr(req.ListenAddr || DEFAULT_LISTEN_ADDR);
  if (!req.RemoteAddrs || req.RemoteAddrs.length === 0)
    throw invalidParameter('at least 1 RemoteAddr is required to join');
  const remote = validateAddr(req.RemoteAddrs[0]!);
  const [, listenPort] = resolveListenAddr(d, listen);
  let addr = `${labAddress(d)}:${listenPort}`;
  if (req.AdvertiseAddr) {
    try {
      const [h, p] = resolveAdvertiseAddr(d, req.AdvertiseAddr, listenPort);
      addr = `${h}:${p}`;
    } catch {
      // moby ignores a bad advertise address on join (swarm.go Join)
    }
  }
  const availability = checkAvailability(req.Availability);
  const token = parseJoinToken(req.JoinToken ?? '');
  if (!token) throw systemError(INVALID_JOIN_TOKEN);

  const target = managerAt(d, remote);
  if (!target) {
    pending.set(d, { remote });
    ensureInfoProvider(d);
    await d.clock.sleep(SWARM_CONNECT_TIMEOUT_MS);
    throw unavailable(JOIN_TIMEOUT);
  }
  const { cluster } = target;
  if (token.rootDigest !== tokenDigest(cluster.rootCADigest))
    throw systemError(`remote CA does not match fingerprint. Expected: ${base36ToHex(token.rootDigest)}`);
  const stored = cluster.store.find<StoredCluster & { Version: { Index: number } }>('cluster')[0]!;
  const secretOf = (t: string) => t.slice(t.lastIndexOf('-') + 1);
  const role =
    token.secret === secretOf(stored.JoinTokens.Manager)
      ? 'manager'
      : token.secret === secretOf(stored.JoinTokens.Worker)
        ? 'worker'
        : undefined;
  if (!role) throw systemError(BAD_JOIN_SECRET);

  const nodeId = newID(d.random);
  const now = cluster.timestamp();
  cluster.store.update((tx) =>
    tx.create<Node>('node', newNode(d, nodeId, role, availability, stored.TLSInfo, now)),
  );
  advertised.set(d, addr);
  if (role === 'manager') cluster.raft.set(nodeId, { nodeId, addr });
  cluster.addMember(nodeId, d);
  nodeJoinedNetworks(cluster, d, nodeId);
  ensureInfoProvider(d);
  const runtime = runtimeOf(cluster);
  runtime.reconcile();
  // the new node's agent opens its session at once: it registers with the dispatcher
  if (cluster.leader !== undefined && cluster.reaches(nodeId, cluster.leader))
    runtime.dispatcher?.heartbeat(nodeId);
}

/** The swarm manager listening at `host:port` as `d` reaches it over the lab, able to admit a node. */
function managerAt(d: Daemon, remote: string): { cluster: Cluster; nodeId: string } | undefined {
  const hp = splitHostPort(remote);
  if (!hp) return undefined;
  const ip = d.hostNs.resolve(hp[0]);
  if (ip === undefined) return undefined;
  const target = ip === labAddress(d) || ip.startsWith('127.') ? d : machineOf(d).daemonAt(ip);
  if (!target || (target !== d && !machineOf(d).reaches(target))) return undefined;
  const m = membershipOf(target);
  if (!m || !m.cluster.raft.has(m.nodeId)) return undefined;
  const listenPort = splitHostPort(advertised.get(target) ?? '')?.[1] ?? '2377';
  if (hp[1] !== listenPort) return undefined;
  // admitting a node is a write: the manager must have a leader
  if (m.cluster.leader === undefined || !m.cluster.reaches(m.nodeId, m.cluster.leader)) return undefined;
  return m;
}

/** A pending join given up (`swarm leave` of a pending node); false when none was pending. */
export function abandonPendingJoin(d: Daemon): boolean {
  return pending.delete(d);
}

/** A member that left: its advertised address goes with it. */
export function forgetAdvertised(d: Daemon): void {
  advertised.delete(d);
}

/** A join that timed out: the daemon is `pending`. */
export function isPending(d: Daemon): boolean {
  return pending.has(d);
}

/** The node a removal took out of the swarm (`node rm --force` of a live node) stops being a member. */
export function forgetMember(cluster: Cluster, nodeId: string): void {
  const d = cluster.daemonOf(nodeId);
  runtimeOf(cluster).stopAgent(nodeId);
  nodeLeftNetworks(cluster, d, nodeId);
  cluster.removeMember(nodeId);
  if (d) advertised.delete(d);
}

/** The advertised address of a member (ManagerStatus.Addr of a promoted node). */
export function advertisedAddr(d: Daemon): string {
  return advertised.get(d) ?? `${labAddress(d)}:2377`;
}

const ZERO_TIME = '0001-01-01T00:00:00Z';

/** Cluster.Info */
export function swarmInfoOf(d: Daemon): SwarmInfo {
  const m = membershipOf(d);
  if (!m) {
    const p = pending.get(d);
    if (!p) return inactiveSwarm();
    return {
      NodeID: '',
      NodeAddr: '',
      LocalNodeState: 'pending',
      ControlAvailable: false,
      Error: '',
      RemoteManagers: null,
    };
  }
  const { cluster, nodeId } = m;
  const adv = advertisedAddr(d);
  const info: SwarmInfo = {
    NodeID: nodeId,
    NodeAddr: splitHostPort(adv)?.[0] ?? adv,
    LocalNodeState: 'active',
    ControlAvailable: false,
    Error: '',
    RemoteManagers: null,
  };
  if (cluster.raft.has(nodeId)) {
    info.ControlAvailable = true;
    const leader = cluster.leader;
    if (leader !== undefined && cluster.reaches(nodeId, leader) && hasQuorum(cluster, nodeId)) {
      const stored = cluster.store.find<StoredCluster & { Version: { Index: number } }>('cluster')[0]!;
      const { JoinTokens: _t, ...clusterInfo } = swarmView(stored);
      void _t;
      info.Nodes = cluster.store.find('node').length;
      info.Managers = cluster.raft.size;
      info.Cluster = clusterInfo as unknown as Record<string, unknown>;
    } else {
      info.Error =
        "rpc error: code = Unknown desc = The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online.";
      info.Cluster = {
        ID: '',
        Version: {},
        CreatedAt: ZERO_TIME,
        UpdatedAt: ZERO_TIME,
        Spec: {
          Labels: null,
          Orchestration: {},
          Raft: { ElectionTick: 0, HeartbeatTick: 0 },
          Dispatcher: {},
          CAConfig: {},
          TaskDefaults: {},
          EncryptionConfig: { AutoLockManagers: false },
        },
        TLSInfo: {},
        RootRotationInProgress: false,
        DefaultAddrPool: null,
        SubnetSize: 0,
        DataPathPort: 0,
      };
    }
    if (info.Managers === 2) {
      info.Warnings = [
        'WARNING: Running Swarm in a two-manager configuration. This configuration provides\n         no fault tolerance, and poses a high risk to lose control over the cluster.\n         Refer to https://docs.docker.com/engine/swarm/admin_guide/ to configure the\n         Swarm for fault-tolerance.',
      ];
    }
  }
  info.RemoteManagers = [...cluster.raft.values()].map((r) => ({ NodeID: r.nodeId, Addr: r.addr }));
  return info;
}

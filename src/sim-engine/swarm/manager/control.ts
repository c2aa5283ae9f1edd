/**
 * The control API of a manager (SwarmKit manager/controlapi cluster.go and node.go,
 * reached through moby daemon/cluster swarm.go, nodes.go and helpers.go): read and
 * update the swarm, list, inspect, update and remove nodes. Every call first checks
 * that this daemon may answer (a manager, with a leader it can reach); each write
 * goes to the store, where the dispatcher and the other components see it.
 */
import { FilterArgs } from '../../api/filters.ts';
import type { ManagerStatus, Node, NodeSpec, Swarm, SwarmSpec } from '../../api/types/swarm.ts';
import type { Daemon } from '../../daemon/daemon.ts';
import { invalidParameter, notFound, unavailable } from '../../errdefs.ts';
import { StoreError } from '../../store/store.ts';
import { type Cluster, membershipOf } from '../cluster.ts';
import { grpcError, LOST_QUORUM, NOT_MANAGER_INACTIVE, NOT_MANAGER_WORKER } from './errors.ts';
import { generateJoinToken, newUnlockKey } from './identity.ts';
import { advertisedAddr, forgetMember, isPending } from './node-runner.ts';
import { canRemoveMember, reachability } from './raft.ts';
import { runtimeOf } from './runtime.ts';
import { systemError } from '../../errdefs.ts';

/** The cluster object as stored: the API's Swarm, and the unlock key the API never shows in it. */
export interface StoredCluster extends Omit<Swarm, 'Version'> {
  Version?: { Index: number };
  UnlockKey: string;
}

type StoredClusterObject = StoredCluster & { Version: { Index: number } };

/** convert.SwarmFromGRPC: the API's field order. */
export function swarmView(c: StoredCluster): Swarm {
  return {
    ID: c.ID,
    Version: { Index: c.Version?.Index ?? 0 },
    CreatedAt: c.CreatedAt,
    UpdatedAt: c.UpdatedAt,
    Spec: c.Spec,
    TLSInfo: c.TLSInfo,
    RootRotationInProgress: c.RootRotationInProgress,
    DefaultAddrPool: c.DefaultAddrPool,
    SubnetSize: c.SubnetSize,
    DataPathPort: c.DataPathPort,
    JoinTokens: c.JoinTokens,
  };
}

/**
 * lockedManagerAction: the cluster and node behind a control API call, or the error
 * moby gives when this daemon cannot answer one (errNoManager, or the lost quorum).
 */
export function controlOf(d: Daemon): { cluster: Cluster; nodeId: string } {
  const m = membershipOf(d);
  if (!m) throw unavailable(isPending(d) ? NOT_MANAGER_WORKER : NOT_MANAGER_INACTIVE);
  const { cluster, nodeId } = m;
  if (!cluster.raft.has(nodeId)) throw unavailable(NOT_MANAGER_WORKER);
  const leader = cluster.leader;
  if (leader === undefined || !cluster.reaches(nodeId, leader)) throw systemError(LOST_QUORUM);
  return m;
}

function storedCluster(cluster: Cluster): StoredClusterObject {
  return cluster.store.find<StoredClusterObject>('cluster')[0]!;
}

export function inspectSwarm(d: Daemon): Swarm {
  return swarmView(storedCluster(controlOf(d).cluster));
}

export interface UpdateFlags {
  rotateWorkerToken: boolean;
  rotateManagerToken: boolean;
  rotateManagerUnlockKey: boolean;
}

/** Cluster.Update → controlapi UpdateCluster */
export function updateSwarm(d: Daemon, version: number, spec: SwarmSpec, flags: UpdateFlags): void {
  const { cluster } = controlOf(d);
  if (spec.Name === undefined || spec.Name === '') spec = { ...spec, Name: 'default' };
  else if (spec.Name !== 'default') throw invalidParameter('swarm spec must be named "default"');
  const expiry = spec.CAConfig?.NodeCertExpiry;
  if (expiry !== undefined && expiry !== 0 && expiry < 3_600_000_000_000)
    throw grpcError('InvalidArgument', 'minimum certificate expiry time is: 1h0m0s');
  if ((spec.Dispatcher?.HeartbeatPeriod ?? 0) < 0)
    throw grpcError('InvalidArgument', 'heartbeat time period cannot be a negative duration');
  cluster.store.update((tx) => {
    const c = tx.find<StoredClusterObject>('cluster')[0]!;
    if (c.Version.Index !== version) throw grpcError('Unknown', 'update out of sequence');
    const autolock = spec.EncryptionConfig?.AutoLockManagers === true;
    let unlockKey = c.UnlockKey;
    if (autolock && (unlockKey === '' || flags.rotateManagerUnlockKey))
      unlockKey = newUnlockKey(cluster.random);
    if (!autolock) unlockKey = '';
    const tokens = { ...c.JoinTokens };
    if (flags.rotateWorkerToken) tokens.Worker = generateJoinToken(cluster.random, cluster.rootCADigest);
    if (flags.rotateManagerToken) tokens.Manager = generateJoinToken(cluster.random, cluster.rootCADigest);
    tx.update<StoredClusterObject>('cluster', {
      ...c,
      UpdatedAt: cluster.timestamp(),
      Spec: orderSpec(spec),
      JoinTokens: tokens,
      UnlockKey: unlockKey,
    });
  });
}

/** The swarm spec in swarm.Spec's field order. */
function orderSpec(s: SwarmSpec): SwarmSpec {
  return {
    Name: s.Name,
    Labels: s.Labels ?? {},
    Orchestration: s.Orchestration ?? {},
    Raft: s.Raft ?? { ElectionTick: 0, HeartbeatTick: 0 },
    Dispatcher: s.Dispatcher ?? {},
    CAConfig: s.CAConfig ?? {},
    TaskDefaults: s.TaskDefaults ?? {},
    EncryptionConfig: s.EncryptionConfig ?? { AutoLockManagers: false },
  };
}

/** Cluster.GetUnlockKey: '' when autolock is off. */
export function unlockKey(d: Daemon): string {
  return storedCluster(controlOf(d).cluster).UnlockKey;
}

/** A node as the control API returns it: ManagerStatus filled in from the Raft group. */
export function nodeView(cluster: Cluster, node: Node): Node {
  const member = cluster.raft.get(node.ID);
  const out: Node = {
    ID: node.ID,
    Version: node.Version,
    CreatedAt: node.CreatedAt,
    UpdatedAt: node.UpdatedAt,
    Spec: node.Spec,
    Description: node.Description,
    Status: node.Status,
  };
  if (member) {
    const ms: ManagerStatus = { Reachability: reachability(cluster, node.ID), Addr: member.addr };
    out.ManagerStatus = cluster.leader === node.ID ? { Leader: true, ...ms } : ms;
  }
  return out;
}

const ROLES = ['worker', 'manager'];
const MEMBERSHIPS = ['pending', 'accepted'];

function labelsMatch(filters: string[], labels: Record<string, string> | undefined): boolean {
  for (const f of filters) {
    const eq = f.indexOf('=');
    const key = eq < 0 ? f : f.slice(0, eq);
    if (!labels || !(key in labels)) return false;
    if (eq >= 0 && labels[key] !== f.slice(eq + 1)) return false;
  }
  return true;
}

/** Cluster.GetNodes (filters: newListNodesFilters; matching: controlapi ListNodes) */
export function listNodes(d: Daemon, rawFilters: string | undefined): Node[] {
  const { cluster } = controlOf(d);
  const f = FilterArgs.parse(rawFilters);
  f.validate(['name', 'id', 'label', 'role', 'membership', 'node.label']);
  for (const r of f.get('role'))
    if (r !== '' && !ROLES.includes(r.toLowerCase())) throw systemError(`Invalid role filter: '${r}'`);
  for (const m of f.get('membership'))
    if (m !== '' && !MEMBERSHIPS.includes(m.toLowerCase()))
      throw systemError(`Invalid membership filter: '${m}'`);
  const names = f.get('name');
  const ids = f.get('id');
  const roles = f.get('role').map((r) => r.toLowerCase());
  return cluster.store
    .find<Node>('node')
    .filter(
      (n) =>
        (names.length === 0 || names.some((p) => (n.Description.Hostname ?? '').startsWith(p))) &&
        (ids.length === 0 || ids.some((p) => n.ID.startsWith(p))) &&
        labelsMatch(f.get('label'), n.Description.Engine?.Labels) &&
        labelsMatch(f.get('node.label'), n.Spec.Labels) &&
        (roles.length === 0 || roles.includes(n.Spec.Role ?? '')) &&
        (f.get('membership').length === 0 || f.get('membership').some((m) => m.toLowerCase() === 'accepted')),
    )
    .map((n) => nodeView(cluster, n));
}

/** helpers.go getNode: full ID, then hostname, then ID prefix. */
function findNode(cluster: Cluster, input: string): Node {
  const byId = cluster.store.get<Node>('node', input);
  if (byId) return byId;
  const all = cluster.store.find<Node>('node');
  let matches = all.filter(
    (n) => (n.Spec.Name || n.Description.Hostname || '').toLowerCase() === input.toLowerCase(),
  );
  matches = matches.filter((n) => n.Description.Hostname === input);
  if (matches.length === 0) matches = all.filter((n) => n.ID.startsWith(input));
  if (matches.length === 0) throw notFound(`node ${input} not found`);
  if (matches.length > 1)
    throw invalidParameter(`node ${input} is ambiguous (${matches.length} matches found)`);
  return matches[0]!;
}

export function getNode(d: Daemon, input: string): Node {
  const { cluster } = controlOf(d);
  return nodeView(cluster, findNode(cluster, input));
}

/** convert.NodeSpecToGRPC's checks, then controlapi UpdateNode's (demotion sanity checks). */
export function updateNode(d: Daemon, input: string, version: number, spec: NodeSpec): void {
  const { cluster } = controlOf(d);
  const role = spec.Role ?? '';
  if (role !== 'worker' && role !== 'manager') throw invalidParameter(`invalid Role: "${role}"`);
  const availability = spec.Availability ?? '';
  if (availability !== 'active' && availability !== 'pause' && availability !== 'drain')
    throw invalidParameter(`invalid Availability: "${availability}"`);
  const node = findNode(cluster, input);
  if (node.Spec.Role === 'manager' && role === 'worker') {
    const managers = cluster.store.find<Node>('node', (n) => n.Spec.Role === 'manager');
    if (managers.length === 1 && managers[0]!.ID === node.ID)
      throw grpcError('FailedPrecondition', 'attempting to demote the last manager of the swarm');
    if (!cluster.raft.has(node.ID)) throw grpcError('NotFound', "can't find manager in raft memberlist");
    if (!canRemoveMember(cluster, node.ID))
      throw grpcError(
        'FailedPrecondition',
        "can't remove member from the raft: this would result in a loss of quorum",
      );
  }
  const ordered: NodeSpec = {};
  if (spec.Name) ordered.Name = spec.Name;
  ordered.Labels = spec.Labels ?? {};
  ordered.Role = role;
  ordered.Availability = availability;
  try {
    cluster.store.update((tx) => {
      tx.update<Node>('node', {
        ...node,
        Version: { Index: version },
        UpdatedAt: cluster.timestamp(),
        Spec: ordered,
      });
    });
  } catch (err) {
    if (err instanceof StoreError) throw grpcError('Unknown', 'update out of sequence');
    throw err;
  }
  // the role manager: a promoted node joins the Raft group, a demoted one leaves it
  const member = cluster.daemonOf(node.ID);
  if (role === 'manager' && !cluster.raft.has(node.ID) && member)
    cluster.raft.set(node.ID, { nodeId: node.ID, addr: advertisedAddr(member) });
  if (role === 'worker' && cluster.raft.has(node.ID)) cluster.raft.delete(node.ID);
  runtimeOf(cluster).reconcile();
}

/** controlapi RemoveNode */
export function removeNode(d: Daemon, input: string, force: boolean): void {
  const { cluster } = controlOf(d);
  const node = findNode(cluster, input);
  if (node.Spec.Role === 'manager' && cluster.raft.has(node.ID))
    throw grpcError(
      'FailedPrecondition',
      `node ${node.ID} is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal`,
    );
  if (!force && node.Status.State === 'ready')
    throw grpcError('FailedPrecondition', `node ${node.ID} is not down and can't be removed`);
  cluster.store.update((tx) => tx.delete('node', node.ID));
  // Differs from Docker: a removed node that is still running learns it at once and
  // leaves swarm mode (SwarmKit's agent sees its session refused and the daemon its
  // certificate revoked); its tasks' containers are its agent's to stop.
  if (cluster.daemonOf(node.ID)) forgetMember(cluster, node.ID);
  runtimeOf(cluster).reconcile();
}

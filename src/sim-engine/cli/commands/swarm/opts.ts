/** docker/cli cli/command/swarm/opts.go: the option types of `swarm init`, `join`, `update`, `ca`. */
import { readCsvRecord } from '../opts/csv.ts';
import { parseTCPAddr } from '../opts/hosts.ts';
import type { ExternalCA as SwarmExternalCA, SwarmSpec } from '../../../api/types/swarm.ts';
import { CliError } from '../../errors.ts';
import type { FlagValues } from '../../flags.ts';

const defaultListenAddr = '0.0.0.0:2377';

/** NodeAddrOption.Set (`--listen-addr`): `host:port` with the default filled in. */
export function parseNodeAddr(value: string): string {
  return parseTCPAddr(value, defaultListenAddr).replace(/^tcp:\/\//, '');
}

/**
 * PEMFile.Set (`--ca-cert`, `--ca-key`). Differs from Docker: docker reads the file and
 * checks it is PEM while parsing flags; a parse function has no file system, so this
 * keeps the path and the run function reads it ("file contents must be in PEM format").
 */
export function parsePEMFile(value: string): string {
  return value;
}

/** api/types/swarm.ExternalCA (CACert holds the `cacert=` path until the run function reads it) */
export interface ExternalCA {
  Protocol: string;
  URL: string;
  Options: Record<string, string>;
  CACert?: string;
}

/**
 * ExternalCAOption.Set: `protocol=cfssl,url=https://…`. Differs from Docker: `cacert=`
 * is read by docker here; this keeps the path for the run function to read.
 */
export function parseExternalCA(caSpec: string): ExternalCA {
  const ca: ExternalCA = { Protocol: '', URL: '', Options: {} };
  let hasProtocol = false;
  let hasURL = false;
  for (const field of readCsvRecord(caSpec)) {
    const eq = field.indexOf('=');
    if (eq < 0) throw new Error(`invalid field '${field}' must be a key=value pair`);
    const key = field.slice(0, eq);
    const value = field.slice(eq + 1);
    switch (key.toLowerCase()) {
      case 'protocol':
        hasProtocol = true;
        if (value.toLowerCase() !== 'cfssl') throw new Error(`unrecognized external CA protocol ${value}`);
        ca.Protocol = 'cfssl';
        break;
      case 'url':
        hasURL = true;
        ca.URL = value;
        break;
      case 'cacert':
        ca.CACert = value;
        break;
      default:
        ca.Options[key] = value;
    }
  }
  if (!hasProtocol) throw new Error('the external-ca option needs a protocol= parameter');
  if (!hasURL) throw new Error('the external-ca option needs a url= parameter');
  return ca;
}

/** init/join `--availability` (the check runInit and runJoin make before any request). */
export function checkAvailability(value: string): string {
  const a = value.toLowerCase();
  if (a === 'active' || a === 'pause' || a === 'drain') return a;
  throw new CliError(`invalid availability "${value}", only active, pause and drain are supported`);
}

/** swarmOptions.mergeSwarmSpec: only the flags the user set change the spec. */
export function mergeSwarmSpec(base: SwarmSpec, flags: FlagValues, caCert?: string): SwarmSpec {
  const spec: SwarmSpec = JSON.parse(JSON.stringify(base)) as SwarmSpec;
  if (flags.has('task-history-limit'))
    spec.Orchestration = {
      ...spec.Orchestration,
      TaskHistoryRetentionLimit: flags.number('task-history-limit'),
    };
  if (flags.has('dispatcher-heartbeat'))
    spec.Dispatcher = { ...spec.Dispatcher, HeartbeatPeriod: flags.number('dispatcher-heartbeat') * 1e6 };
  if (flags.has('max-snapshots'))
    spec.Raft = {
      ElectionTick: 0,
      HeartbeatTick: 0,
      ...spec.Raft,
      KeepOldSnapshots: flags.number('max-snapshots'),
    };
  if (flags.has('snapshot-interval'))
    spec.Raft = {
      ElectionTick: 0,
      HeartbeatTick: 0,
      ...spec.Raft,
      SnapshotInterval: flags.number('snapshot-interval'),
    };
  if (flags.has('autolock')) spec.EncryptionConfig = { AutoLockManagers: flags.bool('autolock') };
  if (flags.has('cert-expiry'))
    spec.CAConfig = { ...spec.CAConfig, NodeCertExpiry: flags.number('cert-expiry') * 1e6 };
  if (flags.has('external-ca')) {
    spec.CAConfig = {
      ...spec.CAConfig,
      ExternalCAs: flags.list('external-ca').map((v) => {
        const ca = v as unknown as ExternalCA;
        return { Protocol: ca.Protocol, URL: ca.URL, Options: ca.Options, CACert: ca.CACert || caCert || '' };
      }),
    };
  }
  return spec;
}

/** swarmOptions.ToSpec: a zero spec with the flags given (for `swarm init`). */
export function specFromFlags(flags: FlagValues): SwarmSpec {
  return goSwarmSpec(mergeSwarmSpec({}, flags));
}

/** A value that is not Go's zero: what an omitempty field needs to be written. */
const set = <T>(v: T | undefined | null): v is T => v !== undefined && v !== null && v !== 0 && v !== '';

/**
 * A swarm.Spec as Go's encoding/json writes it in a request: the struct-valued fields are
 * always there (omitempty does not leave a struct out), their omitempty fields only when
 * set, Labels null when nil (api/types/swarm/swarm.go, moby v28.5.1).
 */
export function goSwarmSpec(spec: SwarmSpec): SwarmSpec {
  const raft = spec.Raft;
  const ca = spec.CAConfig ?? {};
  return {
    ...(spec.Name ? { Name: spec.Name } : {}),
    Labels: spec.Labels ?? (null as unknown as undefined),
    // a pointer: written when set, 0 too
    Orchestration:
      spec.Orchestration?.TaskHistoryRetentionLimit !== undefined
        ? { TaskHistoryRetentionLimit: spec.Orchestration.TaskHistoryRetentionLimit }
        : {},
    Raft: {
      ...(set(raft?.SnapshotInterval) ? { SnapshotInterval: raft.SnapshotInterval } : {}),
      ...(raft?.KeepOldSnapshots !== undefined ? { KeepOldSnapshots: raft.KeepOldSnapshots } : {}),
      ...(set(raft?.LogEntriesForSlowFollowers)
        ? { LogEntriesForSlowFollowers: raft.LogEntriesForSlowFollowers }
        : {}),
      ElectionTick: raft?.ElectionTick ?? 0,
      HeartbeatTick: raft?.HeartbeatTick ?? 0,
    },
    Dispatcher: set(spec.Dispatcher?.HeartbeatPeriod)
      ? { HeartbeatPeriod: spec.Dispatcher.HeartbeatPeriod }
      : {},
    CAConfig: {
      ...(set(ca.NodeCertExpiry) ? { NodeCertExpiry: ca.NodeCertExpiry } : {}),
      ...(ca.ExternalCAs && ca.ExternalCAs.length > 0
        ? { ExternalCAs: ca.ExternalCAs.map(goExternalCA) }
        : {}),
      ...(set(ca.SigningCACert) ? { SigningCACert: ca.SigningCACert } : {}),
      ...(set(ca.SigningCAKey) ? { SigningCAKey: ca.SigningCAKey } : {}),
      ...(set(ca.ForceRotate) ? { ForceRotate: ca.ForceRotate } : {}),
    },
    TaskDefaults: spec.TaskDefaults?.LogDriver ? { LogDriver: spec.TaskDefaults.LogDriver } : {},
    EncryptionConfig: { AutoLockManagers: spec.EncryptionConfig?.AutoLockManagers ?? false },
  };
}

function goExternalCA(ca: SwarmExternalCA): SwarmExternalCA {
  return {
    Protocol: ca.Protocol,
    URL: ca.URL,
    ...(ca.Options && Object.keys(ca.Options).length > 0 ? { Options: ca.Options } : {}),
    CACert: ca.CACert,
  };
}

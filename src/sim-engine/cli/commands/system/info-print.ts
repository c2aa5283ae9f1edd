/**
 * `docker info` without `--format` (docker/cli system/info.go prettyPrintInfo): plain
 * Println lines in the CLI's order, the client first, then the server; errors and the
 * daemon's warnings go to stderr.
 */
import type { InfoResponse, SwarmInfo } from '../../../api/types/system.ts';
import { bytesSize, humanDuration } from '../../../golang/units.ts';
import type { Writer } from '../../../process/types.ts';
import type { DockerInfo } from './info-value.ts';

/** fmt.Fprintln: operands joined by spaces. */
const line = (w: Writer, ...a: (string | number | boolean)[]) => w.write(a.map(String).join(' ') + '\n');

/** fprintlnNonEmpty: the label and value, unless the value is empty. */
const nonEmpty = (w: Writer, label: string, value: string | undefined) => {
  if (value) line(w, label, value);
};

/** Prints everything; returns whether errors were printed (the command then fails). */
export function prettyPrintInfo(out: Writer, err: Writer, info: DockerInfo): boolean {
  const client = info.ClientInfo;
  const platform = client.version.Platform?.Name ?? '';
  line(out, ...(platform ? ['Client:', platform] : ['Client:']));
  nonEmpty(out, ' Version:   ', client.version.Version);
  line(out, ' Context:   ', client.version.Context);
  line(out, ' Debug Mode:', client.Debug);
  if (client.Plugins.length > 0) {
    line(out, ' Plugins:');
    for (const p of client.Plugins) {
      out.write(`  ${p.Name}: ${p.ShortDescription} (${p.Vendor})\n`);
      nonEmpty(out, '    Version: ', p.Version);
      nonEmpty(out, '    Path:    ', p.Path);
    }
  }
  if (client.Warnings && client.Warnings.length > 0) line(err, client.Warnings.join('\n'));
  for (const e of info.ClientErrors) line(err, 'ERROR:', e);

  line(out);
  line(out, 'Server:');
  const errors = [...info.ServerErrors];
  if (info.info) errors.push(...printServer(out, err, info.info, info.UserName));
  for (const e of errors) line(err, 'ERROR:', e);
  return errors.length > 0 || info.ClientErrors.length > 0;
}

/** system.DecodeSecurityOptions */
function decodeSecurityOptions(opts: readonly string[]): { name: string; options: [string, string][] }[] {
  const out: { name: string; options: [string, string][] }[] = [];
  for (const opt of opts) {
    if (!opt.includes('=')) {
      out.push({ name: opt, options: [] });
      continue;
    }
    const so = { name: '', options: [] as [string, string][] };
    for (const s of opt.split(',')) {
      const eq = s.indexOf('=');
      if (eq < 0) throw new Error(`invalid security option "${s}"`);
      const [k, v] = [s.slice(0, eq), s.slice(eq + 1)];
      if (k === '' || v === '') throw new Error('invalid empty security option');
      if (k === 'name') so.name = v;
      else so.options.push([k, v]);
    }
    out.push(so);
  }
  return out;
}

/** prettyPrintServerInfo; returns the errors met on the way. */
function printServer(out: Writer, err: Writer, i: InfoResponse, userName: string): string[] {
  const errs: string[] = [];
  line(out, ' Containers:', i.Containers);
  line(out, '  Running:', i.ContainersRunning);
  line(out, '  Paused:', i.ContainersPaused);
  line(out, '  Stopped:', i.ContainersStopped);
  line(out, ' Images:', i.Images);
  nonEmpty(out, ' Server Version:', i.ServerVersion);
  nonEmpty(out, ' Storage Driver:', i.Driver);
  for (const [k, v] of i.DriverStatus ?? []) out.write(`  ${k}: ${v}\n`);
  for (const [k, v] of i.SystemStatus ?? []) out.write(` ${k}: ${v}\n`);
  nonEmpty(out, ' Logging Driver:', i.LoggingDriver);
  nonEmpty(out, ' Cgroup Driver:', i.CgroupDriver);
  nonEmpty(out, ' Cgroup Version:', i.CgroupVersion);
  line(out, ' Plugins:');
  line(out, '  Volume:', (i.Plugins.Volume ?? []).join(' '));
  line(out, '  Network:', (i.Plugins.Network ?? []).join(' '));
  if ((i.Plugins.Authorization ?? []).length > 0)
    line(out, '  Authorization:', (i.Plugins.Authorization ?? []).join(' '));
  line(out, '  Log:', (i.Plugins.Log ?? []).join(' '));
  if ((i.CDISpecDirs ?? []).length > 0) {
    line(out, ' CDI spec directories:');
    for (const dir of i.CDISpecDirs) out.write(`  ${dir}\n`);
  }
  if ((i.DiscoveredDevices ?? []).length > 0) {
    line(out, ' Discovered Devices:');
    for (const d of i.DiscoveredDevices ?? []) out.write(`  ${d.Source}: ${d.ID}\n`);
  }
  line(out, ' Swarm:', i.Swarm.LocalNodeState);
  printSwarmInfo(out, i.Swarm);
  const runtimes = Object.keys(i.Runtimes ?? {});
  if (runtimes.length > 0) {
    // Differs from Docker: Go ranges over the map in a random order; this is the sorted one
    line(out, ' Runtimes:', runtimes.join(' '));
    line(out, ' Default Runtime:', i.DefaultRuntime);
  }
  if (i.OSType === 'linux') {
    line(out, ' Init Binary:', i.InitBinary);
    line(out, ' containerd version:', i.ContainerdCommit.ID);
    line(out, ' runc version:', i.RuncCommit.ID);
    line(out, ' init version:', i.InitCommit.ID);
    if ((i.SecurityOptions ?? []).length > 0) {
      try {
        const kvs = decodeSecurityOptions(i.SecurityOptions);
        line(out, ' Security Options:');
        for (const so of kvs) {
          line(out, '  ' + so.name);
          for (const [k, v] of so.options) if (k === 'profile') line(out, '   Profile:', v);
        }
      } catch (e) {
        errs.push((e as Error).message);
      }
    }
  }
  if (i.OSType === 'windows') line(out, ' Default Isolation:', i.Isolation);
  nonEmpty(out, ' Kernel Version:', i.KernelVersion);
  nonEmpty(out, ' Operating System:', i.OperatingSystem);
  nonEmpty(out, ' OSType:', i.OSType);
  nonEmpty(out, ' Architecture:', i.Architecture);
  line(out, ' CPUs:', i.NCPU);
  line(out, ' Total Memory:', bytesSize(i.MemTotal));
  nonEmpty(out, ' Name:', i.Name);
  nonEmpty(out, ' ID:', i.ID);
  line(out, ' Docker Root Dir:', i.DockerRootDir);
  line(out, ' Debug Mode:', i.Debug);
  if (i.Debug) {
    line(out, '  File Descriptors:', i.NFd);
    line(out, '  Goroutines:', i.NGoroutines);
    line(out, '  System Time:', i.SystemTime);
    line(out, '  EventsListeners:', i.NEventsListener);
  }
  nonEmpty(out, ' HTTP Proxy:', i.HttpProxy);
  nonEmpty(out, ' HTTPS Proxy:', i.HttpsProxy);
  nonEmpty(out, ' No Proxy:', i.NoProxy);
  nonEmpty(out, ' Username:', userName);
  if ((i.Labels ?? []).length > 0) {
    line(out, ' Labels:');
    for (const l of i.Labels) line(out, '  ' + l);
  }
  line(out, ' Experimental:', i.ExperimentalBuild);
  const reg = i.RegistryConfig;
  if (reg && (reg.InsecureRegistryCIDRs.length > 0 || Object.keys(reg.IndexConfigs ?? {}).length > 0)) {
    line(out, ' Insecure Registries:');
    for (const ic of Object.values(reg.IndexConfigs ?? {})) if (!ic.Secure) line(out, '  ' + ic.Name);
    for (const cidr of reg.InsecureRegistryCIDRs) out.write(`  ${cidr}\n`);
  }
  if (reg && (reg.Mirrors ?? []).length > 0) {
    line(out, ' Registry Mirrors:');
    for (const m of reg.Mirrors) line(out, '  ' + m);
  }
  line(out, ' Live Restore Enabled:', i.LiveRestoreEnabled);
  if (i.ProductLicense) line(out, ' Product License:', i.ProductLicense);
  if ((i.DefaultAddressPools ?? []).length > 0) {
    line(out, ' Default Address Pools:');
    for (const p of i.DefaultAddressPools ?? []) out.write(`   Base: ${p.Base}, Size: ${p.Size}\n`);
  }
  line(out);
  for (const w of i.Warnings ?? []) line(err, w);
  return errs;
}

/** A swarm.ClusterInfo as the API sends it (the parts `docker info` prints). */
interface ClusterView {
  ID?: string;
  RootRotationInProgress?: boolean;
  DefaultAddrPool?: string[] | null;
  SubnetSize?: number;
  DataPathPort?: number;
  Spec?: {
    Orchestration?: { TaskHistoryRetentionLimit?: number | null };
    Raft?: {
      SnapshotInterval?: number;
      KeepOldSnapshots?: number | null;
      HeartbeatTick?: number;
      ElectionTick?: number;
    };
    Dispatcher?: { HeartbeatPeriod?: number };
    CAConfig?: {
      NodeCertExpiry?: number;
      ForceRotate?: number;
      SigningCACert?: string;
      ExternalCAs?: { Protocol: string; URL: string }[] | null;
    };
    EncryptionConfig?: { AutoLockManagers?: boolean };
  };
}

/** Go durations are nanoseconds; go-units HumanDuration takes them as such. */
const humanNanos = (ns: number | undefined) => humanDuration((ns ?? 0) / 1e6);

/** printSwarmInfo: nothing for inactive or locked nodes. */
function printSwarmInfo(out: Writer, s: SwarmInfo): void {
  if (s.LocalNodeState === 'inactive' || s.LocalNodeState === 'locked') return;
  line(out, '  NodeID:', s.NodeID);
  if (s.Error) line(out, '  Error:', s.Error);
  line(out, '  Is Manager:', s.ControlAvailable);
  const c = s.Cluster as ClusterView | undefined;
  if (c && s.ControlAvailable && s.Error === '' && s.LocalNodeState !== 'error') {
    const spec = c.Spec ?? {};
    line(out, '  ClusterID:', c.ID ?? '');
    line(out, '  Managers:', s.Managers ?? 0);
    line(out, '  Nodes:', s.Nodes ?? 0);
    if (c.DefaultAddrPool) {
      line(out, '  Default Address Pool:', c.DefaultAddrPool.map((p) => p + '  ').join(''));
      line(out, '  SubnetSize:', c.SubnetSize ?? 0);
    }
    if ((c.DataPathPort ?? 0) > 0) line(out, '  Data Path Port:', c.DataPathPort ?? 0);
    line(out, '  Orchestration:');
    line(out, '   Task History Retention Limit:', spec.Orchestration?.TaskHistoryRetentionLimit ?? 0);
    line(out, '  Raft:');
    line(out, '   Snapshot Interval:', spec.Raft?.SnapshotInterval ?? 0);
    const keep = spec.Raft?.KeepOldSnapshots;
    if (keep !== undefined && keep !== null) out.write(`   Number of Old Snapshots to Retain: ${keep}\n`);
    line(out, '   Heartbeat Tick:', spec.Raft?.HeartbeatTick ?? 0);
    line(out, '   Election Tick:', spec.Raft?.ElectionTick ?? 0);
    line(out, '  Dispatcher:');
    line(out, '   Heartbeat Period:', humanNanos(spec.Dispatcher?.HeartbeatPeriod));
    line(out, '  CA Configuration:');
    line(out, '   Expiry Duration:', humanNanos(spec.CAConfig?.NodeCertExpiry));
    line(out, '   Force Rotate:', spec.CAConfig?.ForceRotate ?? 0);
    const caCert = (spec.CAConfig?.SigningCACert ?? '').trim();
    if (caCert) out.write(`   Signing CA Certificate: \n${caCert}\n\n`);
    const externals = spec.CAConfig?.ExternalCAs ?? [];
    if (externals.length > 0) {
      line(out, '   External CAs:');
      for (const e of externals) out.write(`     ${e.Protocol}: ${e.URL}\n`);
    }
    line(out, '  Autolock Managers:', spec.EncryptionConfig?.AutoLockManagers ?? false);
    line(out, '  Root Rotation In Progress:', c.RootRotationInProgress ?? false);
  }
  line(out, '  Node Address:', s.NodeAddr);
  if ((s.RemoteManagers ?? []).length > 0) {
    const managers = (s.RemoteManagers ?? []).map((p) => p.Addr).sort();
    line(out, '  Manager Addresses:');
    for (const m of managers) out.write(`   ${m}\n`);
  }
}

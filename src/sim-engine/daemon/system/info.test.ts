import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../test/kit/lab.ts';
import { inactiveSwarm, setSwarmInfoProvider, swarmInfo, systemInfo } from './info.ts';

/** system.Info's JSON keys in Go field order (moby v28.5.2), as a Docker 28 CE node on cgroup v2 sends them. */
const GO_ORDER = [
  'ID',
  'Containers',
  'ContainersRunning',
  'ContainersPaused',
  'ContainersStopped',
  'Images',
  'Driver',
  'DriverStatus',
  'Plugins',
  'MemoryLimit',
  'SwapLimit',
  'CpuCfsPeriod',
  'CpuCfsQuota',
  'CPUShares',
  'CPUSet',
  'PidsLimit',
  'IPv4Forwarding',
  'Debug',
  'NFd',
  'OomKillDisable',
  'NGoroutines',
  'SystemTime',
  'LoggingDriver',
  'CgroupDriver',
  'CgroupVersion',
  'NEventsListener',
  'KernelVersion',
  'OperatingSystem',
  'OSVersion',
  'OSType',
  'Architecture',
  'IndexServerAddress',
  'RegistryConfig',
  'NCPU',
  'MemTotal',
  'GenericResources',
  'DockerRootDir',
  'HttpProxy',
  'HttpsProxy',
  'NoProxy',
  'Name',
  'Labels',
  'ExperimentalBuild',
  'ServerVersion',
  'Runtimes',
  'DefaultRuntime',
  'Swarm',
  'LiveRestoreEnabled',
  'Isolation',
  'InitBinary',
  'ContainerdCommit',
  'RuncCommit',
  'InitCommit',
  'SecurityOptions',
  'FirewallBackend',
  'CDISpecDirs',
  'Containerd',
  'Warnings',
];

describe('systemInfo (GET /info)', () => {
  it("lists system.Info's fields in Go order, leaving out the empty omitempty ones", () => {
    const lab = testLab();
    expect(Object.keys(systemInfo(lab.engine.host().daemon))).toEqual(GO_ORDER);
  });

  it('counts containers by state and images, and names the node', async () => {
    const lab = testLab({ images: ['alpine:latest', 'nginx:latest'], nodes: ['manager1'] });
    await lab.docker('create --name ca alpine');
    await lab.docker('run -d --name cb alpine sleep 100');
    await lab.docker('run -d --name cc alpine sleep 100');
    await lab.docker('pause cc');
    const d = lab.engine.host().daemon;
    const info = systemInfo(d);
    expect(info).toMatchObject({
      Containers: 3,
      ContainersRunning: 1,
      ContainersPaused: 1,
      ContainersStopped: 1,
      Images: 2,
      Name: 'manager1',
      ID: d.id,
      NCPU: 2,
      KernelVersion: '6.1.0-41-amd64',
      CgroupDriver: 'systemd',
      CgroupVersion: '2',
    });
  });

  it('warns about the unencrypted TCP listener, as dockerd does for -H tcp://0.0.0.0:2375', () => {
    const info = systemInfo(testLab().engine.host().daemon);
    expect(info.Warnings).toHaveLength(1);
    expect(info.Warnings![0]).toMatch(
      /^\[DEPRECATION NOTICE\]: API is accessible on http:\/\/0\.0\.0\.0:2375 without encryption\.\n/,
    );
  });

  it('is inactive in no swarm, and takes the swarm section and its warnings from the provider', () => {
    const d = testLab().engine.host().daemon;
    expect(swarmInfo(d)).toEqual(inactiveSwarm());
    setSwarmInfoProvider(d, () => ({
      ...inactiveSwarm(),
      LocalNodeState: 'active',
      Warnings: ['WARNING: x'],
    }));
    const info = systemInfo(d);
    expect(info.Swarm.LocalNodeState).toBe('active');
    expect(info.Warnings!.at(-1)).toBe('WARNING: x');
  });

  it('does not draw from the seeded generator (every ping asks for the swarm state)', () => {
    const d = testLab().engine.host().daemon;
    const before = d.random.state();
    systemInfo(d);
    expect(d.random.state()).toEqual(before);
  });
});

/**
 * A service as `docker stack config` prints it: types.ServiceConfig and the structs under
 * it (DeployConfig, HealthCheckConfig, volumespec.VolumeConfig…) in field order, with
 * their MarshalYAML: Duration as its String(), UnitBytes as a quoted number,
 * UlimitsConfig as its single value if it has one. OomScoreAdj has no yaml name, so
 * yaml.v3 names it after the Go field, lowercased.
 */
import { formatGoDuration } from '../golang/index.ts';
import type {
  DeployConfig,
  FileReferenceConfig,
  HealthCheckConfig,
  Resources,
  RestartPolicy,
  ServiceConfig,
  ServiceNetworkConfig,
  ServicePortConfig,
  ServiceVolumeConfig,
  UlimitsConfig,
  UpdateConfig,
} from './types.ts';
import type { EmitNode } from './yaml/emit.ts';
import {
  bool,
  float32,
  int,
  map,
  nil,
  oBool,
  oInt,
  oMapping,
  oString,
  oStrings,
  oStruct,
  pInt,
  seq,
  str,
  struct,
  withExtras,
} from './yaml/encode.ts';

/** types.Duration.MarshalYAML */
const duration = (ns: number): EmitNode => str(formatGoDuration(ns));
const oDuration = (ns: number | undefined): EmitNode | undefined => (ns ? duration(ns) : undefined);
const pDuration = (ns: number | undefined): EmitNode | undefined =>
  ns === undefined ? undefined : duration(ns);
/** types.UnitBytes.MarshalYAML: fmt.Sprintf("%d") */
const oUnitBytes = (n: number | undefined): EmitNode | undefined => (n ? str(String(n)) : undefined);

function updateConfig(u: UpdateConfig | undefined): EmitNode | undefined {
  if (!u) return undefined;
  return struct([
    ['parallelism', pInt(u.parallelism)],
    ['delay', oDuration(u.delay)],
    ['failure_action', oString(u.failureAction)],
    ['monitor', oDuration(u.monitor)],
    ['max_failure_ratio', u.maxFailureRatio ? float32(u.maxFailureRatio) : undefined],
    ['order', oString(u.order)],
  ]);
}

function resources(r: Resources): EmitNode | undefined {
  const l = r.limits;
  const v = r.reservations;
  return oStruct(
    struct([
      [
        'limits',
        l &&
          struct([
            ['cpus', oString(l.nanoCPUs)],
            ['memory', oUnitBytes(l.memoryBytes)],
            ['pids', oInt(l.pids)],
          ]),
      ],
      [
        'reservations',
        v &&
          struct([
            ['cpus', oString(v.nanoCPUs)],
            ['memory', oUnitBytes(v.memoryBytes)],
            [
              'generic_resources',
              v.genericResources?.length
                ? seq(
                    v.genericResources.map((g) =>
                      struct([
                        [
                          'discrete_resource_spec',
                          g.discreteResourceSpec &&
                            struct([
                              ['kind', str(g.discreteResourceSpec.kind)],
                              ['value', int(g.discreteResourceSpec.value)],
                            ]),
                        ],
                      ]),
                    ),
                  )
                : undefined,
            ],
          ]),
      ],
    ]),
  );
}

function restartPolicy(r: RestartPolicy | undefined): EmitNode | undefined {
  if (!r) return undefined;
  return struct([
    ['condition', oString(r.condition)],
    ['delay', pDuration(r.delay)],
    ['max_attempts', pInt(r.maxAttempts)],
    ['window', pDuration(r.window)],
  ]);
}

function deploy(d: DeployConfig): EmitNode | undefined {
  const p = d.placement;
  return oStruct(
    struct([
      ['mode', oString(d.mode)],
      ['replicas', pInt(d.replicas)],
      ['labels', oMapping(d.labels)],
      ['update_config', updateConfig(d.updateConfig)],
      ['rollback_config', updateConfig(d.rollbackConfig)],
      ['resources', resources(d.resources)],
      ['restart_policy', restartPolicy(d.restartPolicy)],
      [
        'placement',
        oStruct(
          struct([
            ['constraints', oStrings(p.constraints)],
            [
              'preferences',
              p.preferences?.length
                ? seq(p.preferences.map((pref) => struct([['spread', oString(pref.spread)]])))
                : undefined,
            ],
            ['max_replicas_per_node', oInt(p.maxReplicas)],
          ]),
        ),
      ],
      ['endpoint_mode', oString(d.endpointMode)],
    ]),
  );
}

function healthCheck(h: HealthCheckConfig | undefined): EmitNode | undefined {
  if (!h) return undefined;
  return struct([
    ['test', oStrings(h.test)],
    ['timeout', pDuration(h.timeout)],
    ['interval', pDuration(h.interval)],
    ['retries', pInt(h.retries)],
    ['start_period', pDuration(h.startPeriod)],
    ['start_interval', pDuration(h.startInterval)],
    ['disable', oBool(h.disable)],
  ]);
}

function fileReferences(refs: FileReferenceConfig[] | undefined): EmitNode | undefined {
  if (!refs?.length) return undefined;
  return seq(
    refs.map((r) =>
      struct([
        ['source', oString(r.source)],
        ['target', oString(r.target)],
        ['uid', oString(r.uid)],
        ['gid', oString(r.gid)],
        ['mode', pInt(r.mode)],
      ]),
    ),
  );
}

function serviceNetwork(n: ServiceNetworkConfig | null): EmitNode {
  if (n === null) return nil();
  return struct([
    ['aliases', oStrings(n.aliases)],
    ['driver_opts', oMapping(n.driverOpts)],
    ['ipv4_address', oString(n.ipv4Address)],
    ['ipv6_address', oString(n.ipv6Address)],
  ]);
}

function port(p: ServicePortConfig): EmitNode {
  return struct([
    ['mode', oString(p.mode)],
    ['target', oInt(p.target)],
    ['published', oInt(p.published)],
    ['protocol', oString(p.protocol)],
  ]);
}

/** UlimitsConfig.MarshalYAML */
function ulimit(u: UlimitsConfig): EmitNode {
  if (u.single) return int(u.single);
  return struct([
    ['single', oInt(u.single)],
    ['soft', oInt(u.soft)],
    ['hard', oInt(u.hard)],
  ]);
}

function volume(v: ServiceVolumeConfig): EmitNode {
  return struct([
    ['type', oString(v.type)],
    ['source', oString(v.source)],
    ['target', oString(v.target)],
    ['read_only', oBool(v.readOnly)],
    ['consistency', oString(v.consistency)],
    ['bind', v.bind && struct([['propagation', oString(v.bind.propagation)]])],
    [
      'volume',
      v.volume &&
        struct([
          ['nocopy', oBool(v.volume.noCopy)],
          ['subpath', oString(v.volume.subpath)],
        ]),
    ],
    ['image', v.image && struct([['subpath', oString(v.image.subpath)]])],
    ['tmpfs', v.tmpfs && struct([['size', oInt(v.tmpfs.size)]])],
    ['cluster', v.cluster && struct([])],
  ]);
}

export function service(s: ServiceConfig): EmitNode {
  const env = s.environment;
  return withExtras(
    [
      [
        'build',
        oStruct(
          struct([
            ['context', oString(s.build?.context)],
            ['dockerfile', oString(s.build?.dockerfile)],
          ]),
        ),
      ],
      ['cap_add', oStrings(s.capAdd)],
      ['cap_drop', oStrings(s.capDrop)],
      ['cgroupns_mode', oString(s.cgroupNSMode)],
      ['cgroup_parent', oString(s.cgroupParent)],
      ['command', oStrings(s.command)],
      ['configs', fileReferences(s.configs)],
      ['container_name', oString(s.containerName)],
      [
        'credential_spec',
        oStruct(
          struct([
            ['config', oString(s.credentialSpec.config)],
            ['file', oString(s.credentialSpec.file)],
            ['registry', oString(s.credentialSpec.registry)],
          ]),
        ),
      ],
      ['depends_on', oStrings(s.dependsOn)],
      ['deploy', deploy(s.deploy)],
      ['devices', oStrings(s.devices)],
      ['dns', oStrings(s.dns)],
      ['dns_search', oStrings(s.dnsSearch)],
      ['domainname', oString(s.domainName)],
      ['entrypoint', oStrings(s.entrypoint)],
      ['environment', env.size ? map(env, (v) => (v === null ? nil() : str(v))) : undefined],
      ['env_file', oStrings(s.envFile)],
      ['expose', oStrings(s.expose)],
      ['external_links', oStrings(s.externalLinks)],
      ['extra_hosts', oStrings(s.extraHosts)],
      ['hostname', oString(s.hostname)],
      ['healthcheck', healthCheck(s.healthCheck)],
      ['image', oString(s.image)],
      ['init', s.init === undefined ? undefined : bool(s.init)],
      ['ipc', oString(s.ipc)],
      ['isolation', oString(s.isolation)],
      ['labels', oMapping(s.labels)],
      ['links', oStrings(s.links)],
      [
        'logging',
        s.logging &&
          struct([
            ['driver', oString(s.logging.driver)],
            ['options', oMapping(s.logging.options)],
          ]),
      ],
      ['mac_address', oString(s.macAddress)],
      ['network_mode', oString(s.networkMode)],
      ['networks', s.networks?.size ? map(s.networks, serviceNetwork) : undefined],
      ['pid', oString(s.pid)],
      ['ports', s.ports?.length ? seq(s.ports.map(port)) : undefined],
      ['privileged', oBool(s.privileged)],
      ['read_only', oBool(s.readOnly)],
      ['restart', oString(s.restart)],
      ['secrets', fileReferences(s.secrets)],
      ['security_opt', oStrings(s.securityOpt)],
      ['shm_size', oString(s.shmSize)],
      ['stdin_open', oBool(s.stdinOpen)],
      ['stop_grace_period', pDuration(s.stopGracePeriod)],
      ['stop_signal', oString(s.stopSignal)],
      ['sysctls', oMapping(s.sysctls)],
      ['tmpfs', oStrings(s.tmpfs)],
      ['tty', oBool(s.tty)],
      ['ulimits', s.ulimits && Object.keys(s.ulimits).length ? map(s.ulimits, ulimit) : undefined],
      ['user', oString(s.user)],
      // OomScoreAdj has no yaml name: yaml.v3 lowercases the Go field's
      ['oomscoreadj', oInt(s.oomScoreAdj)],
      ['userns_mode', oString(s.userNSMode)],
      ['volumes', s.volumes?.length ? seq(s.volumes.map(volume)) : undefined],
      ['working_dir', oString(s.workingDir)],
    ],
    s.extras,
  );
}

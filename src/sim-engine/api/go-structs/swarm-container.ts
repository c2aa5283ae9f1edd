/**
 * github.com/docker/docker/api/types/swarm container.go (v28.5.1, as vendored by docker/cli
 * v28.5.2): the ContainerSpec of a task.
 */
import { type GoStructType, goField as f } from '../../golang/go-structs.ts';

const O = ',omitempty';

export const SWARM_CONTAINER: Record<string, GoStructType> = {
  'swarm.DNSConfig': {
    fields: [f('Nameservers', '[]string', O), f('Search', '[]string', O), f('Options', '[]string', O)],
  },
  'swarm.SELinuxContext': {
    fields: [
      f('Disable', 'bool'),
      f('User', 'string'),
      f('Role', 'string'),
      f('Type', 'string'),
      f('Level', 'string'),
    ],
  },
  'swarm.SeccompOpts': { fields: [f('Mode', 'swarm.SeccompMode', O), f('Profile', '[]byte', O)] },
  'swarm.AppArmorOpts': { fields: [f('Mode', 'swarm.AppArmorMode', O)] },
  'swarm.CredentialSpec': { fields: [f('Config', 'string'), f('File', 'string'), f('Registry', 'string')] },
  'swarm.Privileges': {
    fields: [
      f('CredentialSpec', '*swarm.CredentialSpec'),
      f('SELinuxContext', '*swarm.SELinuxContext'),
      f('Seccomp', '*swarm.SeccompOpts', O),
      f('AppArmor', '*swarm.AppArmorOpts', O),
      f('NoNewPrivileges', 'bool'),
    ],
  },
  'swarm.ContainerSpec': {
    fields: [
      f('Image', 'string', O),
      f('Labels', 'map[string]string', O),
      f('Command', '[]string', O),
      f('Args', '[]string', O),
      f('Hostname', 'string', O),
      f('Env', '[]string', O),
      f('Dir', 'string', O),
      f('User', 'string', O),
      f('Groups', '[]string', O),
      f('Privileges', '*swarm.Privileges', O),
      f('Init', '*bool', O),
      f('StopSignal', 'string', O),
      f('TTY', 'bool', O),
      f('OpenStdin', 'bool', O),
      f('ReadOnly', 'bool', O),
      f('Mounts', '[]mount.Mount', O),
      f('StopGracePeriod', '*time.Duration', O),
      // container.HealthConfig is an alias of the image spec's HealthcheckConfig
      f('Healthcheck', '*v1.HealthcheckConfig', O),
      f('Hosts', '[]string', O),
      f('DNSConfig', '*swarm.DNSConfig', O),
      f('Secrets', '[]*swarm.SecretReference', O),
      f('Configs', '[]*swarm.ConfigReference', O),
      f('Isolation', 'container.Isolation', O),
      f('Sysctls', 'map[string]string', O),
      f('CapabilityAdd', '[]string', O),
      f('CapabilityDrop', '[]string', O),
      // container.Ulimit is an alias of go-units' Ulimit
      f('Ulimits', '[]*units.Ulimit', O),
      f('OomScoreAdj', 'int64', O),
    ],
  },
};

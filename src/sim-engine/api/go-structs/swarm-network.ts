/**
 * github.com/docker/docker/api/types/swarm network.go (v28.5.1, as vendored by docker/cli
 * v28.5.2): a service's endpoint and its tasks' network attachments.
 */
import { type GoStructType, goField as f } from '../../golang/go-structs.ts';
import { ANNOTATIONS, META } from './swarm-common.ts';

const O = ',omitempty';

export const SWARM_NETWORK: Record<string, GoStructType> = {
  'swarm.Endpoint': {
    fields: [
      f('Spec', 'swarm.EndpointSpec', O),
      f('Ports', '[]swarm.PortConfig', O),
      f('VirtualIPs', '[]swarm.EndpointVirtualIP', O),
    ],
  },
  'swarm.EndpointSpec': {
    fields: [f('Mode', 'swarm.ResolutionMode', O), f('Ports', '[]swarm.PortConfig', O)],
  },
  'swarm.PortConfig': {
    fields: [
      f('Name', 'string', O),
      f('Protocol', 'swarm.PortConfigProtocol', O),
      f('TargetPort', 'uint32', O),
      f('PublishedPort', 'uint32', O),
      f('PublishMode', 'swarm.PortConfigPublishMode', O),
    ],
  },
  'swarm.EndpointVirtualIP': { fields: [f('NetworkID', 'string', O), f('Addr', 'string', O)] },
  'swarm.Network': {
    fields: [
      f('ID', 'string'),
      META,
      f('Spec', 'swarm.NetworkSpec', O),
      f('DriverState', 'swarm.Driver', O),
      f('IPAMOptions', '*swarm.IPAMOptions', O),
    ],
  },
  'swarm.NetworkSpec': {
    fields: [
      ANNOTATIONS,
      f('DriverConfiguration', '*swarm.Driver', O),
      f('IPv6Enabled', 'bool', O),
      f('Internal', 'bool', O),
      f('Attachable', 'bool', O),
      f('Ingress', 'bool', O),
      f('IPAMOptions', '*swarm.IPAMOptions', O),
      f('ConfigFrom', '*network.ConfigReference', O),
      f('Scope', 'string', O),
    ],
  },
  'swarm.NetworkAttachmentConfig': {
    fields: [f('Target', 'string', O), f('Aliases', '[]string', O), f('DriverOpts', 'map[string]string', O)],
  },
  'swarm.NetworkAttachment': {
    fields: [f('Network', 'swarm.Network', O), f('Addresses', '[]string', O)],
  },
  'swarm.IPAMOptions': { fields: [f('Driver', 'swarm.Driver', O), f('Configs', '[]swarm.IPAMConfig', O)] },
  'swarm.IPAMConfig': {
    fields: [f('Subnet', 'string', O), f('Range', 'string', O), f('Gateway', 'string', O)],
  },
  // api/types/network/network.go
  'network.ConfigReference': { fields: [f('Network', 'string')] },
};

/**
 * github.com/docker/docker/api/types/swarm node.go (v28.5.1, as vendored by docker/cli
 * v28.5.2): what `docker node inspect` decodes a node into.
 */
import { type GoStructType, goField as f } from '../../golang/go-structs.ts';
import { ANNOTATIONS, META } from './swarm-common.ts';

const O = ',omitempty';

export const SWARM_NODE: Record<string, GoStructType> = {
  'swarm.Node': {
    fields: [
      f('ID', 'string'),
      META,
      f('Spec', 'swarm.NodeSpec', O),
      f('Description', 'swarm.NodeDescription', O),
      f('Status', 'swarm.NodeStatus', O),
      f('ManagerStatus', '*swarm.ManagerStatus', O),
    ],
  },
  'swarm.NodeSpec': {
    fields: [ANNOTATIONS, f('Role', 'swarm.NodeRole', O), f('Availability', 'swarm.NodeAvailability', O)],
  },
  'swarm.NodeDescription': {
    fields: [
      f('Hostname', 'string', O),
      f('Platform', 'swarm.Platform', O),
      f('Resources', 'swarm.Resources', O),
      f('Engine', 'swarm.EngineDescription', O),
      f('TLSInfo', 'swarm.TLSInfo', O),
      f('CSIInfo', '[]swarm.NodeCSIInfo', O),
    ],
  },
  'swarm.Platform': { fields: [f('Architecture', 'string', O), f('OS', 'string', O)] },
  'swarm.EngineDescription': {
    fields: [
      f('EngineVersion', 'string', O),
      f('Labels', 'map[string]string', O),
      f('Plugins', '[]swarm.PluginDescription', O),
    ],
  },
  'swarm.NodeCSIInfo': {
    fields: [
      f('PluginName', 'string', O),
      f('NodeID', 'string', O),
      f('MaxVolumesPerNode', 'int64', O),
      f('AccessibleTopology', '*swarm.Topology', O),
    ],
  },
  'swarm.PluginDescription': { fields: [f('Type', 'string', O), f('Name', 'string', O)] },
  'swarm.NodeStatus': {
    fields: [f('State', 'swarm.NodeState', O), f('Message', 'string', O), f('Addr', 'string', O)],
  },
  'swarm.ManagerStatus': {
    fields: [f('Leader', 'bool', O), f('Reachability', 'swarm.Reachability', O), f('Addr', 'string', O)],
  },
  'swarm.Topology': { fields: [f('Segments', 'map[string]string', O)] },
};

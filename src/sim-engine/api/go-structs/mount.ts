/**
 * github.com/docker/docker/api/types/mount mount.go (v28.5.1, as vendored by docker/cli
 * v28.5.2): a mount of a service's ContainerSpec or a container's HostConfig.
 */
import { type GoStructType, goField as f } from '../../golang/go-structs.ts';

const O = ',omitempty';

export const MOUNT: Record<string, GoStructType> = {
  'mount.Mount': {
    fields: [
      f('Type', 'mount.Type', O),
      f('Source', 'string', O),
      f('Target', 'string', O),
      f('ReadOnly', 'bool', O),
      f('Consistency', 'mount.Consistency', O),
      f('BindOptions', '*mount.BindOptions', O),
      f('VolumeOptions', '*mount.VolumeOptions', O),
      f('ImageOptions', '*mount.ImageOptions', O),
      f('TmpfsOptions', '*mount.TmpfsOptions', O),
      f('ClusterOptions', '*mount.ClusterOptions', O),
    ],
  },
  'mount.BindOptions': {
    fields: [
      f('Propagation', 'mount.Propagation', O),
      f('NonRecursive', 'bool', O),
      f('CreateMountpoint', 'bool', O),
      f('ReadOnlyNonRecursive', 'bool', O),
      f('ReadOnlyForceRecursive', 'bool', O),
    ],
  },
  'mount.VolumeOptions': {
    fields: [
      f('NoCopy', 'bool', O),
      f('Labels', 'map[string]string', O),
      f('Subpath', 'string', O),
      f('DriverConfig', '*mount.Driver', O),
    ],
  },
  'mount.ImageOptions': { fields: [f('Subpath', 'string', O)] },
  'mount.Driver': { fields: [f('Name', 'string', O), f('Options', 'map[string]string', O)] },
  'mount.TmpfsOptions': {
    fields: [f('SizeBytes', 'int64', O), f('Mode', 'os.FileMode', O), f('Options', '[][]string', O)],
  },
  'mount.ClusterOptions': { fields: [] },
};

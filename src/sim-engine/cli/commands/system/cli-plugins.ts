/**
 * The CLI plugins `docker info` lists (pluginmanager.ListPlugins). A Docker CE install
 * from download.docker.com brings docker-buildx-plugin and docker-compose-plugin into
 * /usr/libexec/docker/cli-plugins; Dockyard presents `docker build` as BuildKit does,
 * so both are there, sorted by name as ListPlugins sorts them.
 *
 * Differs from Docker: the list is fixed rather than found by scanning the plugin
 * directories and running each plugin's metadata subcommand, because the plugins are
 * part of the simulated docker rather than programs on the host.
 */
import { marshal } from '../../../golang/json.ts';
import { withGoMethods } from '../../../golang/reflect.ts';
import { nilOf, withGoType } from '../../../golang/values.ts';

/** pluginmanager.Plugin: metadata.Metadata (embedded) then Name, Path, Err, ShadowedPaths. */
export interface CliPlugin {
  SchemaVersion: string;
  Vendor: string;
  Version: string;
  ShortDescription: string;
  URL: string;
  Hidden: boolean;
  Name: string;
  Path: string;
}

const PLUGIN_DIR = '/usr/libexec/docker/cli-plugins';

export const CLI_PLUGINS: readonly CliPlugin[] = [
  {
    SchemaVersion: '0.1.0',
    Vendor: 'Docker Inc.',
    Version: 'v0.29.1',
    ShortDescription: 'Docker Buildx',
    URL: 'https://github.com/docker/buildx',
    Hidden: false,
    Name: 'buildx',
    Path: `${PLUGIN_DIR}/docker-buildx`,
  },
  {
    SchemaVersion: '0.1.0',
    Vendor: 'Docker Inc.',
    Version: 'v2.40.3',
    ShortDescription: 'Docker Compose',
    URL: 'https://github.com/docker/compose',
    Hidden: false,
    Name: 'compose',
    Path: `${PLUGIN_DIR}/docker-compose`,
  },
];

/** A plugin as a Go value: its fields, nil Err, and the JSON its tags give (all omitempty). */
export function pluginValue(p: CliPlugin): object {
  const value = withGoType({ ...p, Err: nilOf('error'), ShadowedPaths: nilOf('[]string') }, 'manager.Plugin');
  const json: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) if (v !== '' && v !== false) json[k] = v;
  return withGoMethods(value, { MarshalJSON: () => marshal(json) });
}

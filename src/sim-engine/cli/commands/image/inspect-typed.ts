/**
 * The image.InspectResponse a `docker image inspect --format` template runs on, as
 * the CLI decodes it from the daemon's JSON: Go's field names (`.ID`, not `.Id`), in
 * the struct's order, with typed nils (`{{.Config.Entrypoint}}` prints `[]`,
 * `{{.Config.Labels}}` `map[]`), `Metadata.LastTagTime` a time.Time, and `{{json .}}`
 * as Go marshals the struct (omitempty fields left out, Config in its place).
 */
import type { ImageConfig, ImageInspect } from '../../../api/types/image.ts';
import { marshal } from '../../../golang/json.ts';
import { parseRFC3339, zeroTime, type GoTime } from '../../../golang/time.ts';
import { goMap, nilOf, withGoType } from '../../../golang/values.ts';
import { applyGoTypes } from '../../../golang/go-types.ts';
import { durationPaths, HEALTHCHECK_DURATIONS } from '../../inspect.ts';

const STRINGS = '[]string';
/**
 * These stand for plain struct encoding, not Go Marshalers: the encoder that calls
 * them escapes HTML or not (the `json` template function does not), so they must not.
 */
const PLAIN = { escapeHTML: false };

function stringMap<T extends object>(m: T | null | undefined, type: string): unknown {
  return m ? goMap({ ...m }, type) : nilOf(type);
}

/** ocispec.ImageConfig + DockerOCIImageConfigExt, flattened (the fields are promoted in Go). */
function typedConfig(c: ImageConfig): object {
  const config = {
    User: c.User ?? '',
    ExposedPorts: stringMap(c.ExposedPorts, 'map[string]struct {}'),
    Env: c.Env ?? nilOf(STRINGS),
    Entrypoint: c.Entrypoint ?? nilOf(STRINGS),
    Cmd: c.Cmd ?? nilOf(STRINGS),
    Volumes: stringMap(c.Volumes, 'map[string]struct {}'),
    WorkingDir: c.WorkingDir ?? '',
    Labels: stringMap(c.Labels, 'map[string]string'),
    StopSignal: c.StopSignal ?? '',
    ArgsEscaped: c.ArgsEscaped ?? false,
    Healthcheck: c.Healthcheck
      ? applyGoTypes(
          withGoType({ ...c.Healthcheck }, '*v1.HealthcheckConfig'),
          durationPaths('', HEALTHCHECK_DURATIONS),
        )
      : nilOf('*v1.HealthcheckConfig'),
    OnBuild: c.OnBuild ?? nilOf(STRINGS),
    Shell: c.Shell ?? nilOf(STRINGS),
    MarshalJSON: () => marshal(omitEmpty(c, CONFIG_ORDER), PLAIN),
  };
  return withGoType(config, '*v1.DockerOCIImageConfig');
}

const CONFIG_ORDER = [
  'User',
  'ExposedPorts',
  'Env',
  'Entrypoint',
  'Cmd',
  'Volumes',
  'WorkingDir',
  'Labels',
  'StopSignal',
  'ArgsEscaped',
  'Healthcheck',
  'OnBuild',
  'Shell',
];

const MAP_FIELDS = new Set(['ExposedPorts', 'Volumes', 'Labels']);

/** The listed fields in order, `omitempty` applied (nil, "", false, 0, empty slices and maps). */
function omitEmpty(o: object, order: readonly string[]): Record<string, unknown> {
  const src = o as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of order) {
    const v = src[k];
    if (v === undefined || v === null || v === '' || v === false || v === 0) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    out[k] = MAP_FIELDS.has(k) ? goMap({ ...(v as object) }) : v;
  }
  return out;
}

function lastTagTime(s: string): GoTime {
  try {
    return parseRFC3339(s);
  } catch {
    return zeroTime;
  }
}

export function typedImage(i: ImageInspect): object {
  const metadata = { LastTagTime: lastTagTime(i.Metadata.LastTagTime) };
  const typed = {
    ID: i.Id,
    RepoTags: i.RepoTags,
    RepoDigests: i.RepoDigests,
    Parent: i.Parent,
    Comment: i.Comment,
    Created: i.Created ?? '',
    Container: '',
    ContainerConfig: nilOf('*container.Config'),
    DockerVersion: i.DockerVersion,
    Author: i.Author,
    Config: i.Config ? typedConfig(i.Config) : nilOf('*v1.DockerOCIImageConfig'),
    Architecture: i.Architecture,
    Variant: i.Variant ?? '',
    Os: i.Os,
    OsVersion: '',
    Size: i.Size,
    VirtualSize: 0,
    GraphDriver: withGoType(
      { Data: stringMap(i.GraphDriver.Data, 'map[string]string'), Name: i.GraphDriver.Name },
      'storage.DriverData',
    ),
    RootFS: withGoType({ Type: i.RootFS.Type, Layers: i.RootFS.Layers ?? nilOf(STRINGS) }, 'image.RootFS'),
    Metadata: withGoType(metadata, 'image.Metadata'),
    Descriptor: nilOf('*v1.Descriptor'),
    Manifests: nilOf('[]image.ManifestSummary'),
    // Go marshals the struct with its json tags: `Id`, and omitempty where tagged
    MarshalJSON: () =>
      marshal(
        {
          Id: i.Id,
          RepoTags: i.RepoTags,
          RepoDigests: i.RepoDigests,
          Parent: i.Parent,
          Comment: i.Comment,
          ...(i.Created ? { Created: i.Created } : {}),
          DockerVersion: i.DockerVersion,
          Author: i.Author,
          Config: i.Config ? omitEmpty(i.Config, CONFIG_ORDER) : null,
          Architecture: i.Architecture,
          ...(i.Variant ? { Variant: i.Variant } : {}),
          Os: i.Os,
          Size: i.Size,
          GraphDriver: {
            Data: i.GraphDriver.Data ? goMap({ ...i.GraphDriver.Data }) : null,
            Name: i.GraphDriver.Name,
          },
          RootFS: { Type: i.RootFS.Type, ...(i.RootFS.Layers?.length ? { Layers: i.RootFS.Layers } : {}) },
          Metadata: { LastTagTime: metadata.LastTagTime },
        },
        PLAIN,
      ),
  };
  return withGoType(typed, 'image.InspectResponse');
}

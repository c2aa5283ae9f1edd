/**
 * `docker volume ls` rows (docker/cli cli/command/formatter/volume.go): the
 * volumeContext whose methods a `--format` template calls, and the default table.
 */
import type { Volume } from '../../api/types/volume.ts';
import { withGoType } from '../../golang/values.ts';
import { humanSize, labelsColumn } from './display.ts';
import { marshalContext, RAW_FORMAT_KEY, TABLE_FORMAT_KEY, type HeaderMap } from './formatter.ts';

const DEFAULT_QUIET = '{{.Name}}';
const DEFAULT_TABLE = 'table {{.Driver}}\t{{.Name}}';

/** NewVolumeFormat */
export function volumeFormat(source: string, quiet: boolean): string {
  switch (source) {
    case TABLE_FORMAT_KEY:
      return quiet ? DEFAULT_QUIET : DEFAULT_TABLE;
    case RAW_FORMAT_KEY:
      return quiet ? 'name: {{.Name}}' : 'name: {{.Name}}\\ndriver: {{.Driver}}\\n';
    default:
      return source;
  }
}

export const VOLUME_HEADER: HeaderMap = {
  ID: 'ID',
  Name: 'VOLUME NAME',
  Group: 'GROUP',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  Availability: 'AVAILABILITY',
  Mountpoint: 'MOUNTPOINT',
  Labels: 'LABELS',
  Links: 'LINKS',
  Size: 'SIZE',
  Status: 'STATUS',
};

/** The methods a template sees on a `docker volume ls` row. */
export class VolumeContext {
  readonly #v: Volume;

  constructor(v: Volume) {
    this.#v = v;
    withGoType(this, '*formatter.volumeContext');
  }

  MarshalJSON(): string {
    return marshalContext(this);
  }

  Name(): string {
    return this.#v.Name;
  }

  Driver(): string {
    return this.#v.Driver;
  }

  Scope(): string {
    return this.#v.Scope;
  }

  Mountpoint(): string {
    return this.#v.Mountpoint;
  }

  Labels(): string {
    return labelsColumn(this.#v.Labels);
  }

  Label(name: string): string {
    return this.#v.Labels?.[name] ?? '';
  }

  Links(): string {
    return this.#v.UsageData ? String(this.#v.UsageData.RefCount) : 'N/A';
  }

  Size(): string {
    return this.#v.UsageData ? humanSize(this.#v.UsageData.Size) : 'N/A';
  }

  Group(): string {
    return this.#v.ClusterVolume ? (this.#v.ClusterVolume.Spec.Group ?? '') : 'N/A';
  }

  Availability(): string {
    return this.#v.ClusterVolume ? (this.#v.ClusterVolume.Spec.Availability ?? '') : 'N/A';
  }

  Status(): string {
    return this.#v.ClusterVolume ? 'pending creation' : 'N/A';
  }
}

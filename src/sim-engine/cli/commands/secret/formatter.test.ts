/**
 * The secretContext a `docker secret ls --format` template runs on, and the pretty
 * inspect context: `{{json .}}` is the context's methods without arguments marshalled
 * as a Go map (keys sorted, as fixture 38's `--format json` line shows), each method
 * readable on its own, the Go type named in a template's error, and `--pretty`.
 * Object IDs and the nanoseconds of the times are masked: they are not the
 * formatter's.
 */
import { describe, expect, it } from 'vitest';
import { transcript } from '../../../../node/transcript.ts';

function masked(out: string): string {
  return out.replace(/\b[a-z0-9]{25}\b/g, '<ID>').replace(/(\d\d:\d\d:\d\d)\.\d+/g, '$1.<NS>');
}

describe('docker secret ls --format and inspect --pretty', () => {
  it('prints the secretContext as docker does', async () => {
    const out = await transcript(
      `# images: alpine:latest
docker swarm init > /dev/null
printf 'pw' | docker secret create -l env=prod --label team s - > /dev/null
printf 'x' | docker secret create plain - > /dev/null
docker secret ls --format '{{json .}}'
docker secret ls --format json
docker secret ls --format '{{.ID}}|{{.Name}}|{{.Driver}}|{{.CreatedAt}}|{{.UpdatedAt}}|{{.Labels}}|{{.Label "env"}}|{{.Label "no"}}'
docker secret ls --format 'table {{.Name}}\\t{{.Driver}}\\t{{.Labels}}'
docker secret ls --format '{{.Nope}}'
docker secret inspect --pretty s plain
`,
    );
    expect(masked(out)).toBe(`$ docker swarm init > /dev/null
$ printf 'pw' | docker secret create -l env=prod --label team s - > /dev/null
$ printf 'x' | docker secret create plain - > /dev/null
$ docker secret ls --format '{{json .}}'
{"CreatedAt":"Less than a second ago","Driver":"","ID":"<ID>","Labels":"","Name":"plain","UpdatedAt":"Less than a second ago"}
{"CreatedAt":"Less than a second ago","Driver":"","ID":"<ID>","Labels":"env=prod,team=","Name":"s","UpdatedAt":"Less than a second ago"}
$ docker secret ls --format json
{"CreatedAt":"Less than a second ago","Driver":"","ID":"<ID>","Labels":"","Name":"plain","UpdatedAt":"Less than a second ago"}
{"CreatedAt":"Less than a second ago","Driver":"","ID":"<ID>","Labels":"env=prod,team=","Name":"s","UpdatedAt":"Less than a second ago"}
$ docker secret ls --format '{{.ID}}|{{.Name}}|{{.Driver}}|{{.CreatedAt}}|{{.UpdatedAt}}|{{.Labels}}|{{.Label "env"}}|{{.Label "no"}}'
<ID>|plain||Less than a second ago|Less than a second ago|||
<ID>|s||Less than a second ago|Less than a second ago|env=prod,team=|prod|
$ docker secret ls --format 'table {{.Name}}\\t{{.Driver}}\\t{{.Labels}}'
NAME      DRIVER    LABELS
plain               
s                   env=prod,team=
$ docker secret ls --format '{{.Nope}}'
template parsing error: template: :1:2: executing "" at <.Nope>: can't evaluate field Nope in type *secret.secretContext
[exit 1]
$ docker secret inspect --pretty s plain
ID:              <ID>
Name:              s
Labels:
 - env=prod
 - team
Driver:            
Created at:        2026-11-28 10:00:00.<NS> +0000 utc
Updated at:        2026-11-28 10:00:00.<NS> +0000 utc
ID:              <ID>
Name:              plain
Driver:            
Created at:        2026-11-28 10:00:00.<NS> +0000 utc
Updated at:        2026-11-28 10:00:00.<NS> +0000 utc
`);
  });
});

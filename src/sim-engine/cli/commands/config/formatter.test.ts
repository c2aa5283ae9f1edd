/**
 * The configContext a `docker config ls --format` template runs on, and the pretty
 * inspect context (which ends with the data): `{{json .}}` is the context's methods
 * without arguments marshalled as a Go map (keys sorted), each method readable on its
 * own, the Go type named in a template's error, and `--pretty`.
 */
import { describe, expect, it } from 'vitest';
import { transcript } from '../../../../node/transcript.ts';

function masked(out: string): string {
  return out.replace(/\b[a-z0-9]{25}\b/g, '<ID>').replace(/(\d\d:\d\d:\d\d)\.\d+/g, '$1.<NS>');
}

describe('docker config ls --format and inspect --pretty', () => {
  it('prints the configContext as docker does', async () => {
    const out = await transcript(
      `# images: alpine:latest
docker swarm init > /dev/null
printf 'hi\\n' | docker config create -l app=web -l empty= c - > /dev/null
printf 'x' | docker config create plain - > /dev/null
docker config ls --format '{{json .}}'
docker config ls --format json
docker config ls --format '{{.ID}}|{{.Name}}|{{.CreatedAt}}|{{.UpdatedAt}}|{{.Labels}}|{{.Label "app"}}'
docker config ls --format 'table {{.Name}}\\t{{.Labels}}'
docker config ls --format '{{.Driver}}'
docker config inspect --pretty c plain
`,
    );
    expect(masked(out)).toBe(`$ docker swarm init > /dev/null
$ printf 'hi\\n' | docker config create -l app=web -l empty= c - > /dev/null
$ printf 'x' | docker config create plain - > /dev/null
$ docker config ls --format '{{json .}}'
{"CreatedAt":"Less than a second ago","ID":"<ID>","Labels":"app=web,empty=","Name":"c","UpdatedAt":"Less than a second ago"}
{"CreatedAt":"Less than a second ago","ID":"<ID>","Labels":"","Name":"plain","UpdatedAt":"Less than a second ago"}
$ docker config ls --format json
{"CreatedAt":"Less than a second ago","ID":"<ID>","Labels":"app=web,empty=","Name":"c","UpdatedAt":"Less than a second ago"}
{"CreatedAt":"Less than a second ago","ID":"<ID>","Labels":"","Name":"plain","UpdatedAt":"Less than a second ago"}
$ docker config ls --format '{{.ID}}|{{.Name}}|{{.CreatedAt}}|{{.UpdatedAt}}|{{.Labels}}|{{.Label "app"}}'
<ID>|c|Less than a second ago|Less than a second ago|app=web,empty=|web
<ID>|plain|Less than a second ago|Less than a second ago||
$ docker config ls --format 'table {{.Name}}\\t{{.Labels}}'
NAME      LABELS
c         app=web,empty=
plain     
$ docker config ls --format '{{.Driver}}'
template parsing error: template: :1:2: executing "" at <.Driver>: can't evaluate field Driver in type *config.configContext
[exit 1]
$ docker config inspect --pretty c plain
ID:\t\t\t<ID>
Name:\t\t\tc
Labels:
 - app=web
 - empty
Created at:            \t2026-11-28 10:00:00.<NS> +0000 utc
Updated at:            \t2026-11-28 10:00:00.<NS> +0000 utc
Data:
hi

ID:\t\t\t<ID>
Name:\t\t\tplain
Created at:            \t2026-11-28 10:00:00.<NS> +0000 utc
Updated at:            \t2026-11-28 10:00:00.<NS> +0000 utc
Data:
x
`);
  });
});

/**
 * The contexts `docker secret ls --format` and `docker config ls --format` templates
 * run on, and the pretty inspect contexts (formatter-objects.ts and each kind's
 * formatter.ts): `{{json .}}` is a context's methods without arguments marshalled as
 * a Go map (keys sorted, as fixture 38's `--format json` line shows), each method
 * readable on its own, the Go type named in a template's error, and `--pretty`.
 * Object IDs and the nanoseconds of the times are masked: they are not the
 * formatter's.
 */
import { describe, expect, it } from 'vitest';
import { transcript } from '../../../../node/transcript.ts';

/** The transcript of `script` on a new one-node swarm, IDs and nanoseconds masked. */
async function onSwarm(script: string): Promise<string> {
  const out = await transcript(`# images: alpine:latest\ndocker swarm init > /dev/null\n${script}`);
  return out
    .replace('$ docker swarm init > /dev/null\n', '')
    .replace(/\b[a-z0-9]{25}\b/g, '<ID>')
    .replace(/(\d\d:\d\d:\d\d)\.\d+/g, '$1.<NS>');
}

describe('the secret and config contexts', () => {
  it('print a secret as docker secret ls --format and inspect --pretty do', async () => {
    expect(
      await onSwarm(`printf 'pw' | docker secret create -l env=prod --label team s - > /dev/null
printf 'x' | docker secret create plain - > /dev/null
docker secret ls --format '{{json .}}'
docker secret ls --format json
docker secret ls --format '{{.ID}}|{{.Name}}|{{.Driver}}|{{.CreatedAt}}|{{.UpdatedAt}}|{{.Labels}}|{{.Label "env"}}|{{.Label "no"}}'
docker secret ls --format 'table {{.Name}}\\t{{.Driver}}\\t{{.Labels}}'
docker secret ls --format '{{.Nope}}'
docker secret inspect --pretty s plain
`),
    ).toBe(`$ printf 'pw' | docker secret create -l env=prod --label team s - > /dev/null
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

  it('print a config as docker config ls --format and inspect --pretty do', async () => {
    expect(
      await onSwarm(`printf 'hi\\n' | docker config create -l app=web -l empty= c - > /dev/null
printf 'x' | docker config create plain - > /dev/null
docker config ls --format '{{json .}}'
docker config ls --format json
docker config ls --format '{{.ID}}|{{.Name}}|{{.CreatedAt}}|{{.UpdatedAt}}|{{.Labels}}|{{.Label "app"}}'
docker config ls --format 'table {{.Name}}\\t{{.Labels}}'
docker config ls --format '{{.Driver}}'
docker config inspect --pretty c plain
`),
    ).toBe(`$ printf 'hi\\n' | docker config create -l app=web -l empty= c - > /dev/null
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

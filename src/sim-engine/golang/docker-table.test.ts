import { describe, expect, it } from 'vitest';
import {
  dockerHeaderFuncs,
  ellipsis,
  goMap,
  humanDuration,
  parseDockerTemplate,
  quote,
  TabWriter,
  truncateID,
  withGoMethods,
  withGoType,
} from './index.ts';

// How docker/cli's formatter.Context renders a table, put together from this
// folder's pieces: rows through the template, the header through the same template
// with HeaderFunctions, all of it through tabwriter(10, 1, 3, ' ', 0).
function renderTable(format: string, header: Record<string, string>, rows: object[]): string {
  const tmpl = parseDockerTemplate(format.slice('table '.length).trim().replaceAll('\\t', '\t'));
  const body = rows.map((r) => tmpl.execute(r) + '\n').join('');
  let head: string;
  try {
    // formatter.SubHeaderContext: a map[string]string with a Label method
    const sub = withGoMethods(goMap({ ...header }, 'formatter.SubHeaderContext'), {
      Label: (name: string) => name.split('.').at(-1)!.replace(/[-_]/g, ' '),
    });
    head = tmpl.funcs(dockerHeaderFuncs).execute(sub);
  } catch (e) {
    head = (e as { partialOutput: string }).partialOutput; // docker ignores header errors
  }
  const w = new TabWriter(10, 1, 3, ' ', 0);
  w.write(head);
  w.write('\n');
  w.write(body);
  return w.flush();
}

const containerHeader = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  RunningFor: 'CREATED',
  Status: 'STATUS',
  Ports: 'PORTS',
  Names: 'NAMES',
  Size: 'SIZE',
};

function container(id: string, command: string, ports: string, name: string) {
  return withGoType(
    {
      ID: () => truncateID(id),
      Image: () => 'busybox:latest',
      Command: () => quote(ellipsis(command, 20)),
      RunningFor: () => humanDuration(61_000) + ' ago',
      Status: () => 'Up 1 minute',
      Ports: () => ports,
      Names: () => name,
      Label: (k: string) => (k === 'com.example' ? 'yes' : ''),
    },
    '*formatter.ContainerContext',
  );
}

describe('a docker table, end to end', () => {
  it('matches container-list-without-format.golden', () => {
    const out = renderTable(
      'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}',
      containerHeader,
      [
        container('container_id', 'top', '', 'c1'),
        container('container_id', 'top', '80-82/tcp', 'c3'),
        container('container_id', 'top', '8.8.8.8:82->82/tcp', 'c5'),
      ],
    );
    expect(out).toBe(
      'CONTAINER ID   IMAGE            COMMAND   CREATED              STATUS        PORTS                NAMES\n' +
        'container_id   busybox:latest   "top"     About a minute ago   Up 1 minute                        c1\n' +
        'container_id   busybox:latest   "top"     About a minute ago   Up 1 minute   80-82/tcp            c3\n' +
        'container_id   busybox:latest   "top"     About a minute ago   Up 1 minute   8.8.8.8:82->82/tcp   c5\n',
    );
  });

  it('truncates IDs and commands as docker ps does', () => {
    const out = renderTable('table {{.ID}}\t{{.Command}}', containerHeader, [
      container(
        'sha256:4e5021d210f65ebe915670c7089120120bc0a303b90208592851708c1b8c04bd',
        '/docker-entrypoint.sh nginx -g daemon off;',
        '',
        'web',
      ),
    ]);
    expect(out).toBe('CONTAINER ID   COMMAND\n4e5021d210f6   "/docker-entrypoint.…"\n');
  });

  it("prints headers through HeaderFunctions and SubHeaderContext's Label", () => {
    const out = renderTable('table {{upper .Names}}\t{{.Label "com.example"}}', containerHeader, [
      container('x', 'top', '', 'web'),
    ]);
    expect(out).toBe('NAMES     example\nWEB       yes\n');
  });
});

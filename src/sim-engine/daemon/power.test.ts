/**
 * A machine that dies and boots again (`lab stop`, `lab start`): its containers die with
 * it unseen, and the booted daemon restores them as moby's restore does. Expected texts
 * were printed by a real node killed and booted (test/fidelity/multi).
 */
import { describe, expect, it } from 'vitest';
import { transcript } from '../../node/transcript.ts';

const blockOf = (out: string, cmd: string) => {
  const at = out.indexOf(`$ ${cmd}\n`);
  expect(at, cmd).toBeGreaterThanOrEqual(0);
  const rest = out.slice(at + cmd.length + 3);
  const end = rest.indexOf('\n$ ');
  return end < 0 ? rest : rest.slice(0, end + 1);
};

describe('lab stop and lab start: the machine dies and boots', () => {
  it('restores the running containers exited (255), restarts the always ones, removes --rm ones', async () => {
    const out = await transcript(
      `# images: alpine:latest
# nodes: 2
@node2 docker run -d --name plain alpine sleep 1000 >/dev/null
@node2 docker run -d --name always --restart always alpine sleep 1000 >/dev/null
@node2 docker run -d --name gone --rm alpine sleep 1000 >/dev/null
@node2 docker run --name done alpine true
@node2 docker run -d --name paused alpine sleep 1000 >/dev/null
@node2 docker pause paused
sleep 5
lab stop node2
sleep 30
lab start node2
@node2 docker ps -a --format '{{.Names}} {{.Status}}' | sort
@node2 docker inspect --format '{{.State.ExitCode}} {{.State.Paused}} {{.RestartCount}}' plain paused always
@node2 docker events --since 0 --until 0s --filter event=die --format '{{.Actor.Attributes.name}}'
`,
    );
    expect(blockOf(out, "@node2 docker ps -a --format '{{.Names}} {{.Status}}' | sort")).toBe(
      'always Up Less than a second\ndone Exited (0) 34 seconds ago\npaused Exited (255) Less than a second ago\nplain Exited (255) Less than a second ago\n',
    );
    expect(
      blockOf(
        out,
        "@node2 docker inspect --format '{{.State.ExitCode}} {{.State.Paused}} {{.RestartCount}}' plain paused always",
      ),
    ).toBe('255 false 0\n255 false 0\n0 false 0\n');
    // no one saw them die: the only die event is the one of `done`
    expect(
      blockOf(
        out,
        "@node2 docker events --since 0 --until 0s --filter event=die --format '{{.Actor.Attributes.name}}'",
      ),
    ).toBe('done\n');
  });

  it('stops nothing on a node that is already stopped, and boots only a stopped one', async () => {
    const out = await transcript(
      `# images: alpine:latest
# nodes: 2
@node2 docker run -d --name plain alpine sleep 1000 >/dev/null
lab start node2
@node2 docker ps --format '{{.Names}} {{.Status}}'
lab stop node2
lab stop node2
lab start node2
lab start node2
@node2 docker ps -a --format '{{.Names}} {{.Status}}'
`,
    );
    expect(blockOf(out, "@node2 docker ps --format '{{.Names}} {{.Status}}'")).toBe(
      'plain Up Less than a second\n',
    );
    expect(blockOf(out, "@node2 docker ps -a --format '{{.Names}} {{.Status}}'")).toBe(
      'plain Exited (255) Less than a second ago\n',
    );
  });
});

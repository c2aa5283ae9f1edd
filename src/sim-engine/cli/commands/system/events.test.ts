import { describe, expect, it } from 'vitest';
import { testLab, yieldToEngine, type TestLab } from '../../../../../test/kit/lab.ts';

/** `docker events …` left running in the background, as in a second terminal. */
function background(lab: TestLab, args: string[]) {
  let out = '';
  let err = '';
  const host = lab.engine.host();
  const proc = host.processes.spawn('docker', ['docker', ...args], {
    fs: host.fs,
    env: new Map([['HOME', '/root']]),
    cwd: '/root',
    stdin: { read: async () => null },
    stdout: { write: (t: string) => void (out += t) },
    stderr: { write: (t: string) => void (err += t) },
  });
  let status: number | undefined;
  void proc.wait().then((s) => (status = s));
  return {
    get out() {
      return out;
    },
    get err() {
      return err;
    },
    get status() {
      return status;
    },
    interrupt: () => proc.kill('SIGINT'),
  };
}

describe('docker events', () => {
  it('replays a bounded window, one line per event with its attributes sorted', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('create --name evmark alpine');
    await lab.docker('run --name evtest alpine echo hi');
    await lab.docker('volume create evvol');
    await lab.sleep(1000);
    const all = await lab.docker('events --since 1m --until 0s');
    expect(all.status).toBe(0);
    await expect(all.stdout).toMatchFileSnapshot('testdata/events.golden');
    const lines = all.stdout.trimEnd().split('\n');
    // strictly increasing times, with nine digits
    const times = lines.map((l) => l.split(' ')[0]!);
    expect(times.every((t) => /^2026-11-28T10:00:0\d\.\d{9}Z$/.test(t))).toBe(true);
    expect([...times].sort()).toEqual(times);

    const fmt = (filters: string[], format: string) =>
      lab.docker([
        'events',
        '--since',
        '1m',
        '--until',
        '0s',
        ...filters.flatMap((f) => ['--filter', f]),
        '--format',
        format,
      ]);
    expect(
      (await fmt(['container=evtest', 'event=die'], '{{.Action}} exit={{.Actor.Attributes.exitCode}}'))
        .stdout,
    ).toBe('die exit=0\n');
    expect(
      (
        await fmt(
          ['type=volume', 'volume=evvol'],
          '{{.Type}} {{.Action}} {{.Actor.ID}} {{.Actor.Attributes.driver}}',
        )
      ).stdout,
    ).toBe('volume create evvol local\n');
    expect((await fmt(['container=nothing-here'], '{{.ID}}')).stdout).toBe('');
    // keys the daemon does not know filter nothing
    expect((await fmt(['bogus=1'], '{{.Action}}')).stdout.split('\n')).toHaveLength(lines.length + 1);
  });

  it('writes json with the deprecated fields of container events, and {{.}} as Go prints the struct', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('create --name one alpine');
    await lab.sleep(1000);
    const json = await lab.docker('events --since 1m --until 0s --format json');
    const m = JSON.parse(json.stdout.split('\n')[0]!) as Record<string, unknown>;
    expect(Object.keys(m)).toEqual([
      'status',
      'id',
      'from',
      'Type',
      'Action',
      'Actor',
      'scope',
      'time',
      'timeNano',
    ]);
    expect(json.stdout).toMatch(/"timeNano":1795860000\d{9}\}/);
    const plain = await lab.docker(['events', '--since', '1m', '--until', '0s', '--format', '{{.}}']);
    expect(plain.stdout).toMatch(
      /^\{create [0-9a-f]{64} alpine container create \{[0-9a-f]{64} map\[image:alpine name:one\]\} local 1795860000 1795860000\d{9}\}\n/,
    );
  });

  it('follows new events until interrupted', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const ev = background(lab, [
      'events',
      '--format',
      '{{.Type}} {{.Action}} {{.Actor.Attributes.name}}',
      '--filter',
      'type=container',
    ]);
    await yieldToEngine();
    await lab.docker('create --name later alpine');
    await lab.docker('rm later');
    await lab.sleep(10);
    expect(ev.out).toBe('container create later\ncontainer destroy later\n');
    expect(ev.status).toBeUndefined();
    ev.interrupt();
    await lab.sleep(10);
    expect(ev.status).toBe(130);
  });

  it('stops by itself at a future --until', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    // a duration counts back from now; a future bound is an absolute time
    const until = String(Math.floor(lab.engine.clock.now() / 1000) + 5);
    const ev = background(lab, ['events', '--until', until, '--format', '{{.Action}}']);
    await yieldToEngine();
    await lab.docker('volume create v1');
    await lab.sleep(2000);
    expect(ev.status).toBeUndefined();
    await lab.sleep(4000);
    expect(ev).toMatchObject({ out: 'create\n', status: 0 });
  });

  it("reports bad times and formats as docker's client does", async () => {
    const lab = testLab();
    expect(await lab.docker(['events', '--since', '2024-13-01'])).toMatchObject({
      stderr: 'parsing time "2024-13-01": month out of range\n',
      status: 1,
    });
    expect(await lab.docker(['events', '--since', 'foo'])).toMatchObject({
      stderr: 'failed to parse value as time or duration: "foo"\n',
      status: 1,
    });
    expect((await lab.docker(['events', '--since', '5m', '--until', '10m'])).stderr).toMatch(
      /^Error response from daemon: `since` time \(\d+\) cannot be after `until` time \(\d+\)\n$/,
    );
    expect(await lab.docker(['events', '--format', '{{.Bad}}'])).toMatchObject({
      stderr:
        'Error parsing format: template: :1:2: executing "" at <.Bad>: can\'t evaluate field Bad in type *events.Message\n',
      status: 64,
    });
  });
});

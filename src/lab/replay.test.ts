/**
 * A lab brought back from its save is the lab that was saved: one PageLab is used with
 * time passing (through its wall-time driver, as on the page), saved through
 * LabPersistence into a fake store, and replayed into a second PageLab; the two must
 * print the same `docker ps -a`, `docker images` and `docker service ps`, hold the same
 * files and stand at the same virtual time, and go on the same way.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageLab, type LabShell } from './page-lab.ts';
import { LabPersistence, captureLab, labFingerprint, nodeSave, type SaveStore } from './persist.ts';
import { driverOf, macrotask, type WallTimeDriver } from './wall-clock.ts';
import { readCluster } from './cluster-state.ts';
import type { LabConfig } from '../content/lesson-schema.ts';
import { grade, parseGoal, snapshot } from '../sim-engine/index.ts';

function mapStore(): SaveStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => structuredClone(data.get(key)),
    put: async (key, value) => void data.set(key, structuredClone(value)),
    delete: async (key) => void data.delete(key),
  };
}

/** A terminal's streams: what was written, and a stdin the test types into. */
function terminal() {
  let text = '';
  const lines: (string | null)[] = [];
  let waiting: ((l: string | null) => void) | undefined;
  const w = { write: (t: string) => void (text += t) };
  return {
    io: {
      stdout: w,
      stderr: w,
      tty: true,
      stdin: {
        read: () =>
          lines.length > 0
            ? Promise.resolve(lines.shift()!)
            : new Promise<string | null>((resolve) => (waiting = resolve)),
      },
    },
    type(line: string | null) {
      const resolve = waiting;
      waiting = undefined;
      if (resolve) resolve(line);
      else lines.push(line);
    },
    text: () => text,
  };
}

/** The lab's driver, held still: the test moves time with step(), as the cluster view's Step does. */
async function pausedDriver(lab: PageLab): Promise<WallTimeDriver> {
  await lab.ready;
  const driver = driverOf(lab.engine.clock)!;
  driver.pause();
  return driver;
}

/** Run a line and move virtual time on until it ends (a second at a time). */
async function runStepping(lab: PageLab, driver: WallTimeDriver, node: string, line: string) {
  const t = terminal();
  let done = false;
  const status = lab
    .shell(node)
    .run(line, t.io)
    .finally(() => (done = true));
  for (let i = 0; i < 600 && !done; i++) {
    await macrotask();
    if (!done) await driver.step(1000);
  }
  return { status: await status, out: t.text() };
}

/** What the test compares, read with a session of its own (as the grader reads: not the learner's shell). */
async function state(lab: PageLab, files: string[]) {
  const read = async (line: string) => {
    let out = '';
    const w = { write: (t: string) => void (out += t) };
    await lab.engine.session('node1').run(line, { stdout: w, stderr: w });
    return out;
  };
  return {
    now: lab.engine.clock.now(),
    ps: await read('docker ps -a'),
    images: await read('docker images'),
    services: await read('docker service ps svc'),
    files: Object.fromEntries(files.map((f) => [f, lab.files.read('node1', f)])),
  };
}

const config: Partial<LabConfig> = {
  nodes: 1,
  images: ['nginx:latest', 'alpine:latest'],
  files: { Dockerfile: 'FROM alpine\nCMD ["echo", "hi"]\n' },
  setup: ['docker network create back'],
};
const key = '/lessons/replay/';

describe('a lab brought back from its save', () => {
  const labs: PageLab[] = [];
  let frozen: ReturnType<typeof vi.spyOn> | undefined;
  beforeEach(() => void (frozen = undefined));
  afterEach(() => {
    frozen?.mockRestore();
    for (const lab of labs.splice(0)) lab.dispose();
  });

  it('is the lab that was saved, down to a rolling update still under way, and goes on the same', async () => {
    const store = mapStore();
    const a = new PageLab(config);
    labs.push(a);
    const da = await pausedDriver(a);
    const shell = a.shell('node1');

    expect((await runStepping(a, da, 'node1', 'docker run -d --name web nginx')).status).toBe(0);
    await da.step(5000);
    // the editor's writes, a keystroke at a time: one write is kept of them
    a.files.write('node1', 'Dockerfile', 'FROM alpine\nRUN echo built > /built\n');
    a.files.write('node1', 'Dockerfile', 'FROM alpine\nRUN echo built > /built\nCMD ["cat", "/built"]\n');
    expect((await runStepping(a, da, 'node1', 'docker build -t app .')).status).toBe(0);
    // a command reading the terminal: what it read is an input too
    const cat = terminal();
    const catting = shell.run('cat > notes.txt', cat.io);
    await macrotask();
    cat.type('first line\n');
    await macrotask();
    cat.type(null);
    expect(await catting).toBe(0);
    // Ctrl-C to a following logs
    const logs = terminal();
    const following = shell.run('docker logs -f web', logs.io);
    // on the page a key press and the clock's next step are tasks of their own: the engine settles between
    await macrotask();
    await da.step(2000);
    shell.interrupt();
    expect(await following).toBe(130);
    // the cluster view's reads and Tab completion are not inputs, and change nothing
    await readCluster(a.engine);
    await shell.complete!('docker service sc', 17);

    expect((await runStepping(a, da, 'node1', 'docker swarm init')).status).toBe(0);
    expect(
      (await runStepping(a, da, 'node1', 'docker service create --name svc --replicas 2 nginx')).status,
    ).toBe(0);
    expect((await runStepping(a, da, 'node1', 'docker service scale svc=3')).status).toBe(0);
    await da.step(3000);
    // a rolling update that is still rolling when the page closes
    const update = terminal();
    const updateLine = 'docker service update --update-delay 20s --env-add STAGE=2 svc';
    const updating = shell.run(updateLine, update.io);
    await macrotask();
    for (let i = 0; i < 25; i++) await da.step(1000);
    let updated = false;
    void updating.then(() => (updated = true));
    await macrotask();
    expect(updated).toBe(false);

    // the page closes: the save is made as mount.ts makes it
    const persistence = new LabPersistence(key, { store, now: () => 1 });
    persistence.start(() =>
      captureLab(a, labFingerprint(config), { node1: nodeSave('root@node1:~# …\n', [updateLine]) }),
    );
    await persistence.flush();
    const before = await state(a, ['Dockerfile', 'notes.txt']);
    expect(before.services).toMatch(/svc\.1 .* Running/);
    expect(a.log.events.filter((e) => e.k === 'write')).toHaveLength(1);
    expect(a.log.events.some((e) => e.k === 'tick')).toBe(true);

    // a reload: wall time held still, so the brought-back lab stays where it was put
    const wall = performance.now();
    frozen = vi.spyOn(performance, 'now').mockReturnValue(wall);
    const loaded = await new LabPersistence(key, { store }).load(['node1'], labFingerprint(config));
    expect(loaded.notice).toBeUndefined();
    const save = loaded.save!;
    const b = new PageLab(config, { restore: { setup: save.setup, events: save.events, now: save.now } });
    labs.push(b);
    const db = await pausedDriver(b);
    expect(await b.restored).toEqual({ ok: true, diverged: 0 });
    expect(b.setup).toEqual(['docker network create back']);
    expect(await state(b, ['Dockerfile', 'notes.txt'])).toEqual(before);
    expect(before.files['notes.txt']).toBe('first line\n');
    expect(before.images).toMatch(/^app +latest/m);
    expect(b.running()).toEqual([{ node: 'node1', line: updateLine }]);
    // the log goes on from the saved one
    expect(b.log.events).toEqual(save.events);

    // both go on the same way: the update finishes in each, with the same output
    const taken = terminal();
    const adopted = b.shell('node1').run(updateLine, taken.io);
    await macrotask();
    for (let i = 0; i < 120 && !updated; i++) {
      await da.step(1000);
      await db.step(1000);
    }
    expect(await updating).toBe(0);
    expect(await adopted).toBe(0);
    expect(taken.text()).toBe(update.text());
    expect(taken.text()).toContain('Service svc converged');
    expect(b.running()).toEqual([]);
    expect(await state(b, ['Dockerfile'])).toEqual(await state(a, ['Dockerfile']));
  });

  it('a lab that followed wall time, and had an exercise Check, comes back as it was', async () => {
    const a = new PageLab(config);
    labs.push(a);
    await a.ready;
    const t = terminal();
    expect(await a.shell('node1').run('docker run -d -p 8080:80 --name web nginx && sleep 0.3', t.io)).toBe(
      0,
    );
    // a Check's HTTP goal: curl from the node, which nginx logs
    const goal = parseGoal('http:\n  GET http://localhost:8080:\n    status: 200\n');
    expect(grade(goal, await snapshot(a.reach(), goal)).passed).toBe(true);
    const driver = driverOf(a.engine.clock)!;
    driver.pause();
    expect(a.log.events.filter((e) => e.k === 'tick').length).toBeGreaterThan(0);
    expect(a.log.events.filter((e) => e.k === 'probe')).toHaveLength(1);
    const logs = async (lab: PageLab) => {
      let out = '';
      const w = { write: (text: string) => void (out += text) };
      await lab.engine.session('node1').run('docker logs web', { stdout: w, stderr: w });
      return out;
    };
    const before = { ...(await state(a, [])), logs: await logs(a) };
    expect(before.logs).toContain('"GET / HTTP/1.1" 200');
    frozen = vi.spyOn(performance, 'now').mockReturnValue(performance.now());
    const b = new PageLab(config, {
      restore: { setup: a.setup, events: a.log.events, now: a.engine.clock.now() },
    });
    labs.push(b);
    await pausedDriver(b);
    expect(await b.restored).toEqual({ ok: true, diverged: 0 });
    expect({ ...(await state(b, [])), logs: await logs(b) }).toEqual(before);
  });

  it('lines typed ahead of a docker run -it come back read in the same order', async () => {
    const a = new PageLab(config);
    labs.push(a);
    const da = await pausedDriver(a);
    // typed before the container's shell (or the docker CLI) reads anything
    const t = terminal();
    for (const line of ['echo a\n', 'echo b\n', 'exit 4\n']) t.type(line);
    let done = false;
    const running = a
      .shell('node1')
      .run('docker run -it --name box alpine sh', t.io)
      .finally(() => (done = true));
    for (let i = 0; i < 60 && !done; i++) {
      await macrotask();
      if (!done) await da.step(1000);
    }
    expect(await running).toBe(4);
    expect(t.text()).toBe('/ # a\r\n/ # b\r\n/ # ');
    const logs = async (lab: PageLab) => {
      let out = '';
      const w = { write: (text: string) => void (out += text) };
      await lab.engine.session('node1').run('docker logs box', { stdout: w, stderr: w });
      return out;
    };
    const before = { ...(await state(a, [])), logs: await logs(a) };
    expect(before.ps).toMatch(/Exited \(4\)/);
    expect(before.logs).toBe('/ # a\r\n/ # b\r\n/ # ');
    frozen = vi.spyOn(performance, 'now').mockReturnValue(performance.now());
    const b = new PageLab(config, {
      restore: { setup: a.setup, events: a.log.events, now: a.engine.clock.now() },
    });
    labs.push(b);
    await pausedDriver(b);
    expect(await b.restored).toEqual({ ok: true, diverged: 0 });
    expect({ ...(await state(b, [])), logs: await logs(b) }).toEqual(before);
  });

  it('a save whose inputs do not fit the lab fails its replay (the page then starts fresh)', async () => {
    const b = new PageLab(config, {
      restore: { setup: [], events: [{ k: 'stdin', t: 0, of: 0, data: 'x' }], now: 0 },
    });
    labs.push(b);
    await b.ready;
    expect(await b.restored).toMatchObject({ ok: false });
  });
});

describe('Undo', () => {
  const labs: PageLab[] = [];
  afterEach(() => {
    for (const lab of labs.splice(0)) lab.dispose();
  });

  const run = (shell: LabShell, line: string) => shell.run(line, terminal().io);

  it('makes the lab again as it was just before the last command line; again goes further back', async () => {
    const a = new PageLab(config);
    labs.push(a);
    const da = await pausedDriver(a);
    expect(a.undoPoint()).toBeUndefined();
    expect((await runStepping(a, da, 'node1', 'docker run -d --name web nginx')).status).toBe(0);
    await da.step(4000);
    a.files.write('node1', 'app.txt', 'v1\n');
    await da.step(1000);
    const t = a.engine.clock.now();
    await run(a.shell('node1'), 'docker rm -f web');
    a.files.write('node1', 'app.txt', 'v2\n');
    await da.step(3000);

    const point = a.undoPoint()!;
    expect(point).toMatchObject({ node: 'node1', line: 'docker rm -f web', now: t, setup: config.setup });
    const b = new PageLab(config, { restore: point });
    labs.push(b);
    const db = await pausedDriver(b);
    expect(await b.restored).toEqual({ ok: true, diverged: 0 });
    expect(b.engine.clock.now()).toBe(t);
    const ps = await runStepping(b, db, 'node1', 'docker ps -a --format "{{.Names}} {{.Status}}"');
    expect(ps.out).toMatch(/^web Up \d seconds\n$/);
    expect(b.files.read('node1', 'app.txt')).toBe('v1\n');

    // the `docker ps` just run is the next to go, then the run itself
    expect(b.undoPoint()?.line).toMatch(/^docker ps -a/);
    const c = new PageLab(config, { restore: b.undoPoint()! });
    labs.push(c);
    await c.ready;
    const d = new PageLab(config, { restore: c.undoPoint()! });
    labs.push(d);
    const dd = await pausedDriver(d);
    expect(d.undoPoint()).toBeUndefined();
    expect((await runStepping(d, dd, 'node1', 'docker ps -aq')).out).toBe('');
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HeadlessLab } from '../verify.ts';
import { catchUp, labFolder, lessonLab, runSetup, SETUP_LEAD_MS, writeLabFolder } from './lesson.ts';
import { parseServeArgs } from './options.ts';

describe('serve --lesson', () => {
  it('is a flag of its own, exclusive with --nodes and --images', () => {
    expect(parseServeArgs(['--lesson', 'swarm/create-a-swarm'], '/w').lesson).toBe('swarm/create-a-swarm');
    expect(() => parseServeArgs(['--lesson=x', '--nodes', '3'], '/w')).toThrow(
      "--lesson makes the lesson's lab: its nodes and images are the lesson's, not --nodes/--images",
    );
    expect(() => parseServeArgs(['--lesson='], '/w')).toThrow('--lesson needs a lesson');
  });

  it("makes the lesson's lab: its node names, images, files and setup, with the exercise's", () => {
    const lab = lessonLab('stacks/deploy-a-stack#roll-web');
    expect(lab.nodes).toEqual(['manager1', 'worker1', 'worker2']);
    expect(lab.images).toContain('nginx:1.17');
    expect(Object.keys(lab.files)).toEqual(['stack.yml']);
    expect(lab.setup[0]).toBe('docker swarm init --advertise-addr 192.168.0.11');
    expect(lab.setup.at(-1)).toBe('docker stack deploy -c stack.yml shop');
    expect(lessonLab('swarm/create-a-swarm').exercise).toBeUndefined();
  });

  it('names what it cannot find', () => {
    expect(() => lessonLab('swarm/nope')).toThrow(/no lesson swarm\/nope in .*; the lessons are: /);
    expect(() => lessonLab('swarm/create-a-swarm#nope')).toThrow(
      'swarm/create-a-swarm has no exercise nope; it has ',
    );
  });

  it('says which setup command failed, with its output', async () => {
    const h = new HeadlessLab({});
    await expect(runSetup(h.engine, ['true', 'docker service ls'])).rejects.toThrow(
      "the lesson's setup failed: `docker service ls` (exit 1): Error response from daemon: This node is not a swarm manager.",
    );
  });

  describe('the lab folder', () => {
    let dir = '';
    afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

    it('is /root of the first node as the setup left it, without dotfiles', async () => {
      const h = new HeadlessLab({ files: { 'a.txt': 'one\n', 'site/index.html': '<h1>hi</h1>\n' } });
      await runSetup(h.engine, ['printf two > b.txt', 'echo x > .hidden']);
      expect(labFolder(h.engine)).toEqual({
        'a.txt': 'one\n',
        'b.txt': 'two',
        'site/index.html': '<h1>hi</h1>\n',
      });
    });

    it('is written where the CLI runs, never over a file already there', () => {
      dir = mkdtempSync(join(tmpdir(), 'lesson-'));
      writeFileSync(join(dir, 'same.yml'), 'same');
      writeFileSync(join(dir, 'mine.yml'), 'mine');
      const said = writeLabFolder({ 'same.yml': 'same', 'mine.yml': 'lesson', 'sub/new.txt': 'new' }, dir);
      expect(said).toEqual([
        `kept ${join(dir, 'mine.yml')}: it is not the lesson's (remove it to start from the lesson's)`,
        `wrote ${join(dir, 'sub/new.txt')}`,
      ]);
      expect(readFileSync(join(dir, 'mine.yml'), 'utf8')).toBe('mine');
      expect(readFileSync(join(dir, 'sub/new.txt'), 'utf8')).toBe('new');
    });
  });
});

describe('the lesson lab and the machine clock', () => {
  it('catches up to the machine: timers on the way fire, in order', async () => {
    const h = new HeadlessLab({});
    const start = h.engine.clock.now();
    const fired: number[] = [];
    h.engine.clock.after(20_000, () => fired.push(h.engine.clock.now() - start));
    h.engine.clock.after(5_000, () => fired.push(h.engine.clock.now() - start));
    await catchUp(h.engine, start + SETUP_LEAD_MS);
    expect(fired).toEqual([5_000, 20_000]);
    expect(h.engine.clock.now()).toBe(start + SETUP_LEAD_MS);
  });
});

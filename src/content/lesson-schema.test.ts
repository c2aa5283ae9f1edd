import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonFrontmatterProblems, lessonSchema } from './lesson-schema.ts';
import { MODULE_IDS } from './modules.ts';

const FILE = 'src/content/lessons/containers/broken.mdx';
const good = {
  title: 'Run your first container',
  description: 'Start one.',
  module: 'containers',
  order: 1,
  duration: 15,
  objectives: ['Run a container'],
  lab: { nodes: ['manager1', 'worker1'], setup: ['docker swarm init'] },
};

describe('lesson frontmatter', () => {
  it('fills in the lab defaults', () => {
    expect(lessonSchema.parse({ ...good, lab: {} }).lab).toEqual({
      nodes: 1,
      images: [],
      setup: [],
      files: {},
    });
    expect(lessonFrontmatterProblems(FILE, good)).toEqual([]);
  });

  it('names the file and the field of each mistake, in plain words', () => {
    const bad = {
      ...good,
      description: undefined,
      module: 'container',
      order: 'first',
      objectives: [],
      lab: { node: 3, nodes: 'three', files: { '../etc/passwd': 'x' } },
    };
    expect(lessonFrontmatterProblems(FILE, bad)).toEqual([
      `${FILE}: description is missing: it must be text: one or two sentences about the lesson`,
      `${FILE}: module must be one of containers, dockerfiles, swarm, services, stacks (the lesson's folder)`,
      `${FILE}: order must be a whole number: the lesson’s position in its module (1, 2, …)`,
      `${FILE}: objectives must name at least one thing the learner will be able to do`,
      `${FILE}: lab.nodes must be a number of nodes from 1 to 9, or a list of node names like [manager1, worker1]`,
      `${FILE}: lab.files.../etc/passwd is not a usable path: file paths are relative to the lab folder (/root) and may not contain ..`,
      `${FILE}: lab has no field node (a lab has nodes, images, setup and files)`,
    ]);
  });

  it('checks node names', () => {
    expect(lessonFrontmatterProblems(FILE, { ...good, lab: { nodes: ['Manager 1'] } })).toEqual([
      `${FILE}: lab.nodes.0 a node name is lower-case letters, digits and dashes, starting with a letter (like manager1)`,
    ]);
    expect(lessonFrontmatterProblems(FILE, { ...good, lab: { nodes: ['a', 'a'] } })).toEqual([
      `${FILE}: lab.nodes node names must be different from one another`,
    ]);
  });

  it('a lesson is a lesson unless it says it is a challenge', () => {
    expect(lessonSchema.parse(good).kind).toBe('lesson');
    expect(lessonSchema.parse({ ...good, kind: 'challenge' }).kind).toBe('challenge');
    expect(lessonFrontmatterProblems(FILE, { ...good, kind: 'quiz' })).toEqual([
      `${FILE}: kind must be lesson or challenge (a challenge is a set of scored exercises)`,
    ]);
  });
});

describe('the lessons in src/content/lessons', () => {
  const root = 'src/content/lessons';
  const folders = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory());

  it('are in module folders, and say the module of their folder', () => {
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) {
      expect(MODULE_IDS).toContain(folder.name);
      for (const file of readdirSync(join(root, folder.name)).filter((f) => /\.mdx?$/.test(f))) {
        const text = readFileSync(join(root, folder.name, file), 'utf8');
        expect(/^module: *(\S+)$/m.exec(text)?.[1], `${folder.name}/${file}`).toBe(folder.name);
      }
    }
  });
});

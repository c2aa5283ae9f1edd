/**
 * The contract between a lesson's author and the site: what a lesson's frontmatter may
 * say. Every field is documented here, and every mistake is reported in plain words
 * naming the field (the build prints them with the lesson's file; see
 * `lessonFrontmatterProblems` for the same text in tests and tools).
 */
import { z } from 'astro/zod';
import { MODULE_IDS } from './modules.ts';

/** The message for a field: "is missing" when absent, else what it must be. */
function says(what: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? `is missing: it ${what}` : what);
}

/** A lab node's host name: what the terminal tab and the prompt show (`root@manager1:~#`). */
const nodeName = z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, {
  error: 'a node name is lower-case letters, digits and dashes, starting with a letter (like manager1)',
});

/** What the lab of a lesson starts as. Leave `lab` out for a lesson with no terminal. */
export const labSchema = z.strictObject(
  {
    /**
     * How many machines the lab has, or their names: `3` gives node1, node2, node3;
     * `[manager1, worker1, worker2]` names them. The terminal shows a tab per node.
     */
    nodes: z
      .union(
        [
          z.int().min(1).max(9),
          z
            .array(nodeName)
            .min(1)
            .max(9)
            .refine((names) => new Set(names).size === names.length, {
              error: 'node names must be different from one another',
            }),
        ],
        { error: 'must be a number of nodes from 1 to 9, or a list of node names like [manager1, worker1]' },
      )
      .default(1),
    /**
     * Images already on every node when the lab starts (`nginx:latest`), so the lesson
     * does not begin with a download. Others are pulled from the simulated Docker Hub when used.
     */
    images: z
      .array(z.string().min(1), { error: 'must be a list of image names like [nginx:latest]' })
      .default([]),
    /**
     * Commands run on the lab before the learner's prompt appears, in order, as if typed
     * on the first node; `@NAME command` runs on node NAME. Their output is not shown,
     * and the time they take passes at once.
     */
    setup: z.array(z.string(), { error: 'must be a list of commands (one string each)' }).default([]),
    /**
     * Starter files put in root's home (`/root`) on every node: path → text, e.g.
     * `Dockerfile: "FROM alpine\n"`; paths are relative and may have folders (`app/index.html`).
     */
    files: z
      .record(
        z.string().regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$)).+$/, {
          error: 'file paths are relative to the lab folder and may not contain ..',
        }),
        z.string({ error: 'a file’s content must be text' }),
        {
          error: (issue) =>
            issue.code === 'invalid_key'
              ? 'is not a usable path: file paths are relative to the lab folder (/root) and may not contain ..'
              : issue.code === 'invalid_type'
                ? 'must map file paths to their text, like { Dockerfile: "FROM alpine" }'
                : undefined,
        },
      )
      .default({}),
    /**
     * The lab's file editor (Monaco, loaded when the learner opens it), showing root's
     * home on the node being shown: `true` gives a tab to every starter file in
     * `files`; `{ files: [Dockerfile, app.py] }` names the files that get a tab, in that
     * order (a named file that does not exist yet starts empty). Files the learner
     * makes in the terminal get a tab too. Edits reach the lab's file system at once.
     * Leave it out for a lab without an editor.
     */
    editor: z
      .union(
        [
          z.boolean(),
          z.strictObject({
            files: z
              .array(
                z.string().regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$)).+$/, {
                  error: 'file paths are relative to the lab folder (/root) and may not contain ..',
                }),
              )
              .min(1),
          }),
        ],
        { error: 'must be true (every starter file gets a tab) or { files: [Dockerfile, app.py] }' },
      )
      .optional(),
    /**
     * The cluster view (nodes as columns, their tasks and containers as cards, clock
     * controls), opened with the lab panel's Cluster button: `true` or `false`. Left out,
     * a lab of more than one node has it and a one-node lab does not.
     */
    clusterView: z.boolean({ error: 'must be true or false' }).optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `has no field ${issue.keys.join(', ')} (a lab has nodes, images, setup and files)`
        : 'must be a block with nodes, images, setup or files',
  },
);

export type LabConfig = z.output<typeof labSchema>;

/** The fields a lesson adds to a Starlight page's frontmatter (title and description are Starlight's). */
export const lessonFields = {
  /** The module (chapter) the lesson belongs to: the name of its folder under src/content/lessons/. */
  module: z.enum(MODULE_IDS, {
    error: says(`must be one of ${MODULE_IDS.join(', ')} (the lesson's folder)`),
  }),
  /** Position of the lesson in its module: 1 is first. Orders the sidebar and prev/next. */
  order: z
    .int({ error: says('must be a whole number: the lesson’s position in its module (1, 2, …)') })
    .min(1, {
      error: 'must be 1 or more',
    }),
  /** About how long the lesson takes, in minutes, shown under the title. */
  duration: z
    .int({ error: says('must be a whole number of minutes, like 15') })
    .min(1, { error: 'must be 1 or more' }),
  /** What the learner can do after the lesson, one sentence each, shown at the top of the page. */
  objectives: z
    .array(z.string().min(1), {
      error: says('must be a list of sentences (what the learner will be able to do)'),
    })
    .min(1, { error: 'must name at least one thing the learner will be able to do' }),
  /**
   * What the page is: `lesson` (the default) teaches, with exercises to try along the
   * way; `challenge` is a set of scored exercises on what the module taught. In a
   * challenge each <Exercise> is worth its `points` (10 unless it says otherwise),
   * hints and the solution cost some of them (src/lab/progress-score.ts), and the page
   * shows the score so far; the Progress page shows every challenge's score.
   */
  kind: z
    .enum(['lesson', 'challenge'], {
      error: 'must be lesson or challenge (a challenge is a set of scored exercises)',
    })
    .default('lesson'),
  /** The live lab the lesson's terminal is wired to; leave out for a page without one. */
  lab: labSchema.optional(),
};

/** A lesson's whole frontmatter as the `lessons` collection checks it. */
export const lessonSchema = z.object({
  /** The lesson's title: the page heading, the sidebar entry and the browser tab. */
  title: z.string({ error: says('must be text: the lesson’s title') }).min(1, { error: 'may not be empty' }),
  /** One or two sentences saying what the lesson is about: search results and the course home. */
  description: z.string({ error: says('must be text: one or two sentences about the lesson') }).min(1, {
    error: 'may not be empty',
  }),
  ...lessonFields,
});

export type Lesson = z.output<typeof lessonSchema>;

/**
 * Check frontmatter and say what is wrong with it, one line per mistake:
 * `src/content/lessons/containers/x.mdx: lab.nodes must be a number of nodes …`.
 */
export function lessonFrontmatterProblems(file: string, data: unknown): string[] {
  const result = lessonSchema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : 'frontmatter';
    return `${file}: ${field} ${issue.message}`;
  });
}

/**
 * The course's modules, in order: a folder of `src/content/lessons/` each. The sidebar,
 * the course home and the lesson schema's `module` field are all read from this list.
 */
export interface CourseModule {
  /** folder name under src/content/lessons/, and the value of a lesson's `module` */
  id: string;
  title: string;
  /** one sentence for the course home */
  summary: string;
}

export const MODULES = [
  {
    id: 'containers',
    title: 'Containers',
    summary: 'Run, list, stop and remove containers; publish a port and reach it; read logs.',
  },
  {
    id: 'dockerfiles',
    title: 'Dockerfiles',
    summary: 'Build your own images: layers, the build cache, multi-stage builds, pushing to a registry.',
  },
  {
    id: 'swarm',
    title: 'Swarm',
    summary: 'Turn a few machines into a cluster: managers, workers, joining and leaving.',
  },
  {
    id: 'services',
    title: 'Services',
    summary: 'Replicated and global services, scaling, the routing mesh, rolling updates and rollbacks.',
  },
  {
    id: 'stacks',
    title: 'Stacks',
    summary: 'Describe an application in a compose file and deploy it to the swarm as a stack.',
  },
] as const satisfies readonly CourseModule[];

export type ModuleId = (typeof MODULES)[number]['id'];

export const MODULE_IDS = MODULES.map((m) => m.id) as [ModuleId, ...ModuleId[]];

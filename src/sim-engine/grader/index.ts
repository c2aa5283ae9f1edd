/**
 * The grader: parse an exercise's goal, read a snapshot of the lab through the Engine
 * API, grade it line by line. It reaches the engine only through api/ (client and
 * types), like the docker CLI, so it could grade a real engine (README.md).
 */
export { parseGoal } from './parse-goal.ts';
export { GoalError } from './goal-error.ts';
export { snapshot, type LabReach, type Snapshot } from './snapshot.ts';
export { grade, type Grade, type GradeLine } from './grade.ts';
export { curlProbe, curlLine, type HostRunner, type HttpAnswer } from './http-probe.ts';
export type { Goal } from './goal.ts';

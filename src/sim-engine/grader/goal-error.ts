/**
 * The one error parseGoal throws: what is wrong, in plain words, with the goal's line
 * (1-based) and the path of the key (`services.web.replicas`), so the build can say
 * "src/content/lessons/…mdx, exercise scale-web, line 12: services.web.replicas: …".
 */
export class GoalError extends Error {
  readonly line: number;
  readonly path: string;
  readonly reason: string;

  constructor(line: number, path: string, reason: string) {
    super(`line ${line}: ${path ? `${path}: ` : ''}${reason}`);
    this.name = 'GoalError';
    this.line = line;
    this.path = path;
    this.reason = reason;
  }
}

/** docker/cli opts/env.go */

/**
 * opts.ValidateEnv. Differs from Docker: a bare `NAME` is looked up in the host
 * environment by docker at parse time; a parse function has no environment, so the
 * run function resolves bare names from `cli.env`.
 */
export function validateEnv(val: string): string {
  const eq = val.indexOf('=');
  const k = eq >= 0 ? val.slice(0, eq) : val;
  if (k === '') throw new Error('invalid environment variable: ' + val);
  return val;
}

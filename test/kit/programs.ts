/** The programs a test lab runs: the engine's own registry. */
import type { Program } from '../../src/sim-engine/process/types.ts';
import { HOST_UTILITIES, programRegistry } from '../../src/sim-engine/programs.ts';

export function labPrograms(): { programs: Map<string, Program>; utilities: readonly string[] } {
  return { programs: new Map(programRegistry()), utilities: HOST_UTILITIES };
}

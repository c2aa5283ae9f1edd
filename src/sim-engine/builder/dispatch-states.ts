/**
 * The build's stages in Dockerfile order (dockerfile2llb/convert.go `dispatchStates`):
 * a stage found by name or index among those defined before another — how FROM,
 * `COPY --from` and `RUN --mount=from=` name one — and the stages a target needs.
 * Apart from build.ts so the lookup rules live in one place for every dispatcher.
 */
import type { Instruction } from './dockerfile/index.ts';
import type { StageState } from './stage.ts';

export class DispatchStates {
  readonly #states: StageState[] = [];

  add(states: readonly StageState[]): void {
    this.#states.push(...states);
  }

  /** A stage named `name` (or by index) defined before `before`. */
  byName(name: string, before: StageState): StageState | undefined {
    const idx = this.#states.indexOf(before);
    const lower = name.toLowerCase();
    for (let i = 0; i < idx; i++) {
      const s = this.#states[i]!;
      if (s.stage.name === lower) return s;
    }
    if (/^\d+$/.test(name) && Number(name) < idx) return this.#states[Number(name)];
    return undefined;
  }

  /** The stages `target` needs: itself, its base stages and the stages it copies from. */
  reachable(target: StageState): Set<StageState> {
    const out = new Set<StageState>();
    const visit = (s: StageState) => {
      if (out.has(s)) return;
      out.add(s);
      const base = this.byName(s.stage.baseName, s);
      if (base) visit(base);
      for (const c of s.stage.commands) {
        if ((c.kind === 'COPY' || c.kind === 'ADD') && c.from) {
          const from = this.byName(c.from, s);
          if (from) visit(from);
        }
        if (c.kind === 'RUN') {
          for (const m of runMountsFrom(c)) {
            const from = this.byName(m, s);
            if (from) visit(from);
          }
        }
      }
    };
    visit(target);
    return out;
  }
}

/** Stages a RUN's `--mount=from=…` names. */
function runMountsFrom(cmd: Extract<Instruction, { kind: 'RUN' }>): string[] {
  const mounts = (cmd as { mounts?: { from?: string }[] }).mounts ?? [];
  return mounts.flatMap((m) => (m.from ? [m.from] : []));
}

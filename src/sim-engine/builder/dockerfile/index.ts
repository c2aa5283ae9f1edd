/**
 * The Dockerfile frontend of BuildKit as Docker 28's daemon vendors it (moby v28.5.1,
 * vendor/github.com/moby/buildkit/frontend/dockerfile): parse, check, expand. See
 * README.md for which file mirrors which Go file.
 */
import { parseInstruction } from './instructions.ts';
import { formats, Linter, parseLintOptions, type LintConfig } from './lint.ts';
import { detectDirective, parseAst, ParseError, type AstResult } from './parser.ts';
import type { ArgInstruction, Directives, Instruction, ParseResult, Problem, Stage } from './types.ts';

export type * from './types.ts';
export { shellLex, LexError, type ShellLex, type EnvLookup, type ProcessWordResult } from './shell-lex.ts';
export { expandInstruction, expandFrom, checkCopyFrom, type ExpandedFrom } from './expand.ts';
export { parseRunMount } from './mount.ts';
export { chompHeredocContent, parseHeredoc } from './parser.ts';
export { rules, formats, Linter, parseLintOptions, lintFormatShort, looksLikeSecret } from './lint.ts';
export type { LintConfig, LintRule, RuleName } from './lint.ts';
export { suggestSearch, wrapSuggest } from './suggest.ts';
export {
  defaultArgs,
  parsePlatformLoose,
  resolveStages,
  StageChecks,
  StageError,
  type PlatformSpec,
  type ResolvedStages,
  type ResolveStagesOptions,
} from './checks.ts';

/** A ParseResult plus what the builder needs to run the remaining checks. */
export interface ParsedDockerfile extends ParseResult {
  /** The lint configuration from `# check=` (skip, experimental, error). */
  lintConfig: LintConfig;
  /** Names of the rules that fired, for check=error=true (Linter.Error). */
  linter: Linter;
}

function errorProblem(message: string, line: number, endLine: number, prefixLine?: number): Problem {
  // BuildKit can report line 0 (a bad directive on line 1, an empty file); markers need 1
  const l = Math.max(1, line);
  return {
    severity: 'error',
    message,
    line: l,
    endLine: Math.max(l, endLine),
    ...(prefixLine !== undefined ? { prefixLine } : {}),
  };
}

/**
 * Parse a Dockerfile as BuildKit does before it dispatches anything: parser.Parse,
 * instructions.Parse and the checks that run on the whole file (validateStageNames,
 * validateCommandCasing). Never throws: errors are Problems, and parsing stops at the
 * first one as BuildKit does (stages and metaArgs then hold what came before it).
 */
export function parseDockerfile(text: string): ParsedDockerfile {
  const problems: Problem[] = [];
  const directives: Directives = { escape: '\\' };
  const metaArgs: ArgInstruction[] = [];
  const stages: Stage[] = [];
  let lintConfig = parseLintOptions('');
  const linter = () => new Linter(lintConfig, (p) => problems.push(p));
  let lint = linter();
  const result = (): ParsedDockerfile => ({
    directives,
    metaArgs,
    stages,
    problems,
    lintConfig,
    linter: lint,
  });

  if (text.length === 0) {
    problems.push(errorProblem('the Dockerfile cannot be empty', 1, 1));
    return result();
  }
  const check = detectDirective('check', text);
  if (check) {
    try {
      lintConfig = parseLintOptions(check.value);
      lint = linter();
    } catch (e) {
      problems.push(
        errorProblem(`failed to parse check options: ${(e as Error).message}`, check.line, check.line),
      );
      return result();
    }
  }

  let ast: AstResult;
  try {
    ast = parseAst(text);
  } catch (e) {
    if (e instanceof ParseError) {
      problems.push(errorProblem(e.message, e.line, e.endLine));
      return result();
    }
    throw e;
  }
  directives.escape = ast.escapeToken;
  for (const d of ast.directives) {
    if (d.name === 'syntax') directives.syntax = d.value;
    if (d.name === 'check') directives.check = d.value;
  }
  for (const w of ast.warnings)
    lint.run('NoEmptyContinuation', w.line, w.line, formats.NoEmptyContinuation());

  for (const n of ast.children) {
    let cmd: Stage | Instruction;
    try {
      cmd = parseInstruction(n, lint);
    } catch (e) {
      if (!(e instanceof Error)) throw e;
      // instructions.Parse wraps these as "dockerfile parse error on line N: …"
      problems.push(errorProblem(e.message, n.startLine, n.endLine, n.startLine));
      return result();
    }
    if (stages.length === 0 && 'kind' in cmd && cmd.kind === 'ARG') {
      metaArgs.push(cmd);
      continue;
    }
    if (!('kind' in cmd)) {
      stages.push(cmd);
      continue;
    }
    const stage = stages[stages.length - 1];
    if (!stage) {
      problems.push(errorProblem('no build stage in current context', n.startLine, n.endLine));
      return result();
    }
    stage.commands.push(cmd);
  }
  if (stages.length === 0) {
    problems.push(errorProblem('dockerfile contains no stages to build', 1, 1));
    return result();
  }
  validateStageNames(stages, lint);
  validateCommandCasing(stages, lint);
  return result();
}

function validateStageNames(stages: Stage[], lint: Linter): void {
  const seen = new Set<string>();
  for (const s of stages) {
    if (s.name === undefined) continue;
    if (s.name === 'context' || s.name === 'scratch') {
      lint.run('ReservedStageName', s.line, s.endLine, formats.ReservedStageName(s.name));
    }
    if (seen.has(s.name))
      lint.run('DuplicateStageName', s.line, s.endLine, formats.DuplicateStageName(s.name));
    seen.add(s.name);
  }
}

function isSelfConsistentCasing(s: string): boolean {
  return s === s.toLowerCase() || s === s.toUpperCase();
}

function validateCommandCasing(stages: Stage[], lint: Linter): void {
  let lower = 0;
  let upper = 0;
  const count = (name: string) => {
    if (!isSelfConsistentCasing(name)) return;
    if (name.toLowerCase() === name) lower++;
    else upper++;
  };
  for (const s of stages) {
    count(s.origCmd);
    for (const c of s.commands) count(c.name);
  }
  const majorityLower = lower > upper;
  const check = (name: string, line: number, endLine: number) => {
    let casing = '';
    if (majorityLower && name.toLowerCase() !== name) casing = 'lowercase';
    else if (!majorityLower && name.toUpperCase() !== name) casing = 'uppercase';
    if (casing !== '')
      lint.run(
        'ConsistentInstructionCasing',
        line,
        endLine,
        formats.ConsistentInstructionCasing(name, casing),
      );
  };
  for (const s of stages) {
    check(s.origCmd, s.line, s.endLine);
    for (const c of s.commands) check(c.name, c.line, c.endLine);
  }
}

/**
 * The text of BuildKit's error for this problem: instruction errors carry
 * "dockerfile parse error on line N: ", parser errors are bare.
 */
export function formatParseError(p: Problem): string {
  return p.prefixLine !== undefined
    ? `dockerfile parse error on line ${p.prefixLine}: ${p.message}`
    : p.message;
}

/**
 * An ONBUILD trigger from a base image's Config.OnBuild, parsed as
 * initOnBuildTriggers does (default escape token, one instruction only). The
 * instruction's lines are 0; the builder sets them to the FROM line. Throws Error.
 */
export function parseOnbuildTrigger(expression: string): Instruction {
  let ast: AstResult;
  try {
    ast = parseAst(expression);
  } catch (e) {
    throw new Error((e as Error).message, { cause: e });
  }
  if (ast.children.length !== 1) throw new Error('onbuild trigger should be a single expression');
  const cmd = parseInstruction(ast.children[0]!);
  if (!('kind' in cmd)) throw new Error('*instructions.Stage is not a command type');
  return cmd;
}

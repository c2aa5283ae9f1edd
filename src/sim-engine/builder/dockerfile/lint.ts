/**
 * BuildKit's build checks (frontend/dockerfile/linter): the rules of ruleset.go with
 * their texts, the `# check=` directive's options (ParseLintOptions) and the filter
 * Linter.Run applies (skipped rules, experimental rules off unless asked for).
 */
import { quote } from '../../golang/strconv-quote.ts';
import type { Problem } from './types.ts';

export interface LintRule {
  name: string;
  description: string;
  url?: string;
  experimental?: boolean;
}

const DOCS = 'https://docs.docker.com/go/dockerfile/rule/';

function rule(name: string, slug: string, description: string, experimental = false): LintRule {
  return { name, description, url: DOCS + slug + '/', ...(experimental ? { experimental } : {}) };
}

export const rules = {
  StageNameCasing: rule('StageNameCasing', 'stage-name-casing', 'Stage names should be lowercase'),
  FromAsCasing: rule(
    'FromAsCasing',
    'from-as-casing',
    "The 'as' keyword should match the case of the 'from' keyword",
  ),
  NoEmptyContinuation: rule(
    'NoEmptyContinuation',
    'no-empty-continuation',
    'Empty continuation lines will become errors in a future release',
  ),
  ConsistentInstructionCasing: rule(
    'ConsistentInstructionCasing',
    'consistent-instruction-casing',
    'All commands within the Dockerfile should use the same casing (either upper or lower)',
  ),
  DuplicateStageName: rule('DuplicateStageName', 'duplicate-stage-name', 'Stage names should be unique'),
  ReservedStageName: rule(
    'ReservedStageName',
    'reserved-stage-name',
    'Reserved words should not be used as stage names',
  ),
  JSONArgsRecommended: rule(
    'JSONArgsRecommended',
    'json-args-recommended',
    'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals',
  ),
  MaintainerDeprecated: rule(
    'MaintainerDeprecated',
    'maintainer-deprecated',
    'The MAINTAINER instruction is deprecated, use a label instead to define an image author',
  ),
  UndefinedArgInFrom: rule(
    'UndefinedArgInFrom',
    'undefined-arg-in-from',
    'FROM command must use declared ARGs',
  ),
  WorkdirRelativePath: rule(
    'WorkdirRelativePath',
    'workdir-relative-path',
    'Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes',
  ),
  UndefinedVar: rule('UndefinedVar', 'undefined-var', 'Variables should be defined before their use'),
  MultipleInstructionsDisallowed: rule(
    'MultipleInstructionsDisallowed',
    'multiple-instructions-disallowed',
    'Multiple instructions of the same type should not be used in the same stage',
  ),
  LegacyKeyValueFormat: rule(
    'LegacyKeyValueFormat',
    'legacy-key-value-format',
    'Legacy key/value format with whitespace separator should not be used',
  ),
  InvalidBaseImagePlatform: {
    name: 'InvalidBaseImagePlatform',
    description: 'Base image platform does not match expected target platform',
  } as LintRule,
  RedundantTargetPlatform: rule(
    'RedundantTargetPlatform',
    'redundant-target-platform',
    'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior',
  ),
  SecretsUsedInArgOrEnv: rule(
    'SecretsUsedInArgOrEnv',
    'secrets-used-in-arg-or-env',
    'Sensitive data should not be used in the ARG or ENV commands',
  ),
  InvalidDefaultArgInFrom: rule(
    'InvalidDefaultArgInFrom',
    'invalid-default-arg-in-from',
    'Default value for global ARG results in an empty or invalid base image name',
  ),
  FromPlatformFlagConstDisallowed: rule(
    'FromPlatformFlagConstDisallowed',
    'from-platform-flag-const-disallowed',
    'FROM --platform flag should not use a constant value',
  ),
  CopyIgnoredFile: rule(
    'CopyIgnoredFile',
    'copy-ignored-file',
    'Attempting to Copy file that is excluded by .dockerignore',
    true,
  ),
  InvalidDefinitionDescription: rule(
    'InvalidDefinitionDescription',
    'invalid-definition-description',
    'Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`. If this is not intended to be a description comment, add an empty line or comment between the instruction and the comment.',
    true,
  ),
  ExposeProtoCasing: rule(
    'ExposeProtoCasing',
    'expose-proto-casing',
    'Protocol in EXPOSE instruction should be lowercase',
  ),
  ExposeInvalidFormat: rule(
    'ExposeInvalidFormat',
    'expose-invalid-format',
    'IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release',
  ),
} satisfies Record<string, LintRule>;

export type RuleName = keyof typeof rules;

/** The messages, as each rule's Format in ruleset.go. */
export const formats = {
  StageNameCasing: (stageName: string) => `Stage name '${stageName}' should be lowercase`,
  FromAsCasing: (from: string, as: string) => `'${as}' and '${from}' keywords' casing do not match`,
  NoEmptyContinuation: () => 'Empty continuation line',
  ConsistentInstructionCasing: (cmd: string, casing: string) =>
    `Command '${cmd}' should match the case of the command majority (${casing})`,
  DuplicateStageName: (name: string) => `Duplicate stage name ${quote(name)}, stage names should be unique`,
  ReservedStageName: (name: string) =>
    `Stage name should not use the same name as reserved stage ${quote(name)}`,
  JSONArgsRecommended: (instruction: string) =>
    `JSON arguments recommended for ${instruction} to prevent unintended behavior related to OS signals`,
  MaintainerDeprecated: () => 'Maintainer instruction is deprecated in favor of using label',
  UndefinedArgInFrom: (arg: string, suggest: string) =>
    `FROM argument '${arg}' is not declared` + (suggest !== '' ? ` (did you mean ${suggest}?)` : ''),
  WorkdirRelativePath: (workdir: string) =>
    `Relative workdir ${quote(workdir)} can have unexpected results if the base image changes`,
  UndefinedVar: (arg: string, suggest: string) =>
    `Usage of undefined variable '$${arg}'` + (suggest !== '' ? ` (did you mean $${suggest}?)` : ''),
  MultipleInstructionsDisallowed: (instruction: string) =>
    `Multiple ${instruction} instructions should not be used in the same stage because only the last one will be used`,
  LegacyKeyValueFormat: (cmd: string) =>
    `"${cmd} key=value" should be used instead of legacy "${cmd} key value" format`,
  InvalidBaseImagePlatform: (image: string, expected: string, actual: string) =>
    `Base image ${image} was pulled with platform ${quote(actual)}, expected ${quote(expected)} for current build`,
  RedundantTargetPlatform: (platformVar: string) =>
    `Setting platform to predefined ${platformVar} in FROM is redundant as this is the default behavior`,
  SecretsUsedInArgOrEnv: (instruction: string, key: string) =>
    `Do not use ARG or ENV instructions for sensitive data (${instruction} ${quote(key)})`,
  InvalidDefaultArgInFrom: (baseName: string) =>
    `Default value for ARG ${baseName} results in empty or invalid base image name`,
  FromPlatformFlagConstDisallowed: (platform: string) =>
    `FROM --platform flag should not use constant value ${quote(platform)}`,
  CopyIgnoredFile: (cmd: string, file: string) =>
    `Attempting to ${cmd} file ${quote(file)} that is excluded by .dockerignore`,
  InvalidDefinitionDescription: (instruction: string, defName: string) =>
    `Comment for ${instruction} should follow the format: \`# ${defName} <description>\``,
  ExposeProtoCasing: (port: string) => `Defined protocol '${port}' in EXPOSE instruction should be lowercase`,
  ExposeInvalidFormat: (port: string) =>
    `EXPOSE instruction should not define an IP address or host-port mapping, found '${port}'`,
} satisfies Record<RuleName, (...a: string[]) => string>;

/** linter.Config, from the `# check=` directive (or the build's own config). */
export interface LintConfig {
  experimentalAll: boolean;
  experimentalRules: string[];
  returnAsError: boolean;
  skipAll: boolean;
  skipRules: string[];
}

/** linter.ParseLintOptions; throws with BuildKit's message. */
export function parseLintOptions(checkStr: string): LintConfig {
  const cfg: LintConfig = {
    experimentalAll: false,
    experimentalRules: [],
    returnAsError: false,
    skipAll: false,
    skipRules: [],
  };
  checkStr = checkStr.trim();
  if (checkStr === '') return cfg;
  // strings.SplitN(checkStr, ";", 3)
  const all = checkStr.split(';');
  const parts = all.length > 3 ? [all[0]!, all[1]!, all.slice(2).join(';')] : all;
  for (const p of parts) {
    const eq = p.indexOf('=');
    if (eq < 0) throw new Error(`invalid check option ${quote(p)}`);
    const k = p.slice(0, eq).trim();
    const v = p.slice(eq + 1).trim();
    switch (k) {
      case 'skip':
        if (v === 'all') cfg.skipAll = true;
        else cfg.skipRules = v.split(',').map((r) => r.trim());
        break;
      case 'experimental':
        if (v === 'all') cfg.experimentalAll = true;
        else cfg.experimentalRules = v.split(',').map((r) => r.trim());
        break;
      case 'error': {
        const b = parseGoBool(v);
        if (b === undefined) {
          throw new Error(
            `failed to parse check option ${quote(p)}: strconv.ParseBool: parsing ${quote(v)}: invalid syntax`,
          );
        }
        cfg.returnAsError = b;
        break;
      }
      default:
        throw new Error(`invalid check option ${quote(k)}`);
    }
  }
  return cfg;
}

function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/**
 * linter.Linter: turns a rule hit into a warning Problem unless the config silences
 * it. calledRules feeds "lint violation found for rules: …" when check=error=true.
 */
export class Linter {
  readonly calledRules: string[] = [];
  readonly config: LintConfig;
  private readonly sink: (p: Problem) => void;
  constructor(config: LintConfig, sink: (p: Problem) => void) {
    this.config = config;
    this.sink = sink;
  }

  enabled(r: LintRule): boolean {
    if (r.experimental) return this.config.experimentalAll || this.config.experimentalRules.includes(r.name);
    return !(this.config.skipAll || this.config.skipRules.includes(r.name));
  }

  run(name: RuleName, line: number, endLine: number, message: string): void {
    const r = rules[name];
    if (!this.enabled(r)) return;
    this.calledRules.push(r.name);
    this.sink(warning(r, message, line, endLine));
  }

  /** Linter.Error: the build's error when check=error=true and a rule fired; else undefined. */
  error(): string | undefined {
    if (!this.config.returnAsError || this.calledRules.length === 0) return undefined;
    // Go ranges over a map here; the order of the names is not stable there
    return `lint violation found for rules: ${[...new Set(this.calledRules)].join(', ')}`;
  }
}

export function warning(r: LintRule, message: string, line: number, endLine: number): Problem {
  return {
    severity: 'warning',
    message,
    line,
    endLine,
    rule: r.name,
    ...(r.url ? { url: r.url } : {}),
    description: r.description,
  };
}

/**
 * linter.LintFormatShort: how buildx prints a warning, "Rule: message (line N)".
 */
export function lintFormatShort(ruleName: string, msg: string, line: number): string {
  msg = `${ruleName}: ${msg}`;
  if (line > 0) msg = `${msg} (line ${line})`;
  return msg;
}

const secretTokens = [
  'apikey',
  'auth',
  'credential',
  'credentials',
  'key',
  'password',
  'pword',
  'passwd',
  'secret',
  'token',
];
const secretsRegexp = new RegExp(`(?:_|^)(?:${secretTokens.join('|')})(?:_|$)`, 'i');
const secretsAllowRegexp = /(?:_|^)(?:public)(?:_|$)/i;

/** convert.go's validateNoSecretKey test: a secret-looking name that is not "public". */
export function looksLikeSecret(key: string): boolean {
  return secretsRegexp.test(key) && !secretsAllowRegexp.test(key);
}

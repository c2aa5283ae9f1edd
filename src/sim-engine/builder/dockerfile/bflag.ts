/**
 * BuildKit's instructions/bflag.go: the `--name=value` flags of an instruction. Flags
 * are declared per instruction, then parse() checks what was written against them.
 */
import { wrapSuggest } from './suggest.ts';

type FlagType = 'bool' | 'string' | 'strings';

export class Flag {
  value = '';
  stringValues: string[] = [];
  readonly name: string;
  readonly type: FlagType;
  constructor(name: string, type: FlagType) {
    this.name = name;
    this.type = type;
  }
}

export class BFlags {
  private readonly flags = new Map<string, Flag>();
  readonly used = new Map<string, Flag>();
  readonly args: string[];
  constructor(args: string[]) {
    this.args = args;
  }

  addBool(name: string, def: boolean): Flag {
    const f = this.add(name, 'bool');
    f.value = def ? 'true' : 'false';
    return f;
  }
  addString(name: string, def: string): Flag {
    const f = this.add(name, 'string');
    f.value = def;
    return f;
  }
  addStrings(name: string): Flag {
    return this.add(name, 'strings');
  }
  private add(name: string, type: FlagType): Flag {
    const f = new Flag(name, type);
    this.flags.set(name, f);
    return f;
  }

  /** BFlags.Parse; throws with BuildKit's message. */
  parse(): void {
    for (const a of this.args) {
      // "--" ends the flags (POSIX utility syntax)
      if (a === '--') return;
      if (!a.startsWith('--')) throw new Error(`arg should start with -- : ${a}`);
      const eq = a.indexOf('=');
      const hasValue = eq >= 0;
      const flagName = hasValue ? a.slice(0, eq) : a;
      const value = hasValue ? a.slice(eq + 1) : '';
      const arg = flagName.slice(2);
      const flag = this.flags.get(arg);
      if (!flag) {
        throw new Error(wrapSuggest(`unknown flag: ${flagName}`, arg, [...this.flags.keys()], true));
      }
      if (this.used.has(arg) && flag.type !== 'strings')
        throw new Error(`duplicate flag specified: ${flagName}`);
      this.used.set(arg, flag);
      switch (flag.type) {
        case 'bool':
          // an empty value is only fine without "="
          if (hasValue && value === '') throw new Error(`missing a value on flag: ${flagName}`);
          switch (value.toLowerCase()) {
            case 'true':
            case '':
              flag.value = 'true';
              break;
            case 'false':
              flag.value = 'false';
              break;
            default:
              throw new Error(`expecting boolean value for flag ${flagName}, not: ${value}`);
          }
          break;
        case 'string':
          if (!hasValue) throw new Error(`missing a value on flag: ${flagName}`);
          flag.value = value;
          break;
        case 'strings':
          if (!hasValue) throw new Error(`missing a value on flag: ${flagName}`);
          flag.stringValues.push(value);
          break;
      }
    }
  }
}

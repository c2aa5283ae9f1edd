/**
 * Shell variables: values, the export and readonly attributes, and the dynamic
 * scoping of `local` (a function's locals are visible to the functions it calls, and
 * the previous values come back when it returns, as in bash, dash and ash).
 */

export interface Var {
  /** undefined for a name that is declared (`export X`, `local X`) but has no value */
  value: string | undefined;
  exported: boolean;
  readonly: boolean;
  /** bash: an indexed array (`value` is then its element 0); holes are undefined */
  array?: (string | undefined)[];
}

export class ReadonlyError extends Error {
  override readonly name = 'ReadonlyError';
  readonly variable: string;
  constructor(variable: string) {
    super(`${variable}: readonly variable`);
    this.variable = variable;
  }
}

export class Vars {
  #map: Map<string, Var>;
  /** one frame per running function: the variables it made local, with what they were */
  #frames: Map<string, Var | undefined>[] = [];

  constructor(map = new Map<string, Var>()) {
    this.#map = map;
  }

  /** Variables from an environment: all exported. */
  static fromEnv(env: ReadonlyMap<string, string>): Vars {
    const map = new Map<string, Var>();
    for (const [k, v] of env) map.set(k, { value: v, exported: true, readonly: false });
    return new Vars(map);
  }

  get(name: string): string | undefined {
    return this.#map.get(name)?.value;
  }

  entry(name: string): Var | undefined {
    return this.#map.get(name);
  }

  has(name: string): boolean {
    return this.#map.get(name)?.value !== undefined;
  }

  set(name: string, value: string, options: { export?: boolean } = {}): void {
    const v = this.#map.get(name);
    if (v?.readonly) throw new ReadonlyError(name);
    if (v) {
      v.value = value;
      if (v.array) v.array[0] = value;
      if (options.export) v.exported = true;
    } else this.#map.set(name, { value, exported: !!options.export, readonly: false });
  }

  /** The elements of an array (a scalar is an array of one; unset is empty). */
  elements(name: string): (string | undefined)[] {
    const v = this.#map.get(name);
    if (!v) return [];
    if (v.array) return v.array;
    return v.value === undefined ? [] : [v.value];
  }

  setArray(name: string, values: (string | undefined)[]): void {
    const v = this.#map.get(name);
    if (v?.readonly) throw new ReadonlyError(name);
    const array = values.slice();
    if (v) {
      v.array = array;
      v.value = array[0];
    } else this.#map.set(name, { value: array[0], exported: false, readonly: false, array });
  }

  setElement(name: string, index: number, value: string): void {
    const array = this.elements(name).slice();
    array[index] = value;
    this.setArray(name, array);
  }

  unsetElement(name: string, index: number): void {
    const v = this.#map.get(name);
    if (!v || v.readonly) return;
    const array = this.elements(name).slice();
    if (index < array.length) array[index] = undefined;
    while (array.length && array[array.length - 1] === undefined) array.pop();
    this.setArray(name, array);
  }

  /** Remove a variable; false (and nothing done) when it is read-only. */
  unset(name: string): boolean {
    const v = this.#map.get(name);
    if (v?.readonly) return false;
    this.#map.delete(name);
    return true;
  }

  export(name: string, value?: string): void {
    if (value !== undefined) this.set(name, value, { export: true });
    else {
      const v = this.#map.get(name);
      if (v) v.exported = true;
      else this.#map.set(name, { value: undefined, exported: true, readonly: false });
    }
  }

  unexport(name: string): void {
    const v = this.#map.get(name);
    if (v) v.exported = false;
  }

  setReadonly(name: string, value?: string): void {
    if (value !== undefined) this.set(name, value);
    const v = this.#map.get(name);
    if (v) v.readonly = true;
    else this.#map.set(name, { value: undefined, exported: false, readonly: true });
  }

  /** Put back a variable as it was (after a command's temporary assignments). */
  restore(name: string, saved: Var | undefined): void {
    if (saved) this.#map.set(name, saved);
    else this.#map.delete(name);
  }

  /** Enter a function: `local` saves into this frame. */
  pushFrame(): void {
    this.#frames.push(new Map());
  }

  /** Leave a function: its locals go back to what they were. */
  popFrame(): void {
    const frame = this.#frames.pop();
    if (!frame) return;
    for (const [name, saved] of frame) {
      if (saved) this.#map.set(name, saved);
      else this.#map.delete(name);
    }
  }

  get inFunction(): boolean {
    return this.#frames.length > 0;
  }

  /** Make `name` local to the running function (a copy of the outer value, as dash does). */
  local(name: string, value?: string): void {
    const frame = this.#frames[this.#frames.length - 1];
    if (!frame) return;
    const current = this.#map.get(name);
    if (!frame.has(name)) {
      frame.set(name, current ? { ...current } : undefined);
      if (current?.readonly) throw new ReadonlyError(name);
      this.#map.set(name, { value: undefined, exported: current?.exported ?? false, readonly: false });
    }
    if (value !== undefined) this.set(name, value);
  }

  /** The environment for a child: every exported variable that has a value. */
  environment(): Map<string, string> {
    const env = new Map<string, string>();
    // forEach: no entry array per variable (this runs for every command started)
    this.#map.forEach((v, k) => {
      if (v.exported && v.value !== undefined && !v.array) env.set(k, v.value);
    });
    return env;
  }

  /** All variables, sorted by name (`set`, `export -p`). */
  entries(): [string, Var][] {
    return [...this.#map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** A copy for a subshell: changes in it never reach this one. */
  clone(): Vars {
    const map = new Map<string, Var>();
    for (const [k, v] of this.#map) map.set(k, v.array ? { ...v, array: v.array.slice() } : { ...v });
    return new Vars(map);
  }
}

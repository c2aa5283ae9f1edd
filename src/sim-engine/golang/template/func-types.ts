/**
 * Go functions are typed; JS functions are not. A template function or method can
 * carry a Go signature (`goFunc(['string', 'int'], fn)`) so that arguments are
 * checked and converted as text/template does — a literal `3` for a string
 * parameter fails with `expected string; found 3`, a value of the wrong type with
 * `wrong type for value; expected string; got int`. An unannotated function takes
 * `fn.length` arguments of any type.
 */

/**
 * - 'any': interface{} — the value as is (a missing value arrives as null)
 * - 'value': reflect.Value — like 'any', but a missing value arrives as NO_VALUE
 * - 'string', 'int', 'float64', 'bool', '[]string': checked and converted
 */
export type ParamType = 'any' | 'value' | 'string' | 'int' | 'float64' | 'bool' | '[]string';

export interface GoSignature {
  params: readonly ParamType[];
  /** type of the `...` parameter, if the function is variadic */
  variadic?: ParamType;
}

const GO_SIGNATURE = Symbol.for('dockyard.golang.signature');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFunction = (...args: any[]) => unknown;

/** Annotate a function (or method) with its Go parameter types; returns the same function. */
export function goFunc<F extends AnyFunction>(params: readonly ParamType[], fn: F, variadic?: ParamType): F {
  const sig: GoSignature = variadic === undefined ? { params } : { params, variadic };
  Object.defineProperty(fn, GO_SIGNATURE, { value: sig, enumerable: false, configurable: true });
  return fn;
}

export function signatureOf(fn: AnyFunction): GoSignature {
  const sig = (fn as unknown as Record<symbol, GoSignature | undefined>)[GO_SIGNATURE];
  return sig ?? { params: Array<ParamType>(fn.length).fill('any') };
}

/** How Go spells a parameter type in error messages. */
export function paramTypeName(t: ParamType | undefined): string {
  switch (t) {
    case 'any':
    case undefined:
      return 'interface {}';
    case 'value':
      return 'reflect.Value';
    default:
      return t;
  }
}

/** A template's function map: name → function (annotated with goFunc or not). */
export type FuncMap = Record<string, AnyFunction>;

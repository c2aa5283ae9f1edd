/**
 * The `docker stack ls` table — docker/cli cli/command/stack/formatter/formatter.go:
 * `table {{.Name}}\t{{.Services}}` with the headers NAME and SERVICES.
 */
import { marshalContext, TABLE_FORMAT_KEY, type HeaderMap } from '../../formatter/formatter.ts';

export const STACK_TABLE = 'table {{.Name}}\t{{.Services}}';

export const STACK_HEADER: HeaderMap = { Name: 'NAME', Services: 'SERVICES' };

export function stackListFormat(format: string): string {
  return format === '' || format === TABLE_FORMAT_KEY ? STACK_TABLE : format;
}

/** formatter.Stack through stackContext */
export class StackContext {
  readonly #name: string;
  readonly #services: number;

  constructor(name: string, services: number) {
    this.#name = name;
    this.#services = services;
  }

  Name(): string {
    return this.#name;
  }

  Services(): string {
    return String(this.#services);
  }

  /** formatter.MarshalJSON: `{"Name":"shop","Services":"4"}` */
  MarshalJSON(): string {
    return marshalContext(this);
  }
}

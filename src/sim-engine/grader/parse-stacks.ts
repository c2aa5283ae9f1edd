/**
 * What a stack can be asked for (`stacks: { shop: {…} }`): its services — how many, or
 * a section of them by the names the stack file gives them, with every property a
 * service has — and the names of its networks, secrets and configs.
 */
import { parseComparison } from './compare.ts';
import type { Section, ServiceProps, StackProps } from './goal.ts';
import { SERVICE_PROPS, type Table } from './parse-props.ts';
import { section } from './parse-section.ts';
import { fail, shown, type Reader, type YValue } from './yaml-reader.ts';

const SERVICES_FORMS = 'how many services (3, ">= 2") or a mapping of the stack\'s services by name';

/** `services: 3` is `services: { count: 3 }`; a mapping is a section of the stack's services. */
function services(r: Reader, v: YValue): Section<ServiceProps> {
  if (r.isMap(v)) {
    const out = section<ServiceProps>(r, v, SERVICE_PROPS, 'service');
    if (!out.count && out.named.length === 0 && out.quantified.length === 0)
      fail(v, `is empty: say ${SERVICES_FORMS}`);
    return out;
  }
  const count = r.isList(v) ? undefined : parseComparison(r.scalar(v));
  if (!count) fail(v, `must be ${SERVICES_FORMS}, not ${shown(v)}`);
  return { named: [], quantified: [], count: { value: count, line: v.line, path: v.path } };
}

const names = (what: string) => (r: Reader, v: YValue) =>
  r.texts(
    v,
    `a ${what} name as the stack file writes it, like ${what === 'network' ? 'front' : 'db_password'}`,
  );

export const STACK_PROPS: Table<StackProps> = {
  services,
  networks: names('network'),
  secrets: names('secret'),
  configs: names('config'),
};

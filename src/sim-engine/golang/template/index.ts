/**
 * Go's text/template, as docker/cli uses it for `--format`. See README.md.
 */
export { TemplateError } from './errors.ts';
export { goFunc, type FuncMap, type GoSignature, type ParamType } from './func-types.ts';
export { dockerHeaderFuncs, dockerTemplateFuncs, split, title, toLower, toUpper } from './docker-funcs.ts';
export { parseDockerTemplate, parseTemplate, Template, type TemplateOptions } from './template.ts';
export type { MissingKey } from './state.ts';

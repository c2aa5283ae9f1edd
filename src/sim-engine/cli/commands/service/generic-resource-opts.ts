/** docker/cli cli/command/service/generic_resource_opts.go */

/** ValidateSingleGenericResource: `--generic-resource name=value` */
export function validateSingleGenericResource(val: string): string {
  if (!val.includes('='))
    throw new Error(`invalid generic-resource format \`${val}\` expected \`name=value\``);
  return val;
}

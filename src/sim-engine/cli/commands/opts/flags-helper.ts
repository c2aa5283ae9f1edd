/**
 * docker/cli cli/flags helpers: the `--format` help texts every list and inspect
 * command shares (flagsHelper.FormatHelp and InspectFormatHelp, v28.5.2).
 */

/** flagsHelper.FormatHelp: list commands (table, table TEMPLATE, json, TEMPLATE) */
export const FORMAT_HELP = `Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`;

/** flagsHelper.InspectFormatHelp: inspect commands (json, TEMPLATE) */
export const INSPECT_FORMAT_HELP = `Format output using a custom template:
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates`;

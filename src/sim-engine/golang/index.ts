/**
 * The pieces of Go's standard library and of Docker's Go helpers whose behaviour
 * Docker's output inherits: text/template (for --format), fmt, strconv, encoding/json,
 * text/tabwriter (docker's fork), time, go-units, sortorder. See README.md.
 */
export {
  goFloat64,
  GoFloat64,
  GoComplex,
  GoDuration,
  GoJSONNumber,
  goMap,
  GoNil,
  nilOf,
  withGoType,
} from './values.ts';
export {
  dockerHeaderFuncs,
  dockerTemplateFuncs,
  goFunc,
  parseDockerTemplate,
  parseTemplate,
  Template,
  TemplateError,
  type FuncMap,
  type GoSignature,
  type MissingKey,
  type ParamType,
  type TemplateOptions,
} from './template/index.ts';
export { withGoMethods } from './reflect.ts';
export { applyGoTypes } from './go-types.ts';
export { sprint, sprintln, formatValue } from './fmt-print.ts';
export { sprintf } from './fmt-printf.ts';
export { quote, quoteRune, quoteToASCII, unquote, canBackquote } from './strconv-quote.ts';
export { NumError, parseFloat64, parseInt64, parseUint } from './strconv-number.ts';
export { formatFloat } from './float-format.ts';
export {
  checkValid,
  compact,
  encodeString,
  indent,
  JSONError,
  JSONSyntaxError,
  marshal,
  marshalIndent,
  unmarshalAny,
  type DecodeOptions,
  type MarshalOptions,
} from './json.ts';
export { AlignRight, Debug, DiscardEmptyColumns, TabIndent, TabWriter, tabwrite } from './tabwriter.ts';
export {
  bytesSize,
  customSize,
  ellipsis,
  fromHumanSize,
  humanDuration,
  humanSize,
  humanSizeWithPrecision,
  prettyPrint,
  ramInBytes,
  truncateID,
  UnitsError,
  KB,
  MB,
  GB,
  TB,
  PB,
  KiB,
  MiB,
  GiB,
  TiB,
  PiB,
} from './units.ts';
export {
  ANSIC,
  DateOnly,
  DateTime,
  DurationError,
  formatGoDuration,
  formatGoTime,
  formatRFC3339Nano,
  GoTime,
  goTime,
  Hour,
  Kitchen,
  Microsecond,
  Millisecond,
  Minute,
  Nanosecond,
  parseGoDuration,
  parseGoDurationBig,
  parseRFC3339,
  RFC1123,
  RFC1123Z,
  RFC3339,
  RFC3339Nano,
  RFC822,
  RFC822Z,
  Second,
  TimeOnly,
  TimeParseError,
  UnixDate,
  zeroTime,
  type Zone,
} from './time.ts';
export { naturalCompare, naturalLess } from './natural-sort.ts';
export { isEastAsianWide, stringWidth } from './unicode.ts';
export { byteLength, sliceBytes } from './utf8.ts';

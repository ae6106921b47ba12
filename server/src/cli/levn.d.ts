// The types of `levn` (the value syntax of ESLint's CLI options, `--rule 'id: [warn, {max: 3}]'`), which ships none.
declare module 'levn' {
  export function parse(type: string, input: string): unknown;
}

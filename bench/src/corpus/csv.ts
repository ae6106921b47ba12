// The CSV dialect of the label files: comma-separated, fields quoted with `"` when they hold a comma, a quote or a
// line break (a quote inside is doubled), `\n` or `\r\n` line ends, the first row a header.

/** The rows of a CSV text; blank lines are skipped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  const endRow = (): void => {
    if (fieldStarted || row.length > 0) {
      row.push(field);
      rows.push(row);
    }
    row = [];
    field = '';
    fieldStarted = false;
  };
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[index + 1] === '"') {
        field += '"';
        index++;
      } else quoted = false;
      continue;
    }
    if (char === '"') {
      quoted = true;
      fieldStarted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
      fieldStarted = true;
    } else if (char === '\n') {
      endRow();
    } else if (char === '\r' && text[index + 1] === '\n') {
      // The `\n` that follows ends the row.
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (quoted) throw new Error('a quoted field is not closed');
  endRow();
  return rows;
}

/** One CSV row, quoting only the fields that need it. */
export function formatCsvRow(fields: readonly (string | number)[]): string {
  return fields
    .map((value) => {
      const text = String(value);
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

/** The rows of a CSV text with a header, as records keyed by the header's names. */
export function parseCsvRecords(
  text: string,
  expectedHeader: readonly string[],
): { records: Array<{ row: number; values: Record<string, string> }>; problems: string[] } {
  const rows = parseCsv(text);
  const problems: string[] = [];
  const [header, ...body] = rows;
  if (!header || header.join(',') !== expectedHeader.join(',')) {
    return {
      records: [],
      problems: [
        `the header must be \`${expectedHeader.join(',')}\`, not \`${header?.join(',') ?? ''}\``,
      ],
    };
  }
  const records: Array<{ row: number; values: Record<string, string> }> = [];
  body.forEach((fields, index) => {
    // Row numbers count the header as row 1, as a spreadsheet shows them.
    const row = index + 2;
    if (fields.length !== header.length) {
      problems.push(`row ${row}: ${fields.length} fields, the header has ${header.length}`);
      return;
    }
    const values: Record<string, string> = {};
    header.forEach((name, column) => (values[name] = fields[column]!.trim()));
    records.push({ row, values });
  });
  return { records, problems };
}

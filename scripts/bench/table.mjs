// Plain-text tables and number formats for the bench's output.

/** Prints a title and rows (arrays of cells) with aligned columns; numbers align right. */
export function printTable(title, header, rows) {
  const cells = [header, ...rows].map((row) => row.map((cell) => String(cell ?? '')));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const rightAligned = header.map((_, i) => rows.every((row) => typeof row[i] === 'number' || /^[\d.,×x%-]+( \w+)?$/.test(String(row[i]))));
  const line = (row) => row.map((cell, i) => (rightAligned[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  console.log(`\n${title}`);
  console.log(line(cells[0]));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}

export const perSecond = (value) => Math.round(value).toLocaleString('en-US');
export const ratio = (value) => value.toFixed(2);
export const seconds = (value) => `${value.toFixed(2)} s`;
export const mebibytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

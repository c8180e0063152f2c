import writeXlsxFile from 'write-excel-file/browser';

export interface ExportColumn<Row> {
  title: string;
  value: (row: Row) => string | number | null | undefined;
}

/** Downloads `rows` as an Excel workbook (.xlsx): one sheet named `sheet`, a bold header row, built in the browser. */
export async function exportXlsx<Row>(
  fileName: string,
  sheet: string,
  columns: ExportColumn<Row>[],
  rows: readonly Row[],
): Promise<void> {
  const header = columns.map((column) => ({ value: column.title, fontWeight: 'bold' as const }));
  const body = rows.map((row) =>
    columns.map((column) => {
      const value = column.value(row);
      if (value === null || value === undefined) return null;
      return typeof value === 'number' ? { type: Number, value } : { type: String, value };
    }),
  );
  await writeXlsxFile([header, ...body], { sheet: sheet.slice(0, 31) }).toFile(
    fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`,
  );
}

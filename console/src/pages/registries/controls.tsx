import { Button, Input, Select, Table, type ButtonProps, type TableProps } from 'antd';
import { EmptyText } from './paged-list';
import { optionsOf } from './options';

/**
 * A small button in a table row, named for its row (编辑 + the organisation's name) so each is told apart by a
 * screen reader; antd's space between two characters is left out so the visible text stays part of that name.
 */
export function RowButton({ text, subject, ...props }: ButtonProps & { text: string; subject: string }) {
  return (
    <Button size="small" autoInsertSpace={false} aria-label={`${text}:${subject}`} {...props}>
      {text}
    </Button>
  );
}

interface FilterSelectProps {
  label: string;
  /** what the empty choice is called, e.g. 全部类型 */
  all: string;
  labels: Record<string, string>;
  onChange(value: string | undefined): void;
  width: number;
}

/** A list filter whose first choice is 全部… (a real choice, not a faint placeholder, so it reads clearly). */
export function FilterSelect({ label, all, labels, onChange, width }: FilterSelectProps) {
  return (
    <Select
      aria-label={label}
      defaultValue=""
      options={[{ value: '', label: all }, ...optionsOf(labels)]}
      onChange={(value: string) => onChange(value || undefined)}
      style={{ width }}
    />
  );
}

interface SearchBoxProps {
  label: string;
  placeholder: string;
  /** the words to look for; undefined when the box is cleared */
  onSearch(search: string | undefined): void;
  width: number;
}

/** A list's search box: searches on Enter or the button, all again when cleared. */
export function SearchBox({ label, placeholder, onSearch, width }: SearchBoxProps) {
  return (
    <Input.Search
      aria-label={label}
      placeholder={placeholder}
      allowClear
      onSearch={(search) => onSearch(search.trim() || undefined)}
      style={{ width }}
    />
  );
}

/** A small titled table of a record's own entries (certificates, allocations…) shown under its row. */
export function RecordTable<Row extends { id: string }>({
  title,
  emptyText,
  ...table
}: Omit<TableProps<Row>, 'title'> & { title: string; emptyText: string }) {
  return (
    <Table<Row>
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      title={() => title}
      locale={{ emptyText: <EmptyText text={emptyText} /> }}
      {...table}
    />
  );
}

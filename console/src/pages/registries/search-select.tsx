import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { useQuery, type TypedDocumentNode } from 'urql';

interface SearchSelectProps<Data, Variables extends object> extends Omit<SelectProps, 'options' | 'onSearch'> {
  query: TypedDocumentNode<Data, Variables>;
  /** the query's variables for the words typed so far */
  variables: (search: string | undefined) => Variables;
  options: (data: Data) => { value: string; label: string }[];
}

/** A select whose choices the hub finds as staff type (organisations, stations, needs… of their region). */
export function SearchSelect<Data, Variables extends object>({
  query,
  variables,
  options,
  ...props
}: SearchSelectProps<Data, Variables>) {
  const [search, setSearch] = useState<string>();
  const [{ data, fetching }] = useQuery({ query, variables: variables(search) });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: (text) => setSearch(text.trim() || undefined) }}
      allowClear
      loading={fetching}
      notFoundContent={fetching ? '正在查找…' : '没有找到,请换个关键词'}
      options={data ? options(data) : []}
      {...props}
    />
  );
}

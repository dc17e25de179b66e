import { useQuery } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { Link } from "wouter";
import { list, type Query } from "../api";
import { FormError } from "./form";

export interface Column<T> {
  label: string;
  cell: (row: T) => ReactNode;
  /** The API's `order` value for this column (`created_at`); the header then sorts. */
  sort?: string;
  className?: string;
}

/** Search text that only reaches the query after the user stops typing for a moment. */
function useDebounced(value: string, ms = 250): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * A paged, searchable, sortable list of one Admin API resource (`{ <key>: [...], count, offset, limit }`),
 * with optional filters given as query values. Each row links to `rowHref`.
 */
export function ResourceList<T extends { id: string }>(props: {
  label: string;
  path: string;
  listKey?: string;
  /** The columns, or a function of the rows on screen that picks them (for resources the dashboard knows nothing of). */
  columns: Column<T>[] | ((rows: T[]) => Column<T>[]);
  rowHref?: (row: T) => string;
  search?: boolean;
  filters?: Query;
  pageSize?: number;
  defaultSort?: string;
  toolbar?: ReactNode;
}) {
  const limit = props.pageSize ?? 20;
  const [offset, setOffset] = useState(0);
  const [q, setQ] = useState("");
  const [order, setOrder] = useState<string | undefined>(props.defaultSort);
  const search = useDebounced(q);
  const filterKey = JSON.stringify(props.filters ?? {});
  useEffect(() => setOffset(0), [search, filterKey, order]);
  const query: Query = { ...props.filters, offset, limit, ...(search ? { q: search } : {}), ...(order ? { order } : {}) };
  const result = useQuery({
    queryKey: [props.path, query],
    queryFn: () => list<T>(props.path, props.listKey, query),
    placeholderData: (previous) => previous,
  });
  const rows = result.data?.rows ?? [];
  const count = result.data?.count ?? 0;
  const columns = typeof props.columns === "function" ? props.columns(rows) : props.columns;
  const sortBy = (key: string) => setOrder(order === key ? `-${key}` : key);
  return (
    <section className="resource-list" aria-busy={result.isFetching}>
      <div className="toolbar">
        {props.search !== false && (
          <input
            type="search"
            aria-label={`Search ${props.label.toLowerCase()}`}
            placeholder={`Search ${props.label.toLowerCase()}`}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        )}
        {props.toolbar}
      </div>
      <FormError error={result.error} />
      <div className="table-wrap">
        <table>
          <caption className="sr-only">{props.label}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col" className={c.className} aria-sort={!c.sort || !order?.endsWith(c.sort) ? undefined : order.startsWith("-") ? "descending" : "ascending"}>
                  {c.sort ? (
                    <button type="button" className="sort" onClick={() => sortBy(c.sort!)}>
                      {c.label}
                      <span aria-hidden="true">{order === c.sort ? " ▲" : order === `-${c.sort}` ? " ▼" : ""}</span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-id={row.id}>
                {columns.map((c, i) => (
                  <td key={c.label} className={c.className}>
                    {i === 0 && props.rowHref ? <Link href={props.rowHref(row)}>{c.cell(row)}</Link> : c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
            {!rows.length && !result.isPending && (
              <tr>
                <td colSpan={columns.length} className="empty">
                  Nothing here yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pagination count={count} offset={offset} limit={limit} onChange={setOffset} />
    </section>
  );
}

export function Pagination(props: { count: number; offset: number; limit: number; onChange: (offset: number) => void }) {
  const { count, offset, limit } = props;
  if (count <= limit && offset === 0) return <p className="pager">{count} in all</p>;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" disabled={offset === 0} onClick={() => props.onChange(Math.max(0, offset - limit))}>
        Previous
      </button>
      <span>
        {offset + 1}–{Math.min(offset + limit, count)} of {count}
      </span>
      <button type="button" disabled={offset + limit >= count} onClick={() => props.onChange(offset + limit)}>
        Next
      </button>
    </nav>
  );
}

/** `fulfilled`, `not_paid` -> a coloured badge. */
export function Status({ value }: { value: string | null | undefined }) {
  if (!value) return null;
  return <span className={`status status-${value}`}>{value.replace(/_/g, " ")}</span>;
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return "–";
  return new Date(value).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

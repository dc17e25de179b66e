import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { Link } from "wouter";
import { list } from "../api";
import { formatMoney } from "../money";
import { ORDER_VIEWS, type OrderRow } from "./orders";
import { Widgets } from "../extensions";

const Chart = lazy(() => import("../ui/chart"));

const LOW_STOCK = 5;
const DAYS = 14;

function startOfDay(daysAgo = 0): Date {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - daysAgo);
  return d;
}

/** Revenue by currency: `{ eur: 12000, usd: 300 }`. */
function revenue(orders: OrderRow[]): [string, number][] {
  const sums = new Map<string, number>();
  for (const o of orders) if (o.status !== "canceled") sums.set(o.currency_code, (sums.get(o.currency_code) ?? 0) + Number(o.total));
  return [...sums.entries()];
}

/** The merchant's day: today's orders and revenue, what waits to ship, low stock, and two weeks of orders. */
export default function Home() {
  const since = startOfDay(DAYS - 1);
  const recent = useQuery({
    queryKey: ["home", "recent", since.toISOString()],
    queryFn: () => list<OrderRow>("/admin/orders", "orders", { "created_at[gte]": since.toISOString(), limit: 1000, offset: 0 }),
  });
  const toShip = useQuery({ queryKey: ["home", "to-ship"], queryFn: () => list<OrderRow>("/admin/orders", "orders", { ...ORDER_VIEWS[1][1], limit: 5, offset: 0 }) });
  const variants = useQuery({
    queryKey: ["home", "stock"],
    queryFn: () => list<{ id: string; title: string; sku?: string; inventory_quantity: number; manage_inventory: boolean; product_id: string; product?: { title: string } }>("/admin/variants", "variants", { limit: 500, offset: 0 }),
  });
  const today = startOfDay().getTime();
  const todays = (recent.data?.rows ?? []).filter((o) => new Date(o.created_at).getTime() >= today);
  const low = (variants.data?.rows ?? []).filter((v) => v.manage_inventory !== false && v.inventory_quantity <= LOW_STOCK).sort((a, b) => a.inventory_quantity - b.inventory_quantity);
  const days = Array.from({ length: DAYS }, (_, i) => startOfDay(DAYS - 1 - i).getTime());
  const perDay = days.map((d) => (recent.data?.rows ?? []).filter((o) => {
    const t = new Date(o.created_at).getTime();
    return t >= d && t < d + 86_400_000;
  }).length);
  return (
    <>
      <h1>Home</h1>
      <div className="stats">
        <section className="card stat" aria-labelledby="s-orders">
          <h2 id="s-orders">Orders today</h2>
          <p className="big" data-testid="orders-today">{recent.data ? todays.length : "…"}</p>
        </section>
        <section className="card stat" aria-labelledby="s-revenue">
          <h2 id="s-revenue">Revenue today</h2>
          <p className="big">{recent.data ? revenue(todays).map(([c, n]) => formatMoney(n, c)).join(" · ") || "0" : "…"}</p>
        </section>
        <section className="card stat" aria-labelledby="s-ship">
          <h2 id="s-ship">Waiting to ship</h2>
          <p className="big">{toShip.data ? toShip.data.count : "…"}</p>
        </section>
        <section className="card stat" aria-labelledby="s-low">
          <h2 id="s-low">Low stock</h2>
          <p className="big">{variants.data ? low.length : "…"}</p>
        </section>
      </div>
      <section className="card" aria-labelledby="chart-title">
        <h2 id="chart-title">Orders, last {DAYS} days</h2>
        <Suspense fallback={<div className="chart-placeholder" />}>
          <Chart days={days} values={perDay} label="Orders" />
        </Suspense>
      </section>
      <div className="grid">
        <section className="card" aria-labelledby="ship-title">
          <h2 id="ship-title">Waiting to ship</h2>
          <ul className="plain">
            {(toShip.data?.rows ?? []).map((o) => (
              <li key={o.id}>
                <Link href={`/orders/${o.id}`}>#{o.display_id}</Link> · {o.email} · {formatMoney(o.total, o.currency_code)}
              </li>
            ))}
            {toShip.data && !toShip.data.rows.length && <li>Nothing waits.</li>}
          </ul>
        </section>
        <section className="card" aria-labelledby="low-title">
          <h2 id="low-title">Low stock (≤ {LOW_STOCK})</h2>
          <ul className="plain">
            {low.slice(0, 10).map((v) => (
              <li key={v.id}>
                <Link href={`/products/${v.product_id}`}>{v.product?.title ?? v.title}</Link> · {v.title} · {v.inventory_quantity} left
              </li>
            ))}
            {variants.data && !low.length && <li>Stock is fine.</li>}
          </ul>
        </section>
      </div>
      <Widgets zone="home" />
    </>
  );
}

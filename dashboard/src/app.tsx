import { lazy, Suspense, useEffect, useRef, type ReactNode } from "react";
import { Link, Route, Switch, useLocation } from "wouter";
import { useSession, useSignOut, type User } from "./session";
import { SignIn } from "./sign-in";
import { useEntities } from "./entities";
import { ExtensionPage, labelOf, useExtensionList } from "./extensions";

// One chunk per screen: the first screen loads only what it shows.
const Home = lazy(() => import("./screens/home"));
const Orders = lazy(() => import("./screens/orders"));
const OrderDetail = lazy(() => import("./screens/order-detail"));
const Products = lazy(() => import("./screens/products"));
const ProductForm = lazy(() => import("./screens/product-form"));
const Customers = lazy(() => import("./screens/customers"));
const Regions = lazy(() => import("./screens/regions"));
const ShippingOptions = lazy(() => import("./screens/shipping-options"));
const Discounts = lazy(() => import("./screens/discounts"));
const Users = lazy(() => import("./screens/users"));
const Settings = lazy(() => import("./screens/settings"));
const Browse = lazy(() => import("./screens/browse"));
const EntityList = lazy(() => import("./screens/entity-list"));
const EntityForm = lazy(() => import("./screens/entity-form"));
const RecordView = lazy(() => import("./screens/record"));
const SettingsRecord = lazy(() => import("./screens/settings-record"));
const edits = () => import("./screens/edits");
/** A record screen with its edit form (the form's definitions load with the screen). */
const Edit = {
  Customer: lazy(() => edits().then((m) => ({ default: (p: { id: string }) => <RecordView title="Customer" customFields="customer" path={`/admin/customers/${p.id}`} back="/customers" edit={m.customerEdit} /> }))),
  Region: lazy(() => edits().then((m) => ({ default: (p: { id: string }) => <RecordView title="Region" customFields="region" path={`/admin/regions/${p.id}`} back="/regions" edit={m.regionEdit} /> }))),
  ShippingOption: lazy(() =>
    edits().then((m) => ({ default: (p: { id: string }) => <RecordView title="Shipping option" customFields="shipping_option" path={`/admin/shipping-options/${p.id}`} back="/shipping-options" edit={m.shippingOptionEdit} /> })),
  ),
  Discount: lazy(() => edits().then((m) => ({ default: (p: { id: string }) => <RecordView title="Discount" customFields="discount" path={`/admin/discounts/${p.id}`} back="/discounts" edit={m.discountEdit} /> }))),
  User: lazy(() => edits().then((m) => ({ default: (p: { id: string }) => <RecordView title="User" path={`/admin/users/${p.id}`} back="/users" edit={m.userEdit} deletable /> }))),
};

const NAV: [string, string][] = [
  ["/", "Home"],
  ["/orders", "Orders"],
  ["/products", "Products"],
  ["/customers", "Customers"],
  ["/regions", "Regions"],
  ["/shipping-options", "Shipping options"],
  ["/discounts", "Discounts"],
  ["/users", "Users"],
  ["/settings", "Settings"],
];

export function App() {
  const session = useSession();
  if (session.isPending) return <p className="loading">Loading…</p>;
  if (!session.data) return <SignIn />;
  return <Shell user={session.data} />;
}

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [location] = useLocation();
  const active = href === "/" ? location === "/" : location === href || location.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={active ? "page" : undefined}>
      {children}
    </Link>
  );
}

function Shell({ user }: { user: User }) {
  const signOut = useSignOut();
  const entities = useEntities();
  const extensions = useExtensionList();
  const [location] = useLocation();
  const main = useRef<HTMLElement>(null);
  // A new screen takes the focus, so keyboard and screen reader users start at its top.
  useEffect(() => main.current?.focus({ preventScroll: true }), [location]);
  return (
    <div className="shell">
      {/* With <base href>, "#main" would be a link to the base page: move the focus instead. */}
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Kiosk</span>
        <span className="who">{user.email}</span>
        <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          Sign out
        </button>
      </header>
      <nav className="sidebar" aria-label="Main">
        <ul>
          {NAV.map(([href, label]) => (
            <li key={href}>
              <NavLink href={href}>{label}</NavLink>
            </li>
          ))}
        </ul>
        {!!(entities.data?.length || extensions.data?.pages.length) && (
          <>
            <h2 className="nav-heading">Project</h2>
            <ul>
              {(entities.data ?? []).map((e) => (
                <li key={e.name}>
                  <NavLink href={`/entities/${e.name}`}>{e.label}</NavLink>
                </li>
              ))}
              {(extensions.data?.pages ?? []).map((p) => (
                <li key={`page-${p.name}`}>
                  <NavLink href={`/pages/${p.name}`}>{labelOf(p.name)}</NavLink>
                </li>
              ))}
            </ul>
          </>
        )}
      </nav>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<p className="loading">Loading…</p>}>
          <Switch>
            <Route path="/" component={Home} />
            <Route path="/orders" component={Orders} />
            <Route path="/orders/:id">{(p) => <OrderDetail id={p.id} />}</Route>
            <Route path="/products" component={Products} />
            <Route path="/products/new">{() => <ProductForm />}</Route>
            <Route path="/products/:id">{(p) => <ProductForm id={p.id} />}</Route>
            <Route path="/customers" component={Customers} />
            <Route path="/customers/:id">{(p) => <Edit.Customer id={p.id} />}</Route>
            <Route path="/regions" component={Regions} />
            <Route path="/regions/:id">{(p) => <Edit.Region id={p.id} />}</Route>
            <Route path="/shipping-options" component={ShippingOptions} />
            <Route path="/shipping-options/:id">{(p) => <Edit.ShippingOption id={p.id} />}</Route>
            <Route path="/discounts" component={Discounts} />
            <Route path="/discounts/:id">{(p) => <Edit.Discount id={p.id} />}</Route>
            <Route path="/users" component={Users} />
            <Route path="/users/:id">{(p) => <Edit.User id={p.id} />}</Route>
            <Route path="/settings" component={Settings} />
            <Route path="/browse/:name">{(p) => <Browse name={p.name} />}</Route>
            <Route path="/browse/:name/:id">{(p) => <SettingsRecord name={p.name} id={p.id} />}</Route>
            <Route path="/pages/:name">{(p) => <ExtensionPage name={p.name} />}</Route>
            <Route path="/entities/:name">{(p) => <EntityList name={p.name} />}</Route>
            <Route path="/entities/:name/new">{(p) => <EntityForm name={p.name} />}</Route>
            <Route path="/entities/:name/:id">{(p) => <EntityForm name={p.name} id={p.id} />}</Route>
            <Route>
              <h1>Not found</h1>
              <p>
                <Link href="/">Back home</Link>
              </p>
            </Route>
          </Switch>
        </Suspense>
      </main>
    </div>
  );
}

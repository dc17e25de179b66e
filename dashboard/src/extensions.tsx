import { useQuery } from "@tanstack/react-query";
import { Component, lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from "react";

/** One file of the project's `src/admin/pages` or `src/admin/widgets`, as the kernel lists it. */
interface ExtensionRef {
  name: string;
  url: string;
}

/** What an extension module exports: the component, and for a widget where it goes. */
interface ExtensionModule {
  default: ComponentType<any>;
  config?: { label?: string; zone?: string | string[] };
}

/** The zones a widget may name in `config.zone`, and what each passes to it. */
export type Zone = "home" | "order.details" | "product.details";

interface ExtensionList {
  pages: ExtensionRef[];
  widgets: ExtensionRef[];
  /** `kiosk develop`: poll, and swap an extension in when its file changes (its URL's `?v=` does). */
  watch?: boolean;
}

export function useExtensionList() {
  return useQuery({
    queryKey: ["extensions"],
    queryFn: async () => {
      const res = await fetch(new URL("extensions.json", document.baseURI));
      if (!res.ok) return { pages: [], widgets: [] } as ExtensionList;
      return (await res.json()) as ExtensionList;
    },
    staleTime: Infinity,
    refetchInterval: (query) => (query.state.data?.watch ? 1000 : false),
  });
}

const loaded = new Map<string, Promise<ExtensionModule>>();

/** Imports an extension once per session, after the globals its imports resolve to. */
function load(url: string): Promise<ExtensionModule> {
  let module = loaded.get(url);
  if (!module) {
    module = import("./extension-globals").then(() => import(/* @vite-ignore */ new URL(url, document.baseURI).href));
    loaded.set(url, module);
  }
  return module;
}

/** "sales-report" -> "Sales report". */
export const labelOf = (name: string) => name.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase());

/** Keeps a broken extension from taking the screen down with it. */
class Boundary extends Component<{ name: string; children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (this.state.error)
      return (
        <p className="form-error" role="alert">
          Extension {this.props.name} failed: {this.state.error.message}
        </p>
      );
    return this.props.children;
  }
}

/** A page of `src/admin/pages/<name>.tsx`, at `/pages/<name>` (the server keeps `extensions/` for the modules). */
export function ExtensionPage({ name }: { name: string }) {
  const list = useExtensionList();
  const ref = list.data?.pages.find((p) => p.name === name);
  const [Page, setPage] = useState<ComponentType | undefined>();
  useEffect(() => {
    if (ref) setPage(() => lazy(() => load(ref.url)));
  }, [ref?.url]);
  if (list.data && !ref) return <h1>No page {name}</h1>;
  if (!Page) return <p className="loading">Loading…</p>;
  return (
    <Boundary name={name}>
      <Suspense fallback={<p className="loading">Loading…</p>}>
        <Page />
      </Suspense>
    </Boundary>
  );
}

/** Every widget of `src/admin/widgets` whose `config.zone` names `zone`, given `props`. */
export function Widgets({ zone, props = {} }: { zone: Zone; props?: Record<string, unknown> }) {
  const list = useExtensionList();
  const [widgets, setWidgets] = useState<{ name: string; module: ExtensionModule }[]>([]);
  const urls = (list.data?.widgets ?? []).map((w) => w.url).join();
  useEffect(() => {
    let live = true;
    const refs = list.data?.widgets ?? [];
    Promise.all(
      refs.map((w) =>
        load(w.url).then(
          (module) => ({ name: w.name, module }),
          (error: Error) => (console.error(`dashboard widget ${w.name}: ${error.message}`), undefined),
        ),
      ),
    ).then((all) => {
      if (live) setWidgets(all.filter((w) => w !== undefined).filter((w) => [w.module.config?.zone].flat().includes(zone)));
    });
    return () => {
      live = false;
    };
  }, [urls, zone]);
  if (!widgets.length) return null;
  return (
    <div className="widgets" data-zone={zone}>
      {widgets.map(({ name, module }) => {
        const Widget = module.default;
        return (
          <Boundary key={name} name={name}>
            <Widget {...props} />
          </Boundary>
        );
      })}
    </div>
  );
}

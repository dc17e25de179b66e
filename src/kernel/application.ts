import { asClass, asValue, type AwilixContainer } from "awilix";
import type { Router } from "express";
import { createKernelContainer } from "./container/create-container";
import type { KioskContainer } from "./container/kiosk-services";
import type { Subscription } from "./events/event-bus";
import { buildFileRouter } from "./http/file-router";
import { loadMiddlewares, loadRoutes, type RouteDefinition } from "./loaders/load-routes";
import { loadServices, type ServiceDefinition } from "./loaders/load-services";
import { loadStrategies, strategyKey, type StrategyDefinition } from "./loaders/load-strategies";
import { loadHooks } from "./loaders/load-hooks";
import { HookRunner } from "./hooks/hook-runner";
import { HOOK_NAMES } from "./hooks/hook-names";
import { loadSubscribers } from "./loaders/load-subscribers";
import type { ResourceRoot } from "./loaders/resource-root";
import type { MiddlewaresConfig } from "./http/types";

/**
 * One generation of the reloadable part of a running project: a container
 * with the services, the subscriptions and the router. The kernel swaps a whole
 * generation at once, so a request sees either the old version or the new one.
 */
export interface Application {
  container: AwilixContainer;
  router: Router;
  /** The route files behind the router, most specific first. */
  routes: RouteDefinition[];
  /** Each root's `api/middlewares` (the OpenAPI document reads their `authenticate` entries). */
  middlewares: { file: string; config: MiddlewaresConfig }[];
  subscriptions: Subscription[];
  /** Services of a plugin or the project that replace a core module's service. */
  overrides: ServiceDefinition[];
  /** The strategy in use under each name. */
  strategies: StrategyDefinition[];
}

/** Loads services, subscribers, middlewares and routes from every root into a new generation. */
export function loadApplication(
  roots: ResourceRoot[],
  exts: string[],
  infrastructure: Record<string, unknown>,
): Application {
  const container = createKernelContainer(infrastructure);
  const services = loadServices(roots, exts);
  for (const { key, service, root } of services) {
    const options = root.options ?? {};
    container.register(key, asClass(service).singleton().inject(() => ({ options })));
  }
  const configured = (infrastructure.config as { strategies?: Record<string, object> } | undefined)?.strategies ?? {};
  const strategies = loadStrategies(roots, exts, configured);
  for (const { name, strategy, root } of strategies) {
    const options = root?.options ?? {};
    const isClass = typeof strategy === "function" && /^class[\s{]/.test(Function.prototype.toString.call(strategy));
    container.register(
      strategyKey(name),
      isClass ? asClass(strategy as new (cradle: unknown) => object).singleton().inject(() => ({ options })) : asValue(strategy),
    );
  }
  container.register("hooks", asValue(new HookRunner(loadHooks(roots, exts, HOOK_NAMES))));
  const subscriptions: Subscription[] = loadSubscribers(roots, exts).flatMap(({ subscriberId, events, handler, retry }) =>
    events.map((event) => ({
      event,
      subscriberId,
      ...retry,
      handle: async (message) => {
        await handler({ data: message.data, eventName: message.name, eventId: message.id, container: container as KioskContainer });
      },
    })),
  );
  const routes = loadRoutes(roots, exts);
  container.register("routeDefinitions", asValue(routes));
  const middlewares = loadMiddlewares(roots, exts);
  const router = buildFileRouter(routes, middlewares);
  const overrides = services.filter((s) => s.overrides);
  return { container, router, routes, middlewares, subscriptions, overrides, strategies };
}
